// GIFT export: what write_gift writes, and that reading it back gives the same questions — for the
// smallest example of each kind and for every question of the real courses in every language.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "content_test_util.h"
#include "core/content.h"

using namespace siaga;
using content_test::describe;

namespace {

Catalog real_catalog() {
  namespace fs = std::filesystem;
  std::vector<SourceFile> files;
  if (!fs::is_directory(SIAGA_CONTENT_DIR)) return {};
  for (const auto& entry : fs::recursive_directory_iterator(SIAGA_CONTENT_DIR))
    if (entry.is_regular_file() && !entry.path().filename().string().starts_with(".")) {
      std::ifstream in(entry.path(), std::ios::binary);
      files.push_back(SourceFile{"content/" + fs::relative(entry.path(), SIAGA_CONTENT_DIR).generic_string(),
                                 std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>())});
    }
  return build_catalog(files).value;
}

bool same_number(double a, double b) { return a == b || std::fabs(a - b) < 1e-9; }

// Every field a learner or a score depends on (not the source line, which the export moves).
void check_same(const Question& a, const Question& b) {
  INFO("question " << a.id);
  CHECK(a.id == b.id);
  CHECK(a.name == b.name);
  CHECK(a.tags == b.tags);
  CHECK(a.type == b.type);
  CHECK(a.text == b.text);
  CHECK(a.truth == b.truth);
  CHECK(a.feedback_wrong == b.feedback_wrong);
  CHECK(a.feedback_right == b.feedback_right);
  CHECK(a.general_feedback == b.general_feedback);
  REQUIRE(a.choices.size() == b.choices.size());
  for (size_t i = 0; i < a.choices.size(); ++i) {
    CHECK(a.choices[i].text == b.choices[i].text);
    CHECK(same_number(a.choices[i].weight, b.choices[i].weight));
    CHECK(a.choices[i].correct == b.choices[i].correct);
    CHECK(a.choices[i].feedback == b.choices[i].feedback);
  }
  REQUIRE(a.pairs.size() == b.pairs.size());
  for (size_t i = 0; i < a.pairs.size(); ++i) {
    CHECK(a.pairs[i].left == b.pairs[i].left);
    CHECK(a.pairs[i].right == b.pairs[i].right);
  }
  REQUIRE(a.numeric.size() == b.numeric.size());
  for (size_t i = 0; i < a.numeric.size(); ++i) {
    CHECK(same_number(a.numeric[i].min, b.numeric[i].min));
    CHECK(same_number(a.numeric[i].max, b.numeric[i].max));
    CHECK(same_number(a.numeric[i].weight, b.numeric[i].weight));
    CHECK(a.numeric[i].feedback == b.numeric[i].feedback);
  }
}

// Parses `gift`, writes it, parses the result: both parses must be clean and the same.
void round_trip(std::string_view gift) {
  const auto first = parse_gift(gift, "in.gift", 1);
  INFO(describe(first.diagnostics));
  REQUIRE(first.diagnostics.empty());
  const std::string written = write_gift(first.value, "test");
  INFO(written);
  const auto second = parse_gift(written, "out.gift", 1);
  INFO(describe(second.diagnostics));
  CHECK(second.diagnostics.empty());
  REQUIRE(second.value.size() == first.value.size());
  for (size_t i = 0; i < first.value.size(); ++i) check_same(first.value[i], second.value[i]);
}

}  // namespace

TEST_CASE("each kind of question comes back from its GIFT export unchanged") {
  const char* cases[] = {
      "::tf:: Is it? {T#No, it is.#Yes.}",
      "::tf2:: Is it not? {FALSE##Right}",
      "::sc:: Pick {=right #good ~wrong #bad ~%25%half}",
      "::mr:: Several {~%50%a ~%50%b ~%-100%c}",
      "::sa:: Who? {=UNHCR =%50%the UN #close}",
      "::mt:: Match {=a -> 1 =b -> 2 =c -> 3 ####After.}",
      "::nu:: How many? {#=15 =%50%14..16#near ~#Count again.}",
      "::nu2:: Year? {#2016:1}",
      "::esc:: Braces \\{ \\} colons \\: hashes \\# tildes \\~ equals \\= and a \\\\ slash {=a\\: b ~c\\#d}",
      "::mw:: Grant is {~buried =entombed} in the tomb.",
      "::Moodle name:: Free-form? {T}",
      "// [id:bank-7] [tag:micic]\n::Q8:: Tagged? {T}",
      "::h:: [html]<p>Line one</p><p>Line two</p> {T}",
      "::md:: Match {=cat -> meow =dog -> woof = -> moo}",
      "::intro:: Read the case first.",
      "::es:: What would you do? {}",
      "::es2:: Discuss. {####Points to raise.}",
  };
  for (const char* gift : cases) {
    INFO(gift);
    round_trip(gift);
  }
}

