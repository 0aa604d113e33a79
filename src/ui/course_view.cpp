// course_view.cpp — a course's page: each module's status, minutes, quiz score and pass/fail, and the
// certificate status.
#include <algorithm>
#include <cmath>
#include <string>

#include "app/course_packs.h"
#include "core/door.h"
#include "imgui.h"
#include "ui/lesson_view.h"
#include "ui/theme.h"
#include "ui/view.h"
#include "ui/widgets.h"

namespace siaga::ui {

int course_minutes(const Course& course) {
  int total = 0;
  for (const Module& module : course.modules) total += module.minutes;
  return total;
}

void draw_download(const View& v, std::string_view downloading_key, std::string_view failed_key,
                   const Download& download, Action retry) {
  if (download.failed) {
    notice(v.t(failed_key), theme().warning);
    if (!download.error.empty()) muted(download.error);
    if (button(v.t("course.lessons_retry"), true)) v.act(std::move(retry));
    return;
  }
  text_wrapped(v.t(downloading_key));
  if (download.total <= 0) return;
  const auto kb = [](int64_t bytes) { return std::to_string((bytes + 1023) / 1024); };
  progress(static_cast<float>(static_cast<double>(download.received) / static_cast<double>(download.total)),
           v.tf("course.lessons_progress", {kb(download.received), kb(download.total)}));
}

void draw_course_text_pending(const View& v, const Course& course) {
  const CourseTextStatus status = course_text_status(v.app, course);
  if (status.state == CourseTextStatus::State::Loaded) return;
  draw_download(v, "course.lessons_downloading", "course.lessons_failed",
                {status.state == CourseTextStatus::State::Failed, status.error, status.received, status.total},
                RetryCourseDownload{course.id});
}

void draw_course_waiting(const View& v, const Course& course) {
  if (link(v.t("nav.back_to_course"))) v.navigate(Route{.screen = Screen::Course, .course = course.id});
  heading(course.title, 2, v.ui.fonts.h2);
  draw_course_text_pending(v, course);
}

void draw_course(const View& s, const Course& course) {
  if (link(s.t("nav.all_courses"))) s.navigate(Route{});
  heading(course.title, 2, s.ui.fonts.h2);
  // Where the learner stands, first (a returning learner wants this, not the introduction again):
  // progress, time left, the certificate, and back to the place left.
  const bool saving = !s.app.profile_id.empty();
  const CourseStanding standing = course_standing(course, s.app.progress);
  heading(s.t("course.your_progress"), 3, s.ui.fonts.h3);
  if (saving) {
    progress(static_cast<float>(standing.fraction_done), "");
    if (SemanticNode* node = last_node()) node->name = s.tf("catalog.progress_name", {course.title});
    text_wrapped(standing.minutes_left == 0
                     ? s.t("catalog.done")
                     : s.tf("course.modules_done", {std::to_string(standing.modules_completed),
                                                    std::to_string(standing.modules.size()),
                                                    std::to_string(standing.minutes_left)}));
    const bool ready = standing.certificate.state == CertificateState::Ready;
    if (ready) ImGui::PushStyleColor(ImGuiCol_Text, theme().heading);
    text_wrapped(certificate_text(s, standing.certificate));
    if (ready) ImGui::PopStyleColor();
    if (standing.resume && button(s.t("course.continue"), true)) continue_course(s, course, *standing.resume);
    draw_certificate_actions(s, course);
  } else {
    text_wrapped(s.t("progress.guest"));
  }
  draw_course_text_pending(s, course);
  ImGui::Spacing();

  // The introduction's "##" headings sit under the course title (h2), so they are h3.
  // Drawn with the lesson code (app/code_module.h), which a course's text arrives with.
  LessonContext lesson{&s.ui.fonts, &s.text, &s.out.actions, course.id, 1, 2};
  if (s.app.lesson_code.ready && !course.intro.empty()) door(draw_blocks)(course.intro, lesson);

  heading(s.t("course.modules"), 3, s.ui.fonts.h3);
  size_t index = 0;
  for (const Module& module : course.modules) {
    const ModuleStanding* m = nullptr;
    if (module.available && index < standing.modules.size()) m = &standing.modules[index++];
    ImGui::PushID(module.id.c_str());
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 12));
    ImGui::BeginChild("module", ImVec2(0, 0),
                      ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NavFlattened);
    heading(module.title.empty() ? module.id : module.title, 4, s.ui.fonts.bold);
    if (!module.summary.empty()) text_wrapped(module.summary);
    if (module.available) {
      ImGui::PushFont(s.ui.fonts.small);
      ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
      text_wrapped(s.tf("course.module_facts", {std::to_string(module.minutes), std::to_string(module.sections.size())}));
      ImGui::PopStyleColor();
      ImGui::PopFont();
      if (saving && m) {
        std::string status = s.tf("course.status", {module_state_text(s, m->state)});
        if (m->state == ModuleState::InProgress)
          status += " · " + s.tf("course.sections_read", {std::to_string(m->sections_reached), std::to_string(m->sections)}) +
                    " · " + s.tf("standing.minutes_left", {std::to_string(m->minutes_left)});
        ImGui::PushStyleColor(ImGuiCol_Text, m->state == ModuleState::Completed ? theme().heading : theme().text);
        text_wrapped(status);
        ImGui::PopStyleColor();
        for (size_t i = 0; i < module.quizzes.size() && i < m->quizzes.size(); ++i)
          text_wrapped(quiz_standing_text(s, module.quizzes[i], m->quizzes[i]));
      }
      if (button(s.t("course.start") + "##" + module.id)) s.navigate(Route{siaga::Screen::Module, course.id, module.id, ""});
      if (SemanticNode* node = last_node()) node->name = s.t("course.start") + ": " + module.title;
    } else {
      std::string why = s.t("course.unavailable");
      for (const Diagnostic& d : module.diagnostics)
        if (d.severity == Severity::Error) why += "\n" + d.to_string();
      notice(why, theme().error);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopID();
    ImGui::Spacing();
  }
}

}  // namespace siaga::ui
