// quiz_view.cpp — taking a quiz inside a lesson section, and its result and review.
//
// Practice quizzes (module quizzes) show a Check button per question: the verdict and feedback appear
// under it, and changing the answer hides them again. Exams (pretest/posttest) reveal nothing until
// the attempt is submitted. Every answer is an action the app saves at once, so closing the tab
// mid-quiz loses nothing and the same attempt resumes, options in the same order (from its seed).
//
// [SECTION] Answer widgets
// [SECTION] Feedback and review
// [SECTION] The quiz
#include <algorithm>
#include <cstring>
#include <string>

#include "imgui.h"
#include "core/result_code.h"
#include "core/result_file.h"
#include "ui/lesson_view.h"
#include "ui/theme.h"
#include "ui/view.h"
#include "ui/widgets.h"

namespace siaga::ui {

namespace {

std::string plain(std::string_view markdown) { return plain_text(inline_spans(markdown)); }

// "3. Question text": the number is added after parsing, or Markdown would read "3. " as a list.
std::vector<Span> numbered(size_t index, std::string_view markdown) {
  std::vector<Span> spans = inline_spans(markdown);
  spans.insert(spans.begin(), Span{.text = std::to_string(index + 1) + ". "});
  return spans;
}

LessonContext lesson_context(const View& v, const Course& course) {
  return LessonContext{&v.ui.fonts, &v.text, &v.out.actions, course.id};
}

// [SECTION] Answer widgets ----------------------------------------------------------------------------

struct QuestionContext {
  const View& v;
  const QuizAttempt& attempt;
  const Quiz& quiz;
  const Question& question;
  const Answer* answer;  // nullptr when unanswered
  bool locked;           // submitted: answers are final

  void answer_with(Answer a) const {
    if (locked) return;
    v.act(AnswerChosen{attempt.id, question.id, std::move(a)});
  }
};

void choice_options(const QuestionContext& q) {
  const bool multiple = q.question.type == QuestionType::MultipleResponse;
  const std::vector<int> order = option_order(q.quiz, q.question, q.attempt.seed);
  for (int index : order) {
    if (index < 0 || index >= static_cast<int>(q.question.choices.size())) continue;
    const std::string label = plain(q.question.choices[static_cast<size_t>(index)].text) + "##" + q.question.id + "-" +
                              std::to_string(index);
    std::vector<int> chosen = q.answer ? q.answer->chosen : std::vector<int>{};
    bool selected = std::find(chosen.begin(), chosen.end(), index) != chosen.end();
    if (multiple) {
      if (checkbox(label, &selected)) {
        if (selected) chosen.push_back(index);
        else chosen.erase(std::remove(chosen.begin(), chosen.end(), index), chosen.end());
        std::sort(chosen.begin(), chosen.end());
        q.answer_with(choice_answer(chosen));
      }
    } else if (radio(label, selected) && !selected) {
      q.answer_with(choice_answer({index}));
    }
  }
}

void true_false_options(const QuestionContext& q) {
  const bool answered = q.answer && q.answer->answered;
  for (bool value : {true, false}) {
    const std::string label = q.v.t(value ? "quiz.true" : "quiz.false") + "##" + q.question.id + (value ? "-t" : "-f");
    const bool selected = answered && q.answer->truth == value;
    if (radio(label, selected) && !selected) q.answer_with(true_false_answer(value));
  }
}

void matching_options(const QuestionContext& q) {
  const std::vector<int> order = option_order(q.quiz, q.question, q.attempt.seed);
  const size_t pairs = q.question.pairs.size();
  std::vector<int> matches = q.answer ? q.answer->matches : std::vector<int>{};
  matches.resize(pairs, -1);
  for (size_t left = 0; left < pairs; ++left) {
    ImGui::PushFont(q.v.ui.fonts.bold);
    text_wrapped(plain(q.question.pairs[left].left));
    ImGui::PopFont();
    ImGui::Indent(16);
    for (int right : order) {
      if (right < 0 || right >= static_cast<int>(pairs)) continue;
      const std::string label = plain(q.question.pairs[static_cast<size_t>(right)].right) + "##" + q.question.id + "-" +
                                std::to_string(left) + "-" + std::to_string(right);
      const bool selected = matches[left] == right;
      if (radio(label, selected) && !selected) {
        std::vector<int> next = matches;
        next[left] = right;
        q.answer_with(matching_answer(next));
      }
      // The accessible name says which item this choice matches, not just the choice.
      if (SemanticNode* node = last_node(); node && node->role == Role::Radio)
        node->name = plain(q.question.pairs[left].left) + ": " + node->name;
    }
    ImGui::Unindent(16);
  }
}

void typed_answer(const QuestionContext& q) {
  const std::string key = q.attempt.id + "/" + q.question.id;
  auto& typed = q.v.ui.typed_answers[key];
  if (typed.empty() && q.answer) typed = q.answer->text;
  char buffer[128];
  std::snprintf(buffer, sizeof buffer, "%s", typed.c_str());
  const std::string label = "##answer-" + q.question.id;
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 360.0f));
  ImGuiInputTextFlags flags = q.locked ? ImGuiInputTextFlags_ReadOnly : 0;
  if (q.question.type == QuestionType::Numeric) flags |= ImGuiInputTextFlags_CharsScientific;
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, (kTouchTarget - ImGui::GetFontSize()) * 0.5f));
  ImGui::InputText(label.c_str(), buffer, sizeof buffer, flags);
  ImGui::PopStyleVar();
  add_last_item(Role::TextField, q.v.t(q.question.type == QuestionType::Numeric ? "quiz.your_number" : "quiz.your_answer"));
  typed = buffer;
  // Saved when the learner leaves the field or presses Enter, not on every keystroke.
  if (ImGui::IsItemDeactivatedAfterEdit())
    q.answer_with(q.question.type == QuestionType::Numeric ? numeric_answer(typed) : short_answer(typed));
}

