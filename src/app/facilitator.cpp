// facilitator.cpp — the facilitator's knowledge-check tools, applied through the Platform.
//
// A course's kept results and its answer grid of paper tests are stored by the device store
// (app/device_store.h; keys in app/storage_keys.h), written after every change, so a reload or a
// closed tab keeps what was collected. A stored result line that cannot be read is kept and written
// back; a stored grid that cannot be read is left in place and never written over.
//
// The answer grid's complete rows join the class report and the CSV as records (paper_records),
// exactly like pasted codes.
//
// [SECTION] Codes and files
// [SECTION] Paper tests and the answer grid
// [SECTION] Entry points
#include "app/facilitator.h"

#include <algorithm>
#include <string>

#include "app/controller.h"
#include "app/device_store.h"
#include "app/handlers.h"
#include "core/csv.h"
#include "core/result_file.h"
#include "core/paste_scan.h"
#include "core/paper.h"
#include "core/printable.h"
#include "core/report.h"

namespace siaga {

namespace {

using Note = AppState::FacilitatorState::ImportNote;

void note(AppState& app, std::string key, std::string file = "", std::string detail = "") {
  for (const Note& n : app.facilitator.notes)
    if (n.key == key && n.file == file && n.detail == detail) return;  // said once is enough
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

// The open course once its lessons are in (app/course_packs.h): paper tests, the answer grid, the
// CSV and the GIFT file need its questions and right answers, which the course's index lacks.
const Course* open_course(const AppState& app) {
  const Language* language = app.catalog.find_language(app.language);
  if (!language) language = app.catalog.find_language("en");
  const Course* course = language ? find_course(*language, app.facilitator.course) : nullptr;
  return course && course->text_loaded ? course : nullptr;
}

void save_results(AppState& app, Platform& platform) { DeviceStore(app, platform).save_results(); }
void save_paper_rows(AppState& app, Platform& platform) { DeviceStore(app, platform).save_paper_rows(); }

// [SECTION] Codes and files ---------------------------------------------------------------------------

bool check_codes(AppState& app, Platform& platform, const FacilitatorCheckCodes& action) {
  auto& f = app.facilitator;
  if (action.course != f.course || f.course.empty()) return false;
  f.notes.clear();
  f.scan = scan_codes(action.pasted, known_tests(app), f.records);
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
  std::vector<ResultRecord> records = f.records;
  if (const Course* course = open_course(app))
    for (ResultRecord& record : paper_records(*course, f.paper_rows)) records.push_back(std::move(record));
  const ClassReport report = build_report(records, tests->pretest_questions, tests->posttest_questions, f.course);
  platform.download_file("siaga-report-" + f.course + ".csv", "text/csv", report_to_csv(report));
}

// [SECTION] Paper tests and the answer grid -------------------------------------------------------------

void print_paper(AppState& app, Platform& platform, const PrintPaperTest& action) {
  const Course* course = open_course(app);
  if (!course || action.course != course->id) return;
  const Quiz* quiz = find_test_quiz(*course, action.test);
  if (!quiz) return;
  const UiText text = ui_text(app);
  const bool key = action.answer_key;
  const std::string title =
      "siaga-" + std::string(test_kind_name(action.test)) + (key ? "-key-" : "-paper-") + course->id;
  platform.print_document(title, key ? answer_key_html(*course, *quiz, action.test, text, app.language)
                                     : paper_test_html(*course, *quiz, action.test, text, app.language));
}

// The open course, when an edit of its answer grid may go ahead (the stored grid was readable).
const Course* editable_grid(const AppState& app, std::string_view course_id) {
  const auto& f = app.facilitator;
  if (course_id != f.course || f.course.empty() || f.paper_unreadable) return nullptr;
  return open_course(app);
}

// The answer grid's row, or nullptr when the index is out of range.
PaperRow* grid_row(AppState& app, int row) {
  auto& rows = app.facilitator.paper_rows;
  return row >= 0 && row < static_cast<int>(rows.size()) ? &rows[static_cast<size_t>(row)] : nullptr;
}

}  // namespace

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
  // Each refusal is an interface string of its own (the core's English sentences never reach the
  // facilitator, who may be reading Indonesian).
  ResultFileOutcome parsed = parse_result_file(file.bytes);
  if (!parsed.ok()) {
    switch (parsed.problem) {
      case ResultFileProblem::TooLarge: note(app, "facilitator.file_too_large", file.name); break;
      case ResultFileProblem::NewerVersion: note(app, "facilitator.file_newer", file.name); break;
      case ResultFileProblem::BadField: note(app, "facilitator.file_bad_field", file.name, parsed.field); break;
      case ResultFileProblem::CodeMismatch: note(app, "facilitator.file_code_mismatch", file.name); break;
      case ResultFileProblem::NotAResultFile:
      case ResultFileProblem::None: note(app, "facilitator.file_not_result", file.name); break;
    }
    return;
  }
  std::string message;
  if (const CodeProblem problem = match_course(parsed.record, known_tests(app), message); problem != CodeProblem::None) {
    note(app, problem == CodeProblem::UnknownCourse ? "facilitator.file_unknown_course" : "facilitator.file_question_count",
         file.name);
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

namespace {

// Stops offering the bank to learners (their practice answers go with it). True when it was written.
bool withdraw_offer(AppState& app, Platform& platform) {
  app.bank.offer.reset();
  app.bank.practice = LearnerProgress{};
  return DeviceStore(app, platform).save_bank_offer();
}

}  // namespace

void open_bank(AppState& app, Platform& platform, const Platform::PickedFile& file) {
  auto& b = app.bank;
  b.note_detail = file.name;
  b.refused_unsaved.clear();
  if (!file.error.empty() || file.bytes.size() > kMaxBankBytes) {
    b.note_key = file.error == "unreadable" ? "bank.unreadable" : "bank.too_large";
    return;
  }
  QuestionBank bank{file.name, file.bytes, platform.now_ms()};
  BankImport imported = import_bank(bank);
  if (imported.quiz().questions.empty()) {  // nothing to keep: the bank before stays as it was
    b.note_key = "bank.none_imported";
    b.refused_unsaved = std::move(imported.refused);
    return;
  }
  b.stored = std::move(bank);
  b.imported = std::move(imported);
  // A failed write leaves the stored bank before in place; this one lasts for the session.
  b.note_key = DeviceStore(app, platform).save_bank() ? "bank.opened" : "bank.not_saved";
  // An offer belonged to the bank before: learners are never shown a new bank nobody offered.
  if (b.offer) withdraw_offer(app, platform);
}

// [SECTION] Facilitator actions -------------------------------------------------------------------------

bool apply(AppState&, Platform& platform, const DownloadResultFile& action) {
  if (!action.file_name.empty() && !action.json.empty())
    platform.download_file(action.file_name, "application/json", action.json);
  return false;
}

bool apply(AppState& app, Platform& platform, const FacilitatorChooseCourse& action) {
  auto& f = app.facilitator;
  if (action.course == f.course) return false;
  f = AppState::FacilitatorState{};
  f.course = action.course;
  DeviceStore store(app, platform);
  store.load_results();
  store.load_paper_rows();
  return true;
}

bool apply(AppState& app, Platform& platform, const FacilitatorCheckCodes& action) {
  return check_codes(app, platform, action);
}

bool apply(AppState& app, Platform& platform, const FacilitatorImportFiles&) {
  if (!app.facilitator.course.empty()) platform.pick_file("import-results", ".json,application/json");
  return false;
}

bool apply(AppState& app, Platform& platform, const FacilitatorDownloadCsv&) {
  download_csv(app, platform);
  return false;
}

bool apply(AppState& app, Platform& platform, const FacilitatorDownloadGift&) {
  if (const Course* course = open_course(app)) {
    const std::string& language = course->language.empty() ? app.language : course->language;
    platform.download_file("siaga-questions-" + course->id + "-" + language + ".gift", "text/plain",
                           course_to_gift(*course));
  }
  return false;
}

bool apply(AppState& app, Platform& platform, const FacilitatorDownloadModuleGift& action) {
  const Course* course = open_course(app);
  const Module* module = course ? find_module(*course, action.module_id) : nullptr;
  if (module) {
    const std::string& language = course->language.empty() ? app.language : course->language;
    platform.download_file("siaga-questions-" + course->id + "-" + module->id + "-" + language + ".gift", "text/plain",
                           module_to_gift(*course, *module));
  }
  return false;
}

bool apply(AppState& app, Platform& platform, const FacilitatorClearResults&) {
  auto& f = app.facilitator;
  if (f.course.empty()) return false;
  f.records.clear();
  f.unreadable.clear();
  f.scan.clear();
  f.notes.clear();
  save_results(app, platform);
  if (!f.paper_unreadable) {
    f.paper_rows.clear();
    save_paper_rows(app, platform);
  }
  return true;
}

bool apply(AppState& app, Platform& platform, const FacilitatorOpenBank&) {
  platform.pick_file("open-bank", ".gift,.txt,text/plain");
  return false;
}

bool apply(AppState& app, Platform& platform, const FacilitatorRemoveBank&) {
  auto& b = app.bank;
  if (!b.stored) return false;
  b.note_detail = b.stored->name;
  b.stored.reset();
  b.imported.reset();
  b.refused_unsaved.clear();
  const bool offer_written = !b.offer || withdraw_offer(app, platform);
  b.note_key = DeviceStore(app, platform).save_bank() && offer_written ? "bank.removed" : "bank.not_saved";
  return true;
}

bool apply(AppState& app, Platform& platform, const FacilitatorOfferBank&) {
  auto& b = app.bank;
  if (!b.stored || b.offer) return false;
  b.offer = BankOffer{b.stored->name, b.stored->added_at, platform.now_ms()};
  b.practice = LearnerProgress{};
  b.note_detail = b.stored->name;
  // Not saved: the offer lasts for this session only, and the screen says so.
  b.note_key = DeviceStore(app, platform).save_bank_offer() ? "bank.offered" : "bank.not_saved";
  return true;
}

bool apply(AppState& app, Platform& platform, const FacilitatorWithdrawBank&) {
  auto& b = app.bank;
  if (!b.offer) return false;
  b.note_detail = b.stored ? b.stored->name : b.offer->bank_name;
  b.note_key = withdraw_offer(app, platform) ? "bank.withdrawn" : "bank.not_saved";
  return true;
}

// The paper test's page names the bank's test "Question bank", not "Pretest".
bool apply(AppState& app, Platform& platform, const PrintBank& action) {
  if (!app.bank.imported) return false;  // set only with stored (app/app_state.h)
  const Language* active = app.catalog.find_language(app.language);
  const Language* english = app.catalog.find_language("en");
  Translations words = active ? active->ui : Translations{};
  words.by_key["print.pretest"] = std::string(ui_text(app)("bank.paper_name"));
  const UiText text(&words, english ? &english->ui : nullptr);
  const Course& course = app.bank.imported->course;
  const Quiz& quiz = app.bank.imported->quiz();
  platform.print_document(std::string(action.answer_key ? "siaga-bank-key" : "siaga-bank-paper"),
                          action.answer_key ? answer_key_html(course, quiz, TestKind::Pretest, text, app.language)
                                            : paper_test_html(course, quiz, TestKind::Pretest, text, app.language));
  return false;
}

bool apply(AppState& app, Platform& platform, const PrintPaperTest& action) {
  print_paper(app, platform, action);
  return false;
}

bool apply(AppState& app, Platform& platform, const PaperAddRow& action) {
  const Course* course = editable_grid(app, action.course);
  const Quiz* quiz = course ? find_test_quiz(*course, action.test) : nullptr;
  if (!quiz || app.facilitator.paper_rows.size() >= kMaxPaperRows) return false;
  PaperRow row;
  row.kind = action.test;
  row.day = std::clamp(static_cast<int>(platform.now_ms() / 86'400'000LL) - 18262, 0, kMaxDayNumber);
  row.cells.assign(quiz->questions.size(), "");
  app.facilitator.paper_rows.push_back(std::move(row));
  save_paper_rows(app, platform);
  return true;
}

bool apply(AppState& app, Platform& platform, const PaperEditLabel& action) {
  PaperRow* row = editable_grid(app, action.course) ? grid_row(app, action.row) : nullptr;
  if (!row) return false;
  row->label = action.text;
  save_paper_rows(app, platform);
  return true;
}

bool apply(AppState& app, Platform& platform, const PaperEditCell& action) {
  const Course* course = editable_grid(app, action.course);
  PaperRow* row = course ? grid_row(app, action.row) : nullptr;
  if (!row) return false;
  const Quiz* quiz = find_test_quiz(*course, row->kind);
  if (!quiz || action.question < 0 || action.question >= static_cast<int>(quiz->questions.size())) return false;
  row->cells.resize(quiz->questions.size());
  row->cells[static_cast<size_t>(action.question)] = action.text.substr(0, kMaxCellLength * 2);
  save_paper_rows(app, platform);
  return true;
}

bool apply(AppState& app, Platform& platform, const PaperRemoveRow& action) {
  if (!editable_grid(app, action.course) || !grid_row(app, action.row)) return false;
  app.facilitator.paper_rows.erase(app.facilitator.paper_rows.begin() + action.row);
  save_paper_rows(app, platform);
  return true;
}

}  // namespace siaga
