// quizzes.cpp — the quiz and certificate actions of the signed-in learner: an attempt started with a
// stored seed, each answer recorded and saved at once (DeviceStore::save_progress), a submitted
// attempt scored with the course's pass mark, and the certificate of a completed course.
//
// The question bank a facilitator offers as a practice quiz (course kBankCourseId) goes through the
// same steps and the same scoring, but its attempts are kept in AppState::bank.practice: this session
// and this learner (or guest) only, never saved, counted for no course and not reported to an LMS.
#include <string>

#include "app/controller.h"
#include "app/device_store.h"
#include "app/handlers.h"
#include "app/learner.h"
#include "core/certificate.h"
#include "core/course_status.h"
#include "core/printable.h"
#include "core/quiz.h"
#include "core/sha256.h"

namespace siaga {

namespace {

struct QuizRef {
  const Course* course = nullptr;
  const Module* module = nullptr;
  const Quiz* quiz = nullptr;
};

QuizRef find_quiz(const AppState& app, const Route& where, std::string_view quiz_id) {
  QuizRef ref;
  if (where.course == kBankCourseId) {  // the offered bank; nothing while it is not offered
    if (!app.bank.offer || !app.bank.imported) return ref;
    ref.course = &app.bank.imported->course;
    ref.module = &ref.course->modules.front();
    if (where.module == ref.module->id && quiz_id == ref.module->quizzes.front().id) ref.quiz = &ref.module->quizzes.front();
    return ref;
  }
  const Language* language = app.catalog.find_language(app.language);
  if (!language) return ref;
  ref.course = find_course(*language, where.course);
  ref.module = ref.course ? find_module(*ref.course, where.module) : nullptr;
  if (ref.module)
    for (const Quiz& quiz : ref.module->quizzes)
      if (quiz.id == quiz_id) ref.quiz = &quiz;
  return ref;
}

uint64_t seed_from(std::string_view bytes) {
  uint64_t seed = 0;
  for (unsigned char c : bytes) seed = (seed << 8) | c;
  return seed;
}

// Practice on the offered bank: its attempts, started afresh for whoever is using the device now.
LearnerProgress& practice_of(AppState& app) {
  if (app.bank.practice.profile_id != app.profile_id) app.bank.practice = LearnerProgress{.profile_id = app.profile_id};
  return app.bank.practice;
}

// The attempts holding `attempt_id`: the learner's, or the bank practice's (nullptr: neither).
LearnerProgress* holder_of(AppState& app, std::string_view attempt_id) {
  if (find_attempt(app.progress, attempt_id)) return &app.progress;
  if (app.bank.offer && find_attempt(practice_of(app), attempt_id)) return &app.bank.practice;
  return nullptr;
}

bool start_quiz(AppState& app, Platform& platform, const StartQuiz& action) {
  const QuizRef ref = find_quiz(app, Route{Screen::Module, action.course, action.module, ""}, action.quiz);
  const bool practice = action.course == kBankCourseId;  // a guest may practise too: nothing is saved
  if (!ref.quiz || (app.profile_id.empty() && !(practice && app.guest))) return false;
  LearnerProgress& progress = practice ? practice_of(app) : app.progress;
  if (open_attempt(progress, ref.course->id, ref.quiz->id)) return false;  // resume, don't restart
  if (attempts_left(*ref.quiz, quiz_attempts(progress, ref.course->id, ref.quiz->id)) == 0) return false;
  const std::string bytes = platform.random_bytes(8);
  put_attempt(progress, start_attempt(*ref.quiz, ref.course->id, ref.module->id, (practice ? "p" : "a") + to_hex(bytes),
                                      seed_from(bytes), platform.now_ms()));
  if (!practice) DeviceStore(app, platform).save_progress();
  return true;
}

const Quiz* quiz_of_attempt(const AppState& app, const QuizAttempt& attempt) {
  return find_quiz(app, Route{Screen::Module, attempt.course_id, attempt.module_id, ""}, attempt.quiz_id).quiz;
}

bool submit_quiz(AppState& app, Platform& platform, const SubmitQuiz& action) {
  LearnerProgress* progress = holder_of(app, action.attempt);
  const QuizAttempt* found = progress ? find_attempt(*progress, action.attempt) : nullptr;
  if (!found || found->submitted) return false;
  QuizAttempt attempt = *found;
  const QuizRef ref = find_quiz(app, Route{Screen::Module, attempt.course_id, attempt.module_id, ""}, attempt.quiz_id);
  if (!ref.quiz) return false;
  submit_attempt(attempt, *ref.quiz, ref.course->pass_percent, platform.now_ms());
  put_attempt(*progress, std::move(attempt));
  if (progress != &app.progress) return true;  // practice: scored and shown, counted for no course
  update_completion(*ref.course, app.progress, platform.now_ms());
  DeviceStore(app, platform).save_progress();
  return true;
}

// The signed-in learner's certificate of a completed course: printed, or downloaded as an HTML file.
void get_certificate(AppState& app, Platform& platform, std::string_view course_id, bool as_file) {
  const Profile* profile = find_profile(app.profiles, app.profile_id);
  const Language* language = app.catalog.find_language(app.language);
  const Course* course = language ? find_course(*language, course_id) : nullptr;
  if (!profile || !course) return;
  const auto certificate = learner_certificate(*course, app.progress, profile->name);
  if (!certificate) return;
  const std::string html = certificate_html(*certificate, course->title, ui_text(app), app.language);
  std::string file_name = "siaga-certificate-" + course->id + "-" + certificate->code;
  if (as_file) platform.download_file(file_name + ".html", "text/html", html);
  else platform.print_document(file_name, html);
}

}  // namespace

bool apply(AppState& app, Platform& platform, const StartQuiz& action) {
  return reported(app, platform, start_quiz(app, platform, action));
}

// The answer path, canvas to storage: quiz_view.cpp records AnswerChosen -> apply_action
// (controller.cpp) -> here -> DeviceStore::save_progress (device_store.cpp) -> the platform's store.
bool apply(AppState& app, Platform& platform, const AnswerChosen& action) {
  LearnerProgress* progress = holder_of(app, action.attempt);
  const QuizAttempt* found = progress ? find_attempt(*progress, action.attempt) : nullptr;
  if (!found) return false;
  QuizAttempt attempt = *found;
  const Quiz* quiz = quiz_of_attempt(app, attempt);
  if (!quiz || record_answer(attempt, *quiz, action.question, action.answer, platform.now_ms()) != RecordResult::Recorded)
    return false;
  app.checked_questions.erase(attempt.id + "/" + action.question);
  if (progress != &app.progress) {  // practice on the bank: kept for the session only
    put_attempt(*progress, std::move(attempt));
    return true;
  }
  // The question answered becomes the resume point, so "Continue" lands on it.
  if (const QuizRef ref = find_quiz(app, Route{Screen::Module, attempt.course_id, attempt.module_id, ""}, attempt.quiz_id);
      ref.module) {
    if (const std::string section = section_of_quiz(*ref.module, attempt.quiz_id); !section.empty())
      record_question_reached(app.progress, attempt.course_id, attempt.module_id, section, action.question,
                              platform.now_ms());
  }
  put_attempt(app.progress, std::move(attempt));
  DeviceStore(app, platform).save_progress();
  report_to_lms(app, platform);
  return true;
}

bool apply(AppState& app, Platform& platform, const CheckAnswer& action) {
  return reported(app, platform, app.checked_questions.insert(action.attempt + "/" + action.question).second);
}

bool apply(AppState& app, Platform& platform, const SubmitQuiz& action) {
  return reported(app, platform, submit_quiz(app, platform, action));
}

bool apply(AppState& app, Platform& platform, const PrintCertificate& action) {
  get_certificate(app, platform, action.course, false);
  return false;
}

bool apply(AppState& app, Platform& platform, const DownloadCertificate& action) {
  get_certificate(app, platform, action.course, true);
  return false;
}

}  // namespace siaga
