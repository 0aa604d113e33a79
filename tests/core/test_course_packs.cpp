// A course without its lessons (the course index) and the course's own pack, downloaded when a screen
// first needs it: what the index keeps is enough for progress, Continue and certificates; the app
// asks for a course's pack only when it is opened, once, and says so when it cannot be fetched.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/code_module.h"
#include "app/controller.h"
#include "app/course_packs.h"
#include "content_test_util.h"
#include "core/course_status.h"
#include "core/progress.h"
#include "memory_platform.h"

using namespace siaga;
using content_test::describe;

namespace {

std::vector<SourceFile> real_files() {
  namespace fs = std::filesystem;
  std::vector<SourceFile> files;
  if (!fs::is_directory(SIAGA_CONTENT_DIR)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(SIAGA_CONTENT_DIR))
    if (entry.is_regular_file() && !entry.path().filename().string().starts_with(".")) {
      std::ifstream in(entry.path(), std::ios::binary);
      files.push_back(SourceFile{"content/" + fs::relative(entry.path(), SIAGA_CONTENT_DIR).generic_string(),
                                 std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>())});
    }
  return files;
}

// The course as the language pack carries it: course.md and index.json, as siaga-pack writes them.
Course indexed(const Course& full, const std::string& course_md) {
  const std::string folder = "content/" + full.language + "/" + full.id + "/";
  auto built = build_catalog({{folder + "course.md", course_md}, {folder + "index.json", write_course_index(full)}});
  INFO(describe(built.diagnostics));
  REQUIRE(built.diagnostics.empty());
  REQUIRE(built.value.languages.size() == 1);
  REQUIRE(built.value.languages[0].courses.size() == 1);
  return built.value.languages[0].courses[0];
}

// A learner part-way through: the first section of every module reached, the last one's first
// question answered, and a passing and a failing submitted attempt at the first two graded quizzes.
LearnerProgress part_way(const Course& course) {
  LearnerProgress progress;
  int64_t now = 1'700'000'000'000;
  int graded = 0;
  for (const Module& module : course.modules) {
    if (!module.sections.empty()) record_section_reached(progress, course.id, module.id, module.sections[0].id, ++now);
    for (const Quiz& quiz : module.quizzes) {
      if (!quiz.graded || graded >= 2 || quiz.questions.empty()) continue;
      QuizAttempt attempt;
      attempt.id = course.id + "-" + quiz.id;
      attempt.course_id = course.id;
      attempt.module_id = module.id;
      attempt.quiz_id = quiz.id;
      attempt.started_at = attempt.updated_at = attempt.finished_at = ++now;
      attempt.submitted = true;
      attempt.score = graded++ == 0 ? 1.0 : 0.25;
      put_attempt(progress, attempt);
    }
  }
  const Module& last = course.modules.back();
  if (!last.quizzes.empty() && !last.quizzes[0].questions.empty())
    record_question_reached(progress, course.id, last.id, last.quizzes[0].section_id,
                            last.quizzes[0].questions[0].id, ++now);
  return progress;
}

std::string tiny_ui(const std::string& heading) {
  return "msgctxt \"catalog.heading\"\nmsgid \"Courses\"\nmsgstr \"" + heading + "\"\n";
}
const std::string kCourseMd = "---\nid: demo\ntitle: Demo\nsummary: A demo.\n---\nHello.\n";
const std::string kModuleMd =
    "---\nid: one\ntitle: One\nsummary: s\nminutes: 5\n---\n## First {#first}\nText of the lesson.\n"
    "```quiz id=check\n::q1:: Is this a demo? {T}\n```\n";

// The two packs siaga-pack writes for a language with the one demo course.
std::string language_pack(const std::string& lang) {
  auto full = build_catalog({{"content/" + lang + "/demo/course.md", kCourseMd},
                             {"content/" + lang + "/demo/01-one.md", kModuleMd}});
  INFO(describe(full.diagnostics));
  REQUIRE(full.diagnostics.empty());
  return write_pack({{"content/" + lang + "/ui.po", tiny_ui(lang == "en" ? "Courses" : "Kursus")},
                     {"content/" + lang + "/demo/course.md", kCourseMd},
                     {"content/" + lang + "/demo/index.json", write_course_index(full.value.languages[0].courses[0])}});
}
std::string course_pack(const std::string& lang) {
  return write_pack({{"content/" + lang + "/demo/course.md", kCourseMd}, {"content/" + lang + "/demo/01-one.md", kModuleMd}});
}

const Course* demo(const AppState& app) {
  const Language* language = app.catalog.find_language(app.language);
  return language ? find_course(*language, "demo") : nullptr;
}

