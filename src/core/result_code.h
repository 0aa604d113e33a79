// result_code.h — pretest/posttest RESULT CODES: short, checksummed, read-aloud-friendly codes that
// carry one participant's right/wrong answers from their browser to the facilitator's, with no server.
//
// A workshop runs offline: each participant takes the course's pretest or posttest on their own
// device and ends with a code such as "498E1-P0XNV-PMG5W-0GCE". They read it aloud or send it by chat;
// the facilitator pastes any number of codes at once (scan_codes) and gets one report line per pasted
// line: kept, duplicate of line N, probably a typo, unknown course, or no code found. A JSON "result
// file" carries the same record for participants who can share a file instead.
//
// The code machinery ([SECTION] Code symbols and check) is shared with certificate.h.
//
// Code format (all formats): Crockford base32 symbols "0123456789ABCDEFGHJKMNPQRSTVWXYZ" (no I, L,
// O, U; reading is case-insensitive and maps I and L to 1, O to 0), 5 bits per symbol, most
// significant bit first. The last 3 symbols are a CRC-15 (the CAN polynomial x^15+x^14+x^10+x^8+x^7+
// x^4+x^3+1, initial value 0x7FFF) over the bits of all symbols before them. Any change confined to
// 15 consecutive bits of a CRC-15 codeword is detected, and a change of one symbol touches at most 5
// bits, swapping two neighbouring symbols at most 10, so EVERY single-character substitution and
// EVERY adjacent transposition is caught (tests/core/test_result_code.cpp checks this exhaustively).
// Symbols are printed in groups of 5 and 4 joined by '-' (every length from 12 up splits into 5s and
// 4s); hyphens and spaces are ignored on reading. The first 3 bits of every code name its format:
// 1 = result code v1 (below), 2 = certificate reference v1 (certificate.h).
//
// Result code v1 payload, in order:
//    3 bits  format = 1
//    1 bit   test: 0 pretest, 1 posttest
//    6 bits  question count - 1 (1..64 questions)
//    4 bits  label length k (1..12)      — these first 14 bits fix the code's length, so a missing or
//                                          extra character is reported as such, not just "typo"
//   16 bits  course hash (course_hash below: FNV-1a of the course id folded to 16 bits)
//   16 bits  date: days since 2020-01-01 (through 2199-06-06)
//    n bits  right answers, first question first, in the quiz's authored order (1 = right)
//    L bits  label as one base-37 number over kLabelAlphabet, first character most significant,
//            L = label_bits(k) = ceil(k * log2 37)
//  0-4 bits  zero padding to a whole symbol
//   15 bits  CRC-15 (3 symbols)
// Example: "498E1-P0XNV-PMG5W-0GCE" is course "micic", pretest, 10 questions of which 1, 3, 4, 5, 7, 8
// and 10 right, 2025-03-14, label "ANDI": 77 payload bits -> 16 symbols + 3 check = 19 characters,
// grouped 5-5-5-4. The shortest code (1 question, 1-character label) has 14 characters, the longest
// (64 questions, 12-character label) 38.
//
// [SECTION] Dates
// [SECTION] Code symbols and check
// [SECTION] Labels
// [SECTION] Result records
// [SECTION] Encoding and decoding
// [SECTION] Scanning pasted text
// [SECTION] Result files
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"

