#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"
#include "rtl/shaper.h"
#include "ui/rtl_text.h"
#include "ui/theme.h"

namespace siaga::ui {

namespace {
SemanticTree* g_tree = nullptr;  // the frame's output; set by begin_semantics, not owned

void mark_focus_if_focused() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g_tree && !g_tree->nodes.empty() && g.NavId != 0 && g.NavId == g.LastItemData.ID)
    g_tree->nodes.back().focused = true;
}
}  // namespace

std::string_view visible_label(std::string_view label) {
  const size_t hashes = label.find("##");
  return hashes == std::string_view::npos ? label : label.substr(0, hashes);
}

namespace {
// A radio button or checkbox in a right-to-left language: the control on the right, its label
// wrapped and right-aligned to its left, the whole row one touch target (an invisible button).
bool rtl_choice(std::string_view label, bool checked, bool round) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float font = ImGui::GetFontSize();
  const float square = std::min(kTouchTarget - 8.0f, font + 10.0f);
  const float gap = style.ItemInnerSpacing.x + 4.0f;
  const float left = ImGui::GetCursorPosX();
  const float avail = std::max(80.0f, ImGui::GetContentRegionAvail().x);
  const std::vector<std::string> lines = shaped_lines(visible_label(label), avail - square - gap - 10.0f);
  float text_width = 0;
  for (const std::string& line : lines) text_width = std::max(text_width, ImGui::CalcTextSize(line.c_str()).x);
  const float line_height = ImGui::GetTextLineHeightWithSpacing();
  const float height = std::max(kTouchTarget, static_cast<float>(lines.size()) * line_height + 10.0f);
  const float width = text_width + gap + square + 10.0f;
  ImGui::SetCursorPosX(left + avail - width);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const bool pressed = ImGui::InvisibleButton(std::string(label).c_str(), ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered(), held = ImGui::IsItemActive();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 frame = ImGui::GetColorU32(held ? ImGuiCol_FrameBgActive : hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg);
  const ImU32 mark = ImGui::GetColorU32(ImGuiCol_CheckMark);
  const ImVec2 box(at.x + width - 5.0f - square, at.y + (height - square) * 0.5f);
  if (round) {
    const ImVec2 centre(box.x + square * 0.5f, box.y + square * 0.5f);
    draw->AddCircleFilled(centre, square * 0.5f, frame, 20);
    if (style.FrameBorderSize > 0)
      draw->AddCircle(centre, square * 0.5f, ImGui::GetColorU32(ImGuiCol_Border), 20, style.FrameBorderSize);
    if (checked) draw->AddCircleFilled(centre, square * 0.5f - std::max(2.0f, square / 6.0f) - 1.0f, mark, 16);
  } else {
    draw->AddRectFilled(box, ImVec2(box.x + square, box.y + square), frame, style.FrameRounding);
    if (style.FrameBorderSize > 0)
      draw->AddRect(box, ImVec2(box.x + square, box.y + square), ImGui::GetColorU32(ImGuiCol_Border),
                    style.FrameRounding, 0, style.FrameBorderSize);
    if (checked) {
      const float pad = std::max(1.0f, square / 6.0f);
      ImGui::RenderCheckMark(draw, ImVec2(box.x + pad, box.y + pad), mark, square - pad * 2.0f);
    }
  }
  const float text_right = box.x - gap;
  float y = at.y + (height - static_cast<float>(lines.size()) * line_height) * 0.5f + (line_height - font) * 0.5f;
  for (const std::string& line : lines) {
    draw->AddText(ImVec2(text_right - ImGui::CalcTextSize(line.c_str()).x, y), ImGui::GetColorU32(ImGuiCol_Text), line.c_str());
    y += line_height;
  }
  ImGui::RenderNavHighlight(ImRect(at, ImVec2(at.x + width, at.y + height)), ImGui::GetItemID());
  return pressed;
}
}  // namespace

void begin_semantics(SemanticTree* tree) { g_tree = tree; }

void add_node(Role role, std::string_view name, float x, float y, float w, float h) {
  if (!g_tree) return;
  SemanticNode node;
  node.role = role;
  node.name = std::string(name);
  node.x = x;
  node.y = y;
  node.w = w;
  node.h = h;
  g_tree->nodes.push_back(std::move(node));
}

