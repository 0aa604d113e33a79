// content.cpp — content files to Modules and Courses: front matter, ## sections, ```quiz fences.
//
// A module file is read line by line first: front matter, `## Title {#id}` section headings and
// ```quiz fences are found here, with exact line numbers, and the Markdown between them goes to md4c
// (markdown.cpp) one stretch at a time. Quiz fences are cut out before md4c sees the text, so GIFT is
// never read as Markdown; parse_gift gets the fence's inside with its real first line.
//
// [SECTION] Diagnostics and lookups
// [SECTION] Source text: line ends, UTF-8, lines
// [SECTION] Front matter
// [SECTION] Module body: sections, quiz fences, Markdown stretches
// [SECTION] Entry points

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/door.h"
#include "core/markdown.h"
#include "core/text_util.h"

namespace siaga {

// [SECTION] Diagnostics and lookups ----------------------------------------------------------------

std::string Diagnostic::to_string() const {
  std::string out = path;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  out += severity == Severity::Error ? ": error: " : ": warning: ";
  return out + message;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

const std::string* Translations::find(std::string_view key) const {
  const auto it = by_key.find(key);
  return it == by_key.end() ? nullptr : &it->second;
}

const Language* Catalog::find_language(std::string_view tag) const {
  for (const Language& language : languages)
    if (language.tag == tag) return &language;
  return nullptr;
}

const Course* find_course(const Language& language, std::string_view course_id) {
  for (const Course& course : language.courses)
    if (course.id == course_id) return &course;
  return nullptr;
}

void add_fallback_courses(Language& language, const Language& reference) {
  if (&language == &reference) return;
  // The learner's own-language courses first (they are why the learner chose the language), then the
  // others in the reference's order.
  for (const Course& course : reference.courses)
    if (!find_course(language, course.id)) language.courses.push_back(course);
}

const Module* find_module(const Course& course, std::string_view module_id) {
  for (const Module& module : course.modules)
    if (module.id == module_id) return &module;
  return nullptr;
}

namespace {

// [SECTION] Source text: line ends, UTF-8, lines ----------------------------------------------------

// Files come from Windows editors too: a byte-order mark and CR LF line ends are accepted.
std::string normalize_line_ends(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    } else {
      out.push_back(bytes[i]);
    }
  }
  return out;
}

// Offset of the first byte that is not well-formed UTF-8, or npos.
size_t first_invalid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (c < 0x80) length = 1;
    else if (c >= 0xC2 && c <= 0xDF) length = 2;
    else if (c == 0xE0) length = 3, low = 0xA0;
    else if (c == 0xED) length = 3, high = 0x9F;  // no UTF-16 surrogates
    else if (c >= 0xE1 && c <= 0xEF) length = 3;
    else if (c == 0xF0) length = 4, low = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) length = 4;
    else if (c == 0xF4) length = 4, high = 0x8F;
    else return i;
    if (i + length > s.size()) return i;
    for (size_t k = 1; k < length; ++k) {
      const unsigned char lo = k == 1 ? low : 0x80, hi = k == 1 ? high : 0xBF;
      if (byte(i + k) < lo || byte(i + k) > hi) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

struct SourceLines {
  std::string text;               // normalized
  std::vector<size_t> offset;     // start of each line in text
  std::string_view line(size_t index) const {
    const size_t end = index + 1 < offset.size() ? offset[index + 1] - 1 : text.size();
    return std::string_view(text).substr(offset[index], end - offset[index]);
  }
  // Lines [first, last) as one piece of text, newlines included.
  std::string_view stretch(size_t first, size_t last) const {
    if (first >= last) return {};
    const size_t end = last < offset.size() ? offset[last] : text.size();
    return std::string_view(text).substr(offset[first], end - offset[first]);
  }
  size_t size() const { return offset.size(); }
};

SourceLines read_lines(std::string_view bytes, std::string_view path, std::vector<Diagnostic>& diagnostics) {
  SourceLines lines;
  lines.text = normalize_line_ends(bytes);
  lines.offset.push_back(0);
  for (size_t i = 0; i < lines.text.size(); ++i)
    if (lines.text[i] == '\n') lines.offset.push_back(i + 1);
  if (const size_t bad = first_invalid_utf8(lines.text); bad != std::string_view::npos) {
    const text::LineIndex index(lines.text, 1);
    static constexpr char hex[] = "0123456789ABCDEF";
    const auto value = static_cast<unsigned char>(lines.text[bad]);
    diagnostics.push_back(text::error_at(path, index.line(bad), index.column(bad),
                                         std::string("the file is not valid UTF-8 text (save it as UTF-8): byte 0x") +
                                             hex[value >> 4] + hex[value & 15]));
  }
  return lines;
}

// [SECTION] Front matter ----------------------------------------------------------------------------

struct FrontMatterEntry {
  std::string key;
  std::string value;
  int line = 0;
  int key_column = 0;
  int value_column = 0;
};

struct FrontMatter {
  std::vector<FrontMatterEntry> entries;
  size_t body_start = 0;  // index of the first body line
  bool present = false;
};

bool is_delimiter(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---";
}

// "value  # comment" -> "value"; a '#' counts only after whitespace, so "guideline#3" stays whole.
// One pair of surrounding quotes is removed, and a '#' inside them is text.
std::string_view front_matter_value(std::string_view raw) {
  raw = text::trim(raw);
  size_t search_from = 0;
  if (!raw.empty() && (raw.front() == '"' || raw.front() == '\'')) {
    const size_t close = raw.find(raw.front(), 1);
    if (close != std::string_view::npos) search_from = close + 1;
  }
  for (size_t i = std::max<size_t>(search_from, 1); i < raw.size(); ++i) {
    if (raw[i] == '#' && (raw[i - 1] == ' ' || raw[i - 1] == '\t')) {
      raw = text::trim(raw.substr(0, i));
      break;
    }
  }
  if (raw.size() >= 2 && (raw.front() == '"' || raw.front() == '\'') && raw.back() == raw.front())
    raw = raw.substr(1, raw.size() - 2);
  return raw;
}

FrontMatter read_front_matter(const SourceLines& lines, std::string_view path, std::vector<Diagnostic>& diagnostics) {
  FrontMatter front;
  if (lines.size() == 0 || !is_delimiter(lines.line(0))) {
    diagnostics.push_back(text::error_at(path, 1, 1,
                                         "the file must start with front matter: a '---' line, 'key: value' lines, "
                                         "then another '---' line"));
    return front;
  }
  size_t close = 1;
  while (close < lines.size() && !is_delimiter(lines.line(close))) ++close;
  if (close == lines.size()) {
    diagnostics.push_back(text::error_at(path, 1, 1, "the front matter is not closed: add a '---' line after it"));
    front.body_start = lines.size();
    return front;
  }
  front.present = true;
  front.body_start = close + 1;
  for (size_t i = 1; i < close; ++i) {
    const std::string_view line = lines.line(i);
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    const int line_number = static_cast<int>(i) + 1;
    const size_t colon = line.find(':');
    const std::string_view key = colon == std::string_view::npos ? std::string_view() : text::trim(line.substr(0, colon));
    if (key.empty()) {
      diagnostics.push_back(text::error_at(path, line_number, static_cast<int>(first) + 1,
                                           "front matter line is not 'key: value': " + text::quote(line.substr(first))));
      continue;
    }
    const std::string_view rest = line.substr(colon + 1);
    const size_t value_at = rest.find_first_not_of(" \t");
    front.entries.push_back(FrontMatterEntry{
        std::string(key), std::string(front_matter_value(rest)), line_number, static_cast<int>(first) + 1,
        static_cast<int>(colon + 1 + (value_at == std::string_view::npos ? rest.size() : value_at)) + 1});
  }
  return front;
}

std::vector<std::string> split_list(std::string_view value) {
  std::vector<std::string> out;
  for (const std::string_view item : text::split(value, ','))
    if (!text::trim(item).empty()) out.emplace_back(text::trim(item));
  return out;
}

// Reads the keys one kind of file knows; `apply` returns false for a key it does not know.
template <typename Apply>
void apply_front_matter(const FrontMatter& front, std::string_view path, std::string_view known_keys,
                        std::vector<Diagnostic>& diagnostics, Apply apply) {
  std::set<std::string, std::less<>> seen;
  for (const FrontMatterEntry& entry : front.entries) {
    if (!seen.insert(entry.key).second)
      diagnostics.push_back(text::warning_at(path, entry.line, entry.key_column,
                                             "front matter key " + text::quote(entry.key) +
                                                 " is given twice; the last one counts"));
    if (!apply(entry))
      diagnostics.push_back(text::warning_at(path, entry.line, entry.key_column,
                                             "unknown front matter key " + text::quote(entry.key) + " (known keys: " +
                                                 std::string(known_keys) + ")"));
  }
  if (!front.present) return;
  for (std::string_view required : {"id", "title"}) {
    const bool given = std::any_of(front.entries.begin(), front.entries.end(), [&](const FrontMatterEntry& entry) {
      return entry.key == required && !entry.value.empty();
    });
    if (!given)
      diagnostics.push_back(
          text::error_at(path, 1, 1, "the front matter has no " + text::quote(required) + " (add '" +
                                         std::string(required) + ": ...' between the '---' lines)"));
  }
}

void read_id(const FrontMatterEntry& entry, std::string_view path, std::string& out, std::vector<Diagnostic>& diagnostics) {
  out = entry.value;
  if (!entry.value.empty() && !text::is_valid_id(entry.value))
    diagnostics.push_back(text::error_at(path, entry.line, entry.value_column,
                                         std::string("bad id (") + text::id_rule() + "): " + text::quote(entry.value)));
}

void read_int(const FrontMatterEntry& entry, std::string_view path, int min, int max, std::string_view what,
              int& out, std::vector<Diagnostic>& diagnostics) {
  if (!text::parse_int(entry.value, min, max, out))
    diagnostics.push_back(text::error_at(path, entry.line, entry.value_column,
                                         "bad number for " + text::quote(entry.key) + " (" + std::string(what) +
                                             "): " + text::quote(entry.value)));
}

// yes/no for authors; true/false too, since people coming from YAML write those.
bool read_yes_no(std::string_view value, bool& out) {
  const std::string lower = text::to_lower(value);
  if (lower == "yes" || lower == "true") out = true;
  else if (lower == "no" || lower == "false") out = false;
  else return false;
  return true;
}

// "phase:preparedness, guideline:1-8" -> {phase, preparedness}, {guideline, 1-8}.
std::vector<Tag> read_tags(std::string_view value) {
  std::vector<Tag> tags;
  for (const std::string& item : split_list(value)) {
    const size_t colon = item.find(':');
    const std::string_view whole(item);
    tags.push_back(colon == std::string::npos
                       ? Tag{item, ""}
                       : Tag{std::string(text::trim(whole.substr(0, colon))), std::string(text::trim(whole.substr(colon + 1)))});
  }
  return tags;
}

// What every content file starts with: its lines, and front matter whose id, title and summary go
// into `value` (a Module or a Course); `apply_key` reads the keys of that kind of file.
struct FileStart {
  SourceLines lines;
  FrontMatter front;
};

template <typename T, typename ApplyKey>
FileStart read_file_start(std::string_view text, std::string_view path, std::string_view known_keys, T& value,
                          std::vector<Diagnostic>& diagnostics, ApplyKey apply_key) {
  value.path = std::string(path);
  FileStart start{read_lines(text, path, diagnostics), {}};
  start.front = read_front_matter(start.lines, path, diagnostics);
  apply_front_matter(start.front, path, known_keys, diagnostics, [&](const FrontMatterEntry& entry) {
    if (entry.key == "id") read_id(entry, path, value.id, diagnostics);
    else if (entry.key == "title") value.title = entry.value;
    else if (entry.key == "summary") value.summary = entry.value;
    else return apply_key(entry);
    return true;
  });
  return start;
}

// [SECTION] Module body: sections, quiz fences, Markdown stretches ------------------------------------

struct Fence {
  char mark = 0;
  size_t length = 0;
  size_t indent = 0;
  std::string_view info;
  size_t info_column = 0;  // 0-based
};

// A CommonMark code fence opening line: up to 3 spaces, then ``` or ~~~ (3 or more).
std::optional<Fence> open_fence(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && i < 4 && line[i] == ' ') ++i;
  if (i > 3 || i >= line.size() || (line[i] != '`' && line[i] != '~')) return std::nullopt;
  Fence fence;
  fence.mark = line[i];
  fence.indent = i;
  while (i < line.size() && line[i] == fence.mark) ++i, ++fence.length;
  if (fence.length < 3) return std::nullopt;
  const std::string_view rest = line.substr(i);
  if (fence.mark == '`' && rest.find('`') != std::string_view::npos) return std::nullopt;
  const size_t info_at = rest.find_first_not_of(" \t");
  fence.info_column = info_at == std::string_view::npos ? line.size() : i + info_at;
  fence.info = text::trim(rest);
  return fence;
}

