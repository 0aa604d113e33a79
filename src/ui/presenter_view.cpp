// presenter_view.cpp — the projector screens: a module as slides (one section per slide, large type),
// with a group-work timer, and the group quiz (one question at a time, answer revealed on request,
// hand-counted votes drawn as bars). Built for the back of a room: the projector faces (UiState::projector,
// about 1.75 times the reading size), one idea per screen, controls small and out of the way.
//
// Everything here is UI state (UiState): which slide is shown lives in the address, the timer and the
// group quiz's votes are never stored or scored. The page keys a clicker sends (PageDown/PageUp, arrows,
// space) turn slides; the window takes no keyboard navigation, so space never "presses" a button that
// happens to have focus. Full screen is an action (the browser grants it only right after a click or key).
//
// [SECTION] Helpers
// [SECTION] Top bar and timer
// [SECTION] Slides
// [SECTION] Group quiz
// [SECTION] Entry
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/quiz.h"
#include "imgui.h"
#include "ui/lesson_view.h"
#include "ui/theme.h"
#include "ui/view.h"
#include "ui/widgets.h"

namespace siaga::ui {

namespace {

// [SECTION] Helpers -----------------------------------------------------------------------------------

const Fonts& big(const View& v) { return v.ui.projector.body ? v.ui.projector : v.ui.fonts; }

// Keys a presentation clicker or keyboard sends; ignored while a number is being typed. Up and down
// scroll a long slide (scroll_with_keys) instead of turning it.
enum class Turn { None, Next, Previous, Leave, Fullscreen };
Turn pressed_turn() {
  if (ImGui::GetIO().WantTextInput) return Turn::None;
  for (ImGuiKey key : {ImGuiKey_RightArrow, ImGuiKey_PageDown, ImGuiKey_Space})
    if (ImGui::IsKeyPressed(key, false)) return Turn::Next;
  for (ImGuiKey key : {ImGuiKey_LeftArrow, ImGuiKey_PageUp})
    if (ImGui::IsKeyPressed(key, false)) return Turn::Previous;
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) return Turn::Leave;
  if (ImGui::IsKeyPressed(ImGuiKey_F, false)) return Turn::Fullscreen;
  return Turn::None;
}

// Asks for a frame after ms (the earliest request of the frame wins).
void wake_after(const View& v, int ms) {
  if (v.out.wake_after_ms < 0 || ms < v.out.wake_after_ms) v.out.wake_after_ms = ms;
}

// Inside a scrolling region: the up and down arrows move it by a few lines.
void scroll_with_keys() {
  if (ImGui::GetIO().WantTextInput) return;
  const float step = ImGui::GetFontSize() * 4;
  if (ImGui::IsKeyPressed(ImGuiKey_DownArrow)) ImGui::SetScrollY(ImGui::GetScrollY() + step);
  if (ImGui::IsKeyPressed(ImGuiKey_UpArrow)) ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() - step));
}

// A muted line of text beside touch-height buttons, centred on them.
void beside_buttons(const std::string& text) {
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (kTouchTarget - ImGui::GetFontSize()) * 0.5f);
  ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
  add_last_item(Role::Text, text);
}

void set_fullscreen(const View& v, bool on) { v.act(SetFullscreen{on}); }

// Leaves the projector: out of full screen too, back where the presenter was opened from.
void leave(const View& v) {
  if (v.app.fullscreen) set_fullscreen(v, false);
  Route back = v.ui.presenter_back;
  if (back.screen == Screen::Present || back.screen == Screen::GroupQuiz || back == Route{})
    back = Route{.screen = Screen::Plans, .course = "", .module = "", .section = ""};
  v.navigate(back);
}