// An essay is shown as an ungraded reflection or discussion prompt: nothing is typed or stored (a
// learner's writing would stay on a shared device), and its general feedback gives points to discuss.
void essay_prompt(const QuestionContext& q) {
  ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
  text_wrapped(q.v.t("quiz.essay_note"));
  ImGui::PopStyleColor();
}

// [SECTION] Feedback and review -----------------------------------------------------------------------

unsigned int verdict_colour(Verdict verdict) {
  switch (verdict) {
    case Verdict::Right: return theme().success;
    case Verdict::Partial: return theme().warning;
    case Verdict::Wrong: return theme().error;
    case Verdict::Unanswered: break;
  }
  return theme().note;
}

const char* verdict_key(Verdict verdict) {
  switch (verdict) {
    case Verdict::Right: return "quiz.right";
    case Verdict::Partial: return "quiz.partial";
    case Verdict::Wrong: return "quiz.wrong";
    case Verdict::Unanswered: break;
  }
  return "quiz.unanswered";
}

std::string review_line(const View& v, const ReviewText& item) {
  std::string text = item.ui_key.empty() ? plain(item.text) : v.t(item.ui_key);
  return item.label.empty() ? text : plain(item.label) + ": " + text;
}

// A coloured panel: the verdict, then each piece of feedback. Its role is alert, so a screen reader
// announces it when it appears.
void feedback_panel(const View& v, const Course& course, Verdict verdict, const std::vector<std::string>& feedback,
                    const std::vector<ReviewText>* learner, const std::vector<ReviewText>* correct) {
  const LessonContext lesson = lesson_context(v, course);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, verdict_colour(verdict));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 10));
  ImGui::BeginChild("feedback", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
  std::string announced = v.t(verdict_key(verdict));
  ImGui::PushFont(v.ui.fonts.bold);
  ImGui::TextUnformatted(v.t(verdict_key(verdict)).c_str());
  ImGui::PopFont();
  const size_t first_node = node_count();
  add_last_item(Role::Alert, announced);
  if (learner) {
    std::string line = v.t("quiz.your_answer_was") + " ";
    if (learner->empty()) line += v.t("quiz.no_answer");
    for (size_t i = 0; i < learner->size(); ++i) line += (i ? "; " : "") + review_line(v, (*learner)[i]);
    text_wrapped(line);
    announced += ". " + line;
  }
  if (correct && verdict != Verdict::Right) {
    std::string line = v.t("quiz.correct_answer") + " ";
    for (size_t i = 0; i < correct->size(); ++i) line += (i ? "; " : "") + review_line(v, (*correct)[i]);
    text_wrapped(line);
    announced += ". " + line;
  }
  for (const std::string& text : feedback) {
    const std::vector<Span>& spans = inline_spans(text);
    rich_paragraph(spans, lesson, v.ui.fonts.body, theme().text);
    announced += ". " + plain_text(spans);
  }
  if (SemanticNode* node = node_at(first_node)) node->name = announced;
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

// The participant's result code after a pretest or posttest: they choose a label, then read the code
// aloud or send it (or download it as a result file) so the facilitator can build the class report.
// The label is kept in UiState for the session, so the posttest offers the one typed for the pretest.
void result_code_panel(const View& v, const Course& course, const Quiz& quiz, const QuizResult& result,
                       const QuizAttempt& attempt) {
  if (quiz.kind != QuizKind::Pretest && quiz.kind != QuizKind::Posttest) return;
  ImGui::PushID("result-code");
  heading(v.t("result_code.heading"), 3, v.ui.fonts.h3);
  text_wrapped(v.t("result_code.intro"));
  std::string& typed = v.ui.typed_answers["result-code/label"];
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s", typed.c_str());
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 360.0f));
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, (kTouchTarget - ImGui::GetFontSize()) * 0.5f));
  ImGui::InputText("##label", buffer, sizeof buffer);
  ImGui::PopStyleVar();
  add_last_item(Role::TextField, v.t("result_code.label"));
  typed = buffer;
  ImGui::SameLine();
  ImGui::TextUnformatted(v.t("result_code.label").c_str());

  const LabelOutcome label = normalize_label(typed);
  if (typed.empty()) {
    ImGui::PopID();
    return;
  }
  if (!label.error.empty()) {
    notice(v.tf("result_code.label_problem", {std::to_string(kMaxLabelLength)}), theme().warning);
    ImGui::PopID();
    return;
  }
  ResultRecord record;
  record.course_id = course.id;
  record.kind = quiz.kind == QuizKind::Pretest ? TestKind::Pretest : TestKind::Posttest;
  record.question_count = static_cast<int>(quiz.questions.size());
  for (size_t i = 0; i < result.questions.size() && i < 64; ++i)
    if (result.questions[i].verdict == Verdict::Right) record.right_mask |= uint64_t{1} << i;
  // Days since 2020-01-01 (UTC) of the moment the attempt was submitted.
  record.day = static_cast<int>(attempt.finished_at / 86'400'000LL - 18262);
  record.label = label.label;
  const std::string code = encode_result(record);
  if (code.empty()) {
    notice(v.tf("result_code.cannot", {record_problem(record)}), theme().warning);
    ImGui::PopID();
    return;
  }
  text_wrapped(v.tf("result_code.for", {record.label, v.t(record.kind == TestKind::Pretest ? "result_code.pretest"
                                                                                          : "result_code.posttest")}));
  ImGui::PushFont(v.ui.fonts.h1);
  ImGui::PushStyleColor(ImGuiCol_Text, theme().heading);
  ImGui::TextUnformatted(code.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
  add_last_item(Role::Text, v.tf("result_code.code", {code}));
  std::string file_label = record.label;
  std::replace(file_label.begin(), file_label.end(), ' ', '-');
  if (button(v.t("result_code.download")))
    v.act(DownloadResultFile{
        "siaga-" + std::string(test_kind_name(record.kind)) + "-" + course.id + "-" + file_label + ".json",
        result_file_json(record)});
  ImGui::PopID();
}

