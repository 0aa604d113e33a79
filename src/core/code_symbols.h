// code_symbols.h — the machinery every Siaga code shares (result codes, certificate references):
// Crockford base32 symbols, 5 bits each, a CRC-15 check over them, groups of 5 and 4 joined by "-".
// The format is described in result_code.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>


namespace siaga {

// [SECTION] Code symbols and check ------------------------------------------------------------------

namespace codes {

// Unicode dashes chat apps substitute for '-' (U+2010..U+2015, U+2212): the byte length of the dash
// at `at`, or 0. Shared with the scanner of pasted text (paste_scan.cpp).
size_t unicode_dash_length(std::string_view s, size_t at);
// The whole UTF-8 character starting at `at` (at least one byte).
std::string_view utf8_char_at(std::string_view s, size_t at);

inline constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
inline constexpr int kBitsPerSymbol = 5;
inline constexpr int kCheckSymbols = 3;  // CRC-15
inline constexpr int kFormatBits = 3;
inline constexpr int kFormatResultV1 = 1;
inline constexpr int kFormatCertificateV1 = 2;

// FNV-1a, 32 bits, over the bytes.
std::uint32_t fnv1a32(std::string_view bytes);
// CRC-15/CAN over `bit_count` bits taken most significant first from 5-bit symbols; `init` is 0 for
// the published CRC-15/CAN and kCrcInit for codes (a non-zero start makes leading zeros count).
inline constexpr std::uint16_t kCrcInit = 0x7FFF;
std::uint16_t crc15_bits(const std::vector<std::uint8_t>& symbols, std::uint16_t init);
// The same over whole bytes (8 bits each), for checking the polynomial against its published value.
std::uint16_t crc15_bytes(std::string_view bytes, std::uint16_t init);

// A symbol's value 0..31, or -1 when the character is not a code character (I, L -> 1; O -> 0;
// lower case accepted).
int symbol_value(char c);

// Appends bits (most significant first) and cuts them into 5-bit symbols.
class BitWriter {
 public:
  void put(std::uint64_t value, int bit_count);
  int bit_count() const { return bit_count_; }
  // The symbols so far, the last one padded with zero bits.
  std::vector<std::uint8_t> symbols() const;

 private:
  std::vector<std::uint8_t> bits_;
  int bit_count_ = 0;
};

// Reads bits back from symbols; reading past the end yields zero bits and sets overran().
class BitReader {
 public:
  explicit BitReader(const std::vector<std::uint8_t>& symbols) : symbols_(symbols) {}
  std::uint64_t get(int bit_count);
  int position() const { return position_; }
  int total_bits() const { return static_cast<int>(symbols_.size()) * kBitsPerSymbol; }
  bool overran() const { return overran_; }

 private:
  const std::vector<std::uint8_t>& symbols_;
  int position_ = 0;
  bool overran_ = false;
};

// Data symbols + their 3 check symbols, as grouped text ("XXXXX-XXXXX-XXXX-XXXX").
std::string finish_code(const std::vector<std::uint8_t>& data_symbols);
// Splits a run of symbols into groups of 5 and 4 joined by '-'.
std::string group_symbols(std::string_view symbols);

// Why a code could not be read. The first four mean "probably a typo" or "not a code".
enum class SymbolProblem { None, Empty, BadCharacter, TooShort, ChecksumMismatch };

struct Symbols {
  SymbolProblem problem = SymbolProblem::None;
  std::vector<std::uint8_t> data;  // without the check symbols
  std::string canonical;           // all symbols as kAlphabet characters, no separators
  int bad_position = 0;            // BadCharacter: 1-based, counting characters other than separators
  std::string bad_character;       // BadCharacter: the character (whole if it is UTF-8)
};

// Reads code text (hyphens and spaces ignored), requires at least `min_symbols` symbols including
// the check, and verifies the CRC.
Symbols read_symbols(std::string_view code, int min_symbols);

// A plain-words sentence for a symbol problem (for messages of both result codes and certificates).
std::string describe(const Symbols& symbols);

}  // namespace codes

// The 16-bit number a code uses for a course: FNV-1a of the id, the two halves xor-ed together.
std::uint16_t course_hash(std::string_view course_id);

}  // namespace siaga
