// settings.h — device-wide preferences (interface language, text size, theme) and their stored JSON
// form. Versioned: {"schema":2,...}. Schema 1 (language only) is still read: it is migrated to schema 2
// by filling the new fields with their defaults. Unknown fields are ignored, bad ones fall back to
// defaults with a note, so a damaged settings record never stops the portal.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace siaga {

inline constexpr int kSettingsSchema = 2;

// Text size steps: 0 Small, 1 Normal (default), 2 Large, 3 Extra large.
inline constexpr int kTextSizeCount = 4;
inline constexpr int kDefaultTextSize = 1;
float text_scale_for(int text_size);  // 0.9, 1.0, 1.2, 1.45; out-of-range sizes are clamped

// Themes: "light" (default), "dark", "contrast" (high contrast).
inline constexpr std::string_view kThemes[] = {"light", "dark", "contrast"};
bool is_known_theme(std::string_view name);

struct Settings {
  std::string language;          // "" = follow the browser
  int text_size = kDefaultTextSize;
  std::string theme = "light";

  bool operator==(const Settings&) const = default;
};

struct SettingsLoad {
  Settings settings;
  bool damaged = false;  // the stored text was not valid settings; defaults are in use
  int schema = 0;        // the schema the stored text was written with (0 if unreadable)
};

SettingsLoad parse_settings(std::string_view json);
std::string settings_to_json(const Settings& settings);  // always the current schema

// The files the portal asked for when it started ("siaga.prefetch"), so that next time the page's
// loader fetches them together with the program (web/bridge/assets.js) instead of after it starts.
// A hint only: the portal still asks for whatever it needs. {"version":1,"assets":["content-id.pack"]}
inline constexpr int kPrefetchVersion = 1;
// nullopt when the text is not a version-1 record of file names (damaged, foreign, or newer).
std::optional<std::vector<std::string>> parse_prefetch(std::string_view json);
std::string prefetch_to_json(const std::vector<std::string>& assets);

}  // namespace siaga