// Lays buttons out left to right, wrapping to a new line when the next would not fit.
void flow(float next_width) {
  const float right = ImGui::GetWindowContentRegionMax().x + ImGui::GetWindowPos().x;
  ImGui::SameLine();
  if (ImGui::GetCursorScreenPos().x + next_width > right) ImGui::NewLine();
}
float button_width(std::string_view label) {
  return ImGui::CalcTextSize(std::string(visible_label(label)).c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
}

// [SECTION] Top bar and timer -------------------------------------------------------------------------

double timer_remaining(const UiState::GroupTimer& timer) {
  if (!timer.running) return timer.remaining_s;
  return std::max(0.0, timer.remaining_s - (ImGui::GetTime() - timer.started_at));
}

std::string clock_text(double seconds) {
  const int whole = static_cast<int>(std::ceil(seconds));
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d", whole / 60, whole % 60);
  return text;
}

// The timer: a small line of controls, and the time left. Runs only when asked; when it reaches zero it
// says so and stops (no sound, nothing forced). While running it asks for a redraw as each second turns.
void draw_timer(const View& v) {
  UiState::GroupTimer& timer = v.ui.timer;
  double left = timer_remaining(timer);
  if (timer.running && left <= 0) {
    timer.running = false;
    timer.remaining_s = 0;
    left = 0;
  }
  const bool set = timer.running || left < timer.total_s;
  if (set || timer.open) {
    ImGui::PushFont(big(v).h3);
    ImGui::PushStyleColor(ImGuiCol_Text, left <= 0 ? theme().focus : theme().heading);
    const std::string shown = left <= 0 ? v.t("present.time_up") : v.tf("present.timer_left", {clock_text(left)});
    ImGui::TextUnformatted(shown.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    add_last_item(Role::Text, shown);
    if (!timer.running && left > 0 && set) {
      ImGui::SameLine();
      ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
      ImGui::TextUnformatted(v.t("present.timer_paused").c_str());
      ImGui::PopStyleColor();
      add_last_item(Role::Text, v.t("present.timer_paused"));
    }
  }
  if (!timer.open) return;
  ImGui::PushID("timer");
  bool first = true;
  for (int minutes : {5, 10, 15}) {
    const std::string label = v.tf("present.timer_preset", {std::to_string(minutes)});
    if (!first) flow(button_width(label));
    first = false;
    if (toggle_button(label, timer.total_s == minutes * 60)) {
      timer.total_s = minutes * 60;
      timer.remaining_s = timer.total_s;
      timer.running = false;
    }
  }
  const std::string go = timer.running ? v.t("present.timer_pause") : v.t("present.timer_start");
  flow(button_width(go));
  if (button(go, !timer.running)) {
    if (timer.running) {
      timer.remaining_s = left;
      timer.running = false;
    } else {
      if (left <= 0) timer.remaining_s = timer.total_s;
      timer.started_at = ImGui::GetTime();
      timer.running = true;
    }
  }
  flow(button_width(v.t("present.timer_reset")));
  if (button(v.t("present.timer_reset"))) {
    timer.remaining_s = timer.total_s;
    timer.running = false;
  }
  ImGui::PopID();
}

// Module and place on the left; the timer switch, full screen and leaving on the right. Small type:
// the room reads the slide, not the controls.
void draw_top_bar(const View& v, const std::string& where) {
  ImGui::PushFont(v.ui.fonts.body);
  ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
  ImGui::TextUnformatted(where.c_str());
  ImGui::PopStyleColor();
  add_last_item(Role::Text, where);
  const std::string timer_label = v.t("present.timer");
  const std::string full_label = v.app.fullscreen ? v.t("present.exit_fullscreen") : v.t("present.fullscreen");
  const std::string leave_label = v.t("present.leave");
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float width = button_width(timer_label) + button_width(full_label) + button_width(leave_label) + spacing * 2;
  ImGui::SameLine();
  const float right = ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetCursorPosX() + width <= right) ImGui::SetCursorPosX(right - width);
  else ImGui::NewLine();
  if (toggle_button(timer_label + "##timer-switch", v.ui.timer.open)) v.ui.timer.open = !v.ui.timer.open;
  flow(button_width(full_label));
  if (button(full_label + "##fullscreen")) set_fullscreen(v, !v.app.fullscreen);
  flow(button_width(leave_label));
  if (button(leave_label + "##leave")) leave(v);
  draw_timer(v);
  ImGui::PopFont();
  ImGui::Separator();
  ImGui::Spacing();
}

// [SECTION] Slides ------------------------------------------------------------------------------------

// Case studies and discussion prompts are what the room works on: a strong bar down the side and a
// large label, on the callout's own colour.
void emphasised_callout(const Block& block, const LessonContext& ctx, const View& v) {
  const bool is_case = block.callout == CalloutKind::Case;
  const std::string label = v.t(is_case ? "callout.case" : "callout.discuss");
  const float bar = 12.0f;
  ImGui::Indent(bar + 10);
  ImGui::PushID(&block);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, is_case ? theme().case_study : theme().discuss);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24, 18));
  ImGui::BeginChild("callout", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
  heading(label, 3, ctx.fonts->h2);
  draw_blocks(block.children, ctx);
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  ImGui::PopID();
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(min.x - bar - 10, min.y), ImVec2(min.x - 10, max.y), theme().accent);
  ImGui::Unindent(bar + 10);
  ImGui::Spacing();
}

