// course_packs.h — a course's lessons and quizzes, downloaded the first time a screen needs them.
//
// At start the catalog holds every course as its index (core/content.h, [SECTION] Course index):
// enough for the catalog, the course page, "My progress", Continue, certificate status and result
// codes. The reader, quizzes, the projector and the facilitator's paper tests need the text: when the
// address (or the facilitator's chosen course) points at a course without it, the course's pack is
// asked for once; when it arrives the course is replaced, in every language that shows it, by the
// full one. The page's service worker keeps each pack fetched for offline use (web/sw.js), so a
// course opened once online opens offline too; one never opened says so, with "Try again".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "app/app_state.h"
#include "platform/platform.h"

namespace siaga {

std::string course_pack_name(std::string_view language, std::string_view course);  // "course-en-micic.pack"

// The course of the active language whose lessons the current screen needs and lacks, or nullptr.
const Course* course_needing_text(const AppState& app);

// Asks for the pack course_needing_text needs (once), takes it when it has arrived, or records why it
// could not be fetched; also follows the download's progress. Returns true when anything visible changed.
bool load_course_text(AppState& app, Platform& platform);

// What a screen shows for a course whose lessons are not in yet.
struct CourseTextStatus {
  enum class State { Loaded, Downloading, Failed };
  State state = State::Loaded;
  int64_t received = 0;  // bytes so far (Downloading)
  int64_t total = 0;     // 0 = not known
  std::string error;     // Failed: the browser's reason, for the muted detail line
};
CourseTextStatus course_text_status(const AppState& app, const Course& course);

}  // namespace siaga
