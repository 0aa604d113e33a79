// ui.h — the Dear ImGui screens. They read AppState, draw it, publish what they drew as a semantic
// tree, and record Actions; they never touch storage, the browser or AppState directly.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/actions.h"
#include "app/app_state.h"
#include "core/i18n.h"
#include "core/semantic_tree.h"
#include "ui/touch_scroll.h"

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
  TouchScroll touch;          // a finger dragging or a page gliding (touch_scroll.h)

  // Text being typed (ImGui edits fixed buffers); not state of the app until submitted.
  char new_name[48] = {};
  char new_pin[8] = {};
  char sign_in_pin[8] = {};
  int new_colour = 0;
  std::string pin_for_profile;  // the learner whose PIN is being asked for
  std::string seen_profile_id;  // who was signed in last frame
  bool creating_profile = false;
  std::string confirm;          // a destructive action waiting for "Yes" (e.g. "remove-data")
  std::map<std::string, std::string> typed_answers;  // "<attempt>/<question>" -> short/numeric text
  // A place to scroll to once it is drawn: "question:<id>" ("Continue" into a quiz), "settings:data".
  std::string scroll_target;
  int scroll_target_frames = 0;  // frames it has been scrolled to (layout settles over a few)

  // The facilitator screen's fields (facilitator_view.cpp). The answer grid's cells are not here: each
  // edit is an action, saved at once, and the grid is drawn from AppState::facilitator.paper_rows.
  struct FacilitatorFields {
    char codes[16 * 1024] = {};
    char cert_code[64] = {};
    char cert_name[128] = {};
    char cert_date[16] = {};
    char cert_score[8] = {};
    std::string cert_course;
    bool confirm_clear = false;
    bool confirm_remove_bank = false;  // "Remove" pressed: waiting for "Yes, remove the bank" 
    int paper_test = 0;           // the answer grid shows 0: pretest, 1: posttest
    int confirm_remove_row = -1;  // a grid row waiting for "Yes, remove" (index into paper_rows)
  };
  FacilitatorFields facilitator;

  // ---- Facilitator: session plans and the presenter view (plan_view.cpp, presenter_view.cpp) ----
  Fonts projector;              // large faces for the projector; built the first time the presenter opens
  bool start_time_problem = false;  // the start time being typed is not a time yet
  std::string confirm_plan_delete;  // the plan whose "Delete" waits for "Yes"
  Route presenter_back;         // where "Leave" and Escape go from the presenter ("" screen = plans)
  Route group_quiz_back;        // the slide the group quiz was opened from
  // The group-work timer: counts down; redraws about once a second only while running.
  struct GroupTimer {
    int total_s = 10 * 60;
    double remaining_s = 10 * 60;  // as of started_at (running) or now (paused)
    double started_at = 0;         // ImGui::GetTime() when last started
    bool running = false;
    bool open = false;             // its controls are showing
  };
  GroupTimer timer;
  // The group quiz on the projector: nothing here is stored or scored.
  std::string group_quiz;       // "<course>/<module>/<quiz>" the state below belongs to
  int group_question = 0;
  bool group_revealed = false;
  int group_show_answer = 0;    // frames left to scroll the just-revealed answer into view (it grows for one)
  std::map<std::string, std::vector<int>> group_votes;  // "<course>/<module>/<quiz>/<question>" -> hands per option
};

// Everything one frame produces besides pixels.
struct FrameOutput {
  std::vector<Action> actions;
  SemanticTree tree;
  // Something on screen changes by itself (a running timer): draw again after this many ms even with
  // no input. -1 = nothing to wait for; the loop stays paused until the next event.
  int wake_after_ms = -1;
};

void draw_app(const AppState& app, const UiText& text, UiState& ui, FrameOutput& out);

}  // namespace siaga::ui