void open_group_quiz(const View& v, const Course& course, const Module& module, const Quiz& quiz) {
  v.ui.group_quiz_back = v.app.route;
  v.navigate(Route{.screen = Screen::GroupQuiz, .course = course.id, .module = module.id, .section = quiz.id});
}

void draw_slide_blocks(const View& v, const Course& course, const Module& module, const std::vector<Block>& blocks) {
  const Fonts& fonts = big(v);
  LessonContext ctx{&fonts, &v.text, &v.out.actions, course.id};
  for (const Block& block : blocks) {
    if (block.kind == Block::Kind::Callout &&
        (block.callout == CalloutKind::Case || block.callout == CalloutKind::Discuss)) {
      emphasised_callout(block, ctx, v);
    } else if (block.kind == Block::Kind::Quiz) {
      if (block.quiz_index < 0 || block.quiz_index >= static_cast<int>(module.quizzes.size())) continue;
      const Quiz& quiz = module.quizzes[static_cast<size_t>(block.quiz_index)];
      if (quiz.kind != QuizKind::Module || quiz.questions.empty()) continue;  // tests stay individual
      ImGui::PushFont(fonts.bold);
      if (button(v.tf("present.group_quiz", {std::to_string(quiz.questions.size())}) + "##" + quiz.id, true))
        open_group_quiz(v, course, module, quiz);
      ImGui::PopFont();
      ImGui::Spacing();
    } else {
      draw_block(block, ctx);
    }
  }
}