bool closes_fence(std::string_view line, const Fence& fence) {
  size_t i = 0;
  while (i < line.size() && i < 4 && line[i] == ' ') ++i;
  if (i > 3) return false;
  size_t length = 0;
  while (i < line.size() && line[i] == fence.mark) ++i, ++length;
  return length >= fence.length && text::is_blank(line.substr(i));
}

// "## ..." with up to 3 spaces before it: the heading's text after the marker, or nullopt.
std::optional<std::string_view> section_heading(std::string_view line, size_t& indent) {
  indent = 0;
  while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
  if (indent > 3) return std::nullopt;
  const std::string_view rest = line.substr(indent);
  if (!rest.starts_with("##") || (rest.size() > 2 && rest[2] != ' ' && rest[2] != '\t')) return std::nullopt;
  return rest.substr(2);
}

class ModuleBodyParser {
 public:
  ModuleBodyParser(const SourceLines& lines, std::string_view path, Module& module, std::vector<Diagnostic>& diagnostics)
      : lines_(lines), path_(path), module_(module), diagnostics_(diagnostics) {}

  void run(size_t first) {
    size_t stretch_start = first;
    std::optional<Fence> code_fence;  // an ordinary code block: ## lines inside it are code
    for (size_t i = first; i < lines_.size(); ++i) {
      const std::string_view line = lines_.line(i);
      if (code_fence) {
        if (closes_fence(line, *code_fence)) code_fence.reset();
        continue;
      }
      if (const std::optional<Fence> fence = open_fence(line)) {
        if (!is_quiz_fence(*fence)) {
          code_fence = fence;
          continue;
        }
        add_markdown(stretch_start, i);
        size_t close = i + 1;
        while (close < lines_.size() && !closes_fence(lines_.line(close), *fence)) ++close;
        if (close == lines_.size()) {
          diagnostics_.push_back(text::error_at(path_, line_number(i), static_cast<int>(fence->indent) + 1,
                                                "unterminated quiz block: no closing " +
                                                    text::quote(std::string(fence->length, fence->mark)) + " line"));
          return;
        }
        add_quiz(*fence, i, close);
        i = close;
        stretch_start = close + 1;
        continue;
      }
      size_t indent = 0;
      if (const std::optional<std::string_view> heading = section_heading(line, indent)) {
        add_markdown(stretch_start, i);
        add_section(*heading, i, indent);
        stretch_start = i + 1;
      }
    }
    add_markdown(stretch_start, lines_.size());
  }

