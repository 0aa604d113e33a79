// The facilitator's knowledge-check tools in the app controller: pasted codes checked and kept per
// course in storage (so a reload keeps them), duplicates and typos not counted, result files imported,
// unreadable stored lines never dropped, and the CSV download.
#include <doctest/doctest.h>

#include <algorithm>

#include "app/controller.h"
#include "app/facilitator.h"
#include "app/code_module.h"
#include "app/facilitator_code.h"
#include "app/storage_keys.h"
#include "app/learner.h"
#include "core/csv.h"
#include "core/result_file.h"
#include "core/paste_scan.h"
#include "memory_platform.h"

using namespace siaga;

namespace {

Course course_with_tests(const std::string& id, int pre, int post) {
  Module module;
  module.id = "workshop-check";
  Quiz pretest;
  pretest.id = "pretest";
  pretest.kind = QuizKind::Pretest;
  pretest.questions.resize(static_cast<size_t>(pre));
  Quiz posttest = pretest;
  posttest.id = "posttest";
  posttest.kind = QuizKind::Posttest;
  posttest.questions.resize(static_cast<size_t>(post));
  module.quizzes = {pretest, posttest};
  Course course;
  course.id = id;
  course.title = id;
  course.modules = {module};
  return course;
}

AppState workshop_app() {
  AppState app;
  Language language;
  language.tag = "en";
  language.courses = {course_with_tests("alpha", 4, 4), course_with_tests("beta", 3, 3)};
  app.catalog.languages = {language};
  return app;
}

ResultRecord result(const std::string& course, TestKind kind, int questions, uint64_t right, const std::string& label) {
  ResultRecord r;
  r.course_id = course;
  r.kind = kind;
  r.question_count = questions;
  r.right_mask = right;
  r.day = 2000;
  r.label = label;
  return r;
}

Action choose(const std::string& course) { return FacilitatorChooseCourse{course}; }
Action check(const std::string& course, const std::string& text) { return FacilitatorCheckCodes{course, text}; }

}  // namespace

TEST_CASE("pasted codes are kept once, a typo and another course's code are reported, and a reload keeps them") {
  test::MemoryPlatform platform;
  AppState app = workshop_app();
  const std::string andi_pre = encode_result(result("alpha", TestKind::Pretest, 4, 0b0001, "ANDI"));
  const std::string andi_post = encode_result(result("alpha", TestKind::Posttest, 4, 0b0111, "ANDI"));
  const std::string beta = encode_result(result("beta", TestKind::Pretest, 3, 0b001, "SITI"));
  std::string typo = andi_post;
  typo[2] = typo[2] == 'X' ? 'Y' : 'X';
  REQUIRE(apply_action(app, platform, choose("alpha")));
  const std::string pasted = "Andi: " + andi_pre + " thanks!\n" + andi_pre + "\nhello all\n" + typo + "\n" + andi_post +
                             "\n" + beta + "\n";
  REQUIRE(apply_action(app, platform, check("alpha", pasted)));
  const auto& scan = app.facilitator.scan;
  REQUIRE(scan.size() >= 6);
  CHECK(scan[0].status == ScanStatus::Ok);
  CHECK(scan[1].status == ScanStatus::Duplicate);
  CHECK(scan[1].codes.at(0).duplicate_of_line == 1);
  CHECK(scan[2].status == ScanStatus::NoCode);
  CHECK(scan[3].status == ScanStatus::Typo);
  CHECK(scan[4].status == ScanStatus::Ok);
  CHECK(scan[5].status == ScanStatus::Invalid);  // beta's code while alpha is open: not mixed in
  CHECK(scan[5].codes.at(0).record.course_id == "beta");
  REQUIRE(app.facilitator.records.size() == 2);

  // Stored as JSON lines; a fresh app (a reload) reads them back.
  const std::string stored = platform.stored.at(storage_key::facilitator_results("alpha"));
  CHECK(std::count(stored.begin(), stored.end(), '\n') == 2);
  AppState reloaded = workshop_app();
  apply_action(reloaded, platform, choose("alpha"));
  CHECK(reloaded.facilitator.records == app.facilitator.records);

  // Pasting the same codes again counts nothing twice.
  apply_action(reloaded, platform, check("alpha", andi_pre + "\n" + andi_post));
  CHECK(reloaded.facilitator.scan[0].status == ScanStatus::Duplicate);
  CHECK(reloaded.facilitator.scan[0].codes.at(0).duplicate_of_line == 0);
  CHECK(reloaded.facilitator.records.size() == 2);
  CHECK(platform.stored.count(storage_key::facilitator_results("beta")) == 0);
}

