// contrast.h — WCAG 2.x relative luminance and contrast ratio of two sRGB colours (0xRRGGBB).
// Header-only and pure: used by the theme test to prove every text/background pair is readable.
#pragma once

#include <algorithm>
#include <cmath>

namespace siaga {

// Relative luminance (WCAG 2.x definition), 0 = black, 1 = white.
inline double relative_luminance(unsigned int rgb) {
  const auto channel = [](unsigned int value) {
    const double c = static_cast<double>(value & 0xFFu) / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
}

// (L_lighter + 0.05) / (L_darker + 0.05): 1 (same colour) to 21 (black on white). Order-independent.
inline double contrast_ratio(unsigned int a, unsigned int b) {
  const double la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace siaga
