// facilitator_view.cpp — the facilitator's tools: the workshop knowledge check (result codes pasted or
// result files imported, paper tests printed and typed into the answer grid, then the class report and
// its CSV) and the certificate check.
//
// Everything shown is drawn from AppState::facilitator; checking codes, importing, printing, grid edits
// and downloading are actions the app applies (src/app/facilitator.cpp). What is being typed lives in
// UiState::facilitator, except the grid's cells: each edit is an action, saved at once. The certificate
// check is a pure computation on what was typed, so it is worked out here as the fields change.
//
// [SECTION] Helpers
// [SECTION] Knowledge check: input and per-line report
// [SECTION] Knowledge check: paper tests and the answer grid
// [SECTION] Knowledge check: class report
// [SECTION] Certificate check
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>

#include "core/certificate.h"
#include "core/paste_scan.h"
#include "core/csv.h"
#include "core/paper.h"
#include "core/report.h"
#include "imgui.h"
#include "ui/theme.h"
#include "ui/view.h"
#include "ui/widgets.h"

namespace siaga::ui {

namespace {

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

// Table cells are plain ImGui text; each row also gets one semantic node that reads as a sentence.
void cell(const std::string& text) {
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(text.c_str());
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

// A note of the class report in the interface language.
std::string report_note_words(const View& v, const ClassReport::Note& n) {
  const std::string test = test_words(v, n.test);
  switch (n.kind) {
    case ClassReport::Note::Kind::LeftOut: return v.tf("report.note_left_out", {test, n.label});
    case ClassReport::Note::Kind::QuestionCountDiffers:
      return v.tf("report.note_question_count", {test, n.label, std::to_string(n.questions), std::to_string(n.expected)});
    case ClassReport::Note::Kind::SeveralResults: return v.tf("report.note_several", {n.label, test, format_day_number(n.day)});
    case ClassReport::Note::Kind::OtherCourses: return v.tf("report.note_other_courses", {std::to_string(n.count)});
  }
  return "";
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
  auto& fields = v.ui.facilitator;
  const auto& f = v.app.facilitator;
  text_wrapped(v.t("facilitator.codes_help"));
  const float width = std::min(ImGui::GetContentRegionAvail().x, kReadingWidth);
  ImGui::InputTextMultiline("##codes", fields.codes, sizeof fields.codes,
                            ImVec2(width, ImGui::GetTextLineHeightWithSpacing() * 8 + 12));
  add_last_item(Role::TextField, v.t("facilitator.codes_field"));
  if (button(v.t("facilitator.check_codes"), true))
    v.act(FacilitatorCheckCodes{course, fields.codes});
  ImGui::SameLine();
  if (button(v.t("facilitator.import_files"))) v.act(FacilitatorImportFiles{});

  if (!f.scan.empty()) {
    heading(v.t("facilitator.lines_heading"), 4, v.ui.fonts.bold);
    for (const ScanLine& line : f.scan)
      for (const auto& [text, colour] : line_report(v, line)) coloured_line(text, colour);
  }
  for (const auto& n : f.notes) notice(v.tf(n.key, {n.file, n.detail}), theme().note);
}

// [SECTION] Knowledge check: paper tests and the answer grid ---------------------------------------------

// The plain-words problem of one grid cell, or "" when it has none.
std::string cell_problem_words(const View& v, const std::string& who, int question, const PaperCell& cell) {
  const std::string q = std::to_string(question);
  switch (cell.problem) {
    case CellProblem::None:
    case CellProblem::Empty: return "";
    case CellProblem::NotAnOption:
      return v.tf("paper.cell_not_option", {who, q, cell.offending, option_letter(std::max(0, cell.options - 1))});
    case CellProblem::OneOptionOnly: return v.tf("paper.cell_one_only", {who, q, cell.offending});
    case CellProblem::RepeatedOption: return v.tf("paper.cell_repeated", {who, q, cell.offending});
    case CellProblem::NotTrueFalse: return v.tf("paper.cell_true_false", {who, q, cell.offending});
    case CellProblem::WrongMatchCount: {
      std::string example;
      for (int i = 0; i < cell.items; ++i) example += option_letter(cell.items - 1 - i);
      return v.tf("paper.cell_match_count", {who, q, std::to_string(cell.items), example});
    }
    case CellProblem::NotANumber: return v.tf("paper.cell_number", {who, q, cell.offending});
    case CellProblem::TooLong: return v.tf("paper.cell_too_long", {who, q});
  }
  return "";
}

// One participant's card: label, one small field per question (wrapping like words), then what is
// wrong with it or what it scores. Cells with a problem are drawn in the error colour.
void paper_row(const View& v, const Course& course, const Quiz& quiz, int index, int number) {
  auto& fields = v.ui.facilitator;
  const PaperRow& row = v.app.facilitator.paper_rows[static_cast<size_t>(index)];
  const PaperRowCheck check = check_paper_row(course.id, quiz, row);
  const std::string n = std::to_string(number);
  const std::string who = !check.label.label.empty() && check.label.error.empty() ? check.label.label
                                                                                  : v.tf("paper.participant_n", {n});
  ImGui::PushID(index);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 10));
  ImGui::BeginChild("row", ImVec2(0, 0),
                    ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding,
                    ImGuiWindowFlags_NavFlattened);
  const float touch_pad = (kTouchTarget - ImGui::GetFontSize()) * 0.5f;
  // Like text_field (widgets.cpp): the focused field is marked, so the page can bring up a phone's keyboard.
  auto mark_focus = [] {
    if (SemanticNode* node = last_node(); node && node->role == Role::TextField && ImGui::IsItemFocused())
      node->focused = true;
  };
  auto edit = [&](int cell, const char* typed) {
    if (cell < 0) v.act(PaperEditLabel{course.id, index, typed});
    else v.act(PaperEditCell{course.id, index, cell, typed});
  };