void draw_slides(const View& v, const Course& course, const Module& module) {
  const size_t count = module.sections.size() + 1;  // the title slide, then one per section
  size_t current = 0;
  for (size_t i = 0; i < module.sections.size(); ++i)
    if (module.sections[i].id == v.app.route.section) current = i + 1;
  const auto go_to = [&](size_t slide) {
    v.navigate(Route{.screen = Screen::Present, .course = course.id, .module = module.id,
                     .section = slide == 0 ? "" : module.sections[slide - 1].id});
  };

  switch (pressed_turn()) {
    case Turn::Next: if (current + 1 < count) go_to(current + 1); break;
    case Turn::Previous: if (current > 0) go_to(current - 1); break;
    case Turn::Leave: leave(v); break;
    case Turn::Fullscreen: set_fullscreen(v, !v.app.fullscreen); break;
    case Turn::None: break;
  }

  const std::string counter = v.tf("present.slide_of", {std::to_string(current + 1), std::to_string(count)});
  draw_top_bar(v, module.title + "  \xC2\xB7  " + counter);

  const Fonts& fonts = big(v);
  // The slide: its own scrolling region, so a long section scrolls while the bars stay put.
  const float footer = kTouchTarget + ImGui::GetStyle().ItemSpacing.y * 2 + 8;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, 0u);  // the page's own background, not a card
  ImGui::BeginChild("slide", ImVec2(0, -footer), ImGuiChildFlags_None, ImGuiWindowFlags_NoNavInputs);
  ImGui::PopStyleColor();
  scroll_with_keys();
  ImGui::PushFont(fonts.body);
  if (current == 0) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
    ImGui::PushFont(fonts.h3);
    text_wrapped(course.title);
    ImGui::PopFont();
    ImGui::PopStyleColor();
    heading(module.title, 1, fonts.h1);
    if (!module.summary.empty()) text_wrapped(module.summary);
    if (module.minutes > 0) muted(v.tf("present.minutes", {std::to_string(module.minutes)}));
    ImGui::Spacing();
    draw_slide_blocks(v, course, module, module.intro);
  } else {
    const Section& section = module.sections[current - 1];
    heading(section.title, 1, fonts.h1);
    ImGui::Spacing();
    draw_slide_blocks(v, course, module, section.blocks);
  }
  ImGui::PopFont();
  ImGui::EndChild();

  ImGui::Separator();
  if (current > 0 && button(v.t("present.previous"))) go_to(current - 1);
  if (current > 0) ImGui::SameLine();
  if (current + 1 < count && button(v.t("present.next"), true)) go_to(current + 1);
  if (current + 1 < count) ImGui::SameLine();
  beside_buttons(counter);
}

// [SECTION] Group quiz --------------------------------------------------------------------------------

struct GroupOption {
  std::string text;
  bool correct = false;
  std::string feedback;
};

// What the room chooses between, in a fixed shuffled order (the same every time the quiz is shown, so
// a facilitator's notes stay right). Types without options have none: they are discussed, then revealed.
std::vector<GroupOption> group_options(const View& v, const Quiz& quiz, const Question& question) {
  std::vector<GroupOption> out;
  if (question.type == QuestionType::TrueFalse) {
    out.push_back({v.t("quiz.true"), question.truth, question.truth ? question.feedback_right : question.feedback_wrong});
    out.push_back({v.t("quiz.false"), !question.truth, question.truth ? question.feedback_wrong : question.feedback_right});
    return out;
  }
  if (question.type != QuestionType::SingleChoice && question.type != QuestionType::MultipleResponse) return out;
  for (int index : option_order(quiz, question, 0x5EA5u)) {
    const Choice& choice = question.choices[static_cast<size_t>(index)];
    out.push_back({choice.text, choice.correct, choice.feedback});
  }
  return out;
}

std::string letter(size_t i) { return std::string(1, static_cast<char>('A' + static_cast<int>(i % 26))); }

void rich(const View& v, std::string_view markdown, ImFont* font, unsigned int colour, Role role = Role::Text) {
  LessonContext ctx{&big(v), &v.text, &v.out.actions, ""};
  rich_paragraph(inline_spans(markdown), ctx, font, colour, role, role == Role::Heading ? 2 : 0);
}

