// result_file.cpp — writing and reading result files (see result_file.h).
#include "core/result_file.h"

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "core/text_util.h"

namespace siaga {

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
