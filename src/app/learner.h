// learner.h — profiles on a shared device, each learner's progress in storage, and quiz actions.
#pragma once

#include "core/app_state.h"
#include "platform/platform.h"

namespace siaga {

// Reads the device's learners (setting aside anything unreadable) and resumes a recent session.
void start_learners(AppState& app, Platform& platform);

// Applies profile, data and quiz actions. Returns true if anything visible changed.
bool apply_learner_action(AppState& app, Platform& platform, const Action& action);

// Picks up other tabs' saves, an imported file, and idle sign-out. Returns true if anything changed.
bool poll_learners(AppState& app, Platform& platform);

// Called on every input event: keeps the learner signed in while they are active.
void note_input(AppState& app, Platform& platform);

}  // namespace siaga
