// GIFT questions, written from Moodle's documented syntax: one test per feature, then one per error.
// parse_gift is called with first_line 10, so the quiz text's first line is file line 10.
//
// [SECTION] Question types
// [SECTION] Feedback, escapes, comments, layout
// [SECTION] Errors, with their line and column
#include <doctest/doctest.h>

#include <cmath>

#include "content_test_util.h"
#include "core/content.h"
#include "core/quiz.h"

using namespace siaga;
using content_test::check_single;
using content_test::describe;

namespace {

Parsed<std::vector<Question>> gift(std::string_view text) { return parse_gift(text, "content/en/c/01-m.md", 10); }

// The one question of `text`, which must parse without any message.
Question one(std::string_view text) {
  Parsed<std::vector<Question>> parsed = gift(text);
  INFO(describe(parsed.diagnostics));
  REQUIRE(parsed.diagnostics.empty());
  REQUIRE(parsed.value.size() == 1);
  return parsed.value[0];
}

}  // namespace

// [SECTION] Question types ---------------------------------------------------------------------------

TEST_CASE("one '=' among '~' answers makes a single-choice question") {
  const Question q = one("::capital:: Capital of Indonesia? {=Jakarta ~Surabaya ~Medan}");
  CHECK(q.id == "capital");
  CHECK(q.type == QuestionType::SingleChoice);
  CHECK(q.text == "Capital of Indonesia?");
  REQUIRE(q.choices.size() == 3);
  CHECK(q.choices[0].text == "Jakarta");
  CHECK(q.choices[0].correct);
  CHECK(q.choices[0].weight == 100);
  CHECK_FALSE(q.choices[1].correct);
  CHECK(q.choices[1].weight == 0);
}

// Moodle's importer, question/format/gift/format.php: the smallest example of each rule it applies
// where Siaga used to be stricter.
TEST_CASE("two '=' answers among '~' answers: single choice, each '=' full marks, as in Moodle") {
  const Question q = one("::two:: Q? {=a =b ~c}");
  CHECK(q.type == QuestionType::SingleChoice);
  REQUIRE(q.choices.size() == 3);
  CHECK(q.choices[0].weight == 100);
  CHECK(q.choices[1].weight == 100);
  CHECK(q.choices[2].weight == 0);
  CHECK(score_question(q, choice_answer({1})) == 1.0);
  CHECK(score_question(q, choice_answer({0})) == 1.0);
  CHECK(score_question(q, choice_answer({2})) == 0.0);
  Quiz quiz;
  quiz.id = "quiz";
  quiz.shuffle = false;
  quiz.questions = {q};
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "a1", 1, 0);
  REQUIRE(record_answer(attempt, quiz, "two", choice_answer({2}), 1) == RecordResult::Recorded);
  std::vector<std::string> right;  // the review names both right answers
  for (const ReviewText& line : submit_attempt(attempt, quiz, 50, 2).questions[0].correct_answer)
    right.push_back(line.text);
  CHECK(right == std::vector<std::string>{"a", "b"});
}

TEST_CASE("one matching pair and one distractor is a matching question, as Moodle imports it") {
  const Parsed<std::vector<Question>> parsed = gift("::m:: Match. {=a -> 1 = -> 2}");
  check_single(parsed.diagnostics, Severity::Warning, 10, 1, "has one pair to match; Moodle imports it so");
  REQUIRE(parsed.value.size() == 1);
  CHECK(parsed.value[0].type == QuestionType::Matching);
  REQUIRE(parsed.value[0].pairs.size() == 2);
  CHECK(parsed.value[0].pairs[1].is_distractor());
}

