// po.cpp — gettext PO files of interface strings (content/<lang>/ui.po).
//
// We read what translators' tools (Poedit, Weblate, msgmerge) write: msgctxt / msgid / msgstr with
// strings continued on following lines, C escapes, # comments and flags. The key of an entry is its
// msgctxt (or its msgid when there is none). A "fuzzy" flag is ignored: the translation is used, as a
// rough translation still beats English for most learners. In en's file msgid is the reference text;
// in other languages an empty msgstr means "not translated yet" and the entry is left out, so the
// interface falls back to English and siaga-lint reports it.
//
// [SECTION] String literals
// [SECTION] Entries
// [SECTION] Entry point

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/text_util.h"

namespace siaga {

namespace {

// [SECTION] String literals ------------------------------------------------------------------------

// Reads the "..." starting at line[at]. On success appends its value to `out`; otherwise returns the
// message and sets `at` to the offending column.
std::optional<std::string> read_string(std::string_view line, size_t& at, std::string& out) {
  if (at >= line.size() || line[at] != '"') return "expected a string in double quotes";
  for (size_t i = at + 1; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') {
      if (!text::is_blank(line.substr(i + 1))) {
        at = i + 1;
        return "unexpected text after the string: " + text::quote(text::trim(line.substr(i + 1)));
      }
      return std::nullopt;
    }
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (i + 1 >= line.size()) break;
    const char e = line[++i];
    switch (e) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': out.push_back('\r'); break;
      case 'a': out.push_back('\a'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'v': out.push_back('\v'); break;
      case '"': case '\\': case '\'': case '?': out.push_back(e); break;
      default:
        if (e >= '0' && e <= '7') {  // up to three octal digits
          int value = e - '0';
          for (int k = 0; k < 2 && i + 1 < line.size() && line[i + 1] >= '0' && line[i + 1] <= '7'; ++k)
            value = value * 8 + (line[++i] - '0');
          out.push_back(static_cast<char>(value & 0xFF));
          break;
        }
        at = i - 1;
        return "unknown escape " + text::quote(line.substr(i - 1, 2)) + " (use \\n, \\t, \\\" or \\\\)";
    }
  }
  return "unterminated string: the closing '\"' is missing";
}

// [SECTION] Entries ------------------------------------------------------------------------------

struct Entry {
  int line = 0;  // first keyword line
  std::optional<std::string> context, id, plural;
  std::map<int, std::string> strings;  // msgstr index -> text (0 for a plain msgstr)
  std::string* current = nullptr;      // the field a continuation line adds to
  bool empty() const { return !context && !id && strings.empty(); }
};

class PoParser {
 public:
  PoParser(std::string_view path, std::vector<Diagnostic>& diagnostics, Translations& out)
      : path_(path), diagnostics_(diagnostics), out_(out) {
    // In content/en/ui.po the English text is the msgid itself.
    reference_ = path.ends_with("/en/ui.po") || path == "en/ui.po";
  }

  void run(std::string_view text) {
    int number = 0;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      read_line(line, ++number);
      if (end == text.size()) break;
      start = end + 1;
    }
    finish();
  }

 private:
  void error(int line, size_t column, std::string message) {
    diagnostics_.push_back(text::error_at(path_, line, static_cast<int>(column) + 1, std::move(message)));
  }

  void read_line(std::string_view line, int number) {
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) return finish();
    if (line[first] == '#') {
      if (!entry_.strings.empty()) finish();  // a comment after msgstr starts the next entry
      return;
    }
    if (line[first] == '"') {
      if (entry_.current == nullptr) return error(number, first, "a string continues no msgid or msgstr");
      size_t at = first;
      if (auto problem = read_string(line, at, *entry_.current)) error(number, at, *problem);
      return;
    }
    size_t word_end = first;
    while (word_end < line.size() && line[word_end] != ' ' && line[word_end] != '\t' && line[word_end] != '"') ++word_end;
    const std::string_view keyword = line.substr(first, word_end - first);
    std::string* field = field_for(keyword, number, first);
    if (field == nullptr) return;
    size_t at = line.find_first_not_of(" \t", word_end);
    if (at == std::string_view::npos) at = line.size();
    if (auto problem = read_string(line, at, *field)) error(number, at, *problem);
  }

  // Starts the field a keyword names (finishing the previous entry when the keyword begins a new one).
  std::string* field_for(std::string_view keyword, int number, size_t column) {
    if (keyword == "msgctxt" || (keyword == "msgid" && (!entry_.strings.empty() || entry_.id))) {
      if (keyword == "msgid" && entry_.strings.empty()) {
        error(entry_.line, 0, "msgid " + text::quote(*entry_.id) + " has no msgstr");
        entry_ = Entry{};
      }
      finish();
    }
    if (entry_.empty()) entry_.line = number;
    if (keyword == "msgctxt") return entry_.current = &entry_.context.emplace();
    if (keyword == "msgid") return entry_.current = &entry_.id.emplace();
    if (keyword == "msgid_plural") return entry_.current = &entry_.plural.emplace();
    int index = 0;
    const bool plural_form = keyword.starts_with("msgstr[") && keyword.ends_with("]") &&
                             text::parse_int(keyword.substr(7, keyword.size() - 8), 0, 99, index);
    if (keyword == "msgstr" || plural_form) {
      if (!entry_.id) {
        error(number, column, "msgstr without a msgid before it");
        return nullptr;
      }
      std::string& field = entry_.strings[index];
      field.clear();
      return entry_.current = &field;
    }
    error(number, column, "unknown PO keyword " + text::quote(keyword) + " (expected msgctxt, msgid or msgstr)");
    return nullptr;
  }

  void finish() {
    Entry entry = std::move(entry_);
    entry_ = Entry{};
    if (entry.empty()) return;
    if (!entry.id) return error(entry.line, 0, "msgctxt without a msgid");
    if (entry.strings.empty()) return error(entry.line, 0, "msgid " + text::quote(*entry.id) + " has no msgstr");
    if (!entry.context && entry.id->empty()) return;  // the header entry
    const std::string key = entry.context ? *entry.context : *entry.id;
    if (key.empty()) return error(entry.line, 0, "an entry with an empty msgctxt has no key");
    if (entry.plural)
      diagnostics_.push_back(text::warning_at(path_, entry.line, 1,
                                              "plural forms are not used by Siaga; msgstr[0] is taken for " +
                                                  text::quote(key)));
    std::string value = entry.strings.begin()->second;
    if (value.empty() && reference_) value = *entry.id;
    if (const auto [it, inserted] = lines_.emplace(key, entry.line); !inserted)
      return error(entry.line, 0, "duplicate entry " + text::quote(key) + " (first on line " +
                                      std::to_string(it->second) + ")");
    if (!value.empty()) out_.by_key[key] = std::move(value);
  }

  std::string_view path_;
  std::vector<Diagnostic>& diagnostics_;
  Translations& out_;
  bool reference_ = false;
  Entry entry_;
  std::map<std::string, int, std::less<>> lines_;
};

}  // namespace

// [SECTION] Entry point ---------------------------------------------------------------------------

Parsed<Translations> parse_po(std::string_view text, std::string_view path) {
  Parsed<Translations> result;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  PoParser(path, result.diagnostics, result.value).run(text);
  return result;
}

}  // namespace siaga
