#include "app/course_packs.h"

#include "app/code_module.h"
#include "app/handlers.h"

namespace siaga {

namespace {

std::string pack_of(const Course& course) {
  return course_pack_name(course.language.empty() ? "en" : course.language, course.id);
}

// Puts the pack's course in place of its index wherever it is shown (its own language, and any
// language that shows it as a fallback). Returns "" or why the pack cannot be used.
std::string take_course(AppState& app, const std::string& name, const Course& wanted, std::string_view bytes) {
  auto files = read_pack(bytes, name);
  if (has_errors(files.diagnostics)) return files.diagnostics.front().to_string();
  auto built = build_catalog(files.value);
  const Language* language = built.value.find_language(wanted.language.empty() ? "en" : wanted.language);
  const Course* full = language ? find_course(*language, wanted.id) : nullptr;
  if (!full || !full->text_loaded) return name + ": the course " + wanted.id + " is not in this file";
  // A module with errors is not a reason to refuse the rest: build_catalog has marked it unavailable
  // and kept its diagnostics on the module, where the course page shows them.
  const std::string id = wanted.id, text_language = full->language;
  for (Language& shown : app.catalog.languages)
    for (Course& course : shown.courses)
      if (course.id == id && (course.language.empty() ? "en" : course.language) == text_language) course = *full;
  return "";
}

}  // namespace

std::string course_pack_name(std::string_view language, std::string_view course) {
  return "course-" + std::string(language) + "-" + std::string(course) + ".pack";
}

const Course* course_needing_text(const AppState& app) {
  const Language* language = app.catalog.find_language(app.language);
  if (!language) return nullptr;
  std::string_view id;
  switch (app.route.screen) {
    case Screen::Course:
    case Screen::Module:
    case Screen::Present:
    case Screen::GroupQuiz: id = app.route.course; break;
    case Screen::Facilitator: id = app.facilitator.course; break;
    case Screen::Catalog:
    case Screen::Settings:
    case Screen::About:
    case Screen::Learners:
    case Screen::Progress:
    case Screen::Plans: break;
  }
  const Course* course = id.empty() ? nullptr : find_course(*language, id);
  return course && !course->text_loaded ? course : nullptr;
}

bool load_course_text(AppState& app, Platform& platform) {
  const Course* course = course_needing_text(app);
  if (!course) return false;
  auto& packs = app.course_packs;
  const std::string name = pack_of(*course);
  if (packs.errors.contains(name)) return false;  // said on screen; "Try again" asks again
  // Read with the lesson code only (app/code_module.h); until it is here the pack waits, downloaded.
  if (auto bytes = app.lesson_code.ready ? platform.take_asset(name) : std::nullopt) {
    packs.requested.erase(name);
    packs.progress.erase(name);
    if (std::string error = take_course(app, name, *course, *bytes); !error.empty()) packs.errors[name] = error;
    return true;
  }
  if (!packs.requested.contains(name)) {
    packs.requested.insert(name);
    platform.request_asset(name);
    return true;
  }
  if (std::string error = platform.asset_error(name); !error.empty()) {
    packs.requested.erase(name);
    packs.progress.erase(name);
    packs.errors[name] = error;
    return true;
  }
  const Platform::AssetProgress now = platform.asset_progress(name);
  Platform::AssetProgress& shown = packs.progress[name];
  if (now.received == shown.received && now.total == shown.total) return false;
  shown = now;
  return true;
}

CourseTextStatus course_text_status(const AppState& app, const Course& course) {
  if (course.text_loaded) return {};
  const std::string name = pack_of(course);
  const auto& packs = app.course_packs;
  if (auto error = packs.errors.find(name); error != packs.errors.end())
    return CourseTextStatus{.state = CourseTextStatus::State::Failed, .error = error->second};
  const AppState::CodeModule& code = app.lesson_code;
  if (!code.error.empty()) return CourseTextStatus{.state = CourseTextStatus::State::Failed, .error = code.error};
  // One bar for what the course still waits for: its pack and, the first time, the lesson code.
  Platform::AssetProgress pack;
  if (auto progress = packs.progress.find(name); progress != packs.progress.end()) pack = progress->second;
  const Platform::AssetProgress both = with_code(pack, code);
  return CourseTextStatus{.state = CourseTextStatus::State::Downloading, .received = both.received, .total = both.total};
}

bool apply(AppState& app, Platform& platform, const RetryCourseDownload& action) {
  const Language* language = app.catalog.find_language(app.language);
  const Course* course = language ? find_course(*language, action.course) : nullptr;
  const bool code_failed = !app.lesson_code.error.empty();
  app.lesson_code.error.clear();  // apply_action's poll then asks for it again
  if (!course || course->text_loaded) return code_failed;
  app.course_packs.errors.erase(pack_of(*course));
  return true;
}

}  // namespace siaga