TEST_CASE("numbers with an exponent are read as Moodle's is_numeric reads them") {
  const struct {
    const char* gift;
    double min, max;
  } cases[] = {
      {"::n:: N? {#1e3}", 1000, 1000},
      {"::n:: N? {#2.5E-2}", 0.025, 0.025},
      {"::n:: N? {#-1.5e+2}", -150, -150},
      {"::n:: N? {#1e3:1e1}", 990, 1010},
      {"::n:: N? {#1e2..2E2}", 100, 200},
      {"::n:: N? {#5.}", 5, 5},
      {"::n:: N? {#.5}", 0.5, 0.5},
  };
  for (const auto& c : cases) {
    INFO(c.gift);
    const Question q = one(c.gift);
    REQUIRE(q.numeric.size() == 1);
    CHECK(q.numeric[0].min == doctest::Approx(c.min));
    CHECK(q.numeric[0].max == doctest::Approx(c.max));
  }
  for (const char* bad : {"::n:: N? {#1e}", "::n:: N? {#e3}", "::n:: N? {#1e3e3}", "::n:: N? {#1e9999}"}) {
    INFO(bad);
    check_single(gift(bad).diagnostics, Severity::Error, 10, 12, "bad numeric answer");
  }
}

TEST_CASE("percent weights on '~' answers make a multiple-response question") {
  const Question q = one("::mr:: Pick two. {~%50%a ~%50%b ~%-100%c}");
  CHECK(q.type == QuestionType::MultipleResponse);
  REQUIRE(q.choices.size() == 3);
  CHECK(q.choices[0].weight == 50);
  CHECK(q.choices[0].correct);
  CHECK(q.choices[2].weight == -100);
  CHECK_FALSE(q.choices[2].correct);
}

TEST_CASE("fractional weights that add up to 100 are accepted") {
  const Question q = one("::thirds:: Pick three. {~%33.333%a ~%33.333%b ~%33.333%c ~%-100%d}");
  CHECK(q.choices[0].weight == doctest::Approx(33.333));
}

TEST_CASE("positive weights that do not add up to 100 give a warning") {
  const auto parsed = gift("::mr:: Pick. {~%50%a ~%30%b ~%-100%c}");
  check_single(parsed.diagnostics, Severity::Warning, 10, 14, "add up to 80%, not 100%");
  CHECK(parsed.value.size() == 1);
}

TEST_CASE("weights beyond -100..100 are clamped with a warning") {
  const auto parsed = gift("::w:: Pick. {~%150%a ~%-100%b}");
  check_single(parsed.diagnostics, Severity::Warning, 10, 15, "outside -100%..100%; using 100%");
  REQUIRE(parsed.value.size() == 1);
  CHECK(parsed.value[0].choices[0].weight == 100);
}

TEST_CASE("TRUE with two feedbacks: the first is for a wrong answer, the second for a right one") {
  const Question q = one("::tf:: The sky is blue. {TRUE#You answered false, but it is blue.#Yes, blue.}");
  CHECK(q.type == QuestionType::TrueFalse);
  CHECK(q.truth);
  CHECK(q.feedback_wrong == "You answered false, but it is blue.");
  CHECK(q.feedback_right == "Yes, blue.");
}

TEST_CASE("T, F, FALSE and lowercase forms are true/false answers") {
  CHECK(one("::a:: A. {T}").truth);
  CHECK_FALSE(one("::b:: B. {F}").truth);
  CHECK_FALSE(one("::c:: C. {FALSE}").truth);
  CHECK(one("::d:: D. {true}").type == QuestionType::TrueFalse);
}

TEST_CASE("'=left -> right' answers make a matching question in authored order") {
  const Question q = one("::act:: Match. {=Act -> recruitment =Means -> deception =Purpose -> exploitation}");
  CHECK(q.type == QuestionType::Matching);
  REQUIRE(q.pairs.size() == 3);
  CHECK(q.pairs[0].left == "Act");
  CHECK(q.pairs[0].right == "recruitment");
  CHECK(q.pairs[2].right == "exploitation");
}

TEST_CASE("only '=' answers make a short-answer question with every answer accepted") {
  const Question q = one("::tppo:: Acronym? {=TPPO =tindak pidana perdagangan orang}");
  CHECK(q.type == QuestionType::ShortAnswer);
  REQUIRE(q.choices.size() == 2);
  CHECK(q.choices[1].text == "tindak pidana perdagangan orang");
  CHECK(q.choices[1].correct);
}

