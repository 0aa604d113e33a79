#include "core/i18n.h"

#include <cctype>

namespace siaga {

namespace {
std::string primary_subtag(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}
}  // namespace

std::string negotiate_language(const std::vector<std::string>& preferred,
                               const std::vector<std::string>& available, std::string_view fallback) {
  for (const auto& want : preferred) {
    const std::string primary = primary_subtag(want);
    for (const auto& have : available)
      if (primary_subtag(have) == primary) return have;
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
