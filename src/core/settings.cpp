#include "core/settings.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace siaga {

float text_scale_for(int text_size) {
  static constexpr float kScales[kTextSizeCount] = {0.9f, 1.0f, 1.2f, 1.45f};
  return kScales[std::clamp(text_size, 0, kTextSizeCount - 1)];
}

bool is_known_theme(std::string_view name) {
  return std::find(std::begin(kThemes), std::end(kThemes), name) != std::end(kThemes);
}

namespace {
// Schema 1 -> 2: text size and theme did not exist; the defaults already in `settings` stand.
// Each later migration reads the fields its schema added.
void read_schema_2_fields(const nlohmann::json& json, SettingsLoad& out) {
  if (const auto size = json.find("text_size"); size != json.end()) {
    if (size->is_number_integer() && size->get<long long>() >= 0 && size->get<long long>() < kTextSizeCount)
      out.settings.text_size = size->get<int>();
    else
      out.damaged = true;
  }
  if (const auto theme = json.find("theme"); theme != json.end()) {
    if (theme->is_string() && is_known_theme(theme->get_ref<const std::string&>()))
      out.settings.theme = theme->get<std::string>();
    else
      out.damaged = true;
  }
}
}  // namespace

SettingsLoad parse_settings(std::string_view text) {
  SettingsLoad out;
  const auto json = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    out.damaged = true;
    return out;
  }
  const auto schema = json.find("schema");
  if (schema == json.end() || !schema->is_number_integer() || schema->get<long long>() < 1 ||
      schema->get<long long>() > kSettingsSchema) {
    out.damaged = true;
    return out;
  }
  out.schema = schema->get<int>();
  if (const auto lang = json.find("language"); lang != json.end()) {
    if (lang->is_string() && lang->get_ref<const std::string&>().size() <= 35)
      out.settings.language = lang->get<std::string>();
    else
      out.damaged = true;
  }
  if (out.schema >= 2) read_schema_2_fields(json, out);
  return out;
}

std::string settings_to_json(const Settings& settings) {
  nlohmann::json json = {{"schema", kSettingsSchema},
                         {"language", settings.language},
                         {"text_size", std::clamp(settings.text_size, 0, kTextSizeCount - 1)},
                         {"theme", is_known_theme(settings.theme) ? settings.theme : std::string("light")}};
  return json.dump();
}

std::optional<std::vector<std::string>> parse_prefetch(std::string_view text) {
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object()) return std::nullopt;
  const auto version = json.find("version");
  const auto assets = json.find("assets");
  if (version == json.end() || !version->is_number_integer() || version->get<long long>() != kPrefetchVersion ||
      assets == json.end() || !assets->is_array())
    return std::nullopt;
  std::vector<std::string> names;
  for (const auto& name : *assets) {
    if (!name.is_string()) return std::nullopt;
    names.push_back(name.get<std::string>());
  }
  return names;
}

std::string prefetch_to_json(const std::vector<std::string>& assets) {
  return nlohmann::json{{"version", kPrefetchVersion}, {"assets", assets}}.dump();
}

}  // namespace siaga
