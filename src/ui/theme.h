// theme.h — colours and sizes shared by every screen. Three themes: light (default), dark and high
// contrast, chosen in Settings. The palettes are constexpr here, with no ImGui dependency, so the
// native test (tests/core/test_settings.cpp) checks the real values with core/contrast.h.
//
// WCAG 2.x contrast ratios (computed by that test; AA needs 4.5:1 for body text):
//                                 light   dark    contrast
//   body text  on background      14.93   14.74   21.00
//   body text  on surface         15.59   13.25   21.00
//   muted text on background       7.43    8.69   16.83
//   heading    on background      14.02   16.42   21.00
//   link       on background       6.39    9.55   16.57
//   on_accent  on accent (button)  6.67    5.14   16.57
//   body text  on plain button    12.67   11.02   21.00
//   body text  on callouts (min)  12.86   11.20   15.39
//   focus ring on background       4.96    9.35   13.65
#pragma once

#include <string_view>

namespace siaga::ui {

inline constexpr float kTouchTarget = 44.0f;   // minimum height of anything clickable, in CSS px
inline constexpr float kReadingWidth = 760.0f;  // comfortable line length for body text

// Every colour is ImGui's packed ABGR (use rgb() to write 0xRRGGBB, hex_of() to read it back).
struct Theme {
  unsigned int background, surface, text, muted, heading, accent, accent_hover, on_accent, link,
      border, note, tip, warning, case_study, discuss, error, success;
  unsigned int button, button_hovered, button_active, frame, focus;
  bool dark;  // ImGui's base style (scrollbars, sliders) follows this
};

constexpr unsigned int rgb(unsigned int hex) {  // 0xRRGGBB -> ImGui's ABGR
  return 0xFF000000u | ((hex & 0xFF) << 16) | (hex & 0xFF00) | ((hex >> 16) & 0xFF);
}
constexpr unsigned int hex_of(unsigned int abgr) {  // ImGui's ABGR -> 0xRRGGBB
  return ((abgr & 0xFF) << 16) | (abgr & 0xFF00) | ((abgr >> 16) & 0xFF);
}

inline constexpr Theme kLightTheme = {
    .background = rgb(0xFBFAF7), .surface = rgb(0xFFFFFF), .text = rgb(0x1D2430), .muted = rgb(0x4A5363),
    .heading = rgb(0x0F2A44), .accent = rgb(0x0B5CAD), .accent_hover = rgb(0x094A8C), .on_accent = rgb(0xFFFFFF),
    .link = rgb(0x0B5CAD), .border = rgb(0xC9CED6), .note = rgb(0xE7F0FB), .tip = rgb(0xE6F4EA),
    .warning = rgb(0xFDF1DC), .case_study = rgb(0xF1EAF9), .discuss = rgb(0xE3F4F4), .error = rgb(0xFBE4E4),
    .success = rgb(0xE6F4EA),
    .button = rgb(0xE4E8EE), .button_hovered = rgb(0xD3DAE4), .button_active = rgb(0xC2CCD9),
    .frame = rgb(0xFFFFFF), .focus = rgb(0xC2410C), .dark = false,
};

inline constexpr Theme kDarkTheme = {
    .background = rgb(0x14181F), .surface = rgb(0x1C222B), .text = rgb(0xE6EAF0), .muted = rgb(0xADB6C3),
    .heading = rgb(0xF3F6FA), .accent = rgb(0x2F6FB8), .accent_hover = rgb(0x255C9C), .on_accent = rgb(0xFFFFFF),
    .link = rgb(0x8CC2FF), .border = rgb(0x566172), .note = rgb(0x182A40), .tip = rgb(0x173222),
    .warning = rgb(0x3A2B10), .case_study = rgb(0x2A2140), .discuss = rgb(0x143334), .error = rgb(0x431E1E),
    .success = rgb(0x173222),
    .button = rgb(0x28303C), .button_hovered = rgb(0x343E4D), .button_active = rgb(0x414D60),
    .frame = rgb(0x0E1217), .focus = rgb(0xFFA94D), .dark = true,
};

// High contrast: white on black, yellow links and primary buttons, white borders on every control.
inline constexpr Theme kContrastTheme = {
    .background = rgb(0x000000), .surface = rgb(0x000000), .text = rgb(0xFFFFFF), .muted = rgb(0xE6E6E6),
    .heading = rgb(0xFFFFFF), .accent = rgb(0xFFE600), .accent_hover = rgb(0xFFF27A), .on_accent = rgb(0x000000),
    .link = rgb(0xFFE600), .border = rgb(0xFFFFFF), .note = rgb(0x00163A), .tip = rgb(0x002410),
    .warning = rgb(0x2E2000), .case_study = rgb(0x22003A), .discuss = rgb(0x002A2A), .error = rgb(0x3A0000),
    .success = rgb(0x002410),
    .button = rgb(0x000000), .button_hovered = rgb(0x2E2E2E), .button_active = rgb(0x474747),
    .frame = rgb(0x000000), .focus = rgb(0x00E5FF), .dark = true,
};

const Theme& theme();  // the active theme
// Makes "light", "dark" or "contrast" active (anything else: light). Returns whether it changed;
// call apply_theme_to_imgui() afterwards when it did.
bool set_theme(std::string_view name);
void apply_theme_to_imgui();

}  // namespace siaga::ui
