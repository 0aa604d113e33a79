// result_code.cpp — result codes: dates, the shared base32 + CRC-15 machinery, labels, encoding and
// decoding, scanning pasted chat text, and the JSON result file. The format is described in
// result_code.h.
//
// [SECTION] Dates
// [SECTION] Code symbols and check
// [SECTION] Labels
// [SECTION] Result records
// [SECTION] Encoding and decoding
// [SECTION] Scanning pasted text
// [SECTION] Result files
#include "core/result_code.h"

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "core/text_util.h"

namespace siaga {

// [SECTION] Dates -----------------------------------------------------------------------------------

namespace {

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
int days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

constexpr int kEpochDays = 18262;  // days_from_civil(2020, 1, 1): 1970-01-01 to 2020-01-01

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[static_cast<size_t>(m - 1)];
}

}  // namespace

bool is_valid_date(CivilDate date) {
  return date.year >= 1 && date.year <= 9999 && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         date.day <= days_in_month(date.year, date.month);
}

int day_number(CivilDate date) { return days_from_civil(date.year, date.month, date.day) - kEpochDays; }

CivilDate date_from_day_number(int day_number_value) {
  const int z = day_number_value + kEpochDays + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

std::string format_day_number(int day_number_value) {
  const CivilDate date = date_from_day_number(day_number_value);
  std::string out(10, '0');
  const auto put = [&out](size_t at, int value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10) out[at + static_cast<size_t>(i)] = static_cast<char>('0' + value % 10);
  };
  put(0, date.year, 4);
  out[4] = '-';
  put(5, date.month, 2);
  out[7] = '-';
  put(8, date.day, 2);
  return out;
}

bool parse_iso_date(std::string_view text, int& day_number_out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  CivilDate date;
  if (!text::parse_int(text.substr(0, 4), 1, 9999, date.year) || !text::parse_int(text.substr(5, 2), 1, 12, date.month) ||
      !text::parse_int(text.substr(8, 2), 1, 31, date.day) || !is_valid_date(date))
    return false;
  const int value = day_number(date);
  if (value < 0 || value > kMaxDayNumber) return false;
  day_number_out = value;
  return true;
}

// [SECTION] Code symbols and check ------------------------------------------------------------------

namespace codes {

namespace {
constexpr std::uint16_t kCrcPolynomial = 0x4599;  // CRC-15/CAN, x^15 implicit

std::uint16_t crc15_step(std::uint16_t crc, unsigned bit) {
  const unsigned top = ((crc >> 14) & 1u) ^ (bit & 1u);
  crc = static_cast<std::uint16_t>((crc << 1) & 0x7FFF);
  return top ? static_cast<std::uint16_t>(crc ^ kCrcPolynomial) : crc;
}

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
}  // namespace

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

// [SECTION] Labels ----------------------------------------------------------------------------------

namespace {

// Base letters of U+00C0..U+00DF (and, lower-cased, U+00E0..U+00FF); '\0' = no single-letter fold.
constexpr std::string_view kLatin1Fold("AAAAAA\0CEEEEIIIIDNOOOOO\0OUUUUY\0\0", 32);

// Appends the folded form of the UTF-8 character at s[i] and returns its byte length.
size_t fold_char(std::string_view s, size_t i, std::string& out) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    out += text::is_space(s[i]) ? ' ' : (s[i] >= 'a' && s[i] <= 'z' ? static_cast<char>(s[i] - 'a' + 'A') : s[i]);
    return 1;
  }
  const std::string_view whole = codes::utf8_char_at(s, i);
  if (whole.size() == 2) {
    const unsigned cp = ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(whole[1]) & 0x3Fu);
    if (cp == 0xA0) {  // no-break space
      out += ' ';
      return 2;
    }
    if (cp >= 0x300 && cp <= 0x36F) return 2;  // combining accent: dropped
    if (cp == 0xC6 || cp == 0xE6) {
      out += "AE";
      return 2;
    }
    if (cp == 0xDF) {
      out += "SS";
      return 2;
    }
    if (cp == 0xFF) {
      out += 'Y';
      return 2;
    }
    if (cp >= 0xC0 && cp <= 0xFF && kLatin1Fold[cp & 0x1Fu] != '\0') {
      out += kLatin1Fold[cp & 0x1Fu];
      return 2;
    }
  }
  out += whole;
  return whole.size();
}

}  // namespace

