// fonts.h — builds the font atlas from the subset Noto Sans files the page fetched.
#pragma once

#include <string>

#include "ui/ui.h"

namespace siaga::ui {

struct FontFiles {
  std::string regular, bold, italic;  // TTF bytes; must outlive the atlas (not copied)
  // The Arabic faces (tools/make-arabic-font.py), once a right-to-left language brought them:
  // merged into every face under U+E000 + glyph id, the codes the shaper gives (src/rtl/shaper.h).
  std::string arabic_regular, arabic_bold;
  // Until then, the few glyphs of the Arabic-script languages' names (LanguageNames.ttf), same codes.
  std::string language_names;
  // Latin Extended-A (NotoSans-LatinExt.ttf: Ł, Ş, ğ ...), once a name with such a letter is shown
  // or typed: merged into every face where the face itself lacks the letter.
  std::string latin_extended;
};

// The characters the interface draws from the Noto Sans faces (Latin, Latin-1, Latin Extended-A, common
// punctuation). The page's subset faces lack Latin Extended-A (tools/assemble-web.sh), which then comes
// from FontFiles::latin_extended; the desktop's full faces have it all.
const unsigned short* glyph_ranges();

// Clears the atlas and adds every face at text_scale, rasterised at pixel_ratio so text stays crisp
// on high-density screens and after a text-size change (never a blurry upscale).
// When projector is given, it is filled with the same faces about 1.75 times larger (the presenter view),
// in the same atlas.
Fonts build_fonts(FontFiles& files, float text_scale, float pixel_ratio, Fonts* projector = nullptr);

}  // namespace siaga::ui