TEST_CASE("a numeric answer '{#42}' accepts exactly 42") {
  const Question q = one("::n:: Answer? {#42}");
  CHECK(q.type == QuestionType::Numeric);
  REQUIRE(q.numeric.size() == 1);
  CHECK(q.numeric[0].min == 42);
  CHECK(q.numeric[0].max == 42);
}

TEST_CASE("a numeric answer with ':tolerance' accepts value plus or minus the tolerance") {
  const Question q = one("::n:: Pi? {#3.14:0.01}");
  REQUIRE(q.numeric.size() == 1);
  CHECK(q.numeric[0].min == doctest::Approx(3.13));
  CHECK(q.numeric[0].max == doctest::Approx(3.15));
}

TEST_CASE("a numeric range '{#40..45}' accepts min to max") {
  const Question q = one("::n:: Between? {#40..45}");
  CHECK(q.numeric[0].min == 40);
  CHECK(q.numeric[0].max == 45);
}

TEST_CASE("numeric alternatives with '=' take weights and feedback") {
  const Question q = one("::year:: When? {#=1822:0 #Exactly. =%50%1822:2 #Close.}");
  REQUIRE(q.numeric.size() == 2);
  CHECK(q.numeric[0].weight == 100);
  CHECK(q.numeric[0].feedback == "Exactly.");
  CHECK(q.numeric[1].weight == 50);
  CHECK(q.numeric[1].min == 1820);
  CHECK(q.numeric[1].max == 1824);
  CHECK(q.numeric[1].feedback == "Close.");
}

TEST_CASE("negative numeric answers are read") {
  const Question q = one("::cold:: Freezing point in Celsius minus ten? {#-10}");
  CHECK(q.numeric[0].min == -10);
}

TEST_CASE("a matching pair with an empty left side is a distractor: an extra right-hand option") {
  const Question q = one("::m:: Match. {=cat -> meow =dog -> woof = -> moo}");
  CHECK(q.type == QuestionType::Matching);
  REQUIRE(q.pairs.size() == 3);
  CHECK_FALSE(q.pairs[0].is_distractor());
  CHECK(q.pairs[2].is_distractor());
  CHECK(q.pairs[2].right == "moo");
}

TEST_CASE("text with no answer block is a description item, shown and not scored") {
  const Question q = one("::intro:: Read the case first.");
  CHECK(q.type == QuestionType::Description);
  CHECK(q.text == "Read the case first.");
  CHECK_FALSE(is_scored(q));
}

TEST_CASE("an empty answer block '{}' makes an essay prompt, not scored") {
  const Question q = one("::reflect:: What would you do first? {}");
  CHECK(q.type == QuestionType::Essay);
  CHECK(q.text == "What would you do first?");
  CHECK_FALSE(is_scored(q));
}

TEST_CASE("an essay prompt keeps its ####general feedback") {
  const Question q = one("::reflect:: Discuss. {####Think of the family first.}");
  CHECK(q.type == QuestionType::Essay);
  CHECK(q.general_feedback == "Think of the family first.");
}

// [SECTION] Feedback, escapes, comments, layout --------------------------------------------------------

TEST_CASE("'#' after an answer is that answer's feedback") {
  const Question q = one("::fb:: Q? {=yes #Good. ~no #Not this one.}");
  CHECK(q.choices[0].text == "yes");
  CHECK(q.choices[0].feedback == "Good.");
  CHECK(q.choices[1].feedback == "Not this one.");
}

TEST_CASE("'####' after the answers is general feedback") {
  const Question q = one("::g:: Q? {=a #one ~b ####Shown whatever the answer.}");
  CHECK(q.general_feedback == "Shown whatever the answer.");
  REQUIRE(q.choices.size() == 2);
  CHECK(q.choices[1].text == "b");
}

TEST_CASE("a true/false question can carry only general feedback") {
  const Question q = one("::tf:: Q. {FALSE ####Because.}");
  CHECK(q.general_feedback == "Because.");
  CHECK(q.feedback_wrong.empty());
}

