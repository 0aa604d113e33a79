// learner.h — profiles on a shared device and each learner's progress in storage. The profile and
// quiz actions are declared in app/handlers.h.
#pragma once

#include "app/app_state.h"
#include "platform/platform.h"

namespace siaga {

// Reads the device's learners (setting aside anything unreadable) and resumes a recent session.
void start_learners(AppState& app, Platform& platform);

// The signed-in learner reached a section (course, module, section): saved in their progress.
void record_section_for_learner(AppState& app, Platform& platform, const Route& where);

// Picks up other tabs' saves, an imported file, and idle sign-out. Returns true if anything changed.
bool poll_learners(AppState& app, Platform& platform);

// In an LMS, a change is reported (status, score, suspend data) and committed. Returns `changed`.
bool reported(AppState& app, Platform& platform, bool changed);

// Called on every input event: keeps the learner signed in while they are active.
void note_input(AppState& app, Platform& platform);

}  // namespace siaga
