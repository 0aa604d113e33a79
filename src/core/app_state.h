// app_state.h — the one state of the app, owned by main, read by the UI, changed only by actions.
#pragma once

#include <string>
#include <vector>

#include "core/content.h"
#include "core/route.h"
#include "core/settings.h"

namespace siaga {

struct AppState {
  Catalog catalog;                  // languages loaded so far (immutable once loaded)
  std::vector<Diagnostic> content_diagnostics;
  std::string language = "en";      // active interface + content language
  std::string pending_language;     // requested, its content pack still downloading
  std::string language_error;       // the pack of pending_language failed to load
  Route route;
  Settings settings;
  bool storage_available = true;    // false: nothing can be saved on this device (session in memory)
  bool storage_write_failed = false;
  bool settings_damaged = false;
};

// What a screen asks for; main applies it after the frame (the UI never changes state itself).
struct Action {
  enum class Kind { SetLanguage, Navigate, OpenExternal, SectionReached };
  Kind kind = Kind::Navigate;
  std::string text;  // SetLanguage: tag; OpenExternal: url
  Route route;       // Navigate, SectionReached
};

}  // namespace siaga