// One option: its letter and text, the hand count with - and +, and a bar once anyone has voted.
void draw_option(const View& v, const GroupOption& option, size_t i, std::vector<int>& votes, int total, bool revealed) {
  const Fonts& fonts = big(v);
  ImGui::PushID(static_cast<int>(i));
  const bool mark = revealed && option.correct;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, mark ? theme().success : theme().surface);
  ImGui::PushStyleColor(ImGuiCol_Border, mark ? theme().accent : theme().border);
  ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, mark ? 3.0f : 1.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18, 12));
  ImGui::BeginChild("option", ImVec2(0, 0),
                    ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding);
  std::string line = letter(i) + ".  " + option.text;
  rich(v, line, fonts.body, theme().text);
  if (mark) {
    ImGui::PushFont(fonts.bold);
    ImGui::PushStyleColor(ImGuiCol_Text, theme().heading);
    text_wrapped(v.t("present.right_answer"));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (!option.feedback.empty()) rich(v, option.feedback, fonts.body, theme().text);
  }
  // Hand count: small controls, then the bar in large type so the room can read it.
  ImGui::PushFont(v.ui.fonts.body);
  if (button("\xE2\x80\x93##less")) votes[i] = std::max(0, votes[i] - 1);
  if (SemanticNode* node = last_node()) node->name = v.tf("present.vote_less", {letter(i)});
  ImGui::SameLine();
  char count[8];
  std::snprintf(count, sizeof count, "%d", votes[i]);
  ImGui::SetNextItemWidth(90);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, (kTouchTarget - ImGui::GetFontSize()) * 0.5f));
  if (ImGui::InputText("##count", count, sizeof count, ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_AutoSelectAll)) {
    int typed = 0;
    for (const char* c = count; *c; ++c) typed = std::min(9999, typed * 10 + (*c - '0'));
    votes[i] = typed;
  }
  ImGui::PopStyleVar();
  add_last_item(Role::TextField, v.tf("present.votes_for", {letter(i)}));
  ImGui::SameLine();
  if (button("+##more")) votes[i] = std::min(9999, votes[i] + 1);
  if (SemanticNode* node = last_node()) node->name = v.tf("present.vote_more", {letter(i)});
  ImGui::PopFont();
  if (total > 0) {
    const float share = static_cast<float>(votes[i]) / static_cast<float>(total);
    const int percent = static_cast<int>(std::lround(share * 100.0f));
    const std::string figures = v.tf("present.vote_figures", {std::to_string(votes[i]), std::to_string(percent)});
    ImGui::SameLine();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushFont(fonts.bold);
    const float text_w = ImGui::CalcTextSize(figures.c_str()).x;
    const float avail = std::max(40.0f, ImGui::GetContentRegionAvail().x - text_w - 16);
    const float h = kTouchTarget;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(at, ImVec2(at.x + avail, at.y + h), theme().button, 4.0f);
    if (share > 0) draw->AddRectFilled(at, ImVec2(at.x + std::max(4.0f, avail * share), at.y + h), theme().accent, 4.0f);
    draw->AddText(ImVec2(at.x + avail + 12, at.y + (h - ImGui::GetFontSize()) * 0.5f), theme().text, figures.c_str());
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(avail + 12 + text_w, h));
    add_last_item(Role::Progress, v.tf("present.vote_bar", {letter(i), figures}));
    if (SemanticNode* node = last_node()) node->value = share;
  }
  ImGui::EndChild();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
  ImGui::PopID();
  if (mark && v.ui.group_show_answer > 0) {  // just revealed: the room must see it without anyone scrolling
    ImGui::SetScrollHereY(1.0f);
    --v.ui.group_show_answer;
    wake_after(v, 0);  // ImGui scrolls on the next frame, which no input would otherwise ask for
  }
  ImGui::Spacing();
}

// For question types without options: what counts as right, shown on reveal.
std::string answer_text(const View& v, const Question& question) {
  std::string out;
  switch (question.type) {
    case QuestionType::ShortAnswer:
      for (const Choice& c : question.choices)
        if (c.correct) out += (out.empty() ? "" : " / ") + c.text;
      break;
    case QuestionType::Numeric:
      for (const NumericAnswer& n : question.numeric) {
        if (n.weight <= 0) continue;
        char range[64];
        if (n.min == n.max) std::snprintf(range, sizeof range, "%g", n.min);
        else std::snprintf(range, sizeof range, "%g \xE2\x80\x93 %g", n.min, n.max);
        out += (out.empty() ? "" : " / ") + std::string(range);
      }
      break;
    case QuestionType::Matching:
      for (const MatchPair& p : question.pairs)
        if (!p.is_distractor()) out += (out.empty() ? "" : "\n") + p.left + " \xE2\x86\x92 " + p.right;
      break;
    default: break;
  }
  return out.empty() ? v.t("present.no_answer_text") : out;
}

