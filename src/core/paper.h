// paper.h — the workshop pretest and posttest on paper, for participants without a device: the fixed
// option order a printed test uses, reading what the facilitator types from a marked sheet into the
// answer grid, scoring it with the same rules as the in-portal exam (quiz.h), and the grid's stored form.
//
// Why it looks like this:
// - A printed test cannot shuffle per participant, and the authored order often puts the right option
//   first, so the paper order is option_order() with a seed fixed by course and quiz: every printed
//   copy, the answer key and the grid agree, in either language (options are per id, not per text).
// - One grid cell per question holds what the participant marked, as the facilitator types it: a
//   letter, letters, true/false, one letter per item to match, a number or a word. "-" records a
//   question left blank on paper; an empty cell is one not typed yet, so a row counts in the report
//   only once every cell is filled and none is wrong-shaped (a half-typed row is never scored).
// - A complete row becomes a ResultRecord (record_from_grid, report.h): from there on it is exactly
//   like a result code a participant sent.
//
// [SECTION] The tests of a course and their paper order
// [SECTION] Reading grid cells
// [SECTION] Grid rows
// [SECTION] Stored form
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/quiz.h"
#include "core/result_code.h"

namespace siaga {

// [SECTION] The tests of a course and their paper order ------------------------------------------------

// The course's first pretest or posttest quiz (the one result codes count, see course_tests), or nullptr.
const Quiz* find_test_quiz(const Course& course, TestKind kind);

// The seed of the paper order: FNV-1a of "paper/<course>/<quiz>".
std::uint64_t paper_seed(std::string_view course_id, std::string_view quiz_id);
// Display position -> authored index, as printed (identity when the quiz has shuffle=no).
std::vector<int> paper_option_order(std::string_view course_id, const Quiz& quiz, const Question& question);
// 0 -> "A", 1 -> "B", ... 25 -> "Z"; positions beyond get "?" (no question has 27 options).
std::string option_letter(int position);

// [SECTION] Reading grid cells ---------------------------------------------------------------------------

inline constexpr std::string_view kPaperBlank = "-";   // "left blank on the sheet"
inline constexpr std::size_t kMaxCellLength = 64;

enum class CellProblem {
  None,
  Empty,           // not typed yet (not an error: the row is simply not complete)
  NotAnOption,     // a letter beyond the question's options, or a character that is no letter
  OneOptionOnly,   // several letters for a single-choice question
  RepeatedOption,  // the same letter twice in a multiple-response cell
  NotTrueFalse,    // neither true nor false (T/F, B/S, true/false, benar/salah)
  WrongMatchCount, // a matching cell needs one letter per item
  NotANumber,
  TooLong,
};

struct PaperCell {
  CellProblem problem = CellProblem::None;
  Answer answer;         // when problem is None ("-" gives an unanswered Answer)
  std::string offending; // NotAnOption: the character; otherwise the cell as typed
  int options = 0;       // how many letters the question offers (choices or right-hand items)
  int items = 0;         // Matching: how many items need a letter
  bool right = false;    // problem None and the answer earns full credit (Verdict::Right)
};

// Reads one cell of the question (letters in the paper order of the course's quiz) and scores it.
PaperCell read_paper_cell(std::string_view course_id, const Quiz& quiz, const Question& question,
                          std::string_view typed);

// [SECTION] Grid rows ------------------------------------------------------------------------------------

struct PaperRow {
  std::string label;               // as typed (normalised when it becomes a record)
  TestKind kind = TestKind::Pretest;
  int day = 0;                     // days since 2020-01-01 when the row was added
  std::vector<std::string> cells;  // one per question, in the quiz's authored order

  bool operator==(const PaperRow&) const = default;
};

struct PaperRowCheck {
  LabelOutcome label;              // label.error set (or label empty) when the label cannot be used
  std::vector<PaperCell> cells;    // one per question of the quiz
  int filled = 0;                  // cells typed (with or without a problem)
  int problems = 0;                // cells with a problem other than Empty
  int right = 0;
  bool complete = false;           // usable label, every cell filled, no problem: counts in the report
};

PaperRowCheck check_paper_row(std::string_view course_id, const Quiz& quiz, const PaperRow& row);

// The record a complete row adds to the class results; nullopt while the row is not complete.
std::optional<ResultRecord> paper_row_record(std::string_view course_id, const Quiz& quiz, const PaperRow& row);

// Records of every complete row of the course (rows whose test the course lacks are skipped).
std::vector<ResultRecord> paper_records(const Course& course, const std::vector<PaperRow>& rows);

// [SECTION] Stored form ----------------------------------------------------------------------------------

// {"format":"siaga-paper-grid","version":1,"rows":[{"label":"ANDI","test":"pretest","day":1900,
//  "cells":["A","-","T"]}]}
inline constexpr std::string_view kPaperGridFormat = "siaga-paper-grid";
inline constexpr int kPaperGridVersion = 1;
inline constexpr std::size_t kMaxPaperRows = 200;

std::string paper_rows_json(const std::vector<PaperRow>& rows);
// nullopt when the text is not a grid this version can read (the caller keeps it aside).
std::optional<std::vector<PaperRow>> parse_paper_rows(std::string_view text);

}  // namespace siaga
