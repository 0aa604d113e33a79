// fuzz_data.cpp — libFuzzer entry points for the outside data that is not content: what the portal
// reads back from browser storage (progress, learner profiles, settings, session plans, the
// facilitator's stored answer grid of paper tests), files people import (progress exports, workshop
// result files), codes people type or paste (result codes and the class
// report made from them, certificate references), the address bar (routes from shared links) and the
// browser's language list.
//
// Built once per SIAGA_FUZZ_<NAME> (see CMakeLists.txt). Besides crashes, leaks, undefined behaviour,
// hangs and aborts (nlohmann::json is built with JSON_NOEXCEPTION, so a misused accessor aborts),
// each target checks promises the headers make and traps when one breaks:
// - a reader returns a value exactly when it reports no error, with plain words when it fails;
// - what was read writes back and reads again to the same value (stored and exported forms, codes,
//   result files, routes);
// - merging a learner's progress with itself changes nothing (progress.h).
// Stored and exported JSON carries a SHA-256 checksum, so almost every mutation would stop at "damaged".
// The JSON targets therefore also read each input a second time with its checksums recomputed, which
// lets the fuzzer reach the field readers and the schema 1 migration behind them.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/bank.h"
#include "core/certificate.h"
#include "core/result_file.h"
#include "core/paste_scan.h"
#include "core/csv.h"
#include "core/i18n.h"
#include "core/paper.h"
#include "core/plan.h"
#include "core/printable.h"
#include "core/progress.h"
#include "core/report.h"
#include "core/result_code.h"
#include "core/route.h"
#include "core/session.h"
#include "core/settings.h"
#include "fuzz_util.h"

