// app_state.h — the one state of the app, owned by main, read by the UI, changed only by actions
// (app/actions.h, applied by the handlers in src/app).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/bank.h"
#include "core/content.h"
#include "core/i18n.h"
#include "core/paste_scan.h"
#include "core/paper.h"
#include "core/plan.h"
#include "core/progress.h"
#include "core/quiz.h"
#include "core/result_code.h"
#include "core/route.h"
#include "core/settings.h"
#include "platform/platform.h"

namespace siaga {

struct AppState {
  Catalog catalog;                  // languages loaded so far (immutable once loaded)
  std::vector<ShippedLanguage> languages;  // every language the build ships (languages.json)
  std::set<std::string> loaded_packs;      // content packs already in the catalog
  std::vector<Diagnostic> content_diagnostics;
  std::string language = "en";      // active interface + content language
  std::string pending_language;     // requested, its content pack still downloading
  std::string language_error;       // the pack of pending_language failed to load
  // Bytes of pending_language's files received so far, of their total (the switch's progress bar;
  // a right-to-left language's first switch also brings the shaper module and the Arabic faces).
  int64_t language_received = 0, language_total = 0;
  std::map<std::string, std::pair<int64_t, int64_t>> language_files;  // per file: received, total
  // Right-to-left languages (fa, ar) need the shaper module and the Arabic faces besides their pack
  // (controller.h: kRtlAssets); they arrive with the first such language and stay for the session.
  struct RtlAssets {
    bool shaper_ready = false;        // the platform can shape (Platform::shape_text)
    std::string regular, bold;        // NotoSansArabicUI TTF bytes with the private-use cmap
    int generation = 0;               // bumped when a face arrives (the atlas is rebuilt)
  };
  RtlAssets rtl;
  // The lessons of a course come in its own pack (course-<lang>-<course>.pack, app/course_packs.h)
  // when a screen first needs them; until then the course is its index (Course::text_loaded false).
  struct CoursePacks {
    std::set<std::string> requested;                 // asked for, not yet arrived
    std::map<std::string, std::string> errors;       // pack name -> why it could not be loaded
    std::map<std::string, Platform::AssetProgress> progress;  // of the requested ones, as last seen
  };
  CoursePacks course_packs;
  // Code that the web build keeps out of the first download (app/code_module.h): on the web a module of
  // its own, downloaded the first time a screen needs it; natively linked in (ready from the start).
  struct CodeModule {
    bool ready = true;
    bool requested = false;           // asked for, not yet arrived
    std::string error;                // why it could not be downloaded ("" = none)
    Platform::AssetProgress progress;  // while it downloads
  };
  CodeModule lesson_code;       // lessons and quizzes: Markdown, the reader, quiz screens (app/code_module.h)
  CodeModule facilitator_code;  // the facilitator's tools (app/facilitator_code.h); needs lesson_code too
  // A file a facilitator picked or dropped before that code arrived: read once it has.
  std::optional<Platform::PickedFile> held_facilitator_file;
  Route route;
  // The page's address as poll_app last read it and its route, parsed once per address, not per frame.
  struct Address {
    std::string hash;
    Route route;
  } address;
  Settings settings;
  // The device's storage as the device store (app/device_store.h) found it.
  struct StorageState {
    bool available = true;             // false: nothing can be saved on this device (session in memory)
    bool write_failed = false;         // the last write was refused (full, blocked); the next success clears it
    std::vector<std::string> blocked;  // keys whose unreadable text could not be set aside: never written
  };
  StorageState storage;
  bool settings_damaged = false;       // the stored settings could not be read: defaults are in use

  // Learners on this device, and the one signed in ("" = nobody; guests read but save nothing).
  ProfileStore profiles;
  std::string profile_id;
  bool guest = false;
  LearnerProgress progress;      // the signed-in learner's
  int64_t last_input_at = 0;     // for idle sign-out

  // Plain-words notes about stored data: what was set aside, imported, or could not be saved.
  struct DataNotice {
    std::string key;     // interface string key
    std::string detail;  // filled into {0}
    bool error = false;
  };
  std::vector<DataNotice> data_notices;
  std::string form_error_key;    // the profile/PIN form's current problem (interface string key)
  std::string form_error_detail;

  // Practice questions whose feedback is showing: "<attempt id>/<question id>". Cleared when the answer
  // changes, so feedback always belongs to the answer on screen.
  std::set<std::string> checked_questions;

  bool lms_mode = false;         // launched by a SCORM LMS: one learner, progress kept by the LMS too
  std::string lms_course;        // the course the LMS launched

  // ---- Facilitator tools (src/app/facilitator.cpp, src/ui/facilitator_view.cpp) ----
  struct FacilitatorState {
    std::string course;                      // the course whose knowledge check is open ("" = none)
    std::vector<ResultRecord> records;       // kept results of that course (also in storage)
    std::vector<std::string> unreadable;     // stored lines that could not be read: kept, written back
    std::vector<ScanLine> scan;              // the last "Check codes" report
    struct ImportNote {
      std::string key;     // interface string key
      std::string file;    // {0}
      std::string detail;  // {1}
    };
    std::vector<ImportNote> notes;           // imported files, other-course codes, storage problems
    std::vector<PaperRow> paper_rows;        // the answer grid of paper tests (also in storage)
    bool paper_unreadable = false;           // the stored grid could not be read: it is never written over
  };
  FacilitatorState facilitator;

  // ---- The facilitator's question bank (src/app/facilitator.cpp; stored under siaga.bank) ----
  struct BankState {
    std::optional<QuestionBank> stored;  // the bank kept on this device, if any
    // What its text gives. Read with the lesson code (parse_gift is in it; app/code_module.h): set
    // whenever stored is and the lesson code is ready, and not before.
    std::optional<BankImport> imported;
    std::string note_key;                // the last open's problem or outcome (interface string key)
    std::string note_detail;             // {0} of note_key: the file's name
    std::vector<Diagnostic> refused_unsaved;  // a file that gave no question: why, question by question
    // Offered to learners on this device as a practice quiz (stored under siaga.bank-offer); set only
    // while it is for the stored bank.
    std::optional<BankOffer> offer;
    // The practice attempts on the offered bank: this session and this learner only (profile_id; ""
    // for a guest), never saved, counted for no course.
    LearnerProgress practice;
  };
  BankState bank;

  // ---- Session plans (src/app/plans.cpp, src/ui/plan_view.cpp): device-wide, not per learner ----
  struct PlansState {
    PlanStore store;
    std::string error_key;       // the last plan action's problem (interface string key), "" = none
  };
  PlansState plans;
  bool fullscreen = false;  // the page fills the screen (the presenter view's projector mode)
};

// Where a quiz of `course_id` keeps its attempts: the learner's progress, or for the offered question
// bank this session's practice (empty when it belongs to someone who has signed out since).
inline const LearnerProgress& attempts_of(const AppState& app, std::string_view course_id) {
  static const LearnerProgress kNone;
  if (course_id != kBankCourseId) return app.progress;
  return app.bank.offer && app.bank.practice.profile_id == app.profile_id ? app.bank.practice : kNone;
}

}  // namespace siaga