  // Touch-height fields; captions aligned to their text (AlignTextToFramePadding reads this padding).
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(8, touch_pad));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(v.tf("paper.label_caption", {n}).c_str());
  ImGui::SameLine();
  char label[64];
  std::snprintf(label, sizeof label, "%s", row.label.c_str());
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 220.0f));
  if (ImGui::InputText("##label", label, sizeof label)) edit(-1, label);
  add_last_item(Role::TextField, v.tf("paper.label_field", {n}));
  mark_focus();

  // Question cells, as many to a line as fit.
  const float number_width = ImGui::CalcTextSize("00").x + 6;
  const float cell_width = std::max(64.0f, ImGui::CalcTextSize("WWW").x + 20);
  const float right_edge = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  for (size_t q = 0; q < quiz.questions.size(); ++q) {
    const PaperCell& cell = check.cells[q];
    const std::string qn = std::to_string(q + 1);
    if (q > 0) {
      ImGui::SameLine(0, 14);
      if (ImGui::GetCursorScreenPos().x + number_width + cell_width > right_edge) ImGui::NewLine();
    }
    // The question number right-aligned in a fixed slot, so cells line up from one line to the next.
    const float slot = ImGui::GetCursorPosX();
    ImGui::SetCursorPosX(slot + number_width - 4 - ImGui::CalcTextSize(qn.c_str()).x);
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
    ImGui::TextUnformatted(qn.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine(slot + number_width);
    char typed[kMaxCellLength * 2 + 1];
    std::snprintf(typed, sizeof typed, "%s", q < row.cells.size() ? row.cells[q].c_str() : "");
    const bool bad = cell.problem != CellProblem::None && cell.problem != CellProblem::Empty;
    if (bad) {
      ImGui::PushStyleColor(ImGuiCol_FrameBg, theme().error);
      ImGui::PushStyleColor(ImGuiCol_Border, theme().text);
    }
    ImGui::SetNextItemWidth(cell_width);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, bad ? 2.0f : 1.0f);
    const int flags = quiz.questions[q].type == QuestionType::ShortAnswer ? 0 : ImGuiInputTextFlags_CharsUppercase;
    if (ImGui::InputText(("##q" + qn).c_str(), typed, sizeof typed, flags)) edit(static_cast<int>(q), typed);
    ImGui::PopStyleVar();
    if (bad) ImGui::PopStyleColor(2);
    add_last_item(Role::TextField, v.tf("paper.cell_field", {n, qn}));
    mark_focus();
  }
  ImGui::PopStyleVar();  // FramePadding

  // What the row needs, or what it scores.
  const int questions = static_cast<int>(quiz.questions.size());
  for (size_t q = 0; q < check.cells.size(); ++q) {
    const std::string words = cell_problem_words(v, who, static_cast<int>(q + 1), check.cells[q]);
    if (!words.empty()) notice(words, theme().error);
  }
  if (!row.label.empty() && !check.label.error.empty())
    notice(v.tf("paper.label_problem", {n, std::to_string(kMaxLabelLength)}), theme().error);
  if (check.complete)
    text_wrapped(v.tf("paper.row_counted", {who, std::to_string(check.right), std::to_string(questions)}));
  else if (row.label.empty())
    muted(v.tf("paper.row_needs_label", {n}));
  else if (check.problems == 0 && check.label.error.empty())
    muted(v.tf("paper.row_incomplete", {who, std::to_string(check.filled), std::to_string(questions)}));

  if (fields.confirm_remove_row != index) {
    if (button(v.tf("paper.remove", {who}))) fields.confirm_remove_row = index;
  } else {
    if (button(v.tf("paper.remove_yes", {who}))) {
      v.act(PaperRemoveRow{course.id, index});
      fields.confirm_remove_row = -1;
    }
    ImGui::SameLine();
    if (button(v.t("learners.cancel") + "##remove")) fields.confirm_remove_row = -1;
  }
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopID();
}