std::string fold_for_matching(std::string_view text) {
  std::string folded;
  for (size_t i = 0; i < text.size();) i += fold_char(text, i, folded);
  std::string out;
  for (const char c : folded) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

LabelOutcome normalize_label(std::string_view raw) {
  LabelOutcome out;
  const std::string folded = fold_for_matching(raw);
  for (size_t i = 0; i < folded.size(); ++i) {
    if (kLabelAlphabet.find(folded[i]) == std::string_view::npos) {
      out.error = "'" + std::string(codes::utf8_char_at(folded, i)) +
                  "' cannot be used in a label: use letters A-Z, digits and spaces.";
      return out;
    }
  }
  if (folded.empty()) {
    out.error = "A label needs at least one letter or digit.";
  } else if (folded.size() > static_cast<size_t>(kMaxLabelLength)) {
    out.error = "A label has at most " + std::to_string(kMaxLabelLength) + " characters; '" + folded + "' has " +
                std::to_string(folded.size()) + ".";
  } else {
    out.label = folded;
  }
  return out;
}

// [SECTION] Result records --------------------------------------------------------------------------

const char* test_kind_name(TestKind kind) { return kind == TestKind::Pretest ? "pretest" : "posttest"; }

bool ResultRecord::answered_right(int question) const {
  return question >= 0 && question < question_count && question < 64 && ((right_mask >> question) & 1u) != 0;
}

int ResultRecord::right_count() const {
  int count = 0;
  for (int i = 0; i < question_count && i < 64; ++i) count += answered_right(i) ? 1 : 0;
  return count;
}

std::string record_problem(const ResultRecord& record) {
  if (record.question_count < 1 || record.question_count > kMaxQuestions)
    return "A test needs 1 to " + std::to_string(kMaxQuestions) + " questions; this one has " +
           std::to_string(record.question_count) + ".";
  if (record.question_count < 64 && (record.right_mask >> record.question_count) != 0)
    return "The answers mark more questions than the test has.";
  if (record.day < 0 || record.day > kMaxDayNumber)
    return "The date must be between " + format_day_number(0) + " and " + format_day_number(kMaxDayNumber) + ".";
  if (!record.course_id.empty() && !text::is_valid_id(record.course_id))
    return "The course id " + text::quote(record.course_id) + " is not valid: " + text::id_rule() + ".";
  if (const LabelOutcome label = normalize_label(record.label); !label.error.empty()) return label.error;
  return "";
}

std::vector<CourseTests> course_tests(const Language& language) {
  std::vector<CourseTests> out;
  for (const Course& course : language.courses) {
    CourseTests tests{course.id, 0, 0};
    for (const Module& module : course.modules) {
      if (!module.available) continue;
      for (const Quiz& quiz : module.quizzes) {
        const int count = static_cast<int>(quiz.questions.size());
        if (quiz.kind == QuizKind::Pretest && tests.pretest_questions == 0) tests.pretest_questions = count;
        if (quiz.kind == QuizKind::Posttest && tests.posttest_questions == 0) tests.posttest_questions = count;
      }
    }
    out.push_back(std::move(tests));
  }
  return out;
}

// [SECTION] Encoding and decoding -------------------------------------------------------------------

namespace {

constexpr int kHeaderBits = 3 + 1 + 6 + 4;  // format, test, questions - 1, label length
constexpr int kFixedBits = kHeaderBits + 16 + 16;
constexpr std::uint64_t kLabelRadix = 37;

// ceil(k * log2 37): the bits a k-character base-37 label needs.
constexpr std::array<int, kMaxLabelLength + 1> kLabelBits = [] {
  std::array<int, kMaxLabelLength + 1> bits{};
  std::uint64_t power = 1;
  for (int k = 0; k <= kMaxLabelLength; ++k) {
    int b = 0;
    while (b < 64 && (std::uint64_t{1} << b) < power) ++b;
    bits[static_cast<size_t>(k)] = b;
    power *= kLabelRadix;
  }
  return bits;
}();

constexpr int result_symbol_count(int question_count, int label_length) {
  const int data_bits = kFixedBits + question_count + kLabelBits[static_cast<size_t>(label_length)];
  return (data_bits + codes::kBitsPerSymbol - 1) / codes::kBitsPerSymbol + codes::kCheckSymbols;
}

constexpr int kMinResultSymbols = result_symbol_count(1, 1);  // 14

// The length a result v1 code should have according to its first 14 bits (all symbols, check
// included), or 0 when those bits do not describe a result v1 code.
int expected_symbols(const std::vector<std::uint8_t>& symbols) {
  if (symbols.size() * codes::kBitsPerSymbol < static_cast<size_t>(kHeaderBits)) return 0;
  codes::BitReader reader(symbols);
  if (reader.get(codes::kFormatBits) != static_cast<std::uint64_t>(codes::kFormatResultV1)) return 0;
  reader.get(1);
  const int questions = static_cast<int>(reader.get(6)) + 1;
  const int label_length = static_cast<int>(reader.get(4));
  if (label_length < 1 || label_length > kMaxLabelLength) return 0;
  return result_symbol_count(questions, label_length);
}

DecodeOutcome fail(CodeProblem problem, std::string message) {
  DecodeOutcome out;
  out.problem = problem;
  out.message = std::move(message);
  return out;
}

// The length comes from the code's first characters, so a typo there can also look like this.
std::string length_message(size_t actual, int expected) {
  return "The code has " + std::to_string(actual) + " characters where " + std::to_string(expected) +
         " were expected: probably a character " + (static_cast<int>(actual) < expected ? "missing" : "too many") +
         ", or a typo in the first few.";
}

}  // namespace

std::string encode_result(const ResultRecord& record) {
  if (!record_problem(record).empty()) return "";
  const std::string label = normalize_label(record.label).label;
  const int k = static_cast<int>(label.size());
  codes::BitWriter writer;
  writer.put(codes::kFormatResultV1, codes::kFormatBits);
  writer.put(record.kind == TestKind::Posttest ? 1 : 0, 1);
  writer.put(static_cast<std::uint64_t>(record.question_count - 1), 6);
  writer.put(static_cast<std::uint64_t>(k), 4);
  writer.put(record.course_id.empty() ? record.course_hash : course_hash(record.course_id), 16);
  writer.put(static_cast<std::uint64_t>(record.day), 16);
  for (int i = 0; i < record.question_count; ++i) writer.put(record.answered_right(i) ? 1 : 0, 1);
  std::uint64_t number = 0;
  for (const char c : label) number = number * kLabelRadix + kLabelAlphabet.find(c);
  writer.put(number, kLabelBits[static_cast<size_t>(k)]);
  return codes::finish_code(writer.symbols());
}

DecodeOutcome decode_result(std::string_view code) {
  const codes::Symbols symbols = codes::read_symbols(code, kMinResultSymbols);
  const size_t length = symbols.canonical.size();
  if (symbols.problem == codes::SymbolProblem::Empty) return fail(CodeProblem::Empty, codes::describe(symbols));
  if (symbols.problem == codes::SymbolProblem::BadCharacter)
    return fail(CodeProblem::BadCharacter, codes::describe(symbols));
  if (symbols.problem != codes::SymbolProblem::None) {
    // The header usually survives a dropped or doubled character further on: say which it is.
    std::vector<std::uint8_t> all;
    for (const char c : symbols.canonical) all.push_back(static_cast<std::uint8_t>(codes::symbol_value(c)));
    const int expected = expected_symbols(all);
    const int off_by = expected - static_cast<int>(length);
    DecodeOutcome out = expected != 0 && off_by != 0 && off_by >= -2 && off_by <= 2
                            ? fail(CodeProblem::WrongLength, length_message(length, expected))
                        : symbols.problem == codes::SymbolProblem::TooShort
                            ? fail(CodeProblem::WrongLength, codes::describe(symbols))
                            : fail(CodeProblem::ChecksumMismatch, codes::describe(symbols));
    out.canonical = symbols.canonical;
    return out;
  }

  DecodeOutcome out;
  out.canonical = symbols.canonical;
  codes::BitReader reader(symbols.data);
  const auto format = static_cast<int>(reader.get(codes::kFormatBits));
  if (format == codes::kFormatCertificateV1) {
    out.problem = CodeProblem::NotAResultCode;
    out.message = "This is a certificate reference, not a test result code: check it under certificates.";
    return out;
  }
  if (format != codes::kFormatResultV1) {
    out.problem = CodeProblem::UnknownVersion;
    out.message = "This code was made by a newer version of Siaga (format " + std::to_string(format) +
                  "). Reload the portal to update it, then try again.";
    return out;
  }
  ResultRecord& record = out.record;
  record.kind = reader.get(1) != 0 ? TestKind::Posttest : TestKind::Pretest;
  record.question_count = static_cast<int>(reader.get(6)) + 1;
  const int k = static_cast<int>(reader.get(4));
  if (k < 1 || k > kMaxLabelLength) {
    out.problem = CodeProblem::BadContent;
    out.message = "The code checks out but holds an impossible label length; it was not made by Siaga.";
    return out;
  }
  if (const int expected = result_symbol_count(record.question_count, k); expected != static_cast<int>(length)) {
    out.problem = CodeProblem::WrongLength;
    out.message = length_message(length, expected);
    return out;
  }
  record.course_hash = static_cast<std::uint16_t>(reader.get(16));
  record.day = static_cast<int>(reader.get(16));
  for (int i = 0; i < record.question_count; ++i)
    if (reader.get(1) != 0) record.right_mask |= std::uint64_t{1} << i;
  std::uint64_t number = reader.get(kLabelBits[static_cast<size_t>(k)]);
  std::string label(static_cast<size_t>(k), ' ');
  for (int i = k - 1; i >= 0; --i, number /= kLabelRadix) label[static_cast<size_t>(i)] = kLabelAlphabet[number % kLabelRadix];
  const bool padding_zero = reader.get(reader.total_bits() - reader.position()) == 0;
  if (number != 0 || !padding_zero || normalize_label(label).label != label) {
    out.problem = CodeProblem::BadContent;
    out.message = "The code checks out but its label or padding is impossible; it was not made by Siaga.";
    out.record = ResultRecord{};
    return out;
  }
  record.label = std::move(label);
  return out;
}

CodeProblem match_course(ResultRecord& record, const std::vector<CourseTests>& known, std::string& message) {
  const CourseTests* same_hash = nullptr;
  for (const CourseTests& course : known) {
    if (course_hash(course.course_id) != record.course_hash) continue;
    const int count = record.kind == TestKind::Pretest ? course.pretest_questions : course.posttest_questions;
    if (count == record.question_count) {
      record.course_id = course.course_id;
      message.clear();
      return CodeProblem::None;
    }
    if (same_hash == nullptr) same_hash = &course;
  }
  if (same_hash == nullptr) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string number;
    for (int shift = 12; shift >= 0; shift -= 4) number += kHex[(record.course_hash >> shift) & 0xF];
    message = "This code is for a course that is not in this portal (course number " + number + ").";
    return CodeProblem::UnknownCourse;
  }
  record.course_id = same_hash->course_id;
  const int count = record.kind == TestKind::Pretest ? same_hash->pretest_questions : same_hash->posttest_questions;
  const std::string kind = test_kind_name(record.kind);
  if (count == 0)
    message = "The course '" + same_hash->course_id + "' has no " + kind + " in this portal.";
  else
    message = "This " + kind + " code has " + std::to_string(record.question_count) + " questions but the " + kind +
              " of '" + same_hash->course_id + "' has " + std::to_string(count) +
              ": it was made with another version of the course.";
  return CodeProblem::QuestionCountMismatch;
}

