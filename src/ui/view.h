// view.h — what every screen is handed: the state to draw, interface text, UI state, and where to
// record actions and semantic nodes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/course_status.h"
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
  void navigate(Route route) const { act(Navigate{std::move(route)}); }
};

bool narrow_layout();

// The screens, each in its own file (app_ui.cpp routes to them).
void draw_catalog(const View& v, const Language& language);                     // catalog_view.cpp
void draw_bank_practice(const View& v);  // the offered question bank as a practice quiz (catalog_view.cpp)
void draw_course(const View& v, const Course& course);                          // course_view.cpp
void draw_module(const View& v, const Course& course, const Module& module);    // reader_view.cpp
void draw_not_found(const View& v);                                             // reader_view.cpp
int course_minutes(const Course& course);                                       // course_view.cpp
// A file on its way (a course's lessons, the facilitator's tools): the words and a bar of kilobytes
// while it comes (no bar while its size is unknown); if it failed, the words, the browser's reason and
// "Try again", which sends `retry`.
struct Download {
  bool failed = false;
  std::string_view error;
  int64_t received = 0, total = 0;  // total 0 = not known
};
void draw_download(const View& v, std::string_view downloading_key, std::string_view failed_key,
                   const Download& download, Action retry);                      // course_view.cpp
// A course whose lessons are not on the device yet (app/course_packs.h): a progress bar while they
// download, or what to do when they cannot be fetched, with "Try again". Nothing once they are in.
void draw_course_text_pending(const View& v, const Course& course);             // course_view.cpp
// The whole screen for a lesson, quiz or projector view whose course is still arriving.
void draw_course_waiting(const View& v, const Course& course);                  // course_view.cpp
void draw_learners(const View& v);
void draw_settings(const View& v);
void draw_facilitator(const View& v);  // facilitator_view.cpp
void draw_quiz(const View& v, const Course& course, const Module& module, const Quiz& quiz);
// The learner's certificate buttons once the course is complete (nothing otherwise).
void draw_certificate_actions(const View& v, const Course& course);  // certificate_view.cpp

// Where the learner stands (progress_view.cpp): "My progress", "About & privacy", and the pieces the
// catalog and course page share with them.
void draw_my_progress(const View& v);
void draw_about(const View& v);
std::string module_state_text(const View& v, ModuleState state);
std::string quiz_standing_text(const View& v, const Quiz& quiz, const QuizStanding& standing);
std::string certificate_text(const View& v, const CertificateStatus& status);
std::string date_text(const View& v, int64_t unix_ms);  // "3 December 2026" (UTC), "" for 0
// Opens the reader where the learner left the course (and scrolls to the question, if any).
void continue_course(const View& v, const Course& course, const ResumePoint& point);
// Scrolls so the cursor is at `ratio` of the window's height when UiState::scroll_target is `target`,
// over a few frames (auto-sized panels above may still be settling), then forgets the target.
void scroll_here_if_target(const View& v, std::string_view target, float ratio);
// Shared by the screens (app_ui.cpp): the language being shown (English if its pack is missing), and a
// secondary line of text in the theme's muted colour.
const Language* active_language(const View& v);
void muted(std::string_view text);

void draw_plans(const View& v);      // plan_view.cpp: session plans list and editor (Screen::Plans)
// presenter_view.cpp: the projector screens (Screen::Present, Screen::GroupQuiz). They fill the whole
// window themselves (no header), so draw_app hands over before opening its page window.
bool is_projector_screen(Screen screen);
void draw_projector(const View& v);

}  // namespace siaga::ui