 private:
  static int line_number(size_t index) { return static_cast<int>(index) + 1; }

  static bool is_quiz_fence(const Fence& fence) {
    return fence.info.starts_with("quiz") && (fence.info.size() == 4 || text::is_space(fence.info[4]));
  }

  std::vector<Block>& blocks() { return module_.sections.empty() ? module_.intro : module_.sections.back().blocks; }

  void add_markdown(size_t first, size_t last) {
    const std::string_view stretch = lines_.stretch(first, last);
    if (text::is_blank(stretch)) return;
    const MarkdownContext context{path_, line_number(first), true};
    for (Block& block : parse_markdown(stretch, context, diagnostics_)) blocks().push_back(std::move(block));
  }

  void add_section(std::string_view heading, size_t index, size_t indent) {
    const int line = line_number(index);
    const int heading_column = static_cast<int>(indent) + 1;
    const size_t text_offset = indent + 2;  // heading starts after "##"
    std::string_view content = heading;
    while (!content.empty() && text::is_space(content.back())) content.remove_suffix(1);
    // An optional closing run of '#' (CommonMark), e.g. "## Title {#id} ##".
    if (const size_t last = content.find_last_not_of('#'); last != std::string_view::npos && last + 1 < content.size() &&
                                                           (content[last] == ' ' || content[last] == '\t')) {
      content = content.substr(0, last);
      while (!content.empty() && text::is_space(content.back())) content.remove_suffix(1);
    }
    Section section;
    section.line = line;
    const size_t open = content.rfind("{#");
    if (open == std::string_view::npos || !content.ends_with('}')) {
      diagnostics_.push_back(text::error_at(path_, line, heading_column,
                                            "section heading has no id; write it as '## Title {#id}': " +
                                                text::quote(lines_.line(index).substr(indent))));
      section.title = std::string(text::trim(content));
    } else {
      section.id = std::string(content.substr(open + 2, content.size() - open - 3));
      section.title = std::string(text::trim(content.substr(0, open)));
      const int id_column = static_cast<int>(text_offset + open + 2) + 1;
      if (!text::is_valid_id(section.id)) {
        diagnostics_.push_back(text::error_at(path_, line, id_column,
                                              std::string("bad section id (") + text::id_rule() +
                                                  "): " + text::quote(section.id)));
      } else if (const auto [it, inserted] = section_lines_.emplace(section.id, line); !inserted) {
        diagnostics_.push_back(text::error_at(path_, line, id_column,
                                              "duplicate section id " + text::quote(section.id) +
                                                  " (first used on line " + std::to_string(it->second) + ")"));
      }
      if (section.title.empty())
        diagnostics_.push_back(text::error_at(path_, line, heading_column,
                                              "section heading has no title: " + text::quote(lines_.line(index))));
    }
    module_.sections.push_back(std::move(section));
  }

