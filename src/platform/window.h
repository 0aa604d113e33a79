// window.h — where the portal is drawn and how its loop runs, one implementation per target (in the
// manner of Tracy's backends): platform/web/window_web.cpp (the page's canvas, WebGL2, Emscripten's
// main loop, the page's C entry points) and platform/native/window_native.cpp (an SDL window with
// desktop OpenGL, a loop that blocks while idle, the command line, screenshots). main.cpp and the
// frame are written once, against this interface, with no #ifdef.
//
// Render on demand: the loop (main.cpp's FrameLoop) asks for a few frames after every change and then
// pauses; the window sleeps until an event, a wake-up from the page, or a timed wake-up resumes it.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <memory>

#include "imgui.h"
#include "platform/platform.h"

namespace siaga {

// What main.cpp's loop offers the window.
class FrameLoop {
 public:
  virtual ~FrameLoop() = default;
  virtual void frame() = 0;                            // one turn: events, the app, maybe a drawn frame
  virtual bool paused() const = 0;                     // nothing to draw until woken
  virtual void wake() = 0;                             // something changed: draw a few frames
  virtual void timer_fired() = 0;                      // the wake-up asked for with wake_after is due
  virtual void take_event(const SDL_Event& event) = 0; // an event the window waited for while paused
  virtual unsigned long frames_drawn() const = 0;
  virtual double frame_ms(int i) const = 0;            // CPU time of the i-th most recent frame, -1 if none
};

class Window {
 public:
  virtual ~Window() = default;
  virtual Platform& platform() = 0;
  // SDL, a window with its GL context, ImGui's SDL and OpenGL backends and the clipboard, all set up.
  // False after the learner was told why (fatal).
  virtual bool open() = 0;
  virtual void run(FrameLoop& loop) = 0;  // until the window is closed (the page: the call returns at once)
  virtual void close() = 0;               // after run returns: ImGui's backends, the context, SDL

  virtual void pause_loop() = 0;          // no frames until resume_loop
  virtual void resume_loop() = 0;
  virtual void wake_after(int ms) = 0;    // call the loop's timer_fired() in `ms`, once
  virtual void cancel_wake() = 0;

  virtual double now_ms() = 0;
  virtual float pixel_ratio() = 0;                      // drawable pixels per window unit
  virtual double touch_time(uint32_t sdl_timestamp) = 0; // when a finger event really happened, in ms
  virtual void fatal(const char* message) = 0;          // tell the learner; the portal cannot go on
  // No font could be built from the portal's files: true when the window can draw with a stand-in
  // (natively, ImGui's own ASCII font), false when the learner was told instead (the page).
  virtual bool use_fallback_font() = 0;
  virtual void note_event(const SDL_Event& event) = 0;  // every event the frame handles (quit, natively)
  // The whole drawable (width x height pixels) in the background colour, before ImGui draws.
  virtual void clear(int width, int height, const ImVec4& colour) = 0;
  virtual void present() = 0;                           // a frame was drawn: show it
};

// The target's window; argc/argv are the native command line (the page has none).
std::unique_ptr<Window> make_window(int argc, char** argv);

}  // namespace siaga
