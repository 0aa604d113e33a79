// Where a learner stands in a course: module status and minutes left, quiz scores and attempts, the
// resume point "Continue" lands on, and the certificate status.
#include <doctest/doctest.h>

#include "core/course_status.h"
#include "core/route.h"

using namespace siaga;

namespace {

QuizAttempt attempt(std::string id, std::string module_id, std::string quiz_id, int64_t started_at, bool submitted,
                    double score) {
  QuizAttempt a;
  a.id = std::move(id);
  a.course_id = "demo";
  a.module_id = std::move(module_id);
  a.quiz_id = std::move(quiz_id);
  a.started_at = started_at;
  a.updated_at = started_at + 10;
  a.submitted = submitted;
  a.finished_at = submitted ? started_at + 50 : 0;
  a.score = score;
  return a;
}

Quiz quiz(std::string id, std::string section, std::vector<std::string> questions, bool graded = true) {
  Quiz q;
  q.id = std::move(id);
  q.graded = graded;
  q.section_id = std::move(section);
  for (auto& question_id : questions) {
    Question question;
    question.id = std::move(question_id);
    q.questions.push_back(std::move(question));
  }
  return q;
}

Module module(std::string id, int minutes, std::vector<std::string> sections, std::vector<Quiz> quizzes = {}) {
  Module m;
  m.id = std::move(id);
  m.minutes = minutes;
  for (auto& section_id : sections) {
    Section s;
    s.id = std::move(section_id);
    m.sections.push_back(std::move(s));
  }
  m.quizzes = std::move(quizzes);
  return m;
}

// Two lessons of 20 minutes (four sections, then a graded quiz in the last), and a workshop check of
// 10 minutes whose pretest is not graded.
Course demo_course(bool certificate = true) {
  Course course;
  course.id = "demo";
  course.pass_percent = 70;
  course.certificate = certificate;
  course.modules.push_back(module("one", 20, {"a", "b", "c", "check"}, {quiz("q-one", "check", {"one-1", "one-2"})}));
  course.modules.push_back(module("two", 20, {"a", "b", "c", "check"}, {quiz("q-two", "check", {"two-1"})}));
  course.modules.push_back(module("workshop", 10, {"about", "pretest"}, {quiz("pretest", "pretest", {"p-1"}, false)}));
  return course;
}

void read_all(LearnerProgress& progress, const Module& m, int64_t at) {
  for (const Section& s : m.sections) record_section_reached(progress, "demo", m.id, s.id, at++);
}

}  // namespace

TEST_CASE("a module nobody opened is not started and needs all its minutes") {
  const Course course = demo_course();
  const ModuleStanding standing = module_standing(course, course.modules[0], LearnerProgress{});
  CHECK(standing.state == ModuleState::NotStarted);
  CHECK(standing.minutes_left == 20);
  CHECK(standing.sections_reached == 0);
  REQUIRE(standing.quizzes.size() == 1);
  CHECK(standing.quizzes[0].attempts == 0);
  CHECK_FALSE(standing.quizzes[0].scores.best.has_value());
}

TEST_CASE("a module read half-way is in progress, with the minutes of the steps not done") {
  const Course course = demo_course();
  LearnerProgress progress;
  record_section_reached(progress, "demo", "one", "a", 1000);
  record_section_reached(progress, "demo", "one", "b", 2000);
  const ModuleStanding standing = module_standing(course, course.modules[0], progress);
  CHECK(standing.state == ModuleState::InProgress);
  CHECK(standing.sections_reached == 2);
  CHECK(standing.minutes_left == 12);  // 3 of 5 steps (4 sections + the graded quiz) left of 20 minutes
  CHECK(standing.first_at == 1000);
  CHECK(standing.last_at == 2000);
}

TEST_CASE("every section read but the graded quiz not passed is still in progress, never zero minutes") {
  const Course course = demo_course();
  LearnerProgress progress;
  read_all(progress, course.modules[0], 1000);
  put_attempt(progress, attempt("x1", "one", "q-one", 5000, true, 0.5));
  const ModuleStanding standing = module_standing(course, course.modules[0], progress);
  CHECK(standing.state == ModuleState::InProgress);
  CHECK(standing.minutes_left == 4);
  CHECK_FALSE(standing.quizzes[0].passed);
  CHECK(standing.quizzes[0].attempts == 1);
}

