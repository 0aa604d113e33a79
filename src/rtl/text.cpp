// text.cpp — the shaper's small pure helpers (UTF-8, digits, wrapping). Compiled into the portal
// itself too (it wraps lines in reading order), unlike shaper.cpp, which only the shaper module has.
#include <algorithm>

#include "rtl/shaper.h"

namespace siaga::rtl {

char32_t next_codepoint(std::string_view s, size_t& i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  size_t extra = 0;
  char32_t cp = c;
  if (c < 0x80) extra = 0;
  else if ((c >> 5) == 6) extra = 1, cp = c & 0x1F;
  else if ((c >> 4) == 14) extra = 2, cp = c & 0x0F;
  else if ((c >> 3) == 30) extra = 3, cp = c & 0x07;
  else { ++i; return 0xFFFD; }
  if (i + extra >= s.size()) { ++i; return 0xFFFD; }
  for (size_t k = 1; k <= extra; ++k) {
    const unsigned char next = static_cast<unsigned char>(s[i + k]);
    if ((next & 0xC0) != 0x80) { ++i; return 0xFFFD; }
    cp = (cp << 6) | (next & 0x3F);
  }
  i += extra + 1;
  return cp;
}

std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t extra = 0;
    char32_t cp = c;
    if (c < 0x80) extra = 0;
    else if ((c >> 5) == 6) extra = 1, cp = c & 0x1F;
    else if ((c >> 4) == 14) extra = 2, cp = c & 0x0F;
    else if ((c >> 3) == 30) extra = 3, cp = c & 0x07;
    else { out.push_back(0xFFFD); ++i; continue; }
    bool ok = i + extra < s.size();
    for (size_t k = 1; ok && k <= extra; ++k) {
      const unsigned char next = static_cast<unsigned char>(s[i + k]);
      if ((next & 0xC0) != 0x80) ok = false;
      else cp = (cp << 6) | (next & 0x3F);
    }
    if (!ok) { out.push_back(0xFFFD); ++i; continue; }
    out.push_back(cp);
    i += extra + 1;
  }
  return out;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

bool uses_arabic_face(char32_t c) {
  return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) ||
         (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) || c == 0x200C || c == 0x200D;
}

bool has_arabic_script(std::string_view utf8) {
  // Arabic blocks are 0xD8..0xDD / 0xE0 0xA2.. / 0xEF 0xAD.. in UTF-8; decoding is cheap enough.
  for (unsigned char c : utf8)
    if (c >= 0xD8 && c <= 0xDD) return true;
  for (size_t at = 0; at < utf8.size();) {
    const char32_t c = next_codepoint(utf8, at);
    if (uses_arabic_face(c) && c != 0x200C && c != 0x200D) return true;
  }
  return false;
}

std::string localize_digits(std::string_view utf8, DigitStyle style) {
  if (style == DigitStyle::Western) return std::string(utf8);
  const char32_t zero = style == DigitStyle::Persian ? 0x06F0 : 0x0660;
  std::string out;
  out.reserve(utf8.size() * 2);
  // A word with Latin letters keeps its digits as written: a certificate reference (BXE02-6RPQC-0JRXS),
  // an address, a name like COVID-19. Those are copied or typed elsewhere exactly, and with Western
  // digits the bidi algorithm keeps the whole word left to right (digits after a Latin letter take
  // its direction; Arabic-Indic digits would not, and the word would come apart).
  const auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t'; };
  const auto is_latin = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  for (size_t start = 0; start < utf8.size();) {
    size_t end = start;
    bool latin = false;
    for (; end < utf8.size() && !is_space(utf8[end]); ++end) latin = latin || is_latin(utf8[end]);
    for (size_t i = start; i < end; ++i) {
      const char c = utf8[i];
      if (!latin && c >= '0' && c <= '9') append_utf8(out, zero + static_cast<char32_t>(c - '0'));
      else out.push_back(c);
    }
    while (end < utf8.size() && is_space(utf8[end])) out.push_back(utf8[end++]);
    start = end;
  }
  return out;
}

std::vector<std::string_view> wrap_logical(std::string_view text, float max_width, Measure measure, void* context) {
  std::vector<std::string_view> lines;
  const float space = measure(" ", context);
  size_t paragraph = 0;
  while (paragraph <= text.size()) {
    size_t end = text.find('\n', paragraph);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view para = text.substr(paragraph, end - paragraph);
    size_t line_start = 0, line_end = 0;  // within para
    float width = 0;
    bool empty = true;
    size_t i = 0;
    while (i < para.size()) {
      while (i < para.size() && para[i] == ' ') ++i;
      if (i >= para.size()) break;
      size_t j = para.find(' ', i);
      if (j == std::string_view::npos) j = para.size();
      const float w = measure(para.substr(i, j - i), context);
      if (!empty && width + space + w > max_width) {
        lines.push_back(para.substr(line_start, line_end - line_start));
        empty = true;
      }
      if (empty) { line_start = i; width = w; empty = false; }
      else width += space + w;
      line_end = j;
      i = j;
    }
    lines.push_back(empty ? para.substr(0, 0) : para.substr(line_start, line_end - line_start));
    if (end == text.size()) break;
    paragraph = end + 1;
  }
  return lines;
}

}  // namespace siaga::rtl
