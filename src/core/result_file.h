// result_file.h — the JSON result file: the same record as a result code, for participants who can
// share a file instead of reading a code aloud. Versioned; the facilitator keeps them one per line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result_code.h"

namespace siaga {

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
