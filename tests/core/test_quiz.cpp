// Quizzes: the scoring rules (Moodle semantics, one case per rule with its smallest example), numbers
// as learners type them, the seeded option order, attempts, practice checks, results and review.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "core/quiz.h"

using namespace siaga;

namespace {

Choice option(std::string text, double weight, std::string feedback = "") {
  Choice choice;
  choice.text = std::move(text);
  choice.weight = weight;
  choice.correct = weight > 0;
  choice.feedback = std::move(feedback);
  return choice;
}

Question question_of(QuestionType type, std::string id = "q") {
  Question question;
  question.id = std::move(id);
  question.type = type;
  return question;
}

// Single choice, multiple response and short answer all keep their options in Question::choices.
Question with_choices(QuestionType type, std::vector<Choice> choices, std::string id) {
  Question question = question_of(type, std::move(id));
  question.choices = std::move(choices);
  return question;
}

Question single_choice(std::vector<Choice> choices, std::string id = "q") {
  return with_choices(QuestionType::SingleChoice, std::move(choices), std::move(id));
}

Question multiple_response(std::vector<Choice> choices, std::string id = "q") {
  return with_choices(QuestionType::MultipleResponse, std::move(choices), std::move(id));
}

Question short_answer_question(std::vector<Choice> accepted, std::string id = "q") {
  return with_choices(QuestionType::ShortAnswer, std::move(accepted), std::move(id));
}

Question true_false(bool truth, std::string id = "q") {
  Question question = question_of(QuestionType::TrueFalse, std::move(id));
  question.truth = truth;
  question.feedback_wrong = "Not quite.";
  question.feedback_right = "Yes.";
  return question;
}

Question matching(std::vector<MatchPair> pairs, std::string id = "q") {
  Question question = question_of(QuestionType::Matching, std::move(id));
  question.pairs = std::move(pairs);
  return question;
}

Question numeric_question(std::vector<NumericAnswer> ranges, std::string id = "q") {
  Question question = question_of(QuestionType::Numeric, std::move(id));
  question.numeric = std::move(ranges);
  return question;
}

NumericAnswer range(double min, double max, double weight = 100, std::string feedback = "") {
  return NumericAnswer{min, max, weight, std::move(feedback)};
}

Quiz quiz_of(std::vector<Question> questions, QuizKind kind = QuizKind::Module) {
  Quiz quiz;
  quiz.id = "quiz";
  quiz.kind = kind;
  quiz.questions = std::move(questions);
  return quiz;
}

Question right_wrong(std::string id) { return single_choice({option("right", 100), option("wrong", 0)}, std::move(id)); }

std::vector<int> sorted(std::vector<int> values) {
  std::sort(values.begin(), values.end());
  return values;
}

}  // namespace

// [SECTION] Scoring rules, one per case -----------------------------------------------------------------

TEST_CASE("single choice scores the chosen option's weight") {
  const Question question = single_choice({option("right", 100), option("half", 50), option("wrong", 0)});
  CHECK(score_question(question, choice_answer({0})) == 1.0);
  CHECK(score_question(question, choice_answer({1})) == 0.5);
  CHECK(score_question(question, choice_answer({2})) == 0.0);
}

TEST_CASE("single choice never scores below zero") {
  const Question question = single_choice({option("right", 100), option("harmful", -50)});
  CHECK(score_question(question, choice_answer({1})) == 0.0);
}

TEST_CASE("multiple response adds the chosen options' weights") {
  const Question question = multiple_response({option("a", 50), option("b", 50), option("c", -100)});
  CHECK(score_question(question, choice_answer({0})) == 0.5);
  CHECK(score_question(question, choice_answer({0, 1})) == 1.0);
}

TEST_CASE("multiple response never scores below zero") {
  const Question question = multiple_response({option("a", 50), option("b", 50), option("c", -100)});
  CHECK(score_question(question, choice_answer({0, 2})) == 0.0);
}

TEST_CASE("multiple response never scores above one") {
  const Question question = multiple_response({option("a", 100), option("b", 50)});
  CHECK(score_question(question, choice_answer({0, 1})) == 1.0);
}