void draw_result(const View& v, const Course& course, const Quiz& quiz, const QuizAttempt& attempt) {
  const QuizResult result = review_attempt(attempt, quiz, course.pass_percent);
  const LearnerProgress& attempts = attempts_of(v.app, course.id);  // a bank practice's, or the learner's
  const QuizScores scores = quiz_scores(attempts, course.id, quiz.id);
  const std::string percent = std::to_string(static_cast<int>(result.percent + 0.5));
  heading(v.tf("quiz.result", {percent}), 3, v.ui.fonts.h3);
  // Ungraded checks (a workshop's pretest and posttest) measure, they are not passed or failed.
  if (quiz.graded)
    notice(v.tf(result.passed ? "quiz.passed" : "quiz.not_passed", {std::to_string(result.pass_percent)}),
           result.passed ? theme().success : theme().warning);
  if (scores.submitted > 1 && scores.best && scores.last)
    text_wrapped(v.tf("quiz.best_and_last", {std::to_string(static_cast<int>(*scores.best * 100 + 0.5)),
                                            std::to_string(static_cast<int>(*scores.last * 100 + 0.5))}));
  const int left = attempts_left(quiz, quiz_attempts(attempts, course.id, quiz.id));
  if (left != 0 && button(v.t("quiz.try_again"), true))
    v.act(StartQuiz{course.id, attempt.module_id, quiz.id});
  if (left > 0) text_wrapped(v.tf("quiz.attempts_left", {std::to_string(left)}));
  result_code_panel(v, course, quiz, result, attempt);
  if (quiz.graded) draw_certificate_actions(v, course);

  heading(v.t("quiz.review"), 3, v.ui.fonts.h3);
  size_t number = 0;  // as the quiz numbered them: description items have no number
  for (size_t i = 0; i < result.questions.size() && i < quiz.questions.size(); ++i) {
    const QuestionReview& review = result.questions[i];
    const Question& question = quiz.questions[i];
    if (question.type == QuestionType::Description) continue;  // text that was read, nothing to review
    ImGui::PushID(static_cast<int>(i));
    rich_paragraph(numbered(number++, question.text), lesson_context(v, course), v.ui.fonts.bold, theme().text);
    if (question.type == QuestionType::Essay) {  // not marked: its general feedback is points to discuss
      muted(v.t("quiz.essay_note"));
      for (const std::string& points : review.feedback)
        rich_paragraph(inline_spans(points), lesson_context(v, course), v.ui.fonts.body, theme().text);
    } else {
      feedback_panel(v, course, review.verdict, review.feedback, &review.learner_answer, &review.correct_answer);
    }
    ImGui::PopID();
    ImGui::Spacing();
  }
}

}  // namespace