TEST_CASE("a module is completed when every section is read and its graded quiz passed") {
  const Course course = demo_course();
  LearnerProgress progress;
  read_all(progress, course.modules[0], 1000);
  put_attempt(progress, attempt("x1", "one", "q-one", 5000, true, 0.5));
  put_attempt(progress, attempt("x2", "one", "q-one", 6000, true, 0.9));
  const ModuleStanding standing = module_standing(course, course.modules[0], progress);
  CHECK(standing.state == ModuleState::Completed);
  CHECK(standing.minutes_left == 0);
  const QuizStanding& q = standing.quizzes[0];
  CHECK(q.passed);
  CHECK(q.attempts == 2);
  CHECK(q.scores.submitted == 2);
  CHECK(*q.scores.best == doctest::Approx(0.9));
  CHECK(*q.scores.last == doctest::Approx(0.9));
  CHECK(q.last_at == 6050);
  CHECK(standing.last_at == 6050);
}

TEST_CASE("a passed quiz with a section left unread is not a completed module") {
  const Course course = demo_course();
  LearnerProgress progress;
  record_section_reached(progress, "demo", "one", "check", 1000);
  put_attempt(progress, attempt("x1", "one", "q-one", 2000, true, 1.0));
  CHECK(module_standing(course, course.modules[0], progress).state == ModuleState::InProgress);
}

TEST_CASE("an ungraded check is never passed or failed and does not hold a module back") {
  const Course course = demo_course();
  LearnerProgress progress;
  read_all(progress, course.modules[2], 1000);
  const ModuleStanding standing = module_standing(course, course.modules[2], progress);
  CHECK(standing.state == ModuleState::Completed);
  CHECK_FALSE(standing.quizzes[0].graded);
  CHECK_FALSE(standing.quizzes[0].passed);
}

TEST_CASE("an open attempt alone starts a module") {
  const Course course = demo_course();
  LearnerProgress progress;
  put_attempt(progress, attempt("x1", "two", "q-two", 3000, false, 0));
  const ModuleStanding standing = module_standing(course, course.modules[1], progress);
  CHECK(standing.state == ModuleState::InProgress);
  CHECK(standing.quizzes[0].open);
  CHECK(standing.first_at == 3000);
}

TEST_CASE("sections an author removed since do not count as read") {
  const Course course = demo_course();
  LearnerProgress progress;
  record_section_reached(progress, "demo", "one", "gone", 1000);
  const ModuleStanding standing = module_standing(course, course.modules[0], progress);
  CHECK(standing.sections_reached == 0);
  CHECK(standing.state == ModuleState::NotStarted);
}

TEST_CASE("the course's time left and share done add up its modules") {
  const Course course = demo_course();
  LearnerProgress progress;
  read_all(progress, course.modules[0], 1000);
  put_attempt(progress, attempt("x1", "one", "q-one", 5000, true, 0.8));
  record_section_reached(progress, "demo", "two", "a", 7000);
  const CourseStanding standing = course_standing(course, progress);
  CHECK(standing.minutes == 50);
  CHECK(standing.minutes_left == 0 + 16 + 10);
  CHECK(standing.fraction_done == doctest::Approx(24.0 / 50.0));
  CHECK(standing.modules_completed == 1);
  CHECK(standing.started);
  REQUIRE(standing.modules.size() == 3);
  CHECK(standing.modules[2].state == ModuleState::NotStarted);
}

TEST_CASE("unavailable modules are left out of the course's figures") {
  Course course = demo_course();
  course.modules[1].available = false;
  const CourseStanding standing = course_standing(course, LearnerProgress{});
  CHECK(standing.modules.size() == 2);
  CHECK(standing.minutes == 30);
  CHECK_FALSE(standing.started);
  CHECK(standing.fraction_done == 0);
}

TEST_CASE("Continue has nowhere to go before anything was opened") {
  CHECK_FALSE(resume_point(demo_course(), LearnerProgress{}).has_value());
}

TEST_CASE("Continue lands on the most recently visited module's section") {
  const Course course = demo_course();
  LearnerProgress progress;
  record_section_reached(progress, "demo", "two", "b", 5000);
  record_section_reached(progress, "demo", "one", "c", 3000);
  const auto point = resume_point(course, progress);
  REQUIRE(point.has_value());
  CHECK(*point == ResumePoint{"two", "b", ""});
}

