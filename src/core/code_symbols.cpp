// code_symbols.cpp — base32 symbols and the CRC-15 check (see code_symbols.h).
#include "core/code_symbols.h"

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "core/text_util.h"

namespace siaga {

// [SECTION] Code symbols and check ------------------------------------------------------------------

namespace codes {

namespace {
constexpr std::uint16_t kCrcPolynomial = 0x4599;  // CRC-15/CAN, x^15 implicit

std::uint16_t crc15_step(std::uint16_t crc, unsigned bit) {
  const unsigned top = ((crc >> 14) & 1u) ^ (bit & 1u);
  crc = static_cast<std::uint16_t>((crc << 1) & 0x7FFF);
  return top ? static_cast<std::uint16_t>(crc ^ kCrcPolynomial) : crc;
}

}  // namespace

// Unicode dashes chat apps substitute for '-': U+2010..U+2015 and U+2212 (minus). Returns the byte
// length of the dash at `at`, or 0.
size_t unicode_dash_length(std::string_view s, size_t at) {
  if (at + 2 >= s.size() || static_cast<unsigned char>(s[at]) != 0xE2) return 0;
  const auto b1 = static_cast<unsigned char>(s[at + 1]);
  const auto b2 = static_cast<unsigned char>(s[at + 2]);
  if (b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95) return 3;
  if (b1 == 0x88 && b2 == 0x92) return 3;
  return 0;
}

// The whole UTF-8 character starting at `at` (at least one byte).
std::string_view utf8_char_at(std::string_view s, size_t at) {
  size_t end = at + 1;
  while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
  return s.substr(at, end - at);
}

std::uint32_t fnv1a32(std::string_view bytes) {
  std::uint32_t hash = 2166136261u;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  return hash;
}

std::uint16_t crc15_bits(const std::vector<std::uint8_t>& symbols, std::uint16_t init) {
  std::uint16_t crc = init;
  for (const std::uint8_t symbol : symbols)
    for (int bit = kBitsPerSymbol - 1; bit >= 0; --bit) crc = crc15_step(crc, symbol >> bit);
  return crc;
}

std::uint16_t crc15_bytes(std::string_view bytes, std::uint16_t init) {
  std::uint16_t crc = init;
  for (const char c : bytes)
    for (int bit = 7; bit >= 0; --bit) crc = crc15_step(crc, static_cast<unsigned char>(c) >> bit);
  return crc;
}

int symbol_value(char c) {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (c == 'I' || c == 'L') return 1;
  if (c == 'O') return 0;
  const size_t at = kAlphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

void BitWriter::put(std::uint64_t value, int bit_count) {
  for (int i = bit_count - 1; i >= 0; --i) bits_.push_back(static_cast<std::uint8_t>((value >> i) & 1u));
  bit_count_ += bit_count;
}

std::vector<std::uint8_t> BitWriter::symbols() const {
  std::vector<std::uint8_t> out;
  for (size_t i = 0; i < bits_.size(); i += kBitsPerSymbol) {
    std::uint8_t symbol = 0;
    for (size_t j = i; j < i + kBitsPerSymbol; ++j)
      symbol = static_cast<std::uint8_t>((symbol << 1) | (j < bits_.size() ? bits_[j] : 0));
    out.push_back(symbol);
  }
  return out;
}

std::uint64_t BitReader::get(int bit_count) {
  std::uint64_t value = 0;
  for (int i = 0; i < bit_count; ++i, ++position_) {
    unsigned bit = 0;
    if (position_ < total_bits()) {
      const std::uint8_t symbol = symbols_[static_cast<size_t>(position_ / kBitsPerSymbol)];
      bit = (symbol >> (kBitsPerSymbol - 1 - position_ % kBitsPerSymbol)) & 1u;
    } else {
      overran_ = true;
    }
    value = (value << 1) | bit;
  }
  return value;
}

std::string group_symbols(std::string_view symbols) {
  const size_t n = symbols.size();
  // As many groups of 5 as allow the rest to be groups of 4 (possible for every n >= 12); shorter
  // runs are cut into 4s with a shorter last group.
  size_t fives = n / 5;
  while (fives > 0 && (n - fives * 5) % 4 != 0) --fives;
  const bool exact = (n - fives * 5) % 4 == 0;
  if (!exact) fives = 0;
  std::string out;
  size_t at = 0;
  while (at < n) {
    const size_t size = std::min(n - at, fives > 0 ? size_t{5} : size_t{4});
    if (fives > 0) --fives;
    if (!out.empty()) out += '-';
    out += symbols.substr(at, size);
    at += size;
  }
  return out;
}

std::string finish_code(const std::vector<std::uint8_t>& data_symbols) {
  const std::uint16_t crc = crc15_bits(data_symbols, kCrcInit);
  std::string text;
  for (const std::uint8_t symbol : data_symbols) text += kAlphabet[symbol & 31u];
  text += kAlphabet[(crc >> 10) & 31u];
  text += kAlphabet[(crc >> 5) & 31u];
  text += kAlphabet[crc & 31u];
  return group_symbols(text);
}

Symbols read_symbols(std::string_view code, int min_symbols) {
  Symbols out;
  std::vector<std::uint8_t> all;
  int position = 0;
  for (size_t i = 0; i < code.size();) {
    const char c = code[i];
    if (c == '-' || text::is_space(c)) {
      ++i;
      continue;
    }
    if (const size_t dash = unicode_dash_length(code, i); dash > 0) {
      i += dash;
      continue;
    }
    ++position;
    const int value = symbol_value(c);
    if (value < 0) {
      out.problem = SymbolProblem::BadCharacter;
      out.bad_position = position;
      out.bad_character = std::string(utf8_char_at(code, i));
      return out;
    }
    all.push_back(static_cast<std::uint8_t>(value));
    out.canonical += kAlphabet[static_cast<size_t>(value)];
    ++i;
  }
  if (all.empty()) {
    out.problem = SymbolProblem::Empty;
    return out;
  }
  const size_t data_size = all.size() > kCheckSymbols ? all.size() - kCheckSymbols : 0;
  out.data.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(data_size));
  if (static_cast<int>(all.size()) < min_symbols) {
    out.problem = SymbolProblem::TooShort;
    return out;
  }
  const std::uint16_t crc = crc15_bits(out.data, kCrcInit);
  const std::uint16_t stored = static_cast<std::uint16_t>((all[data_size] << 10) | (all[data_size + 1] << 5) |
                                                          all[data_size + 2]);
  if (crc != stored) out.problem = SymbolProblem::ChecksumMismatch;
  return out;
}

std::string describe(const Symbols& symbols) {
  switch (symbols.problem) {
    case SymbolProblem::None:
      return "";
    case SymbolProblem::Empty:
      return "There is no code here.";
    case SymbolProblem::BadCharacter:
      return "Character " + std::to_string(symbols.bad_position) + ", '" + symbols.bad_character +
             "', is never used in codes (they use only digits and the letters A-Z without I, L, O and U). "
             "Check that character.";
    case SymbolProblem::TooShort:
      return "The code is too short (" + std::to_string(symbols.canonical.size()) +
             " characters): part of it is probably missing.";
    case SymbolProblem::ChecksumMismatch:
      return "The code does not check out: probably a typo. Compare it character by character with the "
             "original.";
  }
  return "";
}

}  // namespace codes

std::uint16_t course_hash(std::string_view course_id) {
  const std::uint32_t h = codes::fnv1a32(course_id);
  return static_cast<std::uint16_t>((h >> 16) ^ (h & 0xFFFFu));
}

}  // namespace siaga