TEST_CASE("true/false scores one for the right value and zero for the other") {
  CHECK(score_question(true_false(false), true_false_answer(false)) == 1.0);
  CHECK(score_question(true_false(false), true_false_answer(true)) == 0.0);
}

TEST_CASE("matching gives credit for each right pair") {
  const Question question = matching({{"a", "1"}, {"b", "2"}, {"c", "3"}});
  CHECK(score_question(question, matching_answer({0, 2, 1})) == doctest::Approx(1.0 / 3));
  CHECK(score_question(question, matching_answer({0, 1, -1})) == doctest::Approx(2.0 / 3));
  CHECK(score_question(question, matching_answer({0, 1, 2})) == 1.0);
}

TEST_CASE("a matching distractor is an option, not an item: two right pairs of two give full credit") {
  const Question question = matching({{"a", "1"}, {"b", "2"}, {"", "3"}});
  CHECK(score_question(question, matching_answer({0, 1, -1})) == 1.0);
  CHECK(score_question(question, matching_answer({2, 1, -1})) == doctest::Approx(0.5));
}

TEST_CASE("a description item or an essay prompt takes no answer and counts in no score") {
  const Quiz quiz = quiz_of({question_of(QuestionType::Description, "intro"), right_wrong("a"),
                             question_of(QuestionType::Essay, "reflect")});
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "att", 1, 1000);
  CHECK(record_answer(attempt, quiz, "intro", short_answer("anything"), 1500) == RecordResult::InvalidAnswer);
  CHECK(record_answer(attempt, quiz, "reflect", short_answer("my thoughts"), 1500) == RecordResult::InvalidAnswer);
  REQUIRE(record_answer(attempt, quiz, "a", choice_answer({0}), 1500) == RecordResult::Recorded);
  CHECK(submit_attempt(attempt, quiz, 70, 2000).percent == doctest::Approx(100.0));
}

TEST_CASE("matching accepts either pair that shares a right-hand side") {
  const Question question = matching({{"a", "same"}, {"b", "same"}});
  CHECK(score_question(question, matching_answer({1, 0})) == 1.0);
}

TEST_CASE("short answer ignores case, outer spaces and repeated inner spaces") {
  const Question question = short_answer_question({option("Kuala Lumpur", 100)});
  CHECK(score_question(question, short_answer("  kuala \t  LUMPUR ")) == 1.0);
}

TEST_CASE("short answer folds accented capitals") {
  const Question question = short_answer_question({option("école", 100), option("łódź", 100)});
  CHECK(score_question(question, short_answer("ÉCOLE")) == 1.0);
  CHECK(score_question(question, short_answer("ŁÓDŹ")) == 1.0);
}

TEST_CASE("short answer earns the weight of the accepted answer it equals") {
  const Question question = short_answer_question({option("Jakarta", 100), option("Java", 50)});
  CHECK(score_question(question, short_answer("java")) == 0.5);
}

TEST_CASE("short answer that differs by a letter scores zero") {
  const Question question = short_answer_question({option("Jakarta", 100)});
  CHECK(score_question(question, short_answer("Jakart")) == 0.0);
}

TEST_CASE("numeric accepts the ends of its range and nothing outside") {
  const Question question = numeric_question({range(40, 45)});
  CHECK(score_question(question, numeric_answer("40")) == 1.0);
  CHECK(score_question(question, numeric_answer("45")) == 1.0);
  CHECK(score_question(question, numeric_answer("45.5")) == 0.0);
}

TEST_CASE("numeric takes the weight of the first range holding the number") {
  const Question question = numeric_question({range(42, 42), range(40, 45, 50)});
  CHECK(score_question(question, numeric_answer("42")) == 1.0);
  CHECK(score_question(question, numeric_answer("43")) == 0.5);
}

TEST_CASE("an unanswered question scores zero whatever its fields say") {
  Answer answer = choice_answer({0});
  answer.answered = false;
  CHECK(score_question(right_wrong("q"), answer) == 0.0);
}

TEST_CASE("options that no longer exist count as not chosen") {
  CHECK(score_question(right_wrong("q"), choice_answer({7})) == 0.0);
  CHECK(score_question(matching({{"a", "1"}, {"b", "2"}}), matching_answer({9, 1})) == 0.5);
}

// [SECTION] Numbers as learners type them ---------------------------------------------------------------

