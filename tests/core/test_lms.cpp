// SCORM 1.2: the suspend-data codec (round trip, what it keeps, the 4,096-character budget on the real
// courses, every way the LMS's copy can be bad) and the lesson status and score reported to the LMS.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/lms.h"
#include "core/sha256.h"

using namespace siaga;

namespace {

constexpr int64_t kDay = 86'400'000;
constexpr int64_t kNow = 1'760'000'000'000;  // October 2025, in unix ms

// An attempt as the app makes it: id "a" + the seed in hex.
QuizAttempt attempt_at(std::string course, std::string module, std::string quiz, uint64_t seed, int64_t started,
                       bool submitted = false, double score = 0) {
  QuizAttempt a;
  a.seed = seed;
  char id[20];
  std::snprintf(id, sizeof id, "a%016llx", static_cast<unsigned long long>(seed));
  a.id = id;
  a.course_id = std::move(course);
  a.module_id = std::move(module);
  a.quiz_id = std::move(quiz);
  a.started_at = started;
  a.updated_at = started + 60'000;
  a.submitted = submitted;
  a.finished_at = submitted ? started + 90'000 : 0;
  a.score = score;
  return a;
}

LearnerProgress sample_progress() {
  LearnerProgress progress;
  progress.profile_id = "p-lms";
  record_section_reached(progress, "micic", "why-micic", "what-is-micic", kNow);
  record_section_reached(progress, "micic", "why-micic", "who-it-serves", kNow + 1000);
  record_section_reached(progress, "micic", "principles", "first-save-lives", kNow + 2000);
  QuizAttempt done = attempt_at("micic", "why-micic", "q-why-micic", 0x0123456789abcdefull, kNow, true, 5.0 / 6.0);
  done.answers["why-1"] = choice_answer({0, 2});
  done.answers["why-2"] = true_false_answer(true);
  done.answers["why-3"] = true_false_answer(false);
  done.answers["why-4"] = matching_answer({1, 0, -1});
  done.answers["why-5"] = short_answer("Jakarta, Indonésia | 100% = \"yes\"; a/b:c");
  done.answers["why-6"] = numeric_answer("10,195");
  done.answers["why-7"] = short_answer("12");  // a short answer that reads as a number keeps number 0
  done.answers["why-8"] = Answer{};          // unanswered
  put_attempt(progress, done);
  QuizAttempt open = attempt_at("micic", "why-micic", "q-why-micic", 0xfedcba9876543210ull, kNow + kDay);
  open.answers["why-1"] = choice_answer({1});
  open.id = "v1-2-1760000000000";  // an id not made from the seed (migrated from schema 1)
  put_attempt(progress, open);
  QuizAttempt exam = attempt_at("micic", "workshop-check", "pretest", 42, kNow + 2 * kDay, true, 0.4);
  exam.mode = QuizMode::Exam;
  exam.finished_at = exam.started_at - 5;  // a clock set back between start and finish
  put_attempt(progress, exam);
  progress.courses["micic"].completed_at = kNow + 3 * kDay;
  return progress;
}

// What the suspend data should give back: the course's progress only, section times unknown.
LearnerProgress course_only(const LearnerProgress& progress, const std::string& course_id) {
  LearnerProgress expected;
  expected.courses[course_id] = progress.courses.at(course_id);
  for (auto& [module_id, module] : expected.courses[course_id].modules)
    for (auto& [section_id, reached_at] : module.sections_reached) reached_at = 0;
  for (const QuizAttempt& attempt : progress.attempts)
    if (attempt.course_id == course_id) expected.attempts.push_back(attempt);
  return expected;
}

// Suspend data with the checksum recomputed, to reach the checks that come after it.
std::string signed_body(const std::string& body) { return body + "|" + sha256_hex(body).substr(0, 8); }

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Catalog real_catalog() {
  namespace fs = std::filesystem;
  std::vector<SourceFile> files;
  for (const auto& entry : fs::recursive_directory_iterator(SIAGA_CONTENT_DIR))
    if (entry.is_regular_file() && !entry.path().filename().string().starts_with("."))
      files.push_back(SourceFile{"content/" + fs::relative(entry.path(), SIAGA_CONTENT_DIR).generic_string(),
                                 read_file(entry.path())});
  return build_catalog(files).value;
}

// A full, valid answer of the kind a learner gives, to every type of question.
Answer full_answer(const Question& question) {
  switch (question.type) {
    case QuestionType::SingleChoice:
      return choice_answer({static_cast<int>(question.choices.size()) - 1});
    case QuestionType::MultipleResponse:
      return choice_answer({0, static_cast<int>(question.choices.size()) - 1});
    case QuestionType::TrueFalse:
      return true_false_answer(!question.truth);
    case QuestionType::Matching: {
      std::vector<int> matches;
      for (size_t i = question.pairs.size(); i-- > 0;) matches.push_back(static_cast<int>(i));
      return matching_answer(matches);
    }
    case QuestionType::ShortAnswer:
      return short_answer(question.choices.empty() ? "jawaban" : question.choices.back().text);
    case QuestionType::Numeric:
      return numeric_answer("1.234,5");
    case QuestionType::Description:  // nothing to answer
    case QuestionType::Essay:        // not scored; no answer kept
      return {};
  }
  return {};
}

// Every section reached; every quiz, graded or not, answered in full twice: a submitted attempt and an
// open one.
LearnerProgress everything_answered_twice(const Course& course) {
  LearnerProgress progress;
  int64_t time = kNow;
  uint64_t seed = 0x9e3779b97f4a7c15ull;
  for (const Module& module : course.modules) {
    for (const Section& section : module.sections)
      record_section_reached(progress, course.id, module.id, section.id, time += 60'000);
    for (const Quiz& quiz : module.quizzes)
      for (bool submitted : {true, false}) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        QuizAttempt a = attempt_at(course.id, module.id, quiz.id, seed, time += 600'000, submitted,
                                   submitted ? 7.0 / 9.0 : 0);
        a.mode = mode_for(quiz);
        for (const Question& question : quiz.questions) a.answers[question.id] = full_answer(question);
        put_attempt(progress, a);
      }
  }
  progress.courses[course.id].completed_at = time;
  return progress;
}

Course status_course() {
  Course course;
  course.id = "c";
  course.pass_percent = 70;
  for (const char* id : {"one", "two"}) {
    Module module;
    module.id = id;
    module.sections.push_back(Section{std::string("intro-") + id, "Intro", {}, 1});
    Quiz quiz;
    quiz.id = std::string("q-") + id;
    module.quizzes.push_back(quiz);
    course.modules.push_back(module);
  }
  Quiz pretest;
  pretest.id = "pretest";
  pretest.graded = false;
  pretest.kind = QuizKind::Pretest;
  course.modules[0].quizzes.push_back(pretest);
  return course;
}

void submit(LearnerProgress& progress, const std::string& quiz_id, double score, int64_t started) {
  const std::string module = quiz_id == "q-two" ? "two" : "one";
  put_attempt(progress, attempt_at("c", module, quiz_id, static_cast<uint64_t>(started), started, true, score));
}

}  // namespace

