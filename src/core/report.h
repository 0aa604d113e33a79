// report.h — the facilitator's class report: pretest and posttest results of one course paired per
// participant, scores, gains, class averages, per-question difficulty and the score distribution.
//
// Input is whatever the facilitator collected: decoded result codes, imported result files, and grid
// entries typed for participants without a device (record_from_grid). Pairing is by label, compared
// case-insensitively after trimming (the normalised label of result_code.h). Gain figures are computed
// only over participants who have both tests; the others are listed and named in gain_note, so an
// average is never silently skewed by someone who missed the posttest.
//
// [SECTION] Report figures
// [SECTION] Building
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/result_code.h"

namespace siaga {

// [SECTION] Report figures ---------------------------------------------------------------------------

// Percentages are 0..100 of the questions answered right; gains are posttest minus pretest in
// percentage points.
struct TestScore {
  bool taken = false;
  int right = 0;
  double percent = 0;
};

struct ParticipantRow {
  std::string label;
  TestScore pretest;
  TestScore posttest;
  double gain = 0;             // only when in_gain_stats
  bool in_gain_stats = false;  // has both tests
};

// One question on one side (pretest or posttest).
struct QuestionSide {
  bool has_data = false;  // the test has this question and someone answered it
  int right = 0;
  int answered = 0;
  double percent = 0;     // % of participants who got it right
};

struct QuestionRow {
  int question = 0;       // 1-based, in the quiz's authored order
  QuestionSide pretest;
  QuestionSide posttest;
};

inline constexpr int kHistogramBins = 10;  // 0-9 %, 10-19 %, ..., 90-100 %

// "0-9%", "10-19%", ..., "90-100%".
std::string histogram_bin_label(int bin);
// The bin of a score of `right` out of `questions` (exact integer arithmetic, 100 % in the last bin).
int histogram_bin(int right, int questions);

// Class figures of one test, over every participant who took it.
struct TestSummary {
  int questions = 0;       // the course's question count for this test
  int participants = 0;    // how many took it
  double average = 0;      // mean percent
  std::array<int, kHistogramBins> histogram{};  // participants per score band, for the chart
};

struct ClassReport {
  std::string course_id;   // "" when build_report was not given one
  TestSummary pretest;
  TestSummary posttest;

  std::vector<ParticipantRow> participants;  // sorted by label

  // Gain statistics: participants with both tests only.
  int paired_count = 0;
  double paired_pretest_average = 0;
  double paired_posttest_average = 0;
  double average_gain = 0;
  int improved = 0;               // posttest percent above pretest percent
  int unchanged = 0;
  int declined = 0;
  std::vector<std::string> excluded_from_gain;  // labels with only one of the two tests
  std::string gain_note;          // plain words saying who the gain figures leave out ("" if nobody)

  std::vector<QuestionRow> questions;  // hardest first: lowest posttest %, then lowest pretest %

  std::vector<std::string> notes;  // records left out or replaced, in plain English words

  // The same notes as values, for an interface that words them in its own language.
  struct Note {
    enum class Kind {
      LeftOut,              // record_problem() is not empty
      QuestionCountDiffers, // questions: the record's, expected: the course test's
      SeveralResults,       // several results of one test for a label: day is the one used
      OtherCourses,         // count records of other courses left out
    };
    Kind kind = Kind::LeftOut;
    TestKind test = TestKind::Pretest;
    std::string label;
    int questions = 0;
    int expected = 0;
    int day = 0;
    int count = 0;
  };
  std::vector<Note> note_items;    // one per entry of notes, in the same order
};

// [SECTION] Building ---------------------------------------------------------------------------------

// Records of another course (when course_id is given), invalid records and records whose question
// count differs from the course's test are left out with a note. When a label has several results
// for the same test, the most recent (by date, then by position in `records`) is used, with a note.
ClassReport build_report(const std::vector<ResultRecord>& records, int question_count_pre,
                         int question_count_post, std::string_view course_id = {});

// A record typed by the facilitator for a participant without a device: right[i] = question i+1
// answered right. The label is normalised when it can be; otherwise it is kept as typed and
// record_problem() says what is wrong with it (as it does for more than 64 questions).
ResultRecord record_from_grid(std::string_view label, std::string_view course_id, TestKind kind, int day,
                              const std::vector<bool>& right);

}  // namespace siaga
