// code_module.cpp — code downloaded when a screen first needs it (see code_module.h).
#include "app/code_module.h"

#include "app/course_packs.h"
#include "app/facilitator_code.h"
#include "core/bank.h"
#include "core/door.h"

namespace siaga {

bool poll_code_module(AppState::CodeModule& code, Platform& platform, const char* asset, bool needed, bool usable) {
  if (code.ready) return false;
  if (!code.requested) {
    if (!needed || !code.error.empty()) return false;  // a failure waits for "Try again"
    platform.request_asset(asset);
    code.requested = true;
    return true;
  }
  if (std::string error = platform.asset_error(asset); !error.empty()) {
    code.error = std::move(error);
    code.requested = false;
    return true;
  }
  if (usable && platform.take_asset(asset)) {
    code.ready = true;
    code.requested = false;
    return true;
  }
  const Platform::AssetProgress now = platform.asset_progress(asset);
  const bool changed = now.received != code.progress.received || now.total != code.progress.total;
  code.progress = now;
  return changed;
}

Platform::AssetProgress with_code(Platform::AssetProgress own, const AppState::CodeModule& code) {
  if (code.ready) return own;
  const bool sizes_known = own.total > 0 && code.progress.total > 0;
  return {own.received + code.progress.received, sizes_known ? own.total + code.progress.total : 0};
}

bool lesson_code_needed(const AppState& app) {
  return course_needing_text(app) != nullptr ||
         (app.route.screen == Screen::Module && app.route.course == kBankCourseId) ||
         (app.bank.offer && app.bank.stored && !app.bank.imported) || facilitator_code_needed(app);
}

bool read_stored_bank(AppState& app) {
  if (!app.lesson_code.ready || !app.bank.stored || app.bank.imported) return false;
  app.bank.imported = door(import_bank)(*app.bank.stored);
  return true;
}

bool fetch_for_screen(AppState& app, Platform& platform) {
  bool changed = poll_code_module(app.lesson_code, platform, kLessonCodeAsset, lesson_code_needed(app));
  if (read_stored_bank(app)) changed = true;
  if (load_course_text(app, platform)) changed = true;
  if (poll_facilitator_code(app, platform)) changed = true;
  return changed;
}

}  // namespace siaga