TEST_CASE("escaped special characters are literal text") {
  const Question q = one("::esc:: Guideline 3\\: a \\{b\\} c? {=1 \\= 1 \\~ \\# ok ~2}");
  CHECK(q.text == "Guideline 3: a {b} c?");
  CHECK(q.choices[0].text == "1 = 1 ~ # ok");
}

TEST_CASE("'\\n' is a line break and Markdown backslash escapes are kept for the renderer") {
  const Question q = one("::nl:: One\\nTwo \\*not bold\\* {T}");
  CHECK(q.text == "One\nTwo \\*not bold\\*");
}

TEST_CASE("'//' lines are comments, even inside a question") {
  const auto parsed = gift("// about the quiz\n::a:: First\n// a note\n{T}\n");
  INFO(describe(parsed.diagnostics));
  REQUIRE(parsed.value.size() == 1);
  CHECK(parsed.diagnostics.empty());
  CHECK(parsed.value[0].text == "First");
}

TEST_CASE("questions span lines and are separated by blank lines, with their own line and column") {
  const auto parsed = gift("::a:: One {\n  =x\n  ~y\n}\n\n  ::b:: Two {F}\n");
  INFO(describe(parsed.diagnostics));
  REQUIRE(parsed.value.size() == 2);
  CHECK(parsed.value[0].line == 10);
  CHECK(parsed.value[0].column == 1);
  CHECK(parsed.value[0].choices.size() == 2);
  CHECK(parsed.value[1].id == "b");
  CHECK(parsed.value[1].line == 15);
  CHECK(parsed.value[1].column == 3);
}

TEST_CASE("inline Markdown in question and answer text is kept as written") {
  const Question q = one("::md:: Is **this** a *question*? {=`yes` ~no}");
  CHECK(q.text == "Is **this** a *question*?");
  CHECK(q.choices[0].text == "`yes`");
}

TEST_CASE("text after the answer block makes a missing-word question with a blank") {
  const Question q = one("::mw:: Grant is {~buried =entombed ~living} in Grant's tomb.");
  CHECK(q.text == "Grant is _____ in Grant's tomb.");
}

TEST_CASE("a [markdown] format tag before the text is dropped") {
  CHECK(one("::f:: [markdown]Plain **text** {T}").text == "Plain **text**");
}

// [SECTION] Errors, with their line and column ---------------------------------------------------------

TEST_CASE("a question without a name gets an id from its text, with a warning at its first character") {
  const auto parsed = gift("\n  Which one? {=a ~b}");
  check_single(parsed.diagnostics, Severity::Warning, 11, 3, "write ::which-one:: before the text");
  REQUIRE(parsed.value.size() == 1);
  CHECK(parsed.value[0].id == "which-one");
}

TEST_CASE("an unterminated '{' is an error at the brace") {
  const auto parsed = gift("::u:: Which? {=a\n~b");
  check_single(parsed.diagnostics, Severity::Error, 10, 14, "unterminated '{'");
  CHECK(parsed.value.empty());
}

TEST_CASE("a blank line inside an answer block is explained in the unterminated-brace message") {
  const auto parsed = gift("::u:: Which? {\n=a\n\n~b\n}");
  REQUIRE_FALSE(parsed.diagnostics.empty());
  CHECK(parsed.diagnostics[0].line == 10);
  CHECK(parsed.diagnostics[0].message.find("a blank line ends a question") != std::string::npos);
}

TEST_CASE("what Moodle's importer also refuses is an error at its column, saying what to write") {
  const struct {
    const char* gift;
    int column;
    const char* message;
  } cases[] = {
      {"::d::", 1, "question 'd' has a name but no text and no answers"},
      {"::m:: Match. {=a -> 1 =b -> 2 =c ->}", 31, "matching pair needs text after '->'"},
      {"::m:: Match. {= -> 1 = -> 2}", 1, "has only distractors"},  // Moodle imports it; nothing is left to match
      {"::t:: Q? {=[html]<b ~no}", 11, "nothing is left of '[html]<b' once its format marker and markup are removed"},
  };
  for (const auto& c : cases) {
    INFO(c.gift);
    check_single(gift(c.gift).diagnostics, Severity::Error, 10, c.column, c.message);
  }
}

