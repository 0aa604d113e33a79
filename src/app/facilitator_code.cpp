// facilitator_code.cpp — the doors into the facilitator's code (see facilitator_code.h).
#include "app/facilitator_code.h"

#include "app/code_module.h"
#include "app/facilitator.h"
#include "app/handlers.h"

namespace siaga {

bool is_facilitator_action(const Action& action) {
  return std::visit([]<class A>(const A&) { return kFacilitatorAction<A>; }, action);
}

namespace {
// One direct call per action type, with no table of function pointers (std::visit would build one,
// and a function in a table cannot be moved to the other module), so every handler is reached only
// from here.
template <class... Listed>
bool apply_listed(AppState& app, Platform& platform, const Action& action, ActionList<Listed...>) {
  bool changed = false;
  ([&] { if (const Listed* typed = std::get_if<Listed>(&action)) changed = apply(app, platform, *typed); }(), ...);
  return changed;
}
}  // namespace

bool apply_facilitator_action(AppState& app, Platform& platform, const Action& action) {
  return apply_listed(app, platform, action, FacilitatorActions{});
}

bool is_facilitator_file(const AppState& app, const Platform::PickedFile& file) {
  return file.purpose == "import-results" || file.purpose == "open-bank" ||
         (file.purpose == "dropped" && app.route.screen == Screen::Facilitator);
}

void take_facilitator_file(AppState& app, Platform& platform, const Platform::PickedFile& file) {
  if (file.purpose == "import-results") import_result_file(app, platform, file);
  else open_bank(app, platform, file);
}

bool is_facilitator_screen(Screen screen) {
  return screen == Screen::Facilitator || screen == Screen::Plans || screen == Screen::Present ||
         screen == Screen::GroupQuiz;
}

bool facilitator_code_needed(const AppState& app) {
  return is_facilitator_screen(app.route.screen) || app.held_facilitator_file.has_value();
}

bool poll_facilitator_code(AppState& app, Platform& platform) {
  // The projector and paper tests call into the lesson code (app/code_module.h): usable only with it.
  bool changed = poll_code_module(app.facilitator_code, platform, kFacilitatorCodeAsset, facilitator_code_needed(app),
                                  app.lesson_code.ready);
  if (app.facilitator_code.ready && app.held_facilitator_file) {
    const Platform::PickedFile file = std::move(*app.held_facilitator_file);
    app.held_facilitator_file.reset();
    door(take_facilitator_file)(app, platform, file);
    changed = true;
  }
  return changed;
}

bool apply(AppState& app, Platform&, const RetryFacilitatorCode&) {
  app.facilitator_code.error.clear();  // apply_action's poll then asks for them again
  app.lesson_code.error.clear();
  return true;
}

}  // namespace siaga
