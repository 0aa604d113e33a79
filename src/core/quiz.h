// quiz.h — taking a quiz: the learner's answers, scoring with Moodle's semantics, the per-attempt
// option order, practice checks, and the result and review after submitting.
//
// Why it looks like this:
// - Answers refer to options by their index in the AUTHORED order (Question::choices, Question::pairs),
//   never by the order they were shown in, so a stored answer means the same thing whatever the shuffle.
// - The shuffle is a pure function of the attempt's seed and the question id; the seed is stored with
//   the attempt, so resuming or reviewing shows the options in the order the learner first saw them.
// - Time and seeds are passed in (core reads no clock and invents no randomness).
// - Module quizzes are practice (check an answer, read its feedback, try again); pretest and posttest
//   quizzes are exams (nothing is revealed until the attempt is submitted).
//
// [SECTION] Answers
// [SECTION] Scoring
// [SECTION] Option order
// [SECTION] Attempts
// [SECTION] Checking and reviewing
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"

namespace siaga {

// [SECTION] Answers ---------------------------------------------------------------------------------

// One learner's answer to one question. Which fields matter depends on the question's type; the others
// stay at their defaults. Build answers with the *_answer functions below so `answered` is right.
struct Answer {
  std::vector<int> chosen;   // SingleChoice (at most one), MultipleResponse: indexes into Question::choices
  bool truth = false;        // TrueFalse
  std::vector<int> matches;  // Matching: for each left item (Question::pairs order), the index of the pair
                             // whose right-hand side was picked; -1 = nothing picked yet
  std::string text;          // ShortAnswer: as typed; Numeric: the raw text as typed (shown back as is)
  double number = 0;         // Numeric: the value of `text`, when it is a number
  bool answered = false;     // false: unanswered, scores 0 whatever the fields say

  bool operator==(const Answer&) const = default;
};

Answer choice_answer(std::vector<int> chosen);
Answer true_false_answer(bool value);
Answer matching_answer(std::vector<int> matches);
Answer short_answer(std::string text);
// Keeps the raw text; answered only if it reads as a number (see learner_number_readings).
Answer numeric_answer(std::string raw_text);

// What a number typed by a learner can mean. English writes 10,195.5 and Indonesian 10.195,5, so:
// - "." and "," both present: the last one is the decimal mark, the other groups thousands;
// - one mark used several times ("1.000.000"): it groups thousands;
// - one mark once, with exactly three digits after it and a whole part of 1 to 3 digits not starting
//   with 0 ("10,195"): ambiguous, two readings, the decimal one first (10.195, then 10195);
// - otherwise one mark is the decimal mark ("3,5", "0.125").
// Optional sign; no exponents, no spaces inside; at most 15 digits. Empty when it is not a number.
// A numeric answer earns the credit of whichever reading scores best: the two readings of an
// ambiguous answer differ a thousandfold, so at most one is ever what the question asks for.
std::vector<double> learner_number_readings(std::string_view text);

// The first reading, if any.
std::optional<double> parse_learner_number(std::string_view text);

// [SECTION] Scoring ---------------------------------------------------------------------------------

// The question's score as a fraction 0..1, Moodle's way:
// - single choice: the chosen option's weight / 100;
// - multiple response: the sum of the chosen options' weights / 100, clamped to 0..1;
// - true/false: 1 if it matches, else 0;
// - matching: the share of left items given the right right-hand side (partial credit per pair;
//   distractors, pairs with no left side, are options only);
// - description items and essay prompts: 0, and they count in no quiz score (is_scored);
// - short answer: the weight / 100 of the accepted answer equal to the text, ignoring case, outer
//   spaces and repeated inner spaces;
// - numeric: the weight / 100 of the first range containing the number (the best-scoring reading of the
//   typed text, or `number` when there is no text);
// - unanswered: 0.
// Indexes that no longer exist (the content changed since) count as nothing chosen, never a crash.
double score_question(const Question& question, const Answer& answer);

// Short answers compare after this: lowercase (ASCII, Latin-1 and Latin Extended-A, the letters our
// fonts carry), trimmed, inner runs of spaces (and no-break spaces) collapsed to one space.
std::string normalize_short_answer(std::string_view text);

// [SECTION] Option order ----------------------------------------------------------------------------

// The display order of a question's options: a permutation of Question::choices (choice types) or of
// Question::pairs' right-hand sides (matching). display position -> authored index. Deterministic from
// the seed and the question id, so each question of an attempt gets its own order. Empty for
// true/false, short answer and numeric, which show no options (a short answer's accepted answers are
// never shown before review).
std::vector<int> option_order(const Question& question, uint64_t seed);
// As above, but the identity when the quiz has shuffle=no (authors turn it off for options like
// "all of the above" or ordered scales).
std::vector<int> option_order(const Quiz& quiz, const Question& question, uint64_t seed);

// [SECTION] Attempts --------------------------------------------------------------------------------

enum class QuizMode {
  Practice,  // module quizzes: check each answer and see its feedback, change it, check again
  Exam,      // pretest / posttest: answers and feedback hidden until the attempt is submitted
};

QuizMode mode_for(const Quiz& quiz);

struct QuizAttempt {
  std::string id;         // unique among the learner's attempts; chosen by the caller (e.g. from the seed)
  std::string course_id;
  std::string module_id;
  std::string quiz_id;
  uint64_t seed = 0;      // drives option_order; stored so review shows the same order
  QuizMode mode = QuizMode::Practice;
  int64_t started_at = 0;   // unix ms
  int64_t finished_at = 0;  // unix ms; 0 until submitted
  int64_t updated_at = 0;   // unix ms of the last change: merging keeps the later copy of an attempt
  std::map<std::string, Answer> answers;  // by question id
  bool submitted = false;
  double score = 0;       // 0..1, the mean of the question scores; set when submitted

