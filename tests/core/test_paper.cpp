// Paper tests: the fixed paper option order, reading what a facilitator types into the answer grid
// (one behaviour per case, bad cells included), rows becoming result records, the grid's stored form,
// and the printable pages (paper test, answer key, certificate): escaped, numbered, the right answers
// in the key, and a stylesheet the portal's Content Security Policy allows.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/certificate.h"
#include "core/paper.h"
#include "core/printable.h"
#include "core/sha256.h"

using namespace siaga;

namespace {

Quiz quiz_from(std::string_view gift, bool shuffle = true) {
  auto parsed = parse_gift(gift, "test.md", 1);
  INFO(parsed.diagnostics.size());
  REQUIRE(!has_errors(parsed.diagnostics));
  Quiz quiz;
  quiz.id = "pretest";
  quiz.kind = QuizKind::Pretest;
  quiz.graded = false;
  quiz.shuffle = shuffle;
  quiz.questions = std::move(parsed.value);
  return quiz;
}

const char* kGift = R"(::q1:: Capital of <Indonesia>? {
  =Jakarta
  ~Bandung
  ~Surabaya
  ~Medan
}

::q2:: Which TWO are colours? {
  ~%50%Red
  ~%50%Blue
  ~%-50%Table
  ~%-50%Chair
}

::q3:: The sea is salty. {TRUE}

::q4:: Match them. {
  =One -> 1
  =Two -> 2
  =Three -> 3
}

::q5:: In which year was IOM renamed? {#1989}

::q6:: Say **yes**. {=yes}
)";

// The display letter of an authored option index in the paper order.
std::string letter_of(const Quiz& quiz, const Question& question, int authored) {
  const std::vector<int> order = paper_option_order("demo", quiz, question);
  for (size_t p = 0; p < order.size(); ++p)
    if (order[p] == authored) return option_letter(static_cast<int>(p));
  return "?";
}

PaperCell cell(const Quiz& quiz, int question, std::string_view typed) {
  return read_paper_cell("demo", quiz, quiz.questions[static_cast<size_t>(question)], typed);
}

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

struct Strings {
  Translations translations;
  UiText text() const { return UiText(&translations, &translations); }
};

Strings english() {
  Strings s;
  s.translations.by_key = {{"quiz.true", "True"},         {"quiz.false", "False"},
                           {"print.pretest", "Pretest"},   {"print.posttest", "Posttest"},
                           {"print.type_true", "T"},       {"print.type_false", "F"},
                           {"print.key_title", "Answer key: {0}"},
                           {"certificate.honest", "This is a consistency check, not proof."}};
  return s;
}

Course demo_course(const Quiz& quiz) {
  Module module;
  module.id = "workshop-check";
  module.quizzes = {quiz};
  Course course;
  course.id = "demo";
  course.title = "Demo & <course>";
  course.modules = {module};
  return course;
}

