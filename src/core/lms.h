// lms.h — what Siaga tells a SCORM 1.2 LMS about one course: the lesson status and score, and the
// learner's progress in that course as cmi.suspend_data, read back on the next launch.
//
// Why it looks like this:
// - SCORM 1.2 keeps at most 4,096 characters of suspend data (CMIString4096), so the suspend data is
//   not the stored JSON but a terse text of only what resuming needs: the course's sections reached
//   (without times) and each module's resume point, the completion date, and per quiz the best
//   submitted attempt and the open one. When even that is too long, the oldest attempts go first;
//   the result always fits.
// - Printable ASCII only: LMSs differ in how they store other characters. Typed text is %-escaped.
// - A version prefix ("S1:") and a checksum at the end, so data from another SCO, a newer Siaga, or
//   cut off by an LMS is refused with a reason instead of restoring something wrong.
//
// Format, for reference (b36 = base-36 number, ~ = signed base-36 difference from started):
//   S1:<course>:<completed b36 or empty>
//   |M<module>:<last section>:<last visited b36>:<sections, front-coded>
//   |Q<module>:<quiz>;<attempt>;<attempt>...
//   |<first 8 hex digits of the SHA-256 of everything before this '|'>
// attempt = <id, or ~ when it is "a" + the seed in 16 hex digits>:<seed b36>:<P|E><S|O>:<started b36>
//           :<finished ~, or empty for 0>:<updated ~>:<score, or empty for 0>:<answers, front-coded>
// answer  = <question id>=[!]<field>/<field>...  ('!' = not answered) with fields c<chosen 1.2>,
//           t (truth), m<matches 0.-1>, n<number> (only when the text does not give it), x<text>.
// Front-coded lists: each entry starts with how many leading characters it shares with the one before
// (one base-36 digit), then the rest, entries separated by ','.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/content.h"
#include "core/progress.h"

namespace siaga {

inline constexpr size_t kMaxSuspendData = 4096;  // SCORM 1.2 cmi.suspend_data (CMIString4096)

// The launched course's progress as suspend data: at most kMaxSuspendData printable ASCII characters.
// Other courses' progress and the profile id are left out.
std::string encode_suspend_data(const LearnerProgress& progress, std::string_view course_id);

// The progress the suspend data holds (one course; profile_id empty, section times 0 = unknown), or
// why it cannot be used: Foreign (not Siaga's), NewerVersion, Damaged (cut off or changed: the checksum
// does not match) or Invalid (intact but impossible), each with a plain-words reason.
DataResult<LearnerProgress> decode_suspend_data(std::string_view text);

struct LmsStatus {
  std::string lesson_status;  // "incomplete", "passed", "failed" or "completed"
  int score_raw = -1;         // 0..100; -1 while no graded quiz has been submitted

  bool operator==(const LmsStatus&) const = default;
};

// cmi.core.lesson_status and cmi.core.score.raw for the course:
// - once every graded quiz has a submitted attempt: "passed" if the course is complete, else "failed";
//   before that "incomplete". A completion once recorded stays "passed".
// - a course without graded quizzes: "completed" once every section of its modules was reached.
// - score: the mean of the best scores of all the course's graded quizzes (a quiz not yet submitted
//   counts 0), in percent, rounded; -1 until the first graded quiz is submitted.
LmsStatus lms_status(const Course& course, const LearnerProgress& progress);

}  // namespace siaga