  void add_quiz(const Fence& fence, size_t open, size_t close) {
    const int line = line_number(open);
    Quiz quiz;
    quiz.line = line;
    quiz.section_id = module_.sections.empty() ? std::string() : module_.sections.back().id;
    int id_column = 0;
    if (!read_quiz_attributes(fence, line, quiz, id_column)) return;

    const std::string_view inside = lines_.stretch(open + 1, close);
    Parsed<std::vector<Question>> questions = parse_gift(inside, path_, line + 1);
    const bool gift_failed = has_errors(questions.diagnostics);
    diagnostics_.insert(diagnostics_.end(), questions.diagnostics.begin(), questions.diagnostics.end());
    quiz.questions = std::move(questions.value);
    if (quiz.questions.empty() && !gift_failed)
      diagnostics_.push_back(text::error_at(path_, line, static_cast<int>(fence.indent) + 1,
                                            "quiz " + text::quote(quiz.id) + " has no questions"));
    if (const auto [it, inserted] = quiz_lines_.emplace(quiz.id, line); !inserted) {
      diagnostics_.push_back(text::error_at(path_, line, id_column,
                                            "duplicate quiz id " + text::quote(quiz.id) + " (first used on line " +
                                                std::to_string(it->second) + ")"));
      return;
    }
    Block block;
    block.kind = Block::Kind::Quiz;
    block.quiz_index = static_cast<int>(module_.quizzes.size());
    block.line = line;
    blocks().push_back(std::move(block));
    module_.quizzes.push_back(std::move(quiz));
  }

