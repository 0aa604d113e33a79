// app_state.h — the one state of the app, owned by main, read by the UI, changed only by actions.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/content.h"
#include "core/paper.h"
#include "core/plan.h"
#include "core/progress.h"
#include "core/quiz.h"
#include "core/result_code.h"
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

  // ---- Session plans (src/app/plans.cpp, src/ui/plan_view.cpp): device-wide, not per learner ----
  struct PlansState {
    PlanStore store;
    bool write_blocked = false;  // stored plans could not be read nor set aside: never write over them
    std::string error_key;       // the last plan action's problem (interface string key), "" = none
  };
  PlansState plans;
  bool fullscreen = false;  // the page fills the screen (the presenter view's projector mode)
};

// What a screen asks for; main applies it after the frame (the UI never changes state itself).
struct Action {
  enum class Kind {
    SetLanguage, Navigate, OpenExternal, SectionReached,
    CreateProfile, SignIn, ContinueAsGuest, SignOut, RemoveMyData, ExportProgress, ImportProgress,
    SetIdleSignOut, DismissNotice,
    StartQuiz, AnswerQuestion, CheckQuestion, SubmitQuiz,
    // Facilitator tools and result codes (src/app/facilitator.cpp):
    DownloadResultFile,       // text: file name, text2: result_file_json
    FacilitatorChooseCourse,  // text: course id
    FacilitatorCheckCodes,    // text: course id, text2: pasted text
    FacilitatorImportFiles,   // asks for result files (picked files arrive with purpose "import-results")
    FacilitatorDownloadCsv,   // the open course's report as CSV
    FacilitatorClearResults,  // forgets the open course's results (after the UI asked to confirm)
    // Paper tests and the answer grid (src/app/facilitator.cpp); number: 0 pretest, 1 posttest.
    FacilitatorPrintPaper,    // text: course id, text2: "test" (the sheet) or "key" (the answer key)
    FacilitatorPaperAddRow,   // text: course id
    FacilitatorPaperEdit,     // text: course id, number: row, number2: cell (-1 = the label), text2: typed
    FacilitatorPaperRemoveRow,// text: course id, number: row
    // The signed-in learner's certificate (src/app/learner.cpp): text: course id; number: 0 print, 1 file.
    GetCertificate,
    SetTextSize, SetTheme,    // device settings (number: text size step; text: theme name)
    // Session plans (src/app/plans.cpp):
    PlanCreate,               // text: course id; opens the new plan
    PlanSave,                 // plan: the whole edited plan (the UI edits a copy with core/plan.h)
    PlanDelete,               // text: plan id (after the UI asked to confirm)
    PlanPrint,                // text: plan id; the printable page is downloaded as HTML
    SetFullscreen,            // number: 1 = ask for full screen, 0 = leave it (must follow a click or key)
  };
  Kind kind = Kind::Navigate;
  std::string text;    // SetLanguage: tag; SetTheme: "light", "dark" or "contrast"; OpenExternal: url; CreateProfile: name; SignIn: profile id;
                       // quiz actions: quiz id (StartQuiz) or attempt id
  std::string text2;   // CreateProfile, SignIn: PIN ("" = none); AnswerQuestion, CheckQuestion: question id
  Route route;         // Navigate, SectionReached; quiz actions: course and module
  int number = 0;      // CreateProfile: colour; SetIdleSignOut: minutes; DismissNotice: index;
                       // SetTextSize: 0..kTextSizeCount-1
  int number2 = 0;     // FacilitatorPaperEdit: the cell (-1 = the label)
  Answer answer;       // AnswerQuestion
  SessionPlan plan;    // PlanSave
};

}  // namespace siaga
