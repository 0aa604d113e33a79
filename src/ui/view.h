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
// The learner's certificate buttons once the course is complete (nothing otherwise).
void draw_certificate_actions(const View& v, const Course& course);  // certificate_view.cpp

}  // namespace siaga::ui
