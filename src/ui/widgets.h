// widgets.h — ImGui widgets that also record themselves in the semantic tree (role, name, state,
// rectangle). Screens use these instead of raw ImGui calls for anything a reader or test must find.
//
// Why wrappers and not ImGui's test-engine item hooks: the hooks see ids, labels and a few status
// flags, but cannot tell a radio button from a checkbox, a heading from a label, or a link from a
// button; the wrappers know the role for certain and cost one line per widget.
#pragma once

#include <string>
#include <string_view>

#include "core/semantic_tree.h"

struct ImFont;

namespace siaga::ui {

// Where the current frame's nodes go. Set once per frame by draw_app.
void begin_semantics(SemanticTree* tree);
void add_node(Role role, std::string_view name, float x, float y, float w, float h);
void add_last_item(Role role, std::string_view name);  // rect of ImGui's last item
SemanticNode* last_node();
size_t node_count();
SemanticNode* node_at(size_t index);  // nullptr when out of range

// In a right-to-left language, buttons and links are placed as a reader of that language expects:
// one that starts a line goes to the right edge; one after SameLine goes to the left of the button or
// link before it, and to a new line (from the right edge) when the left edge is reached. Drawing
// order, and so keyboard and screen-reader order, stays the reading order ("Previous" before "Next").
// A widget the caller placed with SetCursorPos, or one after SameLine beside text, stays where ImGui
// puts it. While a LeftToRightPlacement lives, nothing is moved (the facilitator's grids and the
// projector, whose rows are laid out by hand).
class LeftToRightPlacement {
 public:
  LeftToRightPlacement();
  ~LeftToRightPlacement();
  LeftToRightPlacement(const LeftToRightPlacement&) = delete;
  LeftToRightPlacement& operator=(const LeftToRightPlacement&) = delete;
};

// Label shown, id hidden: "Label##id" works as in ImGui. Returns true when activated.
bool button(std::string_view label, bool primary = false);
bool toggle_button(std::string_view label, bool pressed);  // a pressed-state button (aria-pressed)
bool radio(std::string_view label, bool checked);
bool checkbox(std::string_view label, bool* checked);
bool link(std::string_view label);
void heading(std::string_view text, int level, ImFont* font);
void text_wrapped(std::string_view text);
void progress(float fraction, std::string_view label);
// A one-line text field of touch height; `name` is its accessible name. Returns true on Enter.
// flags are ImGuiInputTextFlags.
bool text_field(const char* id, std::string_view name, char* buffer, size_t size, int flags = 0);
void notice(std::string_view text, unsigned int colour);  // a coloured panel with an alert role

// The visible text of an ImGui label ("Start##course" -> "Start").
std::string_view visible_label(std::string_view label);

}  // namespace siaga::ui
