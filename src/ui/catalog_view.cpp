// catalog_view.cpp — the catalog: every course of the active language with its progress, time left
// and a Continue button that reopens the exact place the learner left; above them, the practice quiz
// a facilitator offered on this device (a question bank), and its own page.
#include <algorithm>
#include <cmath>
#include <string>

#include "core/bank.h"
#include "core/door.h"
#include "core/i18n.h"
#include "imgui.h"
#include "ui/lesson_view.h"
#include "ui/theme.h"
#include "ui/view.h"
#include "ui/widgets.h"

namespace siaga::ui {

namespace {

Route practice_route() {
  return Route{.screen = siaga::Screen::Module, .course = std::string(kBankCourseId),
               .module = std::string(kBankModuleId), .section = ""};
}

// The offered bank as a card like a course's: its name, how many questions, and "Practise".
void practice_card(const View& s) {
  const auto& b = s.app.bank;
  if (!b.offer || !b.stored) return;
  ImGui::PushID("practice");
  heading(s.t("catalog.practice_heading"), 3, s.ui.fonts.h3);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18, 14));
  ImGui::BeginChild("card", ImVec2(0, 0),
                    ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding,
                    ImGuiWindowFlags_NavFlattened);
  ImGui::PushFont(s.ui.fonts.bold);
  text_wrapped(b.stored->name);
  ImGui::PopFont();
  if (b.imported) {  // counted once the lesson code has read it (app/code_module.h), a moment after start
    ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
    text_wrapped(s.tf("catalog.practice_facts", {std::to_string(b.imported->quiz().questions.size())}));
    ImGui::PopStyleColor();
  }
  if (button(s.t("catalog.practise"), true)) s.navigate(practice_route());
  if (SemanticNode* node = last_node()) node->name = s.t("catalog.practise") + ": " + b.stored->name;
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopID();
  ImGui::Spacing();
}

}  // namespace

void draw_bank_practice(const View& s) {
  const auto& b = s.app.bank;
  if (link(s.t("nav.all_courses"))) s.navigate(Route{});
  if (!b.offer || !b.stored) {  // withdrawn, or never offered on this device
    heading(s.t("practice.not_offered"), 2, s.ui.fonts.h2);
    return;
  }
  heading(b.stored->name, 2, s.ui.fonts.h2);
  ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
  text_wrapped(s.t("practice.intro"));
  ImGui::PopStyleColor();
  const AppState::CodeModule& code = s.app.lesson_code;
  if (code.ready && b.imported)  // read as soon as the code is ready (app/code_module.h)
    door(draw_quiz)(s, b.imported->course, b.imported->course.modules.front(), b.imported->quiz());
  else  // quizzes are drawn with the lesson code (app/code_module.h), downloaded now
    draw_download(s, "practice.downloading", "practice.failed",
                  {!code.error.empty(), code.error, code.progress.received, code.progress.total},
                  RetryCourseDownload{std::string(kBankCourseId)});
}

void draw_catalog(const View& s, const Language& language) {
  heading(s.t("catalog.heading"), 2, s.ui.fonts.h2);
  ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
  text_wrapped(s.t("catalog.intro"));
  ImGui::PopStyleColor();
  ImGui::Spacing();
  practice_card(s);
  for (const Course& course : language.courses) {
    ImGui::PushID(course.id.c_str());
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18, 14));
    // NavFlattened: Tab walks into the card's buttons instead of stopping on the card itself.
    ImGui::BeginChild("card", ImVec2(0, 0),
                      ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NavFlattened);
    heading(course.title, 3, s.ui.fonts.h3);
    text_wrapped(course.summary);
    ImGui::PushFont(s.ui.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
    // A course not written in the chosen language is offered in the language it is in, and says so.
    if (!course.language.empty() && course.language != s.app.language)
      text_wrapped(s.tf("catalog.in_language", {std::string(language_autonym(course.language))}));
    text_wrapped(s.tf("catalog.course_facts",
                      {std::to_string(course.modules.size()), std::to_string(course_minutes(course))}));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    // The learner's own standing: how far, how long still, and a way back to the exact place left.
    const CourseStanding standing = course_standing(course, s.app.progress);
    const bool resumable = standing.started && standing.resume.has_value();
    if (standing.started) {
      progress(static_cast<float>(standing.fraction_done), "");
      if (SemanticNode* node = last_node()) node->name = s.tf("catalog.progress_name", {course.title});
      text_wrapped(standing.minutes_left == 0
                       ? s.t("catalog.done")
                       : s.tf("catalog.progress_facts",
                              {std::to_string(static_cast<int>(std::lround(standing.fraction_done * 100))),
                               std::to_string(standing.minutes_left)}));
      if (resumable) {
        const Module* module = find_module(course, standing.resume->module_id);
        std::string where = module ? module->title : standing.resume->module_id;
        if (module)
          for (const Section& section : module->sections)
            if (section.id == standing.resume->section_id) where += " — " + section.title;
        ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
        text_wrapped(s.tf("catalog.left_off", {where}));
        ImGui::PopStyleColor();
        if (button(s.t("catalog.continue") + "##continue-" + course.id, true)) continue_course(s, course, *standing.resume);
        if (SemanticNode* node = last_node()) node->name = s.t("catalog.continue") + ": " + course.title;
        ImGui::SameLine();
      }
    }
    if (button(s.t("catalog.open") + "##" + course.id, !resumable)) s.navigate(Route{siaga::Screen::Course, course.id, "", ""});
    if (SemanticNode* node = last_node()) node->name = s.t("catalog.open") + ": " + course.title;
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopID();
    ImGui::Spacing();
  }
  if (language.courses.empty()) text_wrapped(s.t("catalog.empty"));
}

}  // namespace siaga::ui