// [SECTION] Round trip and what is kept -------------------------------------------------------------

TEST_CASE("suspend data gives back the course's sections, resume points, completion and attempts") {
  const LearnerProgress progress = sample_progress();
  const DataResult<LearnerProgress> decoded = decode_suspend_data(encode_suspend_data(progress, "micic"));
  INFO(decoded.reason);
  REQUIRE(decoded.ok());
  CHECK(*decoded.value == course_only(progress, "micic"));
}

TEST_CASE("suspend data is printable ASCII with a version prefix, whatever the learner typed") {
  const std::string text = encode_suspend_data(sample_progress(), "micic");
  CHECK(text.starts_with("S1:micic:"));
  CHECK(std::all_of(text.begin(), text.end(), [](char c) { return c >= ' ' && c <= '~'; }));
  CHECK(text.find("Indon") != std::string::npos);  // typed text stays readable where it can
}

TEST_CASE("suspend data leaves out other courses and the profile") {
  LearnerProgress progress = sample_progress();
  record_section_reached(progress, "counter-trafficking", "definition", "palermo", kNow);
  put_attempt(progress, attempt_at("counter-trafficking", "definition", "q-definition", 7, kNow, true, 1));
  const DataResult<LearnerProgress> decoded = decode_suspend_data(encode_suspend_data(progress, "micic"));
  REQUIRE(decoded.ok());
  CHECK(decoded.value->profile_id.empty());
  CHECK(decoded.value->courses.count("counter-trafficking") == 0);
  CHECK(std::none_of(decoded.value->attempts.begin(), decoded.value->attempts.end(),
                     [](const QuizAttempt& a) { return a.course_id != "micic"; }));
}

