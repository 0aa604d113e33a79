// quiz.cpp — answers, Moodle scoring, seeded option order, practice checks, results and review.
//
// [SECTION] Answers
// [SECTION] Numbers as learners type them
// [SECTION] Short answers: normalising text
// [SECTION] Scoring
// [SECTION] Option order
// [SECTION] Attempts
// [SECTION] Checking and reviewing
#include "core/quiz.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text_util.h"

namespace siaga {

namespace {

bool index_in(int index, size_t size) { return index >= 0 && static_cast<size_t>(index) < size; }

double clamp_fraction(double value) { return std::clamp(value, 0.0, 1.0); }

const Question* find_question(const Quiz& quiz, std::string_view question_id) {
  for (const Question& question : quiz.questions)
    if (question.id == question_id) return &question;
  return nullptr;
}

}  // namespace

// [SECTION] Answers ---------------------------------------------------------------------------------

Answer choice_answer(std::vector<int> chosen) {
  std::sort(chosen.begin(), chosen.end());
  chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
  Answer answer;
  answer.answered = !chosen.empty();
  answer.chosen = std::move(chosen);
  return answer;
}

Answer true_false_answer(bool value) {
  Answer answer;
  answer.truth = value;
  answer.answered = true;
  return answer;
}

Answer matching_answer(std::vector<int> matches) {
  Answer answer;
  answer.answered = std::any_of(matches.begin(), matches.end(), [](int match) { return match >= 0; });
  answer.matches = std::move(matches);
  return answer;
}

Answer short_answer(std::string text) {
  Answer answer;
  answer.answered = !text::is_blank(text);
  answer.text = std::move(text);
  return answer;
}

Answer numeric_answer(std::string raw_text) {
  Answer answer;
  if (const std::optional<double> number = parse_learner_number(raw_text)) {
    answer.number = *number;
    answer.answered = true;
  }
  answer.text = std::move(raw_text);
  return answer;
}

// [SECTION] Numbers as learners type them -----------------------------------------------------------

namespace {

// Built from integers, like the content parser's numbers, so a typed "0,3" equals an authored 0.3 exactly.
double decimal_value(std::string_view whole_digits, std::string_view fraction_digits) {
  uint64_t mantissa = 0;
  for (const char c : whole_digits) mantissa = mantissa * 10 + static_cast<uint64_t>(c - '0');
  for (const char c : fraction_digits) mantissa = mantissa * 10 + static_cast<uint64_t>(c - '0');
  return static_cast<double>(mantissa) / std::pow(10.0, static_cast<double>(fraction_digits.size()));
}

// "12,345", "1,234,567": a first group of 1 to 3 digits, then groups of exactly 3.
bool grouped_in_thousands(std::string_view whole, char mark) {
  const size_t first = whole.find(mark);
  if (first == 0 || first > 3) return false;
  for (size_t at = first; at != std::string_view::npos; at = whole.find(mark, at + 1)) {
    const size_t next = whole.find(mark, at + 1);
    if ((next == std::string_view::npos ? whole.size() : next) - at - 1 != 3) return false;
  }
  return true;
}

std::string without(std::string_view text, char mark) {
  std::string out;
  for (const char c : text)
    if (c != mark) out += c;
  return out;
}

}  // namespace

std::vector<double> learner_number_readings(std::string_view typed) {
  const std::string western = text::western_digits(typed);  // ۱۲ and ١٢ are 12
  std::string_view text = text::trim(western);
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  const auto dots = std::count(text.begin(), text.end(), '.');
  const auto commas = std::count(text.begin(), text.end(), ',');
  const auto digits = static_cast<long>(text.size()) - dots - commas;
  const bool only_digits_and_marks =
      std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == ','; });
  if (!only_digits_and_marks || digits == 0 || digits > 15) return {};

  std::vector<double> readings;
  if (dots == 0 && commas == 0) {
    readings.push_back(decimal_value(text, ""));
  } else if (dots > 0 && commas > 0) {
    const size_t decimal_at = text.find_last_of(".,");
    const char decimal_mark = text[decimal_at];
    const char group_mark = decimal_mark == '.' ? ',' : '.';
    const std::string_view whole = text.substr(0, decimal_at);
    if (whole.find(decimal_mark) == std::string_view::npos && grouped_in_thousands(whole, group_mark))
      readings.push_back(decimal_value(without(whole, group_mark), text.substr(decimal_at + 1)));
  } else if (const char mark = dots > 0 ? '.' : ','; dots + commas > 1) {
    if (grouped_in_thousands(text, mark)) readings.push_back(decimal_value(without(text, mark), ""));
  } else {
    const size_t at = text.find(mark);
    const std::string_view whole = text.substr(0, at);
    const std::string_view fraction = text.substr(at + 1);
    readings.push_back(decimal_value(whole, fraction));
    if (fraction.size() == 3 && !whole.empty() && whole.size() <= 3 && whole.front() != '0')
      readings.push_back(decimal_value(std::string(whole) + std::string(fraction), ""));
  }
  if (negative)
    for (double& reading : readings) reading = -reading;
  return readings;
}