DecodeOutcome decode_result(std::string_view code, const std::vector<CourseTests>& known) {
  DecodeOutcome out = decode_result(code);
  if (out.ok()) out.problem = match_course(out.record, known, out.message);
  return out;
}

// [SECTION] Scanning pasted text --------------------------------------------------------------------

namespace {

constexpr size_t kMinCodeChars = 12;
constexpr size_t kMaxCodeChars = 60;
constexpr size_t kMaxSpacedGroups = 12;

bool is_ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// Unicode dashes -> '-', no-break spaces -> ' ', so chat apps' typography does not hide codes.
std::string normalize_separators(std::string_view line) {
  std::string out;
  for (size_t i = 0; i < line.size();) {
    if (const size_t dash = codes::unicode_dash_length(line, i); dash > 0) {
      out += '-';
      i += dash;
    } else if (i + 1 < line.size() && static_cast<unsigned char>(line[i]) == 0xC2 &&
               static_cast<unsigned char>(line[i + 1]) == 0xA0) {
      out += ' ';
      i += 2;
    } else {
      out += line[i++];
    }
  }
  return out;
}

struct Token {
  size_t begin = 0;
  std::string text;          // hyphens at the ends removed
  bool spaced_after_previous = false;  // only spaces/tabs between this token and the one before
};

std::vector<Token> tokenize(std::string_view line) {
  std::vector<Token> tokens;
  bool gap_only_spaces = true;  // since the previous token
  for (size_t i = 0; i < line.size();) {
    if (!is_ascii_alnum(line[i]) && line[i] != '-') {
      gap_only_spaces = gap_only_spaces && (line[i] == ' ' || line[i] == '\t');
      ++i;
      continue;
    }
    size_t end = i;
    while (end < line.size() && (is_ascii_alnum(line[end]) || line[end] == '-')) ++end;
    std::string_view word = line.substr(i, end - i);
    size_t begin = i;
    while (!word.empty() && word.front() == '-') word.remove_prefix(1), ++begin;
    while (!word.empty() && word.back() == '-') word.remove_suffix(1);
    const bool trimmed = word.size() != end - i;
    if (!word.empty()) tokens.push_back(Token{begin, std::string(word), gap_only_spaces && !trimmed && !tokens.empty()});
    gap_only_spaces = !word.empty() && !trimmed;
    i = end;
  }
  return tokens;
}

struct Shape {
  size_t chars = 0;
  bool digit = false;
  bool letter = false;
};

Shape shape_of(std::string_view token) {
  Shape shape;
  for (const char c : token) {
    if (c == '-') continue;
    ++shape.chars;
    shape.digit = shape.digit || (c >= '0' && c <= '9');
    shape.letter = shape.letter || !(c >= '0' && c <= '9');
  }
  return shape;
}

// A group of a code typed with spaces: 3 to 6 code characters, no hyphen.
bool is_spaced_group(std::string_view token) {
  if (token.size() < 3 || token.size() > 6) return false;
  return std::all_of(token.begin(), token.end(), [](char c) { return codes::symbol_value(c) >= 0; });
}

struct Candidate {
  size_t begin = 0;
  std::string text;
};

std::vector<Candidate> find_candidates(std::string_view line) {
  const std::vector<Token> tokens = tokenize(line);
  std::vector<Candidate> found;
  std::vector<bool> used(tokens.size(), false);
  for (size_t t = 0; t < tokens.size(); ++t) {
    const Shape shape = shape_of(tokens[t].text);
    if (shape.chars < kMinCodeChars || shape.chars > kMaxCodeChars) continue;
    if ((shape.digit && shape.letter) || decode_result(tokens[t].text).ok()) {
      found.push_back(Candidate{tokens[t].begin, tokens[t].text});
      used[t] = true;
    }
  }
  // Codes typed with spaces: the longest run of space-separated groups that reads as a valid code.
  for (size_t t = 0; t < tokens.size();) {
    size_t run_end = t;
    while (run_end < tokens.size() && run_end < t + kMaxSpacedGroups && !used[run_end] && is_spaced_group(tokens[run_end].text) &&
           (run_end == t || tokens[run_end].spaced_after_previous))
      ++run_end;
    bool taken = false;
    for (size_t end = run_end; end >= t + 3 && !taken; --end) {
      std::string joined;
      for (size_t g = t; g < end; ++g) joined += (g == t ? "" : "-") + tokens[g].text;
      if (shape_of(joined).chars >= kMinCodeChars && decode_result(joined).ok()) {
        found.push_back(Candidate{tokens[t].begin, joined});
        t = end;
        taken = true;
      }
    }
    if (!taken) ++t;
  }
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
  return found;
}

ScanStatus status_for(CodeProblem problem) {
  switch (problem) {
    case CodeProblem::None:
      return ScanStatus::Ok;
    case CodeProblem::Empty:
    case CodeProblem::BadCharacter:
    case CodeProblem::WrongLength:
    case CodeProblem::ChecksumMismatch:
      return ScanStatus::Typo;
    case CodeProblem::UnknownCourse:
      return ScanStatus::UnknownCourse;
    case CodeProblem::UnknownVersion:
    case CodeProblem::NotAResultCode:
    case CodeProblem::BadContent:
    case CodeProblem::QuestionCountMismatch:
      return ScanStatus::Invalid;
  }
  return ScanStatus::Invalid;
}

std::uint16_t effective_hash(const ResultRecord& record) {
  return record.course_id.empty() ? record.course_hash : course_hash(record.course_id);
}

// Two records are the same result whether or not the course id was resolved.
bool same_result(const ResultRecord& a, const ResultRecord& b) {
  return effective_hash(a) == effective_hash(b) && a.kind == b.kind && a.question_count == b.question_count &&
         a.right_mask == b.right_mask && a.day == b.day && a.label == b.label;
}

using LabelKey = std::tuple<std::uint16_t, TestKind, std::string>;

LabelKey label_key(const ResultRecord& record) { return {effective_hash(record), record.kind, record.label}; }

std::string kept_message(const ResultRecord& record) {
  return "Kept: " + record.label + ", " + test_kind_name(record.kind) + ", " + std::to_string(record.right_count()) +
         " of " + std::to_string(record.question_count) + " right, " + format_day_number(record.day) + ".";
}

std::string line_reference(int line) { return line == 0 ? "an earlier import" : "line " + std::to_string(line); }

// Splits on LF, CRLF or CR; a final line break does not start another line.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    lines.push_back(text.substr(start, i - start));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

}  // namespace

