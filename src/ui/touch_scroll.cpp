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

struct Sample {
  double time = 0;  // ms, when the browser reported it
  float y = 0;
};

// The finger's recent positions with the time each was reported, fed by touch_event() as input arrives.
// Frames can be far apart (render on demand, a slow phone), so the fling speed is measured from these,
// not from frame times.
Sample g_samples[32];
int g_sample_count = 0;

struct TouchState {
  bool tracking = false;  // a finger is down on a scrollable window
  bool dragging = false;  // ... and has moved beyond the slop
  ImGuiID window = 0;     // the window being scrolled
  float grab_y = 0;       // finger y where the drag began
  float grab_scroll = 0;  // the window's scroll there
  float velocity = 0;     // px/s of scroll (positive: content moves up) while gliding
};

TouchState g_touch;

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
float release_velocity() {
  if (g_sample_count < 2) return 0;
  const Sample& lift = g_samples[g_sample_count - 1];
  int arrival = g_sample_count - 1;  // the first sample at the final place
  while (arrival > 0 && g_samples[arrival - 1].y == lift.y) --arrival;
  if (arrival == 0) return 0;                                          // it never moved
  if (lift.time - g_samples[arrival].time > kVelocityWindow) return 0;  // it rested before lifting
  int first = arrival - 1;
  while (first > 0 && g_samples[arrival].time - g_samples[first - 1].time <= kVelocityWindow) --first;
  const double span = std::max(8.0, g_samples[arrival].time - g_samples[first].time) / 1000.0;
  return std::clamp(static_cast<float>((g_samples[first].y - g_samples[arrival].y) / span), -kMaxSpeed, kMaxSpeed);
}

void scroll_to(ImGuiWindow* window, float y) { ImGui::SetScrollY(window, std::clamp(y, 0.0f, window->ScrollMax.y)); }

}  // namespace

void touch_event(float y, double time_ms, bool pressed) {
  if (pressed) g_sample_count = 0;
  if (g_sample_count == IM_ARRAYSIZE(g_samples)) {
    std::copy(g_samples + 1, g_samples + g_sample_count, g_samples);
    --g_sample_count;
  }
  g_samples[g_sample_count++] = {time_ms, y};
}

void touch_scroll(FrameOutput& out) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  const ImGuiIO& io = g.IO;
  const bool touch = io.MouseSource == ImGuiMouseSource_TouchScreen;

  // Any new press or wheel stops a glide, as on a phone: a finger on the page holds it still.
  if (io.MouseClicked[0] || io.MouseWheel != 0.0f || io.MouseWheelH != 0.0f)
    g_touch.velocity = 0;

  if (io.MouseClicked[0]) {
    g_touch = TouchState{};
    ImGuiWindow* window = touch ? scrollable_at(g.HoveredWindow) : nullptr;
    if (window) {
      g_touch.tracking = true;
      g_touch.window = window->ID;
      g_touch.grab_y = io.MousePos.y;
      g_touch.grab_scroll = window->Scroll.y;
    }
  }

  ImGuiWindow* window = g_touch.window ? ImGui::FindWindowByID(g_touch.window) : nullptr;
  if (!window) g_touch = TouchState{};

  if (g_touch.tracking && io.MouseDown[0]) {
    const float moved = io.MousePos.y - g_touch.grab_y;
    if (!g_touch.dragging && std::fabs(moved) > kSlop) {
      // From here on it is a drag, not a tap: release whatever the finger pressed (a button, a radio)
      // so lifting it activates nothing. The page then follows the finger from where it first touched.
      g_touch.dragging = true;
      ImGui::ClearActiveID();
    }
    if (g_touch.dragging) {
      scroll_to(window, g_touch.grab_scroll - (io.MousePos.y - g_touch.grab_y));
      // Nothing under a dragging finger is "hovered": no highlight follows it across buttons.
      if (g.ActiveId != 0) ImGui::ClearActiveID();
    }
  } else if (g_touch.tracking) {  // the finger lifted
    if (g_touch.dragging) g_touch.velocity = release_velocity();
    g_touch.tracking = false;
    g_touch.dragging = false;
  }

  if (!g_touch.tracking && window && g_touch.velocity != 0.0f) {
    const float dt = std::min(io.DeltaTime, 0.05f);
    const float before = window->Scroll.y;
    // Scroll.y is this frame's start; any target set earlier this frame is where it is headed.
    const float from = window->ScrollTarget.y < FLT_MAX ? window->ScrollTarget.y : before;
    scroll_to(window, from + g_touch.velocity * dt);
    g_touch.velocity *= std::exp(-kFriction * dt);
    const bool at_edge = (g_touch.velocity < 0 && from <= 0.0f) || (g_touch.velocity > 0 && from >= window->ScrollMax.y);
    if (std::fabs(g_touch.velocity) < kMinSpeed || at_edge) g_touch.velocity = 0;
  }
  if (g_touch.velocity != 0.0f) out.wake_after_ms = 16;
}

}  // namespace siaga::ui
