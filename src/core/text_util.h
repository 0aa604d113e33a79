// text_util.h — internal helpers shared by the content parsers: trimming, id rules, quoting the
// offending text in messages, and turning byte offsets into line:column.
#pragma once

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"

namespace siaga::text {

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

inline bool is_blank(std::string_view s) { return trim(s).empty(); }

// Persian (U+06F0-06F9) and Arabic-Indic (U+0660-0669) digits to ASCII, and the Arabic decimal and
// thousands separators (U+066B, U+066C) to '.' and ','; everything else unchanged. A Dari or Arabic
// learner may type a number or PIN in either numeral system: both read as the same number.
inline std::string western_digits(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char a = static_cast<unsigned char>(s[i]);
    if ((a == 0xD9 || a == 0xDB) && i + 1 < s.size()) {
      const unsigned cp = ((a & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      if (cp >= 0x0660 && cp <= 0x0669) { out.push_back(static_cast<char>('0' + (cp - 0x0660))); ++i; continue; }
      if (cp >= 0x06F0 && cp <= 0x06F9) { out.push_back(static_cast<char>('0' + (cp - 0x06F0))); ++i; continue; }
      if (cp == 0x066B) { out.push_back('.'); ++i; continue; }
      if (cp == 0x066C) { out.push_back(','); ++i; continue; }
    }
    out.push_back(s[i]);
  }
  return out;
}

// "a/b//c" -> {"a", "b", "", "c"}: every piece between separators, empty ones included.
inline std::vector<std::string_view> split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    const size_t end = s.find(separator, start);
    parts.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// Ids end up in progress records, routes and result codes, so one simple rule everywhere (the
// router, route.cpp, accepts the same: at most 64 of these characters).
inline bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

inline const char* id_rule() { return "ids use only lowercase letters, digits and hyphens, at most 64"; }

// The offending text for a message: one line, at most ~60 bytes (cut on a UTF-8 boundary), in quotes.
inline std::string quote(std::string_view s) {
  constexpr size_t limit = 60;
  if (const size_t newline = s.find('\n'); newline != std::string_view::npos) s = s.substr(0, newline);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  bool cut = false;
  if (s.size() > limit) {
    size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    s = s.substr(0, end);
    cut = true;
  }
  return "'" + std::string(s) + (cut ? "...'" : "'");
}

// A whole number in [min, max], digits only (no sign, no spaces).
inline bool parse_int(std::string_view s, int min, int max, int& out) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  int value = 0;
  std::from_chars(s.data(), s.data() + s.size(), value);
  if (value < min || value > max) return false;
  out = value;
  return true;
}

// Byte offset -> 1-based line and column, for text whose first line is file line `first_line`.
class LineIndex {
 public:
  LineIndex(std::string_view text, int first_line) : first_line_(first_line) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }
  int line(size_t offset) const { return first_line_ + static_cast<int>(index_of(offset)); }
  int column(size_t offset) const { return static_cast<int>(offset - starts_[index_of(offset)]) + 1; }
  size_t line_count() const { return starts_.size(); }

 private:
  size_t index_of(size_t offset) const {
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    return static_cast<size_t>(it - starts_.begin()) - 1;
  }
  std::vector<size_t> starts_;
  int first_line_;
};

inline Diagnostic error_at(std::string_view path, int line, int column, std::string message) {
  return Diagnostic{Severity::Error, std::string(path), line, column, std::move(message)};
}

inline Diagnostic warning_at(std::string_view path, int line, int column, std::string message) {
  return Diagnostic{Severity::Warning, std::string(path), line, column, std::move(message)};
}

}  // namespace siaga::text