namespace {

using siaga::fuzz::require;

template <typename T>
[[maybe_unused]] void require_consistent(const siaga::DataResult<T>& result) {
  require(result.ok() == (result.error == siaga::DataError::None));
  require(result.ok() || !result.reason.empty());
}

// Calls read(text) on the input and, when the input's checksums were not all right, on the input with
// its checksums made right.
template <typename Read>
[[maybe_unused]] void read_twice(std::string_view text, Read read) {
  read(text);
  const std::string fixed = siaga::fuzz::with_fixed_checksums(text);
  if (fixed != text) read(fixed);
}

[[maybe_unused]] std::string without_hyphens(std::string_view code) {
  std::string out;
  for (char c : code)
    if (c != '-') out.push_back(c);
  return out;
}

// The courses a facilitator's catalog knows, for the codes that name one.
[[maybe_unused]] const std::vector<siaga::CourseTests>& known_courses() {
  static const std::vector<siaga::CourseTests> known = {
      {"micic", 10, 10}, {"counter-trafficking", 12, 12}, {"refugee-orientation", 8, 0}};
  return known;
}

[[maybe_unused]] std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == '\n') {
      lines.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
#if defined(SIAGA_FUZZ_PROGRESS)
  read_twice(text, [](std::string_view input) {
    const auto read = siaga::parse_progress(input);
    require_consistent(read);
    if (!read.ok()) return;
    const siaga::LearnerProgress& progress = *read.value;
    const auto again = siaga::parse_progress(siaga::progress_to_json(progress));
    require(again.ok() && *again.value == progress && again.migrated_from == 0);
    require(siaga::merge_progress(progress, progress) == progress);
  });
#elif defined(SIAGA_FUZZ_PROFILES)
  read_twice(text, [](std::string_view input) {
    const auto read = siaga::parse_profiles(input);
    require_consistent(read);
    if (!read.ok()) return;
    const auto again = siaga::parse_profiles(siaga::profiles_to_json(*read.value));
    require(again.ok() && *again.value == *read.value);
  });
#elif defined(SIAGA_FUZZ_EXPORT)
  read_twice(text, [](std::string_view input) {
    const auto read = siaga::parse_export(input);
    require_consistent(read);
    if (!read.ok()) return;
    siaga::Profile profile;
    profile.name = read.value->name;
    profile.colour = read.value->colour;
    const auto again = siaga::parse_export(siaga::export_progress(profile, read.value->progress, read.value->exported_at));
    require(again.ok());
    require(again.value->name == read.value->name && again.value->colour == read.value->colour);
    require(again.value->exported_at == read.value->exported_at && again.value->progress == read.value->progress);
  });
#elif defined(SIAGA_FUZZ_SETTINGS)
  // The browser's language list (navigator.languages, comma-joined by the page) picks a language too.
  std::vector<std::string> preferred;
  for (std::string_view tag : lines_of(text)) preferred.emplace_back(tag);
  const std::string chosen = siaga::negotiate_language(preferred, {"en", "id"}, "en");
  require(chosen == "en" || chosen == "id");
  const siaga::SettingsLoad read = siaga::parse_settings(text);
  if (!read.damaged) {
    const siaga::SettingsLoad again = siaga::parse_settings(siaga::settings_to_json(read.settings));
    require(!again.damaged && again.settings == read.settings);
  }
#elif defined(SIAGA_FUZZ_SESSION)
  const auto read = siaga::parse_session(text);
  if (read.ok()) {
    const auto again = siaga::parse_session(siaga::session_to_json(*read.value));
    require(again.ok() && *again.value == *read.value);
  }
#elif defined(SIAGA_FUZZ_RESULT_CODE)
  const siaga::DecodeOutcome plain = siaga::decode_result(text);
  require(plain.ok() == plain.message.empty());
  if (plain.ok()) {
    // A code that reads is canonical: encoding its record gives the same symbols back.
    require(without_hyphens(siaga::encode_result(plain.record)) == plain.canonical);
    require(plain.record.course_id.empty() && siaga::record_problem(plain.record).empty());
  }
  const siaga::DecodeOutcome matched = siaga::decode_result(text, known_courses());
  require(matched.ok() == matched.message.empty());
  if (matched.ok()) {
    require(plain.ok() && matched.canonical == plain.canonical);
    require(siaga::course_hash(matched.record.course_id) == plain.record.course_hash);
  }
#elif defined(SIAGA_FUZZ_SCAN)
  const auto lines = siaga::scan_codes(text, known_courses());
  for (const siaga::ScanLine& line : lines) {
    require(line.line >= 1);
    for (const siaga::FoundCode& found : line.codes) {
      if (found.status != siaga::ScanStatus::Ok) continue;
      // A kept record is exactly what its code says.
      const siaga::DecodeOutcome decoded = siaga::decode_result(found.text, known_courses());
      require(decoded.ok() && decoded.record == found.record);
    }
  }
  // Pasting the same text again, after keeping its records, keeps nothing new.
  const auto kept = siaga::kept_records(lines);
  require(siaga::kept_records(siaga::scan_codes(text, known_courses(), kept)).empty());
  // The facilitator's class report and its CSV are made from whatever was kept.
  for (const siaga::CourseTests& course : known_courses())
    siaga::report_to_csv(siaga::build_report(kept, course.pretest_questions, course.posttest_questions, course.course_id));
#elif defined(SIAGA_FUZZ_RESULT_FILE)
  const siaga::ResultFileOutcome read = siaga::parse_result_file(text);
  if (read.ok()) {
    const std::string written = siaga::result_file_json(read.record);
    require(!written.empty());
    const siaga::ResultFileOutcome again = siaga::parse_result_file(written);
    require(again.ok() && again.record == read.record);
  }
#elif defined(SIAGA_FUZZ_CERTIFICATE)
  // Input: the typed code, then the name, course id, completion date (YYYY-MM-DD) and score as they
  // appear on the certificate, one per line.
  const auto parts = lines_of(text);
  const auto part = [&](size_t i) { return i < parts.size() ? parts[i] : std::string_view(); };
  int day = 0;
  if (!siaga::parse_iso_date(part(3), day)) day = 2000;
  const siaga::CivilDate date = siaga::date_from_day_number(day);
  int score = 0;
  for (char c : part(4)) score = (score * 10 + (static_cast<unsigned char>(c) % 10)) % 1000;
  const siaga::CertificateCheck check = siaga::verify_certificate(part(0), part(1), part(2), date, score);
  require(!siaga::describe(check).empty());
  const std::string code = siaga::certificate_code(part(1), part(2), date, score);
  if (!code.empty())
    require(siaga::verify_certificate(code, part(1), part(2), date, score) == siaga::CertificateCheck::Matches);
#elif defined(SIAGA_FUZZ_PAPER_GRID)
  // The facilitator's stored answer grid (paper.h): what reads writes back the same, and every cell of
  // every row is read against a quiz of every question type without trouble; a complete row makes a
  // record that can be encoded.
  static const siaga::Quiz quiz = [] {
    siaga::Quiz q;
    q.id = "pretest";
    q.kind = siaga::QuizKind::Pretest;
    q.questions = siaga::parse_gift("::a:: A? {\n =Yes\n ~No\n ~Maybe\n}\n::b:: B? {\n ~%50%X\n ~%50%Y\n ~%-50%Z\n}\n"
                                    "::c:: C. {TRUE}\n::d:: D. {\n =1 -> one\n =2 -> two\n}\n::e:: E? {#1989:1}\n"
                                    "::f:: F? {=yes}\n", "fuzz.md", 1).value;
    return q;
  }();
  const auto rows = siaga::parse_paper_rows(text);
  if (rows) {
    const auto again = siaga::parse_paper_rows(siaga::paper_rows_json(*rows));
    require(again && *again == *rows);
    for (const siaga::PaperRow& row : *rows) {
      const siaga::PaperRowCheck check = siaga::check_paper_row("demo", quiz, row);
      require(check.cells.size() == quiz.questions.size());
      if (const auto record = siaga::paper_row_record("demo", quiz, row)) require(siaga::record_problem(*record).empty());
    }
  }
  for (const siaga::Question& question : quiz.questions) siaga::read_paper_cell("demo", quiz, question, text);
#elif defined(SIAGA_FUZZ_BANK)
  // A question bank as the facilitator's browser opens it: any file's bytes are read as GIFT
  // (import_bank), every refusal points inside the file with words, each kept question has an id, its
  // score for no answer is 0, the kept questions print as a paper test and a key, and their GIFT export
  // reads back to as many questions with no error; the stored record of the bank reads back. The same
  // bytes are also read as a stored record (with its checksum made right, to reach the field reader).
  {
    const siaga::QuestionBank bank{"bank.gift", std::string(text), 1'700'000'000'000};
    const siaga::BankImport imported = siaga::import_bank(bank);
    int lines = 1;
    for (char c : text) lines += c == '\n' ? 1 : 0;
    for (const siaga::Diagnostic& d : imported.refused)
      require(d.line >= 1 && d.line <= lines + 1 && d.column >= 1 && !d.message.empty());
    const siaga::Quiz& quiz = imported.quiz();
    for (const siaga::Question& question : quiz.questions) {
      require(!question.id.empty());
      require(siaga::score_question(question, siaga::Answer{}) == 0);
    }
    if (quiz.questions.size() <= static_cast<size_t>(siaga::kMaxQuestions)) {
      siaga::paper_test_html(imported.course, quiz, siaga::TestKind::Pretest, siaga::UiText(), "en");
      siaga::answer_key_html(imported.course, quiz, siaga::TestKind::Pretest, siaga::UiText(), "en");
    }
    const auto exported = siaga::parse_gift(siaga::write_gift(quiz.questions, "bank"), "export.gift", 1);
    require(!siaga::has_errors(exported.diagnostics) && exported.value.size() == quiz.questions.size());
    const auto stored = siaga::parse_bank(siaga::bank_to_json(bank));
    require(stored.ok() && stored.value->name == bank.name && stored.value->added_at == bank.added_at);
  }
  read_twice(text, [](std::string_view t) { require_consistent(siaga::parse_bank(t)); });
#elif defined(SIAGA_FUZZ_PLANS)
  // Session plans read back from storage: what reads writes back to the same plans, every plan's
  // agenda survives its arithmetic and edits, and its printable page never lets typed text become markup.
  const auto read = siaga::parse_plans(text);
  require_consistent(read);
  if (read.ok()) {
    const auto again = siaga::parse_plans(siaga::plans_to_json(*read.value));
    require(again.ok() && *again.value == *read.value);
    for (siaga::SessionPlan plan : read.value->plans) {
      const auto starts = siaga::agenda_start_times(plan);
      require(starts.empty() || starts.size() == plan.agenda.size());
      const std::string html = siaga::plan_to_html(plan, nullptr, siaga::UiText(), "en");
      require(html.find("<script") == std::string::npos && html.find("<img") == std::string::npos);
      const int total = siaga::agenda_minutes(plan);
      if (!plan.agenda.empty()) {
        require(siaga::move_item(plan, 0, 1) == (plan.agenda.size() > 1));
        require(siaga::agenda_minutes(plan) == total);
      }
      require(siaga::clean_plan_field(plan.place).size() <= siaga::kMaxPlanFieldChars);
    }
  }
#elif defined(SIAGA_FUZZ_ROUTE)
  const siaga::Route route = siaga::parse_route(text);
  require(siaga::parse_route(siaga::route_to_hash(route)) == route);
#else
#error "define one of SIAGA_FUZZ_PROGRESS, _PROFILES, _EXPORT, _SETTINGS, _SESSION, _RESULT_CODE, _SCAN, _RESULT_FILE, _CERTIFICATE, _PAPER_GRID, _BANK, _PLANS, _ROUTE"
#endif
  return 0;
}