TEST_CASE("Continue lands on the question last answered, while the learner stayed on its section") {
  const Course course = demo_course();
  LearnerProgress progress;
  record_section_reached(progress, "demo", "one", "a", 1000);
  record_question_reached(progress, "demo", "one", "check", "one-2", 2000);
  CHECK(*resume_point(course, progress) == ResumePoint{"one", "check", "one-2"});
  record_section_reached(progress, "demo", "one", "check", 3000);
  CHECK(*resume_point(course, progress) == ResumePoint{"one", "check", "one-2"});
  record_section_reached(progress, "demo", "one", "c", 4000);
  CHECK(*resume_point(course, progress) == ResumePoint{"one", "c", ""});
}

TEST_CASE("a resume point the content no longer has falls back to the module's start") {
  const Course course = demo_course();
  LearnerProgress progress;
  record_question_reached(progress, "demo", "one", "removed", "one-1", 1000);
  CHECK(*resume_point(course, progress) == ResumePoint{"one", "", ""});
  LearnerProgress stale_question;
  record_question_reached(stale_question, "demo", "one", "check", "removed-question", 1000);
  CHECK(*resume_point(course, stale_question) == ResumePoint{"one", "check", ""});
  LearnerProgress unknown_module;
  record_section_reached(unknown_module, "demo", "removed-module", "a", 1000);
  CHECK_FALSE(resume_point(course, unknown_module).has_value());
}

TEST_CASE("with unknown visit times (migrated data) the later module of the course is resumed") {
  const Course course = demo_course();
  LearnerProgress progress;
  progress.courses["demo"].modules["one"].last_section = "b";
  progress.courses["demo"].modules["two"].last_section = "a";
  CHECK(*resume_point(course, progress) == ResumePoint{"two", "a", ""});
}

TEST_CASE("the certificate is not ready until every graded quiz is passed") {
  const Course course = demo_course();
  LearnerProgress progress;
  put_attempt(progress, attempt("x1", "one", "q-one", 1000, true, 0.8));
  CertificateStatus status = certificate_status(course, progress);
  CHECK(status.state == CertificateState::NotYet);
  CHECK(status.quizzes_passed == 1);
  CHECK(status.quizzes_total == 2);
  CHECK(status.pass_percent == 70);
  put_attempt(progress, attempt("x2", "two", "q-two", 2000, true, 0.6));
  CHECK(certificate_status(course, progress).state == CertificateState::NotYet);
  put_attempt(progress, attempt("x3", "two", "q-two", 3000, true, 1.0));
  status = certificate_status(course, progress);
  CHECK(status.state == CertificateState::Ready);
  CHECK(status.quizzes_passed == 2);
  CHECK(status.score_percent == 90);  // best scores 80 % and 100 %
}

TEST_CASE("a recorded completion keeps the certificate ready after the content changed") {
  Course course = demo_course();
  LearnerProgress progress;
  progress.courses["demo"].completed_at = 9000;
  const CertificateStatus status = certificate_status(course, progress);
  CHECK(status.state == CertificateState::Ready);
  CHECK(status.completed_at == 9000);
}

TEST_CASE("a course without a certificate says so whatever was passed") {
  const Course course = demo_course(false);
  LearnerProgress progress;
  put_attempt(progress, attempt("x1", "one", "q-one", 1000, true, 1.0));
  put_attempt(progress, attempt("x2", "two", "q-two", 2000, true, 1.0));
  CHECK(certificate_status(course, progress).state == CertificateState::NotOffered);
}

TEST_CASE("the section of a quiz is found by its id") {
  const Course course = demo_course();
  CHECK(section_of_quiz(course.modules[0], "q-one") == "check");
  CHECK(section_of_quiz(course.modules[0], "q-two") == "");
}

TEST_CASE("\"My progress\" and \"About & privacy\" have addresses of their own") {
  CHECK(parse_route("#/progress").screen == Screen::Progress);
  CHECK(route_to_hash(Route{.screen = Screen::Progress}) == "#/progress");
  CHECK(parse_route("#/about").screen == Screen::About);
  CHECK(route_to_hash(Route{.screen = Screen::About}) == "#/about");
  CHECK(parse_route("#/progress/extra").screen == Screen::Catalog);
}
