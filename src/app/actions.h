// actions.h — what a screen can ask for: one type per intent, and Action, the variant of them all.
//
// Screens (src/ui) record actions while they draw; after the frame, apply_action (controller.cpp)
// hands each to the handler of its type with std::visit. Handlers are declared in app/handlers.h,
// one group per topic file. An action type without a handler does not compile.
//
// To add an action: add a struct here under its topic, add it to Action at the bottom, declare
// `bool apply(AppState&, Platform&, const YourAction&)` in app/handlers.h and define it in the topic's
// file. The handler returns true when anything visible changed.
//
// [SECTION] Shell: language, navigation, device settings   (controller.cpp)
// [SECTION] Learners on this device and their data         (learner.cpp)
// [SECTION] Quizzes and certificates                        (quizzes.cpp)
// [SECTION] Facilitator: result codes and paper tests      (facilitator.cpp)
// [SECTION] Facilitator: session plans and the projector   (plans.cpp)
#pragma once

#include <string>
#include <variant>

#include "core/plan.h"
#include "core/quiz.h"
#include "core/result_code.h"
#include "core/route.h"

namespace siaga {

// [SECTION] Shell: language, navigation, device settings (controller.cpp) ------------------------------

struct SetLanguage { std::string tag; };             // remembered in the settings; loads its pack if needed
struct Navigate { Route route; };                    // the address follows
struct OpenExternal { std::string url; };            // a link out of the portal, in a new tab
struct SectionReached { Route route; };              // the section on screen (course, module, section)
struct SetTextSize { int step = 0; };                // 0..kTextSizeCount-1
struct SetTheme { std::string theme; };              // "light", "dark" or "contrast"
struct RetryCourseDownload { std::string course; };  // its lessons' pack failed: ask for it again
struct RetryFacilitatorCode {};  // siaga-facilitator.wasm failed to download: ask for it again

// [SECTION] Learners on this device and their data (learner.cpp) -----------------------------------------

struct CreateProfile {
  std::string name;
  std::string pin;  // "" = none
  int colour = 0;
};
struct SignIn {
  std::string profile_id;
  std::string pin;  // "" when the profile has none
};
struct ContinueAsGuest {};
struct SignOut {};
struct RemoveMyData {};                              // the signed-in learner's profile and progress
struct ExportProgress {};                            // downloads the learner's progress file
struct ImportProgress {};                            // asks for a file (it arrives with purpose "import-progress")
struct SetIdleSignOut { int minutes = 0; };          // 0 = never
struct DismissNotice { int index = 0; };             // into AppState::data_notices

// [SECTION] Quizzes and certificates (quizzes.cpp) -------------------------------------------------------

struct StartQuiz {
  std::string course;
  std::string module;
  std::string quiz;
};
struct AnswerChosen {
  std::string attempt;
  std::string question;
  Answer answer;
};
struct CheckAnswer {                                 // practice: shows the feedback of the answer given
  std::string attempt;
  std::string question;
};
struct SubmitQuiz { std::string attempt; };
struct PrintCertificate { std::string course; };     // the signed-in learner's, once the course is complete
struct DownloadCertificate { std::string course; };  // the same page as an HTML file
struct DownloadResultFile {                          // a participant's result file (result_file_json)
  std::string file_name;
  std::string json;
};

// [SECTION] Facilitator: result codes and paper tests (facilitator.cpp) ----------------------------------

struct FacilitatorChooseCourse { std::string course; };
struct FacilitatorCheckCodes {
  std::string course;
  std::string pasted;
};
struct FacilitatorImportFiles {};                    // asks for result files (purpose "import-results")
struct FacilitatorDownloadCsv {};                    // the open course's class report
struct FacilitatorDownloadGift {};                   // every question of the open course, as GIFT for Moodle
struct FacilitatorDownloadModuleGift {               // one module's quizzes of the open course, as GIFT
  std::string module_id;
};
struct FacilitatorClearResults {};                   // after the screen asked to confirm
struct FacilitatorOpenBank {};                       // asks for a GIFT file (it arrives with purpose "open-bank")
struct FacilitatorRemoveBank {};                     // after the screen asked to confirm (withdraws its offer too)
struct FacilitatorOfferBank {};                      // learners on this device see it as a practice quiz
struct FacilitatorWithdrawBank {};                   // they no longer do
struct PrintBank { bool answer_key = false; };       // the bank as a paper test, or its answer key
struct PrintPaperTest {
  std::string course;
  TestKind test = TestKind::Pretest;
  bool answer_key = false;                           // the key instead of the participants' sheet
};
struct PaperAddRow {
  std::string course;
  TestKind test = TestKind::Pretest;
};
struct PaperEditLabel {                              // the participant's name in a row of the answer grid
  std::string course;
  int row = 0;
  std::string text;
};
struct PaperEditCell {                               // what the participant marked for one question
  std::string course;
  int row = 0;
  int question = 0;
  std::string text;
};
struct PaperRemoveRow {
  std::string course;
  int row = 0;
};

// [SECTION] Facilitator: session plans and the projector (plans.cpp) -------------------------------------

struct PlanCreate { std::string course; };           // opens the new plan
struct PlanSave { SessionPlan plan; };               // the whole edited plan (the screen edits a copy)
struct PlanDelete { std::string plan_id; };          // after the screen asked to confirm
struct PlanPrint { std::string plan_id; };           // downloads the printable agenda
struct SetFullscreen { bool on = false; };           // must follow a click or key press

using Action = std::variant<
    SetLanguage, Navigate, OpenExternal, SectionReached, SetTextSize, SetTheme, RetryCourseDownload, RetryFacilitatorCode,
    CreateProfile, SignIn, ContinueAsGuest, SignOut, RemoveMyData, ExportProgress, ImportProgress,
    SetIdleSignOut, DismissNotice,
    StartQuiz, AnswerChosen, CheckAnswer, SubmitQuiz, PrintCertificate, DownloadCertificate, DownloadResultFile,
    FacilitatorChooseCourse, FacilitatorCheckCodes, FacilitatorImportFiles, FacilitatorDownloadCsv, FacilitatorDownloadGift,
    FacilitatorDownloadModuleGift,
    FacilitatorClearResults, FacilitatorOpenBank, FacilitatorRemoveBank, FacilitatorOfferBank,
    FacilitatorWithdrawBank, PrintBank, PrintPaperTest, PaperAddRow, PaperEditLabel, PaperEditCell, PaperRemoveRow,
    PlanCreate, PlanSave, PlanDelete, PlanPrint, SetFullscreen>;

}  // namespace siaga
