// Learner progress: sections and attempts, course completion, merging two copies, the stored form with
// its checksum and schema 1 migration, profiles and PINs, and export / import with every way a file
// can be bad.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "core/progress.h"
#include "core/sha256.h"

using namespace siaga;

namespace {

QuizAttempt attempt(std::string id, std::string quiz_id, int64_t started_at, bool submitted = false, double score = 0) {
  QuizAttempt a;
  a.id = std::move(id);
  a.course_id = "micic";
  a.module_id = "why-micic";
  a.quiz_id = std::move(quiz_id);
  a.seed = 0xfedcba9876543210ull;
  a.started_at = started_at;
  a.updated_at = started_at;
  a.submitted = submitted;
  a.finished_at = submitted ? started_at + 100 : 0;
  a.score = score;
  return a;
}

LearnerProgress sample_progress() {
  LearnerProgress progress;
  progress.profile_id = "p-ana";
  record_section_reached(progress, "micic", "why-micic", "what-is-micic", 1000);
  record_section_reached(progress, "micic", "why-micic", "who-it-serves", 2000);
  QuizAttempt done = attempt("a-1", "q-why-micic", 3000, true, 0.8);
  done.answers["why-1"] = choice_answer({0, 2});
  done.answers["why-2"] = true_false_answer(true);
  done.answers["why-3"] = matching_answer({1, 0, -1});
  done.answers["why-4"] = short_answer("Jakarta");
  done.answers["why-5"] = numeric_answer("10,195");
  put_attempt(progress, done);
  put_attempt(progress, attempt("a-2", "q-why-micic", 4000));
  progress.courses["micic"].completed_at = 5000;
  return progress;
}

Quiz graded_quiz(std::string id, bool graded = true) {
  Quiz quiz;
  quiz.id = std::move(id);
  quiz.graded = graded;
  return quiz;
}

Course course_with(std::vector<Quiz> quizzes, int pass_percent = 70) {
  Course course;
  course.id = "micic";
  course.pass_percent = pass_percent;
  Module module;
  module.id = "why-micic";
  module.quizzes = std::move(quizzes);
  course.modules.push_back(std::move(module));
  return course;
}

// Re-signs edited JSON so a test reaches the checks that come after the checksum.
std::string with_fresh_checksum(nlohmann::json value) {
  value.erase("checksum");
  value["checksum"] = sha256_hex(value.dump());
  return value.dump();
}

nlohmann::json parsed(const std::string& text) { return nlohmann::json::parse(text, nullptr, false); }

std::string read_fixture(const char* name) {
  std::ifstream file(std::string(SIAGA_FIXTURES_DIR) + "/" + name, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

Profile ana() {
  Profile profile;
  profile.id = "p-ana";
  profile.name = "Ana";
  profile.colour = 3;
  profile.created_at = 500;
  return profile;
}

const std::string kSalt = "0123456789abcdef";  // 16 bytes, as the platform's random source would give

}  // namespace

// [SECTION] Sections, attempts, scores ------------------------------------------------------------------

TEST_CASE("reaching a section keeps its first time and makes it the resume point") {
  LearnerProgress progress;
  CHECK(record_section_reached(progress, "micic", "why", "intro", 1000));
  CHECK(record_section_reached(progress, "micic", "why", "next", 2000));
  CHECK(record_section_reached(progress, "micic", "why", "intro", 3000));
  const ModuleProgress& module = progress.courses["micic"].modules["why"];
  CHECK(module.sections_reached == std::map<std::string, int64_t>{{"intro", 1000}, {"next", 2000}});
  CHECK(module.last_section == "intro");
  CHECK(module.last_visited_at == 3000);
}

TEST_CASE("reaching the section already open changes nothing worth saving") {
  LearnerProgress progress;
  record_section_reached(progress, "micic", "why", "intro", 1000);
  CHECK_FALSE(record_section_reached(progress, "micic", "why", "intro", 2000));
}

TEST_CASE("putting an attempt with a known id replaces it") {
  LearnerProgress progress;
  put_attempt(progress, attempt("a-1", "q", 1000));
  put_attempt(progress, attempt("a-1", "q", 1000, true, 0.5));
  REQUIRE(progress.attempts.size() == 1);
  CHECK(progress.attempts[0].submitted);
  CHECK(find_attempt(progress, "a-1") == &progress.attempts[0]);
  CHECK(find_attempt(progress, "nope") == nullptr);
}

TEST_CASE("the attempt to resume is the newest one not submitted") {
  LearnerProgress progress;
  put_attempt(progress, attempt("old", "q", 1000));
  put_attempt(progress, attempt("new", "q", 2000));
  put_attempt(progress, attempt("done", "q", 3000, true));
  REQUIRE(open_attempt(progress, "micic", "q") != nullptr);
  CHECK(open_attempt(progress, "micic", "q")->id == "new");
  CHECK(open_attempt(progress, "micic", "other") == nullptr);
}

TEST_CASE("best and last scores come from submitted attempts only") {
  LearnerProgress progress;
  put_attempt(progress, attempt("a", "q", 1000, true, 0.9));
  put_attempt(progress, attempt("b", "q", 2000, true, 0.4));
  QuizAttempt open = attempt("c", "q", 3000);
  open.score = 1.0;
  put_attempt(progress, open);
  const QuizScores scores = quiz_scores(progress, "micic", "q");
  CHECK(scores.best == 0.9);
  CHECK(scores.last == 0.4);
  CHECK(scores.submitted == 2);
  CHECK_FALSE(quiz_scores(progress, "micic", "unknown").best.has_value());
}

TEST_CASE("quiz attempts are found by course and quiz id together") {
  LearnerProgress progress;
  QuizAttempt elsewhere = attempt("x", "q", 1000, true, 1.0);
  elsewhere.course_id = "counter-trafficking";
  put_attempt(progress, elsewhere);
  put_attempt(progress, attempt("y", "q", 2000));
  CHECK(quiz_attempts(progress, "micic", "q").size() == 1);
}

// [SECTION] Course completion ---------------------------------------------------------------------------

TEST_CASE("a course is complete when every graded quiz is passed") {
  const Course course = course_with({graded_quiz("q1"), graded_quiz("q2"), graded_quiz("practice", false)});
  LearnerProgress progress;
  put_attempt(progress, attempt("a", "q1", 1000, true, 0.7));
  CHECK_FALSE(course_complete(course, progress));
  put_attempt(progress, attempt("b", "q2", 2000, true, 1.0));
  CHECK(course_complete(course, progress));
}

TEST_CASE("a graded quiz below the pass mark keeps the course incomplete") {
  const Course course = course_with({graded_quiz("q1")}, 80);
  LearnerProgress progress;
  put_attempt(progress, attempt("a", "q1", 1000, true, 0.79));
  CHECK_FALSE(course_complete(course, progress));
}

TEST_CASE("an open attempt does not pass a quiz, whatever its score") {
  const Course course = course_with({graded_quiz("q1")});
  LearnerProgress progress;
  QuizAttempt open = attempt("a", "q1", 1000);
  open.score = 1.0;
  put_attempt(progress, open);
  CHECK_FALSE(course_complete(course, progress));
}

TEST_CASE("a pass in another course with the same quiz id does not count") {
  const Course course = course_with({graded_quiz("q1")});
  LearnerProgress progress;
  QuizAttempt elsewhere = attempt("a", "q1", 1000, true, 1.0);
  elsewhere.course_id = "refugee-orientation";
  put_attempt(progress, elsewhere);
  CHECK_FALSE(course_complete(course, progress));
}

TEST_CASE("a course without graded quizzes is never complete") {
  CHECK_FALSE(course_complete(course_with({graded_quiz("warm-up", false)}), LearnerProgress{}));
}

TEST_CASE("completion is recorded once, with the first date") {
  const Course course = course_with({graded_quiz("q1")});
  LearnerProgress progress;
  CHECK_FALSE(update_completion(course, progress, 1500));
  CHECK(progress.courses.empty());
  put_attempt(progress, attempt("a", "q1", 1000, true, 1.0));
  CHECK(update_completion(course, progress, 2000));
  CHECK_FALSE(update_completion(course, progress, 3000));
  CHECK(progress.courses["micic"].completed_at == 2000);
}

// [SECTION] Merging ---------------------------------------------------------------------------------

TEST_CASE("merging unions the sections and keeps each one's earliest time") {
  LearnerProgress mine, theirs;
  record_section_reached(mine, "micic", "why", "a", 2000);
  record_section_reached(theirs, "micic", "why", "a", 1000);
  record_section_reached(theirs, "micic", "why", "b", 3000);
  const LearnerProgress merged = merge_progress(mine, theirs);
  CHECK(merged.courses.at("micic").modules.at("why").sections_reached ==
        std::map<std::string, int64_t>{{"a", 1000}, {"b", 3000}});
}

TEST_CASE("a known time beats an unknown one when merging sections") {
  LearnerProgress mine, theirs;
  mine.courses["c"].modules["m"].sections_reached["s"] = 0;  // migrated from schema 1: time unknown
  theirs.courses["c"].modules["m"].sections_reached["s"] = 5000;
  CHECK(merge_progress(mine, theirs).courses["c"].modules["m"].sections_reached["s"] == 5000);
}

TEST_CASE("merging keeps the most recent resume point") {
  LearnerProgress mine, theirs;
  record_section_reached(mine, "micic", "why", "later", 9000);
  record_section_reached(theirs, "micic", "why", "earlier", 1000);
  CHECK(merge_progress(mine, theirs).courses["micic"].modules["why"].last_section == "later");
  CHECK(merge_progress(theirs, mine).courses["micic"].modules["why"].last_section == "later");
}

TEST_CASE("merging keeps the later copy of an attempt") {
  LearnerProgress mine, theirs;
  QuizAttempt older = attempt("a", "q", 1000);
  older.answers["q1"] = choice_answer({0});
  older.updated_at = 2000;
  QuizAttempt newer = older;
  newer.answers["q2"] = choice_answer({1});
  newer.updated_at = 3000;
  put_attempt(mine, older);
  put_attempt(theirs, newer);
  CHECK(merge_progress(mine, theirs).attempts == std::vector<QuizAttempt>{newer});
  CHECK(merge_progress(theirs, mine).attempts == std::vector<QuizAttempt>{newer});
}

TEST_CASE("a submitted copy of an attempt beats a later open copy") {
  // Another tab kept answering an attempt this tab had already submitted.
  LearnerProgress mine, theirs;
  QuizAttempt submitted = attempt("a", "q", 1000, true, 0.5);
  submitted.updated_at = 2000;
  QuizAttempt still_open = attempt("a", "q", 1000);
  still_open.updated_at = 5000;
  put_attempt(mine, submitted);
  put_attempt(theirs, still_open);
  CHECK(merge_progress(mine, theirs).attempts == std::vector<QuizAttempt>{submitted});
}

TEST_CASE("merging keeps attempts that only one copy has") {
  LearnerProgress mine, theirs;
  put_attempt(mine, attempt("mine", "q", 2000));
  put_attempt(theirs, attempt("theirs", "q", 1000));
  const LearnerProgress merged = merge_progress(mine, theirs);
  REQUIRE(merged.attempts.size() == 2);
  CHECK(merged.attempts[0].id == "theirs");  // ordered by start time
  CHECK(merged.attempts[1].id == "mine");
}

TEST_CASE("merging keeps the earliest completion date") {
  LearnerProgress mine, theirs;
  mine.courses["micic"].completed_at = 7000;
  theirs.courses["micic"].completed_at = 6000;
  CHECK(merge_progress(mine, theirs).courses["micic"].completed_at == 6000);
  theirs.courses["micic"].completed_at = 0;
  CHECK(merge_progress(mine, theirs).courses["micic"].completed_at == 7000);
}

TEST_CASE("merging gives the same result in either order") {
  LearnerProgress a = sample_progress();
  LearnerProgress b;
  b.profile_id = a.profile_id;
  record_section_reached(b, "micic", "why-micic", "what-is-micic", 500);
  record_section_reached(b, "micic", "principles", "principle-1", 6000);
  QuizAttempt same_time_other_answer = *find_attempt(a, "a-2");
  same_time_other_answer.answers["why-1"] = choice_answer({1});  // a tie on updated_at, different content
  put_attempt(b, same_time_other_answer);
  put_attempt(b, attempt("b-1", "q-principles", 6500, true, 0.6));
  b.courses["micic"].completed_at = 4500;
  CHECK(merge_progress(a, b) == merge_progress(b, a));
}

TEST_CASE("merging a copy into itself or merging twice changes nothing") {
  const LearnerProgress a = sample_progress();
  LearnerProgress b;
  record_section_reached(b, "micic", "principles", "principle-1", 6000);
  put_attempt(b, attempt("b-1", "q-principles", 6500, true, 0.6));
  CHECK(merge_progress(a, a) == a);
  const LearnerProgress once = merge_progress(a, b);
  CHECK(merge_progress(once, b) == once);
  CHECK(merge_progress(once, a) == once);
}

// [SECTION] Stored form ---------------------------------------------------------------------------

TEST_CASE("progress comes back unchanged from its stored form") {
  const LearnerProgress progress = sample_progress();
  const DataResult<LearnerProgress> loaded = parse_progress(progress_to_json(progress));
  INFO(loaded.reason);
  REQUIRE(loaded.ok());
  CHECK(*loaded.value == progress);
  CHECK(loaded.migrated_from == 0);
}

TEST_CASE("stored progress carries its schema and a checksum, and ids rather than titles") {
  const nlohmann::json stored = parsed(progress_to_json(sample_progress()));
  CHECK(stored["schema"] == kProgressSchema);
  CHECK(stored["checksum"].get<std::string>().size() == 64);
  CHECK(stored["attempts"][0]["quiz"] == "q-why-micic");
  CHECK(stored["attempts"][0]["seed"] == "fedcba9876543210");
}

TEST_CASE("stored progress changed after it was written is reported damaged") {
  std::string text = progress_to_json(sample_progress());
  const size_t at = text.find("\"score\":0.8");
  REQUIRE(at != std::string::npos);
  text.replace(at, 11, "\"score\":0.9");
  const DataResult<LearnerProgress> loaded = parse_progress(text);
  CHECK(loaded.error == DataError::Damaged);
  CHECK_FALSE(loaded.ok());
  CHECK(loaded.reason.find("damaged") != std::string::npos);
}

TEST_CASE("truncated stored progress is reported unreadable") {
  const std::string text = progress_to_json(sample_progress());
  CHECK(parse_progress(text.substr(0, text.size() / 2)).error == DataError::NotJson);
}

TEST_CASE("stored text that is not JSON is reported unreadable") {
  CHECK(parse_progress("hello").error == DataError::NotJson);
  CHECK(parse_progress("").error == DataError::NotJson);
}

TEST_CASE("JSON without a schema is not taken for progress") {
  CHECK(parse_progress(R"({"profiles":[]})").error == DataError::Foreign);
  CHECK(parse_progress("[1,2,3]").error == DataError::Foreign);
  CHECK(parse_progress(R"({"schema":"2"})").error == DataError::Foreign);
}

TEST_CASE("progress from a newer schema is refused, not guessed at") {
  nlohmann::json value = parsed(progress_to_json(sample_progress()));
  value["schema"] = kProgressSchema + 1;
  const DataResult<LearnerProgress> loaded = parse_progress(with_fresh_checksum(value));
  CHECK(loaded.error == DataError::NewerVersion);
  CHECK(loaded.reason.find("newer version") != std::string::npos);
}

TEST_CASE("a schema below 1 is reported invalid") {
  CHECK(parse_progress(R"({"schema":0})").error == DataError::Invalid);
}

TEST_CASE("a field of the wrong type is reported with where it is") {
  nlohmann::json value = parsed(progress_to_json(sample_progress()));
  value["attempts"][1]["submitted"] = "yes";
  const DataResult<LearnerProgress> loaded = parse_progress(with_fresh_checksum(value));
  CHECK(loaded.error == DataError::Invalid);
  CHECK(loaded.reason.find("attempt 2") != std::string::npos);
  CHECK(loaded.reason.find("'submitted'") != std::string::npos);
}

TEST_CASE("a score outside 0..1 or a negative time is invalid") {
  nlohmann::json value = parsed(progress_to_json(sample_progress()));
  value["attempts"][0]["score"] = 1.5;
  CHECK(parse_progress(with_fresh_checksum(value)).error == DataError::Invalid);
  value = parsed(progress_to_json(sample_progress()));
  value["attempts"][0]["started_at"] = -1;
  CHECK(parse_progress(with_fresh_checksum(value)).error == DataError::Invalid);
}

// [SECTION] Migration from schema 1 ----------------------------------------------------------------------

TEST_CASE("schema 1 progress is migrated with nothing lost") {
  const std::string fixture = read_fixture("progress-v1.json");
  REQUIRE_FALSE(fixture.empty());
  const DataResult<LearnerProgress> loaded = parse_progress(fixture);
  INFO(loaded.reason);
  REQUIRE(loaded.ok());
  CHECK(loaded.migrated_from == 1);
  const LearnerProgress& progress = *loaded.value;
  CHECK(progress.profile_id == "p-ana");
  const CourseProgress& micic = progress.courses.at("micic");
  CHECK(micic.completed_at == 1700000900000);
  const ModuleProgress& why = micic.modules.at("why-micic");
  CHECK(why.sections_reached == std::map<std::string, int64_t>{{"what-is-micic", 0}, {"who-it-serves", 0}});
  CHECK(why.last_section == "who-it-serves");
  CHECK(micic.modules.at("principles").sections_reached.count("principle-1") == 1);
  REQUIRE(progress.attempts.size() == 2);
  const QuizAttempt& first = progress.attempts[0];
  CHECK(first.id == "v1-1-1700000100000");
  CHECK(first.quiz_id == "q-why-micic");
  CHECK(first.submitted);
  CHECK(first.score == 0.5);
  CHECK(first.updated_at == 1700000200000);
  CHECK(first.answers.at("why-1") == choice_answer({0}));
  CHECK(first.answers.at("why-2") == true_false_answer(true));
  const QuizAttempt& second = progress.attempts[1];
  CHECK_FALSE(second.submitted);
  CHECK(second.finished_at == 0);
  CHECK(second.updated_at == 1700000300000);
  CHECK(second.answers.at("principles-1").text == "Non-discrimination");
}

TEST_CASE("two tabs migrating the same schema 1 record agree on attempt ids") {
  const std::string fixture = read_fixture("progress-v1.json");
  const LearnerProgress one = *parse_progress(fixture).value;
  const LearnerProgress two = *parse_progress(fixture).value;
  CHECK(merge_progress(one, two).attempts.size() == 2);
}

TEST_CASE("migrated progress is saved in the current schema") {
  const LearnerProgress migrated = *parse_progress(read_fixture("progress-v1.json")).value;
  const DataResult<LearnerProgress> again = parse_progress(progress_to_json(migrated));
  REQUIRE(again.ok());
  CHECK(again.migrated_from == 0);
  CHECK(*again.value == migrated);
}

TEST_CASE("schema 1 progress with a broken field is reported, not guessed at") {
  nlohmann::json value = parsed(read_fixture("progress-v1.json"));
  value["sections"]["micic-without-module"] = nlohmann::json::array({"s"});
  CHECK(parse_progress(value.dump()).error == DataError::Invalid);
  value = parsed(read_fixture("progress-v1.json"));
  value["attempts"][0].erase("started_at");
  const DataResult<LearnerProgress> loaded = parse_progress(value.dump());
  CHECK(loaded.error == DataError::Invalid);
  CHECK(loaded.reason.find("'started_at' is missing") != std::string::npos);
}

// [SECTION] Profiles and PINs ------------------------------------------------------------------------

TEST_CASE("a PIN hash verifies the same PIN and no other") {
  const std::optional<PinHash> pin = make_pin_hash("2468", kSalt);
  REQUIRE(pin);
  CHECK(verify_pin(*pin, "2468"));
  CHECK_FALSE(verify_pin(*pin, "2469"));
  CHECK_FALSE(verify_pin(*pin, ""));
}

TEST_CASE("the same PIN with another salt hashes differently") {
  CHECK(make_pin_hash("2468", kSalt)->hash_hex != make_pin_hash("2468", "fedcba9876543210")->hash_hex);
}

TEST_CASE("a PIN is exactly four digits") {
  CHECK(is_valid_pin("0000"));
  CHECK_FALSE(is_valid_pin("123"));
  CHECK_FALSE(is_valid_pin("12345"));
  CHECK_FALSE(is_valid_pin("12a4"));
  CHECK_FALSE(make_pin_hash("12a4", kSalt).has_value());
}

TEST_CASE("a salt shorter than 16 bytes is refused") {
  CHECK_FALSE(make_pin_hash("2468", "short").has_value());
}

TEST_CASE("the PIN hash chains SHA-256 over the previous digest, salt and PIN") {
  const Sha256Digest first = sha256("salt1234");
  const std::string first_bytes(first.begin(), first.end());
  CHECK(hash_pin("1234", "salt", 1) == sha256_hex("salt1234"));
  CHECK(hash_pin("1234", "salt", 2) == sha256_hex(first_bytes + "salt1234"));
}

TEST_CASE("a profile name must be given and short, on one line") {
  CHECK(profile_name_problem("Ana") == std::nullopt);
  CHECK(profile_name_problem("Óscar Núñez") == std::nullopt);
  CHECK(profile_name_problem("   ").has_value());
  CHECK(profile_name_problem("a\nb").has_value());
  CHECK(profile_name_problem(std::string(41, 'x')).has_value());
  CHECK(profile_name_problem(std::string(40, 'x')) == std::nullopt);
}

TEST_CASE("profiles come back unchanged from their stored form, PIN included") {
  ProfileStore store;
  store.idle_sign_out_minutes = 15;
  store.profiles.push_back(ana());
  Profile budi = ana();
  budi.id = "p-budi";
  budi.name = "Budi";
  budi.pin = make_pin_hash("1357", kSalt);
  store.profiles.push_back(budi);
  const DataResult<ProfileStore> loaded = parse_profiles(profiles_to_json(store));
  INFO(loaded.reason);
  REQUIRE(loaded.ok());
  CHECK(*loaded.value == store);
  CHECK(verify_pin(*loaded.value->profiles[1].pin, "1357"));
}

TEST_CASE("a changed profile list is reported damaged") {
  ProfileStore store;
  store.profiles.push_back(ana());
  std::string text = profiles_to_json(store);
  text.replace(text.find("Ana"), 3, "Eve");
  CHECK(parse_profiles(text).error == DataError::Damaged);
}

TEST_CASE("a profile list with a broken entry is reported, not guessed at") {
  ProfileStore store;
  store.profiles.push_back(ana());
  store.profiles.push_back(ana());  // the same id twice
  CHECK(parse_profiles(profiles_to_json(store)).error == DataError::Invalid);
  CHECK(parse_profiles("{").error == DataError::NotJson);
  CHECK(parse_profiles(R"({"schema":1})").error == DataError::Foreign);
}

TEST_CASE("removing a profile removes only that profile") {
  ProfileStore store;
  store.profiles.push_back(ana());
  Profile budi = ana();
  budi.id = "p-budi";
  store.profiles.push_back(budi);
  CHECK(remove_profile(store, "p-ana"));
  CHECK_FALSE(remove_profile(store, "p-ana"));
  REQUIRE(store.profiles.size() == 1);
  CHECK(find_profile(store, "p-budi") != nullptr);
}

TEST_CASE("idle sign-out is due only after the chosen minutes, and never when off") {
  ProfileStore store;
  CHECK_FALSE(idle_sign_out_due(store, 0, 100'000'000));
  store.idle_sign_out_minutes = 10;
  CHECK_FALSE(idle_sign_out_due(store, 0, 599'999));
  CHECK(idle_sign_out_due(store, 0, 600'000));
}

// [SECTION] Export and import -----------------------------------------------------------------------

TEST_CASE("an exported file imports back to the same progress, name and colour") {
  const LearnerProgress progress = sample_progress();
  const DataResult<ImportedProgress> imported = parse_export(export_progress(ana(), progress, 9000));
  INFO(imported.reason);
  REQUIRE(imported.ok());
  CHECK(imported.value->name == "Ana");
  CHECK(imported.value->colour == 3);
  CHECK(imported.value->exported_at == 9000);
  CHECK(imported.value->progress == progress);
}

TEST_CASE("an export says what it is and never contains the PIN") {
  Profile profile = ana();
  profile.pin = make_pin_hash("2468", kSalt);
  const std::string file = export_progress(profile, sample_progress(), 9000);
  const nlohmann::json value = parsed(file);
  CHECK(value["format"] == "siaga-progress");
  CHECK(value["version"] == 1);
  CHECK(file.find(profile.pin->hash_hex) == std::string::npos);
  CHECK(file.find(profile.pin->salt_hex) == std::string::npos);
}

TEST_CASE("a re-indented export still imports") {
  const std::string file = export_progress(ana(), sample_progress(), 9000);
  CHECK(parse_export(parsed(file).dump(4)).ok());
}

TEST_CASE("an oversized file is refused before it is read") {
  const DataResult<ImportedProgress> imported = parse_export(std::string(kMaxImportBytes + 1, ' '));
  CHECK(imported.error == DataError::TooLarge);
  CHECK(imported.reason.find("too large") != std::string::npos);
}

TEST_CASE("a truncated file is reported unreadable") {
  const std::string file = export_progress(ana(), sample_progress(), 9000);
  CHECK(parse_export(file.substr(0, file.size() - 10)).error == DataError::NotJson);
}

TEST_CASE("a file that is not JSON is reported unreadable") {
  CHECK(parse_export("PK\x03\x04 a zip file").error == DataError::NotJson);
}

TEST_CASE("foreign JSON is not a Siaga progress file") {
  const DataResult<ImportedProgress> imported = parse_export(R"({"format":"something-else","version":1})");
  CHECK(imported.error == DataError::Foreign);
  CHECK(imported.reason == "this file is not a Siaga progress file");
  CHECK(parse_export(progress_to_json(sample_progress())).error == DataError::Foreign);  // a store, not an export
}

TEST_CASE("a file from a newer Siaga is refused with that reason") {
  nlohmann::json value = parsed(export_progress(ana(), sample_progress(), 9000));
  value["version"] = kExportVersion + 1;
  CHECK(parse_export(with_fresh_checksum(value)).error == DataError::NewerVersion);
}

TEST_CASE("a file whose checksum does not match is damaged") {
  nlohmann::json value = parsed(export_progress(ana(), sample_progress(), 9000));
  value["checksum"] = std::string(64, '0');
  const DataResult<ImportedProgress> imported = parse_export(value.dump());
  CHECK(imported.error == DataError::Damaged);
  CHECK(imported.reason.find("the file is damaged") == 0);
}

TEST_CASE("the checksum covers the learner's name too") {
  nlohmann::json value = parsed(export_progress(ana(), sample_progress(), 9000));
  value["profile"]["name"] = "Eve";
  CHECK(parse_export(value.dump()).error == DataError::Damaged);
}

TEST_CASE("a signed file with invalid content is reported invalid") {
  nlohmann::json value = parsed(export_progress(ana(), sample_progress(), 9000));
  value["profile"]["colour"] = 99;
  CHECK(parse_export(with_fresh_checksum(value)).error == DataError::Invalid);
}

TEST_CASE("damaged progress inside an intact file is reported damaged") {
  nlohmann::json value = parsed(export_progress(ana(), sample_progress(), 9000));
  value["progress"]["attempts"][0]["score"] = 1.0;  // the inner checksum no longer matches
  CHECK(parse_export(with_fresh_checksum(value)).error == DataError::Damaged);
}

TEST_CASE("importing never replaces newer progress with older") {
  LearnerProgress mine = sample_progress();
  QuizAttempt current = *find_attempt(mine, "a-2");
  const LearnerProgress old_copy = mine;  // exported before the learner went on
  current.answers["why-1"] = choice_answer({1});
  current.updated_at = 8000;
  put_attempt(mine, current);
  const DataResult<ImportedProgress> imported = parse_export(export_progress(ana(), old_copy, 6000));
  REQUIRE(imported.ok());
  const LearnerProgress merged = merge_progress(mine, imported.value->progress);
  CHECK(*find_attempt(merged, "a-2") == current);
}

// [SECTION] Resume question and schema 2 ------------------------------------------------------------------

TEST_CASE("answering a question makes it and its section the module's resume point") {
  LearnerProgress progress;
  record_section_reached(progress, "micic", "why", "intro", 1000);
  CHECK(record_question_reached(progress, "micic", "why", "check", "why-2", 2000));
  const ModuleProgress& module = progress.courses["micic"].modules["why"];
  CHECK(module.last_section == "check");
  CHECK(module.last_question == "why-2");
  CHECK(module.sections_reached.count("check") == 1);
  CHECK(module.last_visited_at == 2000);
  CHECK_FALSE(record_question_reached(progress, "micic", "why", "check", "why-2", 2500));
}

TEST_CASE("staying on the quiz's section keeps the resume question; moving on forgets it") {
  LearnerProgress progress;
  record_question_reached(progress, "micic", "why", "check", "why-2", 1000);
  CHECK_FALSE(record_section_reached(progress, "micic", "why", "check", 2000));
  CHECK(progress.courses["micic"].modules["why"].last_question == "why-2");
  CHECK(record_section_reached(progress, "micic", "why", "sources", 3000));
  CHECK(progress.courses["micic"].modules["why"].last_question.empty());
}

TEST_CASE("merging keeps the resume question of the more recent visit") {
  LearnerProgress mine, theirs;
  record_question_reached(mine, "micic", "why", "check", "why-1", 1000);
  record_question_reached(theirs, "micic", "why", "check", "why-4", 2000);
  CHECK(merge_progress(mine, theirs).courses["micic"].modules["why"].last_question == "why-4");
  CHECK(merge_progress(theirs, mine).courses["micic"].modules["why"].last_question == "why-4");
}

TEST_CASE("the resume question is saved and read back") {
  LearnerProgress progress = sample_progress();
  record_question_reached(progress, "micic", "why-micic", "check", "why-3", 6000);
  const std::string text = progress_to_json(progress);
  CHECK(parsed(text)["schema"] == 3);
  const DataResult<LearnerProgress> loaded = parse_progress(text);
  REQUIRE(loaded.ok());
  CHECK(loaded.migrated_from == 0);
  CHECK(loaded.value->courses.at("micic").modules.at("why-micic").last_question == "why-3");
  CHECK(*loaded.value == progress);
}

TEST_CASE("schema 2 progress (no resume question) still loads, with nothing lost") {
  const std::string fixture = read_fixture("progress-v2.json");
  REQUIRE_FALSE(fixture.empty());
  const DataResult<LearnerProgress> loaded = parse_progress(fixture);
  INFO(loaded.reason);
  REQUIRE(loaded.ok());
  CHECK(loaded.migrated_from == 2);
  const ModuleProgress& why = loaded.value->courses.at("micic").modules.at("why-micic");
  CHECK(why.sections_reached.size() == 3);
  CHECK(why.last_section == "check");
  CHECK(why.last_visited_at == 1700000120000);
  CHECK(why.last_question.empty());
  REQUIRE(loaded.value->attempts.size() == 1);
  CHECK(loaded.value->attempts[0].answers.at("why-1") == choice_answer({1}));
  // Saved again, it is schema 3 and reads back the same.
  const DataResult<LearnerProgress> again = parse_progress(progress_to_json(*loaded.value));
  REQUIRE(again.ok());
  CHECK(again.migrated_from == 0);
  CHECK(*again.value == *loaded.value);
}

TEST_CASE("schema 2 progress changed after it was written is still refused as damaged") {
  nlohmann::json value = parsed(read_fixture("progress-v2.json"));
  value["courses"]["micic"]["modules"]["why-micic"]["last_section"] = "initiative";
  CHECK(parse_progress(value.dump()).error == DataError::Damaged);
}

TEST_CASE("a resume question that is not text is reported, not guessed at") {
  nlohmann::json value = parsed(progress_to_json(sample_progress()));
  value["courses"]["micic"]["modules"]["why-micic"]["last_question"] = 7;
  const DataResult<LearnerProgress> loaded = parse_progress(with_fresh_checksum(value));
  CHECK(loaded.error == DataError::Invalid);
  CHECK(loaded.reason.find("'last_question' should be text") != std::string::npos);
}
