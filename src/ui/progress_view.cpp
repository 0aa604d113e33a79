// progress_view.cpp — where the learner stands: the "My progress" screen (every course, each module's
// status, quiz scores, attempts and dates), the "About & privacy" screen, and the status texts the
// catalog and course page share with them. The figures come from core/course_status.h; this file only
// words and draws them.
//
// For screen readers each course is a heading, each module a heading under it, and each figure a line
// of text of its own, so the screen reads as a nested list; progress bars carry their value.
//
// [SECTION] Shared texts
// [SECTION] My progress
// [SECTION] About & privacy
#include <cmath>
#include <string>

#include "core/result_code.h"
#include "imgui.h"
#include "ui/theme.h"
#include "ui/view.h"
#include "ui/widgets.h"

#ifndef SIAGA_VERSION
#define SIAGA_VERSION "dev"
#endif

namespace siaga::ui {

namespace {

std::string percent(double fraction) { return std::to_string(static_cast<int>(std::lround(fraction * 100.0))); }

const char* quiz_name_key(const Quiz& quiz) {
  switch (quiz.kind) {
    case QuizKind::Pretest: return "standing.pretest";
    case QuizKind::Posttest: return "standing.posttest";
    case QuizKind::Module: break;
  }
  return "standing.quiz";
}

void muted_small(const View& v, const std::string& text) {
  ImGui::PushFont(v.ui.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
  text_wrapped(text);
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

}  // namespace

// [SECTION] Shared texts ------------------------------------------------------------------------------

std::string module_state_text(const View& v, ModuleState state) {
  switch (state) {
    case ModuleState::NotStarted: return v.t("standing.not_started");
    case ModuleState::InProgress: return v.t("standing.in_progress");
    case ModuleState::Completed: return v.t("standing.completed");
  }
  return "";
}

std::string quiz_standing_text(const View& v, const Quiz& quiz, const QuizStanding& q) {
  const std::string name = v.t(quiz_name_key(quiz));
  if (q.scores.submitted == 0)
    return v.tf(q.open ? "standing.quiz_open" : "standing.quiz_not_taken", {name});
  std::string text = v.tf("standing.quiz_score", {name, percent(q.scores.best.value_or(0)),
                                                  percent(q.scores.last.value_or(0)), std::to_string(q.attempts)});
  if (q.graded)
    text += " · " + v.tf(q.passed ? "standing.passed" : "standing.not_passed", {std::to_string(q.pass_percent)});
  else
    text += " · " + v.t("standing.not_graded");
  return text;
}

std::string certificate_text(const View& v, const CertificateStatus& status) {
  switch (status.state) {
    case CertificateState::NotOffered: return v.t("certificate.none");
    case CertificateState::Ready: return v.tf("certificate.ready", {std::to_string(status.score_percent)});
    case CertificateState::NotYet: break;
  }
  return v.tf("certificate.not_yet", {std::to_string(status.pass_percent), std::to_string(status.quizzes_passed),
                                      std::to_string(status.quizzes_total)});
}

// Dates are shown by the UTC day: core reads no clock or time zone, and a day is the precision wanted.
std::string date_text(const View& v, int64_t unix_ms) {
  if (unix_ms <= 0) return "";
  const CivilDate date = date_from_day_number(static_cast<int>(unix_ms / 86'400'000LL) - 18262);
  const std::string months = v.t("date.months");  // "January|February|…"
  std::string month = std::to_string(date.month);
  size_t start = 0;
  for (int i = 1; i <= 12; ++i) {
    const size_t end = months.find('|', start);
    if (i == date.month) {
      month = months.substr(start, end == std::string::npos ? std::string::npos : end - start);
      break;
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return v.tf("date.format", {std::to_string(date.day), month, std::to_string(date.year)});
}

void continue_course(const View& v, const Course& course, const ResumePoint& point) {
  v.navigate(Route{Screen::Module, course.id, point.module_id, point.section_id});
  v.ui.scroll_target = point.question_id.empty() ? "" : "question:" + point.question_id;
  v.ui.scroll_target_frames = 0;
}

void scroll_here_if_target(const View& v, std::string_view target, float ratio) {
  if (v.ui.scroll_target.empty() || v.ui.scroll_target != target) return;
  ImGui::SetScrollHereY(ratio);
  if (++v.ui.scroll_target_frames >= 3) {
    v.ui.scroll_target.clear();
    v.ui.scroll_target_frames = 0;
  } else if (v.out.wake_after_ms < 0 || v.out.wake_after_ms > 30) {
    v.out.wake_after_ms = 30;  // render on demand would otherwise stop before the scroll settles
  }
}

// [SECTION] My progress -------------------------------------------------------------------------------

namespace {

void draw_module_lines(const View& v, const Module& module, const ModuleStanding& m) {
  heading(module.title.empty() ? module.id : module.title, 4, v.ui.fonts.bold);
  ImGui::Indent(12);
  std::string status = v.tf("course.status", {module_state_text(v, m.state)});
  if (m.state != ModuleState::NotStarted)
    status += " · " + v.tf("course.sections_read", {std::to_string(m.sections_reached), std::to_string(m.sections)});
  if (m.state != ModuleState::Completed) status += " · " + v.tf("standing.minutes_left", {std::to_string(m.minutes_left)});
  text_wrapped(status);
  for (size_t i = 0; i < module.quizzes.size() && i < m.quizzes.size(); ++i)
    text_wrapped(quiz_standing_text(v, module.quizzes[i], m.quizzes[i]));
  if (m.first_at > 0 || m.last_at > 0)
    muted_small(v, v.tf("progress.dates", {date_text(v, m.first_at > 0 ? m.first_at : m.last_at),
                                           date_text(v, m.last_at > 0 ? m.last_at : m.first_at)}));
  ImGui::Unindent(12);
  ImGui::Spacing();
}

void draw_course_progress(const View& v, const Course& course) {
  const CourseStanding standing = course_standing(course, v.app.progress);
  ImGui::PushID(course.id.c_str());
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18, 14));
  ImGui::BeginChild("course-progress", ImVec2(0, 0),
                    ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding,
                    ImGuiWindowFlags_NavFlattened);
  heading(course.title, 3, v.ui.fonts.h3);
  progress(static_cast<float>(standing.fraction_done), "");
  if (SemanticNode* node = last_node()) node->name = v.tf("catalog.progress_name", {course.title});
  text_wrapped(v.tf(standing.minutes_left == 0 ? "progress.course_facts_done" : "progress.course_facts",
                    {percent(standing.fraction_done), std::to_string(standing.modules_completed),
                     std::to_string(standing.modules.size()), std::to_string(standing.minutes_left)}));
  text_wrapped(certificate_text(v, standing.certificate));
  if (standing.certificate.completed_at > 0)
    text_wrapped(v.tf("progress.completed_on", {date_text(v, standing.certificate.completed_at)}));
  if (!standing.started) {
    muted_small(v, v.t("progress.course_not_started"));
  } else {
    size_t index = 0;
    for (const Module& module : course.modules) {
      if (!module.available) continue;
      if (index < standing.modules.size()) draw_module_lines(v, module, standing.modules[index]);
      ++index;
    }
  }
  if (standing.resume) {
    if (button(v.t("catalog.continue") + "##continue", true)) continue_course(v, course, *standing.resume);
    if (SemanticNode* node = last_node()) node->name = v.t("catalog.continue") + ": " + course.title;
  } else {
    if (button(v.t("catalog.open") + "##open")) v.navigate(Route{Screen::Course, course.id, "", ""});
    if (SemanticNode* node = last_node()) node->name = v.t("catalog.open") + ": " + course.title;
  }
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopID();
  ImGui::Spacing();
}

}  // namespace

void draw_my_progress(const View& v) {
  if (link(v.t("nav.all_courses"))) v.navigate(Route{});
  heading(v.t("progress.heading"), 2, v.ui.fonts.h2);
  if (v.app.profile_id.empty()) {
    notice(v.t("progress.guest"), theme().note);
    if (button(v.t("learners.choose"), true)) v.navigate(Route{.screen = Screen::Learners});
    return;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
  text_wrapped(v.t("progress.intro"));
  ImGui::PopStyleColor();
  ImGui::Spacing();
  const Language* language = v.app.catalog.find_language(v.app.language);
  if (!language) return;
  for (const Course& course : language->courses) draw_course_progress(v, course);
}

// [SECTION] About & privacy ---------------------------------------------------------------------------

void draw_about(const View& v) {
  if (link(v.t("nav.all_courses"))) v.navigate(Route{});
  heading(v.t("about.heading"), 2, v.ui.fonts.h2);

  ImGui::Spacing();
  heading(v.t("about.what_heading"), 3, v.ui.fonts.h3);
  text_wrapped(v.t("about.what"));

  ImGui::Spacing();
  heading(v.t("about.stored_heading"), 3, v.ui.fonts.h3);
  text_wrapped(v.t("about.stored_intro"));
  for (const char* key : {"about.stored_profiles", "about.stored_pin", "about.stored_progress", "about.stored_settings",
                          "about.stored_facilitator"}) {
    ImGui::Indent(22);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x - 11, at.y + ImGui::GetFontSize() * 0.5f + 1), 2.5f,
                                                theme().muted);
    text_wrapped(v.t(key));
    ImGui::Unindent(22);
    ImGui::Spacing();
  }

  ImGui::Spacing();
  heading(v.t("about.where_heading"), 3, v.ui.fonts.h3);
  text_wrapped(v.t("about.where"));

  ImGui::Spacing();
  heading(v.t("about.leaves_heading"), 3, v.ui.fonts.h3);
  text_wrapped(v.t("about.leaves"));
  text_wrapped(v.t("about.lms"));

  ImGui::Spacing();
  heading(v.t("about.remove_heading"), 3, v.ui.fonts.h3);
  text_wrapped(v.t("about.remove"));
  if (link(v.t("about.remove_link"))) {
    v.navigate(Route{.screen = Screen::Settings});
    v.ui.scroll_target = "settings:data";
    v.ui.scroll_target_frames = 0;
  }

  ImGui::Spacing();
  heading(v.t("about.sources_heading"), 3, v.ui.fonts.h3);
  text_wrapped(v.t("about.sources"));

  ImGui::Spacing();
  muted_small(v, v.tf("about.version", {SIAGA_VERSION}));
}

}  // namespace siaga::ui
