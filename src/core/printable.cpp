// printable.cpp — the printable pages (printable.h): paper test, answer key and certificate.
//
// [SECTION] Escaping and the shared stylesheet
// [SECTION] Paper test
// [SECTION] Answer key
// [SECTION] Certificate
#include "core/printable.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/i18n.h"
#include "core/paper.h"
#include "core/sha256.h"

namespace siaga {


// [SECTION] Escaping and the shared stylesheet ---------------------------------------------------------

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string inline_html(std::string_view markdown) {
  std::string out;
  for (const Span& span : parse_inline(markdown)) {
    std::string piece = escape_html(span.text);
    if (span.code) piece = "<code>" + piece + "</code>";
    if (span.italic) piece = "<em>" + piece + "</em>";
    if (span.bold) piece = "<strong>" + piece + "</strong>";
    out += piece;
  }
  return out;
}

const std::string_view kPrintStyle =
    "@page{size:A4;margin:16mm}"
    "body{font-family:'Noto Sans',Arial,sans-serif;font-size:11pt;line-height:1.4;color:#000;background:#fff;"
    "margin:0 auto;max-width:180mm;padding:8mm}"
    "h1{font-size:17pt;margin:0 0 2mm}h2{font-size:13pt;margin:0 0 4mm;font-weight:normal}"
    ".fill{display:flex;gap:8mm;margin:4mm 0}.fill span{flex:1;border-bottom:1px solid #000;padding-bottom:1mm}"
    ".note{border:1px solid #555;padding:2mm 3mm;margin:3mm 0 5mm}"
    ".q{break-inside:avoid;margin:0 0 5mm}.q p{margin:0 0 1.5mm}.n{font-weight:bold;margin-right:2mm}"
    ".opts{list-style:none;margin:0;padding:0 0 0 7mm}.opts li{margin:1mm 0}"
    ".box{display:inline-block;width:3.6mm;height:3.6mm;border:1px solid #000;margin-right:2mm;vertical-align:-0.5mm}"
    ".l{font-weight:bold;margin-right:1.5mm}.hint{font-style:italic;color:#333}"
    ".line{display:inline-block;min-width:45mm;border-bottom:1px solid #000;margin-left:2mm}"
    ".match{padding-left:7mm}.match td{padding:1mm 4mm 1mm 0;vertical-align:top}"
    "table.key{border-collapse:collapse;width:100%}table.key th,table.key td{border:1px solid #555;padding:1.5mm 2mm;"
    "text-align:left;vertical-align:top}"
    "footer{margin-top:8mm;font-size:9pt;color:#333}"
    ".cert{border:3px double #0b5cad;padding:14mm 12mm;text-align:center;margin-top:10mm}"
    ".cert h1{font-size:24pt;color:#0b5cad;margin-bottom:8mm}.cert .who{font-size:20pt;font-weight:bold;margin:4mm 0}"
    ".cert .course{font-size:15pt;font-weight:bold;margin:4mm 0}.cert dl{display:inline-grid;grid-template-columns:auto auto;"
    "gap:1mm 6mm;text-align:left;margin:8mm 0 4mm}.cert dt{font-weight:bold}.cert dd{margin:0}"
    ".code{font-family:monospace;font-size:13pt;letter-spacing:.5mm}.honest{font-size:9pt;color:#333;margin-top:6mm}";

std::string base64(std::string_view bytes) {
  static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += {kDigits[(v >> 18) & 63], kDigits[(v >> 12) & 63], kDigits[(v >> 6) & 63], kDigits[v & 63]};
  }
  if (i + 1 == bytes.size()) {
    const unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    out += {kDigits[(v >> 18) & 63], kDigits[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == bytes.size()) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += {kDigits[(v >> 18) & 63], kDigits[(v >> 12) & 63], kDigits[(v >> 6) & 63], '='};
  }
  return out;
}

std::string print_style_csp_source() {
  const Sha256Digest digest = sha256(kPrintStyle);
  return "'sha256-" + base64(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size())) + "'";
}

