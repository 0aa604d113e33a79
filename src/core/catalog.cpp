// catalog.cpp — a content tree (files in any order) to a Catalog, and the cross-file checks of
// siaga-lint.
//
// build_catalog files each file by its place in content/<lang>/<course>/: course.md, NN-name.md
// modules (NN gives the order) and content/<lang>/ui.po; SOURCES.md (the course's list of sources,
// for authors) is skipped. A course folder with index.json and no module files (a language pack, see
// content.h [SECTION] Course index) gets its modules from the index, without their text. A module with errors stays in the catalog as
// unavailable, so the reader can list it and say why.
//
// check_catalog compares every language with "en", the reference: the same modules, section ids,
// quizzes and questions in the same order, the same question types, option counts and right answers
// in every course a language has. Only the human text may differ. A language may leave a course out
// (the portal shows en's, marked as English) unless it must have every course (id, see
// LanguageFacts::every_course). Each message points at the non-English file.
//
// [SECTION] Building the catalog
// [SECTION] Duplicate ids within a course
// [SECTION] Comparing a language with en
// [SECTION] Links between modules
// [SECTION] Interface strings
// [SECTION] Entry point of the checks

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/door.h"
#include "core/i18n.h"
#include "core/route.h"
#include "core/text_util.h"

namespace siaga {

namespace {

// [SECTION] Building the catalog -------------------------------------------------------------------

constexpr std::string_view reference_language = "en";

std::string_view file_name(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// "03-crisis.md" -> 3; nullopt when the name does not start with a number and a hyphen.
std::optional<int> module_number(std::string_view name) {
  const size_t hyphen = name.find('-');
  int number = 0;
  if (hyphen == std::string_view::npos || !text::parse_int(name.substr(0, hyphen), 0, 99999, number))
    return std::nullopt;
  return number;
}

struct CourseDraft {
  const SourceFile* course_file = nullptr;  // course.md: read once the folder's other files are known
  std::vector<Module> modules;
  const SourceFile* index = nullptr;  // index.json: used only when there are no module files
};

struct LanguageDraft {
  std::map<std::string, CourseDraft, std::less<>> courses;
  Translations ui;
};

Course read_course_file(const SourceFile& file, std::string_view course_folder, CourseIntro intro,
                        std::vector<Diagnostic>& diagnostics) {
  Parsed<Course> parsed = parse_course(file.bytes, file.path, intro);
  diagnostics.insert(diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
  if (!parsed.value.id.empty() && parsed.value.id != course_folder)
    diagnostics.push_back(text::error_at(file.path, 0, 0,
                                         "the course id " + text::quote(parsed.value.id) +
                                             " differs from its folder name " + text::quote(course_folder) +
                                             "; the folder name is the course id"));
  parsed.value.id = std::string(course_folder);
  return std::move(parsed.value);
}

void add_course_file(const SourceFile& file, std::string_view name, CourseDraft& draft,
                     std::vector<Diagnostic>& diagnostics) {
  if (name == "course.md") {
    draft.course_file = &file;
    return;
  }
  // Through a door: a lesson's Markdown and quizzes are lesson code, which the web build downloads
  // with the first course opened (a language pack has no module files, so its catalog never calls it).
  Parsed<Module> parsed = door(parse_module)(file.bytes, file.path);
  Module& module = parsed.value;
  if (const std::optional<int> number = module_number(name)) {
    module.order = *number;
  } else {
    parsed.diagnostics.push_back(text::error_at(file.path, 0, 0,
                                                "a module file name starts with its number, like "
                                                "'01-introduction.md': " + text::quote(name)));
    module.available = false;
    module.diagnostics = parsed.diagnostics;
  }
  diagnostics.insert(diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
  draft.modules.push_back(std::move(module));
}

// [SECTION] Duplicate ids within a course -------------------------------------------------------------

struct Place {
  std::string path;
  int line = 0;
  int column = 0;
  std::string describe() const { return line > 0 ? path + ":" + std::to_string(line) : path; }
};

// Reports the second and later uses of an id; `what` names the kind of id in the message.
class UniqueIds {
 public:
  UniqueIds(std::string_view what, std::vector<Diagnostic>& diagnostics) : what_(what), diagnostics_(diagnostics) {}
  void add(const std::string& id, const Place& place) {
    if (id.empty()) return;
    const auto [it, inserted] = first_.emplace(id, place);
    if (!inserted)
      diagnostics_.push_back(text::error_at(place.path, place.line, place.column,
                                            std::string(what_) + " id " + text::quote(id) + " is also used in " +
                                                it->second.describe() + "; it must be unique in the course"));
  }

 private:
  std::string_view what_;
  std::vector<Diagnostic>& diagnostics_;
  std::map<std::string, Place, std::less<>> first_;
};

void check_course_ids(const Course& course, std::vector<Diagnostic>& diagnostics) {
  UniqueIds modules("module", diagnostics), quizzes("quiz", diagnostics), questions("question", diagnostics);
  std::map<int, std::string> numbers;
  for (const Module& module : course.modules) {
    modules.add(module.id, Place{module.path});
    if (const auto [it, inserted] = numbers.emplace(module.order, module.path); !inserted)
      diagnostics.push_back(text::warning_at(module.path, 0, 0,
                                             "this module has the same number as " + it->second +
                                                 "; give each module its own number"));
    for (const Quiz& quiz : module.quizzes) {
      quizzes.add(quiz.id, Place{module.path, quiz.line});
      for (const Question& question : quiz.questions)
        questions.add(question.id, Place{module.path, question.line, question.column});
    }
  }
}

// [SECTION] Comparing a language with en ---------------------------------------------------------------

const char* type_name(QuestionType type) {
  switch (type) {
    case QuestionType::SingleChoice: return "single choice";
    case QuestionType::MultipleResponse: return "multiple response";
    case QuestionType::TrueFalse: return "true/false";
    case QuestionType::Matching: return "matching";
    case QuestionType::ShortAnswer: return "short answer";
    case QuestionType::Numeric: return "numeric";
    case QuestionType::Description: return "description";
    case QuestionType::Essay: return "essay";
  }
  return "?";
}

std::string number_text(double value) {
  std::string out = std::to_string(value);
  while (!out.empty() && out.back() == '0') out.pop_back();
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

bool same_number(double a, double b) { return std::fabs(a - b) < 1e-9; }

class LanguageComparison {
 public:
  LanguageComparison(const Language& en, const Language& other, std::vector<Diagnostic>& diagnostics)
      : en_(en), other_(other), diagnostics_(diagnostics) {}

  void run() {
    const LanguageFacts* facts = language_facts(other_.tag);
    const bool every_course = facts && facts->every_course;
    for (const Course& en_course : en_.courses) {
      const Course* course = find_course(other_, en_course.id);
      if (course == nullptr) {
        if (!every_course) continue;  // shown in English (add_fallback_courses)
        error(Place{folder_of(en_course.id) + "course.md"},
              "course " + text::quote(en_course.id) + " of en (" + en_course.path + ") is missing in " +
                  text::quote(other_.tag));
        continue;
      }
      compare_course(en_course, *course);
    }
    for (const Course& course : other_.courses)
      if (find_course(en_, course.id) == nullptr)
        error(Place{course.path}, "course " + text::quote(course.id) + " is not in en");
  }

 private:
  void error(const Place& place, std::string message) {
    diagnostics_.push_back(text::error_at(place.path, place.line, place.column, std::move(message)));
  }

  std::string folder_of(std::string_view course_id) const {
    return "content/" + other_.tag + "/" + std::string(course_id) + "/";
  }

  void compare_course(const Course& en_course, const Course& course) {
    if (en_course.pass_percent != course.pass_percent)
      error(Place{course.path}, "pass is " + std::to_string(course.pass_percent) + " here but " +
                                    std::to_string(en_course.pass_percent) + " in en");
    if (en_course.certificate != course.certificate)
      error(Place{course.path}, "certificate differs from en (" + std::string(en_course.certificate ? "yes" : "no") +
                                    " there)");
    for (const Module& en_module : en_course.modules) {
      const Module* module = find_module(course, en_module.id);
      if (module == nullptr) {
        error(Place{folder_of(course.id) + std::string(file_name(en_module.path))},
              "module " + text::quote(en_module.id) + " of en (" + en_module.path + ") is missing in " +
                  text::quote(other_.tag));
        continue;
      }
      compare_module(en_module, *module);
    }
    for (const Module& module : course.modules)
      if (find_module(en_course, module.id) == nullptr)
        error(Place{module.path}, "module " + text::quote(module.id) + " is not in en");
  }

  void compare_module(const Module& en_module, const Module& module) {
    if (en_module.order != module.order)
      error(Place{module.path}, "module " + text::quote(module.id) + " is number " + std::to_string(module.order) +
                                    " here but " + std::to_string(en_module.order) + " in en (" + en_module.path + ")");
    if (file_name(en_module.path) != file_name(module.path))
      diagnostics_.push_back(text::warning_at(module.path, 0, 0,
                                              "the file name differs from en's " + text::quote(file_name(en_module.path))));
    if (!same_tags(en_module.tags, module.tags))
      diagnostics_.push_back(text::warning_at(module.path, 0, 0, "the tags differ from en (" + en_module.path + ")"));
    // A module with errors is already reported and only partly read: comparing it would add noise.
    if (!en_module.available || !module.available) return;

    compare_ids<Section>(
        en_module.sections, module.sections, "section", "", en_module.path, module.path,
        [](const Section& s) -> const std::string& { return s.id; },
        [&](const Section& s) { return Place{module.path, s.line}; }, [&](const Section& s) { return s.line; });
    const auto matched = compare_ids<Quiz>(
        en_module.quizzes, module.quizzes, "quiz", "", en_module.path, module.path,
        [](const Quiz& q) -> const std::string& { return q.id; }, [&](const Quiz& q) { return Place{module.path, q.line}; },
        [](const Quiz& q) { return q.line; });
    for (const auto& [en_quiz, quiz] : matched) compare_quiz(en_module, *en_quiz, module, *quiz);
  }

  static bool same_tags(const std::vector<Tag>& a, const std::vector<Tag>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const Tag& x, const Tag& y) { return x.key == y.key && x.value == y.value; });
  }

  void compare_quiz(const Module& en_module, const Quiz& en_quiz, const Module& module, const Quiz& quiz) {
    const Place place{module.path, quiz.line};
    const auto differs = [&](std::string_view what, const std::string& here, const std::string& there) {
      if (here != there)
        error(place, "quiz " + text::quote(quiz.id) + ": " + std::string(what) + " is " + here + " here but " +
                         there + " in en (" + en_module.path + ":" + std::to_string(en_quiz.line) + ")");
    };
    const auto yes_no = [](bool b) { return std::string(b ? "yes" : "no"); };
    const auto kind = [](QuizKind k) {
      return std::string(k == QuizKind::Pretest ? "pretest" : k == QuizKind::Posttest ? "posttest" : "module");
    };
    differs("graded", yes_no(quiz.graded), yes_no(en_quiz.graded));
    differs("shuffle", yes_no(quiz.shuffle), yes_no(en_quiz.shuffle));
    differs("attempts", std::to_string(quiz.attempts), std::to_string(en_quiz.attempts));
    differs("kind", kind(quiz.kind), kind(en_quiz.kind));
    differs("the section", text::quote(quiz.section_id), text::quote(en_quiz.section_id));

    const std::string scope = " of quiz " + text::quote(quiz.id);
    const auto matched = compare_ids<Question>(
        en_quiz.questions, quiz.questions, "question", scope, en_module.path, module.path,
        [](const Question& q) -> const std::string& { return q.id; },
        [&](const Question& q) { return Place{module.path, q.line, q.column}; }, [](const Question& q) { return q.line; },
        quiz.line);
    for (const auto& [en_question, question] : matched)
      compare_question(en_module.path, *en_question, Place{module.path, question->line, question->column}, *question);
  }

  void compare_question(const std::string& en_path, const Question& en_q, const Place& place, const Question& q) {
    const std::string where = " in en (" + en_path + ":" + std::to_string(en_q.line) + ")";
    const std::string name = "question " + text::quote(q.id);
    if (en_q.type != q.type)
      return error(place, name + " is " + type_name(q.type) + " here but " + type_name(en_q.type) + where);
    const auto count = [&](size_t here, size_t there, std::string_view what) {
      if (here == there) return true;
      error(place, name + " has " + std::to_string(here) + " " + std::string(what) + " here but " +
                       std::to_string(there) + where);
      return false;
    };
    if (q.type == QuestionType::TrueFalse && q.truth != en_q.truth)
      error(place, name + " is answered " + (q.truth ? "TRUE" : "FALSE") + " here but " +
                       (en_q.truth ? "TRUE" : "FALSE") + where);
    if (q.type == QuestionType::Matching) count(q.pairs.size(), en_q.pairs.size(), "pairs");
    if (q.type == QuestionType::Numeric && count(q.numeric.size(), en_q.numeric.size(), "numeric answers")) {
      for (size_t i = 0; i < q.numeric.size(); ++i) {
        const NumericAnswer& a = q.numeric[i];
        const NumericAnswer& b = en_q.numeric[i];
        if (!same_number(a.min, b.min) || !same_number(a.max, b.max) || !same_number(a.weight, b.weight)) {
          error(place, name + ": numeric answer " + std::to_string(i + 1) + " accepts " + number_text(a.min) + ".." +
                           number_text(a.max) + " (" + number_text(a.weight) + "%) here but " + number_text(b.min) +
                           ".." + number_text(b.max) + " (" + number_text(b.weight) + "%)" + where);
          break;
        }
      }
    }
    const bool has_choices = q.type == QuestionType::SingleChoice || q.type == QuestionType::MultipleResponse ||
                             q.type == QuestionType::ShortAnswer;
    const char* noun = q.type == QuestionType::ShortAnswer ? "accepted answers" : "options";
    if (has_choices && count(q.choices.size(), en_q.choices.size(), noun)) {
      for (size_t i = 0; i < q.choices.size(); ++i) {
        const Choice& a = q.choices[i];
        const Choice& b = en_q.choices[i];
        if (a.correct != b.correct || !same_number(a.weight, b.weight)) {
          error(place, name + ": option " + std::to_string(i + 1) + " is " + (a.correct ? "right" : "wrong") + " (" +
                           number_text(a.weight) + "%) here but " + (b.correct ? "right" : "wrong") + " (" +
                           number_text(b.weight) + "%)" + where);
          break;
        }
      }
    }
  }

  // Compares two id sequences: reports ids missing here, ids not in en, and a different order.
  // Returns the pairs present in both, in en's order.
  template <typename T, typename IdOf, typename PlaceOf, typename LineOf>
  std::vector<std::pair<const T*, const T*>> compare_ids(const std::vector<T>& en_items, const std::vector<T>& items,
                                                         std::string_view what, const std::string& scope,
                                                         const std::string& en_path, const std::string& path,
                                                         IdOf id_of, PlaceOf place_of,
                                                         LineOf en_line_of, int missing_line = 0) {
    std::map<std::string_view, const T*> here, there;
    for (const T& item : items) here.emplace(id_of(item), &item);
    for (const T& item : en_items) there.emplace(id_of(item), &item);
    std::vector<std::pair<const T*, const T*>> matched;
    std::vector<std::string_view> en_order, order;
    for (const T& item : en_items) {
      const auto it = here.find(id_of(item));
      if (it == here.end()) {
        error(Place{path, missing_line, missing_line > 0 ? 1 : 0}, std::string(what) + " " + text::quote(id_of(item)) + scope + " of en (" +
                                             en_path + ":" + std::to_string(en_line_of(item)) + ") is missing here");
        continue;
      }
      matched.emplace_back(&item, it->second);
      en_order.push_back(id_of(item));
    }
    for (const T& item : items) {
      if (!there.contains(id_of(item))) {
        error(place_of(item), std::string(what) + " " + text::quote(id_of(item)) + scope + " is not in en");
        continue;
      }
      order.push_back(id_of(item));
    }
    for (size_t i = 0; i < order.size() && i < en_order.size(); ++i) {
      if (order[i] != en_order[i]) {
        error(place_of(*here[order[i]]), std::string(what) + " " + text::quote(order[i]) + scope +
                                             " is out of order: en has " + text::quote(en_order[i]) + " here");
        break;
      }
    }
    return matched;
  }

  const Language& en_;
  const Language& other_;
  std::vector<Diagnostic>& diagnostics_;
};

// [SECTION] Links between modules ------------------------------------------------------------------

// Calls visit(span, line) for every span in `blocks`, nested ones included; the line is the nearest
// block's (list items and table cells have none of their own).
template <typename Visit>
void for_each_span(const std::vector<Block>& blocks, const Visit& visit) {
  for (const Block& block : blocks) {
    const auto spans = [&](const std::vector<Span>& list) {
      for (const Span& span : list) visit(span, block.line);
    };
    spans(block.spans);
    for (const ListItem& item : block.items) {
      spans(item.spans);
      for_each_span(item.children, visit);
    }
    for (const TableCell& cell : block.header) spans(cell.spans);
    for (const auto& row : block.rows)
      for (const TableCell& cell : row) spans(cell.spans);
    for_each_span(block.children, visit);
  }
}

// A "#/course/..." link must lead to a course, module and section of the same language.
std::string broken_link_reason(const Language& language, const std::string& link) {
  if (!link.starts_with("#/course")) return {};
  const Route route = parse_route(link);
  if (route.screen != Screen::Course && route.screen != Screen::Module) return "it is not a portal address";
  const Course* course = find_course(language, route.course);
  if (course == nullptr) return "there is no course " + text::quote(route.course);
  if (route.screen == Screen::Course) return {};
  const Module* module = find_module(*course, route.module);
  if (module == nullptr) return "course " + text::quote(route.course) + " has no module " + text::quote(route.module);
  const bool has_section = route.section.empty() ||
                           std::any_of(module->sections.begin(), module->sections.end(),
                                       [&](const Section& s) { return s.id == route.section; });
  return has_section ? std::string() : "module " + text::quote(route.module) + " has no section " + text::quote(route.section);
}

void check_links(const Language& language, std::vector<Diagnostic>& diagnostics) {
  const auto check_blocks = [&](const std::vector<Block>& blocks, const std::string& path) {
    for_each_span(blocks, [&](const Span& span, int line) {
      if (const std::string reason = broken_link_reason(language, span.link); !reason.empty())
        diagnostics.push_back(text::warning_at(path, line, line > 0 ? 1 : 0,
                                               "broken link " + text::quote(span.link) + ": " + reason));
    });
  };
  for (const Course& course : language.courses) {
    check_blocks(course.intro, course.path);
    for (const Module& module : course.modules) {
      check_blocks(module.intro, module.path);
      for (const Section& section : module.sections) check_blocks(section.blocks, module.path);
    }
  }
}

// [SECTION] Interface strings ------------------------------------------------------------------------

void compare_translations(const Language& en, const Language& other, std::vector<Diagnostic>& diagnostics) {
  const std::string path = "content/" + other.tag + "/ui.po";
  const auto& english = en.ui.by_key;
  if (english.empty()) return;
  if (other.ui.by_key.empty()) {
    diagnostics.push_back(text::warning_at(path, 0, 0,
                                           "no interface translations: all " + std::to_string(english.size()) +
                                               " interface strings fall back to English"));
    return;
  }
  for (const auto& [key, text] : english) {
    const std::string* translated = other.ui.find(key);
    if (translated == nullptr || translated->empty())
      diagnostics.push_back(text::warning_at(path, 0, 0,
                                             "missing translation for " + text::quote(key) + " (English: " +
                                                 text::quote(text) + ")"));
  }
  for (const auto& [key, text] : other.ui.by_key)
    if (!english.contains(key))
      diagnostics.push_back(text::warning_at(path, 0, 0, "interface string " + text::quote(key) +
                                                             " is not in en's ui.po, so it is never used"));
}

}  // namespace

Parsed<Catalog> build_catalog(const std::vector<SourceFile>& files) {
  Parsed<Catalog> result;
  std::vector<Diagnostic>& diagnostics = result.diagnostics;
  std::vector<const SourceFile*> sorted;
  for (const SourceFile& file : files) sorted.push_back(&file);
  std::sort(sorted.begin(), sorted.end(), [](const SourceFile* a, const SourceFile* b) { return a->path < b->path; });

  std::map<std::string, LanguageDraft, std::less<>> languages;
  for (const SourceFile* file : sorted) {
    const std::vector<std::string_view> parts = text::split(file->path, '/');
    const bool in_tree = parts.size() >= 3 && parts[0] == "content" && !parts[1].empty();
    if (in_tree && parts.size() == 3 && parts[2] == "ui.po") {
      Parsed<Translations> ui = parse_po(file->bytes, file->path);
      diagnostics.insert(diagnostics.end(), ui.diagnostics.begin(), ui.diagnostics.end());
      languages[std::string(parts[1])].ui = std::move(ui.value);
    } else if (in_tree && parts.size() == 4 && is_course_sources_file(parts[3])) {
      continue;  // the authors' list of sources: not a module, never shown to learners
    } else if (in_tree && parts.size() == 4 && parts[3] == kCourseIndexFile) {
      languages[std::string(parts[1])].courses[std::string(parts[2])].index = file;
    } else if (in_tree && parts.size() == 4 && parts[3].ends_with(".md") && parts[3].size() > 3) {
      if (!text::is_valid_id(parts[2])) {
        diagnostics.push_back(text::error_at(file->path, 0, 0,
                                             std::string("the course folder name is the course id (") + text::id_rule() +
                                                 "): " + text::quote(parts[2])));
        continue;
      }
      add_course_file(*file, parts[3], languages[std::string(parts[1])].courses[std::string(parts[2])], diagnostics);
    } else {
      diagnostics.push_back(text::warning_at(file->path, 0, 0,
                                             "not a content file (content/<language>/ui.po, "
                                             "content/<language>/<course>/course.md, NN-name.md, SOURCES.md or index.json); "
                                             "it is ignored"));
    }
  }

  for (auto& [tag, draft] : languages) {
    Language language;
    language.tag = tag;
    language.ui = std::move(draft.ui);
    for (auto& [folder, course_draft] : draft.courses) {
      if (!course_draft.course_file) {
        diagnostics.push_back(text::error_at("content/" + tag + "/" + folder + "/course.md", 0, 0,
                                             "the course folder " + text::quote(folder) + " has no course.md"));
        continue;
      }
      const bool index_only = course_draft.modules.empty() && course_draft.index;
      Course course = read_course_file(*course_draft.course_file, folder,
                                       index_only ? CourseIntro::Skip : CourseIntro::Parse, diagnostics);
      course.language = tag;
      course.modules = std::move(course_draft.modules);
      if (index_only) {  // a language pack: the course without its lessons
        const std::vector<Diagnostic> problems =
            read_course_index(course_draft.index->bytes, course_draft.index->path, course);
        diagnostics.insert(diagnostics.end(), problems.begin(), problems.end());
      }
      std::stable_sort(course.modules.begin(), course.modules.end(), [](const Module& a, const Module& b) {
        return a.order != b.order ? a.order < b.order : a.path < b.path;
      });
      language.courses.push_back(std::move(course));
    }
    result.value.languages.push_back(std::move(language));
  }
  return result;
}

// [SECTION] Entry point of the checks ---------------------------------------------------------------------

std::vector<Diagnostic> check_catalog(const Catalog& catalog) {
  std::vector<Diagnostic> diagnostics;
  for (const Language& language : catalog.languages) {
    for (const Course& course : language.courses) check_course_ids(course, diagnostics);
    check_links(language, diagnostics);
  }
  if (catalog.languages.empty()) return diagnostics;
  const Language* en = catalog.find_language(reference_language);
  if (en == nullptr) {
    diagnostics.push_back(text::error_at("content/en", 0, 0,
                                         "there is no content/en folder: English is the reference language"));
    return diagnostics;
  }
  for (const Language& language : catalog.languages) {
    if (&language == en) continue;
    LanguageComparison(*en, language, diagnostics).run();
    compare_translations(*en, language, diagnostics);
  }
  return diagnostics;
}

}  // namespace siaga