TEST_CASE("result files are imported for the open course; bad, duplicate and other-course files are refused") {
  test::MemoryPlatform platform;
  AppState app = workshop_app();
  apply_action(app, platform, choose("alpha"));
  apply_action(app, platform, FacilitatorImportFiles{});
  CHECK(platform.picks_requested == std::vector<std::string>{"import-results"});

  const std::string file = result_file_json(result("alpha", TestKind::Posttest, 4, 0b1111, "BUDI"));
  platform.picked = Platform::PickedFile{"import-results", "budi.json", file, ""};
  CHECK(poll_learners(app, platform));
  REQUIRE(app.facilitator.records.size() == 1);
  CHECK(app.facilitator.records[0].label == "BUDI");
  CHECK(app.facilitator.notes.back().key == "facilitator.file_imported");

  platform.picked = Platform::PickedFile{"import-results", "budi-again.json", file, ""};
  poll_learners(app, platform);
  CHECK(app.facilitator.notes.back().key == "facilitator.file_duplicate");
  platform.picked = Platform::PickedFile{"import-results", "notes.json", "{\"hello\":1}", ""};
  poll_learners(app, platform);
  CHECK(app.facilitator.notes.back().key == "facilitator.file_not_result");
  // A refusal is worded by the interface (in the facilitator's language), naming the bad entry.
  std::string bad_date = file;
  bad_date.replace(bad_date.find("\"date\": \"") + 9, 10, "2025-13-40");
  platform.picked = Platform::PickedFile{"import-results", "date.json", bad_date, ""};
  poll_learners(app, platform);
  CHECK(app.facilitator.notes.back().key == "facilitator.file_bad_field");
  CHECK(app.facilitator.notes.back().detail == "date");
  platform.picked = Platform::PickedFile{"import-results", "beta.json",
                                         result_file_json(result("beta", TestKind::Pretest, 3, 1, "SITI")), ""};
  poll_learners(app, platform);
  CHECK(app.facilitator.notes.back().key == "facilitator.file_other_course");
  CHECK(app.facilitator.records.size() == 1);
}

TEST_CASE("a damaged stored line is kept and written back, never dropped") {
  test::MemoryPlatform platform;
  std::string good = result_file_json(result("alpha", TestKind::Pretest, 4, 0b11, "ANDI"));
  std::erase(good, '\n');
  platform.stored[storage_key::facilitator_results("alpha")] = good + "\n{not json\n";
  AppState app = workshop_app();
  apply_action(app, platform, choose("alpha"));
  CHECK(app.facilitator.records.size() == 1);
  CHECK(app.facilitator.unreadable == std::vector<std::string>{"{not json"});
  CHECK(app.facilitator.notes.at(0).key == "facilitator.stored_unreadable");
  apply_action(app, platform, check("alpha", encode_result(result("alpha", TestKind::Posttest, 4, 0b111, "ANDI"))));
  const std::string stored = platform.stored.at(storage_key::facilitator_results("alpha"));
  CHECK(stored.find("{not json") != std::string::npos);
  CHECK(app.facilitator.records.size() == 2);
}

TEST_CASE("a failed save is reported and the results stay in the session") {
  test::MemoryPlatform platform;
  AppState app = workshop_app();
  apply_action(app, platform, choose("alpha"));
  platform.next_save = StoreResult::Full;
  apply_action(app, platform, check("alpha", encode_result(result("alpha", TestKind::Pretest, 4, 1, "ANDI"))));
  CHECK(app.facilitator.records.size() == 1);
  REQUIRE_FALSE(app.facilitator.notes.empty());
  CHECK(app.facilitator.notes.back().key == "facilitator.not_saved");
}

TEST_CASE("the CSV download is the open course's report, and a participant's result file downloads as JSON") {
  test::MemoryPlatform platform;
  AppState app = workshop_app();
  apply_action(app, platform, choose("alpha"));
  apply_action(app, platform, check("alpha", encode_result(result("alpha", TestKind::Pretest, 4, 0b0001, "ANDI")) +
                                                         "\n" + encode_result(result("alpha", TestKind::Posttest, 4, 0b0111, "ANDI"))));
  apply_action(app, platform, FacilitatorDownloadCsv{});
  REQUIRE(platform.downloads.size() == 1);
  CHECK(platform.downloads[0].name == "siaga-report-alpha.csv");
  CHECK(platform.downloads[0].mime == "text/csv");
  CHECK(platform.downloads[0].bytes == report_to_csv(build_report(app.facilitator.records, 4, 4, "alpha")));
  CHECK(platform.downloads[0].bytes.find("ANDI,25.0,75.0,50.0") != std::string::npos);

  apply_action(app, platform, DownloadResultFile{"r.json", "{}"});
  CHECK(platform.downloads.back().mime == "application/json");

  apply_action(app, platform, FacilitatorClearResults{});
  CHECK(app.facilitator.records.empty());
  CHECK(platform.stored.at(storage_key::facilitator_results("alpha")).empty());
}