TEST_CASE("a decimal comma reads like a decimal point") {
  CHECK(parse_learner_number("0,3") == parse_learner_number("0.3"));
  CHECK(score_question(numeric_question({range(0.3, 0.3)}), numeric_answer("0,3")) == 1.0);
}

TEST_CASE("with both marks, the last one is the decimal mark") {
  CHECK(learner_number_readings("10.195,5") == std::vector<double>{10195.5});
  CHECK(learner_number_readings("10,195.5") == std::vector<double>{10195.5});
}

TEST_CASE("a repeated mark groups thousands, and only in threes") {
  CHECK(learner_number_readings("1.000.000") == std::vector<double>{1000000});
  CHECK(learner_number_readings("1,00,000").empty());
}

TEST_CASE("one mark before three digits has two readings, and either can earn the credit") {
  CHECK(learner_number_readings("10,195") == std::vector<double>{10.195, 10195});
  const Question question = numeric_question({range(9995, 10395)});
  CHECK(score_question(question, numeric_answer("10.195")) == 1.0);
  CHECK(score_question(question, numeric_answer("10,195")) == 1.0);
}

TEST_CASE("a negative number keeps its sign in every reading") {
  CHECK(learner_number_readings("-2,5") == std::vector<double>{-2.5});
}

TEST_CASE("text that is not a number leaves a numeric answer unanswered but kept") {
  const Answer answer = numeric_answer("ten");
  CHECK_FALSE(answer.answered);
  CHECK(answer.text == "ten");
  CHECK(learner_number_readings("1e5").empty());
  CHECK(learner_number_readings("").empty());
}

// [SECTION] Option order -----------------------------------------------------------------------------

TEST_CASE("the option order is a permutation fixed by the seed") {
  const Question question = multiple_response({option("a", 25), option("b", 25), option("c", 25), option("d", 25)});
  const std::vector<int> order = option_order(question, 1234);
  CHECK(sorted(order) == std::vector<int>{0, 1, 2, 3});
  CHECK(option_order(question, 1234) == order);
}

TEST_CASE("the option order never changes between versions or platforms") {
  // Stored attempts are reviewed in this order: a change to the shuffle would reorder old reviews.
  const Question question = single_choice({option("a", 100), option("b", 0), option("c", 0), option("d", 0),
                                           option("e", 0)}, "prep-1");
  CHECK(option_order(question, 42) == std::vector<int>{2, 0, 4, 1, 3});  // also computed independently in Python
}

TEST_CASE("different seeds give different orders") {
  const Question question = single_choice({option("a", 100), option("b", 0), option("c", 0), option("d", 0)});
  std::set<std::vector<int>> orders;
  for (uint64_t seed = 0; seed < 16; ++seed) orders.insert(option_order(question, seed));
  CHECK(orders.size() > 4);
}

TEST_CASE("questions of one attempt are shuffled independently") {
  std::vector<Choice> choices = {option("a", 100), option("b", 0), option("c", 0), option("d", 0), option("e", 0)};
  CHECK(option_order(single_choice(choices, "first"), 7) != option_order(single_choice(choices, "second"), 7));
}

TEST_CASE("a quiz with shuffle off keeps the authored order") {
  Quiz quiz = quiz_of({single_choice({option("a", 100), option("b", 0), option("c", 0)})});
  quiz.shuffle = false;
  CHECK(option_order(quiz, quiz.questions[0], 99) == std::vector<int>{0, 1, 2});
}

TEST_CASE("matching shuffles its right-hand sides") {
  const Question question = matching({{"a", "1"}, {"b", "2"}, {"c", "3"}});
  CHECK(sorted(option_order(question, 5)) == std::vector<int>{0, 1, 2});
}

TEST_CASE("true/false, short answer and numeric have no options to order") {
  CHECK(option_order(true_false(true), 1).empty());
  CHECK(option_order(short_answer_question({option("x", 100)}), 1).empty());
  CHECK(option_order(numeric_question({range(1, 1)}), 1).empty());
}

// [SECTION] Attempts --------------------------------------------------------------------------------