void add_last_item(Role role, std::string_view name) {
  ImVec2 min = ImGui::GetItemRectMin();
  ImVec2 max = ImGui::GetItemRectMax();
  // A card scrolled wholly out of view is a child window ImGui skips: its widgets are not laid out, and
  // the last item's rectangle is whatever came before the card. The node then takes the card's own
  // rectangle (where it was last drawn), so scrolling to it still brings the card into view.
  if (const ImGuiWindow* window = ImGui::GetCurrentWindow(); window->SkipItems) {
    min = window->Pos;
    max = ImVec2(window->Pos.x + window->Size.x, window->Pos.y + window->Size.y);
  }
  // Widgets scrolled out of view stay in the tree (at their off-screen place), so a screen reader
  // can reach the whole page; the page scrolls one into view before activating it.
  add_node(role, visible_label(name), min.x, min.y, max.x - min.x, max.y - min.y);
  mark_focus_if_focused();
  if (!g_tree || g_tree->nodes.empty() || role != Role::TextField || !ImGui::IsItemActive()) return;
  // Being typed into: the page focuses a real <input> over it so a phone shows its keyboard, a number
  // pad when the field takes only digits (PINs, scores; not quiz numbers, which may need a minus sign
  // that iOS's number pad lacks).
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  SemanticNode& node = g_tree->nodes.back();
  node.editing = true;
  const ImGuiInputTextState* state = ImGui::GetInputTextState(g.LastItemData.ID);
  node.numeric = state && (state->Flags & ImGuiInputTextFlags_CharsDecimal) != 0;
}

size_t node_count() { return g_tree ? g_tree->nodes.size() : 0; }

SemanticNode* node_at(size_t index) {
  return g_tree && index < g_tree->nodes.size() ? &g_tree->nodes[index] : nullptr;
}

SemanticNode* last_node() { return g_tree && !g_tree->nodes.empty() ? &g_tree->nodes.back() : nullptr; }

// [SECTION] Right-to-left placement of buttons and links ------------------------------------------

namespace {
struct RowState {
  int keep_left_to_right = 0;
  bool pending = false;         // the item being drawn was moved
  ImGuiID last = 0;             // the last button or link placed right to left
  float start = 0, end = 0;     // its line's left and right edges (screen x)
  float left = 0, top = 0, bottom = 0;  // its left edge, its line's top, the row's lowest bottom so far
};
RowState g_row;

// Moves the next button or link, `width` wide, to where a right-to-left reader looks for it.
void place_right_to_left(float width) {
  if (!rtl() || g_row.keep_left_to_right > 0) return;
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems || window->DC.IsSetPos) return;
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  float x, y;
  if (window->DC.IsSameLine) {
    // Beside the previous button or link of the row: to its left. Beside anything else: left alone.
    if (g.LastItemData.ID != g_row.last || g_row.last == 0) return;
    x = g_row.left - (window->DC.CursorPos.x - window->DC.CursorPosPrevLine.x) - width;
    y = g_row.top;
    if (x < g_row.start) {  // the line is full: the next one, from the right edge again
      x = g_row.end - width;
      y = g_row.bottom + ImGui::GetStyle().ItemSpacing.y;
    }
  } else {
    g_row.start = window->DC.CursorPos.x;
    g_row.end = g_row.start + ImGui::GetContentRegionAvail().x;
    g_row.bottom = window->DC.CursorPos.y;
    x = g_row.end - width;
    y = window->DC.CursorPos.y;
  }
  ImGui::SetCursorScreenPos(ImVec2(std::max(g_row.start, x), y));
  g_row.pending = true;
}

void placed_right_to_left() {
  if (!g_row.pending) return;
  g_row.pending = false;
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  g_row.last = g.LastItemData.ID;
  g_row.left = min.x;
  g_row.top = min.y;
  g_row.bottom = std::max(g_row.bottom, max.y);
}
}  // namespace

LeftToRightPlacement::LeftToRightPlacement() { ++g_row.keep_left_to_right; }
LeftToRightPlacement::~LeftToRightPlacement() { --g_row.keep_left_to_right; }

