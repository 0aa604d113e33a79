// gift.cpp — the GIFT question parser (Moodle's GIFT format, the subset in CONTENT-FORMAT.md).
//
// There is no C++ GIFT library, so this is ours. It follows Moodle's reading of the format: questions
// are separated by blank lines, `//` lines are comments, every unescaped `=` or `~` in an answer block
// starts an answer, `#` starts that answer's feedback and `####` the general feedback. Text with no
// answer block is a description item, an empty block `{}` an essay (shown as an ungraded prompt), and
// a matching pair with an empty left side a distractor, a choice with several '=' answers a single
// choice where each of them is full marks, and numbers may have exponents (1e3), all as in Moodle
// (question/format/gift/format.php). On top of Moodle
// it insists on a `::id::` name (progress is recorded by question id) and turns every doubtful case
// Moodle would silently accept into a message with the exact line and column.
//
// Work is linear in the input: each question is scanned a fixed number of times, no backtracking.
//
// [SECTION] Questions as raw text (comment lines removed, byte positions kept)
// [SECTION] Numbers and weights
// [SECTION] The parser: name, text, answer block
// [SECTION] Answer kinds: true/false, numeric, matching, choices, short answer
// [SECTION] Entry point

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/sha256.h"
#include "core/text_util.h"

namespace siaga {

namespace {

constexpr size_t npos = std::string::npos;

// [SECTION] Questions as raw text (comment lines removed, byte positions kept) ----------------------

// One question's text, still with its escapes, and for each byte its offset in the quiz text so any
// message can point at the exact line and column.
struct RawQuestion {
  std::string raw;
  std::vector<size_t> offset;
  bool ended_by_blank_line = false;
  // Moodle's metadata in the comment lines before or inside the question: // [id:...] [tag:...]
  std::string meta_id;
  std::vector<std::string> tags;
};

// Reads Moodle's "[id:...]" and "[tag:...]" markers from a comment line (Moodle 4 writes them so).
void read_metadata(std::string_view comment, RawQuestion& question) {
  for (size_t at = comment.find('['); at != npos; at = comment.find('[', at + 1)) {
    const size_t close = comment.find(']', at);
    if (close == npos) return;
    const std::string_view inside = comment.substr(at + 1, close - at - 1);
    if (inside.starts_with("id:")) question.meta_id = std::string(text::trim(inside.substr(3)));
    else if (inside.starts_with("tag:") && !text::trim(inside.substr(4)).empty())
      question.tags.emplace_back(text::trim(inside.substr(4)));
  }
}

std::vector<RawQuestion> split_questions(std::string_view text) {
  std::vector<RawQuestion> out;
  RawQuestion current;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    const std::string_view trimmed = text::trim(line);
    if (trimmed.empty()) {
      if (!current.raw.empty()) {
        current.ended_by_blank_line = end < text.size();
        out.push_back(std::move(current));
        current = RawQuestion{};
      }
    } else if (trimmed.starts_with("//")) {
      read_metadata(trimmed.substr(2), current);
    } else {
      if (!current.raw.empty()) {
        current.raw.push_back('\n');
        current.offset.push_back(start - 1);
      }
      current.raw += line;
      for (size_t i = 0; i < line.size(); ++i) current.offset.push_back(start + i);
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  if (!current.raw.empty()) out.push_back(std::move(current));
  return out;
}

// The first unescaped position in [from, to) where `match` holds. `from` must not be inside an escape.
template <typename Match>
size_t find_unescaped(std::string_view raw, size_t from, size_t to, Match match) {
  for (size_t i = from; i < to; ++i) {
    if (raw[i] == '\\' && i + 1 < to) {
      ++i;
      continue;
    }
    if (match(i)) return i;
  }
  return npos;
}

size_t find_char(std::string_view raw, size_t from, size_t to, char c) {
  return find_unescaped(raw, from, to, [&](size_t i) { return raw[i] == c; });
}

size_t find_string(std::string_view raw, size_t from, size_t to, std::string_view what) {
  return find_unescaped(raw, from, to, [&](size_t i) { return raw.substr(i, to - i).starts_with(what); });
}

size_t skip_space(std::string_view raw, size_t from, size_t to) {
  while (from < to && text::is_space(raw[from])) ++from;
  return from;
}

// Appends code point `c` as UTF-8 (a numeric character reference of HTML).
void append_utf8(std::string& out, uint32_t c) {
  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Text marked [html] (Moodle exports most text so: "[html]<p>Which...</p>") shown as plain text:
// tags are dropped (line breaks and paragraph ends become line breaks, images "[image]"), script and
// style contents are dropped whole, and character references are decoded. Nothing is ever run.
std::string html_to_text(std::string_view html) {
  std::string out;
  for (size_t i = 0; i < html.size(); ++i) {
    const char c = html[i];
    if (c == '<') {
      const size_t close = html.find('>', i);
      if (close == npos) break;  // a cut-off tag: the rest is markup
      std::string tag = text::to_lower(html.substr(i + 1, close - i - 1));
      const bool ending = !tag.empty() && tag[0] == '/';
      size_t name_end = ending ? 1 : 0;
      while (name_end < tag.size() && std::isalnum(static_cast<unsigned char>(tag[name_end]))) ++name_end;
      const std::string name = tag.substr(ending ? 1 : 0, name_end - (ending ? 1 : 0));
      i = close;
      if (!ending && (name == "script" || name == "style")) {
        const size_t end_tag = text::to_lower(html.substr(close)).find("</" + name);
        if (end_tag == npos) break;
        i = html.find('>', close + end_tag);
        if (i == npos) break;
        continue;
      }
      if (name == "br" || (ending && (name == "p" || name == "div" || name == "li" || name == "tr" ||
                                      (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6'))))
        out.push_back('\n');
      else if (name == "img")
        out += "[image]";
      else if (name == "td" || name == "th")
        out.push_back(' ');
      continue;
    }
    if (c == '&') {
      const size_t semi = html.find(';', i);
      if (semi != npos && semi - i <= 10) {
        const std::string_view entity = html.substr(i + 1, semi - i - 1);
        static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
            {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
        bool done = false;
        for (const auto& [name, value] : kNamed)
          if (entity == name) {
            out += value;
            done = true;
          }
        if (!done && entity.size() > 1 && entity[0] == '#') {
          const bool hex = entity[1] == 'x' || entity[1] == 'X';
          uint32_t code = 0;
          bool digits = entity.size() > (hex ? 2u : 1u);
          for (size_t k = hex ? 2 : 1; k < entity.size() && digits; ++k) {
            const char d = entity[k];
            const int v = d >= '0' && d <= '9' ? d - '0'
                          : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                          : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
            if (v < 0 || code > 0x10FFFF) digits = false;
            else code = code * (hex ? 16 : 10) + static_cast<uint32_t>(v);
          }
          if (digits) {
            append_utf8(out, code);
            done = true;
          }
        }
        if (done) {
          i = semi;
          continue;
        }
      }
    }
    out.push_back(c);
  }
  // Blank lines and runs of spaces that markup leaves behind collapse; lines are trimmed.
  std::string tidy;
  for (std::string_view line : text::split(out, '\n')) {
    line = text::trim(line);
    if (line.empty()) continue;
    if (!tidy.empty()) tidy.push_back('\n');
    tidy += line;
  }
  return tidy;
}

// Raw GIFT text to display text: a leading format marker ([html], [markdown], [plain], [moodle]) is
// honoured and removed wherever it stands (question text, answers, feedback, match sides), line breaks
// inside a question become spaces (a question may span lines), GIFT escapes are resolved, and
// Markdown's own backslash escapes are left for the renderer.
std::string clean(std::string_view raw) {
  raw = text::trim(raw);
  bool html = false;
  for (std::string_view format : {"[markdown]", "[plain]", "[moodle]", "[html]"}) {
    if (raw.starts_with(format)) {
      html = format == "[html]";
      raw = text::trim(raw.substr(format.size()));
      break;
    }
  }
  if (html) return html_to_text(clean(raw));
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\\' && i + 1 < raw.size()) {
      const char next = raw[i + 1];
      if (next == 'n') {
        out.push_back('\n');
        ++i;
        continue;
      }
      if (std::string_view("~=#{}:\\").find(next) != npos) {
        out.push_back(next);
        ++i;
        continue;
      }
      out.push_back(c);
      continue;
    }
    if (text::is_space(c)) {
      // A run of blanks holding a line break becomes one space; other runs stay as written.
      size_t j = i;
      while (j < raw.size() && text::is_space(raw[j])) ++j;
      const std::string_view run = raw.substr(i, j - i);
      if (run.find('\n') != npos) out.push_back(' ');
      else out += run;
      i = j - 1;
      continue;
    }
    out.push_back(c);
  }
  return out;
}

// [SECTION] Numbers and weights ------------------------------------------------------------------

// A decimal number as Moodle's importer takes one (PHP's is_numeric): optional sign, digits with an
// optional fraction and, where `exponent` allows, an exponent (1e3, 2.5E-2); at most 15 digits. Built
// from integers, so plain decimals are exact and the C locale plays no part; never "1,5".
std::optional<double> parse_number(std::string_view s, bool exponent = true) {
  s = text::trim(s);
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  uint64_t mantissa = 0;
  int digits = 0;
  int fraction_digits = 0;
  bool seen_point = false;
  size_t i = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (exponent && (c == 'e' || c == 'E') && digits > 0) break;
    if (c < '0' || c > '9') return std::nullopt;
    if (++digits > 15) return std::nullopt;
    mantissa = mantissa * 10 + static_cast<uint64_t>(c - '0');
    if (seen_point) ++fraction_digits;
  }
  if (digits == 0) return std::nullopt;
  int power = 0;
  if (i < s.size()) {  // the exponent: e or E, an optional sign, one to three digits
    std::string_view rest = s.substr(i + 1);
    const bool down = !rest.empty() && rest.front() == '-';
    if (!rest.empty() && (rest.front() == '-' || rest.front() == '+')) rest.remove_prefix(1);
    if (rest.empty() || rest.size() > 3) return std::nullopt;
    for (char c : rest) {
      if (c < '0' || c > '9') return std::nullopt;
      power = power * 10 + (c - '0');
    }
    if (down) power = -power;
  }
  power -= fraction_digits;
  double value = static_cast<double>(mantissa);
  value = power < 0 ? value / std::pow(10.0, -power) : value * std::pow(10.0, power);
  if (!std::isfinite(value)) return std::nullopt;
  return negative ? -value : value;
}

// [SECTION] The parser: name, text, answer block -------------------------------------------------

// One answer of a choice, short-answer or matching block, as positions in the raw question.
struct RawAnswer {
  char marker = '=';
  size_t at = 0;                 // the marker
  std::optional<double> weight;  // %n%
  size_t text_begin = 0, text_end = 0;
  size_t feedback_begin = npos, feedback_end = npos;
};

class GiftParser {
 public:
  GiftParser(std::string_view text, std::string_view path, int first_line, std::vector<Diagnostic>& diagnostics)
      : text_(text), path_(path), lines_(text, first_line), diagnostics_(diagnostics) {}

  std::vector<Question> run() {
    std::vector<Question> questions;
    for (RawQuestion& raw : split_questions(text_)) {
      q_ = &raw;
      Question question;
      if (parse_question(question)) {
        if (const auto [it, inserted] = first_line_of_.emplace(question.id, question.line); !inserted) {
          error(question_start_, "duplicate question id " + text::quote(question.id) + " (first used on line " +
                                     std::to_string(it->second) + ")");
        } else {
          questions.push_back(std::move(question));
        }
      }
    }
    return questions;
  }

 private:
  std::string_view raw() const { return q_->raw; }

  void report(Severity severity, size_t raw_position, std::string message) {
    const size_t offset = q_->offset.empty()                      ? 0
                          : raw_position < q_->offset.size()     ? q_->offset[raw_position]
                                                                  : q_->offset.back() + 1;
    diagnostics_.push_back(Diagnostic{severity, std::string(path_), lines_.line(offset), lines_.column(offset),
                                      std::move(message)});
  }
  void error(size_t at, std::string message) {
    report(Severity::Error, at, std::move(message));
    failed_ = true;
  }
  void warning(size_t at, std::string message) { report(Severity::Warning, at, std::move(message)); }

  std::string_view slice(size_t begin, size_t end) const { return raw().substr(begin, end - begin); }

  // An id from free text: lowercase ASCII letters and digits, other runs become one hyphen; text with
  // none of those (a name in another script) gets "q-" and a hash of it, so it is still stable.
  static std::string id_from(std::string_view free_text) {
    std::string id;
    for (char c : free_text) {
      const unsigned char byte = static_cast<unsigned char>(c);
      if (std::isalnum(byte) && byte < 0x80) id.push_back(static_cast<char>(std::tolower(byte)));
      else if (!id.empty() && id.back() != '-') id.push_back('-');
      if (id.size() >= 56) break;
    }
    while (!id.empty() && id.back() == '-') id.pop_back();
    if (id.empty()) id = "q-" + sha256_hex(free_text).substr(0, 10);
    return id;
  }

  // A derived id another question of the quiz already has gets -2, -3, ... (Moodle names may repeat).
  std::string unused_id(const std::string& id) const {
    if (!first_line_of_.contains(id)) return id;
    for (int n = 2;; ++n)
      if (const std::string next = id + "-" + std::to_string(n); !first_line_of_.contains(next)) return next;
  }
  std::string name() const { return text::quote(id_.empty() ? std::string("?") : id_); }

  // Returns true when the question is complete and error-free (it is then kept).
  bool parse_question(Question& question) {
    failed_ = false;
    id_.clear();
    const size_t end = raw().size();
    size_t at = skip_space(raw(), 0, end);
    if (raw().substr(at).starts_with("$CATEGORY:")) {
      // Moodle's category line (every Moodle export has them): a quiz is one category, so it is skipped.
      at = raw().find('\n', at);
      if (at == npos) return false;
      at = skip_space(raw(), at, end);
    }
    if (at >= end) return false;
    question_start_ = at;
    question.line = lines_.line(q_->offset[at]);
    question.column = lines_.column(q_->offset[at]);

    size_t body = at;
    std::string written_name;
    if (raw().substr(at).starts_with("::")) {
      const size_t close = find_string(raw(), at + 2, end, "::");
      if (close == npos) {
        error(at, "the question name is not closed with '::' (write \\: for a colon in a name): " +
                      text::quote(raw().substr(at)));
        return false;
      }
      written_name = clean(slice(at + 2, close));
      body = close + 2;
    }
    // The id progress is kept under: Moodle's [id:] marker, else the name when it is already an id
    // (our own content), else one made from the name, else from the text (with a warning: editing the
    // text would then change the id).
    derived_id_ = true;
    if (!q_->meta_id.empty()) {
      id_ = text::is_valid_id(q_->meta_id) ? q_->meta_id : id_from(q_->meta_id);
      derived_id_ = !text::is_valid_id(q_->meta_id);
    } else if (text::is_valid_id(written_name)) {
      id_ = written_name;
      derived_id_ = false;
    } else if (!written_name.empty()) {
      id_ = id_from(written_name);
    } else {
      const size_t brace = find_unescaped(raw(), body, end, [&](size_t i) { return raw()[i] == '{'; });
      id_ = id_from(clean(slice(body, brace == npos ? end : brace)).substr(0, 48));
      warning(at, "question " + name() + " has no ::name::, so its id is made from its text and changes if the text "
                  "is edited (learners' answers are kept by id): write ::" + id_ + ":: before the text to keep it");
    }
    if (derived_id_) id_ = unused_id(id_);
    question.name = written_name;
    question.tags = q_->tags;

    const size_t open = find_unescaped(raw(), body, end, [&](size_t i) { return raw()[i] == '{' || raw()[i] == '}'; });
    if (open == npos) {
      // Moodle's description item: text with no answer block, shown as text and never scored.
      question.id = id_;
      question.type = QuestionType::Description;
      question.text = clean(slice(body, end));
      if (text::is_blank(question.text))
        error(at, "question " + name() + " has a name but no text and no answers: write its text, and an answer "
                  "block such as {=right ~wrong} unless it is only text to read");
      return !failed_;
    }
    if (raw()[open] == '}') {
      error(open, "'}' without '{' (write \\} for a brace in the text)");
      return false;
    }
    const size_t close = find_unescaped(raw(), open + 1, end, [&](size_t i) { return raw()[i] == '{' || raw()[i] == '}'; });
    if (close == npos) {
      error(open, std::string("unterminated '{': the answer block of question ") + name() + " has no closing '}'" +
                      (q_->ended_by_blank_line ? " (a blank line ends a question: no blank lines inside one)" : ""));
      return false;
    }
    if (raw()[close] == '{') {
      error(close, "'{' inside an answer block (write \\{ for a brace in the text)");
      return false;
    }
    const size_t stray = find_unescaped(raw(), close + 1, end, [&](size_t i) { return raw()[i] == '{' || raw()[i] == '}'; });
    if (stray != npos) {
      error(stray, raw()[stray] == '{' ? "a question has only one answer block {...}"
                                       : "'}' without '{' (write \\} for a brace in the text)");
      return false;
    }

    question.id = id_;
    question.text = question_text(body, open, close + 1, end);
    if (text::is_blank(question.text)) error(at, "question " + name() + " has no text");
    parse_answer_block(question, open, close);
    return !failed_;
  }

  // Text before the block; text after it makes a Moodle "missing word" question, shown as a blank.
  std::string question_text(size_t begin, size_t open, size_t after, size_t end) {
    std::string out = clean(slice(begin, open));
    const std::string rest = clean(slice(after, end));
    if (!rest.empty()) out += (out.empty() ? "_____ " : " _____ ") + rest;
    return out;
  }

  void parse_answer_block(Question& question, size_t open, size_t close) {
    size_t end = close;
    if (const size_t general = find_string(raw(), open + 1, close, "####"); general != npos) {
      question.general_feedback = clean(slice(general + 4, close));
      end = general;
    }
    const size_t begin = skip_space(raw(), open + 1, end);
    while (end > begin && text::is_space(raw()[end - 1])) --end;
    if (begin == end) {
      // Moodle's essay question: Siaga shows it as an ungraded reflection or discussion prompt.
      question.type = QuestionType::Essay;
      return;
    }
    if (raw()[begin] == '#') return parse_numeric(question, begin, end);
    if (parse_true_false(question, begin, end)) return;
    parse_answers(question, open, begin, end);
  }

  // [SECTION] Answer kinds: true/false, numeric, matching, choices, short answer --------------------

  bool parse_true_false(Question& question, size_t begin, size_t end) {
    size_t word_end = begin;
    while (word_end < end && !text::is_space(raw()[word_end]) && raw()[word_end] != '#') ++word_end;
    const std::string word = text::to_lower(slice(begin, word_end));
    if (word != "t" && word != "true" && word != "f" && word != "false") return false;
    question.type = QuestionType::TrueFalse;
    question.truth = word[0] == 't';
    const size_t rest = skip_space(raw(), word_end, end);
    if (rest == end) return true;
    if (raw()[rest] != '#') {
      error(rest, "unexpected text after " + text::quote(slice(begin, word_end)) +
                      " (feedback starts with #): " + text::quote(slice(rest, end)));
      return true;
    }
    const size_t second = find_char(raw(), rest + 1, end, '#');
    question.feedback_wrong = clean(slice(rest + 1, second == npos ? end : second));
    if (second == npos) return true;
    const size_t third = find_char(raw(), second + 1, end, '#');
    question.feedback_right = clean(slice(second + 1, third == npos ? end : third));
    if (third != npos)
      error(third, "a true/false question takes at most two #feedbacks: the first is shown when the answer is "
                   "wrong, the second when it is right");
    return true;
  }

  void parse_numeric(Question& question, size_t begin, size_t end) {
    question.type = QuestionType::Numeric;
    const size_t first = skip_space(raw(), begin + 1, end);
    // Moodle's "any other answer": a last '~' with only feedback, for every number no range holds.
    std::optional<NumericAnswer> other;
    if (const size_t tilde = find_char(raw(), first, end, '~'); tilde != npos) {
      const size_t after = skip_space(raw(), tilde + 1, end);
      if ((after < end && raw()[after] != '#') || find_char(raw(), tilde + 1, end, '=') != npos ||
          find_char(raw(), tilde + 1, end, '~') != npos) {
        error(tilde, "a numeric question takes one '~' only, last, for the feedback to any other number "
                     "(write ~#feedback); other answers start with '=': " + text::quote(slice(tilde, end)));
        return;
      }
      other = NumericAnswer{-std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(), 0,
                            after < end ? clean(slice(after + 1, end)) : std::string()};
      end = tilde;
      while (end > first && text::is_space(raw()[end - 1])) --end;
    }
    if (first < end && raw()[first] == '=') {
      size_t at = first;
      while (at < end) {
        const size_t next = find_char(raw(), at + 1, end, '=');
        parse_numeric_answer(question, at + 1, next == npos ? end : next, true);
        at = next == npos ? end : next;
      }
    } else {
      parse_numeric_answer(question, first, end, false);
    }
    if (failed_) return;
    if (other) question.numeric.push_back(std::move(*other));  // last, so any range before it wins
    bool any_right = false;
    for (const NumericAnswer& answer : question.numeric) any_right = any_right || answer.weight > 0;
    if (!any_right) error(begin, "quiz question " + name() + " has no correct answer");
  }

  void parse_numeric_answer(Question& question, size_t begin, size_t end, bool may_weigh) {
    NumericAnswer answer;
    size_t spec = begin;
    if (may_weigh) {
      const std::optional<double> weight = parse_weight(spec, end);
      if (failed_) return;
      if (weight) answer.weight = *weight;
    }
    const size_t hash = find_char(raw(), spec, end, '#');
    if (hash != npos) answer.feedback = clean(slice(hash + 1, end));
    const std::string_view value = text::trim(slice(spec, hash == npos ? end : hash));
    const size_t value_at = skip_space(raw(), spec, end);
    const std::string bad = "bad numeric answer (write {#42}, {#42:2} or {#40..45}): " + text::quote(value);
    // A comma: Moodle refuses it in a tolerance, and its importer takes {#1,5} as "any answer is right"
    // (a check that can never fail), so both are refused here with what to write instead.
    if (const size_t comma = value.find(','); comma != npos) {
      const size_t colon = value.find(':');
      if (colon != npos && comma > colon && value.find("..") == npos)
        return error(value_at, "a comma in the tolerance of " + text::quote(value) +
                                   ": write it with a decimal point, like {#1.5:0.1} (Moodle refuses it too)");
      return error(value_at, "a comma in the number " + text::quote(value) +
                                 ": write the decimal point as '.' and no thousands separator, like {#1.5} or "
                                 "{#1500} (Moodle's importer would take {#1,5} to mean that any answer is right)");
    }
    if (const size_t dots = value.find(".."); dots != npos) {
      const auto low = parse_number(value.substr(0, dots));
      const auto high = parse_number(value.substr(dots + 2));
      if (!low || !high) return error(value_at, bad);
      if (*low > *high) return error(value_at, "the range starts above its end: " + text::quote(value));
      answer.min = *low;
      answer.max = *high;
    } else if (const size_t colon = value.find(':'); colon != npos) {
      const auto center = parse_number(value.substr(0, colon));
      const auto tolerance = parse_number(value.substr(colon + 1));
      if (!center || !tolerance) return error(value_at, bad);
      if (*tolerance < 0) return error(value_at, "the tolerance cannot be negative: " + text::quote(value));
      answer.min = *center - *tolerance;
      answer.max = *center + *tolerance;
    } else {
      const auto exact = parse_number(value);
      if (!exact) return error(value_at, bad);
      answer.min = answer.max = *exact;
    }
    question.numeric.push_back(std::move(answer));
  }

  // "%50%" right at `at`: advances `at` past it. Weights outside -100..100 are clamped with a warning.
  std::optional<double> parse_weight(size_t& at, size_t end) {
    if (at >= end || raw()[at] != '%') return std::nullopt;
    const size_t found = slice(at + 1, end).find('%');
    const size_t close = found == npos ? npos : at + 1 + found;
    const std::optional<double> weight = close == npos ? std::nullopt : parse_number(slice(at + 1, close), false);
    if (!weight) {
      error(at, "bad weight (write it like %50% or %-25%): " + text::quote(slice(at, end)));
      return std::nullopt;
    }
    double value = *weight;
    if (value > 100 || value < -100) {
      value = value > 100 ? 100 : -100;
      warning(at, "weight " + text::quote(slice(at, close + 1)) + " is outside -100%..100%; using " +
                      (value > 0 ? "100%" : "-100%"));
    }
    at = close + 1;
    return value;
  }

  void parse_answers(Question& question, size_t open, size_t begin, size_t end) {
    if (raw()[begin] != '=' && raw()[begin] != '~') {
      error(begin, "text before the first answer (start each answer with = or ~): " + text::quote(slice(begin, end)));
      return;
    }
    std::vector<RawAnswer> answers;
    for (size_t at = begin; at < end;) {
      const size_t next = find_unescaped(raw(), at + 1, end, [&](size_t i) { return raw()[i] == '=' || raw()[i] == '~'; });
      const size_t stop = next == npos ? end : next;
      RawAnswer answer;
      answer.marker = raw()[at];
      answer.at = at;
      size_t text_at = at + 1;
      answer.weight = parse_weight(text_at, stop);
      if (failed_) return;
      const size_t hash = find_char(raw(), text_at, stop, '#');
      answer.text_begin = text_at;
      answer.text_end = hash == npos ? stop : hash;
      if (hash != npos) {
        answer.feedback_begin = hash + 1;
        answer.feedback_end = stop;
      }
      const std::string_view written = slice(answer.text_begin, answer.text_end);
      if (text::is_blank(written))
        error(at, "empty answer after " + text::quote(std::string(1, answer.marker)));
      else if (written.find("->") == npos && text::is_blank(clean(written)))
        error(at, "empty answer after " + text::quote(std::string(1, answer.marker)) +
                      ": nothing is left of " + text::quote(text::trim(written)) +
                      " once its format marker and markup are removed (an HTML tag left open hides the rest)");
      answers.push_back(answer);
      at = stop;
    }
    if (failed_) return;

    bool has_tilde = false, has_arrow = false;
    int equals = 0;
    for (const RawAnswer& answer : answers) {
      has_tilde = has_tilde || answer.marker == '~';
      equals += answer.marker == '=' ? 1 : 0;
      has_arrow = has_arrow || slice(answer.text_begin, answer.text_end).find("->") != npos;
    }
    if (!has_tilde && has_arrow) return parse_matching(question, answers);
    if (!has_tilde) return parse_short_answer(question, open, answers);
    parse_choices(question, open, answers, equals);
  }

  Choice make_choice(const RawAnswer& answer, double default_weight) {
    Choice choice;
    choice.text = clean(slice(answer.text_begin, answer.text_end));
    choice.weight = answer.weight.value_or(default_weight);
    choice.correct = answer.marker == '=' || choice.weight > 0;
    if (answer.feedback_begin != npos) choice.feedback = clean(slice(answer.feedback_begin, answer.feedback_end));
    return choice;
  }

  void parse_matching(Question& question, const std::vector<RawAnswer>& answers) {
    question.type = QuestionType::Matching;
    std::set<std::string> rights;
    for (const RawAnswer& answer : answers) {
      const std::string_view pair = slice(answer.text_begin, answer.text_end);
      const size_t arrow = pair.find("->");
      if (arrow == npos) {
        error(answer.at, "matching pair has no '->': " + text::quote(text::trim(pair)));
        continue;
      }
      MatchPair match{clean(pair.substr(0, arrow)), clean(pair.substr(arrow + 2))};
      if (match.right.empty()) {
        error(answer.at, "matching pair needs text after '->' (an empty left side, = -> extra, makes a distractor; "
                         "an empty right side means nothing): " + text::quote(text::trim(pair)));
        continue;
      }
      if (answer.weight) warning(answer.at, "weights are ignored in matching questions");
      if (answer.feedback_begin != npos)
        warning(answer.feedback_begin - 1, "feedback on a matching pair is not shown; use ####general feedback");
      if (!rights.insert(match.right).second)
        warning(answer.at, "two pairs have the same right-hand side: " + text::quote(match.right));
      question.pairs.push_back(std::move(match));
    }
    // Moodle's importer wants two '=' items, distractors counted; its question editor wants two pairs
    // and three answers before it saves an edit. A single pair with a distractor is imported by Moodle
    // and works, so it is kept here too, with a warning about that editor; no pair at all is refused.
    if (failed_) return;
    const auto items = std::count_if(question.pairs.begin(), question.pairs.end(),
                                     [](const MatchPair& pair) { return !pair.is_distractor(); });
    if (question.pairs.size() < 2)
      error(question_start_, "matching question " + name() + " needs at least 2 items: pairs like =a -> 1, or one "
                             "pair and a distractor (= -> extra); Moodle refuses it too");
    else if (items == 0)
      error(question_start_, "matching question " + name() + " has only distractors (= -> extra): add a pair with "
                             "text on both sides of '->', or there is nothing to match");
    else if (items == 1)
      warning(question_start_, "matching question " + name() + " has one pair to match; Moodle imports it so, but "
                               "its question editor asks for 2 pairs and 3 answers before it saves a change");
  }

  void parse_short_answer(Question& question, size_t open, const std::vector<RawAnswer>& answers) {
    question.type = QuestionType::ShortAnswer;
    bool any_right = false;
    for (const RawAnswer& answer : answers) {
      question.choices.push_back(make_choice(answer, 100));
      question.choices.back().correct = question.choices.back().weight > 0;
      any_right = any_right || question.choices.back().correct;
    }
    if (!any_right) error(open, "quiz question " + name() + " has no correct answer");
  }

  // Any '=' makes a single-choice question, as in Moodle: each '=' answer is full marks (two or more of
  // them are each right on their own), '~' answers earn their weight or nothing. Without '=', several
  // answers are chosen and their weights add up.
  void parse_choices(Question& question, size_t open, const std::vector<RawAnswer>& answers, int equals) {
    double positive = 0;
    for (const RawAnswer& answer : answers) {
      question.choices.push_back(make_choice(answer, answer.marker == '=' ? 100 : 0));
      if (question.choices.back().weight > 0) positive += question.choices.back().weight;
    }
    if (equals >= 1) {
      question.type = QuestionType::SingleChoice;
      return;
    }
    question.type = QuestionType::MultipleResponse;
    if (positive <= 0) {
      error(open, "quiz question " + name() + " has no correct answer");
      return;
    }
    if (std::fabs(positive - 100) > 0.01)
      warning(open, "the positive weights of question " + name() + " add up to " + format_percent(positive) +
                        ", not 100%");
  }

  static std::string format_percent(double value) {
    std::string out = std::to_string(std::round(value * 1000) / 1000);
    while (!out.empty() && out.back() == '0') out.pop_back();
    if (!out.empty() && out.back() == '.') out.pop_back();
    return out + "%";
  }

  std::string_view text_;
  std::string_view path_;
  text::LineIndex lines_;
  std::vector<Diagnostic>& diagnostics_;
  std::map<std::string, int, std::less<>> first_line_of_;
  RawQuestion* q_ = nullptr;
  std::string id_;
  bool derived_id_ = false;
  size_t question_start_ = 0;
  bool failed_ = false;
};

}  // namespace

// [SECTION] Entry point ------------------------------------------------------------------------------

Parsed<std::vector<Question>> parse_gift(std::string_view text, std::string_view path, int first_line) {
  Parsed<std::vector<Question>> result;
  result.value = GiftParser(text, path, first_line, result.diagnostics).run();
  return result;
}

}  // namespace siaga
