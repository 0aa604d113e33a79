// facilitator_view.cpp — the facilitator's tools: the workshop knowledge check (result codes pasted or
// result files imported, then the class report and its CSV) and the certificate check.
//
// Everything shown is drawn from AppState::facilitator; checking codes, importing and downloading are
// actions the app applies (src/app/facilitator.cpp). The certificate check is a pure computation on
// what was typed, so it is worked out here as the fields change.
//
// [SECTION] Helpers
// [SECTION] Knowledge check: input and per-line report
// [SECTION] Knowledge check: class report
// [SECTION] Certificate check
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "core/certificate.h"
#include "core/csv.h"
#include "core/report.h"
#include "imgui.h"
#include "ui/theme.h"
#include "ui/view.h"
#include "ui/widgets.h"

namespace siaga::ui {

namespace {

// Text being typed on this screen (UI-only state that outlives a frame, like UiState's buffers).
struct Fields {
  char codes[16 * 1024] = {};
  char cert_code[64] = {};
  char cert_name[128] = {};
  char cert_date[16] = {};
  char cert_score[8] = {};
  std::string cert_course;
  bool confirm_clear = false;
};
Fields fields;

// [SECTION] Helpers -----------------------------------------------------------------------------------


std::string percent_text(double percent) { return format_one_decimal(percent) + "%"; }

std::string score_text(const View& v, const TestScore& score) {
  return score.taken ? percent_text(score.percent) : v.t("facilitator.not_taken");
}

std::string gain_text(const View& v, const ParticipantRow& row) {
  if (!row.in_gain_stats) return v.t("facilitator.no_gain");
  return (row.gain > 0 ? "+" : "") + format_one_decimal(row.gain);
}

std::string side_text(const View& v, const QuestionSide& side) {
  return side.has_data ? percent_text(side.percent) : v.t("facilitator.no_data");
}

void muted(std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
  text_wrapped(text);
  ImGui::PopStyleColor();
}

// Table cells are plain ImGui text; each row also gets one semantic node that reads as a sentence.
void cell(const std::string& text) {
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(text.c_str());
}

const Language* active_language(const View& v) {
  const Language* language = v.app.catalog.find_language(v.app.language);
  return language ? language : v.app.catalog.find_language("en");
}

// [SECTION] Knowledge check: input and per-line report --------------------------------------------------

std::string problem_words(const View& v, CodeProblem problem) {
  switch (problem) {
    case CodeProblem::BadCharacter: return v.t("facilitator.problem_character");
    case CodeProblem::WrongLength: return v.t("facilitator.problem_length");
    case CodeProblem::UnknownVersion: return v.t("facilitator.problem_newer");
    case CodeProblem::NotAResultCode: return v.t("facilitator.problem_certificate");
    case CodeProblem::QuestionCountMismatch: return v.t("facilitator.problem_questions");
    case CodeProblem::BadContent: return v.t("facilitator.problem_content");
    default: break;
  }
  return v.t("facilitator.problem_checksum");
}

std::string test_words(const View& v, TestKind kind) {
  return v.t(kind == TestKind::Pretest ? "result_code.pretest" : "result_code.posttest");
}

// One sentence per code on a line (a line may carry several codes), or one for a line without any.
std::vector<std::pair<std::string, unsigned int>> line_report(const View& v, const ScanLine& line) {
  std::vector<std::pair<std::string, unsigned int>> out;
  const std::string n = std::to_string(line.line);
  if (line.status == ScanStatus::Blank) return out;
  if (line.codes.empty()) {
    out.emplace_back(v.tf("facilitator.line_no_code", {n}), theme().muted);
    return out;
  }
  for (const FoundCode& code : line.codes) {
    switch (code.status) {
      case ScanStatus::Ok: {
        std::string text = v.tf("facilitator.line_ok", {n, code.record.label, test_words(v, code.record.kind),
                                                         std::to_string(code.record.right_count()),
                                                         std::to_string(code.record.question_count)});
        if (code.same_label_line) text += " " + v.tf("facilitator.line_same_label", {std::to_string(code.same_label_line)});
        out.emplace_back(text, theme().success);
        break;
      }
      case ScanStatus::Duplicate:
        out.emplace_back(code.duplicate_of_line
                             ? v.tf("facilitator.line_duplicate", {n, std::to_string(code.duplicate_of_line)})
                             : v.tf("facilitator.line_duplicate_kept", {n}),
                         theme().muted);
        break;
      case ScanStatus::Typo:
        out.emplace_back(v.tf("facilitator.line_typo", {n, code.text, problem_words(v, code.problem)}), theme().error);
        break;
      case ScanStatus::UnknownCourse:
        out.emplace_back(v.tf("facilitator.line_unknown_course", {n, code.text}), theme().error);
        break;
      case ScanStatus::Invalid:
        if (code.problem == CodeProblem::None && !code.record.course_id.empty())
          out.emplace_back(v.tf("facilitator.line_other_course", {n, code.text, code.record.course_id}), theme().warning);
        else
          out.emplace_back(v.tf("facilitator.line_invalid", {n, code.text, problem_words(v, code.problem)}), theme().error);
        break;
      case ScanStatus::Blank:
      case ScanStatus::NoCode: out.emplace_back(v.tf("facilitator.line_no_code", {n}), theme().muted); break;
    }
  }
  return out;
}

void coloured_line(const std::string& text, unsigned int colour) {
  // A small square in the status colour, then the sentence in body text (readable in any theme).
  const float size = ImGui::GetFontSize() * 0.6f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float offset = (ImGui::GetTextLineHeight() - size) * 0.5f;
  const ImVec2 a(at.x, at.y + offset), b(at.x + size, at.y + offset + size);
  ImGui::GetWindowDrawList()->AddRectFilled(a, b, colour);
  ImGui::GetWindowDrawList()->AddRect(a, b, theme().muted);  // status fills are pale: the outline shows the mark
  ImGui::Indent(size + 8);
  text_wrapped(text);
  ImGui::Unindent(size + 8);
}

void codes_input(const View& v, const std::string& course) {
  const auto& f = v.app.facilitator;
  text_wrapped(v.t("facilitator.codes_help"));
  const float width = std::min(ImGui::GetContentRegionAvail().x, kReadingWidth);
  ImGui::InputTextMultiline("##codes", fields.codes, sizeof fields.codes,
                            ImVec2(width, ImGui::GetTextLineHeightWithSpacing() * 8 + 12));
  add_last_item(Role::TextField, v.t("facilitator.codes_field"));
  if (button(v.t("facilitator.check_codes"), true))
    v.act(Action{.kind = Action::Kind::FacilitatorCheckCodes, .text = course, .text2 = fields.codes});
  ImGui::SameLine();
  if (button(v.t("facilitator.import_files"))) v.act(Action{.kind = Action::Kind::FacilitatorImportFiles});

  if (!f.scan.empty()) {
    heading(v.t("facilitator.lines_heading"), 4, v.ui.fonts.bold);
    for (const ScanLine& line : f.scan)
      for (const auto& [text, colour] : line_report(v, line)) coloured_line(text, colour);
  }
  for (const auto& n : f.notes) notice(v.tf(n.key, {n.file, n.detail}), theme().note);
}

// [SECTION] Knowledge check: class report ---------------------------------------------------------------

void participants_table(const View& v, const ClassReport& report) {
  if (!ImGui::BeginTable("participants", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit))
    return;
  ImGui::TableSetupColumn(v.t("facilitator.col_participant").c_str());
  ImGui::TableSetupColumn(v.t("facilitator.col_pretest").c_str());
  ImGui::TableSetupColumn(v.t("facilitator.col_posttest").c_str());
  ImGui::TableSetupColumn(v.t("facilitator.col_gain").c_str());
  ImGui::TableHeadersRow();
  for (const ParticipantRow& row : report.participants) {
    ImGui::TableNextRow();
    cell(row.label);
    add_last_item(Role::Text, v.tf("facilitator.row", {row.label, score_text(v, row.pretest), score_text(v, row.posttest),
                                                        gain_text(v, row)}));
    cell(score_text(v, row.pretest));
    cell(score_text(v, row.posttest));
    cell(gain_text(v, row));
  }
  ImGui::EndTable();
}

void questions_table(const View& v, const ClassReport& report) {
  heading(v.t("facilitator.questions_heading"), 4, v.ui.fonts.bold);
  if (!ImGui::BeginTable("questions", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit))
    return;
  ImGui::TableSetupColumn(v.t("facilitator.col_question").c_str());
  ImGui::TableSetupColumn(v.t("facilitator.col_before").c_str());
  ImGui::TableSetupColumn(v.t("facilitator.col_after").c_str());
  ImGui::TableHeadersRow();
  for (const QuestionRow& row : report.questions) {
    ImGui::TableNextRow();
    cell(std::to_string(row.question));
    add_last_item(Role::Text, v.tf("facilitator.question_row", {std::to_string(row.question), side_text(v, row.pretest),
                                                                 side_text(v, row.posttest)}));
    cell(side_text(v, row.pretest));
    cell(side_text(v, row.posttest));
  }
  ImGui::EndTable();
}

// Horizontal bars per score band, pretest above posttest; a sentence per test is the text alternative.
void distribution(const View& v, const ClassReport& report) {
  heading(v.t("facilitator.distribution_heading"), 4, v.ui.fonts.bold);
  const unsigned int pre_colour = theme().muted;
  const unsigned int post_colour = theme().accent;
  int most = 1;
  for (int bin = 0; bin < kHistogramBins; ++bin)
    most = std::max({most, report.pretest.histogram[bin], report.posttest.histogram[bin]});
  const float label_width = ImGui::CalcTextSize("90-100%").x + 12;
  const float bar_height = ImGui::GetFontSize() * 0.55f;
  const float full = std::max(60.0f, std::min(ImGui::GetContentRegionAvail().x, kReadingWidth) - label_width - 40);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 chart = ImGui::GetCursorScreenPos();
  for (int bin = kHistogramBins - 1; bin >= 0; --bin) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::TextUnformatted(histogram_bin_label(bin).c_str());
    const int counts[2] = {report.pretest.histogram[bin], report.posttest.histogram[bin]};
    for (int side = 0; side < 2; ++side) {
      const float y = at.y + side * (bar_height + 2);
      const float x = at.x + label_width;
      const float w = full * static_cast<float>(counts[side]) / static_cast<float>(most);
      if (counts[side] > 0) draw->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + bar_height), side ? post_colour : pre_colour, 2);
      if (counts[side] > 0) {
        const std::string n = std::to_string(counts[side]);
        draw->AddText(v.ui.fonts.small, v.ui.fonts.small ? v.ui.fonts.small->FontSize : ImGui::GetFontSize() * 0.8f,
                      ImVec2(x + w + 4, y - 2), theme().text, n.c_str());
      }
    }
    ImGui::Dummy(ImVec2(0, std::max(0.0f, 2 * bar_height + 4 - ImGui::GetTextLineHeight())));
  }
  // The bars are a picture: the semantic tree says the same in one sentence per test.
  const float chart_height = ImGui::GetCursorScreenPos().y - chart.y;
  for (TestKind kind : {TestKind::Pretest, TestKind::Posttest}) {
    const TestSummary& summary = kind == TestKind::Pretest ? report.pretest : report.posttest;
    std::string bands;
    for (int bin = 0; bin < kHistogramBins; ++bin)
      if (summary.histogram[bin]) bands += (bands.empty() ? "" : ", ") + histogram_bin_label(bin) + ": " + std::to_string(summary.histogram[bin]);
    if (bands.empty()) bands = v.t("facilitator.no_data");
    add_node(Role::Text, v.tf("facilitator.distribution_text", {test_words(v, kind), bands}), chart.x, chart.y,
             label_width + full, chart_height * 0.5f);
  }
  muted(v.t("facilitator.legend"));
}