size_t count(const std::string& haystack, std::string_view needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("the paper order is fixed per course and quiz, and follows shuffle=no") {
  const Quiz quiz = quiz_from(kGift);
  const Question& q1 = quiz.questions[0];
  CHECK(paper_option_order("demo", quiz, q1) == paper_option_order("demo", quiz, q1));
  CHECK(paper_option_order("demo", quiz, q1).size() == 4);
  const Quiz fixed = quiz_from(kGift, false);
  CHECK(paper_option_order("demo", fixed, fixed.questions[0]) == std::vector<int>{0, 1, 2, 3});
  // Some course id gives an order where the right answer is not printed first.
  bool moved = false;
  for (const char* id : {"a", "b", "c", "d", "e", "f", "g", "h"})
    moved = moved || paper_option_order(id, quiz, q1)[0] != 0;
  CHECK(moved);
}

TEST_CASE("a single-choice cell is right exactly when its letter is the right option's printed letter") {
  const Quiz quiz = quiz_from(kGift);
  const std::string right = letter_of(quiz, quiz.questions[0], 0);
  const std::string wrong = letter_of(quiz, quiz.questions[0], 1);
  CHECK(cell(quiz, 0, right).problem == CellProblem::None);
  CHECK(cell(quiz, 0, right).right);
  CHECK(cell(quiz, 0, " " + std::string(1, static_cast<char>(right[0] - 'A' + 'a')) + " ").right);  // lower case, spaces
  CHECK_FALSE(cell(quiz, 0, wrong).right);
  CHECK(cell(quiz, 0, wrong).problem == CellProblem::None);
}

TEST_CASE("bad grid cells say what is wrong") {
  const Quiz quiz = quiz_from(kGift);
  SUBCASE("a letter beyond the options") {
    const PaperCell c = cell(quiz, 0, "E");
    CHECK(c.problem == CellProblem::NotAnOption);
    CHECK(c.offending == "E");
    CHECK(c.options == 4);
  }
  SUBCASE("a character that is no letter") { CHECK(cell(quiz, 0, "3").problem == CellProblem::NotAnOption); }
  SUBCASE("two letters for one answer") { CHECK(cell(quiz, 0, "AB").problem == CellProblem::OneOptionOnly); }
  SUBCASE("the same letter twice") {
    const PaperCell c = cell(quiz, 1, "A, a");
    CHECK(c.problem == CellProblem::RepeatedOption);
    CHECK(c.offending == "A");
  }
  SUBCASE("neither true nor false") { CHECK(cell(quiz, 2, "maybe").problem == CellProblem::NotTrueFalse); }
  SUBCASE("too few letters to match") {
    const PaperCell c = cell(quiz, 3, "AB");
    CHECK(c.problem == CellProblem::WrongMatchCount);
    CHECK(c.items == 3);
  }
  SUBCASE("not a number") { CHECK(cell(quiz, 4, "nineteen").problem == CellProblem::NotANumber); }
  SUBCASE("far too long") { CHECK(cell(quiz, 5, std::string(100, 'x')).problem == CellProblem::TooLong); }
  SUBCASE("an empty cell is only not typed yet") { CHECK(cell(quiz, 0, "  ").problem == CellProblem::Empty); }
}

TEST_CASE("a dash records a question left blank on paper: no problem, and wrong") {
  const Quiz quiz = quiz_from(kGift);
  const PaperCell c = cell(quiz, 0, "-");
  CHECK(c.problem == CellProblem::None);
  CHECK_FALSE(c.answer.answered);
  CHECK_FALSE(c.right);
}

TEST_CASE("grid cells of every question type score like the exam on screen") {
  const Quiz quiz = quiz_from(kGift);
  const Question& colours = quiz.questions[1];
  const std::string red = letter_of(quiz, colours, 0), blue = letter_of(quiz, colours, 1);
  const std::string table = letter_of(quiz, colours, 2);
  CHECK(cell(quiz, 1, red + " " + blue).right);
  CHECK(cell(quiz, 1, blue + "," + red).right);
  CHECK_FALSE(cell(quiz, 1, red).right);  // half credit is not "right", as in the exam's result codes
  CHECK_FALSE(cell(quiz, 1, red + blue + table).right);

  for (const char* yes : {"T", "true", "B", "benar", "BENAR"}) CHECK(cell(quiz, 2, yes).right);
  for (const char* no : {"F", "false", "S", "salah"}) {
    CHECK(cell(quiz, 2, no).problem == CellProblem::None);
    CHECK_FALSE(cell(quiz, 2, no).right);
  }

  const Question& match = quiz.questions[3];
  std::string in_order;
  for (int i = 0; i < 3; ++i) in_order += letter_of(quiz, match, i);
  CHECK(cell(quiz, 3, in_order).right);
  std::string swapped = in_order;
  std::swap(swapped[0], swapped[1]);
  CHECK_FALSE(cell(quiz, 3, swapped).right);

  CHECK(cell(quiz, 4, "1989").right);
  CHECK(cell(quiz, 4, "1.989").right);  // Indonesian thousands separator, read like the exam does
  CHECK_FALSE(cell(quiz, 4, "1988").right);
  CHECK(cell(quiz, 5, " YES ").right);
}

TEST_CASE("a grid row counts only when its label is usable and every cell is filled without a problem") {
  const Quiz quiz = quiz_from(kGift);
  PaperRow row;
  row.label = "Ni Luh";
  row.day = 2000;
  row.cells = {letter_of(quiz, quiz.questions[0], 0), "-", "F", "", "1989", "no"};
  PaperRowCheck check = check_paper_row("demo", quiz, row);
  CHECK_FALSE(check.complete);
  CHECK(check.filled == 5);
  CHECK(check.problems == 0);
  CHECK_FALSE(paper_row_record("demo", quiz, row).has_value());

  row.cells[3] = "ZZZ";
  check = check_paper_row("demo", quiz, row);
  CHECK(check.problems == 1);
  CHECK_FALSE(check.complete);

  row.cells[3] = "-";
  check = check_paper_row("demo", quiz, row);
  REQUIRE(check.complete);
  CHECK(check.right == 2);  // questions 1 and 5
  const auto record = paper_row_record("demo", quiz, row);
  REQUIRE(record.has_value());
  CHECK(record->label == "NI LUH");
  CHECK(record->course_id == "demo");
  CHECK(record->kind == TestKind::Pretest);
  CHECK(record->question_count == 6);
  CHECK(record->right_mask == 0b10001);
  CHECK(record->day == 2000);
  CHECK(record_problem(*record).empty());

  row.label = "Ana!";
  CHECK_FALSE(check_paper_row("demo", quiz, row).complete);
  row.label = "";
  CHECK_FALSE(check_paper_row("demo", quiz, row).complete);
}

TEST_CASE("the answer grid's stored form reads back, and foreign text is refused") {
  std::vector<PaperRow> rows(2);
  rows[0] = PaperRow{"ANDI", TestKind::Pretest, 2100, {"A", "-", "T \"quoted\""}};
  rows[1] = PaperRow{"Siti", TestKind::Posttest, 2101, {"", "1,5"}};
  const auto back = parse_paper_rows(paper_rows_json(rows));
  REQUIRE(back.has_value());
  CHECK(*back == rows);
  CHECK_FALSE(parse_paper_rows("").has_value());
  CHECK_FALSE(parse_paper_rows("{\"format\":\"siaga-paper-grid\",\"version\":2,\"rows\":[]}").has_value());
  CHECK_FALSE(parse_paper_rows("{\"format\":\"siaga-paper-grid\",\"version\":1,\"rows\":[{\"label\":1}]}").has_value());
  CHECK(parse_paper_rows("{\"format\":\"siaga-paper-grid\",\"version\":1,\"rows\":[]}")->empty());
}

TEST_CASE("HTML escaping covers the five special characters") {
  CHECK(escape_html("<a href=\"x\">Tom & Jerry's</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  CHECK(inline_html("**bold** <b>") == "<strong>bold</strong> &lt;b&gt;");
}

TEST_CASE("the paper test numbers every question, letters the options in paper order and escapes content") {
  const Quiz quiz = quiz_from(kGift);
  const Course course = demo_course(quiz);
  const Strings strings = english();
  const std::string html = paper_test_html(course, quiz, TestKind::Pretest, strings.text(), "en");
  CHECK(html.rfind("<!doctype html>", 0) == 0);
  CHECK(html.find("<html lang=\"en\">") != std::string::npos);
  // A Dari or Arabic paper reads right to left (the browser shapes the printed text itself).
  CHECK(paper_test_html(course, quiz, TestKind::Pretest, strings.text(), "fa").find("<html lang=\"fa\" dir=\"rtl\">") != std::string::npos);
  CHECK(html.find("Demo &amp; &lt;course&gt;") != std::string::npos);
  CHECK(html.find("<course>") == std::string::npos);
  CHECK(html.find("Capital of &lt;Indonesia&gt;?") != std::string::npos);
  CHECK(html.find("<Indonesia>") == std::string::npos);
  CHECK(html.find("Say <strong>yes</strong>.") != std::string::npos);
  for (int n = 1; n <= 6; ++n)
    CHECK(html.find("<span class=\"n\">" + std::to_string(n) + ".</span>") != std::string::npos);
  CHECK(html.find("<span class=\"n\">7.</span>") == std::string::npos);
  // Options in paper order: the letter printed before "Jakarta" is the one the grid expects.
  const std::string jakarta = letter_of(quiz, quiz.questions[0], 0);
  CHECK(html.find("<span class=\"l\">" + jakarta + ".</span>Jakarta") != std::string::npos);
  CHECK(count(html, "<span class=\"box\"></span>") == 4 + 4 + 2);  // choices, choices, true/false
  // Nothing of the answers leaks onto the sheet.
  CHECK(html.find("1989") == std::string::npos);
  // One <style>, the shared one, and no style attributes (the CSP would refuse them).
  CHECK(count(html, "<style>") == 1);
  CHECK(html.find("<style>" + std::string(kPrintStyle) + "</style>") != std::string::npos);
  CHECK(html.find("style=") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
}

TEST_CASE("the answer key gives the right answer of every question in the sheet's letters") {
  const Quiz quiz = quiz_from(kGift);
  const Course course = demo_course(quiz);
  const Strings strings = english();
  const std::string html = answer_key_html(course, quiz, TestKind::Pretest, strings.text(), "en");
  CHECK(html.find("Answer key: Pretest") != std::string::npos);
  const auto row = [&](int n) {
    const size_t at = html.find("<tr><td>" + std::to_string(n) + "</td>");
    REQUIRE(at != std::string::npos);
    return html.substr(at, html.find("</tr>", at) - at);
  };
  CHECK(row(1).find("<td>" + letter_of(quiz, quiz.questions[0], 0) + ". Jakarta</td>") != std::string::npos);
  // Multiple response: both positive options, listed in printed order.
  const std::string red = letter_of(quiz, quiz.questions[1], 0), blue = letter_of(quiz, quiz.questions[1], 1);
  const std::string both = red < blue ? red + ", " + blue : blue + ", " + red;
  CHECK(row(2).find("<td class=\"code\">" + both + "</td>") != std::string::npos);
  CHECK(row(2).find("Table") == std::string::npos);
  CHECK(row(3).find("<td>True</td><td class=\"code\">T</td>") != std::string::npos);
  std::string match;
  for (int i = 0; i < 3; ++i) match += letter_of(quiz, quiz.questions[3], i);
  CHECK(row(4).find("<td class=\"code\">" + match + "</td>") != std::string::npos);
  CHECK(row(5).find("<td class=\"code\">1989</td>") != std::string::npos);
  CHECK(row(6).find("<td class=\"code\">yes</td>") != std::string::npos);
  // What the key says to type is what the grid scores as right.
  PaperRow typed{"KEY", TestKind::Pretest, 0,
                 {letter_of(quiz, quiz.questions[0], 0), both, "T", match, "1989", "yes"}};
  CHECK(check_paper_row("demo", quiz, typed).right == 6);
}

TEST_CASE("the certificate page shows name, course, date, score and reference code, escaped") {
  Quiz graded;
  graded.id = "final";
  graded.graded = true;
  graded.questions = quiz_from(kGift).questions;
  Course course = demo_course(graded);
  course.certificate = true;
  LearnerProgress progress;
  QuizAttempt attempt;
  attempt.id = "a1";
  attempt.course_id = "demo";
  attempt.quiz_id = "final";
  attempt.submitted = true;
  attempt.score = 0.85;
  progress.attempts = {attempt};
  REQUIRE_FALSE(learner_certificate(course, progress, "Siti <b>").has_value());  // completion not recorded yet
  progress.courses["demo"].completed_at = 1'741'910'400'000;  // 2025-03-14 00:00 UTC
  const auto certificate = learner_certificate(course, progress, "Siti <b>");
  REQUIRE(certificate.has_value());
  CHECK(certificate->completed == CivilDate{2025, 3, 14});
  CHECK(certificate->score_percent == 85);
  CHECK(verify_certificate(certificate->code, "Siti <b>", "demo", CivilDate{2025, 3, 14}, 85) ==
        CertificateCheck::Matches);
  const Strings strings = english();
  const std::string html = certificate_html(*certificate, course.title, strings.text(), "en");
  CHECK(html.find("Siti &lt;b&gt;") != std::string::npos);
  CHECK(html.find("Demo &amp; &lt;course&gt;") != std::string::npos);
  CHECK(html.find("2025-03-14") != std::string::npos);
  CHECK(html.find("85%") != std::string::npos);
  CHECK(html.find(certificate->code) != std::string::npos);
  CHECK(html.find("consistency check, not proof") != std::string::npos);

  course.certificate = false;
  CHECK_FALSE(learner_certificate(course, progress, "Siti").has_value());
}

TEST_CASE("the portal's Content Security Policy allows exactly the printables' stylesheet") {
  CHECK(base64("abc") == "YWJj");
  CHECK(base64("ab") == "YWI=");
  CHECK(base64("a") == "YQ==");
  const Sha256Digest abc = sha256("abc");
  CHECK(base64(std::string(reinterpret_cast<const char*>(abc.data()), abc.size())) ==
        "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
  const std::string index = read_text_file(std::string(SIAGA_SOURCE_DIR) + "/web/index.html");
  REQUIRE(!index.empty());
  const size_t style_src = index.find("style-src 'self' " + print_style_csp_source() + ";");
  INFO("index.html must list " << print_style_csp_source() << " under style-src");
  CHECK(style_src != std::string::npos);
  CHECK(index.find("unsafe-inline") == std::string::npos);
  // The test server sends the same policy as a header (both apply).
  const std::string server = read_text_file(std::string(SIAGA_SOURCE_DIR) + "/tools/serve.mjs");
  CHECK(server.find("style-src 'self' " + print_style_csp_source() + ";") != std::string::npos);
}
