// Module and course files: front matter, ## sections with ids, ```quiz fences, the example module of
// the authoring guide, and the real content tree when it exists.
//
// [SECTION] Front matter
// [SECTION] Sections
// [SECTION] Quiz fences
// [SECTION] Whole files: line ends, encoding, course.md
// [SECTION] The example module and the real content
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "content_test_util.h"
#include "core/content.h"

using namespace siaga;
using content_test::check_single;
using content_test::describe;
using content_test::find_diagnostic;
using content_test::module_file;

namespace {

constexpr std::string_view path = "content/en/c/01-m.md";

Parsed<Module> module(std::string_view text) { return parse_module(text, path); }

// The example module of docs/AUTHORING.md, inside a one-course content tree that siaga-lint checks.
std::filesystem::path example_module_path() {
  return std::filesystem::path(SIAGA_FIXTURES_DIR) / "content" / "en" / "example" / "01-writing-a-module.md";
}

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

// [SECTION] Front matter -----------------------------------------------------------------------------

TEST_CASE("module front matter fills id, title, summary, minutes and tags") {
  const auto parsed = module("---\nid: prep\ntitle: Before a crisis\nsummary: Plan ahead.\nminutes: 25\n"
                             "tags: phase:preparedness, guideline:1-8\n---\nText.\n");
  INFO(describe(parsed.diagnostics));
  CHECK(parsed.diagnostics.empty());
  const Module& m = parsed.value;
  CHECK(m.id == "prep");
  CHECK(m.title == "Before a crisis");
  CHECK(m.summary == "Plan ahead.");
  CHECK(m.minutes == 25);
  REQUIRE(m.tags.size() == 2);
  CHECK(m.tags[1].key == "guideline");
  CHECK(m.tags[1].value == "1-8");
  CHECK(m.path == path);
  CHECK(m.available);
}

TEST_CASE("an unknown front matter key is a warning at the key") {
  const auto parsed = module("---\nid: m\ntitle: M\n  colour: red\n---\n");
  check_single(parsed.diagnostics, Severity::Warning, 4, 3, "unknown front matter key 'colour'");
  CHECK(parsed.value.available);
}

TEST_CASE("a front matter without an id is an error and the module is unavailable") {
  const auto parsed = module("---\ntitle: M\n---\nText.\n");
  check_single(parsed.diagnostics, Severity::Error, 1, 1, "the front matter has no 'id'");
  CHECK_FALSE(parsed.value.available);
  CHECK(parsed.value.diagnostics.size() == 1);
}

TEST_CASE("a front matter without a title is an error") {
  check_single(module("---\nid: m\n---\n").diagnostics, Severity::Error, 1, 1, "the front matter has no 'title'");
}

TEST_CASE("minutes that are not a whole number are an error at the value") {
  check_single(module("---\nid: m\ntitle: M\nminutes: about 20\n---\n").diagnostics, Severity::Error, 4, 10,
               "bad number for 'minutes'");
}

TEST_CASE("an id outside the id rule is an error quoting it") {
  check_single(module("---\nid: Prep Module\ntitle: M\n---\n").diagnostics, Severity::Error, 2, 5,
               "bad id (ids use only lowercase letters, digits and hyphens, at most 64): 'Prep Module'");
}

TEST_CASE("an id longer than 64 characters is an error, as the portal's addresses cannot hold it") {
  check_single(module("---\nid: " + std::string(65, 'a') + "\ntitle: M\n---\n").diagnostics, Severity::Error, 2, 5,
               "bad id");
}

TEST_CASE("'#' starts a comment only after whitespace") {
  const auto parsed = module("---\nid: m   # the module id\ntitle: Rule#1 of 3 # note\n---\n");
  CHECK(parsed.diagnostics.empty());
  CHECK(parsed.value.id == "m");
  CHECK(parsed.value.title == "Rule#1 of 3");
}

TEST_CASE("quotes around a front matter value are removed") {
  CHECK(module("---\nid: m\ntitle: \"Rule #1: listen\"\n---\n").value.title == "Rule #1: listen");
}

TEST_CASE("a front matter line without a colon is an error") {
  check_single(module("---\nid: m\ntitle: M\njust words\n---\n").diagnostics, Severity::Error, 4, 1,
               "front matter line is not 'key: value': 'just words'");
}

TEST_CASE("a file without front matter is an error on line 1") {
  check_single(module("Hello.\n").diagnostics, Severity::Error, 1, 1, "must start with front matter");
}

TEST_CASE("front matter that is never closed is an error") {
  check_single(module("---\nid: m\ntitle: M\n").diagnostics, Severity::Error, 1, 1, "front matter is not closed");
}

// [SECTION] Sections -----------------------------------------------------------------------------------

TEST_CASE("'## Title {#id}' starts a section with that id, title and line") {
  const auto parsed = module(module_file("Intro.\n\n## Know your nationals {#mapping}\nText.\n"));
  CHECK(parsed.diagnostics.empty());
  REQUIRE(parsed.value.sections.size() == 1);
  const Section& s = parsed.value.sections[0];
  CHECK(s.id == "mapping");
  CHECK(s.title == "Know your nationals");
  CHECK(s.line == 7);
  REQUIRE(s.blocks.size() == 1);
  CHECK(s.blocks[0].line == 8);
  CHECK(parsed.value.intro.size() == 1);
}

TEST_CASE("a ## heading without an id is an error at the heading and the module is unavailable") {
  const auto parsed = module(module_file("## Partners\n"));
  check_single(parsed.diagnostics, Severity::Error, 5, 1, "section heading has no id; write it as '## Title {#id}': '## Partners'");
  CHECK_FALSE(parsed.value.available);
}

TEST_CASE("a section id used twice in a module is an error at the second id") {
  const auto parsed = module(module_file("## One {#a}\n\n## Two {#a}\n"));
  check_single(parsed.diagnostics, Severity::Error, 7, 10, "duplicate section id 'a' (first used on line 5)");
}

TEST_CASE("a section id outside the id rule is an error at the id") {
  check_single(module(module_file("## One {#Part_1}\n")).diagnostics, Severity::Error, 5, 10, "bad section id");
}

TEST_CASE("a heading with only an id has no title, which is an error") {
  check_single(module(module_file("## {#empty}\n")).diagnostics, Severity::Error, 5, 1, "section heading has no title");
}

TEST_CASE("a ## line inside a code block is code, not a section") {
  const auto parsed = module(module_file("```\n## not a section\n```\n"));
  CHECK(parsed.diagnostics.empty());
  CHECK(parsed.value.sections.empty());
}

// [SECTION] Quiz fences ---------------------------------------------------------------------------------

TEST_CASE("a quiz fence becomes a Quiz block in its section with its attributes and real question lines") {
  const auto parsed = module(module_file("## Check {#check}\n\n```quiz id=q1 graded=no shuffle=no attempts=2\n"
                                         "::a:: One? {T}\n\n::b:: Two? {F}\n```\nAfter.\n"));
  INFO(describe(parsed.diagnostics));
  CHECK(parsed.diagnostics.empty());
  REQUIRE(parsed.value.quizzes.size() == 1);
  const Quiz& quiz = parsed.value.quizzes[0];
  CHECK(quiz.id == "q1");
  CHECK_FALSE(quiz.graded);
  CHECK_FALSE(quiz.shuffle);
  CHECK(quiz.attempts == 2);
  CHECK(quiz.kind == QuizKind::Module);
  CHECK(quiz.section_id == "check");
  CHECK(quiz.line == 7);
  REQUIRE(quiz.questions.size() == 2);
  CHECK(quiz.questions[0].line == 8);
  CHECK(quiz.questions[1].line == 10);
  const auto& blocks = parsed.value.sections[0].blocks;
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].kind == Block::Kind::Quiz);
  CHECK(blocks[0].quiz_index == 0);
  CHECK(blocks[1].line == 12);
}