void draw_group_quiz(const View& v, const Course& course, const Module& module, const Quiz& quiz) {
  const std::string key = course.id + "/" + module.id + "/" + quiz.id;
  if (v.ui.group_quiz != key) {  // another quiz: start at its first question, nothing revealed
    v.ui.group_quiz = key;
    v.ui.group_question = 0;
    v.ui.group_revealed = false;
  }
  const int count = static_cast<int>(quiz.questions.size());
  int& current = v.ui.group_question;
  current = std::clamp(current, 0, std::max(0, count - 1));
  const auto go_to = [&](int q) {
    current = q;
    v.ui.group_revealed = false;
  };
  const auto back_to_slides = [&]() {
    Route back = v.ui.group_quiz_back;
    if (course.id == kBankCourseId) back = Route{.screen = Screen::Facilitator, .course = "", .module = "", .section = ""};
    else if (back.screen != Screen::Present || back.course != course.id || back.module != module.id)
      back = Route{.screen = Screen::Present, .course = course.id, .module = module.id, .section = quiz.section_id};
    v.navigate(back);
  };
  switch (pressed_turn()) {
    case Turn::Next: if (current + 1 < count) go_to(current + 1); break;
    case Turn::Previous: if (current > 0) go_to(current - 1); break;
    case Turn::Leave: back_to_slides(); break;
    case Turn::Fullscreen: set_fullscreen(v, !v.app.fullscreen); break;
    case Turn::None: break;
  }

  const std::string counter = v.tf("present.question_of", {std::to_string(current + 1), std::to_string(count)});
  draw_top_bar(v, module.title + "  \xC2\xB7  " + v.t("present.group_quiz_title") + "  \xC2\xB7  " + counter);
  if (count == 0) return;
  const Question& question = quiz.questions[static_cast<size_t>(current)];
  const Fonts& fonts = big(v);

  const float footer = kTouchTarget + ImGui::GetStyle().ItemSpacing.y * 2 + 8;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, 0u);  // the page's own background, not a card
  ImGui::BeginChild("question", ImVec2(0, -footer), ImGuiChildFlags_None, ImGuiWindowFlags_NoNavInputs);
  ImGui::PopStyleColor();
  scroll_with_keys();
  ImGui::PushFont(fonts.body);
  rich(v, question.text, fonts.h2, theme().heading, Role::Heading);
  ImGui::Spacing();
  const std::vector<GroupOption> options = group_options(v, quiz, question);
  std::vector<int>& votes = v.ui.group_votes[key + "/" + question.id];
  votes.resize(options.size(), 0);
  int total = 0;
  for (int n : votes) total += n;
  for (size_t i = 0; i < options.size(); ++i) draw_option(v, options[i], i, votes, total, v.ui.group_revealed);
  if (!options.empty()) {
    ImGui::PushFont(v.ui.fonts.body);
    muted(total > 0 ? v.tf("present.votes_total", {std::to_string(total)}) : v.t("present.votes_hint"));
    ImGui::PopFont();
  }
  if (question.type == QuestionType::Essay) muted(v.t("quiz.essay_note"));  // a prompt for the room to discuss
  if (v.ui.group_revealed) {
    if (options.empty() && is_scored(question)) {
      ImGui::PushFont(fonts.bold);
      text_wrapped(v.t("present.right_answer"));
      ImGui::PopFont();
      text_wrapped(answer_text(v, question));
    }
    if (!question.general_feedback.empty()) rich(v, question.general_feedback, fonts.body, theme().text);
  }
  ImGui::PopFont();
  ImGui::EndChild();

  ImGui::Separator();
  if (!v.ui.group_revealed) {
    if (button(v.t("present.reveal"), true)) {
      v.ui.group_revealed = true;
      v.ui.group_show_answer = 2;  // the option grows by its feedback on the first frame, is placed on the second
    }
  } else if (button(v.t("present.hide_answer"))) {
    v.ui.group_revealed = false;
  }
  ImGui::SameLine();
  if (current > 0) {
    if (button(v.t("present.previous_question"))) go_to(current - 1);
    ImGui::SameLine();
  }
  if (current + 1 < count) {
    if (button(v.t("present.next_question"))) go_to(current + 1);
    ImGui::SameLine();
  }
  if (button(v.t(course.id == kBankCourseId ? "plan.back_to_tools" : "present.back_to_slides"))) back_to_slides();
  ImGui::SameLine();
  beside_buttons(counter);
}

