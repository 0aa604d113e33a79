// Paper tests and certificates in the app controller: printing goes through the platform's
// print_document, every grid edit is saved at once and read back after a reload, complete grid rows
// join the CSV report like result codes, and a learner's certificate is printed or downloaded with a
// reference code the certificate check accepts.
#include <doctest/doctest.h>

#include "app/controller.h"
#include "app/facilitator.h"
#include "app/storage_keys.h"
#include "app/learner.h"
#include "core/certificate.h"
#include "core/paper.h"
#include "memory_platform.h"

using namespace siaga;

namespace {

Quiz test_quiz(std::string id, QuizKind kind) {
  auto parsed = parse_gift(
      "::a:: Pick <one>. {\n =Right\n ~Wrong\n ~Other\n}\n\n::b:: True? {TRUE}\n\n::c:: Year? {#1989}\n", "t.md", 1);
  REQUIRE(!has_errors(parsed.diagnostics));
  Quiz quiz;
  quiz.id = std::move(id);
  quiz.kind = kind;
  quiz.graded = false;
  quiz.questions = std::move(parsed.value);
  return quiz;
}

AppState paper_app() {
  Module module;
  module.id = "workshop-check";
  module.quizzes = {test_quiz("pretest", QuizKind::Pretest), test_quiz("posttest", QuizKind::Posttest)};
  Quiz final_quiz = test_quiz("final", QuizKind::Module);
  final_quiz.graded = true;
  Module lesson;
  lesson.id = "lesson";
  lesson.quizzes = {final_quiz};
  Course course;
  course.id = "alpha";
  course.title = "Alpha";
  course.certificate = true;
  course.modules = {lesson, module};
  Language language;
  language.tag = "en";
  language.courses = {course};
  AppState app;
  app.catalog.languages = {language};
  return app;
}


std::string right_letter(const AppState& app, TestKind kind) {
  const Course& course = app.catalog.languages[0].courses[0];
  const Quiz& quiz = *find_test_quiz(course, kind);
  const std::vector<int> order = paper_option_order("alpha", quiz, quiz.questions[0]);
  for (size_t p = 0; p < order.size(); ++p)
    if (order[p] == 0) return option_letter(static_cast<int>(p));
  return "?";
}

}  // namespace

TEST_CASE("printing the paper test and its key hands a page with the questions to the platform") {
  test::MemoryPlatform platform;
  AppState app = paper_app();
  apply_action(app, platform, FacilitatorChooseCourse{"alpha"});
  apply_action(app, platform, PrintPaperTest{"alpha", TestKind::Posttest, false});
  REQUIRE(platform.printed.size() == 1);
  CHECK(platform.printed[0].title == "siaga-posttest-paper-alpha");
  CHECK(platform.printed[0].html.find("Pick &lt;one&gt;.") != std::string::npos);
  apply_action(app, platform, PrintPaperTest{"alpha", TestKind::Pretest, true});
  REQUIRE(platform.printed.size() == 2);
  CHECK(platform.printed[1].title == "siaga-pretest-key-alpha");
  CHECK(platform.printed[1].html.find("<td class=\"code\">1989</td>") != std::string::npos);
}

TEST_CASE("grid edits are saved as they happen, survive a reload, and complete rows join the CSV") {
  test::MemoryPlatform platform;
  platform.clock_ms = 1'741'910'400'000;  // 2025-03-14
  AppState app = paper_app();
  apply_action(app, platform, FacilitatorChooseCourse{"alpha"});
  REQUIRE(apply_action(app, platform, PaperAddRow{"alpha", TestKind::Pretest}));
  REQUIRE(app.facilitator.paper_rows.size() == 1);
  CHECK(app.facilitator.paper_rows[0].cells.size() == 3);
  CHECK(app.facilitator.paper_rows[0].day == day_number(CivilDate{2025, 3, 14}));
  apply_action(app, platform, PaperEditLabel{"alpha", 0, "Rina"});
  apply_action(app, platform, PaperEditCell{"alpha", 0, 0, right_letter(app, TestKind::Pretest)});
  apply_action(app, platform, PaperEditCell{"alpha", 0, 1, "F"});
  // Saved after each edit: a reload now has the half-typed row.
  AppState reloaded = paper_app();
  apply_action(reloaded, platform, FacilitatorChooseCourse{"alpha"});
  CHECK(reloaded.facilitator.paper_rows == app.facilitator.paper_rows);
  CHECK(reloaded.facilitator.paper_rows[0].cells[1] == "F");

  // Not complete yet: the CSV has no row for her.
  apply_action(reloaded, platform, FacilitatorDownloadCsv{});
  REQUIRE(platform.downloads.size() == 1);
  CHECK(platform.downloads[0].bytes.find("RINA") == std::string::npos);

  apply_action(reloaded, platform, PaperEditCell{"alpha", 0, 2, "1.989"});
  apply_action(reloaded, platform, FacilitatorDownloadCsv{});
  REQUIRE(platform.downloads.size() == 2);
  const std::string& csv = platform.downloads[1].bytes;
  const size_t row = csv.find("RINA,");
  REQUIRE(row != std::string::npos);
  CHECK(csv.substr(row, csv.find('\n', row) - row).rfind("RINA,66.7,", 0) == 0);  // 2 of 3 right

  // Removing the row is saved too.
  apply_action(reloaded, platform, PaperRemoveRow{"alpha", 0});
  AppState again = paper_app();
  apply_action(again, platform, FacilitatorChooseCourse{"alpha"});
  CHECK(again.facilitator.paper_rows.empty());
}