// [SECTION] The quiz ----------------------------------------------------------------------------------

void draw_quiz(const View& v, const Course& course, const Module& module, const Quiz& quiz) {
  ImGui::PushID(quiz.id.c_str());
  const QuizMode mode = mode_for(quiz);
  ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
  text_wrapped(v.tf(mode == QuizMode::Practice ? "quiz.about_practice" : "quiz.about_exam",
                    {std::to_string(quiz.questions.size())}));
  ImGui::PopStyleColor();

  const bool practice = course.id == kBankCourseId;  // a guest may practise: nothing is saved
  if (v.app.profile_id.empty() && !(practice && v.app.guest)) {
    notice(v.t("quiz.needs_learner"), theme().note);
    if (button(v.t("learners.choose"), true)) v.navigate(Route{.screen = Screen::Learners});
    ImGui::PopID();
    return;
  }

  const QuizAttempt* open = open_attempt(attempts_of(v.app, course.id), course.id, quiz.id);
  if (!open) {
    const std::vector<QuizAttempt> attempts = quiz_attempts(attempts_of(v.app, course.id), course.id, quiz.id);
    const QuizAttempt* last = nullptr;
    for (const QuizAttempt& a : attempts)
      if (a.submitted) last = &a;
    if (last) {
      // "Continue" to a question of a submitted quiz lands on its result.
      for (const Question& question : quiz.questions) scroll_here_if_target(v, "question:" + question.id, 0.1f);
      draw_result(v, course, quiz, *last);
    } else if (button(v.t("quiz.start"), true)) {
      v.act(StartQuiz{course.id, module.id, quiz.id});
    }
    ImGui::PopID();
    return;
  }

  const QuizAttempt& attempt = *open;
  int answered = 0;
  size_t scored = 0;
  for (size_t i = 0; i < quiz.questions.size(); ++i) {
    const Question& question = quiz.questions[i];
    const auto found = attempt.answers.find(question.id);
    const Answer* answer = found != attempt.answers.end() && found->second.answered ? &found->second : nullptr;
    if (answer) ++answered;
    ImGui::PushID(static_cast<int>(i));
    ImGui::Spacing();
    scroll_here_if_target(v, "question:" + question.id, 0.2f);  // "Continue" landing on this question
    if (question.type == QuestionType::Description) {  // text to read: not numbered, nothing to answer
      rich_paragraph(inline_spans(question.text), lesson_context(v, course), v.ui.fonts.body, theme().text);
      ImGui::PopID();
      continue;
    }
    ++scored;
    rich_paragraph(numbered(scored - 1, question.text), lesson_context(v, course), v.ui.fonts.bold, theme().heading,
                   Role::Heading, 3);
    if (question.type == QuestionType::MultipleResponse) {
      ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
      text_wrapped(v.t("quiz.choose_all"));
      ImGui::PopStyleColor();
    }
    const QuestionContext q{v, attempt, quiz, question, answer, attempt.submitted};
    switch (question.type) {
      case QuestionType::SingleChoice:
      case QuestionType::MultipleResponse: choice_options(q); break;
      case QuestionType::TrueFalse: true_false_options(q); break;
      case QuestionType::Matching: matching_options(q); break;
      case QuestionType::ShortAnswer:
      case QuestionType::Numeric: typed_answer(q); break;
      case QuestionType::Essay: essay_prompt(q); break;
      case QuestionType::Description: break;  // drawn above
    }
    if (mode == QuizMode::Practice && is_scored(question)) {
      const bool checked = v.app.checked_questions.count(attempt.id + "/" + question.id) > 0;
      if (checked) {
        if (auto check = check_answer(attempt, quiz, question.id))
          feedback_panel(v, course, check->verdict, check->feedback, nullptr, nullptr);
      } else if (answer && button(v.t("quiz.check") + "##check")) {
        v.act(CheckAnswer{attempt.id, question.id});
      }
      if (SemanticNode* node = last_node(); node && node->role == Role::Button && !checked)
        node->name = v.tf("quiz.check_n", {std::to_string(scored)});  // as numbered: descriptions have none
    }
    ImGui::PopID();
  }
  ImGui::Separator();
  text_wrapped(v.tf("quiz.answered_count", {std::to_string(answered), std::to_string(scored)}));
  if (button(v.t("quiz.submit"), true))
    v.act(SubmitQuiz{attempt.id});
  ImGui::PopID();
}

}  // namespace siaga::ui