namespace {

std::string page_start(std::string_view language, std::string_view title) {
  // The browser shapes printed Dari/Arabic itself; dir makes the page read right to left.
  return "<!doctype html>\n<html lang=\"" + escape_html(language) + "\"" + (is_right_to_left(language) ? " dir=\"rtl\"" : "") +
         ">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
         escape_html(title) + "</title>\n<style>" + std::string(kPrintStyle) + "</style>\n</head>\n<body>\n";
}

std::string page_end() { return "</body>\n</html>\n"; }

std::string test_name(const UiText& text, TestKind kind) {
  return std::string(text(kind == TestKind::Pretest ? "print.pretest" : "print.posttest"));
}

// "40–45" or "1989" (a tolerance range shown as its bounds), trimmed of needless decimals.
std::string number_text(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

std::string numeric_range(const NumericAnswer& range) {
  if (range.min == range.max) return number_text(range.min);
  return number_text(range.min) + "\u2013" + number_text(range.max);
}

// Questions that take an answer or a discussion: every one but description items.
size_t scored_count(const Quiz& quiz) {
  size_t count = 0;
  for (const Question& question : quiz.questions) count += question.type == QuestionType::Description ? 0 : 1;
  return count;
}

// [SECTION] Paper test ---------------------------------------------------------------------------------

std::string question_html(std::string_view course_id, const Quiz& quiz, const Question& question, size_t number,
                          const UiText& text) {
  std::string out = "<section class=\"q\">\n<p><span class=\"n\">" + std::to_string(number) + ".</span>" +
                    inline_html(question.text) + "</p>\n";
  const std::vector<int> order = paper_option_order(course_id, quiz, question);
  switch (question.type) {
    case QuestionType::SingleChoice:
    case QuestionType::MultipleResponse:
      if (question.type == QuestionType::MultipleResponse)
        out += "<p class=\"hint\">" + escape_html(text("print.mark_all")) + "</p>\n";
      out += "<ul class=\"opts\">\n";
      for (size_t p = 0; p < order.size(); ++p) {
        const int index = order[p];
        if (index < 0 || index >= static_cast<int>(question.choices.size())) continue;
        out += "<li><span class=\"box\"></span><span class=\"l\">" + option_letter(static_cast<int>(p)) + ".</span>" +
               inline_html(question.choices[static_cast<size_t>(index)].text) + "</li>\n";
      }
      out += "</ul>\n";
      break;
    case QuestionType::TrueFalse:
      out += "<ul class=\"opts\">\n<li><span class=\"box\"></span>" + escape_html(text("quiz.true")) +
             "</li>\n<li><span class=\"box\"></span>" + escape_html(text("quiz.false")) + "</li>\n</ul>\n";
      break;
    case QuestionType::Matching:
      out += "<p class=\"hint\">" + escape_html(text("print.match_hint")) + "</p>\n<table class=\"match\"><tr><td>\n";
      for (size_t i = 0, item = 0; i < question.pairs.size(); ++i)
        if (!question.pairs[i].is_distractor())
          out += "<p>" + std::to_string(++item) + ". " + inline_html(question.pairs[i].left) +
                 " <span class=\"line\"></span></p>\n";
      out += "</td><td>\n";
      for (size_t p = 0; p < order.size(); ++p) {
        const int index = order[p];
        if (index < 0 || index >= static_cast<int>(question.pairs.size())) continue;
        out += "<p><span class=\"l\">" + option_letter(static_cast<int>(p)) + ".</span>" +
               inline_html(question.pairs[static_cast<size_t>(index)].right) + "</p>\n";
      }
      out += "</td></tr></table>\n";
      break;
    case QuestionType::ShortAnswer:
    case QuestionType::Numeric:
      out += "<p class=\"opts\">" + escape_html(text("print.answer_line")) + "<span class=\"line\"></span></p>\n";
      break;
    case QuestionType::Essay:  // a prompt for discussion: room to note thoughts, never marked
      out += "<p class=\"hint\">" + escape_html(text("quiz.essay_note")) + "</p>\n";
      break;
    case QuestionType::Description:
      break;
  }
  return out + "</section>\n";
}

}  // namespace

std::string paper_test_html(const Course& course, const Quiz& quiz, TestKind kind, const UiText& text,
                            std::string_view language) {
  const std::string name = test_name(text, kind);
  std::string out = page_start(language, name + " \u2014 " + course.title);
  out += "<h1>" + escape_html(course.title) + "</h1>\n<h2>" +
         escape_html(format_text(text("print.paper_subtitle"), {name, std::to_string(scored_count(quiz))})) +
         "</h2>\n";
  out += "<div class=\"fill\"><span>" + escape_html(text("print.name_line")) + "</span><span>" +
         escape_html(text("print.date_line")) + "</span></div>\n";
  out += "<p class=\"note\">" + escape_html(text("print.instructions")) + "</p>\n";
  // A description item is printed as text without a number, as the quiz shows it.
  for (size_t i = 0, number = 0; i < quiz.questions.size(); ++i)
    out += quiz.questions[i].type == QuestionType::Description
               ? "<p>" + inline_html(quiz.questions[i].text) + "</p>\n"
               : question_html(course.id, quiz, quiz.questions[i], ++number, text);
  out += "<footer>" + escape_html(format_text(text("print.footer"), {course.title, name})) + "</footer>\n";
  return out + page_end();
}

// [SECTION] Answer key -----------------------------------------------------------------------------------

namespace {

struct KeyEntry {
  std::string shown;  // HTML: the right answer as the sheet shows it
  std::string typed;  // HTML: what to type in the grid for full marks
};

KeyEntry key_entry(std::string_view course_id, const Quiz& quiz, const Question& question, const UiText& text) {
  KeyEntry entry;
  const std::vector<int> order = paper_option_order(course_id, quiz, question);
  auto letter_of = [&](int authored) {
    for (size_t p = 0; p < order.size(); ++p)
      if (order[p] == authored) return option_letter(static_cast<int>(p));
    return std::string("?");
  };
  switch (question.type) {
    case QuestionType::SingleChoice: {
      // The full-credit option, in printed order; each of them when several are (Moodle's two '='
      // answers); the best one when an author gave only partial weights.
      double best = 0;
      for (const Choice& choice : question.choices) best = std::max(best, choice.weight);
      for (size_t p = 0; p < order.size(); ++p) {
        const int index = order[p];
        if (index < 0 || index >= static_cast<int>(question.choices.size())) continue;
        const Choice& choice = question.choices[static_cast<size_t>(index)];
        if (choice.weight <= 0 || choice.weight < best) continue;
        entry.typed += (entry.typed.empty() ? "" : " / ") + option_letter(static_cast<int>(p));
        entry.shown += (entry.shown.empty() ? "" : "<br>") + option_letter(static_cast<int>(p)) + ". " +
                       inline_html(choice.text);
      }
      break;
    }
    case QuestionType::MultipleResponse: {
      // Every option with positive weight, in printed order: together they give full credit.
      for (size_t p = 0; p < order.size(); ++p) {
        const int index = order[p];
        if (index < 0 || index >= static_cast<int>(question.choices.size())) continue;
        const Choice& choice = question.choices[static_cast<size_t>(index)];
        if (choice.weight <= 0) continue;
        entry.typed += (entry.typed.empty() ? "" : ", ") + option_letter(static_cast<int>(p));
        entry.shown += (entry.shown.empty() ? "" : "<br>") + option_letter(static_cast<int>(p)) + ". " +
                       inline_html(choice.text);
      }
      break;
    }
    case QuestionType::TrueFalse:
      entry.shown = escape_html(text(question.truth ? "quiz.true" : "quiz.false"));
      entry.typed = escape_html(text(question.truth ? "print.type_true" : "print.type_false"));
      break;
    case QuestionType::Matching:
      for (size_t i = 0, item = 0; i < question.pairs.size(); ++i) {
        if (question.pairs[i].is_distractor()) continue;
        const std::string letter = letter_of(static_cast<int>(i));
        entry.typed += letter;
        entry.shown += (item ? "<br>" : "") + std::to_string(item + 1) + " \u2192 " + letter + ". " +
                       inline_html(question.pairs[i].right);
        ++item;
      }
      break;
    case QuestionType::Numeric:
      for (const NumericAnswer& range : question.numeric) {
        if (range.weight < 100) continue;
        entry.shown += (entry.shown.empty() ? "" : ", ") + escape_html(numeric_range(range));
      }
      entry.typed = entry.shown;
      break;
    case QuestionType::ShortAnswer:
      for (const Choice& choice : question.choices) {
        if (choice.weight < 100) continue;
        entry.shown += (entry.shown.empty() ? "" : " / ") + inline_html(choice.text);
      }
      entry.typed = entry.shown;
      break;
    case QuestionType::Description:
    case QuestionType::Essay:
      break;  // not marked: the key leaves it empty
  }
  return entry;
}

}  // namespace

std::string answer_key_html(const Course& course, const Quiz& quiz, TestKind kind, const UiText& text,
                            std::string_view language) {
  const std::string name = test_name(text, kind);
  const std::string title = format_text(text("print.key_title"), {name});
  std::string out = page_start(language, title + " \u2014 " + course.title);
  out += "<h1>" + escape_html(course.title) + "</h1>\n<h2>" + escape_html(title) + "</h2>\n";
  out += "<p class=\"note\">" + escape_html(text("print.key_intro")) + "</p>\n";
  out += "<table class=\"key\">\n<thead><tr><th>" + escape_html(text("print.key_question")) + "</th><th>" +
         escape_html(text("print.key_answer")) + "</th><th>" + escape_html(text("print.key_typed")) +
         "</th></tr></thead>\n<tbody>\n";
  for (size_t i = 0, number = 0; i < quiz.questions.size(); ++i) {
    if (quiz.questions[i].type == QuestionType::Description) continue;  // nothing to answer, no number
    const KeyEntry entry = key_entry(course.id, quiz, quiz.questions[i], text);
    out += "<tr><td>" + std::to_string(++number) + "</td><td>" + entry.shown + "</td><td class=\"code\">" + entry.typed +
           "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
  out += "<p class=\"hint\">" + escape_html(text("print.key_partial")) + "</p>\n";
  out += "<footer>" + escape_html(format_text(text("print.footer"), {course.title, title})) + "</footer>\n";
  return out + page_end();
}

// [SECTION] Certificate ------------------------------------------------------------------------------------

std::string certificate_html(const LearnerCertificate& certificate, std::string_view course_title,
                             const UiText& text, std::string_view language) {
  const std::string date = format_day_number(day_number(certificate.completed));
  std::string out = page_start(language, std::string(text("certificate.title")) + " \u2014 " + certificate.name);
  out += "<div class=\"cert\">\n<h1>" + escape_html(text("certificate.title")) + "</h1>\n";
  out += "<p>" + escape_html(text("certificate.certifies")) + "</p>\n";
  out += "<p class=\"who\">" + escape_html(certificate.name) + "</p>\n";
  out += "<p>" + escape_html(text("certificate.completed_course")) + "</p>\n";
  out += "<p class=\"course\">" + escape_html(course_title) + "</p>\n";
  out += "<dl>\n<dt>" + escape_html(text("certificate.date")) + "</dt><dd>" + escape_html(date) + "</dd>\n";
  out += "<dt>" + escape_html(text("certificate.score")) + "</dt><dd>" + std::to_string(certificate.score_percent) +
         "%</dd>\n";
  out += "<dt>" + escape_html(text("certificate.reference")) + "</dt><dd class=\"code\">" +
         escape_html(certificate.code) + "</dd>\n</dl>\n";
  out += "<p class=\"honest\">" + escape_html(text("certificate.honest")) + "</p>\n</div>\n";
  return out + page_end();
}

}  // namespace siaga
