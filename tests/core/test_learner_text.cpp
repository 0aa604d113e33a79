// siaga-lint's check that learner-facing text never points at internal files or notes, and the
// SOURCES.md file a course keeps for its authors.
//
// [SECTION] Internal files and notes are warned about
// [SECTION] Public addresses and hidden text are not
// [SECTION] SOURCES.md
// [SECTION] Short answers of the real courses accept reasonable alternatives
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "content_test_util.h"
#include "core/content.h"
#include "core/quiz.h"

using namespace siaga;
using content_test::check_single;
using content_test::describe;
using content_test::module_file;

namespace {

constexpr std::string_view module_path = "content/en/c/01-m.md";

std::vector<Diagnostic> check_module(std::string_view body, std::string_view path = module_path) {
  return check_learner_text({{std::string(path), module_file(body)}});
}

}  // namespace

// [SECTION] Internal files and notes are warned about -------------------------------------------------

TEST_CASE("a lesson that cites RESEARCH.md is warned about at its line and column") {
  // module_file adds four front matter lines: the body starts on line 5.
  const auto diagnostics = check_module("## Sources {#sources}\n\n- Palermo Protocol, see RESEARCH.md.\n");
  check_single(diagnostics, Severity::Warning, 7, 25, "'RESEARCH.md'");
  CHECK(diagnostics[0].path == module_path);
  CHECK(diagnostics[0].message.find("cite the public source instead (title, publisher, date, address)") !=
        std::string::npos);
  CHECK(diagnostics[0].to_string().starts_with("content/en/c/01-m.md:7:25: warning: "));
}

TEST_CASE("research notes are warned about in lesson text, in any case, in English and Indonesian") {
  check_single(check_module("Text.\n\n- ILO indicators - Research Notes, section B3.\n"), Severity::Warning, 7, 20,
               "'Research Notes'");
  check_single(check_module("- Indikator ILO - catatan riset, bagian B3.\n"), Severity::Warning, 5, 19,
               "'catatan riset'");
}

TEST_CASE("quiz questions, options and feedback are learner text too") {
  const std::string quiz =
      "```quiz id=q\n"
      "::q-1:: Which element? {\n"
      "  =Act #Yes. See research notes, section B1.\n"
      "  ~Means #No: see ../shared/reference/RESEARCH.md\n"
      "}\n"
      "```\n";
  const auto diagnostics = check_module(quiz);
  INFO(describe(diagnostics));
  REQUIRE(diagnostics.size() == 2);
  CHECK(diagnostics[0].line == 7);
  CHECK(diagnostics[0].column == 18);
  CHECK(diagnostics[0].message.find("'research notes'") != std::string::npos);
  // One warning for the whole path, at its start, not one per phrase inside it.
  CHECK(diagnostics[1].line == 8);
  CHECK(diagnostics[1].column == 19);
  CHECK(diagnostics[1].message.find("'../shared/reference/RESEARCH.md'") != std::string::npos);
}

TEST_CASE("relative .md paths and links to them are internal") {
  check_single(check_module("Read [the guide](docs/AUTHORING.md) first.\n"), Severity::Warning, 5, 18,
               "'docs/AUTHORING.md'");
  check_single(check_module("See ../shared/design.\n"), Severity::Warning, 5, 5, "'../shared'");
}

TEST_CASE("seed documents named by number are internal") {
  check_single(check_module("- IOM's 3P approach — Indonesian Wikipedia article on IOM (seed 002).\n"),
               Severity::Warning, 5, 62, "'seed 002'");
  check_single(check_module("- Pendekatan 3P IOM — artikel Wikipedia (dokumen awal 002).\n"), Severity::Warning, 5, 44,
               "'dokumen awal 002'");
}

TEST_CASE("course pages and their front matter are learner text") {
  const auto diagnostics =
      check_learner_text({{"content/id/c/course.md", "---\nid: c\ntitle: C\nsummary: Lihat RESEARCH.md\n---\nHalo.\n"}});
  check_single(diagnostics, Severity::Warning, 4, 16, "'RESEARCH.md'");
}

// [SECTION] Public addresses and hidden text are not --------------------------------------------------

TEST_CASE("public web addresses are fine, even when they end in .md") {
  const auto diagnostics = check_module(
      "- UNHCR Indonesia, HELP site (help.unhcr.org/indonesia/assistance-and-support/legal-support/).\n"
      "- A guide on GitHub: https://github.com/example/guide/blob/main/README.md.\n"
      "- The same without its scheme (github.com/example/guide/README.md), or www.example.org/notes.md\n"
      "- [Protocol text](https://www.ohchr.org/en/instruments-mechanisms/instruments/protocol-prevent)\n");
  INFO(describe(diagnostics));
  CHECK(diagnostics.empty());
}

TEST_CASE("ordinary words near the patterns are not warned about") {
  const auto diagnostics = check_module(
      "Research shows that notes from a lawyer help. The seedlings grew; seed money helps.\n"
      "An .md file is a Markdown file; markdown and cmd are words.\n");
  INFO(describe(diagnostics));
  CHECK(diagnostics.empty());
}