const char* scan_status_name(ScanStatus status) {
  switch (status) {
    case ScanStatus::Blank: return "blank";
    case ScanStatus::NoCode: return "no code found";
    case ScanStatus::Ok: return "ok";
    case ScanStatus::Duplicate: return "duplicate";
    case ScanStatus::Typo: return "typo";
    case ScanStatus::UnknownCourse: return "unknown course";
    case ScanStatus::Invalid: return "cannot be used";
  }
  return "";
}

std::vector<ScanLine> scan_codes(std::string_view pasted_text, const std::vector<CourseTests>& known,
                                 const std::vector<ResultRecord>& already_kept) {
  std::map<std::string, int> line_of_code;   // canonical symbols -> first line
  std::map<LabelKey, int> line_of_label;     // label + test -> first line with an Ok code
  for (const ResultRecord& record : already_kept) line_of_label.emplace(label_key(record), 0);

  std::vector<ScanLine> out;
  const std::vector<std::string_view> lines = split_lines(pasted_text);
  for (size_t index = 0; index < lines.size(); ++index) {
    ScanLine scan;
    scan.line = static_cast<int>(index) + 1;
    const std::string line = normalize_separators(lines[index]);
    if (text::is_blank(line)) {
      out.push_back(std::move(scan));
      continue;
    }
    for (Candidate& candidate : find_candidates(line)) {
      FoundCode found;
      found.text = std::move(candidate.text);
      DecodeOutcome decoded = decode_result(found.text, known);
      found.problem = decoded.problem;
      found.status = status_for(decoded.problem);
      found.record = decoded.record;
      found.message = decoded.message;
      if (found.status == ScanStatus::Ok) {
        const auto earlier_import = std::find_if(already_kept.begin(), already_kept.end(),
                                                 [&](const ResultRecord& r) { return same_result(r, found.record); });
        const auto earlier_line = line_of_code.find(decoded.canonical);
        if (earlier_line != line_of_code.end() || earlier_import != already_kept.end()) {
          found.status = ScanStatus::Duplicate;
          found.duplicate_of_line = earlier_line != line_of_code.end() ? earlier_line->second : 0;
          found.message = "The same code as " + line_reference(found.duplicate_of_line) + ": counted once.";
        } else {
          line_of_code.emplace(decoded.canonical, scan.line);
          found.message = kept_message(found.record);
          const auto [it, first] = line_of_label.emplace(label_key(found.record), scan.line);
          if (!first) {
            found.same_label_line = it->second;
            found.message += " Note: " + line_reference(it->second) + " has another " +
                             test_kind_name(found.record.kind) + " for " + found.record.label +
                             "; the report keeps the most recent one.";
          }
        }
      }
      scan.codes.push_back(std::move(found));
    }
    if (scan.codes.empty()) {
      scan.status = ScanStatus::NoCode;
      scan.message = "No code found on this line.";
    } else {
      scan.status = ScanStatus::Ok;
      for (const FoundCode& found : scan.codes) {
        if (scan.status == ScanStatus::Ok && found.status != ScanStatus::Ok) scan.status = found.status;
        if (!scan.message.empty()) scan.message += ' ';
        if (scan.codes.size() > 1) scan.message += found.text + ": ";
        scan.message += found.message;
      }
    }
    out.push_back(std::move(scan));
  }
  return out;
}

