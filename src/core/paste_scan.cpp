// paste_scan.cpp — finding and checking result codes in pasted text (see paste_scan.h).
#include "core/paste_scan.h"

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "core/text_util.h"

namespace siaga {

// [SECTION] Scanning pasted text --------------------------------------------------------------------

namespace {

constexpr size_t kMinCodeChars = 12;
constexpr size_t kMaxCodeChars = 60;
constexpr size_t kMaxSpacedGroups = 12;

bool is_ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// Unicode dashes -> '-', no-break spaces -> ' ', so chat apps' typography does not hide codes.
std::string normalize_separators(std::string_view line) {
  std::string out;
  for (size_t i = 0; i < line.size();) {
    if (const size_t dash = codes::unicode_dash_length(line, i); dash > 0) {
      out += '-';
      i += dash;
    } else if (i + 1 < line.size() && static_cast<unsigned char>(line[i]) == 0xC2 &&
               static_cast<unsigned char>(line[i + 1]) == 0xA0) {
      out += ' ';
      i += 2;
    } else {
      out += line[i++];
    }
  }
  return out;
}

struct Token {
  size_t begin = 0;
  std::string text;          // hyphens at the ends removed
  bool spaced_after_previous = false;  // only spaces/tabs between this token and the one before
};

std::vector<Token> tokenize(std::string_view line) {
  std::vector<Token> tokens;
  bool gap_only_spaces = true;  // since the previous token
  for (size_t i = 0; i < line.size();) {
    if (!is_ascii_alnum(line[i]) && line[i] != '-') {
      gap_only_spaces = gap_only_spaces && (line[i] == ' ' || line[i] == '\t');
      ++i;
      continue;
    }
    size_t end = i;
    while (end < line.size() && (is_ascii_alnum(line[end]) || line[end] == '-')) ++end;
    std::string_view word = line.substr(i, end - i);
    size_t begin = i;
    while (!word.empty() && word.front() == '-') word.remove_prefix(1), ++begin;
    while (!word.empty() && word.back() == '-') word.remove_suffix(1);
    const bool trimmed = word.size() != end - i;
    if (!word.empty()) tokens.push_back(Token{begin, std::string(word), gap_only_spaces && !trimmed && !tokens.empty()});
    gap_only_spaces = !word.empty() && !trimmed;
    i = end;
  }
  return tokens;
}

struct Shape {
  size_t chars = 0;
  bool digit = false;
  bool letter = false;
};

Shape shape_of(std::string_view token) {
  Shape shape;
  for (const char c : token) {
    if (c == '-') continue;
    ++shape.chars;
    shape.digit = shape.digit || (c >= '0' && c <= '9');
    shape.letter = shape.letter || !(c >= '0' && c <= '9');
  }
  return shape;
}

// A group of a code typed with spaces: 3 to 6 code characters, no hyphen.
bool is_spaced_group(std::string_view token) {
  if (token.size() < 3 || token.size() > 6) return false;
  return std::all_of(token.begin(), token.end(), [](char c) { return codes::symbol_value(c) >= 0; });
}

struct Candidate {
  size_t begin = 0;
  std::string text;
};

std::vector<Candidate> find_candidates(std::string_view line) {
  const std::vector<Token> tokens = tokenize(line);
  std::vector<Candidate> found;
  std::vector<bool> used(tokens.size(), false);
  for (size_t t = 0; t < tokens.size(); ++t) {
    const Shape shape = shape_of(tokens[t].text);
    if (shape.chars < kMinCodeChars || shape.chars > kMaxCodeChars) continue;
    if ((shape.digit && shape.letter) || decode_result(tokens[t].text).ok()) {
      found.push_back(Candidate{tokens[t].begin, tokens[t].text});
      used[t] = true;
    }
  }
  // Codes typed with spaces: the longest run of space-separated groups that reads as a valid code.
  for (size_t t = 0; t < tokens.size();) {
    size_t run_end = t;
    while (run_end < tokens.size() && run_end < t + kMaxSpacedGroups && !used[run_end] && is_spaced_group(tokens[run_end].text) &&
           (run_end == t || tokens[run_end].spaced_after_previous))
      ++run_end;
    bool taken = false;
    for (size_t end = run_end; end >= t + 3 && !taken; --end) {
      std::string joined;
      for (size_t g = t; g < end; ++g) joined += (g == t ? "" : "-") + tokens[g].text;
      if (shape_of(joined).chars >= kMinCodeChars && decode_result(joined).ok()) {
        found.push_back(Candidate{tokens[t].begin, joined});
        t = end;
        taken = true;
      }
    }
    if (!taken) ++t;
  }
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
  return found;
}

ScanStatus status_for(CodeProblem problem) {
  switch (problem) {
    case CodeProblem::None:
      return ScanStatus::Ok;
    case CodeProblem::Empty:
    case CodeProblem::BadCharacter:
    case CodeProblem::WrongLength:
    case CodeProblem::ChecksumMismatch:
      return ScanStatus::Typo;
    case CodeProblem::UnknownCourse:
      return ScanStatus::UnknownCourse;
    case CodeProblem::UnknownVersion:
    case CodeProblem::NotAResultCode:
    case CodeProblem::BadContent:
    case CodeProblem::QuestionCountMismatch:
      return ScanStatus::Invalid;
  }
  return ScanStatus::Invalid;
}

using LabelKey = std::tuple<std::uint16_t, TestKind, std::string>;

LabelKey label_key(const ResultRecord& record) { return {effective_hash(record), record.kind, record.label}; }

std::string kept_message(const ResultRecord& record) {
  return "Kept: " + record.label + ", " + test_kind_name(record.kind) + ", " + std::to_string(record.right_count()) +
         " of " + std::to_string(record.question_count) + " right, " + format_day_number(record.day) + ".";
}

std::string line_reference(int line) { return line == 0 ? "an earlier import" : "line " + std::to_string(line); }

// Splits on LF, CRLF or CR; a final line break does not start another line.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    lines.push_back(text.substr(start, i - start));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

}  // namespace

const char* scan_status_name(ScanStatus status) {
  switch (status) {
    case ScanStatus::Blank: return "blank";
    case ScanStatus::NoCode: return "no code found";
    case ScanStatus::Ok: return "ok";
    case ScanStatus::Duplicate: return "duplicate";
    case ScanStatus::Typo: return "typo";
    case ScanStatus::UnknownCourse: return "unknown course";
    case ScanStatus::Invalid: return "cannot be used";
  }
  return "";
}

std::vector<ScanLine> scan_codes(std::string_view pasted_text, const std::vector<CourseTests>& known,
                                 const std::vector<ResultRecord>& already_kept) {
  std::map<std::string, int> line_of_code;   // canonical symbols -> first line
  std::map<LabelKey, int> line_of_label;     // label + test -> first line with an Ok code
  for (const ResultRecord& record : already_kept) line_of_label.emplace(label_key(record), 0);

  std::vector<ScanLine> out;
  const std::vector<std::string_view> lines = split_lines(pasted_text);
  for (size_t index = 0; index < lines.size(); ++index) {
    ScanLine scan;
    scan.line = static_cast<int>(index) + 1;
    const std::string line = normalize_separators(lines[index]);
    if (text::is_blank(line)) {
      out.push_back(std::move(scan));
      continue;
    }
    for (Candidate& candidate : find_candidates(line)) {
      FoundCode found;
      found.text = std::move(candidate.text);
      DecodeOutcome decoded = decode_result(found.text, known);
      found.problem = decoded.problem;
      found.status = status_for(decoded.problem);
      found.record = decoded.record;
      found.message = decoded.message;
      if (found.status == ScanStatus::Ok) {
        const auto earlier_import = std::find_if(already_kept.begin(), already_kept.end(),
                                                 [&](const ResultRecord& r) { return same_result(r, found.record); });
        const auto earlier_line = line_of_code.find(decoded.canonical);
        if (earlier_line != line_of_code.end() || earlier_import != already_kept.end()) {
          found.status = ScanStatus::Duplicate;
          found.duplicate_of_line = earlier_line != line_of_code.end() ? earlier_line->second : 0;
          found.message = "The same code as " + line_reference(found.duplicate_of_line) + ": counted once.";
        } else {
          line_of_code.emplace(decoded.canonical, scan.line);
          found.message = kept_message(found.record);
          const auto [it, first] = line_of_label.emplace(label_key(found.record), scan.line);
          if (!first) {
            found.same_label_line = it->second;
            found.message += " Note: " + line_reference(it->second) + " has another " +
                             test_kind_name(found.record.kind) + " for " + found.record.label +
                             "; the report keeps the most recent one.";
          }
        }
      }
      scan.codes.push_back(std::move(found));
    }
    if (scan.codes.empty()) {
      scan.status = ScanStatus::NoCode;
      scan.message = "No code found on this line.";
    } else {
      scan.status = ScanStatus::Ok;
      for (const FoundCode& found : scan.codes) {
        if (scan.status == ScanStatus::Ok && found.status != ScanStatus::Ok) scan.status = found.status;
        if (!scan.message.empty()) scan.message += ' ';
        if (scan.codes.size() > 1) scan.message += found.text + ": ";
        scan.message += found.message;
      }
    }
    out.push_back(std::move(scan));
  }
  return out;
}

std::vector<ResultRecord> kept_records(const std::vector<ScanLine>& lines) {
  std::vector<ResultRecord> out;
  for (const ScanLine& line : lines)
    for (const FoundCode& found : line.codes)
      if (found.status == ScanStatus::Ok) out.push_back(found.record);
  return out;
}

}  // namespace siaga