TEST_CASE("comments that learners never see are skipped") {
  const std::string text =
      "---\nid: m\ntitle: M   # sources: see RESEARCH.md\n---\n"
      "```quiz id=q\n"
      "// key checked against research notes, section B1\n"
      "::q-1:: True? {T}\n"
      "```\n";
  const auto diagnostics = check_learner_text({{std::string(module_path), text}});
  INFO(describe(diagnostics));
  CHECK(diagnostics.empty());
}

TEST_CASE("a // line outside a quiz block is lesson text") {
  check_single(check_module("// see RESEARCH.md\n"), Severity::Warning, 5, 8, "'RESEARCH.md'");
}

TEST_CASE("files learners never read are not checked") {
  const auto diagnostics = check_learner_text({{"content/en/c/SOURCES.md", "Taken from RESEARCH.md, section B1.\n"},
                                               {"content/en/ui.po", "msgid \"RESEARCH.md\"\n"}});
  CHECK(diagnostics.empty());
}

// [SECTION] SOURCES.md -----------------------------------------------------------------------------------

TEST_CASE("SOURCES.md in a course folder is not read as a module and raises nothing") {
  const std::vector<SourceFile> files = {
      {"content/en/c/course.md", "---\nid: c\ntitle: C\n---\nHello.\n"},
      {"content/en/c/SOURCES.md", "# Sources of the course\n\n- A source\n"},
  };
  Parsed<Catalog> built = build_catalog(files);
  INFO(describe(built.diagnostics));
  CHECK(built.diagnostics.empty());
  REQUIRE(built.value.languages.size() == 1);
  REQUIRE(built.value.languages[0].courses.size() == 1);
  CHECK(built.value.languages[0].courses[0].modules.empty());
}

TEST_CASE("only the exact name SOURCES.md is the sources list") {
  CHECK(is_course_sources_file("SOURCES.md"));
  CHECK_FALSE(is_course_sources_file("sources.md"));
  CHECK_FALSE(is_course_sources_file("01-sources.md"));
  // A misspelt name is still a module file without its number: an error the author sees.
  Parsed<Catalog> built = build_catalog({{"content/en/c/course.md", "---\nid: c\ntitle: C\n---\nHello.\n"},
                                         {"content/en/c/Sources.md", "# Sources\n"}});
  CHECK(has_errors(built.diagnostics));
}

// [SECTION] Short answers of the real courses accept reasonable alternatives -----------------------------

namespace {

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const Question* real_question(const Catalog& catalog, std::string_view lang, std::string_view course,
                              std::string_view module, std::string_view id) {
  const Language* language = catalog.find_language(lang);
  const Course* c = language ? find_course(*language, course) : nullptr;
  const Module* m = c ? find_module(*c, module) : nullptr;
  if (m == nullptr) return nullptr;
  for (const Quiz& quiz : m->quizzes)
    for (const Question& q : quiz.questions)
      if (q.id == id) return &q;
  return nullptr;
}

}  // namespace

TEST_CASE("short answers accept the organisation's name in either language, with or without article") {
  namespace fs = std::filesystem;
  if (!fs::is_directory(SIAGA_CONTENT_DIR)) return;
  std::vector<SourceFile> files;
  for (const auto& entry : fs::recursive_directory_iterator(SIAGA_CONTENT_DIR))
    if (entry.is_regular_file() && !entry.path().filename().string().starts_with("."))
      files.push_back(SourceFile{"content/" + fs::relative(entry.path(), SIAGA_CONTENT_DIR).generic_string(),
                                 read_file(entry.path())});
  const Catalog catalog = build_catalog(files).value;
  for (const char* lang : {"en", "id"}) {
    CAPTURE(lang);
    const Question* unhcr = real_question(catalog, lang, "refugee-orientation", "limits-unhcr", "lim-4");
    REQUIRE(unhcr != nullptr);
    REQUIRE(unhcr->type == QuestionType::ShortAnswer);
    for (const char* typed : {"UNHCR", " the unhcr ", "UN Refugee Agency", "the UN refugee agency",
                              "United Nations High Commissioner for Refugees", "Badan Pengungsi PBB",
                              "komisariat tinggi PBB untuk urusan pengungsi", "Komisaris Tinggi PBB untuk Pengungsi"}) {
      CAPTURE(typed);
      CHECK(score_question(*unhcr, short_answer(typed)) == doctest::Approx(1));
    }
    for (const char* typed : {"IOM", "UN", "Pemerintah Indonesia", ""}) {
      CAPTURE(typed);
      CHECK(score_question(*unhcr, short_answer(typed)) == doctest::Approx(0));
    }
    const Question* restitution = real_question(catalog, lang, "counter-trafficking", "prosecution", "pros-6");
    REQUIRE(restitution != nullptr);
    REQUIRE(restitution->type == QuestionType::ShortAnswer);
    for (const char* typed : {"restitution", "Restitusi"}) {
      CAPTURE(typed);
      CHECK(score_question(*restitution, short_answer(typed)) == doctest::Approx(1));
    }
    CHECK(score_question(*restitution, short_answer("rehabilitation")) == doctest::Approx(0));
  }
}
