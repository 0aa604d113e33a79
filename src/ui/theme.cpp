#include "ui/theme.h"

#include "imgui.h"

namespace siaga::ui {

namespace {
constexpr unsigned int rgb(unsigned int hex) {  // 0xRRGGBB -> ImGui's ABGR
  return 0xFF000000u | ((hex & 0xFF) << 16) | (hex & 0xFF00) | ((hex >> 16) & 0xFF);
}

const Theme kLight = {
    .background = rgb(0xFBFAF7), .surface = rgb(0xFFFFFF), .text = rgb(0x1D2430), .muted = rgb(0x4A5363),
    .heading = rgb(0x0F2A44), .accent = rgb(0x0B5CAD), .accent_hover = rgb(0x094A8C), .on_accent = rgb(0xFFFFFF),
    .link = rgb(0x0B5CAD), .border = rgb(0xC9CED6), .note = rgb(0xE7F0FB), .tip = rgb(0xE6F4EA),
    .warning = rgb(0xFDF1DC), .case_study = rgb(0xF1EAF9), .discuss = rgb(0xE3F4F4), .error = rgb(0xFBE4E4),
    .success = rgb(0xE6F4EA),
};
}  // namespace

const Theme& theme() { return kLight; }

void apply_theme_to_imgui() {
  const Theme& t = theme();
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  ImGui::StyleColorsLight(&style);
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(t.background);
  c[ImGuiCol_ChildBg] = ImGui::ColorConvertU32ToFloat4(t.surface);
  c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(t.text);
  c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(t.muted);
  c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(t.border);
  c[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(rgb(0xE4E8EE));
  c[ImGuiCol_ButtonHovered] = ImGui::ColorConvertU32ToFloat4(rgb(0xD3DAE4));
  c[ImGuiCol_ButtonActive] = ImGui::ColorConvertU32ToFloat4(rgb(0xC2CCD9));
  c[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(rgb(0xFFFFFF));
  c[ImGuiCol_CheckMark] = ImGui::ColorConvertU32ToFloat4(t.accent);
  c[ImGuiCol_NavHighlight] = ImGui::ColorConvertU32ToFloat4(rgb(0xC2410C));
  c[ImGuiCol_Header] = ImGui::ColorConvertU32ToFloat4(rgb(0xE4E8EE));
  c[ImGuiCol_HeaderHovered] = ImGui::ColorConvertU32ToFloat4(rgb(0xD3DAE4));
  c[ImGuiCol_TableHeaderBg] = ImGui::ColorConvertU32ToFloat4(rgb(0xE4E8EE));
  c[ImGuiCol_TableBorderStrong] = ImGui::ColorConvertU32ToFloat4(t.border);
  c[ImGuiCol_TableBorderLight] = ImGui::ColorConvertU32ToFloat4(t.border);
  c[ImGuiCol_ScrollbarBg] = ImGui::ColorConvertU32ToFloat4(t.background);
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
