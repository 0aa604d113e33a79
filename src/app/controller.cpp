#include "app/controller.h"

#include <variant>

#include "app/course_packs.h"
#include "app/device_store.h"
#include "app/code_module.h"
#include "app/facilitator_code.h"
#include "app/handlers.h"
#include "app/learner.h"
#include "app/plans.h"
#include "core/lms.h"

namespace siaga {

namespace {

// Parses a pack and adds its language(s) to the catalog. Returns "" or the reason it failed.
std::string add_pack(AppState& app, std::string_view pack_name, std::string_view bytes) {
  auto files = read_pack(bytes, pack_name);
  if (has_errors(files.diagnostics)) return files.diagnostics.front().to_string();
  auto built = build_catalog(files.value);
  for (auto& d : built.diagnostics) app.content_diagnostics.push_back(std::move(d));
  if (built.value.languages.empty()) return std::string(pack_name) + ": no content in this file";
  // A pack carries its language plus the English interface strings (the fallback for any string a
  // translation lacks); an interface-only language never replaces one that has courses.
  for (auto& language : built.value.languages) {
    Language* existing = nullptr;
    for (auto& have : app.catalog.languages)
      if (have.tag == language.tag) existing = &have;
    if (!existing) app.catalog.languages.push_back(std::move(language));
    else if (!language.courses.empty()) *existing = std::move(language);
    else if (existing->ui.by_key.empty()) existing->ui = std::move(language.ui);
  }
  app.loaded_packs.insert(std::string(pack_name));
  return "";
}

const ShippedLanguage* find_shipped(const AppState& app, std::string_view tag) {
  for (const ShippedLanguage& language : app.languages)
    if (language.tag == tag) return &language;
  return nullptr;
}

// The packs a language needs: its own, and en's when it is partial (courses shown in English, and
// English for the interface strings it lacks).
std::vector<std::string> packs_for(const AppState& app, const std::string& tag) {
  std::vector<std::string> packs = {pack_asset_name(tag)};
  const ShippedLanguage* shipped = find_shipped(app, tag);
  if (tag != "en" && shipped && shipped->partial) packs.push_back(pack_asset_name("en"));
  return packs;
}

// The shaper's arrival, or an Arabic face (kept for the atlas). Returns "" or why it is unusable.
std::string take_rtl_asset(AppState& app, const std::string& name, std::string bytes) {
  if (name == kRtlShaperAsset) {
    app.rtl.shaper_ready = true;
  } else {
    if (bytes.size() < 12) return name + ": not a font file";
    (name == kArabicBoldAsset ? app.rtl.bold : app.rtl.regular) = std::move(bytes);
    ++app.rtl.generation;
  }
  app.loaded_packs.insert(name);
  return "";
}

void activate_language(AppState& app, Platform& platform, const std::string& tag) {
  Language* language = nullptr;
  const Language* english = app.catalog.find_language("en");
  for (Language& have : app.catalog.languages)
    if (have.tag == tag) language = &have;
  if (language && english) add_fallback_courses(*language, *english);
  app.language = tag;
  app.pending_language.clear();
  platform.set_document_language(tag);
  const UiText text = ui_text(app);
  platform.set_page_text(text("page.update_ready"), text("page.reload"));
  DeviceStore(app, platform).remember_prefetch(packs_for(app, tag));
}

void save_settings(AppState& app, Platform& platform) { DeviceStore(app, platform).save_settings(); }

// Brings the packs `tag` needs into the catalog and makes it the active language once they are all
// in. Packs that have not arrived are asked for once (ask) and awaited (poll_app calls again with
// ask = false); a pack that fails leaves the current language as it was, with the reason.
// Returns true when something visible changed.
bool load_language(AppState& app, Platform& platform, const std::string& tag, bool ask) {
  if (ask) app.language_error.clear();
  bool waiting = false;
  std::vector<std::string> needed = packs_for(app, tag);
  if (is_right_to_left(tag)) needed.insert(needed.end(), {kRtlShaperAsset, kArabicRegularAsset, kArabicBoldAsset});
  for (const std::string& name : needed) {
    if (app.loaded_packs.contains(name)) continue;
    std::string error;
    if (auto bytes = platform.take_asset(name)) {
      error = name.ends_with(".pack") ? add_pack(app, name, *bytes) : take_rtl_asset(app, name, std::move(*bytes));
      if (error.empty()) continue;
    } else if (!ask) {
      error = platform.asset_error(name);
    }
    if (!error.empty()) {
      app.language_error = error;
      app.pending_language.clear();
      return true;
    }
    if (ask) platform.request_asset(name);
    waiting = true;
  }
  if (waiting) {
    bool changed = app.pending_language != tag;
    if (changed) app.language_files.clear();
    app.pending_language = tag;
    int64_t received = 0, total = 0;
    for (const std::string& name : needed) {
      auto& [got, of] = app.language_files[name];
      if (app.loaded_packs.contains(name)) {
        got = of;  // arrived: counted whole
      } else {
        const Platform::AssetProgress progress = platform.asset_progress(name);
        if (progress.total > 0) {
          got = progress.received;
          of = progress.total;
        }
      }
      received += got;
      total += of;
    }
    if (received != app.language_received || total != app.language_total) changed = true;
    app.language_received = received;
    app.language_total = total;
    return changed || ask;
  }
  activate_language(app, platform, tag);
  return true;
}

// Launched by an LMS: one learner (the LMS's), progress restored from the LMS, no learner screen.
void start_in_lms(AppState& app, Platform& platform) {
  app.lms_mode = true;
  app.lms_course = platform.lms_course();
  app.profile_id = "lms";
  app.progress = LearnerProgress{};
  app.progress.profile_id = "lms";
  if (const std::string data = platform.lms_resume_data(); !data.empty()) {
    auto decoded = decode_suspend_data(data);
    if (decoded.ok()) {
      app.progress = merge_progress(app.progress, *decoded.value);
      app.progress.profile_id = "lms";
    } else {
      DeviceStore(app, platform).notify("data.set_aside", decoded.reason, true);
    }
  }
  if (app.route.screen == Screen::Catalog && !app.lms_course.empty())
    app.route = Route{.screen = Screen::Course, .course = app.lms_course};
}

}  // namespace

// In an LMS, the launched course's state goes to the LMS after every change (SCORM 1.2: status,
// score, and the progress itself as suspend data, so the learner resumes on any device).
void report_to_lms(AppState& app, Platform& platform) {
  if (!app.lms_mode) return;
  const Language* language = app.catalog.find_language(app.language);
  const Course* course = language ? find_course(*language, app.lms_course) : nullptr;
  if (!course) return;
  const LmsStatus status = lms_status(*course, app.progress);
  platform.lms_report(Platform::LmsReport{status.lesson_status, status.score_raw,
                                          encode_suspend_data(app.progress, course->id)});
}

std::string pack_asset_name(std::string_view language) { return "content-" + std::string(language) + ".pack"; }

bool start_app(AppState& app, Platform& platform) {
  app.storage.available = platform.storage_available();
  app.lesson_code.ready = app.facilitator_code.ready = !platform.code_modules_separate();
  DeviceStore(app, platform).load_settings();
  if (auto index = platform.take_asset(kLanguagesAsset)) app.languages = parse_shipped_languages(*index);
  if (app.languages.empty())  // no index (an old assets folder): offer the languages the portal knows
    for (const std::string_view tag : known_language_tags()) app.languages.push_back(ShippedLanguage{std::string(tag)});
  std::vector<std::string> tags;
  for (const ShippedLanguage& shipped : app.languages) tags.push_back(shipped.tag);
  std::string language = canonical_language(app.settings.language);
  if (!find_shipped(app, language)) language = negotiate_language(platform.preferred_languages(), tags, "en");
  app.address.hash = platform.current_hash();
  app.address.route = parse_route(app.address.hash);
  app.route = app.address.route;
  load_language(app, platform, language, true);
  if (platform.lms_connected()) {
    start_in_lms(app, platform);
    report_to_lms(app, platform);
  } else {
    start_learners(app, platform);
  }
  DeviceStore(app, platform).load_plans();
  DeviceStore(app, platform).load_bank();
  DeviceStore(app, platform).load_bank_offer();
  fetch_for_screen(app, platform);
  return app.pending_language.empty();
}

bool apply_action(AppState& app, Platform& platform, const Action& action) {
  bool changed = false;
  if (is_facilitator_action(action)) {
    // Through the door (app/facilitator_code.h), once its code is here; the screens that send these
    // actions are not drawn before that.
    if (app.facilitator_code.ready) changed = door(apply_facilitator_action)(app, platform, action);
  } else {
    changed = std::visit(
        [&]<class A>(const A& typed) {
          if constexpr (kFacilitatorAction<A>) {
            return false;  // handled above: this visitor must not call the facilitator's code itself
          } else {
            static_assert(HasHandler<A>, "an Action type needs `bool apply(AppState&, Platform&, const A&)` in app/handlers.h");
            return apply(app, platform, typed);
          }
        },
        action);
  }
  // A screen that now needs a course's lessons, or code it lacks, asks for it at once.
  return fetch_for_screen(app, platform) || changed;
}

// [SECTION] Shell actions: language, navigation, device settings ---------------------------------------

bool apply(AppState& app, Platform& platform, const SetLanguage& action) {
  app.settings.language = action.tag;
  save_settings(app, platform);
  return load_language(app, platform, action.tag, true);
}

bool apply(AppState& app, Platform& platform, const Navigate& action) {
  if (app.route == action.route) return false;
  app.route = action.route;
  platform.push_hash(route_to_hash(app.route));
  return true;
}

bool apply(AppState&, Platform& platform, const OpenExternal& action) {
  platform.open_external_link(action.url);
  return false;
}

bool apply(AppState& app, Platform& platform, const SectionReached& action) {
  // The address follows the section on screen so a reload lands on it; progress records it.
  if (app.route.screen == Screen::Module && app.route.section.empty() && !action.route.section.empty()) {
    app.route.section = action.route.section;
    platform.push_hash(route_to_hash(app.route));
  }
  if (app.lms_mode && record_section_reached(app.progress, action.route.course, action.route.module,
                                             action.route.section, platform.now_ms()))
    report_to_lms(app, platform);
  record_section_for_learner(app, platform, action.route);
  return false;
}

bool apply(AppState& app, Platform& platform, const SetTextSize& action) {
  if (action.step < 0 || action.step >= kTextSizeCount || app.settings.text_size == action.step) return false;
  app.settings.text_size = action.step;
  save_settings(app, platform);
  return true;
}

bool apply(AppState& app, Platform& platform, const SetTheme& action) {
  if (!is_known_theme(action.theme) || app.settings.theme == action.theme) return false;
  app.settings.theme = action.theme;
  save_settings(app, platform);
  return true;
}

bool poll_app(AppState& app, Platform& platform) {
  bool changed = false;
  if (!app.pending_language.empty() && load_language(app, platform, std::string(app.pending_language), false))
    changed = true;
  if (poll_learners(app, platform)) changed = true;
  if (const bool full = platform.fullscreen(); full != app.fullscreen) {
    app.fullscreen = full;
    changed = true;
  }
  if (std::string hash = platform.current_hash(); hash != app.address.hash) {
    app.address.route = parse_route(hash);
    app.address.hash = std::move(hash);
  }
  if (!(app.address.route == app.route)) {
    app.route = app.address.route;
    changed = true;
  }
  if (fetch_for_screen(app, platform)) changed = true;
  return changed;
}

UiText ui_text(const AppState& app) {
  const Language* active = app.catalog.find_language(app.language);
  const Language* english = app.catalog.find_language("en");
  return UiText(active ? &active->ui : nullptr, english ? &english->ui : nullptr);
}

}  // namespace siaga
