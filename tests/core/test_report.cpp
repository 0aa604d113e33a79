// The class report: pairing, scores, gains, averages, per-question difficulty, distribution, grid entry.
//
// The fixed class used below (5 questions in each test; bit i of a mask = question i+1 right):
//   label   pretest            posttest           gain
//   ANDI    q1 q2      2/5 40% q1-q4     4/5  80%  +40
//   BUDI    q1-q3      3/5 60% q1 q2 q5  3/5  60%    0
//   CITRA   q1-q5      5/5 100% q1 q3-q5 4/5  80%  -20
//   DEWI    q1         1/5 20% -                   (pretest only)
//   EKO     -                  q1-q5     5/5 100%  (posttest only)
// Pretest average  (40+60+100+20)/4 = 55.   Posttest average (80+60+80+100)/4 = 80.
// Paired (ANDI, BUDI, CITRA): pretest (40+60+100)/3 = 66.67, posttest (80+60+80)/3 = 73.33,
// gain (40+0-20)/3 = 6.67; improved 1, unchanged 1, declined 1.
// Per question, pretest (4 answered): q1 4/4 100, q2 3/4 75, q3 2/4 50, q4 1/4 25, q5 1/4 25.
//               posttest (4 answered): q1 4/4 100, q2 q3 q4 q5 3/4 75 each.
// Hardest first (post %, then pre %, then number): q4 (75, 25), q5 (75, 25), q3 (75, 50), q2 (75, 75), q1.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/report.h"

using namespace siaga;

namespace {

constexpr int kDay = 2000;  // 2025-06-23

ResultRecord make(std::string label, TestKind kind, std::uint64_t mask, int questions = 5, int day = kDay) {
  std::vector<bool> right;
  for (int i = 0; i < questions; ++i) right.push_back(((mask >> i) & 1u) != 0);
  return record_from_grid(label, "micic", kind, day, right);
}

std::vector<ResultRecord> fixed_class() {
  return {
      make("ANDI", TestKind::Pretest, 0b00011),  make("ANDI", TestKind::Posttest, 0b01111),
      make("BUDI", TestKind::Pretest, 0b00111),  make("BUDI", TestKind::Posttest, 0b10011),
      make("CITRA", TestKind::Pretest, 0b11111), make("CITRA", TestKind::Posttest, 0b11101),
      make("DEWI", TestKind::Pretest, 0b00001),  make("EKO", TestKind::Posttest, 0b11111),
  };
}

const ParticipantRow* find_row(const ClassReport& report, const std::string& label) {
  for (const ParticipantRow& row : report.participants)
    if (row.label == label) return &row;
  return nullptr;
}

}  // namespace

TEST_CASE("each participant's scores and gain come from their own pretest and posttest") {
  const ClassReport report = build_report(fixed_class(), 5, 5, "micic");
  REQUIRE(report.participants.size() == 5);
  const ParticipantRow* andi = find_row(report, "ANDI");
  REQUIRE(andi != nullptr);
  CHECK(andi->pretest.right == 2);
  CHECK(andi->pretest.percent == doctest::Approx(40));
  CHECK(andi->posttest.percent == doctest::Approx(80));
  CHECK(andi->gain == doctest::Approx(40));
  CHECK(find_row(report, "CITRA")->gain == doctest::Approx(-20));
}

TEST_CASE("class averages cover every test taken, gain figures only the pairs") {
  const ClassReport report = build_report(fixed_class(), 5, 5, "micic");
  CHECK(report.pretest.participants == 4);
  CHECK(report.posttest.participants == 4);
  CHECK(report.pretest.average == doctest::Approx(55));
  CHECK(report.posttest.average == doctest::Approx(80));
  CHECK(report.paired_count == 3);
  CHECK(report.paired_pretest_average == doctest::Approx(200.0 / 3));
  CHECK(report.paired_posttest_average == doctest::Approx(220.0 / 3));
  CHECK(report.average_gain == doctest::Approx(20.0 / 3));
  CHECK(report.improved == 1);
  CHECK(report.unchanged == 1);
  CHECK(report.declined == 1);
}

TEST_CASE("participants with only one test are listed and named as left out of the gain figures") {
  const ClassReport report = build_report(fixed_class(), 5, 5, "micic");
  CHECK(report.excluded_from_gain == std::vector<std::string>{"DEWI", "EKO"});
  CHECK_FALSE(find_row(report, "DEWI")->in_gain_stats);
  CHECK(find_row(report, "EKO")->posttest.taken);
  CHECK(report.gain_note.find("only the 3 participant(s)") != std::string::npos);
  CHECK(report.gain_note.find("DEWI, EKO") != std::string::npos);
}

TEST_CASE("per-question percentages are sorted hardest first") {
  const ClassReport report = build_report(fixed_class(), 5, 5, "micic");
  std::vector<int> order;
  for (const QuestionRow& row : report.questions) order.push_back(row.question);
  CHECK(order == std::vector<int>{4, 5, 3, 2, 1});
  CHECK(report.questions[0].pretest.percent == doctest::Approx(25));
  CHECK(report.questions[0].posttest.percent == doctest::Approx(75));
  CHECK(report.questions[4].pretest.right == 4);
  CHECK(report.questions[4].pretest.answered == 4);
}