void draw_missing(const View& v) {
  draw_top_bar(v, "");
  heading(v.t("nav.not_found"), 1, big(v).h1);
}

}  // namespace

// [SECTION] Entry -------------------------------------------------------------------------------------

bool is_projector_screen(Screen screen) { return screen == Screen::Present || screen == Screen::GroupQuiz; }

namespace {
// What this screen keeps in UiState, as text: when a frame changes it (a vote, a reveal, the timer), one
// more frame is drawn so the change is on screen. Actions get that from the loop; UI-only state does not.
std::string projector_state(const UiState& ui) {
  std::string out = ui.group_quiz + "|" + std::to_string(ui.group_question) + (ui.group_revealed ? "r" : "h") +
                    std::to_string(ui.timer.total_s) + (ui.timer.running ? "+" : "-") + (ui.timer.open ? "o" : "c") +
                    std::to_string(ui.timer.remaining_s);
  for (const auto& [key, votes] : ui.group_votes) {
    out += key;
    for (int n : votes) out += "," + std::to_string(n);
  }
  return out;
}
}  // namespace

void draw_projector(const View& v) {
  const std::string state_before = projector_state(v.ui);
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  const float side = viewport->WorkSize.x < 720.0f ? 14.0f : std::max(32.0f, (viewport->WorkSize.x - 1400.0f) * 0.5f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(side, 16));
  ImGui::Begin("Projector", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNavInputs);
  ImGui::PopStyleVar();
  ImGui::PushFont(v.ui.fonts.body);

  const Language* language = active_language(v);
  const bool bank = v.app.route.course == kBankCourseId && v.app.bank.imported;  // the facilitator's own bank
  const Course* course = bank ? &v.app.bank.imported->course
                              : language ? find_course(*language, v.app.route.course) : nullptr;
  const Module* module = course ? find_module(*course, v.app.route.module) : nullptr;
  const Quiz* quiz = nullptr;
  if (module && v.app.route.screen == Screen::GroupQuiz)
    for (const Quiz& q : module->quizzes)
      if (q.id == v.app.route.section && q.kind == QuizKind::Module) quiz = &q;
  if (course && !course->text_loaded) draw_course_waiting(v, *course);
  else if (!module || !module->available) draw_missing(v);
  else if (v.app.route.screen == Screen::Present) draw_slides(v, *course, *module);
  else if (quiz) draw_group_quiz(v, *course, *module, *quiz);
  else draw_missing(v);

  // The running timer redraws as each second turns; paused or stopped, nothing is drawn.
  if (v.ui.timer.running) {
    const double left = timer_remaining(v.ui.timer);
    const double to_next_second = left - std::floor(left);
    wake_after(v, static_cast<int>((to_next_second > 0.02 ? to_next_second : 1.0) * 1000.0) + 15);
  }

  if (projector_state(v.ui) != state_before) wake_after(v, 0);

  ImGui::PopFont();
  ImGui::End();
}

}  // namespace siaga::ui