  bool operator==(const QuizAttempt&) const = default;
};

QuizAttempt start_attempt(const Quiz& quiz, std::string_view course_id, std::string_view module_id,
                          std::string attempt_id, uint64_t seed, int64_t now);

enum class RecordResult {
  Recorded,
  AttemptClosed,    // the attempt was submitted; its answers are final
  UnknownQuestion,  // no question with that id in the quiz
  InvalidAnswer,    // indexes out of range, several choices for a single-choice question, ...
};

RecordResult record_answer(QuizAttempt& attempt, const Quiz& quiz, std::string_view question_id, Answer answer,
                           int64_t now);

// How many more attempts the learner may start: -1 when the quiz allows unlimited attempts. Every
// attempt at this quiz in `previous` counts, submitted or not (resume an open attempt rather than
// starting a new one).
int attempts_left(const Quiz& quiz, const std::vector<QuizAttempt>& previous);

// [SECTION] Checking and reviewing ------------------------------------------------------------------

enum class Verdict { Unanswered, Wrong, Partial, Right };

Verdict verdict_for(bool answered, double fraction);

// Practice mode: what to show after "Check".
struct QuestionCheck {
  Verdict verdict = Verdict::Unanswered;
  double fraction = 0;
  std::vector<std::string> feedback;  // the chosen options' feedback, then the general feedback (inline Markdown)
};

// nullopt when nothing may be revealed yet: an exam that is not submitted, or an unknown question.
std::optional<QuestionCheck> check_answer(const QuizAttempt& attempt, const Quiz& quiz, std::string_view question_id);

// One line of an answer in the review. Content text is inline Markdown as authored (or as the learner
// typed it); true/false values are interface strings, so the UI can translate them.
struct ReviewText {
  std::string label;   // Matching: the left item; otherwise empty
  std::string text;    // the option, accepted answer, typed text or number ("40–45" for a range)
  std::string ui_key;  // when set, show the interface string with this key instead of `text`
                       // ("quiz.true", "quiz.false", "quiz.no_answer" for an unmatched left item)

  bool operator==(const ReviewText&) const = default;
};

struct QuestionReview {
  std::string question_id;
  Verdict verdict = Verdict::Unanswered;
  double fraction = 0;
  std::vector<ReviewText> learner_answer;  // empty when unanswered
  std::vector<ReviewText> correct_answer;  // the full-credit answer(s)
  std::vector<std::string> feedback;       // as in QuestionCheck
};

struct QuizResult {
  double percent = 0;    // 0..100
  int pass_percent = 0;  // the course's pass mark the result was judged against
  bool passed = false;
  std::vector<QuestionReview> questions;  // in the quiz's question order
};

// Freezes the answers, records the finish time and the score. Submitting twice changes nothing and
// returns the same result.
QuizResult submit_attempt(QuizAttempt& attempt, const Quiz& quiz, int pass_percent, int64_t now);

// The result and review of an attempt as it stands, changing nothing (for reviewing a past attempt).
QuizResult review_attempt(const QuizAttempt& attempt, const Quiz& quiz, int pass_percent);

// The pass rule, shared by results and course completion: score (0..1) reaches the pass mark (percent).
bool passes(double score, int pass_percent);

}  // namespace siaga