  // `quiz id=x graded=yes shuffle=no attempts=2 kind=pretest`. False when the quiz has no usable id.
  bool read_quiz_attributes(const Fence& fence, int line, Quiz& quiz, int& id_column) {
    const std::string_view attributes = fence.info.substr(4);
    const size_t base = fence.info_column + 4;
    std::set<std::string, std::less<>> seen;
    bool id_ok = false;
    size_t i = 0;
    while (i < attributes.size()) {
      if (text::is_space(attributes[i])) {
        ++i;
        continue;
      }
      const size_t start = i;
      while (i < attributes.size() && !text::is_space(attributes[i])) ++i;
      const std::string_view token = attributes.substr(start, i - start);
      const int column = static_cast<int>(base + start) + 1;
      const size_t equals = token.find('=');
      if (equals == std::string_view::npos || equals == 0) {
        diagnostics_.push_back(text::error_at(path_, line, column,
                                              "quiz attribute is not key=value: " + text::quote(token)));
        continue;
      }
      const std::string_view key = token.substr(0, equals);
      const std::string_view value = token.substr(equals + 1);
      const int value_column = column + static_cast<int>(equals) + 1;
      if (!seen.insert(std::string(key)).second)
        diagnostics_.push_back(text::warning_at(path_, line, column,
                                                "quiz attribute " + text::quote(key) + " is given twice; the last one counts"));
      const auto bad_value = [&](std::string_view expected) {
        diagnostics_.push_back(text::error_at(path_, line, value_column,
                                              "bad value for quiz attribute " + text::quote(key) + " (" +
                                                  std::string(expected) + "): " + text::quote(value)));
      };
      if (key == "id") {
        quiz.id = std::string(value);
        id_column = value_column;
        id_ok = text::is_valid_id(quiz.id);
        if (!id_ok) bad_value(text::id_rule());
      } else if (key == "graded") {
        if (!read_yes_no(value, quiz.graded)) bad_value("yes or no");
      } else if (key == "shuffle") {
        if (!read_yes_no(value, quiz.shuffle)) bad_value("yes or no");
      } else if (key == "attempts") {
        if (!text::parse_int(value, 0, 1000, quiz.attempts)) bad_value("a whole number; 0 means unlimited");
      } else if (key == "kind") {
        if (value == "pretest") quiz.kind = QuizKind::Pretest;
        else if (value == "posttest") quiz.kind = QuizKind::Posttest;
        else if (value == "module") quiz.kind = QuizKind::Module;
        else bad_value("pretest or posttest");
      } else {
        diagnostics_.push_back(text::warning_at(path_, line, column,
                                                "unknown quiz attribute " + text::quote(key) +
                                                    " (known: id, graded, shuffle, attempts, kind); it is ignored"));
      }
    }
    if (!seen.contains("id"))
      diagnostics_.push_back(text::error_at(path_, line, static_cast<int>(fence.indent) + 1,
                                            "quiz block has no id: write ```quiz id=..."));
    return id_ok;
  }