TEST_CASE("a choice question with no right answer is an error naming the question") {
  check_single(gift("::x:: Which? {~a ~b}").diagnostics, Severity::Error, 10, 14,
               "quiz question 'x' has no correct answer");
}

TEST_CASE("a short-answer question whose weights are all zero has no correct answer") {
  check_single(gift("::x:: Which? {=%0%a}").diagnostics, Severity::Error, 10, 14,
               "quiz question 'x' has no correct answer");
}

TEST_CASE("a matching question needs at least two items, as Moodle's importer does") {
  check_single(gift("::m:: Match. {=a -> b}").diagnostics, Severity::Error, 10, 1,
               "matching question 'm' needs at least 2 items");
}

TEST_CASE("a matching pair without '->' is an error at its '='") {
  check_single(gift("::m:: Match. {=a -> 1 =b -> 2 =c 3}").diagnostics, Severity::Error, 10, 31,
               "matching pair has no '->': 'c 3'");
}

TEST_CASE("a numeric answer that is not a number is an error quoting it") {
  check_single(gift("::n:: How many? {#twelve}").diagnostics, Severity::Error, 10, 19,
               "bad numeric answer (write {#42}, {#42:2} or {#40..45}): 'twelve'");
}

TEST_CASE("a decimal comma is refused saying why and what to write (Moodle would accept any answer)") {
  check_single(gift("::n:: How much? {#1,5}").diagnostics, Severity::Error, 10, 19,
               "a comma in the number '1,5': write the decimal point as '.'");
  check_single(gift("::n:: How much? {#1,5..2,5}").diagnostics, Severity::Error, 10, 19, "a comma in the number");
}

TEST_CASE("a comma in a tolerance is an error, as in Moodle") {
  check_single(gift("::n:: How much? {#1.5:0,1}").diagnostics, Severity::Error, 10, 19,
               "a comma in the tolerance of '1.5:0,1': write it with a decimal point");
}

TEST_CASE("a numeric range that runs backwards is an error") {
  check_single(gift("::n:: Range? {#9..3}").diagnostics, Severity::Error, 10, 16, "the range starts above its end");
}

TEST_CASE("a question id used twice in one quiz is an error at the second use") {
  const auto parsed = gift("::a:: One {T}\n\n::a:: Two {F}");
  check_single(parsed.diagnostics, Severity::Error, 12, 1, "duplicate question id 'a' (first used on line 10)");
  CHECK(parsed.value.size() == 1);
}

TEST_CASE("a weight with an exponent is not a weight (Moodle's weight pattern has none)") {
  check_single(gift("::w:: Q? {~%1e2%a ~b}").diagnostics, Severity::Error, 10, 12, "bad weight");
}

TEST_CASE("a weight that is not a number is an error at the '%'") {
  check_single(gift("::w:: Q? {~%half%a ~%50%b}").diagnostics, Severity::Error, 10, 12, "bad weight");
}

TEST_CASE("text before the first '=' or '~' is an error") {
  check_single(gift("::t:: Q? {maybe =a ~b}").diagnostics, Severity::Error, 10, 11, "text before the first answer");
}

TEST_CASE("an answer with no text is an error at its marker") {
  check_single(gift("::t:: Q? {= ~b}").diagnostics, Severity::Error, 10, 11, "empty answer after '='");
}

TEST_CASE("a true/false question with three feedbacks is an error at the third '#'") {
  check_single(gift("::t:: Q. {T #a #b #c}").diagnostics, Severity::Error, 10, 19, "at most two #feedbacks");
}

TEST_CASE("a closing brace before any opening brace is an error") {
  check_single(gift("::b:: Q} {T}").diagnostics, Severity::Error, 10, 8, "'}' without '{'");
}