void paper_tests(const View& v, const Course& course) {
  auto& fields = v.ui.facilitator;
  heading(v.t("paper.heading"), 3, v.ui.fonts.h3);
  text_wrapped(v.t("paper.intro"));
  const TestKind kinds[2] = {TestKind::Pretest, TestKind::Posttest};
  for (int k = 0; k < 2; ++k) {
    const std::string name = v.t(k == 0 ? "facilitator.col_pretest" : "facilitator.col_posttest");
    if (radio(name + "##paper-" + std::to_string(k), fields.paper_test == k)) {
      fields.paper_test = k;
      fields.confirm_remove_row = -1;
    }
    if (SemanticNode* node = last_node(); node && node->role == Role::Radio)
      node->name = v.tf("paper.test_option", {name});
    if (k == 0) ImGui::SameLine(0, 24);
  }
  const TestKind kind = kinds[fields.paper_test == 1 ? 1 : 0];
  const Quiz* quiz = find_test_quiz(course, kind);
  if (!quiz || quiz->questions.empty() || static_cast<int>(quiz->questions.size()) > kMaxQuestions) {
    muted(v.t("paper.no_test"));
    return;
  }
  const std::string test = test_words(v, kind);
  if (button(v.tf("paper.print_test", {test}), true))
    v.act(PrintPaperTest{course.id, kind, false});
  ImGui::SameLine();
  if (button(v.tf("paper.print_key", {test})))
    v.act(PrintPaperTest{course.id, kind, true});
  muted(v.t("paper.print_note"));
  if (button(v.t("facilitator.download_gift"))) v.act(FacilitatorDownloadGift{});
  muted(v.t("facilitator.download_gift_note"));
  text_wrapped(v.t("facilitator.download_module_gift"));
  for (const Module& module : course.modules) {
    if (std::none_of(module.quizzes.begin(), module.quizzes.end(), [](const Quiz& q) { return !q.questions.empty(); }))
      continue;
    if (link(module.title + "##gift-" + module.id)) v.act(FacilitatorDownloadModuleGift{module.id});
    if (SemanticNode* node = last_node()) node->name = v.t("facilitator.download_module_gift") + " " + module.title;
  }

  heading(v.tf("paper.grid_heading", {test}), 4, v.ui.fonts.bold);
  text_wrapped(v.t("paper.grid_help"));
  if (v.app.facilitator.paper_unreadable) {
    notice(v.t("paper.stored_unreadable"), theme().warning);
    return;
  }
  int number = 0;
  for (size_t i = 0; i < v.app.facilitator.paper_rows.size(); ++i) {
    if (v.app.facilitator.paper_rows[i].kind != kind) continue;
    paper_row(v, course, *quiz, static_cast<int>(i), ++number);
    ImGui::Spacing();
  }
  if (button(v.tf("paper.add_row", {test})))
    v.act(PaperAddRow{course.id, kind});
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
  auto& fields = v.ui.facilitator;
  const auto& f = v.app.facilitator;
  heading(v.t("facilitator.report_heading"), 3, v.ui.fonts.h3);
  // Complete rows of the answer grid count exactly like codes the participants sent.
  std::vector<ResultRecord> records = f.records;
  const std::vector<ResultRecord> paper =
      course.text_loaded ? paper_records(course, f.paper_rows) : std::vector<ResultRecord>{};
  records.insert(records.end(), paper.begin(), paper.end());
  if (records.empty()) {
    muted(v.t("facilitator.no_results"));
    return;
  }
  int pre = 0, post = 0;
  for (const CourseTests& tests : course_tests(*active_language(v)))
    if (tests.course_id == course.id) {
      pre = tests.pretest_questions;
      post = tests.posttest_questions;
    }
  const ClassReport report = build_report(records, pre, post, course.id);
  text_wrapped(v.tf("facilitator.kept", {std::to_string(f.records.size())}));
  if (!paper.empty()) text_wrapped(v.tf("paper.counted", {std::to_string(paper.size())}));
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
  for (const ClassReport::Note& n : report.note_items) muted(report_note_words(v, n));
  if (button(v.t("facilitator.download_csv"), true)) v.act(FacilitatorDownloadCsv{});
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
      v.act(FacilitatorClearResults{});
      fields.confirm_clear = false;
    }
    ImGui::SameLine();
    if (button(v.t("learners.cancel") + "##clear")) fields.confirm_clear = false;
  }
}

