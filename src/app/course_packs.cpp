#include "app/course_packs.h"

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
  if (auto bytes = platform.take_asset(name)) {
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
  CourseTextStatus status{.state = CourseTextStatus::State::Downloading};
  if (auto progress = packs.progress.find(name); progress != packs.progress.end()) {
    status.received = progress->second.received;
    status.total = progress->second.total;
  }
  return status;
}

bool apply(AppState& app, Platform& platform, const RetryCourseDownload& action) {
  const Language* language = app.catalog.find_language(app.language);
  const Course* course = language ? find_course(*language, action.course) : nullptr;
  if (!course || course->text_loaded) return false;
  app.course_packs.errors.erase(pack_of(*course));
  load_course_text(app, platform);
  return true;
}

}  // namespace siaga
