// facilitator_code.h — the doors into the facilitator's code.
//
// What only a facilitator uses (result codes and files, paper tests, the question bank, GIFT export,
// session plans, the projector) is entered only through the functions called here through door():
// the facilitator's actions (apply_facilitator_action), the files a facilitator picks or drops
// (take_facilitator_file), and three screens (ui/view.h: draw_facilitator, draw_plans,
// draw_projector). The web build moves every function reachable only through these doors into
// siaga-facilitator.wasm (tools/split-wasm.py), which the page downloads the first time a facilitator
// screen opens, so a learner's first load does not carry it. Until it has arrived,
// AppState::facilitator_code.ready is false and nothing goes through a door: the screens say it is
// downloading, actions wait, and a dropped file is held. Natively the code is linked in: ready at once.
#pragma once

#include <type_traits>

#include "app/actions.h"
#include "app/app_state.h"
#include "core/door.h"
#include "core/route.h"
#include "platform/platform.h"

namespace siaga {

inline constexpr const char* kFacilitatorCodeAsset = "siaga-facilitator.wasm";

// The facilitator's actions, listed once: the controller sends these, and only these, through the door.
template <class... A>
struct ActionList {};
using FacilitatorActions =
    ActionList<FacilitatorChooseCourse, FacilitatorCheckCodes, FacilitatorImportFiles, FacilitatorDownloadCsv,
               FacilitatorDownloadGift, FacilitatorDownloadModuleGift, FacilitatorClearResults, FacilitatorOpenBank,
               FacilitatorRemoveBank, FacilitatorOfferBank, FacilitatorWithdrawBank, PrintBank, PrintPaperTest,
               PaperAddRow, PaperEditLabel, PaperEditCell, PaperRemoveRow, PlanCreate, PlanSave, PlanDelete, PlanPrint>;
template <class A, class List>
inline constexpr bool kInActionList = false;
template <class A, class... Listed>
inline constexpr bool kInActionList<A, ActionList<Listed...>> = (std::is_same_v<A, Listed> || ...);
template <class A>
inline constexpr bool kFacilitatorAction = kInActionList<A, FacilitatorActions>;

bool is_facilitator_action(const Action& action);
// Applies a facilitator action (door: only once the code is ready). Returns true if anything visible changed.
bool apply_facilitator_action(AppState& app, Platform& platform, const Action& action);
// A picked or dropped file a facilitator screen asked for ("import-results", "open-bank", or dropped
// on the facilitator screen)?
bool is_facilitator_file(const AppState& app, const Platform::PickedFile& file);
// Reads such a file (door: only once the code is ready).
void take_facilitator_file(AppState& app, Platform& platform, const Platform::PickedFile& file);

// The screens that draw the facilitator's code.
bool is_facilitator_screen(Screen screen);
// The current screen, or a held file, needs the facilitator's code.
bool facilitator_code_needed(const AppState& app);

// Asks for the facilitator's code when the screen (or a held file) needs it, takes it when it has
// arrived, and hands a held file over then. Returns true if anything visible changed.
bool poll_facilitator_code(AppState& app, Platform& platform);

}  // namespace siaga
