// touch_scroll.h — finger-drag scrolling for touch screens, with a short fling.
//
// Dear ImGui 1.90 scrolls only with the wheel and the scrollbar; on a phone people drag the page. The
// SDL backend marks mouse events that SDL synthesised from touches (io.MouseSource ==
// ImGuiMouseSource_TouchScreen), so a press by a finger followed by a move beyond a small slop becomes a
// drag of the scrollable window under it: the widget that was pressed is released without being
// activated, the window follows the finger, and on lift-off it glides on and slows to a stop.
// A tap (no move beyond the slop) is left to ImGui, so it still activates what it lands on.
#pragma once

namespace siaga::ui {

struct FrameOutput;

// The finger's state, kept in UiState (ui.h) like every other piece of UI state.
struct TouchScroll {
  // The finger's recent positions with the time each was reported, fed by touch_event() as input
  // arrives. Frames can be far apart (render on demand, a slow phone), so the fling speed is measured
  // from these, not from frame times.
  struct Sample {
    double time = 0;  // ms, when the browser reported it
    float y = 0;
  };
  Sample samples[32];
  int sample_count = 0;

  bool tracking = false;    // a finger is down on a scrollable window
  bool dragging = false;    // ... and has moved beyond the slop
  unsigned int window = 0;  // the ImGuiID of the window being scrolled
  float grab_y = 0;         // finger y where the drag began
  float grab_scroll = 0;    // the window's scroll there
  float velocity = 0;       // px/s of scroll (positive: content moves up) while gliding
};

// Input as it arrives (not per frame): where a finger is, when the browser reported it (ms), and
// whether it has just touched down. Feeds the fling speed.
void touch_event(TouchScroll& touch, float y, double time_ms, bool pressed);

// Call once per frame, after ImGui::NewFrame() and before the windows are begun. While the page is
// gliding it asks for the next frame (out.wake_after_ms); when it stops, it asks for nothing.
void touch_scroll(TouchScroll& touch, FrameOutput& out);

}  // namespace siaga::ui