std::vector<ResultRecord> kept_records(const std::vector<ScanLine>& lines) {
  std::vector<ResultRecord> out;
  for (const ScanLine& line : lines)
    for (const FoundCode& found : line.codes)
      if (found.status == ScanStatus::Ok) out.push_back(found.record);
  return out;
}

// [SECTION] Result files ----------------------------------------------------------------------------

std::string result_file_json(const ResultRecord& record) {
  if (!record_problem(record).empty() || record.course_id.empty()) return "";
  std::string right;
  for (int i = 0; i < record.question_count; ++i) right += record.answered_right(i) ? '1' : '0';
  // Written by hand to keep the fields in reading order (nlohmann::json sorts keys, and ordered_json
  // would add a second copy of the JSON library to the wasm). No value needs escaping: the course id
  // passed is_valid_id, the label is A-Z, 0-9 and space, the rest are digits and code characters.
  const auto field = [](std::string_view key, const std::string& value, bool quoted) {
    return "  \"" + std::string(key) + "\": " + (quoted ? "\"" + value + "\"" : value);
  };
  return "{\n" + field("format", std::string(kResultFileFormat), true) + ",\n" +
         field("version", std::to_string(kResultFileVersion), false) + ",\n" +
         field("course", record.course_id, true) + ",\n" + field("test", test_kind_name(record.kind), true) + ",\n" +
         field("questions", std::to_string(record.question_count), false) + ",\n" + field("right", right, true) +
         ",\n" + field("date", format_day_number(record.day), true) + ",\n" +
         field("label", normalize_label(record.label).label, true) + ",\n" +
         field("code", encode_result(record), true) + "\n}\n";
}