TEST_CASE("module quizzes are practice, pretests and posttests are exams") {
  CHECK(mode_for(quiz_of({}, QuizKind::Module)) == QuizMode::Practice);
  CHECK(mode_for(quiz_of({}, QuizKind::Pretest)) == QuizMode::Exam);
  CHECK(mode_for(quiz_of({}, QuizKind::Posttest)) == QuizMode::Exam);
}

TEST_CASE("an attempt starts with its ids, seed, mode and start time") {
  const QuizAttempt attempt = start_attempt(quiz_of({}, QuizKind::Pretest), "micic", "check", "a-1", 77, 1000);
  CHECK(attempt.id == "a-1");
  CHECK(attempt.course_id == "micic");
  CHECK(attempt.module_id == "check");
  CHECK(attempt.quiz_id == "quiz");
  CHECK(attempt.seed == 77);
  CHECK(attempt.mode == QuizMode::Exam);
  CHECK(attempt.started_at == 1000);
  CHECK(attempt.updated_at == 1000);
  CHECK_FALSE(attempt.submitted);
}

TEST_CASE("recording an answer keeps it and moves the update time") {
  const Quiz quiz = quiz_of({right_wrong("q1")});
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 1, 1000);
  CHECK(record_answer(attempt, quiz, "q1", choice_answer({1}), 2000) == RecordResult::Recorded);
  CHECK(attempt.answers.at("q1") == choice_answer({1}));
  CHECK(attempt.updated_at == 2000);
}

TEST_CASE("a submitted attempt refuses new answers") {
  const Quiz quiz = quiz_of({right_wrong("q1")});
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 1, 1000);
  submit_attempt(attempt, quiz, 70, 2000);
  CHECK(record_answer(attempt, quiz, "q1", choice_answer({0}), 3000) == RecordResult::AttemptClosed);
  CHECK(attempt.answers.empty());
}

TEST_CASE("an answer to an unknown question is refused") {
  const Quiz quiz = quiz_of({right_wrong("q1")});
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 1, 1000);
  CHECK(record_answer(attempt, quiz, "nope", choice_answer({0}), 2000) == RecordResult::UnknownQuestion);
}

TEST_CASE("an answer that does not fit its question is refused") {
  const Quiz quiz = quiz_of({right_wrong("single"), matching({{"a", "1"}, {"b", "2"}}, "match")});
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 1, 1000);
  CHECK(record_answer(attempt, quiz, "single", choice_answer({0, 1}), 2000) == RecordResult::InvalidAnswer);
  CHECK(record_answer(attempt, quiz, "single", choice_answer({2}), 2000) == RecordResult::InvalidAnswer);
  CHECK(record_answer(attempt, quiz, "match", matching_answer({0}), 2000) == RecordResult::InvalidAnswer);
  CHECK(attempt.answers.empty());
}

TEST_CASE("every attempt at the quiz counts against its limit, never below zero") {
  Quiz quiz = quiz_of({});
  quiz.attempts = 2;
  QuizAttempt mine = start_attempt(quiz, "c", "m", "a", 1, 1000);
  QuizAttempt other = mine;
  other.quiz_id = "another-quiz";
  CHECK(attempts_left(quiz, {}) == 2);
  CHECK(attempts_left(quiz, {mine, other}) == 1);
  CHECK(attempts_left(quiz, {mine, mine, mine}) == 0);
}

TEST_CASE("unlimited attempts are reported as -1") {
  const Quiz quiz = quiz_of({});
  CHECK(attempts_left(quiz, {start_attempt(quiz, "c", "m", "a", 1, 1000)}) == -1);
}

// [SECTION] Practice checks ----------------------------------------------------------------------------

TEST_CASE("a practice check shows the chosen option's feedback, then the general feedback") {
  Question question = single_choice({option("right", 100, "Yes, guideline 1."), option("wrong", 0, "No.")}, "q1");
  question.general_feedback = "See guideline 1.";
  const Quiz quiz = quiz_of({question});
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 1, 1000);
  record_answer(attempt, quiz, "q1", choice_answer({1}), 2000);
  const std::optional<QuestionCheck> check = check_answer(attempt, quiz, "q1");
  REQUIRE(check);
  CHECK(check->verdict == Verdict::Wrong);
  CHECK(check->feedback == std::vector<std::string>{"No.", "See guideline 1."});
}

