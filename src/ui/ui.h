// ui.h — the Dear ImGui screens. They read AppState, draw it, publish what they drew as a semantic
// tree, and record Actions; they never touch storage, the browser or AppState directly.
#pragma once

#include <string>
#include <vector>

#include "core/app_state.h"
#include "core/i18n.h"
#include "core/semantic_tree.h"

struct ImFont;

namespace siaga::ui {

struct Fonts {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;
  ImFont* italic = nullptr;
  ImFont* h1 = nullptr;
  ImFont* h2 = nullptr;
  ImFont* h3 = nullptr;
  ImFont* small = nullptr;
};

// UI-only state that outlives a frame (not persisted, not part of AppState).
struct UiState {
  Fonts fonts;
  float text_scale = 1.0f;
  float pixel_ratio = 1.0f;   // fonts are rasterised at this density so text is crisp
  Route scrolled_route;       // the route whose scroll position has been reset
};

// Everything one frame produces besides pixels.
struct FrameOutput {
  std::vector<Action> actions;
  SemanticTree tree;
};

void draw_app(const AppState& app, const UiText& text, UiState& ui, FrameOutput& out);

}  // namespace siaga::ui
