// code_module.h — code the web build downloads the first time a screen needs it.
//
// tools/split-wasm.py cuts two modules out of siaga.wasm. Each is entered only through door() calls
// (core/door.h), so everything reachable through its doors and from nothing else leaves the first
// download:
// - siaga-lessons.wasm, the lesson code: reading a course's Markdown and quizzes (the doors
//   parse_module and parse_markdown, in core/catalog.cpp and core/content.cpp) and the screens that
//   draw them (draw_module, draw_quiz, draw_blocks, in ui/), and the GIFT parser that reads the
//   facilitator's practice bank (import_bank, core/bank.h). A language pack's catalog is built from
//   course indexes and parses no Markdown, so the catalog needs none of it. It is asked for together
//   with the first course pack, and a pack is read only once it is here; so a course whose text is
//   loaded (Course::text_loaded) can always be drawn.
// - siaga-facilitator.wasm (app/facilitator_code.h), which calls into the lesson code (the projector
//   draws lessons), so it is made ready only after the lesson code is.
// The page instantiates a module against the portal's own exports (web/bridge/code.js), then C++ is
// handed an empty asset. Natively both are linked in: ready from the start, nothing downloaded.
#pragma once

#include "app/app_state.h"
#include "platform/platform.h"

namespace siaga {

inline constexpr const char* kLessonCodeAsset = "siaga-lessons.wasm";

// Asks for `asset` once while `needed`; marks `code` ready when it has arrived and `usable` (false
// while a module it calls into is still missing: it is kept until then); records why it could not be
// downloaded (a failure waits for the screen's "Try again"); follows its progress. True if anything
// visible changed.
bool poll_code_module(AppState::CodeModule& code, Platform& platform, const char* asset, bool needed,
                      bool usable = true);

// A download's progress with that of `code` added while it is still coming, for one bar over both
// (total 0 = not known, until both sizes are).
Platform::AssetProgress with_code(Platform::AssetProgress own, const AppState::CodeModule& code);

// The screen needs the lesson code: a course's lessons (app/course_packs.h), the practice quiz (or
// the catalog's card for it, which counts its questions), or the facilitator's tools.
bool lesson_code_needed(const AppState& app);

// Reads the bank stored on this device (app.bank.imported) once the lesson code is ready: at start
// when it is linked in, else as soon as it has arrived. True if it did.
bool read_stored_bank(AppState& app);

// Everything the current screen downloads when it first needs it, in order: the lesson code (and the
// stored bank read with it), the course's pack, the facilitator's code. True if anything visible changed.
bool fetch_for_screen(AppState& app, Platform& platform);

}  // namespace siaga