TEST_CASE("a practice check calls partial credit partial") {
  const Quiz quiz = quiz_of({multiple_response({option("a", 50), option("b", 50)}, "q1")});
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 1, 1000);
  record_answer(attempt, quiz, "q1", choice_answer({0}), 2000);
  CHECK(check_answer(attempt, quiz, "q1")->verdict == Verdict::Partial);
}

TEST_CASE("a practice check of an unanswered question shows no feedback") {
  Question question = right_wrong("q1");
  question.general_feedback = "General.";
  const Quiz quiz = quiz_of({question});
  const QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 1, 1000);
  const std::optional<QuestionCheck> check = check_answer(attempt, quiz, "q1");
  REQUIRE(check);
  CHECK(check->verdict == Verdict::Unanswered);
  CHECK(check->feedback.empty());
}

TEST_CASE("true/false feedback depends on whether the answer is right") {
  const Quiz quiz = quiz_of({true_false(false, "q1")});
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 1, 1000);
  record_answer(attempt, quiz, "q1", true_false_answer(true), 2000);
  CHECK(check_answer(attempt, quiz, "q1")->feedback == std::vector<std::string>{"Not quite."});
  record_answer(attempt, quiz, "q1", true_false_answer(false), 3000);
  CHECK(check_answer(attempt, quiz, "q1")->feedback == std::vector<std::string>{"Yes."});
}

TEST_CASE("an exam reveals nothing until it is submitted") {
  const Quiz quiz = quiz_of({right_wrong("q1")}, QuizKind::Posttest);
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 1, 1000);
  record_answer(attempt, quiz, "q1", choice_answer({0}), 2000);
  CHECK_FALSE(check_answer(attempt, quiz, "q1").has_value());
  submit_attempt(attempt, quiz, 70, 3000);
  CHECK(check_answer(attempt, quiz, "q1").has_value());
}

// [SECTION] Results and review ----------------------------------------------------------------------

TEST_CASE("the quiz score is the mean of the question scores") {
  const Quiz quiz = quiz_of({right_wrong("q1"), multiple_response({option("a", 50), option("b", 50)}, "q2")});
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 1, 1000);
  record_answer(attempt, quiz, "q1", choice_answer({0}), 2000);
  record_answer(attempt, quiz, "q2", choice_answer({1}), 2000);
  const QuizResult result = submit_attempt(attempt, quiz, 70, 3000);
  CHECK(result.percent == doctest::Approx(75));
  CHECK(attempt.score == doctest::Approx(0.75));
  CHECK(attempt.submitted);
  CHECK(attempt.finished_at == 3000);
}

TEST_CASE("a result passes when it reaches the pass mark exactly, and not a hair below") {
  CHECK(passes(0.7, 70));
  CHECK_FALSE(passes(2.0 / 3.0, 67));
}

TEST_CASE("the result is judged against the pass mark it is given") {
  const Quiz quiz = quiz_of({right_wrong("q1"), right_wrong("q2")});
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 1, 1000);
  record_answer(attempt, quiz, "q1", choice_answer({0}), 2000);
  CHECK(submit_attempt(attempt, quiz, 50, 3000).passed);
  CHECK_FALSE(review_attempt(attempt, quiz, 80).passed);
}

TEST_CASE("submitting twice keeps the first finish time and score") {
  const Quiz quiz = quiz_of({right_wrong("q1")});
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 1, 1000);
  record_answer(attempt, quiz, "q1", choice_answer({0}), 2000);
  submit_attempt(attempt, quiz, 70, 3000);
  const QuizResult again = submit_attempt(attempt, quiz, 70, 9000);
  CHECK(attempt.finished_at == 3000);
  CHECK(again.percent == doctest::Approx(100));
}

TEST_CASE("a submitted attempt keeps its score when the quiz is edited later") {
  Quiz quiz = quiz_of({right_wrong("q1")});
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 1, 1000);
  record_answer(attempt, quiz, "q1", choice_answer({0}), 2000);
  submit_attempt(attempt, quiz, 70, 3000);
  quiz.questions[0].choices[0].weight = 0;
  CHECK(review_attempt(attempt, quiz, 70).percent == doctest::Approx(100));
}

