// view.h — what every screen is handed: the state to draw, interface text, UI state, and where to
// record actions and semantic nodes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ui/ui.h"

namespace siaga::ui {

struct View {
  const AppState& app;
  const UiText& text;
  UiState& ui;
  FrameOutput& out;

  std::string t(std::string_view key) const { return std::string(text(key)); }
  std::string tf(std::string_view key, const std::vector<std::string>& args) const {
    return format_text(text(key), args);
  }
  void act(Action action) const { out.actions.push_back(std::move(action)); }
  void navigate(Route route) const { act(Action{.kind = Action::Kind::Navigate, .route = std::move(route)}); }
};

bool narrow_layout();

// Screens besides the catalog and reader (each in its own file).
void draw_learners(const View& v);
void draw_settings(const View& v);
void draw_facilitator(const View& v);  // facilitator_view.cpp
void draw_quiz(const View& v, const Course& course, const Module& module, const Quiz& quiz);
void draw_plans(const View& v);      // plan_view.cpp: session plans list and editor (Screen::Plans)
// presenter_view.cpp: the projector screens (Screen::Present, Screen::GroupQuiz). They fill the whole
// window themselves (no header), so draw_app hands over before opening its page window.
bool is_projector_screen(Screen screen);
void draw_projector(const View& v);

}  // namespace siaga::ui
