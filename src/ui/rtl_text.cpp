#include "ui/rtl_text.h"

#include <algorithm>
#include <map>

#include "core/i18n.h"
#include "imgui.h"
#include "rtl/shaper.h"
#include "ui/text_cache.h"
#include "ui/widgets.h"

namespace siaga::ui {

namespace {
ShapeFunction g_shape;
bool g_rtl = false;
int g_flags = 0;
std::string g_language;
// Shaped strings of the current language (a long lesson is a few thousand of them).
TextCache<std::string> g_cache(20000);
}  // namespace

void set_shape_function(ShapeFunction shape) { g_shape = shape; }

void set_text_direction(std::string_view language, bool shaper_ready) {
  const bool rtl_now = shaper_ready && g_shape && is_right_to_left(language);
  if (language != g_language) {
    g_language = std::string(language);
    g_cache.clear();
    rtl::Options options;
    options.right_to_left = true;
    options.language = language == "ar" ? "ar" : "fa";
    const LanguageFacts* facts = language_facts(language);
    options.digits = !facts ? rtl::DigitStyle::Western
                     : facts->digits == Digits::Persian ? rtl::DigitStyle::Persian
                     : facts->digits == Digits::ArabicIndic ? rtl::DigitStyle::ArabicIndic
                                                            : rtl::DigitStyle::Western;
    g_flags = rtl::option_flags(options);
  }
  g_rtl = rtl_now;
}

bool rtl() { return g_rtl; }

bool starts_left_to_right(std::string_view logical) {
  // Interface strings and lesson text of the language are right to left even when they begin with a
  // Latin name ("IOM در اندونزی"); only text with no Arabic-script letter at all (an English course
  // shown in the Arabic catalog) is laid out left to right.
  bool latin = false;
  for (size_t at = 0; at < logical.size();) {
    const char32_t c = rtl::next_codepoint(logical, at);
    if (rtl::uses_arabic_face(c) && c != 0x200C && c != 0x200D) return false;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F)) latin = true;
  }
  return latin;
}

const std::string& shaped(std::string_view logical, bool left_to_right) {
  static std::string passthrough;
  if (!g_rtl) {
    passthrough.assign(logical);
    return passthrough;
  }
  left_to_right = left_to_right || starts_left_to_right(logical);
  const std::string key = left_to_right ? "\x01" + std::string(logical) : std::string(logical);
  return g_cache.get(key, [&] { return g_shape(logical, left_to_right ? (g_flags & ~1) : g_flags); });
}

std::vector<std::string> shaped_lines(std::string_view logical, float width) {
  std::vector<std::string> out;
  const auto measure = [](std::string_view piece, void*) {
    const std::string& visual = shaped(piece);
    return ImGui::CalcTextSize(visual.data(), visual.data() + visual.size()).x;
  };
  for (const std::string_view line : rtl::wrap_logical(logical, width, measure, nullptr)) out.push_back(shaped(line));
  return out;
}

void rtl_text_wrapped(std::string_view logical) {
  if (starts_left_to_right(logical)) {  // an English paragraph stays left-aligned
    const std::string text(logical);
    ImGui::TextWrapped("%s", text.c_str());
    return;
  }
  const float left = ImGui::GetCursorPosX();
  const float width = std::max(40.0f, ImGui::GetContentRegionAvail().x);
  ImGui::BeginGroup();
  for (const std::string& line : shaped_lines(logical, width)) {
    const float w = ImGui::CalcTextSize(line.data(), line.data() + line.size()).x;
    ImGui::SetCursorPosX(left + std::max(0.0f, width - w));
    ImGui::TextUnformatted(line.data(), line.data() + line.size());
  }
  ImGui::EndGroup();
}

const std::string& shaped_in(std::string_view language, std::string_view logical) {
  static std::map<std::string, std::string> names;
  std::string key = std::string(language) + '\n' + std::string(logical);
  if (auto it = names.find(key); it != names.end()) return it->second;
  rtl::Options options;
  options.language = language == "ar" ? "ar" : "fa";
  std::string visual = g_shape ? g_shape(logical, rtl::option_flags(options)) : std::string(logical);
  return names.emplace(std::move(key), std::move(visual)).first->second;
}

std::string rtl_label(std::string_view label) {
  const std::string_view visible = visible_label(label);
  return shaped(visible) + "###" + std::string(label);
}

}  // namespace siaga::ui