TEST_CASE("quiz defaults are graded, shuffled, unlimited attempts") {
  const auto parsed = module(module_file("```quiz id=q\n::a:: A. {T}\n```\n"));
  REQUIRE(parsed.value.quizzes.size() == 1);
  CHECK(parsed.value.quizzes[0].graded);
  CHECK(parsed.value.quizzes[0].shuffle);
  CHECK(parsed.value.quizzes[0].attempts == 0);
}

TEST_CASE("kind=pretest and kind=posttest mark the workshop check") {
  const auto parsed = module(module_file("```quiz id=pre kind=pretest\n::a:: A. {T}\n```\n\n"
                                         "```quiz id=post kind=posttest\n::b:: B. {T}\n```\n"));
  REQUIRE(parsed.value.quizzes.size() == 2);
  CHECK(parsed.value.quizzes[0].kind == QuizKind::Pretest);
  CHECK(parsed.value.quizzes[1].kind == QuizKind::Posttest);
}

TEST_CASE("GIFT inside a quiz fence is never read as Markdown or as a section") {
  const auto parsed = module(module_file("```quiz id=q\n::a:: Pick {\n=yes\n## a *feedback*\n~no\n}\n```\n"));
  INFO(describe(parsed.diagnostics));
  CHECK(parsed.diagnostics.empty());
  CHECK(parsed.value.sections.empty());
  REQUIRE(parsed.value.quizzes.size() == 1);
  REQUIRE(parsed.value.quizzes[0].questions.size() == 1);
  CHECK(parsed.value.quizzes[0].questions[0].choices[0].feedback == "# a *feedback*");
}

