#include "core/settings.h"

#include <algorithm>

#include "core/stored_json.h"

namespace siaga {

float text_scale_for(int text_size) {
  static constexpr float kScales[kTextSizeCount] = {0.9f, 1.0f, 1.2f, 1.45f};
  return kScales[std::clamp(text_size, 0, kTextSizeCount - 1)];
}

bool is_known_theme(std::string_view name) {
  return std::find(std::begin(kThemes), std::end(kThemes), name) != std::end(kThemes);
}

SettingsLoad parse_settings(std::string_view text) {
  SettingsLoad out;
  const stored::Json json = stored::parse(text);
  const stored::EnvelopeCheck envelope = stored::check_envelope(json, {.current = kSettingsSchema});
  if (!envelope.ok()) {  // not ours, unreadable or newer: the defaults stand and the record is set aside
    out.damaged = true;
    return out;
  }
  out.schema = static_cast<int>(envelope.version);
  // Each field on its own: a bad one keeps its default and marks the record damaged; the others stand.
  // Schema 1 had only the language; text size and theme came with schema 2 and are absent before it.
  const auto field = [&out](auto&& read) {
    stored::FieldReader reader;
    read(reader);
    if (reader.failed()) out.damaged = true;
  };
  field([&](stored::FieldReader& r) { r.text(json, "language", "settings", out.settings.language, false, 35); });
  if (out.schema >= 2) {
    field([&](stored::FieldReader& r) {
      r.whole_number(json, "text_size", "settings", out.settings.text_size, 0, kTextSizeCount - 1, false);
    });
    std::string theme = out.settings.theme;
    field([&](stored::FieldReader& r) {
      r.text(json, "theme", "settings", theme, false);
      if (!r.failed() && !is_known_theme(theme)) r.fail("settings", "'theme' is not a known theme");
    });
    if (is_known_theme(theme)) out.settings.theme = theme;
  }
  return out;
}

std::string settings_to_json(const Settings& settings) {
  nlohmann::json json = {{"schema", kSettingsSchema},
                         {"language", settings.language},
                         {"text_size", std::clamp(settings.text_size, 0, kTextSizeCount - 1)},
                         {"theme", is_known_theme(settings.theme) ? settings.theme : std::string("light")}};
  return stored::canonical_text(json);
}

std::optional<std::vector<std::string>> parse_prefetch(std::string_view text) {
  const stored::Json json = stored::parse(text);
  const stored::EnvelopeCheck envelope =
      stored::check_envelope(json, {.version_key = "version", .current = kPrefetchVersion});
  if (!envelope.ok() || envelope.version != kPrefetchVersion) return std::nullopt;
  std::vector<std::string> names;
  stored::FieldReader reader;
  reader.texts(json, "assets", "prefetch", names, 64, 256);
  if (reader.failed()) return std::nullopt;
  return names;
}

std::string prefetch_to_json(const std::vector<std::string>& assets) {
  return stored::canonical_text(stored::Json{{"version", kPrefetchVersion}, {"assets", assets}});
}

}  // namespace siaga
