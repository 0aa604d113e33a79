// controller.h — applies what the screens ask for to AppState, through the Platform: loading content
// packs, switching language, navigating, saving settings. No ImGui, no browser: the same code runs
// in the page and in native tests with an in-memory platform.
#pragma once

#include <string>
#include <vector>

#include "app/actions.h"
#include "app/app_state.h"
#include "core/i18n.h"
#include "platform/platform.h"

namespace siaga {

inline constexpr const char* kLanguagesAsset = "languages.json";  // written by siaga-pack

std::string pack_asset_name(std::string_view language);  // "content-id.pack"

// What a right-to-left language needs besides its pack: the shaper (web: the separately loaded
// rtl-shaper module, which the bridge loads with the Regular face; native: linked in) and the faces.
inline constexpr const char* kRtlShaperAsset = "rtl-shaper.wasm";
inline constexpr const char* kArabicRegularAsset = "NotoSansArabicUI-Regular.ttf";
inline constexpr const char* kArabicBoldAsset = "NotoSansArabicUI-Bold.ttf";

// Reads settings and the address, picks the language, and takes the content pack the page
// prefetched (or asks for it). Returns true when content for the chosen language is loaded.
bool start_app(AppState& app, Platform& platform);

// Applies one action (app/actions.h) with its handler (app/handlers.h). Returns true if anything
// visible changed.
bool apply_action(AppState& app, Platform& platform, const Action& action);

// Checks for an awaited content pack and for an address changed by the back button.
// Returns true if anything visible changed.
bool poll_app(AppState& app, Platform& platform);

// In an LMS, sends the launched course's state (status, score, progress as suspend data) and commits it.
void report_to_lms(AppState& app, Platform& platform);

// Interface text for the active language.
UiText ui_text(const AppState& app);

}  // namespace siaga
