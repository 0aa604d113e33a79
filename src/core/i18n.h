// i18n.h — choosing the interface language and looking up interface strings by key.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"

namespace siaga {

// The first of the browser's preferred languages ("id-ID", "en-GB", ...) whose primary subtag we
// have, else fallback. Matching ignores case and region.
std::string negotiate_language(const std::vector<std::string>& preferred,
                               const std::vector<std::string>& available, std::string_view fallback);

// Interface text for the active language, falling back to English, then to the key itself (so a
// missing string is visible, never blank).
class UiText {
 public:
  UiText() = default;
  UiText(const Translations* active, const Translations* english) : active_(active), english_(english) {}
  std::string_view operator()(std::string_view key) const;

 private:
  const Translations* active_ = nullptr;
  const Translations* english_ = nullptr;
};

// Replaces "{0}", "{1}"... in a translated pattern (translators may reorder them).
std::string format_text(std::string_view pattern, const std::vector<std::string>& args);

}  // namespace siaga
