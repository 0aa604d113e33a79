// facilitator.h — the facilitator's knowledge-check tools: result codes checked and kept per course
// (in browser storage, so a reload keeps them), result files imported, the class report as CSV, and
// the participant's result-file download.
#pragma once

#include "app/app_state.h"
#include "platform/platform.h"

namespace siaga {

// A picked file with purpose "import-results": read, checked, and kept for the open course.
void import_result_file(AppState& app, Platform& platform, const Platform::PickedFile& file);
// A picked file with purpose "open-bank": read as GIFT and, when it gives at least one question, kept
// on the device as the question bank (replacing the one before only once the new one is saved).
void open_bank(AppState& app, Platform& platform, const Platform::PickedFile& file);

}  // namespace siaga