void knowledge_check(const View& v, const Language& language) {
  auto& fields = v.ui.facilitator;
  heading(v.t("facilitator.check_heading"), 3, v.ui.fonts.h3);
  text_wrapped(v.t("facilitator.check_intro"));
  text_wrapped(v.t("facilitator.choose_course"));
  const std::string& chosen = v.app.facilitator.course;
  for (const Course& course : language.courses) {
    if (radio(course.title + "##check-" + course.id, chosen == course.id) && chosen != course.id) {
      v.act(FacilitatorChooseCourse{course.id});
      fields.confirm_clear = false;
    }
  }
  const Course* course = chosen.empty() ? nullptr : find_course(language, chosen);
  if (!course) return;
  codes_input(v, course->id);
  ImGui::Spacing();
  // Codes carry each answer's right or wrong, so the report needs only the course index; the paper
  // tests and the answer grid need the questions and their right answers, which come with the lessons.
  if (course->text_loaded) paper_tests(v, *course);
  else draw_course_text_pending(v, *course);
  ImGui::Spacing();
  class_report(v, *course);
}

// [SECTION] Certificate check ---------------------------------------------------------------------------

void certificate_check(const View& v, const Language& language) {
  auto& fields = v.ui.facilitator;
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

// [SECTION] Question bank --------------------------------------------------------------------------------

// Each question the parser refused, as "line:column: why" (the parser's own words: they quote the
// GIFT text, which is the file's language, and name what to write instead).
void refused_list(const View& v, const std::vector<Diagnostic>& refused) {
  for (const Diagnostic& d : refused)
    coloured_line(v.tf("bank.refused_line", {std::to_string(d.line), std::to_string(d.column), d.message}),
                  theme().warning);
}

void question_bank(const View& v) {
  auto& fields = v.ui.facilitator;
  const auto& b = v.app.bank;
  heading(v.t("bank.heading"), 3, v.ui.fonts.h3);
  text_wrapped(v.t("bank.intro"));
  if (!b.note_key.empty()) {
    const bool trouble = b.note_key != "bank.opened" && b.note_key != "bank.removed" && b.note_key != "bank.offered" &&
                         b.note_key != "bank.withdrawn";
    notice(v.tf(b.note_key, {b.note_detail}), trouble ? theme().warning : theme().success);
  }
  refused_list(v, b.refused_unsaved);
  if (button(v.t("bank.open"), !b.stored)) {
    v.act(FacilitatorOpenBank{});
    fields.confirm_remove_bank = false;
  }
  if (!b.stored || !b.imported) return;  // read by now: this screen's code comes after the lesson code (app/code_module.h)
  const Quiz& quiz = b.imported->quiz();
  heading(b.stored->name, 4, v.ui.fonts.bold);
  text_wrapped(v.tf("bank.counts", {std::to_string(quiz.questions.size()), std::to_string(b.imported->refused.size())}));
  refused_list(v, b.imported->refused);
  if (button(v.t("bank.run_group_quiz"), true)) {
    v.ui.group_quiz_back = v.app.route;
    v.ui.presenter_back = v.app.route;  // "Close presenter" comes back here too
    v.navigate(Route{.screen = Screen::GroupQuiz, .course = std::string(kBankCourseId),
                     .module = std::string(kBankModuleId), .section = std::string(kBankQuizId)});
  }
  // Learners on this device: the bank as a practice quiz on the course list, until withdrawn.
  if (b.offer) {
    text_wrapped(v.t("bank.is_offered"));
    if (button(v.t("bank.withdraw"))) v.act(FacilitatorWithdrawBank{});
  } else if (button(v.t("bank.offer"))) {
    v.act(FacilitatorOfferBank{});
  }
  if (quiz.questions.size() <= static_cast<size_t>(kMaxQuestions)) {
    if (button(v.t("bank.print"))) v.act(PrintBank{false});
    ImGui::SameLine();
    if (button(v.t("bank.print_key"))) v.act(PrintBank{true});
  }
  if (!fields.confirm_remove_bank) {
    if (button(v.t("bank.remove"))) fields.confirm_remove_bank = true;
  } else {
    notice(v.tf("bank.remove_confirm", {b.stored->name}), theme().warning);
    if (button(v.t("bank.remove_yes"))) {
      v.act(FacilitatorRemoveBank{});
      fields.confirm_remove_bank = false;
    }
    ImGui::SameLine();
    if (button(v.t("learners.cancel") + "##bank")) fields.confirm_remove_bank = false;
  }
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
  ImGui::PushID("question-bank");
  question_bank(v);
  ImGui::PopID();
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::PushID("certificate-check");
  certificate_check(v, *language);
  ImGui::PopID();
}

}  // namespace siaga::ui
