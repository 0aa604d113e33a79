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
};

// The characters English and Indonesian text needs plus common punctuation. The build subsets the
// fonts to the same ranges (tools/assemble-web.sh), so the two must change together.
const unsigned short* glyph_ranges();

// Clears the atlas and adds every face at text_scale, rasterised at pixel_ratio so text stays crisp
// on high-density screens and after a text-size change (never a blurry upscale).
// When projector is given, it is filled with the same faces about 1.75 times larger (the presenter view),
// in the same atlas.
Fonts build_fonts(FontFiles& files, float text_scale, float pixel_ratio, Fonts* projector = nullptr);

}  // namespace siaga::ui
