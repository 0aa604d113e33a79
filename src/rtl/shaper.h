// shaper.h — Arabic-script text for Dear ImGui: bidi (FriBidi) and shaping (HarfBuzz) of one line of
// logical UTF-8 into the order it is drawn, left to right. Arabic-script runs come out as private-use
// codepoints U+E000 + glyph id of the Arabic face (tools/make-arabic-font.py adds that cmap), so stock
// ImGui draws the joined forms; everything else (spaces, Latin names, punctuation) comes out as its own
// codepoint, mirrored where a right-to-left run needs it ("(" -> ")"), drawn by Noto Sans as today.
//
// Pure code: no ImGui, no platform. The native build links it into the desktop window and the tests;
// the web build compiles it into its own wasm module (src/rtl/module.cpp), loaded only when a learner
// chooses an Arabic-script language, so English and Indonesian learners never download it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace siaga::rtl {

inline constexpr char32_t kGlyphBase = 0xE000;  // private-use codepoint of glyph id 0

// How a language writes digits; ASCII digits of the text are shown in these (display only).
enum class DigitStyle { Western = 0, Persian = 1, ArabicIndic = 2 };

struct Options {
  bool right_to_left = true;  // the paragraph's base direction
  DigitStyle digits = DigitStyle::Western;
  const char* language = "fa";  // BCP 47 tag for HarfBuzz (locl forms)
};

// Options as one int, for the bridge between the portal and the separately loaded shaper module.
inline int option_flags(const Options& o) {
  return (o.right_to_left ? 1 : 0) | (static_cast<int>(o.digits) << 1) | (std::string_view(o.language) == "ar" ? 8 : 0);
}
inline Options options_from_flags(int flags) {
  Options o;
  o.right_to_left = (flags & 1) != 0;
  o.digits = static_cast<DigitStyle>((flags >> 1) & 3);
  o.language = (flags & 8) ? "ar" : "fa";
  return o;
}

class Shaper {
 public:
  Shaper();
  ~Shaper();
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  // The Arabic face (TTF bytes, copied). False when HarfBuzz cannot read it.
  bool load_font(std::string_view ttf);
  bool loaded() const;
  unsigned glyph_count() const;

  // One line of logical text -> the same line in visual order, Arabic-script runs as glyph codes.
  std::string shape_line(std::string_view logical, const Options& options) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Characters drawn from the Arabic face (the Arabic blocks, ZWNJ, ZWJ).
bool uses_arabic_face(char32_t c);
// True when the text has any such character (the caller can then skip shaping Latin-only strings).
bool has_arabic_script(std::string_view utf8);

// ASCII digits to Persian (۰-۹) or Arabic-Indic (٠-٩) digits.
std::string localize_digits(std::string_view utf8, DigitStyle style);

// Breaks a paragraph of logical text into lines no wider than max_width, at spaces, in reading order
// (each line is then shaped on its own: wrapping a visual string would put a sentence's end first).
// measure gives the drawn width of a logical piece (a word, or " "). A word wider than the line stays
// whole on its own line. '\n' always breaks. The views point into `text`.
// (A plain function and context, not std::function: this is linked into the portal, where each
// template instance costs download bytes.)
using Measure = float (*)(std::string_view piece, void* context);
std::vector<std::string_view> wrap_logical(std::string_view text, float max_width, Measure measure, void* context);

// The code point at `at` (advancing it); U+FFFD for a broken sequence.
char32_t next_codepoint(std::string_view utf8, size_t& at);

// UTF-8 <-> UTF-32 (invalid bytes become U+FFFD).
std::u32string decode_utf8(std::string_view utf8);
void append_utf8(std::string& out, char32_t c);

}  // namespace siaga::rtl
