// theme.h — colours and sizes shared by every screen. Light is the default theme; body text on its
// background is #1d2430 on #fbfaf7 (contrast ≈ 15:1, WCAG AAA).
#pragma once

namespace siaga::ui {

inline constexpr float kTouchTarget = 44.0f;   // minimum height of anything clickable, in CSS px
inline constexpr float kReadingWidth = 760.0f;  // comfortable line length for body text

struct Theme {
  unsigned int background, surface, text, muted, heading, accent, accent_hover, on_accent, link,
      border, note, tip, warning, case_study, discuss, error, success;
};

const Theme& theme();
void apply_theme_to_imgui();

}  // namespace siaga::ui