int requests_of(const test::MemoryPlatform& platform, std::string_view name) {
  return static_cast<int>(std::count(platform.requested.begin(), platform.requested.end(), name));
}

}  // namespace

TEST_CASE("every real course's index keeps what progress, Continue and the certificate need") {
  const std::vector<SourceFile> files = real_files();
  if (files.empty()) return;
  const Catalog catalog = build_catalog(files).value;
  int courses = 0;
  for (const Language& language : catalog.languages)
    for (const Course& full : language.courses) {
      INFO(language.tag << "/" << full.id);
      std::string course_md;
      for (const SourceFile& file : files)
        if (file.path == full.path) course_md = file.bytes;
      const Course index = indexed(full, course_md);
      ++courses;
      CHECK_FALSE(index.text_loaded);
      CHECK(index.title == full.title);
      CHECK(index.pass_percent == full.pass_percent);
      CHECK(index.certificate == full.certificate);
      REQUIRE(index.modules.size() == full.modules.size());
      for (size_t m = 0; m < full.modules.size(); ++m) {
        const Module& a = index.modules[m];
        const Module& b = full.modules[m];
        CHECK(a.id == b.id);
        CHECK(a.title == b.title);
        CHECK(a.summary == b.summary);
        CHECK(a.minutes == b.minutes);
        REQUIRE(a.sections.size() == b.sections.size());
        for (size_t s = 0; s < a.sections.size(); ++s) {
          CHECK(a.sections[s].id == b.sections[s].id);
          CHECK(a.sections[s].title == b.sections[s].title);
          CHECK(a.sections[s].blocks.empty());  // no lesson text in the index
        }
        REQUIRE(a.quizzes.size() == b.quizzes.size());
        for (size_t q = 0; q < a.quizzes.size(); ++q) {
          CHECK(a.quizzes[q].id == b.quizzes[q].id);
          CHECK(a.quizzes[q].graded == b.quizzes[q].graded);
          CHECK(a.quizzes[q].kind == b.quizzes[q].kind);
          CHECK(a.quizzes[q].section_id == b.quizzes[q].section_id);
          REQUIRE(a.quizzes[q].questions.size() == b.quizzes[q].questions.size());
          for (size_t i = 0; i < a.quizzes[q].questions.size(); ++i)
            CHECK(a.quizzes[q].questions[i].id == b.quizzes[q].questions[i].id);
        }
      }
      // The same standing from the index as from the whole course.
      const LearnerProgress progress = part_way(full);
      const CourseStanding from_index = course_standing(index, progress);
      const CourseStanding from_full = course_standing(full, progress);
      CHECK(from_index.fraction_done == from_full.fraction_done);
      CHECK(from_index.minutes_left == from_full.minutes_left);
      CHECK(from_index.modules_completed == from_full.modules_completed);
      CHECK(from_index.resume == from_full.resume);
      REQUIRE(from_full.resume);
      CHECK_FALSE(from_full.resume->question_id.empty());
      CHECK(from_index.certificate.state == from_full.certificate.state);
      CHECK(from_index.certificate.quizzes_passed == from_full.certificate.quizzes_passed);
      CHECK(from_index.certificate.quizzes_total == from_full.certificate.quizzes_total);
      CHECK(from_index.certificate.score_percent == from_full.certificate.score_percent);
    }
  CHECK(courses >= 9);
}

TEST_CASE("a damaged, foreign or newer course index is refused whole, with the reason") {
  Course course;
  course.id = "demo";
  course.modules.emplace_back().id = "kept";
  const struct {
    std::string text;
    std::string reason;
  } cases[] = {
      {"{ not json", "it is not JSON"},
      {R"({"format":"other","version":1,"course":"demo","modules":[]})", "not a Siaga course index"},
      {R"({"format":"siaga-course-index","version":2,"course":"demo","modules":[]})", "newer version"},
      {R"({"format":"siaga-course-index","version":1,"course":"micic","modules":[]})", "belongs to the course"},
      {R"({"format":"siaga-course-index","version":1,"course":"demo","modules":[{"id":"m"}]})", "module 1"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto problems = read_course_index(c.text, "content/en/demo/index.json", course);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "content/en/demo/index.json");
    CHECK(problems[0].message.find(c.reason) != std::string::npos);
    REQUIRE(course.modules.size() == 1);
    CHECK(course.modules[0].id == "kept");
    CHECK(course.text_loaded);
  }
}