bool button(std::string_view label, bool primary) {
  const std::string l = rtl() ? rtl_label(label) : std::string(label);
  place_right_to_left(ImGui::CalcTextSize(l.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2);
  if (primary) {
    ImGui::PushStyleColor(ImGuiCol_Button, theme().accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme().accent_hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme().accent_hover);
    ImGui::PushStyleColor(ImGuiCol_Text, theme().on_accent);
  }
  const bool pressed = ImGui::Button(l.c_str(), ImVec2(0, kTouchTarget));
  placed_right_to_left();
  if (primary) ImGui::PopStyleColor(4);
  add_last_item(Role::Button, label);
  mark_focus_if_focused();
  return pressed;
}

bool toggle_button(std::string_view label, bool pressed_state) {
  const bool clicked = button(label, pressed_state);
  if (SemanticNode* node = last_node(); node && node->role == Role::Button) {
    node->checked = pressed_state;
    node->toggle = true;
  }
  return clicked;
}

bool radio(std::string_view label, bool checked) {
  if (rtl()) {
    const bool clicked = rtl_choice(label, checked, true);
    add_last_item(Role::Radio, label);
    if (SemanticNode* node = last_node(); node && node->role == Role::Radio) node->checked = checked;
    return clicked;
  }
  const std::string l(label);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, (kTouchTarget - ImGui::GetFontSize()) * 0.5f));
  const bool clicked = ImGui::RadioButton(l.c_str(), checked);
  ImGui::PopStyleVar();
  add_last_item(Role::Radio, label);
  if (SemanticNode* node = last_node(); node && node->role == Role::Radio) node->checked = checked;
  mark_focus_if_focused();
  return clicked;
}

bool checkbox(std::string_view label, bool* checked) {
  if (rtl()) {
    const bool clicked = rtl_choice(label, *checked, false);
    if (clicked) *checked = !*checked;
    add_last_item(Role::Checkbox, label);
    if (SemanticNode* node = last_node(); node && node->role == Role::Checkbox) node->checked = *checked;
    return clicked;
  }
  const std::string l(label);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, (kTouchTarget - ImGui::GetFontSize()) * 0.5f));
  const bool clicked = ImGui::Checkbox(l.c_str(), checked);
  ImGui::PopStyleVar();
  add_last_item(Role::Checkbox, label);
  if (SemanticNode* node = last_node(); node && node->role == Role::Checkbox) node->checked = *checked;
  mark_focus_if_focused();
  return clicked;
}

bool link(std::string_view label) {
  const std::string l = rtl() ? rtl_label(label) : std::string(label);
  ImGui::PushStyleColor(ImGuiCol_Text, theme().link);
  ImGui::PushStyleColor(ImGuiCol_Button, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4.0f, (kTouchTarget - ImGui::GetFontSize()) * 0.5f));
  place_right_to_left(ImGui::CalcTextSize(l.c_str(), nullptr, true).x + 8.0f);
  const bool clicked = ImGui::Button(l.c_str());
  placed_right_to_left();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
  if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const float pad_x = 4.0f;
  const float baseline = min.y + (max.y - min.y + ImGui::GetFontSize()) * 0.5f + 1.0f;
  ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x + pad_x, baseline), ImVec2(max.x - pad_x, baseline), theme().link, 1.0f);
  add_last_item(Role::Link, label);
  mark_focus_if_focused();
  return clicked;
}

void heading(std::string_view text, int level, ImFont* font) {
  if (font) ImGui::PushFont(font);
  const std::string t(text);
  ImGui::PushStyleColor(ImGuiCol_Text, theme().heading);
  if (rtl()) rtl_text_wrapped(text);
  else ImGui::TextWrapped("%s", t.c_str());
  ImGui::PopStyleColor();
  if (font) ImGui::PopFont();
  add_last_item(Role::Heading, text);
  if (SemanticNode* node = last_node(); node && node->role == Role::Heading) node->level = level;
}

void text_wrapped(std::string_view text) {
  if (rtl()) {
    rtl_text_wrapped(text);
    add_last_item(Role::Text, text);
    return;
  }
  const std::string t(text);
  ImGui::TextWrapped("%s", t.c_str());
  add_last_item(Role::Text, text);
}

void progress(float fraction, std::string_view label) {
  const std::string l(label);
  if (rtl()) {  // filled from the right, its label shaped
    const float height = l.empty() ? 8.0f : ImGui::GetFrameHeight();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetStyle().FrameRounding;
    draw->AddRectFilled(at, ImVec2(at.x + width, at.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg), rounding);
    const float filled = width * std::clamp(fraction, 0.0f, 1.0f);
    if (filled > 0)
      draw->AddRectFilled(ImVec2(at.x + width - filled, at.y), ImVec2(at.x + width, at.y + height), theme().accent, rounding);
    if (!l.empty()) {
      const std::string& visual = shaped(l);
      const ImVec2 size = ImGui::CalcTextSize(visual.c_str());
      draw->AddText(ImVec2(at.x + (width - size.x) * 0.5f, at.y + (height - size.y) * 0.5f),
                    ImGui::GetColorU32(ImGuiCol_Text), visual.c_str());
    }
  } else {
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, theme().accent);
    ImGui::ProgressBar(std::clamp(fraction, 0.0f, 1.0f), ImVec2(-1, l.empty() ? 8.0f : 0.0f), l.empty() ? "" : l.c_str());
    ImGui::PopStyleColor();
  }
  add_last_item(Role::Progress, label);
  if (SemanticNode* node = last_node(); node && node->role == Role::Progress) node->value = fraction;
}

