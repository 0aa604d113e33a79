#include "core/settings.h"

#include <nlohmann/json.hpp>

namespace siaga {

SettingsLoad parse_settings(std::string_view text) {
  SettingsLoad out;
  const auto json = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    out.damaged = true;
    return out;
  }
  const auto schema = json.find("schema");
  if (schema == json.end() || !schema->is_number_integer() || schema->get<int>() > kSettingsSchema) {
    out.damaged = true;
    return out;
  }
  if (const auto lang = json.find("language"); lang != json.end()) {
    if (lang->is_string() && lang->get_ref<const std::string&>().size() <= 35)
      out.settings.language = lang->get<std::string>();
    else
      out.damaged = true;
  }
  return out;
}

std::string settings_to_json(const Settings& settings) {
  nlohmann::json json = {{"schema", kSettingsSchema}, {"language", settings.language}};
  return json.dump();
}

}  // namespace siaga
