// progress.cpp — the progress model, merging, profiles and PINs, and the stored / exported JSON forms.
//
// nlohmann/json is built with JSON_NOEXCEPTION (a failed call aborts instead of throwing), so this file
// never calls at(), get<>() without a type check; the canonical text, checksums and the field reader
// are core/stored_json.h's.
//
// [SECTION] JSON helpers (shared with every stored format: core/stored_json.h)
// [SECTION] Queries and changes
// [SECTION] Merging
// [SECTION] Stored form: writing
// [SECTION] Stored form: reading
// [SECTION] Stored form: migration from schema 1
// [SECTION] Profiles
// [SECTION] Export and import
#include "core/progress.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "core/text_util.h"

#include "core/sha256.h"
#include "core/stored_json.h"
#include "core/text_util.h"

namespace siaga {

using Json = nlohmann::json;

// [SECTION] JSON helpers -------------------------------------------------------------------------------

namespace {

using stored::add_checksum;
using stored::canonical_text;
using stored::checksum_matches;
using stored::FieldReader;
using stored::version_marker;

template <typename T>
DataResult<T> failure(DataError error, std::string reason) {
  return data_failure<T>(error, std::move(reason));
}

int64_t earliest_known(int64_t a, int64_t b) {
  if (a == 0) return b;
  if (b == 0) return a;
  return std::min(a, b);
}

bool attempt_order(const QuizAttempt& a, const QuizAttempt& b) {
  return a.started_at != b.started_at ? a.started_at < b.started_at : a.id < b.id;
}

Json attempt_to_json(const QuizAttempt& attempt);

// Which of two copies of the same attempt to keep: a submission is final; otherwise the later change;
// on a tie, the larger canonical text, so the choice never depends on which copy came first.
bool keep_first(const QuizAttempt& a, const QuizAttempt& b) {
  if (a.submitted != b.submitted) return a.submitted;
  if (a.updated_at != b.updated_at) return a.updated_at > b.updated_at;
  return canonical_text(attempt_to_json(a)) >= canonical_text(attempt_to_json(b));
}

// Adds each attempt, resolving copies with the same id by keep_first, and sorts the result.
void merge_attempts_into(std::vector<QuizAttempt>& into, const std::vector<QuizAttempt>& attempts) {
  for (const QuizAttempt& attempt : attempts) {
    const auto same = std::find_if(into.begin(), into.end(), [&](const QuizAttempt& a) { return a.id == attempt.id; });
    if (same == into.end())
      into.push_back(attempt);
    else if (!keep_first(*same, attempt))
      *same = attempt;
  }
  std::sort(into.begin(), into.end(), attempt_order);
}

}  // namespace

// [SECTION] Queries and changes -----------------------------------------------------------------------

bool record_section_reached(LearnerProgress& progress, std::string_view course_id, std::string_view module_id,
                            std::string_view section_id, int64_t now) {
  ModuleProgress& module = progress.courses[std::string(course_id)].modules[std::string(module_id)];
  const bool first_visit = module.sections_reached.emplace(std::string(section_id), now).second;
  const bool moved = module.last_section != section_id;
  module.last_section = std::string(section_id);
  if (moved) module.last_question.clear();
  module.last_visited_at = std::max(module.last_visited_at, now);
  return first_visit || moved;
}

bool record_question_reached(LearnerProgress& progress, std::string_view course_id, std::string_view module_id,
                             std::string_view section_id, std::string_view question_id, int64_t now) {
  const bool section_changed = record_section_reached(progress, course_id, module_id, section_id, now);
  ModuleProgress& module = progress.courses[std::string(course_id)].modules[std::string(module_id)];
  const bool question_changed = module.last_question != question_id;
  module.last_question = std::string(question_id);
  return section_changed || question_changed;
}

const QuizAttempt* find_attempt(const LearnerProgress& progress, std::string_view attempt_id) {
  for (const QuizAttempt& attempt : progress.attempts)
    if (attempt.id == attempt_id) return &attempt;
  return nullptr;
}

void put_attempt(LearnerProgress& progress, QuizAttempt attempt) {
  const auto same = std::find_if(progress.attempts.begin(), progress.attempts.end(),
                                 [&](const QuizAttempt& a) { return a.id == attempt.id; });
  if (same == progress.attempts.end())
    progress.attempts.push_back(std::move(attempt));
  else
    *same = std::move(attempt);
  std::sort(progress.attempts.begin(), progress.attempts.end(), attempt_order);
}

std::vector<QuizAttempt> quiz_attempts(const LearnerProgress& progress, std::string_view course_id,
                                       std::string_view quiz_id) {
  std::vector<QuizAttempt> out;
  for (const QuizAttempt& attempt : progress.attempts)
    if (attempt.course_id == course_id && attempt.quiz_id == quiz_id) out.push_back(attempt);
  return out;
}

const QuizAttempt* open_attempt(const LearnerProgress& progress, std::string_view course_id, std::string_view quiz_id) {
  const QuizAttempt* open = nullptr;
  for (const QuizAttempt& attempt : progress.attempts)  // sorted by start, so the last match is the newest
    if (!attempt.submitted && attempt.course_id == course_id && attempt.quiz_id == quiz_id) open = &attempt;
  return open;
}

QuizScores quiz_scores(const LearnerProgress& progress, std::string_view course_id, std::string_view quiz_id) {
  QuizScores scores;
  int64_t last_finished = std::numeric_limits<int64_t>::min();
  for (const QuizAttempt& attempt : progress.attempts) {
    if (!attempt.submitted || attempt.course_id != course_id || attempt.quiz_id != quiz_id) continue;
    ++scores.submitted;
    scores.best = std::max(scores.best.value_or(0.0), attempt.score);
    if (attempt.finished_at >= last_finished) {
      last_finished = attempt.finished_at;
      scores.last = attempt.score;
    }
  }
  return scores;
}

bool course_complete(const Course& course, const LearnerProgress& progress) {
  int graded = 0;
  for (const Module& module : course.modules) {
    for (const Quiz& quiz : module.quizzes) {
      if (!quiz.graded) continue;
      ++graded;
      const bool passed = std::any_of(progress.attempts.begin(), progress.attempts.end(), [&](const QuizAttempt& a) {
        return a.submitted && a.course_id == course.id && a.quiz_id == quiz.id && passes(a.score, course.pass_percent);
      });
      if (!passed) return false;
    }
  }
  return graded > 0;
}

bool update_completion(const Course& course, LearnerProgress& progress, int64_t now) {
  if (const auto it = progress.courses.find(course.id); it != progress.courses.end() && it->second.completed_at != 0)
    return false;
  if (!course_complete(course, progress)) return false;
  progress.courses[course.id].completed_at = now;
  return true;
}

// [SECTION] Merging ---------------------------------------------------------------------------------

namespace {

ModuleProgress merge_module(const ModuleProgress& mine, const ModuleProgress& theirs) {
  ModuleProgress out = mine;
  for (const auto& [section, reached_at] : theirs.sections_reached) {
    const auto [it, inserted] = out.sections_reached.emplace(section, reached_at);
    if (!inserted) it->second = earliest_known(it->second, reached_at);
  }
  const bool theirs_newer = theirs.last_visited_at != mine.last_visited_at
                                ? theirs.last_visited_at > mine.last_visited_at
                                : theirs.last_section != mine.last_section ? theirs.last_section > mine.last_section
                                                                           : theirs.last_question > mine.last_question;
  if (theirs_newer) {
    out.last_section = theirs.last_section;
    out.last_question = theirs.last_question;
    out.last_visited_at = theirs.last_visited_at;
  }
  return out;
}

}  // namespace

LearnerProgress merge_progress(const LearnerProgress& mine, const LearnerProgress& theirs) {
  LearnerProgress out = mine;
  if (out.profile_id.empty()) out.profile_id = theirs.profile_id;
  for (const auto& [course_id, their_course] : theirs.courses) {
    CourseProgress& course = out.courses[course_id];
    course.completed_at = earliest_known(course.completed_at, their_course.completed_at);
    for (const auto& [module_id, their_module] : their_course.modules)
      course.modules[module_id] = merge_module(course.modules[module_id], their_module);
  }
  merge_attempts_into(out.attempts, theirs.attempts);
  return out;
}

// [SECTION] Stored form: writing ----------------------------------------------------------------------

namespace {

std::string seed_to_hex(uint64_t seed) {
  std::string bytes(8, '\0');
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>(seed >> (56 - 8 * i));
  return to_hex(bytes);
}

// Only the fields an answer uses are written; reading fills the rest with defaults.
Json answer_to_json(const Answer& answer) {
  Json out = {{"answered", answer.answered}};
  if (!answer.chosen.empty()) out["chosen"] = answer.chosen;
  if (answer.truth) out["truth"] = true;
  if (!answer.matches.empty()) out["matches"] = answer.matches;
  if (!answer.text.empty()) out["text"] = answer.text;
  if (answer.number != 0) out["number"] = answer.number;
  return out;
}

Json attempt_to_json(const QuizAttempt& attempt) {
  Json answers = Json::object();
  for (const auto& [question_id, answer] : attempt.answers) answers[question_id] = answer_to_json(answer);
  // The seed is text: JSON numbers beyond 2^53 do not survive JavaScript tools that may touch the file.
  return {{"id", attempt.id},
          {"course", attempt.course_id},
          {"module", attempt.module_id},
          {"quiz", attempt.quiz_id},
          {"seed", seed_to_hex(attempt.seed)},
          {"mode", attempt.mode == QuizMode::Exam ? "exam" : "practice"},
          {"started_at", attempt.started_at},
          {"finished_at", attempt.finished_at},
          {"updated_at", attempt.updated_at},
          {"submitted", attempt.submitted},
          {"score", attempt.score},
          {"answers", std::move(answers)}};
}

Json progress_to_json_value(const LearnerProgress& progress) {
  Json courses = Json::object();
  for (const auto& [course_id, course] : progress.courses) {
    Json modules = Json::object();
    for (const auto& [module_id, module] : course.modules) {
      Json sections = Json::object();
      for (const auto& [section_id, reached_at] : module.sections_reached) sections[section_id] = reached_at;
      modules[module_id] = {{"sections", std::move(sections)},
                            {"last_section", module.last_section},
                            {"last_question", module.last_question},
                            {"last_visited_at", module.last_visited_at}};
    }
    courses[course_id] = {{"completed_at", course.completed_at}, {"modules", std::move(modules)}};
  }
  Json attempts = Json::array();
  for (const QuizAttempt& attempt : progress.attempts) attempts.push_back(attempt_to_json(attempt));
  Json out = {{"schema", kProgressSchema},
              {"profile", progress.profile_id},
              {"courses", std::move(courses)},
              {"attempts", std::move(attempts)}};
  add_checksum(out);
  return out;
}

}  // namespace

std::string progress_to_json(const LearnerProgress& progress) {
  return canonical_text(progress_to_json_value(progress));
}

// [SECTION] Stored form: reading ----------------------------------------------------------------------

namespace {

std::optional<uint64_t> seed_from_hex(std::string_view hex) {
  if (hex.empty() || hex.size() > 16) return std::nullopt;
  uint64_t seed = 0;
  for (const char c : hex) {
    const int digit = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
    if (digit < 0) return std::nullopt;
    seed = (seed << 4) | static_cast<uint64_t>(digit);
  }
  return seed;
}

Answer read_answer(const Json& value, std::string_view where, FieldReader& reader) {
  Answer answer;
  reader.flag(value, "answered", where, answer.answered);
  reader.indexes(value, "chosen", where, answer.chosen, 0);
  reader.flag(value, "truth", where, answer.truth, false);
  reader.indexes(value, "matches", where, answer.matches, -1);
  reader.text(value, "text", where, answer.text, false);
  if (const Json* number = reader.field(value, "number", where, false)) {
    if (number->is_number())
      answer.number = number->get<double>();
    else
      reader.fail(where, "'number' should be a number");
  }
  return answer;
}

QuizAttempt read_attempt(const Json& value, std::string_view where, FieldReader& reader) {
  QuizAttempt attempt;
  reader.id(value, "id", where, attempt.id);
  reader.id(value, "course", where, attempt.course_id);
  reader.id(value, "module", where, attempt.module_id);
  reader.id(value, "quiz", where, attempt.quiz_id);
  std::string seed, mode;
  reader.text(value, "seed", where, seed);
  reader.text(value, "mode", where, mode);
  if (reader.failed()) return attempt;
  if (const auto parsed = seed_from_hex(seed))
    attempt.seed = *parsed;
  else
    reader.fail(where, "'seed' should be up to 16 hexadecimal digits");
  if (mode != "practice" && mode != "exam") reader.fail(where, "'mode' should be \"practice\" or \"exam\"");
  attempt.mode = mode == "exam" ? QuizMode::Exam : QuizMode::Practice;
  reader.time(value, "started_at", where, attempt.started_at);
  reader.time(value, "finished_at", where, attempt.finished_at);
  reader.time(value, "updated_at", where, attempt.updated_at);
  reader.flag(value, "submitted", where, attempt.submitted);
  reader.fraction(value, "score", where, attempt.score);
  const Json* answers = reader.field(value, "answers", where, true);
  if (answers != nullptr && !answers->is_object()) reader.fail(where, "'answers' should be a group of fields");
  if (reader.failed() || answers == nullptr) return attempt;
  for (const auto& [question_id, answer] : answers->items())
    attempt.answers[question_id] = read_answer(answer, std::string(where) + ", answer to '" + question_id + "'", reader);
  return attempt;
}

ModuleProgress read_module(const Json& value, std::string_view where, FieldReader& reader) {
  ModuleProgress module;
  reader.text(value, "last_section", where, module.last_section);
  reader.text(value, "last_question", where, module.last_question, /*required=*/false);  // schema 3
  reader.time(value, "last_visited_at", where, module.last_visited_at);
  const Json* sections = reader.field(value, "sections", where, true);
  if (sections == nullptr) return module;
  if (!sections->is_object()) {
    reader.fail(where, "'sections' should be a group of fields");
    return module;
  }
  for (const auto& [section_id, reached_at] : sections->items()) {
    if (!reached_at.is_number_integer() || reached_at.get<int64_t>() < 0) {
      reader.fail(where, "section '" + section_id + "' should have a time");
      return module;
    }
    module.sections_reached[section_id] = reached_at.get<int64_t>();
  }
  return module;
}

// The schema 2 and 3 fields of a progress object whose schema and checksum are already checked.
LearnerProgress read_progress_fields(const Json& object, FieldReader& reader) {
  LearnerProgress progress;
  reader.text(object, "profile", "progress", progress.profile_id);
  const Json* courses = reader.field(object, "courses", "progress", true);
  const Json* attempts = reader.field(object, "attempts", "progress", true);
  if (reader.failed()) return progress;
  if (!courses->is_object()) reader.fail("progress", "'courses' should be a group of fields");
  if (!attempts->is_array()) reader.fail("progress", "'attempts' should be a list");
  if (reader.failed()) return progress;
  for (const auto& [course_id, course_value] : courses->items()) {
    const std::string where = "course '" + course_id + "'";
    CourseProgress course;
    reader.time(course_value, "completed_at", where, course.completed_at);
    const Json* modules = reader.field(course_value, "modules", where, true);
    if (modules != nullptr && !modules->is_object()) reader.fail(where, "'modules' should be a group of fields");
    if (reader.failed()) return progress;
    for (const auto& [module_id, module_value] : modules->items())
      course.modules[module_id] = read_module(module_value, where + ", module '" + module_id + "'", reader);
    progress.courses[course_id] = std::move(course);
  }
  std::vector<QuizAttempt> read;
  for (size_t i = 0; i < attempts->size() && !reader.failed(); ++i)
    read.push_back(read_attempt((*attempts)[i], "attempt " + std::to_string(i + 1), reader));
  // Two copies of one attempt can only come from an old merge gone wrong: keep the newer, as a merge would.
  merge_attempts_into(progress.attempts, read);
  return progress;
}

std::optional<Json> migrate_progress_v1(const Json& v1, FieldReader& reader);

// A parsed progress object of any schema we know -> the current model. `subject` names the data in
// reasons ("the saved progress", "the file's progress").
DataResult<LearnerProgress> read_progress_value(const Json& value, std::string_view subject) {
  const std::string name(subject);
  const std::string not_ours = name + " is not Siaga progress data";
  const std::string newer = name + " was saved by a newer version of Siaga; update the portal to read it";
  const std::string bad_version = name + " has an unknown schema";
  const stored::EnvelopeCheck envelope = stored::check_envelope(
      value, {.current = kProgressSchema, .not_ours = not_ours, .newer = newer, .bad_version = bad_version});
  if (!envelope.ok()) return failure<LearnerProgress>(envelope.error, envelope.reason);
  const int64_t schema = envelope.version;

  FieldReader reader;
  Json current = value;
  if (schema == 1) {
    std::optional<Json> migrated = migrate_progress_v1(value, reader);
    if (!migrated) return failure<LearnerProgress>(DataError::Invalid, name + " cannot be read: " + reader.problem());
    current = std::move(*migrated);
  } else if (!checksum_matches(value)) {
    return failure<LearnerProgress>(DataError::Damaged,
                                    name + " is damaged: its checksum does not match its contents");
  }
  LearnerProgress progress = read_progress_fields(current, reader);
  if (reader.failed()) return failure<LearnerProgress>(DataError::Invalid, name + " cannot be read: " + reader.problem());
  DataResult<LearnerProgress> result;
  result.value = std::move(progress);
  result.migrated_from = schema < kProgressSchema ? static_cast<int>(schema) : 0;
  return result;
}

}  // namespace

DataResult<LearnerProgress> parse_progress(std::string_view text) {
  const Json value = stored::parse(text);
  if (value.is_discarded())
    return failure<LearnerProgress>(DataError::NotJson, "the saved progress is not readable: it is cut off or garbled");
  return read_progress_value(value, "the saved progress");
}

// [SECTION] Stored form: migration from schema 1 --------------------------------------------------------

namespace {

// Schema 1, the first shape progress was saved in:
//   {"schema":1,"profile":"p1",
//    "sections":{"<course>/<module>":["<section>",...]},   reached sections, no times
//    "last":{"<course>/<module>":"<section>"},             resume points, no times
//    "completed":{"<course>":<ms>},
//    "attempts":[{"course","module","quiz","started_at","finished_at","submitted","score","answers"}]}
// Attempts had no id, no seed (options were not shuffled yet), no mode and no update time; there was no
// checksum. Unknown times become 0 ("unknown", which merging treats as older than any real time).
std::optional<std::pair<std::string, std::string>> split_module_key(std::string_view key) {
  const size_t slash = key.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == key.size()) return std::nullopt;
  return std::pair{std::string(key.substr(0, slash)), std::string(key.substr(slash + 1))};
}

// The v2 module object for course/module, created on first use.
Json& v2_module(Json& courses, const std::string& course_id, const std::string& module_id) {
  Json& course = courses[course_id];
  if (!course.is_object()) course = {{"completed_at", 0}, {"modules", Json::object()}};
  Json& module = course["modules"][module_id];
  if (!module.is_object()) module = {{"sections", Json::object()}, {"last_section", ""}, {"last_visited_at", 0}};
  return module;
}

std::optional<Json> migrate_progress_v1(const Json& v1, FieldReader& reader) {
  Json courses = Json::object();
  const Json* sections = reader.field(v1, "sections", "progress", false);
  const Json* last = reader.field(v1, "last", "progress", false);
  const Json* completed = reader.field(v1, "completed", "progress", false);
  const Json* attempts = reader.field(v1, "attempts", "progress", false);
  const Json* profile = reader.field(v1, "profile", "progress", true);
  if (reader.failed()) return std::nullopt;
  const Json empty_object = Json::object();
  const Json empty_array = Json::array();

  for (const auto& [key, list] : (sections ? *sections : empty_object).items()) {
    const auto ids = split_module_key(key);
    const bool texts = list.is_array() && std::all_of(list.begin(), list.end(), [](const Json& s) { return s.is_string(); });
    if (!ids || !texts) {
      reader.fail("progress", "the sections reached in '" + key + "' cannot be read");
      return std::nullopt;
    }
    Json& module = v2_module(courses, ids->first, ids->second);
    for (const Json& section : list) module["sections"][section.get<std::string>()] = 0;
  }
  for (const auto& [key, section] : (last ? *last : empty_object).items()) {
    const auto ids = split_module_key(key);
    if (!ids || !section.is_string()) {
      reader.fail("progress", "the last place in '" + key + "' cannot be read");
      return std::nullopt;
    }
    v2_module(courses, ids->first, ids->second)["last_section"] = section;
  }
  for (const auto& [course_id, when] : (completed ? *completed : empty_object).items()) {
    Json& course = courses[course_id];
    if (!course.is_object()) course = {{"completed_at", 0}, {"modules", Json::object()}};
    course["completed_at"] = when;  // its type is checked by the schema 2 reader
  }

  Json v2_attempts = Json::array();
  const Json& old_attempts = attempts ? *attempts : empty_array;
  if (!old_attempts.is_array()) reader.fail("progress", "'attempts' should be a list");
  for (size_t i = 0; !reader.failed() && i < old_attempts.size(); ++i) {
    Json attempt = old_attempts[i];
    const std::string where = "attempt " + std::to_string(i + 1);
    int64_t started_at = 0, finished_at = 0;
    reader.time(attempt, "started_at", where, started_at);
    reader.time(attempt, "finished_at", where, finished_at, false);
    if (reader.failed()) break;
    // Position and start time make an id that is the same every time this data is migrated, so two
    // tabs migrating the same old record agree, and merging them keeps one copy.
    attempt["id"] = "v1-" + std::to_string(i + 1) + "-" + std::to_string(started_at);
    attempt["seed"] = "0";
    attempt["mode"] = "practice";
    attempt["finished_at"] = finished_at;
    attempt["updated_at"] = std::max(started_at, finished_at);
    v2_attempts.push_back(std::move(attempt));
  }
  if (reader.failed()) return std::nullopt;
  return Json{{"schema", 2}, {"profile", *profile}, {"courses", std::move(courses)}, {"attempts", std::move(v2_attempts)}};
}

}  // namespace

