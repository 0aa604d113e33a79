// report.cpp — building the class report from result records (see report.h).
//
// [SECTION] Helpers
// [SECTION] Building
#include "core/report.h"

#include <algorithm>
#include <map>

namespace siaga {

// [SECTION] Helpers ----------------------------------------------------------------------------------

namespace {

double percent(int right, int questions) { return questions > 0 ? 100.0 * right / questions : 0.0; }

double mean(double sum, int count) { return count > 0 ? sum / count : 0.0; }

// The pairing key: the normalised label, or the folded text when the label is not a valid one (a
// grid entry typed with a stray character still pairs with itself).
std::string label_key(std::string_view label) {
  LabelOutcome normalized = normalize_label(label);
  return normalized.error.empty() ? std::move(normalized.label) : fold_for_matching(label);
}

bool is_for_course(const ResultRecord& record, std::string_view course_id) {
  if (course_id.empty()) return true;
  return record.course_id.empty() ? record.course_hash == course_hash(course_id) : record.course_id == course_id;
}

// Scores one participant's test and adds it to the class figures and the per-question counts.
TestScore take_test(const ResultRecord& record, TestSummary& summary, double& percent_sum,
                    std::vector<QuestionRow>& rows) {
  TestScore score{true, record.right_count(), 0};
  score.percent = percent(score.right, summary.questions);
  percent_sum += score.percent;
  ++summary.participants;
  ++summary.histogram[static_cast<size_t>(histogram_bin(score.right, summary.questions))];
  for (int i = 0; i < record.question_count && i < static_cast<int>(rows.size()); ++i) {
    QuestionRow& row = rows[static_cast<size_t>(i)];
    QuestionSide& side = record.kind == TestKind::Pretest ? row.pretest : row.posttest;
    ++side.answered;
    side.right += record.answered_right(i) ? 1 : 0;
  }
  return score;
}

// A side with no data sorts after every side with data.
double difficulty_key(const QuestionSide& side) { return side.has_data ? side.percent : 101.0; }

// Hardest first: lowest posttest %, then lowest pretest %, then question order.
bool harder(const QuestionRow& a, const QuestionRow& b) {
  if (difficulty_key(a.posttest) != difficulty_key(b.posttest))
    return difficulty_key(a.posttest) < difficulty_key(b.posttest);
  if (difficulty_key(a.pretest) != difficulty_key(b.pretest)) return difficulty_key(a.pretest) < difficulty_key(b.pretest);
  return a.question < b.question;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

std::string histogram_bin_label(int bin) {
  bin = std::clamp(bin, 0, kHistogramBins - 1);
  const int low = bin * 100 / kHistogramBins;
  const int high = bin == kHistogramBins - 1 ? 100 : (bin + 1) * 100 / kHistogramBins - 1;
  return std::to_string(low) + "-" + std::to_string(high) + "%";
}

int histogram_bin(int right, int questions) {
  if (questions <= 0 || right <= 0) return 0;
  return std::min(kHistogramBins - 1, right * kHistogramBins / questions);
}

// [SECTION] Building ---------------------------------------------------------------------------------

ClassReport build_report(const std::vector<ResultRecord>& records, int question_count_pre,
                         int question_count_post, std::string_view course_id) {
  ClassReport report;
  report.course_id = std::string(course_id);
  report.pretest.questions = question_count_pre;
  report.posttest.questions = question_count_post;

  // Choose one record per label and test.
  struct Chosen {
    const ResultRecord* pre = nullptr;
    const ResultRecord* post = nullptr;
    std::string label;
  };
  std::map<std::string, Chosen> by_label;
  int other_course = 0;
  for (const ResultRecord& record : records) {
    if (!is_for_course(record, course_id)) {
      ++other_course;
      continue;
    }
    const std::string kind = test_kind_name(record.kind);
    if (const std::string problem = record_problem(record); !problem.empty()) {
      report.notes.push_back("A " + kind + " result for '" + record.label + "' was left out: " + problem);
      report.note_items.push_back({.kind = ClassReport::Note::Kind::LeftOut, .test = record.kind, .label = record.label});
      continue;
    }
    const int expected = record.kind == TestKind::Pretest ? question_count_pre : question_count_post;
    if (record.question_count != expected) {
      report.notes.push_back("The " + kind + " of " + label_key(record.label) + " has " +
                             std::to_string(record.question_count) + " questions but the course's " + kind + " has " +
                             std::to_string(expected) + "; it was left out.");
      report.note_items.push_back({.kind = ClassReport::Note::Kind::QuestionCountDiffers, .test = record.kind,
                                   .label = label_key(record.label), .questions = record.question_count,
                                   .expected = expected});
      continue;
    }
    const std::string key = label_key(record.label);
    Chosen& chosen = by_label[key];
    chosen.label = key;
    const ResultRecord*& slot = record.kind == TestKind::Pretest ? chosen.pre : chosen.post;
    if (slot != nullptr && !(*slot == record)) {
      const ResultRecord* kept = record.day >= slot->day ? &record : slot;
      report.notes.push_back(key + " has more than one " + kind + " result; the one from " +
                             format_day_number(kept->day) + " is used.");
      report.note_items.push_back({.kind = ClassReport::Note::Kind::SeveralResults, .test = record.kind, .label = key,
                                   .day = kept->day});
    }
    if (slot == nullptr || record.day >= slot->day) slot = &record;
  }
  if (other_course > 0)
  {
    report.notes.push_back(std::to_string(other_course) + " result(s) for other courses were left out.");
    report.note_items.push_back({.kind = ClassReport::Note::Kind::OtherCourses, .count = other_course});
  }

  // Participants, averages, histograms, per-question counts.
  report.questions.resize(static_cast<size_t>(std::max({question_count_pre, question_count_post, 0})));
  for (size_t i = 0; i < report.questions.size(); ++i) report.questions[i].question = static_cast<int>(i) + 1;
  double pre_sum = 0, post_sum = 0, paired_pre_sum = 0, paired_post_sum = 0;
  for (const auto& [key, chosen] : by_label) {
    ParticipantRow row;
    row.label = chosen.label;
    if (chosen.pre != nullptr) row.pretest = take_test(*chosen.pre, report.pretest, pre_sum, report.questions);
    if (chosen.post != nullptr) row.posttest = take_test(*chosen.post, report.posttest, post_sum, report.questions);
    if (row.pretest.taken && row.posttest.taken) {
      row.in_gain_stats = true;
      row.gain = row.posttest.percent - row.pretest.percent;
      ++report.paired_count;
      paired_pre_sum += row.pretest.percent;
      paired_post_sum += row.posttest.percent;
      if (row.posttest.percent > row.pretest.percent) ++report.improved;
      else if (row.posttest.percent < row.pretest.percent) ++report.declined;
      else ++report.unchanged;
    } else {
      report.excluded_from_gain.push_back(row.label);
    }
    report.participants.push_back(std::move(row));
  }
  report.pretest.average = mean(pre_sum, report.pretest.participants);
  report.posttest.average = mean(post_sum, report.posttest.participants);
  report.paired_pretest_average = mean(paired_pre_sum, report.paired_count);
  report.paired_posttest_average = mean(paired_post_sum, report.paired_count);
  report.average_gain = report.paired_posttest_average - report.paired_pretest_average;
  if (!report.excluded_from_gain.empty())
    report.gain_note = "Gain figures count only the " + std::to_string(report.paired_count) +
                       " participant(s) with both tests; left out for having only one test: " +
                       join(report.excluded_from_gain) + ".";

  for (QuestionRow& row : report.questions) {
    for (QuestionSide* side : {&row.pretest, &row.posttest}) {
      side->has_data = side->answered > 0;
      side->percent = percent(side->right, side->answered);
    }
  }
  std::sort(report.questions.begin(), report.questions.end(), harder);
  return report;
}

ResultRecord record_from_grid(std::string_view label, std::string_view course_id, TestKind kind, int day,
                              const std::vector<bool>& right) {
  ResultRecord record;
  LabelOutcome normalized = normalize_label(label);
  record.label = normalized.error.empty() ? std::move(normalized.label) : std::string(label);
  record.course_id = std::string(course_id);
  record.course_hash = course_hash(course_id);
  record.kind = kind;
  record.day = day;
  record.question_count = static_cast<int>(right.size());
  for (size_t i = 0; i < right.size() && i < static_cast<size_t>(kMaxQuestions); ++i)
    if (right[i]) record.right_mask |= std::uint64_t{1} << i;
  return record;
}

}  // namespace siaga