namespace {

// The string field `key`, or nullptr (with `error` set) when it is missing or not a string.
const std::string* string_field(const nlohmann::json& json, const char* key, std::string& error) {
  const auto it = json.find(key);
  if (it == json.end() || !it->is_string()) {
    error = std::string("The result file has no text field \"") + key + "\".";
    return nullptr;
  }
  return &it->get_ref<const std::string&>();
}

}  // namespace

namespace {

// The checks of parse_result_file; `field` follows the field being checked.
ResultFileOutcome parse_result_fields(std::string_view bytes, std::string& field) {
  ResultFileOutcome out;
  std::string& error = out.error;
  if (bytes.size() > kMaxResultFileBytes) {
    out.problem = ResultFileProblem::TooLarge;
    error = "The file is too large to be a result file (" + std::to_string(bytes.size()) + " bytes; at most " +
            std::to_string(kMaxResultFileBytes) + ").";
    return out;
  }
  const auto json = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    out.problem = ResultFileProblem::NotAResultFile;
    error = "The file is not a Siaga result file (it is not a JSON object).";
    return out;
  }
  const auto format = json.find("format");
  if (format == json.end() || !format->is_string() || format->get_ref<const std::string&>() != kResultFileFormat) {
    out.problem = ResultFileProblem::NotAResultFile;
    error = "The file is not a Siaga result file (no \"format\": \"siaga-result\").";
    return out;
  }
  const auto version = json.find("version");
  if (version == json.end() || !version->is_number_integer() || version->get<std::int64_t>() < 1) {
    out.problem = ResultFileProblem::BadField;
    out.field = "version";
    error = "The result file has no valid \"version\".";
    return out;
  }
  if (version->get<std::int64_t>() > kResultFileVersion) {
    out.problem = ResultFileProblem::NewerVersion;
    error = "The result file was made by a newer version of Siaga. Reload the portal to update it, then try again.";
    return out;
  }
  ResultRecord& record = out.record;
  field = "course";
  const std::string* course = string_field(json, "course", error);
  if (course == nullptr) return out;
  if (!text::is_valid_id(*course) || course->size() > 64) {
    error = "The course id " + text::quote(*course) + " in the result file is not valid.";
    return out;
  }
  record.course_id = *course;
  record.course_hash = course_hash(*course);
  field = "test";
  const std::string* test = string_field(json, "test", error);
  if (test == nullptr) return out;
  if (*test != "pretest" && *test != "posttest") {
    error = "The result file's \"test\" must be \"pretest\" or \"posttest\", not " + text::quote(*test) + ".";
    return out;
  }
  record.kind = *test == "pretest" ? TestKind::Pretest : TestKind::Posttest;
  field = "questions";
  const auto questions = json.find("questions");
  if (questions == json.end() || !questions->is_number_integer() || questions->get<std::int64_t>() < 1 ||
      questions->get<std::int64_t>() > kMaxQuestions) {
    error = "The result file's \"questions\" must be a whole number from 1 to " + std::to_string(kMaxQuestions) + ".";
    return out;
  }
  record.question_count = questions->get<int>();
  field = "right";
  const std::string* right = string_field(json, "right", error);
  if (right == nullptr) return out;
  if (right->size() != static_cast<size_t>(record.question_count) ||
      right->find_first_not_of("01") != std::string::npos) {
    error = "The result file's \"right\" must have one 1 (right) or 0 (wrong) per question, " +
            std::to_string(record.question_count) + " in all.";
    return out;
  }
  for (size_t i = 0; i < right->size(); ++i)
    if ((*right)[i] == '1') record.right_mask |= std::uint64_t{1} << i;
  field = "date";
  const std::string* date = string_field(json, "date", error);
  if (date == nullptr) return out;
  if (!parse_iso_date(*date, record.day)) {
    error = "The result file's date " + text::quote(*date) + " is not a date from " + format_day_number(0) + " to " +
            format_day_number(kMaxDayNumber) + " written YYYY-MM-DD.";
    return out;
  }
  field = "label";
  const std::string* label = string_field(json, "label", error);
  if (label == nullptr) return out;
  LabelOutcome normalized = normalize_label(*label);
  if (!normalized.error.empty()) {
    error = "The result file's label: " + normalized.error;
    return out;
  }
  record.label = std::move(normalized.label);
  field = "code";
  if (const auto code = json.find("code"); code != json.end()) {
    const DecodeOutcome decoded = code->is_string() ? decode_result(code->get_ref<const std::string&>()) : DecodeOutcome{};
    if (!code->is_string() || !decoded.ok() || !same_result(decoded.record, record)) {
      out.problem = ResultFileProblem::CodeMismatch;
      error = "The result file's code does not match its answers: the file was changed or damaged.";
      return out;
    }
  }
  return out;
}

}  // namespace

ResultFileOutcome parse_result_file(std::string_view bytes) {
  std::string field;
  ResultFileOutcome out = parse_result_fields(bytes, field);
  if (!out.error.empty() && out.problem == ResultFileProblem::None) {
    out.problem = ResultFileProblem::BadField;
    out.field = field;
  }
  return out;
}

}  // namespace siaga
