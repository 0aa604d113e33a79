// reader_view.cpp — the module reader: one section at a time with its quizzes, a table of contents,
// previous/next, and the section on screen reported (SectionReached) so progress and the address follow.
#include <algorithm>
#include <cmath>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"
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

namespace {
// ImGui's tree node puts its arrow left of the label; a right-to-left reader looks for the contents
// at the right edge, the arrow on the label's right (pointing down when open, towards the text when
// closed). Same behaviour: click, tap, Enter or Space toggles it; the state is kept per window.
bool contents_toggle_right_to_left(const std::string& label, bool open_by_default) {
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID id = ImGui::GetID("##contents-rtl");
  bool open = storage->GetBool(id, open_by_default);
  const std::string& visual = shaped(label);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float arrow = ImGui::GetFontSize();
  const float text_width = ImGui::CalcTextSize(visual.c_str()).x;
  const ImVec2 size(style.FramePadding.x * 2 + text_width + style.ItemInnerSpacing.x + arrow, kTouchTarget);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::SetCursorScreenPos(ImVec2(std::max(at.x, at.x + ImGui::GetContentRegionAvail().x - size.x), at.y));
  if (ImGui::InvisibleButton("##contents-rtl", size)) {
    open = !open;
    storage->SetBool(id, open);
  }
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (ImGui::IsItemHovered()) draw->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_HeaderHovered), style.FrameRounding);
  ImGui::RenderNavHighlight(ImRect(min, max), ImGui::GetItemID());
  const float y = min.y + (size.y - ImGui::GetFontSize()) * 0.5f;
  ImGui::RenderArrow(draw, ImVec2(max.x - style.FramePadding.x - arrow, y), ImGui::GetColorU32(ImGuiCol_Text),
                     open ? ImGuiDir_Down : ImGuiDir_Left);
  draw->AddText(ImVec2(min.x + style.FramePadding.x, y), ImGui::GetColorU32(ImGuiCol_Text), visual.c_str());
  return open;
}
}  // namespace

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
  const bool contents_open = rtl() ? contents_toggle_right_to_left(s.t("reader.contents"), !narrow_layout())
                                   : ImGui::TreeNodeEx(s.t("reader.contents").c_str(),
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
