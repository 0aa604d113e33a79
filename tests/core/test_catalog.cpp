// Building the catalog from a content tree held in memory, and the cross-file checks of siaga-lint:
// duplicate ids in a course, and every language in step with en.
//
// [SECTION] A tiny tree
// [SECTION] Building
// [SECTION] Duplicate ids
// [SECTION] Languages in step with en
// [SECTION] Interface strings
#include <doctest/doctest.h>

#include <string>

#include "content_test_util.h"
#include "core/content.h"

using namespace siaga;
using content_test::describe;
using content_test::find_diagnostic;
using content_test::module_file;

namespace {

// [SECTION] A tiny tree ----------------------------------------------------------------------------

std::string course_md(std::string_view id) { return "---\nid: " + std::string(id) + "\ntitle: C\n---\nHello.\n"; }

// Two sections and a two-question quiz; `questions` replaces the quiz's inside when given.
std::string module_md(std::string_view id, std::string_view questions = "::m-1:: A? {=a ~b ~c}\n\n::m-2:: B. {T}\n") {
  return module_file("## One {#one}\nText.\n\n## Check {#check}\n```quiz id=q-" + std::string(id) + "\n" +
                         std::string(questions) + "```\n",
                     id);
}

std::vector<SourceFile> tree(std::string_view lang, std::string_view module_text) {
  const std::string base = "content/" + std::string(lang) + "/c/";
  return {{base + "course.md", course_md("c")}, {base + "01-m.md", std::string(module_text)}};
}

std::vector<SourceFile> join(std::vector<SourceFile> a, const std::vector<SourceFile>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Builds and checks; building must be clean, so every message comes from check_catalog.
std::vector<Diagnostic> check(const std::vector<SourceFile>& files) {
  Parsed<Catalog> built = build_catalog(files);
  INFO(describe(built.diagnostics));
  REQUIRE(built.diagnostics.empty());
  return check_catalog(built.value);
}

// The one error of a check, which must name `fragment` and point at path:line.
void check_one_error(const std::vector<Diagnostic>& diagnostics, std::string_view path, int line,
                     std::string_view fragment) {
  INFO(describe(diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].severity == Severity::Error);
  CHECK(diagnostics[0].path == path);
  CHECK(diagnostics[0].line == line);
  CHECK(diagnostics[0].message.find(fragment) != std::string::npos);
}

}  // namespace

// [SECTION] Building -------------------------------------------------------------------------------------

TEST_CASE("files are grouped into languages, courses and modules ordered by their number") {
  const std::vector<SourceFile> files = {
      {"content/en/c/10-last.md", module_md("last")},
      {"content/en/c/02-second.md", module_md("second")},
      {"content/en/c/course.md", course_md("c")},
      {"content/id/c/course.md", course_md("c")},
  };
  Parsed<Catalog> built = build_catalog(files);
  INFO(describe(built.diagnostics));
  CHECK(built.diagnostics.empty());
  REQUIRE(built.value.languages.size() == 2);
  const Language* en = built.value.find_language("en");
  REQUIRE(en != nullptr);
  const Course* course = find_course(*en, "c");
  REQUIRE(course != nullptr);
  REQUIRE(course->modules.size() == 2);
  CHECK(course->modules[0].id == "second");
  CHECK(course->modules[0].order == 2);
  CHECK(course->modules[1].order == 10);
  CHECK(find_module(*course, "last") == &course->modules[1]);
}

TEST_CASE("a module with errors stays in the catalog as unavailable, with its diagnostics") {
  Parsed<Catalog> built = build_catalog(tree("en", module_file("## No id here\n", "broken")));
  REQUIRE(built.diagnostics.size() == 1);
  const Module& m = built.value.languages[0].courses[0].modules[0];
  CHECK(m.id == "broken");
  CHECK_FALSE(m.available);
  REQUIRE(m.diagnostics.size() == 1);
  CHECK(m.diagnostics[0].message == built.diagnostics[0].message);
}

TEST_CASE("a course folder without course.md is an error") {
  Parsed<Catalog> built = build_catalog({{"content/en/c/01-m.md", module_md("m")}});
  content_test::check_single(built.diagnostics, Severity::Error, 0, 0, "the course folder 'c' has no course.md");
  CHECK(built.value.languages[0].courses.empty());
}

TEST_CASE("a module file name without its number is an error and the module is unavailable") {
  Parsed<Catalog> built = build_catalog({{"content/en/c/course.md", course_md("c")}, {"content/en/c/intro.md", module_md("m")}});
  content_test::check_single(built.diagnostics, Severity::Error, 0, 0, "starts with its number");
  CHECK_FALSE(built.value.languages[0].courses[0].modules[0].available);
}

TEST_CASE("a course id that differs from its folder name is an error") {
  Parsed<Catalog> built = build_catalog({{"content/en/c/course.md", course_md("other")}});
  content_test::check_single(built.diagnostics, Severity::Error, 0, 0, "differs from its folder name 'c'");
}

TEST_CASE("a file outside the content layout is a warning and is ignored") {
  Parsed<Catalog> built = build_catalog({{"content/en/notes.txt", "x"}});
  content_test::check_single(built.diagnostics, Severity::Warning, 0, 0, "not a content file");
}

// [SECTION] Duplicate ids --------------------------------------------------------------------------------

TEST_CASE("two modules of a course with the same id are an error") {
  const auto diagnostics = check({{"content/en/c/course.md", course_md("c")},
                                  {"content/en/c/01-a.md", module_md("m", "::a-1:: A. {T}\n")},
                                  {"content/en/c/02-b.md", module_md("m", "::b-1:: B. {T}\n")}});
  REQUIRE(find_diagnostic(diagnostics, "module id 'm' is also used in content/en/c/01-a.md") != nullptr);
}

TEST_CASE("a question id used in two modules of a course is an error at the second") {
  const auto diagnostics = check({{"content/en/c/course.md", course_md("c")},
                                  {"content/en/c/01-a.md", module_md("a", "::same:: A. {T}\n")},
                                  {"content/en/c/02-b.md", module_md("b", "::same:: B. {T}\n")}});
  check_one_error(diagnostics, "content/en/c/02-b.md", 10,
                  "question id 'same' is also used in content/en/c/01-a.md:10; it must be unique in the course");
}

TEST_CASE("a quiz id used in two modules of a course is an error") {
  const std::string quiz = "```quiz id=shared\n::x-1:: X. {T}\n```\n";
  const std::string other = "```quiz id=shared\n::y-1:: Y. {T}\n```\n";
  const auto diagnostics = check({{"content/en/c/course.md", course_md("c")},
                                  {"content/en/c/01-a.md", module_file(quiz, "a")},
                                  {"content/en/c/02-b.md", module_file(other, "b")}});
  check_one_error(diagnostics, "content/en/c/02-b.md", 5, "quiz id 'shared' is also used in content/en/c/01-a.md:5");
}

// [SECTION] Languages in step with en -----------------------------------------------------------------------

TEST_CASE("identical en and id trees are in step") {
  CHECK(check(join(tree("en", module_md("m")), tree("id", module_md("m")))).empty());
}

TEST_CASE("a question missing in id is an error naming it, at the id file") {
  const auto diagnostics = check(join(tree("en", module_md("m")), tree("id", module_md("m", "::m-1:: A? {=a ~b ~c}\n"))));
  check_one_error(diagnostics, "content/id/c/01-m.md", 9,
                  "question 'm-2' of quiz 'q-m' of en (content/en/c/01-m.md:12) is missing here");
}

TEST_CASE("a question only in id is an error at that question") {
  const auto diagnostics =
      check(join(tree("en", module_md("m")), tree("id", module_md("m", "::m-1:: A? {=a ~b ~c}\n\n::m-2:: B. {T}\n\n::m-3:: C. {T}\n"))));
  check_one_error(diagnostics, "content/id/c/01-m.md", 14, "question 'm-3' of quiz 'q-m' is not in en");
}

TEST_CASE("questions in a different order are an error") {
  const auto diagnostics =
      check(join(tree("en", module_md("m")), tree("id", module_md("m", "::m-2:: B. {T}\n\n::m-1:: A? {=a ~b ~c}\n"))));
  check_one_error(diagnostics, "content/id/c/01-m.md", 10, "question 'm-2' of quiz 'q-m' is out of order: en has 'm-1' here");
}

TEST_CASE("a question with a different number of options is an error") {
  const auto diagnostics =
      check(join(tree("en", module_md("m")), tree("id", module_md("m", "::m-1:: A? {=a ~b}\n\n::m-2:: B. {T}\n"))));
  check_one_error(diagnostics, "content/id/c/01-m.md", 10, "question 'm-1' has 2 options here but 3 in en");
}

TEST_CASE("a question of a different type is an error") {
  const auto diagnostics =
      check(join(tree("en", module_md("m")), tree("id", module_md("m", "::m-1:: A? {=a ~b ~c}\n\n::m-2:: B. {#2}\n"))));
  check_one_error(diagnostics, "content/id/c/01-m.md", 12, "question 'm-2' is numeric here but true/false in en");
}

TEST_CASE("a different right answer is an error") {
  const auto diagnostics =
      check(join(tree("en", module_md("m")), tree("id", module_md("m", "::m-1:: A? {~a =b ~c}\n\n::m-2:: B. {F}\n"))));
  INFO(describe(diagnostics));
  REQUIRE(diagnostics.size() == 2);
  CHECK(find_diagnostic(diagnostics, "option 1 is wrong (0%) here but right (100%) in en") != nullptr);
  CHECK(find_diagnostic(diagnostics, "question 'm-2' is answered FALSE here but TRUE in en") != nullptr);
}

TEST_CASE("a section missing in id is an error naming it") {
  const std::string id_module =
      module_file("## Check {#check}\n```quiz id=q-m\n::m-1:: A? {=a ~b ~c}\n\n::m-2:: B. {T}\n```\n", "m");
  const auto diagnostics = check(join(tree("en", module_md("m")), tree("id", id_module)));
  check_one_error(diagnostics, "content/id/c/01-m.md", 0, "section 'one' of en (content/en/c/01-m.md:5) is missing here");
}

TEST_CASE("a module missing in id is an error at the file it should be") {
  const auto diagnostics = check(join(tree("en", module_md("m")), {{"content/id/c/course.md", course_md("c")}}));
  check_one_error(diagnostics, "content/id/c/01-m.md", 0, "module 'm' of en (content/en/c/01-m.md) is missing in 'id'");
}

TEST_CASE("a course missing in id is an error") {
  const auto diagnostics = check(join(tree("en", module_md("m")), {{"content/id/other/course.md", course_md("other")}}));
  INFO(describe(diagnostics));
  REQUIRE(diagnostics.size() == 2);
  CHECK(find_diagnostic(diagnostics, "course 'c' of en (content/en/c/course.md) is missing in 'id'") != nullptr);
  CHECK(find_diagnostic(diagnostics, "course 'other' is not in en") != nullptr);
}

TEST_CASE("a language that may be partial can leave out a course of en") {
  const auto files = join(join(tree("en", module_md("m")), {{"content/en/other/course.md", course_md("other")}}),
                          {{"content/fa/other/course.md", course_md("other")}});
  const auto diagnostics = check(files);
  INFO(describe(diagnostics));
  CHECK(diagnostics.empty());
}

TEST_CASE("a course a partial language has must still match en exactly") {
  const auto diagnostics = check(join(tree("en", module_md("m")), {{"content/fa/c/course.md", course_md("c")}}));
  check_one_error(diagnostics, "content/fa/c/01-m.md", 0, "module 'm' of en (content/en/c/01-m.md) is missing in 'fa'");
}

TEST_CASE("a course only in a partial language is still an error") {
  const auto diagnostics = check(join(tree("en", module_md("m")), {{"content/so/other/course.md", course_md("other")}}));
  check_one_error(diagnostics, "content/so/other/course.md", 0, "course 'other' is not in en");
}

TEST_CASE("fallback courses follow a partial language's own courses, in en's order, marked as English") {
  const auto files = join(join(tree("en", module_md("m")), {{"content/en/a/course.md", course_md("a")},
                                                            {"content/en/z/course.md", course_md("z")}}),
                          {{"content/fa/z/course.md", course_md("z")}});
  Parsed<Catalog> built = build_catalog(files);
  REQUIRE(built.value.languages.size() == 2);
  const Language& en = *built.value.find_language("en");
  Language fa = *built.value.find_language("fa");
  add_fallback_courses(fa, en);
  REQUIRE(fa.courses.size() == 3);
  CHECK(fa.courses[0].id == "z");
  CHECK(fa.courses[0].language == "fa");
  CHECK(fa.courses[1].id == "a");
  CHECK(fa.courses[1].language == "en");
  CHECK(fa.courses[2].id == "c");
  CHECK(fa.courses[2].modules.size() == 1);
  add_fallback_courses(fa, en);
  CHECK(fa.courses.size() == 3);
}

TEST_CASE("a quiz with different settings in id is an error") {
  std::string id_module = module_md("m");
  id_module.replace(id_module.find("```quiz id=q-m"), 14, "```quiz id=q-m graded=no");
  const auto diagnostics = check(join(tree("en", module_md("m")), tree("id", id_module)));
  check_one_error(diagnostics, "content/id/c/01-m.md", 9, "quiz 'q-m': graded is no here but yes in en");
}

TEST_CASE("a content tree without en is an error") {
  const auto diagnostics = check(tree("id", module_md("m")));
  check_one_error(diagnostics, "content/en", 0, "there is no content/en folder");
}

TEST_CASE("a link to a module that does not exist is a warning at the link's block") {
  const std::vector<SourceFile> files = {
      {"content/en/c/course.md", course_md("c")},
      {"content/en/c/01-m.md", module_file("See [one](#/course/c/module/m/section/one).\n\n"
                                           "And [two](#/course/c/module/gone).\n\n## One {#one}\n", "m")},
  };
  content_test::check_single(check(files), Severity::Warning, 7, 1,
                             "broken link '#/course/c/module/gone': course 'c' has no module 'gone'");
}

// [SECTION] Interface strings ----------------------------------------------------------------------------------

TEST_CASE("an English interface string without translation is a warning naming its key") {
  const std::vector<SourceFile> files = {
      {"content/en/ui.po", "msgctxt \"a\"\nmsgid \"Start\"\nmsgstr \"\"\n\nmsgctxt \"b\"\nmsgid \"Stop\"\nmsgstr \"\"\n"},
      {"content/id/ui.po", "msgctxt \"a\"\nmsgid \"Start\"\nmsgstr \"Mulai\"\n\nmsgctxt \"b\"\nmsgid \"Stop\"\nmsgstr \"\"\n"},
  };
  const auto diagnostics = check(files);
  content_test::check_single(diagnostics, Severity::Warning, 0, 0, "missing translation for 'b' (English: 'Stop')");
  CHECK(diagnostics[0].path == "content/id/ui.po");
}

TEST_CASE("an interface string that en does not have is a warning") {
  const std::vector<SourceFile> files = {
      {"content/en/ui.po", "msgctxt \"a\"\nmsgid \"Start\"\nmsgstr \"\"\n"},
      {"content/id/ui.po", "msgctxt \"a\"\nmsgid \"Start\"\nmsgstr \"Mulai\"\n\nmsgctxt \"z\"\nmsgid \"Old\"\nmsgstr \"Lama\"\n"},
  };
  content_test::check_single(check(files), Severity::Warning, 0, 0, "interface string 'z' is not in en's ui.po");
}
