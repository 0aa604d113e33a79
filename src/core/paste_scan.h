// paste_scan.h — reading the result codes out of pasted chat text: one report line per pasted line
// (kept, duplicate of line N, probably a typo, unknown course, or no code found).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result_code.h"

namespace siaga {

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

}  // namespace siaga