TEST_CASE("of each quiz only the best submitted attempt and the newest open attempt are kept") {
  LearnerProgress progress;
  put_attempt(progress, attempt_at("micic", "why-micic", "q-why-micic", 1, kNow, true, 0.5));
  put_attempt(progress, attempt_at("micic", "why-micic", "q-why-micic", 2, kNow + 1, true, 0.9));  // best
  put_attempt(progress, attempt_at("micic", "why-micic", "q-why-micic", 3, kNow + 2, true, 0.6));  // last
  put_attempt(progress, attempt_at("micic", "why-micic", "q-why-micic", 4, kNow + 3));
  put_attempt(progress, attempt_at("micic", "why-micic", "q-why-micic", 5, kNow + 4));  // newest open
  const DataResult<LearnerProgress> decoded = decode_suspend_data(encode_suspend_data(progress, "micic"));
  REQUIRE(decoded.ok());
  std::vector<uint64_t> seeds;
  for (const QuizAttempt& a : decoded.value->attempts) seeds.push_back(a.seed);
  CHECK(seeds == std::vector<uint64_t>{2, 5});
}

TEST_CASE("a course not started yet gives suspend data with the course alone") {
  const DataResult<LearnerProgress> decoded = decode_suspend_data(encode_suspend_data(LearnerProgress{}, "micic"));
  REQUIRE(decoded.ok());
  CHECK(decoded.value->courses.size() == 1);
  CHECK(decoded.value->courses.at("micic") == CourseProgress{});
  CHECK(decoded.value->attempts.empty());
}

// [SECTION] The 4,096-character budget ----------------------------------------------------------------

TEST_CASE("every real course with every question answered twice fits the SCORM 1.2 limit with nothing dropped") {
  const Catalog catalog = real_catalog();
  size_t longest = 0, most_questions = 0;
  for (const Language& language : catalog.languages)
    for (const Course& course : language.courses) {
      const LearnerProgress progress = everything_answered_twice(course);
      size_t questions = 0;
      for (const Module& module : course.modules)
        for (const Quiz& quiz : module.quizzes) questions += quiz.questions.size();
      const std::string text = encode_suspend_data(progress, course.id);
      INFO(language.tag << "/" << course.id << ": " << questions << " questions, " << text.size() << " characters");
      CHECK(text.size() <= kMaxSuspendData);
      const DataResult<LearnerProgress> decoded = decode_suspend_data(text);
      REQUIRE(decoded.ok());
      CHECK(*decoded.value == course_only(progress, course.id));  // both attempts of every quiz kept
      longest = std::max(longest, text.size());
      most_questions = std::max(most_questions, questions);
    }
  MESSAGE("longest suspend data of a real course: " << longest << " characters");
  CHECK(most_questions >= 75);  // the budget was really tried on the largest course (80 questions)
}