TEST_CASE("a quiz without an id is an error at the fence") {
  check_single(module(module_file("```quiz graded=yes\n::a:: A. {T}\n```\n")).diagnostics, Severity::Error, 5, 1,
               "quiz block has no id");
}

TEST_CASE("a quiz id used twice in a module is an error at the second id") {
  const auto parsed = module(module_file("```quiz id=q\n::a:: A. {T}\n```\n```quiz id=q\n::b:: B. {T}\n```\n"));
  check_single(parsed.diagnostics, Severity::Error, 8, 12, "duplicate quiz id 'q' (first used on line 5)");
}

TEST_CASE("an unknown quiz attribute is a warning at the attribute") {
  check_single(module(module_file("```quiz id=q colour=red\n::a:: A. {T}\n```\n")).diagnostics, Severity::Warning, 5, 14,
               "unknown quiz attribute 'colour'");
}

TEST_CASE("a bad quiz attribute value is an error at the value") {
  check_single(module(module_file("```quiz id=q graded=maybe\n::a:: A. {T}\n```\n")).diagnostics, Severity::Error, 5,
               21, "bad value for quiz attribute 'graded' (yes or no): 'maybe'");
}

TEST_CASE("a quiz attribute without '=' is an error") {
  check_single(module(module_file("```quiz id=q graded\n::a:: A. {T}\n```\n")).diagnostics, Severity::Error, 5, 14,
               "quiz attribute is not key=value: 'graded'");
}

TEST_CASE("a quiz fence that is never closed is an error at the fence") {
  const auto parsed = module(module_file("Text.\n\n```quiz id=q\n::a:: A. {T}\n"));
  check_single(parsed.diagnostics, Severity::Error, 7, 1, "unterminated quiz block");
  CHECK_FALSE(parsed.value.available);
}

TEST_CASE("a quiz with no questions is an error") {
  check_single(module(module_file("```quiz id=q\n// nothing yet\n```\n")).diagnostics, Severity::Error, 5, 1,
               "quiz 'q' has no questions");
}

TEST_CASE("a GIFT error inside a quiz points at the file line and makes the module unavailable") {
  const auto parsed = module(module_file("## Check {#check}\n```quiz id=q\n::a:: Which? {~x ~y}\n```\n"));
  check_single(parsed.diagnostics, Severity::Error, 7, 14, "quiz question 'a' has no correct answer");
  CHECK_FALSE(parsed.value.available);
}

// [SECTION] Whole files: line ends, encoding, course.md ------------------------------------------------

TEST_CASE("Windows line ends and a byte-order mark give the same lines as Unix files") {
  const auto parsed = module("\xEF\xBB\xBF---\r\nid: m\r\ntitle: M\r\n---\r\n## A {#a}\r\n```quiz id=q\r\n::x:: X. {T}\r\n```\r\n");
  INFO(describe(parsed.diagnostics));
  CHECK(parsed.diagnostics.empty());
  REQUIRE(parsed.value.sections.size() == 1);
  CHECK(parsed.value.sections[0].line == 5);
  CHECK(parsed.value.quizzes[0].questions[0].line == 7);
}