TEST_CASE("a question name without its closing '::' is an error") {
  check_single(gift("::open Q. {T}").diagnostics, Severity::Error, 10, 1, "not closed with '::'");
}

TEST_CASE("a question with no text before its answers is an error") {
  check_single(gift("::bare:: {T}").diagnostics, Severity::Error, 10, 1, "question 'bare' has no text");
}

TEST_CASE("broken fragments are reported as errors, never crash") {
  for (std::string_view text : {"{", "}", "::", "::a::{#", "::a::{=a->", "::a:: x {#=%", "::a:: x {~%",
                                "::a:: x {#..}", "::a:: x {#:}", "::a:: x {=->b =c->}", "::a:: x {~%%}", "::a:: x {#=}",
                                "::a:: x {T#", "::a:: x {=a}}", "::a:: x {{}"}) {
    INFO(text);
    CHECK(has_errors(gift(text).diagnostics));
  }
}

TEST_CASE("fragments Moodle reads as a description or an essay are read so") {
  CHECK(one("::a::\\").type == QuestionType::Description);  // a lone backslash is text
  CHECK(one("::a:: x {####}").type == QuestionType::Essay);    // empty general feedback
}

// [SECTION] Moodle's own files: names, metadata, format markers, catch-alls ------------------------------
// Written from Moodle's GIFT importer (question/format/gift/format.php) and its documentation: what a
// bank exported from Moodle contains must import without edits.

TEST_CASE("free-form Moodle names keep their text and give a stable id") {
  struct Case { const char* gift; const char* id; const char* name; };
  const Case cases[] = {
      {"::Q8:: Which? {T}", "q8", "Q8"},
      {"::Moodle activities:: Which? {T}", "moodle-activities", "Moodle activities"},
      {"::prep-1:: Which? {T}", "prep-1", "prep-1"},                // our own ids stay exactly as written
      {"::  Prep_1 (copy)  :: Which? {T}", "prep-1-copy", "Prep_1 (copy)"},
      {"// [id:Bank-07]\n::Q8:: Which? {T}", "bank-07", "Q8"},      // Moodle's idnumber wins over the name
      {"// [id:unit-3]\n::Q8:: Which? {T}", "unit-3", "Q8"},
  };
  for (const Case& c : cases) {
    INFO(c.gift);
    const Question q = one(c.gift);
    CHECK(q.id == c.id);
    CHECK(q.name == c.name);
  }
}

TEST_CASE("a name in another script gets a hashed id that is the same every time") {
  const Question a = one("::\xD8\xB3\xD8\xA4\xD8\xA7\xD9\x84:: Which? {T}");
  CHECK(a.id.starts_with("q-"));
  CHECK(a.id.size() == 12);
  CHECK(one("::\xD8\xB3\xD8\xA4\xD8\xA7\xD9\x84:: Which? {T}").id == a.id);
}

TEST_CASE("two questions whose names give the same id are told apart, but two equal written ids are an error") {
  const auto derived = gift("::Q 1:: A? {T}\n\n::Q-1:: B? {T}\n\n::q.1:: C? {T}");
  REQUIRE(derived.value.size() == 3);
  CHECK(derived.value[0].id == "q-1");
  CHECK(derived.value[1].id == "q-1-2");
  CHECK(derived.value[2].id == "q-1-3");
  const auto written = gift("::same:: A? {T}\n\n::same:: B? {T}");
  check_single(written.diagnostics, Severity::Error, 12, 1, "duplicate question id");
}

TEST_CASE("Moodle's [tag:] markers are kept with the question") {
  const Question q = one("// [id:x1] [tag:micic] [tag:consular work]\n::Q:: Which? {T}");
  CHECK(q.id == "x1");
  CHECK(q.tags == std::vector<std::string>{"micic", "consular work"});
}

