// paper.cpp — paper tests: paper option order, grid cells, grid rows and their stored form (paper.h).
#include "core/paper.h"

#include <algorithm>

#include "core/stored_json.h"

#include "core/report.h"
#include "core/text_util.h"

namespace siaga {

// [SECTION] The tests of a course and their paper order ------------------------------------------------

const Quiz* find_test_quiz(const Course& course, TestKind kind) {
  const QuizKind wanted = kind == TestKind::Pretest ? QuizKind::Pretest : QuizKind::Posttest;
  for (const Module& module : course.modules) {
    if (!module.available) continue;
    for (const Quiz& quiz : module.quizzes)
      if (quiz.kind == wanted) return &quiz;
  }
  return nullptr;
}

std::uint64_t paper_seed(std::string_view course_id, std::string_view quiz_id) {
  return codes::fnv1a32("paper/" + std::string(course_id) + "/" + std::string(quiz_id));
}

std::vector<int> paper_option_order(std::string_view course_id, const Quiz& quiz, const Question& question) {
  return option_order(quiz, question, paper_seed(course_id, quiz.id));
}

std::string option_letter(int position) {
  if (position < 0 || position >= 26) return "?";
  return std::string(1, static_cast<char>('A' + position));
}

// [SECTION] Reading grid cells ---------------------------------------------------------------------------

namespace {

bool is_separator(char c) { return c == ' ' || c == ',' || c == ';' || c == '/' || c == '.' || c == '\t'; }

// The whole UTF-8 character starting at byte i.
std::string char_at(std::string_view text, size_t i) {
  size_t end = i + 1;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return std::string(text.substr(i, end - i));
}

// Letters of the cell as display positions (0 = A), separators skipped. False when a character is not
// a letter within `options` (then `offending` names it).
bool read_letters(std::string_view typed, int options, std::vector<int>& positions, std::string& offending) {
  for (size_t i = 0; i < typed.size(); ++i) {
    const char c = typed[i];
    if (is_separator(c)) continue;
    const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (upper < 'A' || upper > 'Z' || upper - 'A' >= options) {
      offending = char_at(typed, i);
      return false;
    }
    positions.push_back(upper - 'A');
  }
  return true;
}

std::optional<bool> read_truth(std::string_view typed) {
  const std::string word = text::to_lower(typed);
  for (const char* yes : {"t", "true", "b", "benar"})
    if (word == yes) return true;
  for (const char* no : {"f", "false", "s", "salah"})
    if (word == no) return false;
  return std::nullopt;
}

}  // namespace

PaperCell read_paper_cell(std::string_view course_id, const Quiz& quiz, const Question& question,
                          std::string_view typed_raw) {
  PaperCell cell;
  if (!is_scored(question)) return cell;  // nothing to answer: the cell is not read
  const std::string_view typed = text::trim(typed_raw);
  const std::vector<int> order = paper_option_order(course_id, quiz, question);
  cell.options = static_cast<int>(order.size());
  if (question.type == QuestionType::Matching)
    cell.items = static_cast<int>(std::count_if(question.pairs.begin(), question.pairs.end(),
                                                [](const MatchPair& pair) { return !pair.is_distractor(); }));
  cell.offending = std::string(typed);
  if (typed.empty()) {
    cell.problem = CellProblem::Empty;
    return cell;
  }
  if (typed.size() > kMaxCellLength) {
    cell.problem = CellProblem::TooLong;
    return cell;
  }
  if (typed == kPaperBlank) return cell;  // left blank on paper: unanswered, scores 0

  std::vector<int> positions;
  switch (question.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleResponse: {
      if (!read_letters(typed, cell.options, positions, cell.offending)) {
        cell.problem = CellProblem::NotAnOption;
        return cell;
      }
      if (positions.empty()) {
        cell.problem = CellProblem::NotAnOption;
        return cell;
      }
      if (question.type == QuestionType::SingleChoice && positions.size() > 1) {
        cell.problem = CellProblem::OneOptionOnly;
        return cell;
      }
      std::vector<int> chosen;
      for (int p : positions) {
        const int index = order[static_cast<size_t>(p)];
        if (std::find(chosen.begin(), chosen.end(), index) != chosen.end()) {
          cell.problem = CellProblem::RepeatedOption;
          cell.offending = option_letter(p);
          return cell;
        }
        chosen.push_back(index);
      }
      std::sort(chosen.begin(), chosen.end());
      cell.answer = choice_answer(std::move(chosen));
      break;
    }
    case QuestionType::TrueFalse: {
      const std::optional<bool> truth = read_truth(typed);
      if (!truth) {
        cell.problem = CellProblem::NotTrueFalse;
        return cell;
      }
      cell.answer = true_false_answer(*truth);
      break;
    }
    case QuestionType::Matching: {
      if (!read_letters(typed, cell.options, positions, cell.offending)) {
        cell.problem = CellProblem::NotAnOption;
        return cell;
      }
      if (static_cast<int>(positions.size()) != cell.items) {
        cell.problem = CellProblem::WrongMatchCount;
        return cell;
      }
      // One letter per item; a distractor has no item, so it gets no letter and stays unmatched.
      std::vector<int> matches;
      size_t next = 0;
      for (const MatchPair& pair : question.pairs)
        matches.push_back(pair.is_distractor() ? -1 : order[static_cast<size_t>(positions[next++])]);
      cell.answer = matching_answer(std::move(matches));
      break;
    }
    case QuestionType::Numeric:
      cell.answer = numeric_answer(std::string(typed));
      if (!cell.answer.answered) {
        cell.problem = CellProblem::NotANumber;
        return cell;
      }
      break;
    case QuestionType::ShortAnswer: cell.answer = short_answer(std::string(typed)); break;
    case QuestionType::Description:
    case QuestionType::Essay: return cell;  // returned above
  }
  cell.right = verdict_for(cell.answer.answered, score_question(question, cell.answer)) == Verdict::Right;
  return cell;
}

// [SECTION] Grid rows ------------------------------------------------------------------------------------

PaperRowCheck check_paper_row(std::string_view course_id, const Quiz& quiz, const PaperRow& row) {
  PaperRowCheck check;
  check.label = normalize_label(row.label);
  for (size_t i = 0; i < quiz.questions.size(); ++i) {
    const std::string_view typed = i < row.cells.size() ? std::string_view(row.cells[i]) : std::string_view();
    PaperCell cell = read_paper_cell(course_id, quiz, quiz.questions[i], typed);
    if (cell.problem != CellProblem::Empty) ++check.filled;
    if (cell.problem != CellProblem::None && cell.problem != CellProblem::Empty) ++check.problems;
    if (cell.right) ++check.right;
    check.cells.push_back(std::move(cell));
  }
  const int questions = static_cast<int>(quiz.questions.size());
  check.complete = check.label.error.empty() && !check.label.label.empty() && check.filled == questions &&
                   check.problems == 0 && questions > 0 && questions <= kMaxQuestions;
  return check;
}

std::optional<ResultRecord> paper_row_record(std::string_view course_id, const Quiz& quiz, const PaperRow& row) {
  const PaperRowCheck check = check_paper_row(course_id, quiz, row);
  if (!check.complete) return std::nullopt;
  std::vector<bool> right;
  for (const PaperCell& cell : check.cells) right.push_back(cell.right);
  return record_from_grid(check.label.label, course_id, row.kind, row.day, right);
}

std::vector<ResultRecord> paper_records(const Course& course, const std::vector<PaperRow>& rows) {
  std::vector<ResultRecord> out;
  for (const PaperRow& row : rows) {
    const Quiz* quiz = find_test_quiz(course, row.kind);
    if (!quiz) continue;
    if (auto record = paper_row_record(course.id, *quiz, row)) out.push_back(std::move(*record));
  }
  return out;
}

// [SECTION] Stored form ----------------------------------------------------------------------------------

std::string paper_rows_json(const std::vector<PaperRow>& rows) {
  stored::Json list = stored::Json::array();
  for (const PaperRow& row : rows)
    list.push_back({{"label", row.label}, {"test", test_kind_name(row.kind)}, {"day", row.day}, {"cells", row.cells}});
  return stored::canonical_text({{"format", kPaperGridFormat}, {"version", kPaperGridVersion}, {"rows", list}});
}

std::optional<std::vector<PaperRow>> parse_paper_rows(std::string_view text) {
  const stored::Json doc = stored::parse(text);
  const stored::EnvelopeCheck envelope = stored::check_envelope(
      doc, {.format = kPaperGridFormat, .version_key = "version", .current = kPaperGridVersion});
  if (!envelope.ok() || envelope.version != kPaperGridVersion) return std::nullopt;
  stored::FieldReader reader;
  const stored::Json* rows = reader.list(doc, "rows", "paper grid", kMaxPaperRows);
  std::vector<PaperRow> out;
  for (size_t i = 0; rows != nullptr && i < rows->size() && !reader.failed(); ++i) {
    const stored::Json& item = (*rows)[i];
    const std::string where = "row " + std::to_string(i + 1);
    PaperRow row;
    std::string kind;
    reader.text(item, "label", where, row.label);
    reader.text(item, "test", where, kind);
    reader.whole_number(item, "day", where, row.day, 0, kMaxDayNumber);
    reader.texts(item, "cells", where, row.cells, kMaxQuestions);
    if (kind == "pretest") row.kind = TestKind::Pretest;
    else if (kind == "posttest") row.kind = TestKind::Posttest;
    else reader.fail(where, "'test' is neither 'pretest' nor 'posttest'");
    out.push_back(std::move(row));
  }
  if (rows == nullptr || reader.failed()) return std::nullopt;
  return out;
}

}  // namespace siaga