std::optional<double> parse_learner_number(std::string_view text) {
  const std::vector<double> readings = learner_number_readings(text);
  if (readings.empty()) return std::nullopt;
  return readings.front();
}

// [SECTION] Short answers: normalising text ----------------------------------------------------------

namespace {

// Lowercase of one code point in Latin-1 Supplement or Latin Extended-A (the non-ASCII letters the
// portal's fonts carry); anything else is returned unchanged.
char32_t latin_lower(char32_t c) {
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c == 0x130) return U'i';  // İ: simple case mapping
  if (c == 0x178) return 0xFF;  // Ÿ -> ÿ
  const bool even_upper = (c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177);
  const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
  if ((even_upper && c % 2 == 0) || (odd_upper && c % 2 == 1)) return c + 1;
  return c;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else {  // only two-byte code points reach here (U+0080..U+07FF)
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

std::string normalize_short_answer(std::string_view input) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < input.size(); ++i) {
    const auto byte = static_cast<unsigned char>(input[i]);
    // Lead bytes C2..C5 start U+0080..U+017F: the only non-ASCII range that needs folding.
    const bool two_byte = byte >= 0xC2 && byte <= 0xC5 && i + 1 < input.size() &&
                          (static_cast<unsigned char>(input[i + 1]) & 0xC0) == 0x80;
    const char32_t code = two_byte ? ((byte & 0x1F) << 6) | (static_cast<unsigned char>(input[i + 1]) & 0x3F) : byte;
    if (text::is_space(static_cast<char>(byte)) || code == 0xA0) {  // 0xA0: no-break space
      pending_space = !out.empty();
      if (two_byte) ++i;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    if (two_byte) {
      append_utf8(out, latin_lower(code));
      ++i;
    } else {
      out += text::ascii_lower(static_cast<char>(byte));
    }
  }
  return out;
}

// [SECTION] Scoring ---------------------------------------------------------------------------------

namespace {

// The first accepted answer equal to the text (Moodle checks answers in authored order), or -1.
int matching_short_answer(const Question& question, std::string_view typed) {
  const std::string wanted = normalize_short_answer(typed);
  for (size_t i = 0; i < question.choices.size(); ++i)
    if (normalize_short_answer(question.choices[i].text) == wanted) return static_cast<int>(i);
  return -1;
}

// The first numeric range holding the number, or -1. A hair of slack so a typed 0.3 is inside a
// range ending at an authored 0.3 whatever the rounding of the arithmetic that built them.
int matching_numeric_answer(const Question& question, double number) {
  const double slack = 1e-9 * std::max(1.0, std::fabs(number));
  for (size_t i = 0; i < question.numeric.size(); ++i)
    if (number >= question.numeric[i].min - slack && number <= question.numeric[i].max + slack)
      return static_cast<int>(i);
  return -1;
}

// The range matched by the best-scoring reading of the typed text (or of `number` when the text has
// no reading), or -1.
int best_numeric_answer(const Question& question, const Answer& answer) {
  std::vector<double> readings = learner_number_readings(answer.text);
  if (readings.empty()) readings.push_back(answer.number);
  int best = -1;
  for (const double reading : readings) {
    if (!std::isfinite(reading)) continue;
    const int match = matching_numeric_answer(question, reading);
    if (match >= 0 && (best < 0 || question.numeric[match].weight > question.numeric[best].weight)) best = match;
  }
  return best;
}

// Distractors (pairs with no left side) are offered as options but are not items to match.
double score_matching(const Question& question, const std::vector<int>& matches) {
  size_t items = 0, right = 0;
  for (const MatchPair& pair : question.pairs) items += pair.is_distractor() ? 0 : 1;
  if (items == 0) return 0;
  for (size_t left = 0; left < question.pairs.size() && left < matches.size(); ++left) {
    if (question.pairs[left].is_distractor()) continue;
    const int picked = matches[left];
    // Compared by text, so two pairs sharing a right-hand side accept either.
    if (index_in(picked, question.pairs.size()) && question.pairs[picked].right == question.pairs[left].right) ++right;
  }
  return static_cast<double>(right) / static_cast<double>(items);
}

}  // namespace

double score_question(const Question& question, const Answer& answer) {
  if (!answer.answered) return 0;
  switch (question.type) {
    case QuestionType::SingleChoice: {
      if (answer.chosen.empty() || !index_in(answer.chosen.front(), question.choices.size())) return 0;
      return clamp_fraction(question.choices[answer.chosen.front()].weight / 100.0);
    }
    case QuestionType::MultipleResponse: {
      double total = 0;
      std::vector<bool> counted(question.choices.size(), false);
      for (const int index : answer.chosen) {
        if (!index_in(index, question.choices.size()) || counted[index]) continue;
        counted[index] = true;
        total += question.choices[index].weight;
      }
      return clamp_fraction(total / 100.0);
    }
    case QuestionType::TrueFalse:
      return answer.truth == question.truth ? 1.0 : 0.0;
    case QuestionType::Matching:
      return score_matching(question, answer.matches);
    case QuestionType::ShortAnswer: {
      const int match = matching_short_answer(question, answer.text);
      return match < 0 ? 0.0 : clamp_fraction(question.choices[match].weight / 100.0);
    }
    case QuestionType::Numeric: {
      const int match = best_numeric_answer(question, answer);
      return match < 0 ? 0.0 : clamp_fraction(question.numeric[match].weight / 100.0);
    }
    case QuestionType::Description:
    case QuestionType::Essay:
      return 0;
  }
  return 0;
}

// [SECTION] Option order ----------------------------------------------------------------------------

namespace {

// FNV-1a: folds the question id into the seed so each question of an attempt is shuffled differently.
uint64_t hash_id(std::string_view id) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (const char c : id) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  return hash;
}

// splitmix64 (Steele, Lea, Flood 2014): tiny, and identical on every platform, so the order seen in
// the browser is the order a native test computes.
class SplitMix64 {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }

 private:
  uint64_t state_;
};

size_t shown_option_count(const Question& question) {
  switch (question.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleResponse:
      return question.choices.size();
    case QuestionType::Matching:
      return question.pairs.size();
    case QuestionType::TrueFalse:
    case QuestionType::ShortAnswer:
    case QuestionType::Numeric:
    case QuestionType::Description:
    case QuestionType::Essay:
      return 0;
  }
  return 0;
}

std::vector<int> identity_order(size_t count) {
  std::vector<int> order(count);
  for (size_t i = 0; i < count; ++i) order[i] = static_cast<int>(i);
  return order;
}

}  // namespace

std::vector<int> option_order(const Question& question, uint64_t seed) {
  std::vector<int> order = identity_order(shown_option_count(question));
  SplitMix64 random(seed ^ hash_id(question.id));
  for (size_t i = order.size(); i > 1; --i) {  // Fisher-Yates
    const size_t j = static_cast<size_t>(random.next() % i);
    std::swap(order[i - 1], order[j]);
  }
  return order;
}

std::vector<int> option_order(const Quiz& quiz, const Question& question, uint64_t seed) {
  if (!quiz.shuffle) return identity_order(shown_option_count(question));
  return option_order(question, seed);
}

// [SECTION] Attempts --------------------------------------------------------------------------------

