// plans.h — the facilitator's session plans on this device: read once at start (unreadable text is set
// aside, never deleted), saved after every change, printed as an HTML page.
#pragma once

#include "app/app_state.h"
#include "platform/platform.h"

namespace siaga {

// The file name of a plan's printable page: "session-plan-<course>-<plan id>.html".
std::string plan_file_name(const SessionPlan& plan);

}  // namespace siaga
