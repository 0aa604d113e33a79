// facilitator.cpp — the facilitator's knowledge-check tools, applied through the Platform.
//
// Results are kept per course under "siaga.facilitator.results.<course>" as JSON lines (one result
// file per line), written after every change, so a reload or a closed tab keeps what was collected.
// A stored line that cannot be read is never dropped: it is kept aside in memory and written back
// with the readable ones, and the facilitator is told.
//
// [SECTION] Storage
// [SECTION] Codes and files
// [SECTION] Entry points
#include "app/facilitator.h"

#include <algorithm>
#include <string>

#include "core/csv.h"
#include "core/report.h"

namespace siaga {

namespace {

using Note = AppState::FacilitatorState::ImportNote;

void note(AppState& app, std::string key, std::string file = "", std::string detail = "") {
  app.facilitator.notes.push_back(Note{std::move(key), std::move(file), std::move(detail)});
}

std::vector<CourseTests> known_tests(const AppState& app) {
  const Language* language = app.catalog.find_language(app.language);
  if (!language) language = app.catalog.find_language("en");
  return language ? course_tests(*language) : std::vector<CourseTests>{};
}

const CourseTests* tests_of(const std::vector<CourseTests>& known, std::string_view course) {
  for (const CourseTests& tests : known)
    if (tests.course_id == course) return &tests;
  return nullptr;
}

// [SECTION] Storage -----------------------------------------------------------------------------------

void load_results(AppState& app, Platform& platform) {
  auto& f = app.facilitator;
  f.records.clear();
  f.unreadable.clear();
  if (!app.storage_available) return;
  const auto stored = platform.load(facilitator_results_key(f.course));
  if (!stored) return;
  size_t start = 0;
  while (start < stored->size()) {
    size_t end = stored->find('\n', start);
    if (end == std::string::npos) end = stored->size();
    const std::string line = stored->substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    ResultFileOutcome parsed = parse_result_file(line);
    if (parsed.ok() && parsed.record.course_id == f.course) f.records.push_back(std::move(parsed.record));
    else f.unreadable.push_back(line);
  }
  if (!f.unreadable.empty()) note(app, "facilitator.stored_unreadable", std::to_string(f.unreadable.size()));
}

void save_results(AppState& app, Platform& platform) {
  const auto& f = app.facilitator;
  if (!app.storage_available) {
    note(app, "facilitator.not_saved");
    return;
  }
  std::string value;
  for (const ResultRecord& record : f.records) {
    // One line per record: JSON strings cannot hold a raw line break, so dropping them is safe.
    std::string json = result_file_json(record);
    std::erase_if(json, [](char c) { return c == '\n' || c == '\r'; });
    value += json + "\n";
  }
  for (const std::string& line : f.unreadable) value += line + "\n";
  if (platform.save(facilitator_results_key(f.course), value) != StoreResult::Saved) {
    app.storage_write_failed = true;
    note(app, "facilitator.not_saved");
  }
}

// [SECTION] Codes and files ---------------------------------------------------------------------------

bool check_codes(AppState& app, Platform& platform, const Action& action) {
  auto& f = app.facilitator;
  if (action.text != f.course || f.course.empty()) return false;
  f.notes.clear();
  f.scan = scan_codes(action.text2, known_tests(app), f.records);
  bool added = false;
  for (ScanLine& line : f.scan)
    for (FoundCode& code : line.codes) {
      if (code.status != ScanStatus::Ok) continue;
      if (code.record.course_id != f.course) {
        // A valid code of another course: reported on its line, not mixed into this report.
        code.status = ScanStatus::Invalid;
        if (line.status == ScanStatus::Ok) line.status = ScanStatus::Invalid;
        continue;
      }
      f.records.push_back(code.record);
      added = true;
    }
  if (added) save_results(app, platform);
  return true;
}

void download_csv(AppState& app, Platform& platform) {
  const auto& f = app.facilitator;
  const auto known = known_tests(app);
  const CourseTests* tests = tests_of(known, f.course);
  if (!tests) return;
  const ClassReport report = build_report(f.records, tests->pretest_questions, tests->posttest_questions, f.course);
  platform.download_file("siaga-report-" + f.course + ".csv", "text/csv", report_to_csv(report));
}

}  // namespace

std::string facilitator_results_key(std::string_view course_id) {
  return "siaga.facilitator.results." + std::string(course_id);
}

void import_result_file(AppState& app, Platform& platform, const Platform::PickedFile& file) {
  auto& f = app.facilitator;
  if (f.course.empty()) return;
  if (!file.error.empty()) {
    note(app, file.error == "too-large" ? "facilitator.file_too_large" : "facilitator.file_unreadable", file.name);
    return;
  }
  if (file.bytes.size() > kMaxResultFileBytes) {
    note(app, "facilitator.file_too_large", file.name);
    return;
  }
  ResultFileOutcome parsed = parse_result_file(file.bytes);
  if (!parsed.ok()) {
    note(app, "facilitator.file_rejected", file.name, parsed.error);
    return;
  }
  std::string message;
  if (match_course(parsed.record, known_tests(app), message) != CodeProblem::None) {
    note(app, "facilitator.file_rejected", file.name, message);
    return;
  }
  if (parsed.record.course_id != f.course) {
    note(app, "facilitator.file_other_course", file.name, parsed.record.course_id);
    return;
  }
  if (std::find(f.records.begin(), f.records.end(), parsed.record) != f.records.end()) {
    note(app, "facilitator.file_duplicate", file.name, parsed.record.label);
    return;
  }
  f.records.push_back(parsed.record);
  save_results(app, platform);
  note(app, "facilitator.file_imported", file.name, parsed.record.label);
}

bool apply_facilitator_action(AppState& app, Platform& platform, const Action& action) {
  auto& f = app.facilitator;
  switch (action.kind) {
    case Action::Kind::DownloadResultFile:
      if (!action.text.empty() && !action.text2.empty()) platform.download_file(action.text, "application/json", action.text2);
      return false;
    case Action::Kind::FacilitatorChooseCourse:
      if (action.text == f.course) return false;
      f = AppState::FacilitatorState{};
      f.course = action.text;
      load_results(app, platform);
      return true;
    case Action::Kind::FacilitatorCheckCodes: return check_codes(app, platform, action);
    case Action::Kind::FacilitatorImportFiles:
      if (!f.course.empty()) platform.pick_file("import-results", ".json,application/json");
      return false;
    case Action::Kind::FacilitatorDownloadCsv: download_csv(app, platform); return false;
    case Action::Kind::FacilitatorClearResults:
      if (f.course.empty()) return false;
      f.records.clear();
      f.unreadable.clear();
      f.scan.clear();
      f.notes.clear();
      save_results(app, platform);
      return true;
    default: return false;
  }
}

}  // namespace siaga