TEST_CASE("a stored grid that cannot be read is never written over") {
  test::MemoryPlatform platform;
  platform.stored[storage_key::facilitator_paper("alpha")] = "{not a grid";
  AppState app = paper_app();
  apply_action(app, platform, FacilitatorChooseCourse{"alpha"});
  CHECK(app.facilitator.paper_unreadable);
  CHECK(app.facilitator.notes.back().key == "paper.stored_unreadable");
  CHECK_FALSE(apply_action(app, platform, PaperAddRow{"alpha", TestKind::Pretest}));
  apply_action(app, platform, FacilitatorClearResults{});
  CHECK(platform.stored.at(storage_key::facilitator_paper("alpha")) == "{not a grid");
}

TEST_CASE("a learner who completed the course prints and downloads a certificate the check accepts") {
  test::MemoryPlatform platform;
  platform.clock_ms = 1'741'910'400'000 + 3'600'000;  // 2025-03-14, 01:00 UTC
  AppState app = paper_app();
  apply_action(app, platform, CreateProfile{"Dewi Lestari", "", 0});
  REQUIRE_FALSE(app.profile_id.empty());
  // Not complete: nothing to print.
  apply_action(app, platform, PrintCertificate{"alpha"});
  CHECK(platform.printed.empty());

  REQUIRE(apply_action(app, platform, StartQuiz{"alpha", "lesson", "final"}));
  const std::string attempt = app.progress.attempts.back().id;
  AnswerChosen answer{attempt, "a", choice_answer({0})};
  platform.clock_ms += 1000;  // each answer later than the last, as in life (merging keeps the later copy)
  apply_action(app, platform, answer);
  answer.question = "b";
  answer.answer = true_false_answer(true);
  platform.clock_ms += 1000;
  apply_action(app, platform, answer);
  answer.question = "c";
  answer.answer = numeric_answer("1989");
  platform.clock_ms += 1000;
  apply_action(app, platform, answer);
  apply_action(app, platform, SubmitQuiz{attempt});
  REQUIRE(app.progress.courses["alpha"].completed_at != 0);

  apply_action(app, platform, PrintCertificate{"alpha"});
  REQUIRE(platform.printed.size() == 1);
  apply_action(app, platform, DownloadCertificate{"alpha"});
  REQUIRE(platform.downloads.size() == 1);
  CHECK(platform.downloads[0].mime == "text/html");
  CHECK(platform.downloads[0].bytes == platform.printed[0].html);
  const auto certificate = learner_certificate(app.catalog.languages[0].courses[0], app.progress, "Dewi Lestari");
  REQUIRE(certificate.has_value());
  CHECK(platform.printed[0].html.find(certificate->code) != std::string::npos);
  CHECK(platform.downloads[0].name == "siaga-certificate-alpha-" + certificate->code + ".html");
  CHECK(verify_certificate(certificate->code, "dewi lestari", "alpha", CivilDate{2025, 3, 14}, 100) ==
        CertificateCheck::Matches);
  CHECK(verify_certificate(certificate->code, "Dewi Lestari", "alpha", CivilDate{2025, 3, 14}, 99) ==
        CertificateCheck::ScoreDiffers);
}
