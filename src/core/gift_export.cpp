// gift_export.cpp — questions written back as GIFT, for Moodle and other LMSs (see content.h).
//
// What the writer relies on in the reader (gift.cpp), so that a round trip gives the same questions:
// every backslash and GIFT character (~ = # { } :) is escaped and line breaks are written as \n, so
// text never ends a question or starts an answer; each answer is on a line of its own after a tab,
// so no line of a question starts with "//"; a choice question has exactly one '=' answer.
#include <cstdio>
#include <limits>
#include <string>

#include "core/content.h"

namespace siaga {

namespace {

std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') continue;
    else if (c == '\\' || c == '~' || c == '=' || c == '#' || c == '{' || c == '}' || c == ':') out += {'\\', c};
    else out.push_back(c);
  }
  return out;
}

// A number the reader takes back exactly: plain decimals, no exponent (the reader refuses "1e5").
std::string number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  std::string out = buffer;
  if (out.find('e') != std::string::npos) {  // too large or too small for %g's plain form
    std::snprintf(buffer, sizeof buffer, "%.6f", value);
    out = buffer;
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  return out;
}

std::string weight(double percent, double plain) { return percent == plain ? "" : "%" + number(percent) + "%"; }

std::string feedback(const std::string& text) { return text.empty() ? "" : "#" + escaped(text); }

void write_answers(const Question& q, std::string& out) {
  switch (q.type) {
    case QuestionType::TrueFalse:
      out += q.truth ? "TRUE" : "FALSE";
      if (!q.feedback_wrong.empty() || !q.feedback_right.empty())
        out += "#" + escaped(q.feedback_wrong) + (q.feedback_right.empty() ? "" : "#" + escaped(q.feedback_right));
      out += "\n";
      break;
    case QuestionType::SingleChoice: {
      // The reader's one '=' answer: the first with full credit (or, failing one, the best weighted).
      size_t right = 0;
      for (size_t i = 0; i < q.choices.size(); ++i)
        if (q.choices[i].weight > q.choices[right].weight || (q.choices[i].weight == 100 && q.choices[right].weight != 100))
          right = i;
      for (size_t i = 0; i < q.choices.size(); ++i) {
        const Choice& c = q.choices[i];
        out += i == right ? "\t=" + weight(c.weight, 100) : "\t~" + weight(c.weight, 0);
        out += escaped(c.text) + feedback(c.feedback) + "\n";
      }
      break;
    }
    case QuestionType::MultipleResponse:
      for (const Choice& c : q.choices) out += "\t~" + weight(c.weight, 0) + escaped(c.text) + feedback(c.feedback) + "\n";
      break;
    case QuestionType::ShortAnswer:
      for (const Choice& c : q.choices) out += "\t=" + weight(c.weight, 100) + escaped(c.text) + feedback(c.feedback) + "\n";
      break;
    case QuestionType::Matching:
      for (const MatchPair& p : q.pairs) out += "\t=" + escaped(p.left) + " -> " + escaped(p.right) + "\n";
      break;
    case QuestionType::Numeric:
      out += "#\n";
      for (const NumericAnswer& a : q.numeric) {
        if (a.min == -std::numeric_limits<double>::infinity() && a.max == std::numeric_limits<double>::infinity()) {
          out += "\t~#" + escaped(a.feedback) + "\n";  // Moodle's "any other answer"
          continue;
        }
        out += "\t=" + weight(a.weight, 100) + (a.min == a.max ? number(a.min) : number(a.min) + ".." + number(a.max)) +
               feedback(a.feedback) + "\n";
      }
      break;
    case QuestionType::Essay:
      break;  // "{}" (or only its ####general feedback): Moodle's essay
    case QuestionType::Description:
      break;  // never reached: write_gift gives a description no answer block
  }
}

}  // namespace

std::string write_gift(const std::vector<Question>& questions, std::string_view title) {
  std::string out = "// " + std::string(title) + "\n// Exported from Siaga as GIFT (Moodle: Question bank > Import > GIFT format).\n\n";
  for (const Question& q : questions) {
    const bool name_is_id = q.name.empty() || q.name == q.id;
    std::string meta;
    if (!name_is_id) meta += "[id:" + q.id + "]";
    for (const std::string& tag : q.tags) meta += (meta.empty() ? "" : " ") + ("[tag:" + tag + "]");
    if (!meta.empty()) out += "// " + meta + "\n";
    out += "::" + escaped(name_is_id ? q.id : q.name) + "::[markdown]" + escaped(q.text);
    if (q.type == QuestionType::Description) {  // Moodle's description: text with no answer block
      out += "\n\n";
      continue;
    }
    out += " {\n";
    write_answers(q, out);
    if (!q.general_feedback.empty()) out += "\t####" + escaped(q.general_feedback) + "\n";
    out += "}\n\n";
  }
  return out;
}

namespace {
// Moodle reads '/' in a category path as a level: titles keep theirs as '-'.
std::string category(std::string title) {
  for (char& c : title)
    if (c == '/' || c == '\n') c = '-';
  return title;
}

// A module's quizzes under $course$/top/Siaga: <course>/<module>.
void append_module(std::string& out, const Course& course, const Module& module) {
  for (const Quiz& quiz : module.quizzes) {
    if (quiz.questions.empty()) continue;
    out += "$CATEGORY: $course$/top/" + category("Siaga: " + course.title) + "/" + category(module.title) + "\n\n";
    const std::string questions = write_gift(quiz.questions, "");
    out += questions.substr(questions.find("\n\n") + 2);  // without write_gift's own header
  }
}
}  // namespace

std::string course_to_gift(const Course& course) {
  std::string out = write_gift({}, "Siaga: " + course.title + " (" + course.language + ")");
  for (const Module& module : course.modules) append_module(out, course, module);
  return out;
}

std::string module_to_gift(const Course& course, const Module& module) {
  std::string out = write_gift({}, "Siaga: " + course.title + ", " + module.title + " (" + course.language + ")");
  append_module(out, course, module);
  return out;
}

}  // namespace siaga