// [SECTION] Profiles --------------------------------------------------------------------------------

std::optional<std::string> profile_name_problem(std::string_view name) {
  const std::string_view trimmed = text::trim(name);
  if (trimmed.empty()) return "Type a name (a first name or nickname is enough).";
  int characters = 0;
  for (const char c : trimmed) {
    if (static_cast<unsigned char>(c) < 0x20) return "A name cannot contain tabs or line breaks.";
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;  // count UTF-8 lead bytes only
  }
  if (characters > kProfileNameMaxChars)
    return "A name can be at most " + std::to_string(kProfileNameMaxChars) + " characters long.";
  return std::nullopt;
}

bool is_valid_pin(std::string_view pin) {
  return pin.size() == 4 && std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string hash_pin(std::string_view pin, std::string_view salt, int rounds) {
  Sha256Digest digest{};
  for (int round = 0; round < std::max(1, rounds); ++round) {
    Sha256 hasher;
    if (round > 0) hasher.update(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
    hasher.update(salt);
    hasher.update(pin);
    digest = hasher.finish();
  }
  return to_hex(digest);
}

std::optional<PinHash> make_pin_hash(std::string_view typed_pin, std::string_view salt_bytes) {
  const std::string western = text::western_digits(typed_pin);  // ۱۲۳۴ and ١٢٣٤ are the PIN 1234
  const std::string_view pin = western;
  if (!is_valid_pin(pin) || salt_bytes.size() < kPinSaltMinBytes) return std::nullopt;
  PinHash out;
  out.salt_hex = to_hex(salt_bytes);
  out.hash_hex = hash_pin(pin, out.salt_hex, out.rounds);
  return out;
}

bool verify_pin(const PinHash& stored, std::string_view typed_pin) {
  const std::string western = text::western_digits(typed_pin);
  const std::string_view pin = western;
  if (!is_valid_pin(pin)) return false;
  const std::string computed = hash_pin(pin, stored.salt_hex, stored.rounds);
  if (computed.size() != stored.hash_hex.size()) return false;
  unsigned difference = 0;  // compare every byte; a PIN check should not answer faster when it is close
  for (size_t i = 0; i < computed.size(); ++i) difference |= static_cast<unsigned>(computed[i] ^ stored.hash_hex[i]);
  return difference == 0;
}

const Profile* find_profile(const ProfileStore& store, std::string_view profile_id) {
  for (const Profile& profile : store.profiles)
    if (profile.id == profile_id) return &profile;
  return nullptr;
}

bool remove_profile(ProfileStore& store, std::string_view profile_id) {
  const auto before = store.profiles.size();
  std::erase_if(store.profiles, [&](const Profile& profile) { return profile.id == profile_id; });
  return store.profiles.size() != before;
}

bool idle_sign_out_due(const ProfileStore& store, int64_t last_input_at, int64_t now) {
  return store.idle_sign_out_minutes > 0 && now - last_input_at >= int64_t{store.idle_sign_out_minutes} * 60'000;
}

std::string profiles_to_json(const ProfileStore& store) {
  Json profiles = Json::array();
  for (const Profile& profile : store.profiles) {
    Json entry = {{"id", profile.id}, {"name", profile.name}, {"colour", profile.colour}, {"created_at", profile.created_at}};
    if (profile.pin)
      entry["pin"] = {{"salt", profile.pin->salt_hex}, {"hash", profile.pin->hash_hex}, {"rounds", profile.pin->rounds}};
    profiles.push_back(std::move(entry));
  }
  Json out = {{"schema", kProfilesSchema},
              {"profiles", std::move(profiles)},
              {"idle_sign_out_minutes", store.idle_sign_out_minutes}};
  add_checksum(out);
  return canonical_text(out);
}

DataResult<ProfileStore> parse_profiles(std::string_view text) {
  const Json value = stored::parse(text);
  if (value.is_discarded())
    return failure<ProfileStore>(DataError::NotJson, "the saved list of learners is not readable: it is cut off or garbled");
  const stored::EnvelopeCheck envelope = stored::check_envelope(
      value, {.current = kProfilesSchema,
              .required = "profiles",
              .not_ours = "the saved list of learners is not Siaga data",
              .newer = "the saved list of learners was saved by a newer version of Siaga; update the portal",
              .bad_version = "the saved list of learners has an unknown schema"});
  if (!envelope.ok()) return failure<ProfileStore>(envelope.error, envelope.reason);
  if (!checksum_matches(value))
    return failure<ProfileStore>(DataError::Damaged,
                                 "the saved list of learners is damaged: its checksum does not match its contents");

  FieldReader reader;
  ProfileStore store;
  reader.whole_number(value, "idle_sign_out_minutes", "profiles", store.idle_sign_out_minutes, 0, 24 * 60);
  const Json& profiles = *value.find("profiles");
  if (!profiles.is_array()) reader.fail("profiles", "'profiles' should be a list");
  for (size_t i = 0; !reader.failed() && i < profiles.size(); ++i) {
    const Json& entry = profiles[i];
    const std::string where = "learner " + std::to_string(i + 1);
    Profile profile;
    reader.id(entry, "id", where, profile.id);
    reader.text(entry, "name", where, profile.name);
    reader.whole_number(entry, "colour", where, profile.colour, 0, kProfileColourCount - 1);
    reader.time(entry, "created_at", where, profile.created_at);
    if (const Json* pin = reader.field(entry, "pin", where, false)) {
      PinHash hash;
      reader.text(*pin, "salt", where + ", PIN", hash.salt_hex);
      reader.text(*pin, "hash", where + ", PIN", hash.hash_hex);
      // Bounded so a tampered record cannot make checking a PIN hang the page.
      reader.whole_number(*pin, "rounds", where + ", PIN", hash.rounds, 1, 1'000'000);
      profile.pin = std::move(hash);
    }
    if (!reader.failed() && find_profile(store, profile.id) != nullptr) reader.fail(where, "has the same id as another learner");
    store.profiles.push_back(std::move(profile));
  }
  if (reader.failed())
    return failure<ProfileStore>(DataError::Invalid, "the saved list of learners cannot be read: " + reader.problem());
  DataResult<ProfileStore> result;
  result.value = std::move(store);
  return result;
}

// [SECTION] Export and import -----------------------------------------------------------------------

std::string export_progress(const Profile& profile, const LearnerProgress& progress, int64_t now) {
  Json out = {{"format", kExportFormat},
              {"version", kExportVersion},
              {"exported_at", now},
              {"profile", {{"name", profile.name}, {"colour", profile.colour}}},
              {"progress", progress_to_json_value(progress)}};
  add_checksum(out);
  // Indented so a curious facilitator can read it; the checksum covers the canonical text, not this layout.
  return out.dump(1, ' ', false, Json::error_handler_t::replace);
}

DataResult<ImportedProgress> parse_export(std::string_view bytes) {
  if (bytes.size() > kMaxImportBytes)
    return failure<ImportedProgress>(DataError::TooLarge,
                                     "this file is too large to be a Siaga progress file (the limit is 1 MiB)");
  const Json value = stored::parse(bytes);
  if (value.is_discarded())
    return failure<ImportedProgress>(DataError::NotJson,
                                     "this file is not readable: it is cut off, or it is not a Siaga progress file");
  const stored::EnvelopeCheck envelope = stored::check_envelope(
      value, {.format = kExportFormat,
              .version_key = "version",
              .current = kExportVersion,
              .not_ours = "this file is not a Siaga progress file",
              .newer = "this file was made by a newer version of Siaga; update the portal and try again",
              .bad_version = "this Siaga progress file has no valid version number"});
  if (!envelope.ok()) return failure<ImportedProgress>(envelope.error, envelope.reason);
  if (!checksum_matches(value))
    return failure<ImportedProgress>(DataError::Damaged,
                                     "the file is damaged: its contents do not match its checksum");

  FieldReader reader;
  ImportedProgress imported;
  reader.time(value, "exported_at", "file", imported.exported_at);
  if (const Json* profile = reader.field(value, "profile", "file", true)) {
    reader.text(*profile, "name", "file, learner", imported.name);
    reader.whole_number(*profile, "colour", "file, learner", imported.colour, 0, kProfileColourCount - 1);
  }
  const Json* progress = reader.field(value, "progress", "file", true);
  if (reader.failed())
    return failure<ImportedProgress>(DataError::Invalid, "the file cannot be read: " + reader.problem());
  DataResult<LearnerProgress> inner = read_progress_value(*progress, "the file's progress");
  if (!inner.ok()) return failure<ImportedProgress>(inner.error, inner.reason);
  imported.progress = std::move(*inner.value);
  DataResult<ImportedProgress> result;
  result.value = std::move(imported);
  result.migrated_from = inner.migrated_from;
  return result;
}

}  // namespace siaga
