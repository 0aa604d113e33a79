// settings.h — device-wide preferences (interface language; later text size, theme) and their
// stored JSON form. Versioned: {"schema":1,...}. Unknown fields are ignored, bad ones fall back to
// defaults with a note, so a damaged settings record never stops the portal.
#pragma once

#include <string>
#include <string_view>

namespace siaga {

inline constexpr int kSettingsSchema = 1;

struct Settings {
  std::string language;  // "" = follow the browser

  bool operator==(const Settings&) const = default;
};

struct SettingsLoad {
  Settings settings;
  bool damaged = false;  // the stored text was not valid settings; defaults are in use
};

SettingsLoad parse_settings(std::string_view json);
std::string settings_to_json(const Settings& settings);

}  // namespace siaga
