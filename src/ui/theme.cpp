#include "ui/theme.h"

#include "imgui.h"

namespace siaga::ui {

namespace {
const Theme* g_active = &kLightTheme;
}  // namespace

const Theme& theme() { return *g_active; }

bool set_theme(std::string_view name) {
  const Theme* next = name == "dark" ? &kDarkTheme : name == "contrast" ? &kContrastTheme : &kLightTheme;
  if (next == g_active) return false;
  g_active = next;
  return true;
}

void apply_theme_to_imgui() {
  const Theme& t = theme();
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  if (t.dark) ImGui::StyleColorsDark(&style);
  else ImGui::StyleColorsLight(&style);
  ImVec4* c = style.Colors;
  const auto set = [&](ImGuiCol slot, unsigned int colour) { c[slot] = ImGui::ColorConvertU32ToFloat4(colour); };
  set(ImGuiCol_WindowBg, t.background);
  set(ImGuiCol_PopupBg, t.surface);
  set(ImGuiCol_ChildBg, t.surface);
  set(ImGuiCol_Text, t.text);
  set(ImGuiCol_TextDisabled, t.muted);
  set(ImGuiCol_Border, t.border);
  set(ImGuiCol_Button, t.button);
  set(ImGuiCol_ButtonHovered, t.button_hovered);
  set(ImGuiCol_ButtonActive, t.button_active);
  set(ImGuiCol_FrameBg, t.frame);
  set(ImGuiCol_CheckMark, t.dark ? t.link : t.accent);
  set(ImGuiCol_NavHighlight, t.focus);
  set(ImGuiCol_Header, t.button);
  set(ImGuiCol_HeaderHovered, t.button_hovered);
  set(ImGuiCol_TableHeaderBg, t.button);
  set(ImGuiCol_TableBorderStrong, t.border);
  set(ImGuiCol_TableBorderLight, t.border);
  set(ImGuiCol_ScrollbarBg, t.background);
  if (t.dark) {  // ImGui's dark base is blue-tinted; bring the remaining parts into the palette
    set(ImGuiCol_FrameBgHovered, t.button_hovered);
    set(ImGuiCol_FrameBgActive, t.button_active);
    set(ImGuiCol_HeaderActive, t.button_active);
    set(ImGuiCol_Separator, t.border);
    set(ImGuiCol_ScrollbarGrab, t.border);
    set(ImGuiCol_ScrollbarGrabHovered, t.muted);
    set(ImGuiCol_ScrollbarGrabActive, t.text);
    set(ImGuiCol_PlotHistogram, t.accent);
    set(ImGuiCol_TextSelectedBg, (t.link & 0x00FFFFFFu) | 0x66000000u);
  }
  style.FrameRounding = 6;
  style.ChildRounding = 8;
  style.FramePadding = ImVec2(14, 8);
  style.ItemSpacing = ImVec2(10, 10);
  style.WindowPadding = ImVec2(20, 16);
  style.ScrollbarSize = 16;
  style.FrameBorderSize = 1;
  style.WindowBorderSize = 0;
}

}  // namespace siaga::ui
