// learner.cpp — learners on a shared device and their progress (quizzes: quizzes.cpp). Every change (an answer,
// a section reached, a submitted quiz) is saved at once through the device store (app/device_store.h),
// which merges what another tab saved meanwhile and keeps the persistence rules.
//
// [SECTION] Storage helpers
// [SECTION] Profiles and sessions
// [SECTION] Export and import
// [SECTION] Entry points
#include "app/learner.h"

#include "app/controller.h"
#include "app/device_store.h"
#include "app/facilitator.h"
#include "app/code_module.h"
#include "app/facilitator_code.h"
#include "app/handlers.h"
#include "core/course_status.h"
#include "core/sha256.h"

namespace siaga {

namespace {

constexpr int64_t kSessionResumeMs = 30LL * 60 * 1000;  // reopened within this time: still signed in

// [SECTION] Storage helpers ---------------------------------------------------------------------------

void notify(AppState& app, Platform& platform, std::string key, std::string detail = "", bool error = false) {
  DeviceStore(app, platform).notify(std::move(key), std::move(detail), error);
}

void save_progress(AppState& app, Platform& platform) { DeviceStore(app, platform).save_progress(); }
bool save_profiles(AppState& app, Platform& platform) { return DeviceStore(app, platform).save_profiles(); }
void save_session(AppState& app, Platform& platform) { DeviceStore(app, platform).save_session(); }

// [SECTION] Profiles and sessions ---------------------------------------------------------------------

void sign_in(AppState& app, Platform& platform, const std::string& profile_id) {
  app.profile_id = profile_id;
  app.guest = false;
  app.form_error_key.clear();
  app.checked_questions.clear();
  app.bank.practice = LearnerProgress{};  // the practice quiz's answers leave with the learner
  app.progress = DeviceStore(app, platform).load_progress(profile_id).value_or(LearnerProgress{});
  app.progress.profile_id = profile_id;
  app.last_input_at = platform.now_ms();
  save_session(app, platform);
}

void sign_out(AppState& app, Platform& platform) {
  app.profile_id.clear();
  app.guest = false;
  app.progress = LearnerProgress{};
  app.checked_questions.clear();
  app.bank.practice = LearnerProgress{};  // the practice quiz's answers leave with the learner
  save_session(app, platform);
}

void form_error(AppState& app, std::string key, std::string detail = "") {
  app.form_error_key = std::move(key);
  app.form_error_detail = std::move(detail);
}

bool create_profile(AppState& app, Platform& platform, const CreateProfile& action) {
  if (auto problem = profile_name_problem(action.name)) {
    form_error(app, "learners.name_problem", *problem);
    return true;
  }
  Profile profile;
  profile.id = "p" + to_hex(platform.random_bytes(6));
  profile.name = action.name;
  profile.colour = action.colour;
  profile.created_at = platform.now_ms();
  if (!action.pin.empty()) {
    auto pin = make_pin_hash(action.pin, platform.random_bytes(kPinSaltMinBytes));
    if (!pin) {
      form_error(app, "learners.pin_problem");
      return true;
    }
    profile.pin = *pin;
  }
  app.profiles.profiles.push_back(profile);
  save_profiles(app, platform);
  sign_in(app, platform, profile.id);
  return true;
}

bool try_sign_in(AppState& app, Platform& platform, const SignIn& action) {
  const Profile* profile = find_profile(app.profiles, action.profile_id);
  if (!profile) return false;
  if (profile->pin && !verify_pin(*profile->pin, action.pin)) {
    form_error(app, "learners.wrong_pin");
    return true;
  }
  sign_in(app, platform, profile->id);
  return true;
}

void remove_my_data(AppState& app, Platform& platform) {
  if (app.profile_id.empty()) return;
  const std::string id = app.profile_id;
  remove_profile(app.profiles, id);
  save_profiles(app, platform);
  // An empty value, not a missing key: the platform's store has no delete, and an empty record
  // reads as "no progress" everywhere.
  DeviceStore(app, platform).remove_progress(id);
  sign_out(app, platform);
  notify(app, platform, "data.removed");
}

// Resumes a recent session (a reload should not sign anyone out).
void resume_session(AppState& app, Platform& platform) {
  const auto session = DeviceStore(app, platform).load_session();
  if (!session || session->profile_id.empty()) return;
  const std::string& id = session->profile_id;
  const int64_t when = session->at;
  const int64_t limit = app.profiles.idle_sign_out_minutes > 0 ? app.profiles.idle_sign_out_minutes * 60'000LL
                                                                : kSessionResumeMs;
  if (find_profile(app.profiles, id) && platform.now_ms() - when < limit) sign_in(app, platform, id);
}

// [SECTION] Export and import -------------------------------------------------------------------------

void export_my_progress(AppState& app, Platform& platform) {
  const Profile* profile = find_profile(app.profiles, app.profile_id);
  if (!profile) return;
  const std::string file = export_progress(*profile, app.progress, platform.now_ms());
  platform.download_file("siaga-progress-" + profile->name + ".json", "application/json", file);
}

const char* import_error_key(DataError error) {
  switch (error) {
    case DataError::TooLarge: return "import.too_large";
    case DataError::NotJson:
    case DataError::Foreign: return "import.foreign";
    case DataError::NewerVersion: return "import.newer";
    case DataError::Damaged: return "import.damaged";
    case DataError::Invalid:
    case DataError::None: break;
  }
  return "import.invalid";
}

void import_picked(AppState& app, Platform& platform, const Platform::PickedFile& file) {
  if (!file.error.empty()) {
    notify(app, platform, file.error == "too-large" ? "import.too_large" : "import.unreadable", file.name, true);
    return;
  }
  auto parsed = parse_export(file.bytes);
  if (!parsed.ok()) {
    notify(app, platform, import_error_key(parsed.error), file.name, true);
    return;
  }
  LearnerProgress incoming = std::move(parsed.value->progress);
  incoming.profile_id = app.profile_id;
  // Attempts keep their ids across devices, so merging twice changes nothing and newer copies win.
  app.progress = merge_progress(app.progress, incoming);
  save_progress(app, platform);
  notify(app, platform, "import.done", file.name);
}

}  // namespace

// [SECTION] Entry points ------------------------------------------------------------------------------

void start_learners(AppState& app, Platform& platform) {
  DeviceStore(app, platform).load_profiles();
  if (app.storage.available) {
    platform.request_persistent_storage();
    resume_session(app, platform);
  }
}

// [SECTION] Learner actions -------------------------------------------------------------------------

bool reported(AppState& app, Platform& platform, bool changed) {
  if (changed) report_to_lms(app, platform);
  return changed;
}

namespace {

// Whoever just came in goes from "Who is learning?" to the catalog.
void leave_learners_screen(AppState& app, Platform& platform) {
  if (app.route.screen != Screen::Learners) return;
  app.route = Route{};
  platform.push_hash(route_to_hash(app.route));
}

bool signed_in(const AppState& app) { return !app.profile_id.empty() && app.form_error_key.empty(); }

}  // namespace

bool apply(AppState& app, Platform& platform, const CreateProfile& action) {
  const bool changed = reported(app, platform, create_profile(app, platform, action));
  if (signed_in(app)) leave_learners_screen(app, platform);
  return changed;
}

bool apply(AppState& app, Platform& platform, const SignIn& action) {
  const bool changed = reported(app, platform, try_sign_in(app, platform, action));
  if (signed_in(app)) leave_learners_screen(app, platform);
  return changed;
}

bool apply(AppState& app, Platform& platform, const ContinueAsGuest&) {
  app.profile_id.clear();
  app.guest = true;
  app.progress = LearnerProgress{};
  app.bank.practice = LearnerProgress{};
  reported(app, platform, true);
  leave_learners_screen(app, platform);
  return true;
}

bool apply(AppState& app, Platform& platform, const SignOut&) {
  sign_out(app, platform);
  return reported(app, platform, true);
}

bool apply(AppState& app, Platform& platform, const RemoveMyData&) {
  remove_my_data(app, platform);
  return reported(app, platform, true);
}

bool apply(AppState& app, Platform& platform, const ExportProgress&) {
  export_my_progress(app, platform);
  return false;
}

bool apply(AppState&, Platform& platform, const ImportProgress&) {
  platform.pick_file("import-progress", ".json,application/json");
  return false;
}

bool apply(AppState& app, Platform& platform, const SetIdleSignOut& action) {
  app.profiles.idle_sign_out_minutes = action.minutes;
  save_profiles(app, platform);
  return reported(app, platform, true);
}

bool apply(AppState& app, Platform& platform, const DismissNotice& action) {
  if (action.index >= 0 && action.index < static_cast<int>(app.data_notices.size()))
    app.data_notices.erase(app.data_notices.begin() + action.index);
  return reported(app, platform, true);
}

void record_section_for_learner(AppState& app, Platform& platform, const Route& where) {
  if (!app.profile_id.empty() &&
      record_section_reached(app.progress, where.course, where.module, where.section, platform.now_ms()))
    save_progress(app, platform);
}

bool poll_learners(AppState& app, Platform& platform) {
  bool changed = false;
  if (platform.take_storage_changed()) {
    // Another tab saved: take in its learners and, for the signed-in learner, its newer attempts.
    DeviceStore store(app, platform);
    store.reload_profiles();
    if (!app.profile_id.empty())
      if (auto stored = store.load_progress(app.profile_id)) app.progress = merge_progress(app.progress, *stored);
    changed = true;
  }
  if (auto file = platform.take_picked_file(); file && file->purpose == "import-progress") {
    import_picked(app, platform, *file);
    changed = true;
  } else if (file && is_facilitator_file(app, *file)) {
    // Read through the facilitator's door once its code is here (now, or when it arrives).
    app.held_facilitator_file = std::move(*file);
    fetch_for_screen(app, platform);
    changed = true;
  }
  if (!app.profile_id.empty() && idle_sign_out_due(app.profiles, app.last_input_at, platform.now_ms())) {
    sign_out(app, platform);
    notify(app, platform, "learners.signed_out_idle");
    changed = true;
  }
  return changed;
}

void note_input(AppState& app, Platform& platform) {
  const int64_t now = platform.now_ms();
  // The session record is refreshed at most once a minute, not on every mouse move.
  if (!app.profile_id.empty() && now - app.last_input_at > 60'000) {
    app.last_input_at = now;
    save_session(app, platform);
  }
  app.last_input_at = now;
}

}  // namespace siaga