namespace siaga {

// [SECTION] Dates -----------------------------------------------------------------------------------

// A calendar date, passed in by the caller (the core never reads a clock).
struct CivilDate {
  int year = 2020;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  bool operator==(const CivilDate&) const = default;
};

inline constexpr int kMaxDayNumber = 65535;  // 16 bits of days since 2020-01-01: 2199-06-06

bool is_valid_date(CivilDate date);
// Days since 2020-01-01 (negative before it). Proleptic Gregorian calendar.
int day_number(CivilDate date);
CivilDate date_from_day_number(int day_number);
// "2025-03-14".
std::string format_day_number(int day_number);
// "YYYY-MM-DD", a real date within [0, kMaxDayNumber]; false otherwise.
bool parse_iso_date(std::string_view text, int& day_number_out);

// [SECTION] Code symbols and check ------------------------------------------------------------------

namespace codes {

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

// [SECTION] Labels ----------------------------------------------------------------------------------

// A participant label is what the participant chooses to be called in the report ("ANDI", "SITI N",
// "PESERTA 7"). Codes store it upper-cased, from these 37 characters, 1 to 12 of them, no leading,
// trailing or double spaces.
inline constexpr std::string_view kLabelAlphabet = " 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
inline constexpr int kMaxLabelLength = 12;

// Upper-cases ASCII letters, folds Latin-1 accented letters to their base letter ("É" -> "E",
// "ß" -> "SS"), drops combining accents (so decomposed "E\u0301" matches too), turns every run of
// whitespace into one space and trims. Other bytes are kept as they are. Used for labels and for
// the names certificates are checked against.
std::string fold_for_matching(std::string_view text);

struct LabelOutcome {
  std::string label;  // normalised; empty when error is set
  std::string error;  // plain words, empty when fine
};

// Upper-cases, folds Latin-1 accented letters to their base letter ("Ékawati" -> "EKAWATI"), drops
// combining accents, trims and collapses whitespace; anything else outside kLabelAlphabet is an error.
LabelOutcome normalize_label(std::string_view raw);

// [SECTION] Result records --------------------------------------------------------------------------

enum class TestKind { Pretest, Posttest };

const char* test_kind_name(TestKind kind);  // "pretest" / "posttest"

inline constexpr int kMaxQuestions = 64;

struct ResultRecord {
  std::string course_id;           // "" when only the hash is known (decode without a catalog)
  std::uint16_t course_hash = 0;   // course_hash(course_id) once the course is known
  TestKind kind = TestKind::Pretest;
  int question_count = 0;          // 1..64
  std::uint64_t right_mask = 0;    // bit i set = question i (0-based, authored order) answered right
  int day = 0;                     // days since 2020-01-01
  std::string label;               // normalised (see normalize_label)

  bool answered_right(int question) const;
  int right_count() const;
  bool operator==(const ResultRecord&) const = default;
};

// What is wrong with a record before it can be encoded, in plain words; "" when it is fine.
std::string record_problem(const ResultRecord& record);

// The pretest / posttest question counts of a course, for checking decoded codes.
struct CourseTests {
  std::string course_id;
  int pretest_questions = 0;   // 0 = the course has no pretest
  int posttest_questions = 0;  // 0 = the course has no posttest
};

// Every course of a language with the question counts of its first pretest and posttest quiz.
std::vector<CourseTests> course_tests(const Language& language);

// [SECTION] Encoding and decoding -------------------------------------------------------------------

// The code for a record; the course hash is taken from course_id when it is set. Returns "" when
// record_problem(record) is not empty.
std::string encode_result(const ResultRecord& record);

enum class CodeProblem {
  None,
  Empty,             // nothing to read
  BadCharacter,      // a character that codes never use (U, punctuation...)
  WrongLength,       // a character is missing or extra
  ChecksumMismatch,  // probably a typo
  UnknownVersion,    // made by a newer Siaga
  NotAResultCode,    // a certificate reference, not a result code
  BadContent,        // the check passed but the content is impossible (label, padding)
  UnknownCourse,     // not a course of this catalog
  QuestionCountMismatch,  // the course's test has a different number of questions (or none)
};

struct DecodeOutcome {
  CodeProblem problem = CodeProblem::None;
  ResultRecord record;        // filled when problem is None (and for the two catalog problems)
  std::string canonical;      // the code's symbols without separators, when they could be read
  std::string message;        // plain words; "" when fine