void class_report(const View& v, const Course& course) {
  const auto& f = v.app.facilitator;
  heading(v.t("facilitator.report_heading"), 3, v.ui.fonts.h3);
  if (f.records.empty()) {
    muted(v.t("facilitator.no_results"));
    return;
  }
  int pre = 0, post = 0;
  for (const CourseTests& tests : course_tests(*active_language(v)))
    if (tests.course_id == course.id) {
      pre = tests.pretest_questions;
      post = tests.posttest_questions;
    }
  const ClassReport report = build_report(f.records, pre, post, course.id);
  text_wrapped(v.tf("facilitator.kept", {std::to_string(f.records.size())}));
  for (TestKind kind : {TestKind::Pretest, TestKind::Posttest}) {
    const TestSummary& s = kind == TestKind::Pretest ? report.pretest : report.posttest;
    const std::string name = v.t(kind == TestKind::Pretest ? "facilitator.col_pretest" : "facilitator.col_posttest");
    if (s.participants == 0) text_wrapped(v.tf("facilitator.summary_none", {name}));
    else
      text_wrapped(v.tf("facilitator.summary", {name, std::to_string(s.participants),
                                                 percent_text(s.average), std::to_string(s.questions)}));
  }
  if (report.paired_count > 0)
    text_wrapped(v.tf("facilitator.improved", {std::to_string(report.improved), std::to_string(report.paired_count),
                                                format_one_decimal(report.average_gain),
                                                percent_text(report.paired_pretest_average),
                                                percent_text(report.paired_posttest_average)}));
  if (!report.excluded_from_gain.empty()) {
    std::string names;
    for (const std::string& label : report.excluded_from_gain) names += (names.empty() ? "" : ", ") + label;
    muted(v.tf("facilitator.gain_note", {names}));
  }
  for (const std::string& n : report.notes) muted(n);
  if (button(v.t("facilitator.download_csv"), true)) v.act(Action{.kind = Action::Kind::FacilitatorDownloadCsv});
  ImGui::Spacing();
  participants_table(v, report);
  ImGui::Spacing();
  questions_table(v, report);
  ImGui::Spacing();
  distribution(v, report);
  ImGui::Spacing();
  if (!fields.confirm_clear) {
    if (button(v.t("facilitator.clear"))) fields.confirm_clear = true;
  } else {
    notice(v.t("facilitator.clear_confirm"), theme().warning);
    if (button(v.t("facilitator.clear_yes"))) {
      v.act(Action{.kind = Action::Kind::FacilitatorClearResults});
      fields.confirm_clear = false;
    }
    ImGui::SameLine();
    if (button(v.t("learners.cancel") + "##clear")) fields.confirm_clear = false;
  }
}