TEST_CASE("the catalog needs no course's lessons; opening a course asks for its pack once, then has them") {
  test::MemoryPlatform platform;
  platform.assets["content-en.pack"] = language_pack("en");
  AppState app;
  REQUIRE(start_app(app, platform));
  REQUIRE(demo(app));
  CHECK_FALSE(demo(app)->text_loaded);
  CHECK(requests_of(platform, "course-en-demo.pack") == 0);  // the catalog shows from the index alone
  CHECK(demo(app)->modules[0].sections[0].title == "First");

  CHECK(apply_action(app, platform, Navigate{parse_route("#/course/demo/module/one")}));
  CHECK(requests_of(platform, "course-en-demo.pack") == 1);
  CHECK(course_text_status(app, *demo(app)).state == CourseTextStatus::State::Downloading);
  platform.progress["course-en-demo.pack"] = {100, 400};
  CHECK(poll_app(app, platform));  // the progress bar moves
  CHECK(course_text_status(app, *demo(app)).received == 100);
  CHECK(course_text_status(app, *demo(app)).total == 400);
  CHECK_FALSE(poll_app(app, platform));  // nothing new: no redraw
  CHECK(requests_of(platform, "course-en-demo.pack") == 1);

  platform.assets["course-en-demo.pack"] = course_pack("en");
  CHECK(poll_app(app, platform));
  REQUIRE(demo(app)->text_loaded);
  CHECK(course_text_status(app, *demo(app)).state == CourseTextStatus::State::Loaded);
  REQUIRE_FALSE(demo(app)->modules[0].sections[0].blocks.empty());
  CHECK(demo(app)->modules[0].quizzes[0].questions[0].text == "Is this a demo?");
  apply_action(app, platform, Navigate{parse_route("#/")});
  apply_action(app, platform, Navigate{parse_route("#/course/demo")});
  CHECK(requests_of(platform, "course-en-demo.pack") == 1);  // kept: never fetched again
}

TEST_CASE("a course pack that cannot be fetched is said plainly, nothing else changes, and Try again asks again") {
  test::MemoryPlatform platform;
  platform.assets["content-en.pack"] = language_pack("en");
  AppState app;
  platform.hash = "#/course/demo/module/one";  // a reload (or a shared link) straight into a lesson
  REQUIRE(start_app(app, platform));
  CHECK(requests_of(platform, "course-en-demo.pack") == 1);
  platform.asset_errors["course-en-demo.pack"] = "course-en-demo.pack: Failed to fetch";
  CHECK(poll_app(app, platform));
  const CourseTextStatus failed = course_text_status(app, *demo(app));
  CHECK(failed.state == CourseTextStatus::State::Failed);
  CHECK(failed.error == "course-en-demo.pack: Failed to fetch");
  CHECK(app.language == "en");
  CHECK(demo(app)->modules.size() == 1);  // the index is still there for the catalog and progress
  CHECK_FALSE(poll_app(app, platform));   // no request loop while offline
  CHECK(requests_of(platform, "course-en-demo.pack") == 1);

  platform.asset_errors.clear();
  CHECK(apply_action(app, platform, RetryCourseDownload{"demo"}));
  CHECK(requests_of(platform, "course-en-demo.pack") == 2);
  platform.assets["course-en-demo.pack"] = course_pack("en");
  CHECK(poll_app(app, platform));
  CHECK(demo(app)->text_loaded);
}

TEST_CASE("a pack that holds another course is refused, not shown as this one") {
  test::MemoryPlatform platform;
  platform.assets["content-en.pack"] = language_pack("en");
  AppState app;
  start_app(app, platform);
  apply_action(app, platform, Navigate{parse_route("#/course/demo")});
  platform.assets["course-en-demo.pack"] =
      write_pack({{"content/en/other/course.md", "---\nid: other\ntitle: Other\n---\n"}});
  CHECK(poll_app(app, platform));
  CHECK_FALSE(demo(app)->text_loaded);
  const CourseTextStatus status = course_text_status(app, *demo(app));
  CHECK(status.state == CourseTextStatus::State::Failed);
  CHECK(status.error.find("not in this file") != std::string::npos);
}

TEST_CASE("a course shown in English in another language loads English's pack, and both languages get it") {
  test::MemoryPlatform platform;
  platform.languages = {"so"};
  // Somali with its interface only: the demo course is shown in English.
  platform.assets["languages.json"] = R"({"languages":[{"tag":"en"},{"tag":"so","partial":true}]})";
  platform.assets["content-so.pack"] = write_pack({{"content/so/ui.po", tiny_ui("Koorsooyinka")}});
  platform.assets["content-en.pack"] = language_pack("en");
  AppState app;
  REQUIRE(start_app(app, platform));
  REQUIRE(app.language == "so");
  REQUIRE(demo(app));
  CHECK(demo(app)->language == "en");
  apply_action(app, platform, Navigate{parse_route("#/course/demo/module/one")});
  CHECK(requests_of(platform, "course-en-demo.pack") == 1);
  platform.assets["course-en-demo.pack"] = course_pack("en");
  poll_app(app, platform);
  CHECK(demo(app)->text_loaded);
  CHECK(find_course(*app.catalog.find_language("en"), "demo")->text_loaded);
}

