// i18n.h — the languages the portal knows, choosing the interface language, and looking up
// interface strings by key.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"

namespace siaga {

// How a language writes numbers in running text (rtl-shaper converts; parsing accepts all of them).
enum class Digits { Western, Persian, ArabicIndic };

// What the portal must know about a language besides its content: its name in itself (shown in the
// language menu, so anyone finds their own), its name in English (the fallback label where the
// script cannot be drawn yet), its direction and digits, and whether it must have every course of en
// (en and id are kept in step; the refugee languages carry only the courses written for them).
struct LanguageFacts {
  std::string_view tag;
  std::string_view autonym;
  std::string_view english_name;
  bool right_to_left = false;
  Digits digits = Digits::Western;
  bool every_course = false;
};

// The facts for a canonical tag; nullptr for a language the portal does not know (it still works,
// left to right, named by its tag).
const LanguageFacts* language_facts(std::string_view tag);
// Its own name ("دری / فارسی"), or the tag for an unknown language.
std::string_view language_autonym(std::string_view tag);
bool is_right_to_left(std::string_view tag);
// Every tag of the table above, in menu order.
std::vector<std::string_view> known_language_tags();

// A browser or stored tag to the portal's: lower case, the primary subtag only, and the tags that
// name the same written language folded together ("prs" Dari and "pes" Iranian Persian are "fa").
std::string canonical_language(std::string_view tag);

// A language the build ships (languages.json, written by siaga-pack next to the content packs).
struct ShippedLanguage {
  std::string tag;
  bool partial = false;     // lacks some course or interface string of en: en's pack is loaded with it
  std::string name_glyphs;  // its name pre-shaped for the language-names font ("" = draw the autonym)
};

// languages.json: {"languages":[{"tag":"en","name":"English","rtl":false,"partial":false}, ...]}.
// name and rtl are for the page; the app takes them from LanguageFacts. An Arabic-script language
// also carries "glyphs": its name shaped at build time (siaga-pack, src/rtl), drawn with the small
// language-names face (LanguageNames.ttf) before the shaper module has arrived.
std::string shipped_languages_json(const Catalog& catalog, const std::map<std::string, std::string>& name_glyphs = {});
// Unreadable or empty input gives an empty list (the caller then offers what it knows).
std::vector<ShippedLanguage> parse_shipped_languages(std::string_view json);
// Whether `language` lacks a course or an interface string that `english` has.
bool is_partial_language(const Language& language, const Language& english);

// The first of the browser's preferred languages ("id-ID", "en-GB", ...) whose primary subtag we
// have, else fallback. Matching ignores case and region and folds aliases (canonical_language).
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