TEST_CASE("when the kept attempts are still too long the oldest go first") {
  LearnerProgress progress;
  record_section_reached(progress, "micic", "why-micic", "what-is-micic", kNow);
  for (int i = 0; i < 4; ++i) {
    QuizAttempt a = attempt_at("micic", "m" + std::to_string(i), "q" + std::to_string(i), 100 + i, kNow + i, true, 1);
    a.answers["long"] = short_answer(std::string(400, 'e') + std::string(200, '|'));  // 1,000 characters escaped
    put_attempt(progress, a);
  }
  const std::string text = encode_suspend_data(progress, "micic");
  CHECK(text.size() <= kMaxSuspendData);
  const DataResult<LearnerProgress> decoded = decode_suspend_data(text);
  REQUIRE(decoded.ok());
  std::vector<uint64_t> seeds;
  for (const QuizAttempt& a : decoded.value->attempts) seeds.push_back(a.seed);
  CHECK(seeds == std::vector<uint64_t>{101, 102, 103});
  CHECK(decoded.value->courses.at("micic").modules.at("why-micic").sections_reached.size() == 1);
}

TEST_CASE("progress too long even without attempts keeps the resume points and the completion") {
  LearnerProgress progress;
  for (int m = 0; m < 20; ++m)
    for (int s = 0; s < 5; ++s)
      record_section_reached(progress, "micic", "module-" + std::to_string(m),
                             std::to_string(s) + std::string(58, 's') + std::to_string(m), kNow + s);
  progress.courses["micic"].completed_at = kNow;
  const std::string text = encode_suspend_data(progress, "micic");
  CHECK(text.size() <= kMaxSuspendData);
  const DataResult<LearnerProgress> decoded = decode_suspend_data(text);
  REQUIRE(decoded.ok());
  const CourseProgress& course = decoded.value->courses.at("micic");
  CHECK(course.completed_at == kNow);
  REQUIRE(course.modules.size() == 20);
  CHECK(course.modules.at("module-7").last_section == "4" + std::string(58, 's') + "7");
  CHECK(course.modules.at("module-7").sections_reached.empty());
}

// [SECTION] Bad suspend data -------------------------------------------------------------------------

TEST_CASE("suspend data that is not Siaga's is refused as foreign") {
  for (const char* text : {"", "hello", "{\"bookmark\":3}", "S:x|00000000", "Sx1:micic:|00000000", "s1:micic:"}) {
    const DataResult<LearnerProgress> decoded = decode_suspend_data(text);
    INFO(text);
    CHECK_FALSE(decoded.ok());
    CHECK(decoded.error == DataError::Foreign);
    CHECK_FALSE(decoded.reason.empty());
  }
}

TEST_CASE("suspend data from a newer Siaga is refused, not guessed at") {
  const DataResult<LearnerProgress> decoded = decode_suspend_data(signed_body("S2:micic:"));
  CHECK(decoded.error == DataError::NewerVersion);
  CHECK(decoded.reason.find("newer") != std::string::npos);
}

TEST_CASE("suspend data cut off anywhere is refused") {
  const std::string text = encode_suspend_data(sample_progress(), "micic");
  for (size_t length = 0; length < text.size(); ++length) {
    const DataResult<LearnerProgress> decoded = decode_suspend_data(text.substr(0, length));
    INFO("cut to " << length << " of " << text.size());
    CHECK_FALSE(decoded.ok());
    CHECK_FALSE(decoded.reason.empty());
  }
  CHECK(decode_suspend_data(text.substr(0, text.size() - 3)).error == DataError::Damaged);
}

TEST_CASE("suspend data changed after it was written is reported damaged") {
  std::string text = encode_suspend_data(sample_progress(), "micic");
  text[text.find("why-micic") + 1] = 'X';
  const DataResult<LearnerProgress> decoded = decode_suspend_data(text);
  CHECK(decoded.error == DataError::Damaged);
  CHECK(decoded.reason.find("checksum") != std::string::npos);
}

TEST_CASE("suspend data with characters Siaga never writes is reported damaged") {
  CHECK(decode_suspend_data(signed_body("S1:micic:\n")).error == DataError::Damaged);
  CHECK(decode_suspend_data(signed_body("S1:micic:\xC3\xA9")).error == DataError::Damaged);
}