QuizMode mode_for(const Quiz& quiz) { return quiz.kind == QuizKind::Module ? QuizMode::Practice : QuizMode::Exam; }

QuizAttempt start_attempt(const Quiz& quiz, std::string_view course_id, std::string_view module_id,
                          std::string attempt_id, uint64_t seed, int64_t now) {
  QuizAttempt attempt;
  attempt.id = std::move(attempt_id);
  attempt.course_id = std::string(course_id);
  attempt.module_id = std::string(module_id);
  attempt.quiz_id = quiz.id;
  attempt.seed = seed;
  attempt.mode = mode_for(quiz);
  attempt.started_at = now;
  attempt.updated_at = now;
  return attempt;
}

namespace {

bool answer_fits(const Question& question, const Answer& answer) {
  const auto all_in = [](const std::vector<int>& indexes, size_t size) {
    return std::all_of(indexes.begin(), indexes.end(), [size](int i) { return index_in(i, size); });
  };
  switch (question.type) {
    case QuestionType::SingleChoice:
      return answer.chosen.size() <= 1 && all_in(answer.chosen, question.choices.size());
    case QuestionType::MultipleResponse: {
      std::vector<int> sorted = answer.chosen;
      std::sort(sorted.begin(), sorted.end());
      return all_in(sorted, question.choices.size()) && std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
    }
    case QuestionType::Matching:
      for (size_t left = 0; left < answer.matches.size() && left < question.pairs.size(); ++left)
        if (question.pairs[left].is_distractor() && answer.matches[left] != -1) return false;
      return (answer.matches.empty() || answer.matches.size() == question.pairs.size()) &&
             std::all_of(answer.matches.begin(), answer.matches.end(),
                         [&](int i) { return i == -1 || index_in(i, question.pairs.size()); });
    case QuestionType::Numeric:
      return std::isfinite(answer.number);
    case QuestionType::TrueFalse:
    case QuestionType::ShortAnswer:
      return true;
    case QuestionType::Description:
    case QuestionType::Essay:
      return false;  // nothing to answer: an essay prompt is discussed, not typed in
  }
  return false;
}

}  // namespace

RecordResult record_answer(QuizAttempt& attempt, const Quiz& quiz, std::string_view question_id, Answer answer,
                           int64_t now) {
  if (attempt.submitted) return RecordResult::AttemptClosed;
  const Question* question = find_question(quiz, question_id);
  if (question == nullptr) return RecordResult::UnknownQuestion;
  if (!answer_fits(*question, answer)) return RecordResult::InvalidAnswer;
  attempt.answers[question->id] = std::move(answer);
  attempt.updated_at = std::max(attempt.updated_at, now);
  return RecordResult::Recorded;
}

int attempts_left(const Quiz& quiz, const std::vector<QuizAttempt>& previous) {
  if (quiz.attempts <= 0) return -1;
  const auto used = std::count_if(previous.begin(), previous.end(),
                                  [&](const QuizAttempt& attempt) { return attempt.quiz_id == quiz.id; });
  return std::max(0, quiz.attempts - static_cast<int>(used));
}

// [SECTION] Checking and reviewing ------------------------------------------------------------------