  const SourceLines& lines_;
  std::string_view path_;
  Module& module_;
  std::vector<Diagnostic>& diagnostics_;
  std::map<std::string, int, std::less<>> section_lines_;
  std::map<std::string, int, std::less<>> quiz_lines_;
};

}  // namespace

// [SECTION] Entry points ---------------------------------------------------------------------------------

Parsed<Module> parse_module(std::string_view text, std::string_view path) {
  Parsed<Module> result;
  Module& module = result.value;
  std::vector<Diagnostic>& diagnostics = result.diagnostics;
  const FileStart start = read_file_start(text, path, "id, title, summary, minutes, tags", module, diagnostics,
                                          [&](const FrontMatterEntry& entry) {
                                            if (entry.key == "minutes")
                                              read_int(entry, path, 0, 100000, "a whole number of minutes",
                                                       module.minutes, diagnostics);
                                            else if (entry.key == "tags") module.tags = read_tags(entry.value);
                                            else return false;
                                            return true;
                                          });
  ModuleBodyParser(start.lines, path, module, diagnostics).run(start.front.body_start);
  module.available = !has_errors(diagnostics);
  module.diagnostics = diagnostics;
  return result;
}

Parsed<Course> parse_course(std::string_view text, std::string_view path, CourseIntro intro) {
  Parsed<Course> result;
  Course& course = result.value;
  std::vector<Diagnostic>& diagnostics = result.diagnostics;
  const FileStart start = read_file_start(
      text, path, "id, title, summary, audience, pass, certificate", course, diagnostics,
      [&](const FrontMatterEntry& entry) {
        if (entry.key == "audience") course.audience = split_list(entry.value);
        else if (entry.key == "pass")
          read_int(entry, path, 0, 100, "a percentage from 0 to 100", course.pass_percent, diagnostics);
        else if (entry.key == "certificate") {
          if (!read_yes_no(entry.value, course.certificate))
            diagnostics.push_back(text::error_at(path, entry.line, entry.value_column,
                                                 "bad value for 'certificate' (yes or no): " + text::quote(entry.value)));
        } else return false;
        return true;
      });
  if (intro == CourseIntro::Skip) return result;
  const MarkdownContext context{path, static_cast<int>(start.front.body_start) + 1, false};
  // Through a door: Markdown is lesson code, which the web build downloads with the first course opened.
  course.intro =
      door(parse_markdown)(start.lines.stretch(start.front.body_start, start.lines.size()), context, diagnostics);
  return result;
}

}  // namespace siaga