TEST_CASE("the export is a GIFT file Moodle reads: [markdown] text, one answer per line, ids kept") {
  const auto parsed = parse_gift("::prin-1:: How many? {#10 ####Ten.}", "in.gift", 1);
  CHECK(write_gift(parsed.value, "MICIC") ==
        "// MICIC\n// Exported from Siaga as GIFT (Moodle: Question bank > Import > GIFT format).\n\n"
        "::prin-1::[markdown]How many? {\n#\n\t=10\n\t####Ten.\n}\n\n");
}

TEST_CASE("every question of the real courses, in every language, survives its GIFT export") {
  const Catalog catalog = real_catalog();
  if (catalog.languages.empty()) return;  // a source tree without content
  size_t questions = 0;
  for (const auto& language : catalog.languages)
    for (const auto& course : language.courses)
      for (const auto& module : course.modules)
        for (const auto& quiz : module.quizzes) {
          INFO(language.tag << " " << course.id << " " << module.id << " " << quiz.id);
          const std::string written = write_gift(quiz.questions, quiz.id);
          const auto back = parse_gift(written, "export.gift", 1);
          INFO(describe(back.diagnostics));
          CHECK(back.diagnostics.empty());
          REQUIRE(back.value.size() == quiz.questions.size());
          for (size_t i = 0; i < quiz.questions.size(); ++i) check_same(quiz.questions[i], back.value[i]);
          questions += quiz.questions.size();
        }
  MESSAGE("questions exported and read back: " << questions);
  CHECK(questions >= 454);
}

TEST_CASE("a course exports as one file, each module a Moodle category, and reads back whole") {
  const Catalog catalog = real_catalog();
  if (catalog.languages.empty()) return;
  for (const auto& language : catalog.languages)
    for (const Course& course : language.courses) {
      INFO(language.tag << " " << course.id);
      const std::string file = course_to_gift(course);
      size_t expected = 0, categories = 0;
      for (const Module& module : course.modules)
        for (const Quiz& quiz : module.quizzes) {
          expected += quiz.questions.size();
          categories += quiz.questions.empty() ? 0 : 1;
        }
      size_t found = 0;
      for (size_t at = file.find("$CATEGORY: $course$/top/"); at != std::string::npos;
           at = file.find("$CATEGORY: $course$/top/", at + 1))
        ++found;
      CHECK(found == categories);
      const auto back = parse_gift(file, "course.gift", 1);
      CHECK(back.diagnostics.empty());
      CHECK(back.value.size() == expected);
    }
}

TEST_CASE("one module exports on its own: its quizzes only, under the course's category, and reads back whole") {
  const Catalog catalog = real_catalog();
  if (catalog.languages.empty()) return;
  for (const auto& language : catalog.languages)
    for (const Course& course : language.courses)
      for (const Module& module : course.modules) {
        INFO(language.tag << " " << course.id << " " << module.id);
        std::vector<const Question*> expected;
        for (const Quiz& quiz : module.quizzes)
          for (const Question& question : quiz.questions) expected.push_back(&question);
        const std::string file = module_to_gift(course, module);
        if (!expected.empty()) CHECK(file.find("$CATEGORY: $course$/top/Siaga: ") != std::string::npos);
        const auto back = parse_gift(file, "module.gift", 1);
        CHECK(back.diagnostics.empty());
        REQUIRE(back.value.size() == expected.size());
        for (size_t i = 0; i < expected.size(); ++i) check_same(*expected[i], back.value[i]);
      }
}