bool text_field(const char* id, std::string_view name, char* buffer, size_t size, int flags) {
  const float field_width = std::min(ImGui::GetContentRegionAvail().x, 360.0f);
  ImGui::SetNextItemWidth(field_width);
  // Right to left, a field that starts a line sits at the right edge, under its right-aligned label.
  if (const ImGuiWindow* window = ImGui::GetCurrentWindow();
      rtl() && g_row.keep_left_to_right == 0 && !window->DC.IsSameLine && !window->DC.IsSetPos) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(at.x + ImGui::GetContentRegionAvail().x - field_width, at.y));
  }
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, (kTouchTarget - ImGui::GetFontSize()) * 0.5f));
  // Right to left, the typed text is drawn shaped and right-aligned over the field (ImGui's own
  // drawing of it, letter by letter, is made transparent).
  // While being edited, ImGui keeps the text in its own state (the buffer gets it on Enter).
  std::string current = buffer;
  if (rtl()) {
    if (const ImGuiInputTextState* state = ImGui::GetInputTextState(ImGui::GetID(id)); state && state->CurLenW > 0) {
      std::string utf8(static_cast<size_t>(state->CurLenW) * 4 + 1, '\0');
      const int n = ImTextStrToUtf8(utf8.data(), static_cast<int>(utf8.size()), state->TextW.Data, state->TextW.Data + state->CurLenW);
      utf8.resize(static_cast<size_t>(n));
      current = utf8;
    }
  }
  const bool shape_it = rtl() && !current.empty() && (flags & ImGuiInputTextFlags_Password) == 0;
  if (shape_it) ImGui::PushStyleColor(ImGuiCol_Text, 0);
  const bool enter = ImGui::InputText(id, buffer, size, flags | ImGuiInputTextFlags_EnterReturnsTrue);
  if (shape_it) {
    ImGui::PopStyleColor();
    const std::string& visual = shaped(current);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const float w = ImGui::CalcTextSize(visual.c_str()).x;
    const float pad = ImGui::GetStyle().FramePadding.x;
    {
      ImDrawList* draw = ImGui::GetWindowDrawList();
      draw->PushClipRect(min, max, true);
      const float left = std::max(min.x + pad, max.x - pad - w);
      const float top = min.y + (max.y - min.y - ImGui::GetFontSize()) * 0.5f;
      draw->AddText(ImVec2(left, top), theme().text, visual.c_str());
      // ImGui's caret went transparent with its text: the caret is drawn here, after the typed
      // letters in reading order (right to left, the text before the cursor ends at its left).
      const ImGuiInputTextState* state = ImGui::GetInputTextState(ImGui::GetItemID());
      if (ImGui::IsItemActive() && state) {
        const int cursor = std::clamp(state->Stb.cursor, 0, state->CurLenW);
        std::string before(static_cast<size_t>(cursor) * 4 + 1, '\0');
        before.resize(static_cast<size_t>(
            ImTextStrToUtf8(before.data(), static_cast<int>(before.size()), state->TextW.Data, state->TextW.Data + cursor)));
        const std::string& drawn_before = shaped(before);
        const float before_width = ImGui::CalcTextSize(drawn_before.c_str()).x;
        // A name typed in Latin letters reads left to right even in a right-to-left interface.
        const float x = std::round(rtl::has_arabic_script(current) ? left + w - before_width : left + before_width) - 1.0f;
        draw->AddLine(ImVec2(x, top), ImVec2(x, top + ImGui::GetFontSize() - 1.0f), theme().text, 1.0f);
      }
      draw->PopClipRect();
    }
  }
  ImGui::PopStyleVar();
  add_last_item(Role::TextField, name);
  mark_focus_if_focused();
  return enter;
}

void notice(std::string_view text, unsigned int colour) {
  const std::string t(text);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, colour);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 10));
  ImGui::BeginChild(ImGui::GetID(t.c_str()), ImVec2(0, 0),
                    ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
  ImGui::PushStyleColor(ImGuiCol_Text, theme().text);
  if (rtl()) rtl_text_wrapped(text);
  else ImGui::TextWrapped("%s", t.c_str());
  ImGui::PopStyleColor();
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  add_last_item(Role::Alert, text);
}

}  // namespace siaga::ui
