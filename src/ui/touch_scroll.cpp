#include "ui/touch_scroll.h"

#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/ui.h"

namespace siaga::ui {

namespace {

constexpr float kSlop = 10.0f;           // CSS px a finger may wander and still be a tap
constexpr float kMaxSpeed = 4000.0f;     // px/s, the fastest fling (glides about 1000 px)
constexpr float kMinSpeed = 40.0f;       // px/s, slower than this and the glide stops
constexpr float kFriction = 4.0f;        // 1/s: the speed falls to 1/e in a quarter of a second
constexpr double kVelocityWindow = 100;  // ms of finger movement that sets the fling speed

// Forgets the drag and the glide (the finger's samples stay: they belong to the input, not the drag).
void stop(TouchScroll& touch) {
  touch.tracking = false;
  touch.dragging = false;
  touch.window = 0;
  touch.grab_y = 0;
  touch.grab_scroll = 0;
  touch.velocity = 0;
}

// The window a drag should scroll: the one under the finger, or the nearest parent that can scroll.
ImGuiWindow* scrollable_at(ImGuiWindow* window) {
  for (; window; window = window->ParentWindow)
    if (window->ScrollMax.y > 0.0f) return window;
  return nullptr;
}

// Scroll speed at lift-off (px/s, positive = content up): how fast the finger was moving when it reached
// the place it lifted from, over the last kVelocityWindow before that. A finger that rested there before
// lifting gives no fling. (Browsers may merge a burst of moves into one, so the speed is taken between
// samples at different places, never from the lift alone.)
float release_velocity(const TouchScroll& touch) {
  if (touch.sample_count < 2) return 0;
  const TouchScroll::Sample& lift = touch.samples[touch.sample_count - 1];
  int arrival = touch.sample_count - 1;  // the first sample at the final place
  while (arrival > 0 && touch.samples[arrival - 1].y == lift.y) --arrival;
  if (arrival == 0) return 0;                                          // it never moved
  if (lift.time - touch.samples[arrival].time > kVelocityWindow) return 0;  // it rested before lifting
  int first = arrival - 1;
  while (first > 0 && touch.samples[arrival].time - touch.samples[first - 1].time <= kVelocityWindow) --first;
  const double span = std::max(8.0, touch.samples[arrival].time - touch.samples[first].time) / 1000.0;
  return std::clamp(static_cast<float>((touch.samples[first].y - touch.samples[arrival].y) / span), -kMaxSpeed, kMaxSpeed);
}

void scroll_to(ImGuiWindow* window, float y) { ImGui::SetScrollY(window, std::clamp(y, 0.0f, window->ScrollMax.y)); }

}  // namespace

void touch_event(TouchScroll& touch, float y, double time_ms, bool pressed) {
  if (pressed) touch.sample_count = 0;
  if (touch.sample_count == IM_ARRAYSIZE(touch.samples)) {
    std::copy(touch.samples + 1, touch.samples + touch.sample_count, touch.samples);
    --touch.sample_count;
  }
  touch.samples[touch.sample_count++] = {time_ms, y};
}

void touch_scroll(TouchScroll& touch, FrameOutput& out) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  const ImGuiIO& io = g.IO;
  const bool by_finger = io.MouseSource == ImGuiMouseSource_TouchScreen;

  // Any new press or wheel stops a glide, as on a phone: a finger on the page holds it still.
  if (io.MouseClicked[0] || io.MouseWheel != 0.0f || io.MouseWheelH != 0.0f)
    touch.velocity = 0;

  if (io.MouseClicked[0]) {
    stop(touch);
    ImGuiWindow* window = by_finger ? scrollable_at(g.HoveredWindow) : nullptr;
    if (window) {
      touch.tracking = true;
      touch.window = window->ID;
      touch.grab_y = io.MousePos.y;
      touch.grab_scroll = window->Scroll.y;
    }
  }

  ImGuiWindow* window = touch.window ? ImGui::FindWindowByID(touch.window) : nullptr;
  if (!window) stop(touch);

  if (touch.tracking && io.MouseDown[0]) {
    const float moved = io.MousePos.y - touch.grab_y;
    if (!touch.dragging && std::fabs(moved) > kSlop) {
      // From here on it is a drag, not a tap: release whatever the finger pressed (a button, a radio)
      // so lifting it activates nothing. The page then follows the finger from where it first touched.
      touch.dragging = true;
      ImGui::ClearActiveID();
    }
    if (touch.dragging) {
      scroll_to(window, touch.grab_scroll - (io.MousePos.y - touch.grab_y));
      // Nothing under a dragging finger is "hovered": no highlight follows it across buttons.
      if (g.ActiveId != 0) ImGui::ClearActiveID();
    }
  } else if (touch.tracking) {  // the finger lifted
    if (touch.dragging) touch.velocity = release_velocity(touch);
    touch.tracking = false;
    touch.dragging = false;
  }

  if (!touch.tracking && window && touch.velocity != 0.0f) {
    const float dt = std::min(io.DeltaTime, 0.05f);
    const float before = window->Scroll.y;
    // Scroll.y is this frame's start; any target set earlier this frame is where it is headed.
    const float from = window->ScrollTarget.y < FLT_MAX ? window->ScrollTarget.y : before;
    scroll_to(window, from + touch.velocity * dt);
    touch.velocity *= std::exp(-kFriction * dt);
    const bool at_edge = (touch.velocity < 0 && from <= 0.0f) || (touch.velocity > 0 && from >= window->ScrollMax.y);
    if (std::fabs(touch.velocity) < kMinSpeed || at_edge) touch.velocity = 0;
  }
  if (touch.velocity != 0.0f) out.wake_after_ms = 16;
}

}  // namespace siaga::ui
