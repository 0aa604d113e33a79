// progress.h — what a learner has done (sections reached, quiz attempts, course completion), the
// learner profiles of a shared device, and the stored and exported JSON forms of both.
//
// Why it looks like this:
// - Everything refers to content by id (course, module, section, quiz, question), never by title or
//   position, so switching language or an author inserting a section loses nobody's progress.
// - Stored text carries a schema version and a SHA-256 checksum. Reading it returns the value, or a
//   DataError code (the UI translates it) plus a plain-words English reason; the caller sets the bad
//   text aside under a recovery key instead of deleting it. Older schemas are migrated, never dropped.
// - Two tabs (or an imported file) are reconciled with merge_progress, which never lets an older copy
//   of an attempt replace a newer one.
// - PINs only keep classmates out of each other's progress on a shared laptop. They are not security:
//   four digits fall to anyone who can read the browser's storage, however they are hashed.
//
// [SECTION] Results of reading stored data
// [SECTION] Learner progress
// [SECTION] Queries and changes
// [SECTION] Merging
// [SECTION] Stored form
// [SECTION] Profiles
// [SECTION] Export and import
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/data_result.h"
#include "core/quiz.h"

namespace siaga {

// [SECTION] Results of reading stored data -------------------------------------------------------------

// DataError and DataResult: core/data_result.h.

// [SECTION] Learner progress ------------------------------------------------------------------------

inline constexpr int kProgressSchema = 3;

struct ModuleProgress {
  std::map<std::string, int64_t> sections_reached;  // section id -> first reached (unix ms; 0 = unknown)
  std::string last_section;                         // where to resume; "" = not opened yet
  int64_t last_visited_at = 0;                      // when last_section (or last_question) was set (unix ms)
  std::string last_question;                        // the question of last_section last answered; "" = none
                                                    // (schema 3; older data reads as "")

  bool operator==(const ModuleProgress&) const = default;
};

struct CourseProgress {
  std::map<std::string, ModuleProgress> modules;  // by module id
  int64_t completed_at = 0;                       // unix ms; 0 = not complete

  bool operator==(const CourseProgress&) const = default;
};

struct LearnerProgress {
  std::string profile_id;
  std::map<std::string, CourseProgress> courses;  // by course id
  std::vector<QuizAttempt> attempts;              // every attempt, by (started_at, id)

  bool operator==(const LearnerProgress&) const = default;
};

// [SECTION] Queries and changes -----------------------------------------------------------------------

// Records that the learner reached a section (keeping the first time) and makes it the module's resume
// point. Returns true when something worth saving changed (a new section or a new resume point).
// Moving to another section forgets the resume question (it belonged to the section left).
bool record_section_reached(LearnerProgress& progress, std::string_view course_id, std::string_view module_id,
                            std::string_view section_id, int64_t now);

// Records that the learner answered a question of a quiz standing in section_id: the section is
// reached, and both become the module's resume point, so "Continue" lands on that question.
// Returns true when something worth saving changed.
bool record_question_reached(LearnerProgress& progress, std::string_view course_id, std::string_view module_id,
                             std::string_view section_id, std::string_view question_id, int64_t now);

const QuizAttempt* find_attempt(const LearnerProgress& progress, std::string_view attempt_id);

// Adds the attempt, or replaces the one with the same id; keeps the attempts ordered.
void put_attempt(LearnerProgress& progress, QuizAttempt attempt);

// The attempts at one quiz of one course (quiz ids are unique only within a course), oldest first.
std::vector<QuizAttempt> quiz_attempts(const LearnerProgress& progress, std::string_view course_id,
                                       std::string_view quiz_id);

// The most recently started attempt that is not submitted, to resume; nullptr if none.
const QuizAttempt* open_attempt(const LearnerProgress& progress, std::string_view course_id, std::string_view quiz_id);

struct QuizScores {
  std::optional<double> best;  // 0..1, over submitted attempts
  std::optional<double> last;  // 0..1, of the submitted attempt that finished last
  int submitted = 0;
};

QuizScores quiz_scores(const LearnerProgress& progress, std::string_view course_id, std::string_view quiz_id);

// All the course's graded quizzes are passed (score >= course.pass_percent) by some submitted attempt.
// A course without graded quizzes is never complete: completion has to be earned.
bool course_complete(const Course& course, const LearnerProgress& progress);

// Records the completion date the first time the course is complete; returns true when it did.
// A completion once recorded stays (content edits do not take a learner's certificate away).
bool update_completion(const Course& course, LearnerProgress& progress, int64_t now);

// [SECTION] Merging ---------------------------------------------------------------------------------

// Reconciles two copies of one learner's progress (another tab's save, an imported file):
// - sections: the union, each with its earliest known time;
// - resume point per module (section and question): the more recently visited one;
// - attempts: the union by attempt id; for the same id a submitted copy wins over an open one (the
//   submission is final), otherwise the later updated_at wins, so an older copy never replaces a
//   newer one;
// - completion: the earliest recorded date.
// The result does not depend on the argument order except for profile_id (mine's, unless empty), and
// merging a copy into itself changes nothing.
LearnerProgress merge_progress(const LearnerProgress& mine, const LearnerProgress& theirs);

// [SECTION] Stored form -----------------------------------------------------------------------------

// {"schema":3,"profile":...,"courses":{...},"attempts":[...],"checksum":"<sha-256 hex>"}.
// Schema 2 is schema 3 without a module's "last_question"; it is read as is (its checksum still
// checked) with no resume question. Schema 1 (before attempts had ids, seeds or update times, and when
// sections were a plain list) is migrated on reading: see tests/core/fixtures/progress-v1.json.
std::string progress_to_json(const LearnerProgress& progress);
DataResult<LearnerProgress> parse_progress(std::string_view text);

// [SECTION] Profiles --------------------------------------------------------------------------------

inline constexpr int kProfilesSchema = 1;
inline constexpr int kProfileColourCount = 8;    // the UI's palette size
inline constexpr int kProfileNameMaxChars = 40;
inline constexpr int kPinHashRounds = 10000;
inline constexpr size_t kPinSaltMinBytes = 16;

struct PinHash {
  std::string salt_hex;  // the salt as stored; the hex text itself is what gets hashed
  std::string hash_hex;
  int rounds = kPinHashRounds;