  bool ok() const { return problem == CodeProblem::None; }
};

// Reads a code; record.course_id stays "" (match record.course_hash yourself, or use the overload).
DecodeOutcome decode_result(std::string_view code);
// Reads a code and matches its course against the catalog: course_id filled in, question count
// checked against the course's pretest or posttest.
DecodeOutcome decode_result(std::string_view code, const std::vector<CourseTests>& known);
// The catalog check alone (used for codes and result files): sets record.course_id.
CodeProblem match_course(ResultRecord& record, const std::vector<CourseTests>& known,
                         std::string& message);

// [SECTION] Scanning pasted text --------------------------------------------------------------------

// A code-shaped token is a run of letters, digits and hyphens (any Unicode dash counts as a hyphen)
// holding 12 to 60 letters and digits, with at least one letter and one digit; a token without
// both still counts when it reads as a valid code. Codes typed with spaces between the groups are
// found when they are valid (a mistyped one is reported only when written with hyphens or as one
// block, since otherwise ordinary words around it cannot be told apart from its groups).
enum class ScanStatus {
  Blank,          // empty line
  NoCode,         // text but nothing code-shaped
  Ok,             // kept
  Duplicate,      // the same code as an earlier line (or an earlier import)
  Typo,           // code-shaped but does not read: bad character, wrong length, checksum
  UnknownCourse,  // valid code, but not for a course of this catalog
  Invalid,        // valid code that cannot be used: newer version, certificate, question count
};

const char* scan_status_name(ScanStatus status);

struct FoundCode {
  std::string text;             // the code as written on the line
  ScanStatus status = ScanStatus::Ok;
  CodeProblem problem = CodeProblem::None;
  int duplicate_of_line = 0;    // Duplicate: 1-based line, 0 = an earlier import
  int same_label_line = 0;      // Ok: an earlier line has another result for this label and test
  ResultRecord record;          // Ok, Duplicate (and UnknownCourse: hash only)
  std::string message;          // plain words
};

struct ScanLine {
  int line = 0;                 // 1-based
  ScanStatus status = ScanStatus::Blank;  // Ok when every code on the line is Ok, else the first other
  std::vector<FoundCode> codes;
  std::string message;          // plain words for the whole line
};

// One entry per input line (LF, CRLF or CR). `already_kept` are records imported before, so pasting
// the same codes twice reports duplicates instead of double counting.
std::vector<ScanLine> scan_codes(std::string_view pasted_text, const std::vector<CourseTests>& known,
                                 const std::vector<ResultRecord>& already_kept = {});
// The records of every Ok code, in line order.
std::vector<ResultRecord> kept_records(const std::vector<ScanLine>& lines);

// [SECTION] Result files ----------------------------------------------------------------------------

// {"format":"siaga-result","version":1,"course":"micic","test":"pretest","questions":10,
//  "right":"1101100111","date":"2025-03-14","label":"ANDI","code":"..."}
// "right" has one '1' (right) or '0' per question in authored order. "code" repeats the record as a
// result code so it can be read aloud; on import it must agree with the fields when present.
inline constexpr std::string_view kResultFileFormat = "siaga-result";
inline constexpr int kResultFileVersion = 1;
inline constexpr std::size_t kMaxResultFileBytes = 16 * 1024;

// "" when record_problem(record) is not empty or the record has no course_id.
std::string result_file_json(const ResultRecord& record);

enum class ResultFileProblem {
  None,
  TooLarge,
  NotAResultFile,  // not JSON, or not {"format":"siaga-result"}
  NewerVersion,
  BadField,        // `field` is missing or not valid
  CodeMismatch,    // the "code" does not agree with the other fields
};

struct ResultFileOutcome {
  ResultRecord record;
  ResultFileProblem problem = ResultFileProblem::None;
  std::string field;  // BadField: the JSON key ("version", "course", "test", "questions", "right", "date", "label")
  std::string error;  // plain English words; "" when fine
  bool ok() const { return error.empty(); }
};

// Validates everything but the catalog (use match_course for that).
ResultFileOutcome parse_result_file(std::string_view bytes);

}  // namespace siaga
