// handlers.h — one `apply` per action type (app/actions.h), grouped by the file that defines it.
// Each applies its action to AppState through the Platform and returns true if anything visible
// changed. apply_action (controller.cpp) picks the overload with std::visit, so an action type
// without one here is a compile error there.
#pragma once

#include "app/actions.h"
#include "app/app_state.h"
#include "platform/platform.h"

namespace siaga {

// controller.cpp: language, navigation, device settings
bool apply(AppState& app, Platform& platform, const SetLanguage& action);
bool apply(AppState& app, Platform& platform, const Navigate& action);
bool apply(AppState& app, Platform& platform, const OpenExternal& action);
bool apply(AppState& app, Platform& platform, const SectionReached& action);
bool apply(AppState& app, Platform& platform, const SetTextSize& action);
bool apply(AppState& app, Platform& platform, const SetTheme& action);
// course_packs.cpp: a course's lessons, downloaded when first needed
bool apply(AppState& app, Platform& platform, const RetryCourseDownload& action);
// facilitator_code.cpp: the facilitator's code, downloaded when a facilitator screen first opens
bool apply(AppState& app, Platform& platform, const RetryFacilitatorCode& action);

// learner.cpp: learners on this device and their data
bool apply(AppState& app, Platform& platform, const CreateProfile& action);
bool apply(AppState& app, Platform& platform, const SignIn& action);
bool apply(AppState& app, Platform& platform, const ContinueAsGuest& action);
bool apply(AppState& app, Platform& platform, const SignOut& action);
bool apply(AppState& app, Platform& platform, const RemoveMyData& action);
bool apply(AppState& app, Platform& platform, const ExportProgress& action);
bool apply(AppState& app, Platform& platform, const ImportProgress& action);
bool apply(AppState& app, Platform& platform, const SetIdleSignOut& action);
bool apply(AppState& app, Platform& platform, const DismissNotice& action);

// quizzes.cpp: quizzes and certificates
bool apply(AppState& app, Platform& platform, const StartQuiz& action);
bool apply(AppState& app, Platform& platform, const AnswerChosen& action);
bool apply(AppState& app, Platform& platform, const CheckAnswer& action);
bool apply(AppState& app, Platform& platform, const SubmitQuiz& action);
bool apply(AppState& app, Platform& platform, const PrintCertificate& action);
bool apply(AppState& app, Platform& platform, const DownloadCertificate& action);

// facilitator.cpp: result codes, result files and paper tests
bool apply(AppState& app, Platform& platform, const DownloadResultFile& action);
bool apply(AppState& app, Platform& platform, const FacilitatorChooseCourse& action);
bool apply(AppState& app, Platform& platform, const FacilitatorCheckCodes& action);
bool apply(AppState& app, Platform& platform, const FacilitatorImportFiles& action);
bool apply(AppState& app, Platform& platform, const FacilitatorDownloadCsv& action);
bool apply(AppState& app, Platform& platform, const FacilitatorDownloadGift& action);
bool apply(AppState& app, Platform& platform, const FacilitatorDownloadModuleGift& action);
bool apply(AppState& app, Platform& platform, const FacilitatorClearResults& action);
bool apply(AppState& app, Platform& platform, const FacilitatorOpenBank& action);
bool apply(AppState& app, Platform& platform, const FacilitatorRemoveBank& action);
bool apply(AppState& app, Platform& platform, const FacilitatorOfferBank& action);
bool apply(AppState& app, Platform& platform, const FacilitatorWithdrawBank& action);
bool apply(AppState& app, Platform& platform, const PrintBank& action);
bool apply(AppState& app, Platform& platform, const PrintPaperTest& action);
bool apply(AppState& app, Platform& platform, const PaperAddRow& action);
bool apply(AppState& app, Platform& platform, const PaperEditLabel& action);
bool apply(AppState& app, Platform& platform, const PaperEditCell& action);
bool apply(AppState& app, Platform& platform, const PaperRemoveRow& action);

// plans.cpp: session plans and the projector
bool apply(AppState& app, Platform& platform, const PlanCreate& action);
bool apply(AppState& app, Platform& platform, const PlanSave& action);
bool apply(AppState& app, Platform& platform, const PlanDelete& action);
bool apply(AppState& app, Platform& platform, const PlanPrint& action);
bool apply(AppState& app, Platform& platform, const SetFullscreen& action);

// Every action type has its handler (checked where apply_action visits them).
template <class A>
concept HasHandler = requires(AppState& app, Platform& platform, const A& action) {
  { apply(app, platform, action) } -> std::same_as<bool>;
};

}  // namespace siaga