TEST_CASE("intact suspend data with an impossible field is reported invalid, saying where") {
  const struct {
    const char* body;
    const char* where;
  } cases[] = {
      {"S1:micic:|Qm:q;~:1:PS:0:1:2:2:", "score"},
      {"S1:micic:|Qm:q;~:1:XS:0:1:2::", "mode"},
      {"S1:micic:|Qm:q;~:1:PS:0:1:2:", "8 fields"},
      {"S1:micic:|Qm:q;~:1:PO:0::-1::", "last change"},
      {"S1:micic:|Qm:q;~:1:PO:0::1::0a=c1/q", "answer to 'a'"},
      {"S1:micic:|Qm:q;~:1:PO:0::1::0a=c1,9b=c2", "list of answers"},
      {"S1:micic:|Qm:q", "no attempts"},
      {"S1:micic:|Mm:s:0:0s|Mm:s:0:0s", "twice"},
      {"S1:micic:|Mm:s:zzzzzzzzzzzzzz:0s", "last visit"},
      {"S1:micic:|Z", "no known kind"},
      {"S1:%ZZ:", "course id"},
      {"S1:micic:|Qm:q;~:1:PO:0::1::;~:1:PO:0::1::", "twice"},
  };
  for (const auto& c : cases) {
    const DataResult<LearnerProgress> decoded = decode_suspend_data(signed_body(c.body));
    INFO(c.body << " -> " << decoded.reason);
    CHECK(decoded.error == DataError::Invalid);
    CHECK(decoded.reason.find(c.where) != std::string::npos);
  }
}

// [SECTION] Lesson status and score ----------------------------------------------------------------

TEST_CASE("before any graded quiz is submitted the course is incomplete with no score") {
  LearnerProgress progress;
  record_section_reached(progress, "c", "one", "intro-one", kNow);
  put_attempt(progress, attempt_at("c", "one", "pretest", 9, kNow, true, 1));  // ungraded
  put_attempt(progress, attempt_at("c", "one", "q-one", 10, kNow));             // open, not submitted
  CHECK(lms_status(status_course(), progress) == LmsStatus{"incomplete", -1});
}

TEST_CASE("the score is the mean of the best scores, a graded quiz not yet submitted counting 0") {
  LearnerProgress progress;
  submit(progress, "q-one", 0.9, kNow);
  submit(progress, "q-one", 0.5, kNow + 1);  // a worse later attempt does not lower the score
  CHECK(lms_status(status_course(), progress) == LmsStatus{"incomplete", 45});
}

TEST_CASE("every graded quiz submitted and passed makes the course passed") {
  LearnerProgress progress;
  submit(progress, "q-one", 1.0, kNow);
  submit(progress, "q-two", 0.75, kNow + 1);
  CHECK(lms_status(status_course(), progress) == LmsStatus{"passed", 88});
}

TEST_CASE("every graded quiz submitted but one below the pass mark makes the course failed") {
  LearnerProgress progress;
  submit(progress, "q-one", 1.0, kNow);
  submit(progress, "q-two", 0.6, kNow + 1);
  CHECK(lms_status(status_course(), progress) == LmsStatus{"failed", 80});
}

TEST_CASE("a completion once recorded stays passed") {
  LearnerProgress progress;
  submit(progress, "q-one", 0.2, kNow);
  progress.courses["c"].completed_at = kNow;  // e.g. before the content gained a harder quiz
  CHECK(lms_status(status_course(), progress).lesson_status == "passed");
}

TEST_CASE("a course without graded quizzes is completed once every section was reached") {
  Course course = status_course();
  for (Module& module : course.modules) module.quizzes.clear();
  LearnerProgress progress;
  record_section_reached(progress, "c", "one", "intro-one", kNow);
  CHECK(lms_status(course, progress) == LmsStatus{"incomplete", -1});
  record_section_reached(progress, "c", "two", "intro-two", kNow);
  CHECK(lms_status(course, progress) == LmsStatus{"completed", -1});
}
