// reader_view.cpp — the module reader: one section at a time with its quizzes, a table of contents,
// previous/next, and the section on screen reported (SectionReached) so progress and the address follow.
#include <algorithm>
#include <cmath>
#include <string>

#include "imgui.h"
#include "ui/lesson_view.h"
#include "ui/theme.h"
#include "ui/view.h"
#include "ui/rtl_text.h"
#include "ui/widgets.h"

namespace siaga::ui {

void draw_section_page(const View& s, const Course& course, const Module& module, size_t index) {
  const Section& section = module.sections[index];
  // The module's introduction sits under its title (h1); sections are h2.
  if (index == 0) draw_blocks(module.intro, LessonContext{&s.ui.fonts, &s.text, &s.out.actions, course.id, -1, 1});
  LessonContext lesson{&s.ui.fonts, &s.text, &s.out.actions, course.id};
  heading(section.title, 2, s.ui.fonts.h2);
  draw_blocks(section.blocks, lesson);
  for (const Block& block : section.blocks) {
    if (block.kind != Block::Kind::Quiz || block.quiz_index < 0 ||
        block.quiz_index >= static_cast<int>(module.quizzes.size()))
      continue;
    draw_quiz(s, course, module, module.quizzes[static_cast<size_t>(block.quiz_index)]);
  }
}

void draw_module(const View& s, const Course& course, const Module& module) {
  if (link(s.t("nav.back_to_course") + "##course")) s.navigate(Route{siaga::Screen::Course, course.id, "", ""});
  if (SemanticNode* node = last_node()) node->name = s.t("nav.back_to_course") + ": " + course.title;
  heading(module.title, 1, s.ui.fonts.h1);
  if (module.sections.empty()) {
    text_wrapped(s.t("reader.empty"));
    return;
  }
  size_t current = 0;
  for (size_t i = 0; i < module.sections.size(); ++i)
    if (module.sections[i].id == s.app.route.section) current = i;

  auto go_to = [&](size_t i) { s.navigate(Route{siaga::Screen::Module, course.id, module.id, module.sections[i].id}); };

  // Contents: every section, the current one marked; a link each.
  ImGui::PushFont(s.ui.fonts.bold);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4, (kTouchTarget - ImGui::GetFontSize()) * 0.5f));
  const bool contents_open = ImGui::TreeNodeEx((rtl() ? rtl_label(s.t("reader.contents")) : s.t("reader.contents")).c_str(),
                                               ImGuiTreeNodeFlags_NoTreePushOnOpen | ImGuiTreeNodeFlags_FramePadding |
                                                   (narrow_layout() ? 0 : ImGuiTreeNodeFlags_DefaultOpen));
  ImGui::PopStyleVar();
  ImGui::PopFont();
  add_last_item(Role::Button, s.t("reader.contents"));
  if (SemanticNode* node = last_node(); node && node->role == Role::Button) {
    node->expandable = true;
    node->expanded = contents_open;
  }
  if (contents_open) {
    for (size_t i = 0; i < module.sections.size(); ++i) {
      const std::string label = std::to_string(i + 1) + ". " + module.sections[i].title + "##toc" + std::to_string(i);
      if (i == current) {
        ImGui::PushFont(s.ui.fonts.bold);
        if (link(label)) go_to(i);
        ImGui::PopFont();
      } else if (link(label)) {
        go_to(i);
      }
    }
  }
  ImGui::PushFont(s.ui.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
  text_wrapped(s.tf("reader.section_of", {std::to_string(current + 1), std::to_string(module.sections.size())}));
  ImGui::PopStyleColor();
  ImGui::PopFont();
  progress(static_cast<float>(current + 1) / static_cast<float>(module.sections.size()), "");
  if (SemanticNode* node = last_node()) node->name = s.t("reader.progress");
  ImGui::Spacing();

  draw_section_page(s, course, module, current);

  ImGui::Separator();
  if (current > 0 && button(s.t("reader.previous"))) go_to(current - 1);
  if (current > 0 && current + 1 < module.sections.size()) ImGui::SameLine();
  if (current + 1 < module.sections.size() && button(s.t("reader.next"), true)) go_to(current + 1);
  if (current + 1 == module.sections.size() && button(s.t("reader.finish"), true))
    s.navigate(Route{siaga::Screen::Course, course.id, "", ""});

  // Tell the app which section is on screen (persistence of reading position hangs off this event).
  s.act(SectionReached{Route{siaga::Screen::Module, course.id, module.id, module.sections[current].id}});
}

void draw_not_found(const View& s) {
  heading(s.t("nav.not_found"), 2, s.ui.fonts.h2);
  if (button(s.t("nav.all_courses"), true)) s.navigate(Route{});
}

}  // namespace siaga::ui
