// course_index.cpp — a course without its lesson text (see content.h, [SECTION] Course index).
//
// The index is JSON written by siaga-pack from a course that passed every check, so reading it is
// strict: anything unexpected refuses the whole index with the first problem in words (a half index
// would show a course with modules missing, and progress would look lost).
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/stored_json.h"
#include "core/text_util.h"

namespace siaga {

namespace {

using stored::Json;

constexpr std::string_view kFormat = "siaga-course-index";
constexpr int64_t kVersion = 1;
constexpr size_t kMaxItems = 10000;

std::string_view kind_name(QuizKind kind) {
  return kind == QuizKind::Pretest ? "pretest" : kind == QuizKind::Posttest ? "posttest" : "module";
}

}  // namespace

std::string write_course_index(const Course& course) {
  Json modules = Json::array();
  for (const Module& module : course.modules) {
    if (!module.available) continue;  // a pack never carries one (siaga-pack refuses errors)
    Json tags = Json::array();
    for (const Tag& tag : module.tags) tags.push_back({{"key", tag.key}, {"value", tag.value}});
    Json sections = Json::array();
    for (const Section& section : module.sections) sections.push_back({{"id", section.id}, {"title", section.title}});
    Json quizzes = Json::array();
    for (const Quiz& quiz : module.quizzes) {
      Json questions = Json::array();
      for (const Question& question : quiz.questions) questions.push_back(question.id);
      quizzes.push_back({{"id", quiz.id}, {"graded", quiz.graded}, {"shuffle", quiz.shuffle},
                         {"attempts", quiz.attempts}, {"kind", kind_name(quiz.kind)},
                         {"section", quiz.section_id}, {"questions", std::move(questions)}});
    }
    modules.push_back({{"id", module.id}, {"title", module.title}, {"summary", module.summary},
                       {"minutes", module.minutes}, {"order", module.order}, {"path", module.path},
                       {"tags", std::move(tags)}, {"sections", std::move(sections)}, {"quizzes", std::move(quizzes)}});
  }
  Json index = {{"format", kFormat}, {"version", kVersion}, {"course", course.id}, {"modules", std::move(modules)}};
  return index.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::vector<Diagnostic> read_course_index(std::string_view text, std::string_view path, Course& course) {
  const auto refuse = [&](std::string message) {
    return std::vector<Diagnostic>{text::error_at(path, 0, 0, "damaged course index: " + message)};
  };
  const Json value = stored::parse(text);
  if (value.is_discarded() || !value.is_object()) return refuse("it is not JSON");
  const stored::EnvelopeCheck envelope = stored::check_envelope(
      value, stored::Envelope{.format = kFormat, .version_key = "version", .current = kVersion,
                              .not_ours = "it is not a Siaga course index",
                              .newer = "it was written by a newer version of Siaga",
                              .bad_version = "its version number is not valid"});
  if (!envelope.ok()) return refuse(envelope.reason);

  stored::FieldReader read;
  std::string course_id;
  read.id(value, "course", "the index", course_id);
  if (!read.failed() && course_id != course.id)
    read.fail("the index", "belongs to the course " + text::quote(course_id) + ", not " + text::quote(course.id));
  std::vector<Module> modules;
  if (const Json* list = read.list(value, "modules", "the index", kMaxItems)) {
    for (const Json& item : *list) {
      const std::string where = "module " + std::to_string(modules.size() + 1);
      Module& module = modules.emplace_back();
      read.id(item, "id", where, module.id);
      read.text(item, "title", where, module.title);
      read.text(item, "summary", where, module.summary);
      read.whole_number(item, "minutes", where, module.minutes, 0, 100000);
      read.whole_number(item, "order", where, module.order, 0, 99999);
      read.text(item, "path", where, module.path);
      if (const Json* tags = read.list(item, "tags", where, kMaxItems))
        for (const Json& tag : *tags) {
          Tag& t = module.tags.emplace_back();
          read.text(tag, "key", where + " tag", t.key);
          read.text(tag, "value", where + " tag", t.value);
        }
      if (const Json* sections = read.list(item, "sections", where, kMaxItems))
        for (const Json& section : *sections) {
          Section& s = module.sections.emplace_back();
          read.id(section, "id", where + " section", s.id);
          read.text(section, "title", where + " section", s.title);
        }
      if (const Json* quizzes = read.list(item, "quizzes", where, kMaxItems))
        for (const Json& entry : *quizzes) {
          const std::string quiz_where = where + " quiz " + std::to_string(module.quizzes.size() + 1);
          Quiz& quiz = module.quizzes.emplace_back();
          std::string kind;
          std::vector<std::string> question_ids;
          read.id(entry, "id", quiz_where, quiz.id);
          read.flag(entry, "graded", quiz_where, quiz.graded);
          read.flag(entry, "shuffle", quiz_where, quiz.shuffle);
          read.whole_number(entry, "attempts", quiz_where, quiz.attempts, 0, 1000);
          read.text(entry, "kind", quiz_where, kind);
          read.text(entry, "section", quiz_where, quiz.section_id);
          read.texts(entry, "questions", quiz_where, question_ids, kMaxItems);
          if (kind == "pretest") quiz.kind = QuizKind::Pretest;
          else if (kind == "posttest") quiz.kind = QuizKind::Posttest;
          else if (kind == "module") quiz.kind = QuizKind::Module;
          else if (!read.failed()) read.fail(quiz_where, "has an unknown kind " + text::quote(kind));
          for (std::string& id : question_ids) quiz.questions.push_back(Question{.id = std::move(id)});
        }
    }
  }
  if (read.failed()) return refuse(read.problem());
  course.modules = std::move(modules);
  course.text_loaded = false;
  return {};
}

}  // namespace siaga