Verdict verdict_for(bool answered, double fraction) {
  if (!answered) return Verdict::Unanswered;
  if (fraction >= 1.0 - 1e-9) return Verdict::Right;
  if (fraction <= 1e-9) return Verdict::Wrong;
  return Verdict::Partial;
}

namespace {

const Answer kNoAnswer{};

const Answer& answer_to(const QuizAttempt& attempt, const Question& question) {
  const auto it = attempt.answers.find(question.id);
  return it == attempt.answers.end() ? kNoAnswer : it->second;
}

bool is_chosen(const Answer& answer, int index) {
  return std::find(answer.chosen.begin(), answer.chosen.end(), index) != answer.chosen.end();
}

// The chosen options' feedback in display order, then the general feedback; nothing when unanswered.
std::vector<std::string> feedback_for(const Question& question, const Answer& answer, const std::vector<int>& order) {
  std::vector<std::string> feedback;
  const auto add = [&feedback](const std::string& text) {
    if (!text.empty()) feedback.push_back(text);
  };
  if (!is_scored(question)) add(question.general_feedback);  // an essay's notes for the discussion
  if (!answer.answered) return feedback;
  switch (question.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleResponse:
      for (const int index : order)
        if (is_chosen(answer, index)) add(question.choices[index].feedback);
      break;
    case QuestionType::TrueFalse:
      add(answer.truth == question.truth ? question.feedback_right : question.feedback_wrong);
      break;
    case QuestionType::ShortAnswer:
      if (const int match = matching_short_answer(question, answer.text); match >= 0)
        add(question.choices[match].feedback);
      break;
    case QuestionType::Numeric:
      if (const int match = best_numeric_answer(question, answer); match >= 0) add(question.numeric[match].feedback);
      break;
    case QuestionType::Matching:
      break;  // pairs carry no feedback (the content checker warns about it)
    case QuestionType::Description:
    case QuestionType::Essay:
      return feedback;  // never answered; the general feedback is already in
  }
  add(question.general_feedback);
  return feedback;
}

std::string format_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

ReviewText truth_text(bool value) { return ReviewText{"", "", value ? "quiz.true" : "quiz.false"}; }

std::vector<ReviewText> learner_answer_text(const Question& question, const Answer& answer,
                                            const std::vector<int>& order) {
  std::vector<ReviewText> lines;
  if (!answer.answered) return lines;
  switch (question.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleResponse:
      for (const int index : order)
        if (is_chosen(answer, index)) lines.push_back({"", question.choices[index].text, ""});
      break;
    case QuestionType::TrueFalse:
      lines.push_back(truth_text(answer.truth));
      break;
    case QuestionType::Matching:
      for (size_t left = 0; left < question.pairs.size(); ++left) {
        if (question.pairs[left].is_distractor()) continue;
        const int picked = left < answer.matches.size() ? answer.matches[left] : -1;
        if (index_in(picked, question.pairs.size()))
          lines.push_back({question.pairs[left].left, question.pairs[picked].right, ""});
        else
          lines.push_back({question.pairs[left].left, "", "quiz.no_answer"});
      }
      break;
    case QuestionType::ShortAnswer:
    case QuestionType::Numeric:
      lines.push_back({"", std::string(text::trim(answer.text)), ""});
      break;
    case QuestionType::Description:
    case QuestionType::Essay:
      break;
  }
  return lines;
}

std::vector<ReviewText> correct_answer_text(const Question& question, const std::vector<int>& order) {
  std::vector<ReviewText> lines;
  double best_weight = 0;
  for (const Choice& choice : question.choices) best_weight = std::max(best_weight, choice.weight);
  switch (question.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleResponse: {
      // Single choice: the full-credit option(s); multiple response: every option that earns credit.
      const bool single = question.type == QuestionType::SingleChoice;
      for (const int index : order) {
        const double weight = question.choices[index].weight;
        if (single ? (weight > 0 && weight >= best_weight) : weight > 0)
          lines.push_back({"", question.choices[index].text, ""});
      }
      break;
    }
    case QuestionType::TrueFalse:
      lines.push_back(truth_text(question.truth));
      break;
    case QuestionType::Matching:
      for (const MatchPair& pair : question.pairs)
        if (!pair.is_distractor()) lines.push_back({pair.left, pair.right, ""});
      break;
    case QuestionType::ShortAnswer:
      for (const Choice& choice : question.choices)
        if (choice.weight > 0 && choice.weight >= best_weight) lines.push_back({"", choice.text, ""});
      break;
    case QuestionType::Numeric: {
      double best_numeric = 0;
      for (const NumericAnswer& range : question.numeric) best_numeric = std::max(best_numeric, range.weight);
      for (const NumericAnswer& range : question.numeric) {
        if (range.weight <= 0 || range.weight < best_numeric) continue;
        const std::string text = range.min == range.max ? format_number(range.min)
                                                        : format_number(range.min) + "–" + format_number(range.max);
        lines.push_back({"", text, ""});
      }
      break;
    }
    case QuestionType::Description:
    case QuestionType::Essay:
      break;
  }
  return lines;
}

// Every scored question counts the same, as with Moodle's default mark of 1 per question; description
// items and essay prompts count for nothing, as Moodle's have a mark of 0.
double mean_score(const QuizAttempt& attempt, const Quiz& quiz) {
  double total = 0;
  size_t scored = 0;
  for (const Question& question : quiz.questions) {
    if (!is_scored(question)) continue;
    total += score_question(question, answer_to(attempt, question));
    ++scored;
  }
  return scored == 0 ? 0 : total / static_cast<double>(scored);
}

}  // namespace

