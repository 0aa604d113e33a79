// learner_text.cpp — siaga-lint's check that learner-facing text never points at internal files.
//
// Learners read everything in a course or module file: front matter titles and summaries, lesson
// text, code blocks, quiz questions, options and feedback (raw HTML shows as text too). A pointer to
// an internal file ("see RESEARCH.md", "research notes, section B1", "../shared/reference") leads
// them nowhere, and hides where a fact comes from. The check reads the raw files, so every warning
// carries the exact line and column. Only what learners never see is skipped: comments in front
// matter (" # ...") and GIFT comment lines ("//") inside quiz blocks.
//
// What counts as internal:
// - a file name or path ending in ".md" that is not a web address: "RESEARCH.md", "docs/AUTHORING.md",
//   "../shared/x.md". A web address names a public page and is fine, with or without its scheme:
//   "https://github.com/o/r/README.md", "github.com/o/r/README.md" (its first part is a host name);
// - a phrase that names internal notes or folders: "research notes", "shared/reference", "../shared",
//   "seed document", ... (English and Indonesian).
//
// [SECTION] Phrases and paths
// [SECTION] Reading the files
// [SECTION] Entry point

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/text_util.h"

namespace siaga {

namespace {

// [SECTION] Phrases and paths -------------------------------------------------------------------------

// Lowercase; matched case-insensitively anywhere in a line.
constexpr std::array<std::string_view, 12> internal_phrases = {
    "research notes", "research note", "internal notes", "project notes", "catatan riset", "catatan penelitian",
    "catatan internal", "shared/reference", "../shared", "/work/", "seed document", "dokumen awal proyek",
};

struct Hit {
  size_t offset = 0;  // byte offset in the line
  std::string text;   // what was found, as written
};

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// "project seed 002", "(seed 004)", "(dokumen awal 002)": the seed documents are internal files,
// named by number.
std::optional<Hit> find_seed_number(std::string_view line, const std::string& lower) {
  for (std::string_view prefix : {std::string_view("seed "), std::string_view("dokumen awal ")}) {
    for (size_t at = lower.find(prefix); at != std::string::npos; at = lower.find(prefix, at + 1)) {
      const bool starts_word = at == 0 || !is_word_char(lower[at - 1]);
      const size_t digit = at + prefix.size();
      if (starts_word && digit < lower.size() && lower[digit] >= '0' && lower[digit] <= '9') {
        size_t end = digit;
        while (end < lower.size() && lower[end] >= '0' && lower[end] <= '9') ++end;
        return Hit{at, std::string(line.substr(at, end - at))};
      }
    }
  }
  return std::nullopt;
}

// Characters that end a path-like token: spaces, and the brackets and quotes Markdown wraps it in.
bool ends_token(char c) {
  return text::is_space(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == '<' || c == '>' || c == '"' ||
         c == '\'' || c == '`' || c == '*' || c == '|';
}

// A token that is a web address: with a scheme ("https://..."), "www.", or a host name before its
// first slash ("indonesia.iom.int/..."). "../x.md" and "docs/x.md" are not.
bool is_web_address(std::string_view token) {
  if (token.find("://") != std::string_view::npos) return true;
  if (token.starts_with("www.") || token.starts_with("WWW.")) return true;
  const size_t slash = token.find('/');
  if (slash == std::string_view::npos) return false;
  const std::string_view host = token.substr(0, slash);
  const size_t dot = host.find('.');
  return dot != std::string_view::npos && dot > 0 && host.find("..") == std::string_view::npos &&
         host.back() != '.';
}

// Every token of the line ending in ".md" (after trailing punctuation) that is not a web address.
std::vector<Hit> find_md_paths(std::string_view line) {
  std::vector<Hit> hits;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && ends_token(line[i])) ++i;
    const size_t start = i;
    while (i < line.size() && !ends_token(line[i])) ++i;
    std::string_view token = line.substr(start, i - start);
    while (!token.empty() && (token.back() == '.' || token.back() == ',' || token.back() == ';' ||
                              token.back() == ':' || token.back() == '!' || token.back() == '?'))
      token.remove_suffix(1);
    if (token.size() > 3 && text::to_lower(token.substr(token.size() - 3)) == ".md" && !is_web_address(token))
      hits.push_back(Hit{start, std::string(token)});
  }
  return hits;
}

std::vector<Hit> find_internal_references(std::string_view line) {
  std::vector<Hit> hits = find_md_paths(line);
  const std::string lower = text::to_lower(line);
  for (std::string_view phrase : internal_phrases)
    for (size_t at = lower.find(phrase); at != std::string::npos; at = lower.find(phrase, at + phrase.size()))
      hits.push_back(Hit{at, std::string(line.substr(at, phrase.size()))});
  if (const std::optional<Hit> seed = find_seed_number(line, lower)) hits.push_back(*seed);
  // One warning per place: "research notes" also contains "research note".
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.offset != b.offset ? a.offset < b.offset : a.text.size() > b.text.size();
  });
  std::vector<Hit> kept;
  size_t covered = 0;
  for (Hit& hit : hits) {
    if (!kept.empty() && hit.offset < covered) continue;
    covered = hit.offset + hit.text.size();
    kept.push_back(std::move(hit));
  }
  return kept;
}

// [SECTION] Reading the files --------------------------------------------------------------------------

// The course and module files learners read: content/<lang>/<course>/<name>.md, except SOURCES.md
// (the authors' list of sources, never shown).
bool is_learner_file(std::string_view path) {
  const std::vector<std::string_view> parts = text::split(path, '/');
  return parts.size() == 4 && parts[0] == "content" && parts[3].ends_with(".md") && !is_course_sources_file(parts[3]);
}

void check_file(const SourceFile& file, std::vector<Diagnostic>& diagnostics) {
  const std::vector<std::string_view> lines = text::split(file.bytes, '\n');
  bool in_front_matter = false;
  bool in_quiz = false;
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = lines[n];
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string_view trimmed = text::trim(line);
    if (n == 0 && trimmed == "---") {
      in_front_matter = true;
      continue;
    }
    if (in_front_matter) {
      if (trimmed == "---") {
        in_front_matter = false;
        continue;
      }
      if (const size_t comment = line.find(" #"); comment != std::string_view::npos) line = line.substr(0, comment);
    } else if (trimmed.starts_with("```")) {
      in_quiz = !in_quiz && trimmed.substr(3).starts_with("quiz");
      continue;
    } else if (in_quiz && trimmed.starts_with("//")) {
      continue;
    }
    for (const Hit& hit : find_internal_references(line))
      diagnostics.push_back(text::warning_at(
          file.path, static_cast<int>(n + 1), static_cast<int>(hit.offset + 1),
          "learners cannot open internal files or notes: " + text::quote(hit.text) +
              "; cite the public source instead (title, publisher, date, address)"));
  }
}

}  // namespace

// [SECTION] Entry point -----------------------------------------------------------------------------------

bool is_course_sources_file(std::string_view file_name) { return file_name == "SOURCES.md"; }

std::vector<Diagnostic> check_learner_text(const std::vector<SourceFile>& files) {
  std::vector<Diagnostic> diagnostics;
  for (const SourceFile& file : files)
    if (is_learner_file(file.path)) check_file(file, diagnostics);
  return diagnostics;
}

}  // namespace siaga