TEST_CASE("an empty quiz scores zero instead of dividing by zero") {
  const Quiz quiz = quiz_of({});
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 1, 1000);
  CHECK(submit_attempt(attempt, quiz, 70, 2000).percent == 0.0);
}

TEST_CASE("the review shows the learner's answer, the correct answer and the feedback") {
  Question question = single_choice({option("right", 100, "Good."), option("wrong", 0, "No.")}, "q1");
  question.general_feedback = "Why.";
  const Quiz quiz = quiz_of({question}, QuizKind::Pretest);
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 1, 1000);
  record_answer(attempt, quiz, "q1", choice_answer({1}), 2000);
  const QuizResult result = submit_attempt(attempt, quiz, 70, 3000);
  REQUIRE(result.questions.size() == 1);
  const QuestionReview& review = result.questions[0];
  CHECK(review.question_id == "q1");
  CHECK(review.verdict == Verdict::Wrong);
  CHECK(review.learner_answer == std::vector<ReviewText>{{"", "wrong", ""}});
  CHECK(review.correct_answer == std::vector<ReviewText>{{"", "right", ""}});
  CHECK(review.feedback == std::vector<std::string>{"No.", "Why."});
}

TEST_CASE("the review lists chosen options in the order the learner saw them") {
  const Quiz quiz = quiz_of({multiple_response({option("a", 25), option("b", 25), option("c", 25), option("d", 25)}, "q1")});
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 2024, 1000);
  record_answer(attempt, quiz, "q1", choice_answer({0, 1, 2, 3}), 2000);
  std::vector<std::string> shown;
  for (const int index : option_order(quiz, quiz.questions[0], 2024)) shown.push_back(quiz.questions[0].choices[index].text);
  const QuizResult result = review_attempt(attempt, quiz, 70);
  std::vector<std::string> reviewed;
  for (const ReviewText& line : result.questions[0].learner_answer) reviewed.push_back(line.text);
  CHECK(reviewed == shown);
}

TEST_CASE("the review of a matching question pairs each left item with the chosen right-hand side") {
  const Quiz quiz = quiz_of({matching({{"act", "recruitment"}, {"means", "deception"}}, "q1")});
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 1, 1000);
  record_answer(attempt, quiz, "q1", matching_answer({1, -1}), 2000);
  const QuestionReview review = review_attempt(attempt, quiz, 70).questions[0];
  CHECK(review.learner_answer ==
        std::vector<ReviewText>{{"act", "deception", ""}, {"means", "", "quiz.no_answer"}});
  CHECK(review.correct_answer == std::vector<ReviewText>{{"act", "recruitment", ""}, {"means", "deception", ""}});
}

TEST_CASE("the review names true and false by interface key, for translation") {
  const Quiz quiz = quiz_of({true_false(false, "q1")});
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 1, 1000);
  record_answer(attempt, quiz, "q1", true_false_answer(true), 2000);
  const QuestionReview review = review_attempt(attempt, quiz, 70).questions[0];
  CHECK(review.learner_answer == std::vector<ReviewText>{{"", "", "quiz.true"}});
  CHECK(review.correct_answer == std::vector<ReviewText>{{"", "", "quiz.false"}});
}

TEST_CASE("the review shows a numeric range with a dash and the typed text as typed") {
  const Quiz quiz = quiz_of({numeric_question({range(10, 14.5)}, "q1")});
  QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 1, 1000);
  record_answer(attempt, quiz, "q1", numeric_answer(" 12,5 "), 2000);
  const QuestionReview review = review_attempt(attempt, quiz, 70).questions[0];
  CHECK(review.learner_answer == std::vector<ReviewText>{{"", "12,5", ""}});
  CHECK(review.correct_answer == std::vector<ReviewText>{{"", "10–14.5", ""}});
  CHECK(review.verdict == Verdict::Right);
}

TEST_CASE("an unanswered question's review has no learner answer") {
  const Quiz quiz = quiz_of({right_wrong("q1")});
  const QuizAttempt attempt = start_attempt(quiz, "c", "m", "a", 1, 1000);
  const QuestionReview review = review_attempt(attempt, quiz, 70).questions[0];
  CHECK(review.verdict == Verdict::Unanswered);
  CHECK(review.learner_answer.empty());
  CHECK(review.correct_answer.size() == 1);
}
