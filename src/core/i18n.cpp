#include "core/i18n.h"

#include <cctype>
#include <utility>

#include <nlohmann/json.hpp>

namespace siaga {

namespace {

constexpr LanguageFacts kLanguages[] = {
    {"en", "English", "English", false, Digits::Western, true},
    {"id", "Bahasa Indonesia", "Indonesian", false, Digits::Western, true},
    {"fa", "دری / فارسی", "Dari / Farsi", true, Digits::Persian, false},
    {"ar", "العربية", "Arabic", true, Digits::ArabicIndic, false},
    {"so", "Soomaali", "Somali", false, Digits::Western, false},
};

// Tags that name a language the portal has under another tag.
constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
    {"prs", "fa"},  // Dari (Afghanistan)
    {"pes", "fa"},  // Iranian Persian
    {"in", "id"},   // the old code for Indonesian, still sent by some Android browsers
};

std::string primary_subtag(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}
}  // namespace

const LanguageFacts* language_facts(std::string_view tag) {
  for (const LanguageFacts& facts : kLanguages)
    if (facts.tag == tag) return &facts;
  return nullptr;
}

std::string_view language_autonym(std::string_view tag) {
  const LanguageFacts* facts = language_facts(tag);
  return facts ? facts->autonym : tag;
}

bool is_right_to_left(std::string_view tag) {
  const LanguageFacts* facts = language_facts(tag);
  return facts && facts->right_to_left;
}

std::vector<std::string_view> known_language_tags() {
  std::vector<std::string_view> tags;
  for (const LanguageFacts& facts : kLanguages) tags.push_back(facts.tag);
  return tags;
}

std::string canonical_language(std::string_view tag) {
  std::string primary = primary_subtag(tag);
  for (const auto& [alias, canonical] : kAliases)
    if (primary == alias) return std::string(canonical);
  return primary;
}

bool is_partial_language(const Language& language, const Language& english) {
  for (const Course& course : english.courses)
    if (!find_course(language, course.id)) return true;
  for (const auto& [key, text] : english.ui.by_key)
    if (const std::string* translated = language.ui.find(key); !translated || translated->empty()) return true;
  return false;
}

std::string shipped_languages_json(const Catalog& catalog, const std::map<std::string, std::string>& name_glyphs) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  const Language* english = catalog.find_language("en");
  for (const Language& language : catalog.languages) {
    nlohmann::ordered_json entry = {{"tag", language.tag},
                                    {"name", std::string(language_autonym(language.tag))},
                                    {"rtl", is_right_to_left(language.tag)},
                                    {"partial", english && &language != english && is_partial_language(language, *english)}};
    if (auto it = name_glyphs.find(language.tag); it != name_glyphs.end()) entry["glyphs"] = it->second;
    list.push_back(std::move(entry));
  }
  return nlohmann::ordered_json{{"languages", list}}.dump() + "\n";
}

std::vector<ShippedLanguage> parse_shipped_languages(std::string_view json) {
  std::vector<ShippedLanguage> out;
  const nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
  if (!parsed.is_object() || !parsed.contains("languages") || !parsed["languages"].is_array()) return out;
  for (const nlohmann::json& entry : parsed["languages"]) {
    if (!entry.is_object() || !entry.contains("tag") || !entry["tag"].is_string()) continue;
    ShippedLanguage language;
    language.tag = entry["tag"].get<std::string>();
    language.partial = entry.contains("partial") && entry["partial"].is_boolean() && entry["partial"].get<bool>();
    if (entry.contains("glyphs") && entry["glyphs"].is_string()) language.name_glyphs = entry["glyphs"].get<std::string>();
    out.push_back(std::move(language));
  }
  return out;
}

std::string negotiate_language(const std::vector<std::string>& preferred,
                               const std::vector<std::string>& available, std::string_view fallback) {
  for (const auto& want : preferred) {
    const std::string primary = canonical_language(want);
    for (const auto& have : available)
      if (canonical_language(have) == primary) return have;
  }
  return std::string(fallback);
}

std::string_view UiText::operator()(std::string_view key) const {
  if (active_)
    if (const std::string* text = active_->find(key); text && !text->empty()) return *text;
  if (english_)
    if (const std::string* text = english_->find(key); text && !text->empty()) return *text;
  return key;
}

std::string format_text(std::string_view pattern, const std::vector<std::string>& args) {
  std::string out;
  out.reserve(pattern.size());
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[i + 1])) &&
        pattern[i + 2] == '}') {
      const size_t index = static_cast<size_t>(pattern[i + 1] - '0');
      if (index < args.size()) out += args[index];
      i += 2;
      continue;
    }
    out.push_back(pattern[i]);
  }
  return out;
}

}  // namespace siaga