TEST_CASE("a language pack's catalog parses no Markdown: its courses' introductions come with their own packs") {
  auto index = build_catalog(read_pack(language_pack("en"), "content-en.pack").value);
  REQUIRE(index.diagnostics.empty());
  const Course& shown = index.value.languages[0].courses[0];
  CHECK_FALSE(shown.text_loaded);
  CHECK(shown.title == "Demo");
  CHECK(shown.summary == "A demo.");
  CHECK(shown.intro.empty());
  auto full = build_catalog(read_pack(course_pack("en"), "course-en-demo.pack").value);
  REQUIRE(full.diagnostics.empty());
  REQUIRE(full.value.languages[0].courses[0].intro.size() == 1);
  CHECK(full.value.languages[0].courses[0].intro[0].spans[0].text == "Hello.");
  // siaga-lint reads course.md whole: an error in the introduction is still found, at its line.
  auto linted = build_catalog({{"content/en/demo/course.md", "---\nid: demo\ntitle: Demo\n---\nHello.\n"}});
  CHECK(linted.value.languages[0].courses[0].intro.size() == 1);
  const auto skipped = parse_course(kCourseMd, "course.md", CourseIntro::Skip);
  CHECK(skipped.value.title == "Demo");
  CHECK(skipped.value.intro.empty());
}

TEST_CASE("on the web the lesson code is its own download: the catalog never asks for it; a course's pack waits for it") {
  test::MemoryPlatform platform;
  platform.separate_code = true;
  platform.assets["content-en.pack"] = language_pack("en");
  AppState app;
  REQUIRE(start_app(app, platform));
  CHECK_FALSE(app.lesson_code.ready);
  apply_action(app, platform, Navigate{parse_route("#/progress")});
  CHECK(requests_of(platform, kLessonCodeAsset) == 0);  // the catalog and My progress need none of it

  // Opening a lesson asks for the pack and the code at once, each once.
  apply_action(app, platform, Navigate{parse_route("#/course/demo/module/one")});
  CHECK(requests_of(platform, kLessonCodeAsset) == 1);
  CHECK(requests_of(platform, "course-en-demo.pack") == 1);
  // One bar for both.
  platform.progress["course-en-demo.pack"] = {100, 400};
  platform.progress[kLessonCodeAsset] = {1000, 30000};
  CHECK(poll_app(app, platform));
  CourseTextStatus status = course_text_status(app, *demo(app));
  CHECK(status.state == CourseTextStatus::State::Downloading);
  CHECK(status.received == 1100);
  CHECK(status.total == 30400);
  // The pack arrives first: it waits, unread, for the code.
  platform.assets["course-en-demo.pack"] = course_pack("en");
  poll_app(app, platform);
  CHECK_FALSE(demo(app)->text_loaded);
  // The code fails: said as the course's failure, and Try again asks for it once more.
  platform.asset_errors[kLessonCodeAsset] = "siaga-lessons.wasm: Failed to fetch";
  CHECK(poll_app(app, platform));
  status = course_text_status(app, *demo(app));
  CHECK(status.state == CourseTextStatus::State::Failed);
  CHECK(status.error == "siaga-lessons.wasm: Failed to fetch");
  CHECK_FALSE(poll_app(app, platform));  // no request loop while offline
  CHECK(requests_of(platform, kLessonCodeAsset) == 1);
  platform.asset_errors.clear();
  CHECK(apply_action(app, platform, RetryCourseDownload{"demo"}));
  CHECK(requests_of(platform, kLessonCodeAsset) == 2);
  CHECK(requests_of(platform, "course-en-demo.pack") == 1);  // the pack is here already
  // The code arrives: the pack is read, with its introduction.
  platform.assets[kLessonCodeAsset] = "";
  CHECK(poll_app(app, platform));
  CHECK(app.lesson_code.ready);
  REQUIRE(demo(app)->text_loaded);
  CHECK_FALSE(demo(app)->intro.empty());
  CHECK(course_text_status(app, *demo(app)).state == CourseTextStatus::State::Loaded);
}
