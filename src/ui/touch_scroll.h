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

// Input as it arrives (not per frame): where a finger is, when the browser reported it (ms), and
// whether it has just touched down. Feeds the fling speed.
void touch_event(float y, double time_ms, bool pressed);

// Call once per frame, after ImGui::NewFrame() and before the windows are begun. While the page is
// gliding it asks for the next frame (out.wake_after_ms); when it stops, it asks for nothing.
void touch_scroll(FrameOutput& out);

}  // namespace siaga::ui