TEST_CASE("bytes that are not UTF-8 are an error at the first bad byte") {
  check_single(module(module_file("Caf\xE9 au lait.\n")).diagnostics, Severity::Error, 5, 4,
               "not valid UTF-8 text (save it as UTF-8): byte 0xE9");
}

TEST_CASE("course.md front matter fills audience, pass and certificate and its body is the intro") {
  const auto parsed = parse_course("---\nid: micic\ntitle: MICIC\nsummary: S.\naudience: diplomats, facilitators\n"
                                   "pass: 80\ncertificate: yes\n---\nWelcome.\n",
                                   "content/en/micic/course.md");
  INFO(describe(parsed.diagnostics));
  CHECK(parsed.diagnostics.empty());
  const Course& c = parsed.value;
  CHECK(c.id == "micic");
  CHECK(c.audience == std::vector<std::string>{"diplomats", "facilitators"});
  CHECK(c.pass_percent == 80);
  CHECK(c.certificate);
  REQUIRE(c.intro.size() == 1);
  CHECK(c.intro[0].line == 9);
}

TEST_CASE("a pass mark above 100 is an error at the value") {
  check_single(parse_course("---\nid: c\ntitle: C\npass: 170\n---\n", "c.md").diagnostics, Severity::Error, 4, 7,
               "bad number for 'pass'");
}

TEST_CASE("a certificate value other than yes or no is an error") {
  check_single(parse_course("---\nid: c\ntitle: C\ncertificate: maybe\n---\n", "c.md").diagnostics, Severity::Error,
               4, 14, "bad value for 'certificate' (yes or no): 'maybe'");
}

TEST_CASE("a diagnostic prints as path:line:column: severity: message") {
  CHECK(Diagnostic{Severity::Error, "a.md", 3, 7, "bad"}.to_string() == "a.md:3:7: error: bad");
  CHECK(Diagnostic{Severity::Warning, "a.md", 0, 0, "odd"}.to_string() == "a.md: warning: odd");
}

// [SECTION] The example module and the real content ------------------------------------------------------

TEST_CASE("the example module of the authoring guide parses cleanly and uses every question type") {
  const std::string text = read_file(example_module_path());
  REQUIRE_FALSE(text.empty());
  const auto parsed = parse_module(text, "content/en/example/01-writing-a-module.md");
  INFO(describe(parsed.diagnostics));
  CHECK(parsed.diagnostics.empty());
  const Module& m = parsed.value;
  CHECK(m.id == "writing-a-module");
  REQUIRE(m.sections.size() == 4);
  CHECK(m.sections[2].id == "check");
  REQUIRE(m.quizzes.size() == 1);
  std::set<QuestionType> types;
  for (const Question& q : m.quizzes[0].questions) types.insert(q.type);
  CHECK(types.size() == 6);
  int callouts = 0;
  for (const Block& b : m.sections[1].blocks) callouts += b.kind == Block::Kind::Callout ? 1 : 0;
  CHECK(callouts == 4);
}

TEST_CASE("the authoring guide shows the example module exactly as the fixture file") {
  const std::string guide = read_file(std::filesystem::path(SIAGA_SOURCE_DIR) / "docs" / "AUTHORING.md");
  const std::string fixture = read_file(example_module_path());
  const std::string open = "<!-- example-module: begin -->\n````markdown\n";
  const std::string close = "````\n<!-- example-module: end -->";
  const size_t begin = guide.find(open);
  REQUIRE(begin != std::string::npos);
  const size_t end = guide.find(close, begin);
  REQUIRE(end != std::string::npos);
  CHECK(guide.substr(begin + open.size(), end - begin - open.size()) == fixture);
}

TEST_CASE("the real content tree, when present, has no errors") {
  namespace fs = std::filesystem;
  const fs::path root = SIAGA_CONTENT_DIR;
  if (!fs::is_directory(root)) return;
  std::vector<SourceFile> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().filename().string().starts_with(".")) continue;
    files.push_back(SourceFile{"content/" + fs::relative(entry.path(), root).generic_string(), read_file(entry.path())});
  }
  Parsed<Catalog> built = build_catalog(files);
  std::vector<Diagnostic> all = built.diagnostics;
  const std::vector<Diagnostic> checks = check_catalog(built.value);
  all.insert(all.end(), checks.begin(), checks.end());
  INFO(describe(all));
  CHECK_FALSE(has_errors(all));
}