TEST_CASE("the GIFT download holds every question of the open course, one Moodle category per module") {
  test::MemoryPlatform platform;
  AppState app = workshop_app();
  for (Quiz& quiz : app.catalog.languages[0].courses[0].modules[0].quizzes)  // real questions, 4 per test
    quiz.questions = parse_gift("::" + quiz.id + "-1:: A? {T}\n\n::" + quiz.id + "-2:: B? {=x ~y}\n\n::" + quiz.id +
                                    "-3:: C? {#3}\n\n::" + quiz.id + "-4:: D? {=a -> 1 =b -> 2}",
                                "t.gift", 1).value;
  apply_action(app, platform, choose("alpha"));
  apply_action(app, platform, FacilitatorDownloadGift{});
  REQUIRE(platform.downloads.size() == 1);
  const auto& file = platform.downloads[0];
  CHECK(file.name == "siaga-questions-alpha-en.gift");
  CHECK(file.mime == "text/plain");
  CHECK(file.bytes.find("$CATEGORY: $course$/top/") != std::string::npos);
  size_t expected = 0;
  for (const Module& module : app.catalog.languages[0].courses[0].modules)
    for (const Quiz& quiz : module.quizzes) expected += quiz.questions.size();
  const auto back = parse_gift(file.bytes, "download.gift", 1);
  CHECK(back.diagnostics.empty());
  CHECK(back.value.size() == expected);
  CHECK(expected == 8);
}

TEST_CASE("on the web the facilitator's code is its own download: asked for by a facilitator screen, once; actions and files wait for it") {
  test::MemoryPlatform platform;
  platform.separate_code = true;
  AppState app = workshop_app();
  start_app(app, platform);
  app.catalog.languages = workshop_app().catalog.languages;
  CHECK_FALSE(app.facilitator_code.ready);
  const auto asked = [&] {
    return std::count(platform.requested.begin(), platform.requested.end(), std::string(kFacilitatorCodeAsset));
  };
  // A learner's screens never ask for it.
  apply_action(app, platform, Navigate{Route{.screen = Screen::Progress}});
  poll_app(app, platform);
  CHECK(asked() == 0);
  // A facilitator action cannot run before its code is here (its screen is not drawn then); it changes nothing.
  apply_action(app, platform, choose("alpha"));
  CHECK(app.facilitator.course.empty());
  // The facilitator screen asks for it.
  platform.hash = "#/facilitator";
  poll_app(app, platform);
  CHECK(asked() == 1);
  // A file dropped on that screen meanwhile is held, and not asked for twice.
  platform.picked = Platform::PickedFile{"dropped", "bank.gift", "::q1:: Two and two? {=four ~five}\n", ""};
  poll_app(app, platform);
  CHECK(app.held_facilitator_file.has_value());
  CHECK_FALSE(app.bank.stored.has_value());
  CHECK(asked() == 1);
  // Nothing more is asked for while it downloads; the screen shows how far it is.
  platform.progress[kFacilitatorCodeAsset] = {40'000, 120'000};
  CHECK(poll_app(app, platform));
  CHECK(app.facilitator_code.progress.received == 40'000);
  CHECK(asked() == 1);
  // A failed download is said, not retried by itself; "Try again" asks once more.
  platform.asset_errors[kFacilitatorCodeAsset] = "siaga-facilitator.wasm: Failed to fetch";
  poll_app(app, platform);
  CHECK(app.facilitator_code.error == "siaga-facilitator.wasm: Failed to fetch");
  poll_app(app, platform);
  CHECK(asked() == 1);
  platform.asset_errors.clear();
  apply_action(app, platform, RetryFacilitatorCode{});
  CHECK(app.facilitator_code.error.empty());
  CHECK(asked() == 2);
  // It arrives, but calls into the lesson code (app/code_module.h), which the screen asked for too:
  // ready, and the held file read, only once that is here as well.
  CHECK(std::count(platform.requested.begin(), platform.requested.end(), std::string(kLessonCodeAsset)) == 1);
  platform.assets[kFacilitatorCodeAsset] = "";
  poll_app(app, platform);
  CHECK_FALSE(app.facilitator_code.ready);
  CHECK(app.held_facilitator_file.has_value());
  platform.assets[kLessonCodeAsset] = "";
  CHECK(poll_app(app, platform));
  CHECK(app.lesson_code.ready);
  CHECK(app.facilitator_code.ready);
  CHECK_FALSE(app.held_facilitator_file.has_value());
  REQUIRE(app.bank.stored.has_value());
  CHECK(app.bank.note_key == "bank.opened");
  apply_action(app, platform, choose("alpha"));
  CHECK(app.facilitator.course == "alpha");
}

TEST_CASE("natively the facilitator's code is linked in: ready from the start, nothing to download") {
  test::MemoryPlatform platform;
  AppState app = workshop_app();
  start_app(app, platform);
  CHECK(app.facilitator_code.ready);
  platform.hash = "#/facilitator";
  poll_app(app, platform);
  CHECK(std::count(platform.requested.begin(), platform.requested.end(), std::string(kFacilitatorCodeAsset)) == 0);
}