void knowledge_check(const View& v, const Language& language) {
  heading(v.t("facilitator.check_heading"), 3, v.ui.fonts.h3);
  text_wrapped(v.t("facilitator.check_intro"));
  text_wrapped(v.t("facilitator.choose_course"));
  const std::string& chosen = v.app.facilitator.course;
  for (const Course& course : language.courses) {
    if (radio(course.title + "##check-" + course.id, chosen == course.id) && chosen != course.id) {
      v.act(Action{.kind = Action::Kind::FacilitatorChooseCourse, .text = course.id});
      fields.confirm_clear = false;
    }
  }
  const Course* course = chosen.empty() ? nullptr : find_course(language, chosen);
  if (!course) return;
  codes_input(v, course->id);
  class_report(v, *course);
}

// [SECTION] Certificate check ---------------------------------------------------------------------------

void certificate_check(const View& v, const Language& language) {
  heading(v.t("facilitator.cert_heading"), 3, v.ui.fonts.h3);
  text_wrapped(v.t("facilitator.cert_intro"));
  muted(v.t("facilitator.cert_honest"));
  text_wrapped(v.t("facilitator.cert_code"));
  text_field("##cert-code", v.t("facilitator.cert_code"), fields.cert_code, sizeof fields.cert_code);
  text_wrapped(v.t("facilitator.cert_name"));
  text_field("##cert-name", v.t("facilitator.cert_name"), fields.cert_name, sizeof fields.cert_name);
  text_wrapped(v.t("facilitator.cert_course"));
  for (const Course& course : language.courses) {
    if (radio(course.title + "##cert-" + course.id, fields.cert_course == course.id)) fields.cert_course = course.id;
    // Told apart from the knowledge check's course choice of the same name.
    if (SemanticNode* node = last_node(); node && node->role == Role::Radio)
      node->name = v.tf("facilitator.cert_course_option", {course.title});
  }
  text_wrapped(v.t("facilitator.cert_date"));
  text_field("##cert-date", v.t("facilitator.cert_date"), fields.cert_date, sizeof fields.cert_date);
  text_wrapped(v.t("facilitator.cert_score"));
  text_field("##cert-score", v.t("facilitator.cert_score"), fields.cert_score, sizeof fields.cert_score,
             ImGuiInputTextFlags_CharsDecimal);

  if (!fields.cert_code[0]) return;
  std::vector<std::string> missing;
  if (!fields.cert_name[0]) missing.push_back(v.t("facilitator.cert_name"));
  if (fields.cert_course.empty()) missing.push_back(v.t("facilitator.cert_course"));
  int day = 0;
  const bool date_ok = parse_iso_date(fields.cert_date, day);
  if (!date_ok) missing.push_back(v.t("facilitator.cert_date"));
  char* end = nullptr;
  const long score = std::strtol(fields.cert_score, &end, 10);
  const bool score_ok = fields.cert_score[0] && end && *end == '\0' && score >= 0 && score <= 100;
  if (!score_ok) missing.push_back(v.t("facilitator.cert_score"));
  if (!missing.empty()) {
    std::string list;
    for (const std::string& m : missing) list += (list.empty() ? "" : "; ") + m;
    notice(v.tf("facilitator.cert_incomplete", {list}), theme().note);
    return;
  }
  const CertificateCheck check = verify_certificate(fields.cert_code, fields.cert_name, fields.cert_course,
                                                    date_from_day_number(day), static_cast<int>(score));
  const char* key = "facilitator.cert_invalid";
  switch (check) {
    case CertificateCheck::Matches: key = "facilitator.cert_matches"; break;
    case CertificateCheck::NameDiffers: key = "facilitator.cert_name_differs"; break;
    case CertificateCheck::CourseDiffers: key = "facilitator.cert_course_differs"; break;
    case CertificateCheck::DateDiffers: key = "facilitator.cert_date_differs"; break;
    case CertificateCheck::ScoreDiffers: key = "facilitator.cert_score_differs"; break;
    case CertificateCheck::NotAValidCode: break;
  }
  notice(v.t(key), check == CertificateCheck::Matches ? theme().success : theme().warning);
}

}  // namespace

void draw_facilitator(const View& v) {
  if (link(v.t("nav.all_courses"))) v.navigate(Route{});
  heading(v.t("facilitator.heading"), 2, v.ui.fonts.h2);
  text_wrapped(v.t("facilitator.intro"));
  // Session plans and the presenter view live on their own screen (plan_view.cpp).
  if (button(v.t("plan.link"), true)) v.navigate(Route{.screen = Screen::Plans, .course = "", .module = "", .section = ""});
  const Language* language = active_language(v);
  if (!language) return;
  ImGui::PushID("knowledge-check");
  knowledge_check(v, *language);
  ImGui::PopID();
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::PushID("certificate-check");
  certificate_check(v, *language);
  ImGui::PopID();
}

}  // namespace siaga::ui