  bool operator==(const PinHash&) const = default;
};

struct Profile {
  std::string id;
  std::string name;  // a first name or nickname; no email, nothing else personal
  int colour = 0;    // 0..kProfileColourCount-1
  std::optional<PinHash> pin;
  int64_t created_at = 0;  // unix ms

  bool operator==(const Profile&) const = default;
};

struct ProfileStore {
  std::vector<Profile> profiles;
  int idle_sign_out_minutes = 0;  // 0 = never sign out by itself

  bool operator==(const ProfileStore&) const = default;
};

// A plain-words problem with a name a learner typed, or nullopt when it is fine.
std::optional<std::string> profile_name_problem(std::string_view name);

bool is_valid_pin(std::string_view pin);  // exactly four digits

// SHA-256 over salt + pin, iterated `rounds` times (each round hashes the previous digest + salt + pin);
// lowercase hex. Slows down guessing a little; four digits remain four digits.
std::string hash_pin(std::string_view pin, std::string_view salt, int rounds = kPinHashRounds);

// salt_bytes come from the platform's random source (core invents no randomness). nullopt when the PIN
// is not four digits or the salt is shorter than kPinSaltMinBytes.
std::optional<PinHash> make_pin_hash(std::string_view pin, std::string_view salt_bytes);
bool verify_pin(const PinHash& stored, std::string_view pin);

const Profile* find_profile(const ProfileStore& store, std::string_view profile_id);

// "Remove my data": drops the profile from the list. The caller also deletes its progress record.
bool remove_profile(ProfileStore& store, std::string_view profile_id);

// True when the learner should be signed out: a sign-out time is set and no input came for that long.
bool idle_sign_out_due(const ProfileStore& store, int64_t last_input_at, int64_t now);

// {"schema":1,"profiles":[...],"idle_sign_out_minutes":N,"checksum":"<sha-256 hex>"}
std::string profiles_to_json(const ProfileStore& store);
DataResult<ProfileStore> parse_profiles(std::string_view text);

// [SECTION] Export and import -----------------------------------------------------------------------

inline constexpr std::string_view kExportFormat = "siaga-progress";
inline constexpr int kExportVersion = 1;
inline constexpr size_t kMaxImportBytes = 1024 * 1024;

// "Download my progress": {"format":"siaga-progress","version":1,"exported_at":ms,
// "profile":{"name","colour"},"progress":{stored form},"checksum":"<sha-256 hex>"}; the checksum covers
// the canonical text of everything else in the file. The PIN is never exported.
std::string export_progress(const Profile& profile, const LearnerProgress& progress, int64_t now);

struct ImportedProgress {
  std::string name;
  int colour = 0;
  int64_t exported_at = 0;
  LearnerProgress progress;
};

// "Import progress": the file's contents, or why it cannot be used. Merge the result into the active
// learner's progress with merge_progress, which keeps whatever is newer.
DataResult<ImportedProgress> parse_export(std::string_view bytes);

}  // namespace siaga