TEST_CASE("the score distribution counts participants per 10 % band, 100 % in the last") {
  const ClassReport report = build_report(fixed_class(), 5, 5, "micic");
  // Pretest 40, 60, 100, 20; posttest 80, 60, 80, 100.
  CHECK(report.pretest.histogram == std::array<int, 10>{0, 0, 1, 0, 1, 0, 1, 0, 0, 1});
  CHECK(report.posttest.histogram == std::array<int, 10>{0, 0, 0, 0, 0, 0, 1, 0, 2, 1});
  CHECK(histogram_bin(2, 3) == 6);  // 66.7 %
  CHECK(histogram_bin_label(0) == "0-9%");
  CHECK(histogram_bin_label(9) == "90-100%");
}

TEST_CASE("labels pair case-insensitively and ignoring surrounding spaces") {
  const ClassReport report =
      build_report({make(" siti n ", TestKind::Pretest, 0b1), make("SITI  N", TestKind::Posttest, 0b11)}, 5, 5);
  REQUIRE(report.participants.size() == 1);
  CHECK(report.participants[0].label == "SITI N");
  CHECK(report.participants[0].in_gain_stats);
}

TEST_CASE("the most recent of two results for the same label and test is used, with a note") {
  const ClassReport report = build_report(
      {make("ANDI", TestKind::Pretest, 0b11111, 5, kDay + 1), make("ANDI", TestKind::Pretest, 0b1, 5, kDay)}, 5, 5);
  REQUIRE(report.participants.size() == 1);
  CHECK(report.participants[0].pretest.right == 5);
  REQUIRE(report.notes.size() == 1);
  CHECK(report.notes[0].find("ANDI has more than one pretest") != std::string::npos);
}

TEST_CASE("results of other courses, invalid ones and wrong question counts are left out with notes") {
  std::vector<ResultRecord> records = {make("ANDI", TestKind::Pretest, 1)};
  records.push_back(make("BUDI", TestKind::Pretest, 1, 4));  // the course's pretest has 5
  ResultRecord other = make("CITRA", TestKind::Pretest, 1);
  other.course_id = "counter-trafficking";
  records.push_back(other);
  records.push_back(make("DEWI!", TestKind::Pretest, 1));
  const ClassReport report = build_report(records, 5, 5, "micic");
  REQUIRE(report.participants.size() == 1);
  CHECK(report.participants[0].label == "ANDI");
  REQUIRE(report.notes.size() == 3);
  CHECK(report.notes[0].find("BUDI has 4 questions") != std::string::npos);
  CHECK(report.notes[1].find("'DEWI!' was left out") != std::string::npos);
  CHECK(report.notes[2].find("1 result(s) for other courses") != std::string::npos);
}

TEST_CASE("every report note is also given as values, so the interface can word it in its own language") {
  std::vector<ResultRecord> records = {make("BUDI", TestKind::Posttest, 1, 4), make("DEWI!", TestKind::Pretest, 1)};
  ResultRecord other = make("CITRA", TestKind::Pretest, 1);
  other.course_id = "counter-trafficking";
  records.push_back(other);
  records.push_back(make("ANDI", TestKind::Pretest, 0b1, 5, kDay));
  records.push_back(make("ANDI", TestKind::Pretest, 0b11, 5, kDay + 2));
  const ClassReport report = build_report(records, 5, 5, "micic");
  REQUIRE(report.note_items.size() == report.notes.size());
  REQUIRE(report.note_items.size() == 4);
  using Kind = ClassReport::Note::Kind;
  CHECK(report.note_items[0].kind == Kind::QuestionCountDiffers);
  CHECK(report.note_items[0].test == TestKind::Posttest);
  CHECK(report.note_items[0].label == "BUDI");
  CHECK(report.note_items[0].questions == 4);
  CHECK(report.note_items[0].expected == 5);
  CHECK(report.note_items[1].kind == Kind::LeftOut);
  CHECK(report.note_items[1].label == "DEWI!");
  CHECK(report.note_items[2].kind == Kind::SeveralResults);
  CHECK(report.note_items[2].label == "ANDI");
  CHECK(report.note_items[2].day == kDay + 2);
  CHECK(report.note_items[3].kind == Kind::OtherCourses);
  CHECK(report.note_items[3].count == 1);
}

TEST_CASE("an empty class gives an empty report without dividing by zero") {
  const ClassReport report = build_report({}, 5, 5);
  CHECK(report.participants.empty());
  CHECK(report.pretest.average == 0);
  CHECK(report.average_gain == 0);
  CHECK(report.questions.size() == 5);
  CHECK_FALSE(report.questions[0].pretest.has_data);
}

TEST_CASE("a grid entry gives the same record as the participant's own code") {
  const ResultRecord grid =
      record_from_grid("Ni Luh", "micic", TestKind::Posttest, kDay, {true, false, true, true});
  CHECK(grid.label == "NI LUH");
  CHECK(grid.right_mask == 0b1101);
  const DecodeOutcome decoded = decode_result(encode_result(grid), {{"micic", 4, 4}});
  REQUIRE(decoded.ok());
  CHECK(decoded.record == grid);
}

TEST_CASE("a grid entry with an unusable label keeps it as typed and says why") {
  const ResultRecord grid = record_from_grid("Siti@", "micic", TestKind::Pretest, kDay, {true});
  CHECK(grid.label == "Siti@");
  CHECK(record_problem(grid).find("'@'") != std::string::npos);
  CHECK_FALSE(record_problem(record_from_grid("A", "micic", TestKind::Pretest, kDay, std::vector<bool>(65))).empty());
}