std::optional<QuestionCheck> check_answer(const QuizAttempt& attempt, const Quiz& quiz, std::string_view question_id) {
  if (attempt.mode == QuizMode::Exam && !attempt.submitted) return std::nullopt;
  const Question* question = find_question(quiz, question_id);
  if (question == nullptr) return std::nullopt;
  const Answer& answer = answer_to(attempt, *question);
  QuestionCheck check;
  check.fraction = score_question(*question, answer);
  check.verdict = verdict_for(answer.answered, check.fraction);
  check.feedback = feedback_for(*question, answer, option_order(quiz, *question, attempt.seed));
  return check;
}

QuizResult review_attempt(const QuizAttempt& attempt, const Quiz& quiz, int pass_percent) {
  QuizResult result;
  result.pass_percent = pass_percent;
  for (const Question& question : quiz.questions) {
    const Answer& answer = answer_to(attempt, question);
    const std::vector<int> order = option_order(quiz, question, attempt.seed);
    QuestionReview review;
    review.question_id = question.id;
    review.fraction = score_question(question, answer);
    review.verdict = verdict_for(answer.answered, review.fraction);
    review.learner_answer = learner_answer_text(question, answer, order);
    review.correct_answer = correct_answer_text(question, order);
    review.feedback = feedback_for(question, answer, order);
    result.questions.push_back(std::move(review));
  }
  // A submitted attempt keeps the score it was given, even if an author has edited the quiz since.
  const double score = attempt.submitted ? attempt.score : mean_score(attempt, quiz);
  result.percent = score * 100.0;
  result.passed = passes(score, pass_percent);
  return result;
}

QuizResult submit_attempt(QuizAttempt& attempt, const Quiz& quiz, int pass_percent, int64_t now) {
  if (!attempt.submitted) {
    attempt.score = mean_score(attempt, quiz);
    attempt.submitted = true;
    attempt.finished_at = now;
    attempt.updated_at = std::max(attempt.updated_at, now);
  }
  return review_attempt(attempt, quiz, pass_percent);
}

bool passes(double score, int pass_percent) { return score * 100.0 + 1e-9 >= pass_percent; }

}  // namespace siaga
