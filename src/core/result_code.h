// result_code.h — pretest/posttest RESULT CODES: short, checksummed, read-aloud-friendly codes that
// carry one participant's right/wrong answers from their browser to the facilitator's, with no server.
//
// A workshop runs offline: each participant takes the course's pretest or posttest on their own
// device and ends with a code such as "498E1-P0XNV-PMG5W-0GCE". They read it aloud or send it by chat;
// the facilitator pastes any number of codes at once (scan_codes) and gets one report line per pasted
// line: kept, duplicate of line N, probably a typo, unknown course, or no code found. A JSON "result
// file" carries the same record for participants who can share a file instead.
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
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/code_symbols.h"
#include "core/content.h"
#include "core/dates.h"

namespace siaga {

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

// The record's course hash, from its course id once that is resolved.
std::uint16_t effective_hash(const ResultRecord& record);
// Two records are the same result whether or not the course id was resolved.
bool same_result(const ResultRecord& a, const ResultRecord& b);

}  // namespace siaga
