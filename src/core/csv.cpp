// csv.cpp — RFC 4180 writing and the class report sheet (see csv.h).
//
// [SECTION] Writer
// [SECTION] Report sheet
#include "core/csv.h"

#include <algorithm>
#include <cmath>

namespace siaga {

// [SECTION] Writer -----------------------------------------------------------------------------------

std::string csv_field(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (const char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string csv_document(const std::vector<CsvRow>& rows) {
  size_t width = 0;
  for (const CsvRow& row : rows) width = std::max(width, row.size());
  std::string out(kUtf8Bom);
  for (const CsvRow& row : rows) {
    for (size_t i = 0; i < width; ++i) {
      if (i > 0) out += ',';
      if (i < row.size()) out += csv_field(row[i]);
    }
    out += "\r\n";
  }
  return out;
}

std::string format_one_decimal(double value) {
  const long long tenths = std::llround(value * 10);
  const long long magnitude = tenths < 0 ? -tenths : tenths;
  return (tenths < 0 ? "-" : "") + std::to_string(magnitude / 10) + "." + std::to_string(magnitude % 10);
}

// [SECTION] Report sheet -----------------------------------------------------------------------------

namespace {

std::string percent_or_blank(bool present, double value) { return present ? format_one_decimal(value) : ""; }

std::string count_or_blank(bool present, int value) { return present ? std::to_string(value) : ""; }

}  // namespace

std::string report_to_csv(const ClassReport& report) {
  std::vector<CsvRow> rows;
  rows.push_back({"Siaga class report", report.course_id});
  rows.push_back({});

  rows.push_back({"Participant", "Pretest %", "Posttest %", "Gain (points)", "Pretest right", "Posttest right", "Note"});
  for (const ParticipantRow& p : report.participants) {
    const std::string note = p.in_gain_stats ? ""
                             : p.pretest.taken ? "pretest only: not in gain figures"
                                               : "posttest only: not in gain figures";
    rows.push_back({p.label, percent_or_blank(p.pretest.taken, p.pretest.percent),
                    percent_or_blank(p.posttest.taken, p.posttest.percent), percent_or_blank(p.in_gain_stats, p.gain),
                    count_or_blank(p.pretest.taken, p.pretest.right), count_or_blank(p.posttest.taken, p.posttest.right),
                    note});
  }
  rows.push_back({});

  rows.push_back({"Summary", "Value"});
  rows.push_back({"Pretest questions", std::to_string(report.pretest.questions)});
  rows.push_back({"Posttest questions", std::to_string(report.posttest.questions)});
  rows.push_back({"Participants with a pretest", std::to_string(report.pretest.participants)});
  rows.push_back({"Participants with a posttest", std::to_string(report.posttest.participants)});
  rows.push_back({"Pretest average %", format_one_decimal(report.pretest.average)});
  rows.push_back({"Posttest average %", format_one_decimal(report.posttest.average)});
  rows.push_back({"Participants with both tests", std::to_string(report.paired_count)});
  rows.push_back({"Their pretest average %", format_one_decimal(report.paired_pretest_average)});
  rows.push_back({"Their posttest average %", format_one_decimal(report.paired_posttest_average)});
  rows.push_back({"Average gain (points)", format_one_decimal(report.average_gain)});
  rows.push_back({"Improved", std::to_string(report.improved)});
  rows.push_back({"Unchanged", std::to_string(report.unchanged)});
  rows.push_back({"Declined", std::to_string(report.declined)});
  if (!report.gain_note.empty()) rows.push_back({"Note", report.gain_note});
  rows.push_back({});

  rows.push_back({"Question (hardest first)", "Pretest % right", "Posttest % right", "Pretest right",
                  "Pretest answers", "Posttest right", "Posttest answers"});
  for (const QuestionRow& q : report.questions) {
    CsvRow row = {std::to_string(q.question), percent_or_blank(q.pretest.has_data, q.pretest.percent),
                  percent_or_blank(q.posttest.has_data, q.posttest.percent)};
    for (const QuestionSide* side : {&q.pretest, &q.posttest}) {
      row.push_back(count_or_blank(side->has_data, side->right));
      row.push_back(count_or_blank(side->has_data, side->answered));
    }
    rows.push_back(std::move(row));
  }
  rows.push_back({});

  rows.push_back({"Score band", "Pretest participants", "Posttest participants"});
  for (int bin = 0; bin < kHistogramBins; ++bin)
    rows.push_back({histogram_bin_label(bin), std::to_string(report.pretest.histogram[static_cast<size_t>(bin)]),
                    std::to_string(report.posttest.histogram[static_cast<size_t>(bin)])});

  if (!report.notes.empty()) {
    rows.push_back({});
    rows.push_back({"Notes"});
    for (const std::string& note : report.notes) rows.push_back({note});
  }
  return csv_document(rows);
}

}  // namespace siaga