TEST_CASE("a format marker is honoured wherever it stands, not only before the question text") {
  const Question q = one("::m:: [markdown]Pick **one** {=[plain]right #[markdown]good ~[moodle]wrong ####[plain]Done.}");
  CHECK(q.text == "Pick **one**");
  CHECK(q.choices[0].text == "right");
  CHECK(q.choices[0].feedback == "good");
  CHECK(q.choices[1].text == "wrong");
  CHECK(q.general_feedback == "Done.");
  const Question m = one("::p:: Match {=[html]<b>A</b> -> [html]<i>1</i> =B -> 2}");
  CHECK(m.pairs[0].left == "A");
  CHECK(m.pairs[0].right == "1");
}

TEST_CASE("HTML text is shown as text: tags dropped, breaks kept, references decoded, scripts never kept") {
  struct Case { const char* gift; const char* text; };
  const Case cases[] = {
      {"::h:: [html]<p>Which <b>one</b>?</p> {T}", "Which one?"},
      {"::h:: [html]<p>Line one</p><p>Line two</p> {T}", "Line one\nLine two"},
      {"::h:: [html]A<br>B<br/>C {T}", "A\nB\nC"},
      {"::h:: [html]Tom &amp; Jerry &lt;3 &quot;x&quot; &#39;y&#39; &#x2014; &#8212; {T}",
       "Tom & Jerry <3 \"x\" 'y' \xE2\x80\x94 \xE2\x80\x94"},
      {"::h:: [html]Hi<script>alert(1)</script> there<style>.x b</style> {T}", "Hi there"},
      {"::h:: [html]See <img src=\"@@PLUGINFILE@@/map.png\"> here {T}", "See [image] here"},
  };
  for (const Case& c : cases) {
    INFO(c.gift);
    CHECK(one(c.gift).text == c.text);
  }
}

TEST_CASE("a numeric question's catch-all '~#feedback' answers every other number, with no credit") {
  const Question q = one("::n:: How many? {#=%100%15 =%50%14:1 ~#Count the guidelines again.}");
  REQUIRE(q.numeric.size() == 3);
  CHECK(q.numeric[2].weight == 0);
  CHECK(q.numeric[2].feedback == "Count the guidelines again.");
  CHECK(std::isinf(q.numeric[2].min));
  CHECK(score_question(q, numeric_answer("15")) == doctest::Approx(1.0));
  CHECK(score_question(q, numeric_answer("14")) == doctest::Approx(0.5));  // a range before it still wins
  CHECK(score_question(q, numeric_answer("99")) == doctest::Approx(0.0));
}

TEST_CASE("a numeric '~' that is not the last, feedback-only answer is refused with what to write") {
  check_single(gift("::n:: How many? {#=15 ~14}").diagnostics, Severity::Error, 10, 23, "write ~#feedback");
  check_single(gift("::n:: How many? {#~#x =15}").diagnostics, Severity::Error, 10, 19, "write ~#feedback");
}

TEST_CASE("a Moodle export reads whole: categories, comments, metadata, HTML and a catch-all") {
  const auto parsed = gift(
      "// question: 1234  name: Q8\n// [id:mig-08] [tag:micic]\n"
      "::Q8::[html]<p>Which guideline covers evacuation?</p>{\n\t=[html]Guideline 13#[html]<p>Right.</p>\n"
      "\t~[html]Guideline 2#[html]<p>No.</p>\n}\n\n"
      "$CATEGORY: $course$/top/MICIC\n\n"
      "::How many guidelines::[html]How many guidelines are there?{#\n\t=%100%15:0#Yes\n\t~#Count again.\n}\n");
  INFO(describe(parsed.diagnostics));
  CHECK(parsed.diagnostics.empty());
  REQUIRE(parsed.value.size() == 2);
  CHECK(parsed.value[0].id == "mig-08");
  CHECK(parsed.value[0].text == "Which guideline covers evacuation?");
  CHECK(parsed.value[0].choices[0].feedback == "Right.");
  CHECK(parsed.value[1].id == "how-many-guidelines");
  CHECK(parsed.value[1].numeric.back().feedback == "Count again.");
}
