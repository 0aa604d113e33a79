// course_status.cpp — a learner's standing in a course, from content and progress (see course_status.h).
#include "core/course_status.h"

#include <algorithm>
#include <cmath>

namespace siaga {

namespace {

const ModuleProgress* module_progress(const LearnerProgress& progress, std::string_view course_id,
                                      std::string_view module_id) {
  const auto course = progress.courses.find(std::string(course_id));
  if (course == progress.courses.end()) return nullptr;
  const auto module = course->second.modules.find(std::string(module_id));
  return module == course->second.modules.end() ? nullptr : &module->second;
}

int64_t earliest_known(int64_t a, int64_t b) {
  if (a == 0) return b;
  if (b == 0) return a;
  return std::min(a, b);
}

const Section* find_section(const Module& module, std::string_view section_id) {
  for (const Section& section : module.sections)
    if (section.id == section_id) return &section;
  return nullptr;
}

bool section_has_question(const Module& module, std::string_view section_id, std::string_view question_id) {
  for (const Quiz& quiz : module.quizzes) {
    if (quiz.section_id != section_id) continue;
    for (const Question& question : quiz.questions)
      if (question.id == question_id) return true;
  }
  return false;
}

QuizStanding quiz_standing(const Course& course, const Quiz& quiz, const LearnerProgress& progress) {
  QuizStanding standing;
  standing.quiz_id = quiz.id;
  standing.graded = quiz.graded;
  standing.pass_percent = course.pass_percent;
  standing.scores = quiz_scores(progress, course.id, quiz.id);
  for (const QuizAttempt& attempt : progress.attempts) {
    if (attempt.course_id != course.id || attempt.quiz_id != quiz.id) continue;
    ++standing.attempts;
    if (!attempt.submitted) standing.open = true;
    standing.last_at = std::max({standing.last_at, attempt.updated_at, attempt.finished_at, attempt.started_at});
    if (quiz.graded && attempt.submitted && passes(attempt.score, course.pass_percent)) standing.passed = true;
  }
  return standing;
}

}  // namespace

std::string section_of_quiz(const Module& module, std::string_view quiz_id) {
  for (const Quiz& quiz : module.quizzes)
    if (quiz.id == quiz_id) return quiz.section_id;
  return "";
}

ModuleStanding module_standing(const Course& course, const Module& module, const LearnerProgress& progress) {
  ModuleStanding standing;
  standing.module_id = module.id;
  standing.minutes = module.minutes;
  standing.sections = static_cast<int>(module.sections.size());
  const ModuleProgress* seen = module_progress(progress, course.id, module.id);
  bool touched = false;
  if (seen) {
    for (const Section& section : module.sections) {
      const auto reached = seen->sections_reached.find(section.id);
      if (reached == seen->sections_reached.end()) continue;
      ++standing.sections_reached;
      standing.first_at = earliest_known(standing.first_at, reached->second);
      standing.last_at = std::max(standing.last_at, reached->second);
    }
    standing.last_at = std::max(standing.last_at, seen->last_visited_at);
    touched = standing.sections_reached > 0;
  }
  // Steps: each section, and each graded quiz (passing it is a step of its own).
  int steps = standing.sections;
  int steps_done = standing.sections_reached;
  bool all_graded_passed = true;
  for (const Quiz& quiz : module.quizzes) {
    QuizStanding q = quiz_standing(course, quiz, progress);
    if (q.attempts > 0) {
      touched = true;
      standing.last_at = std::max(standing.last_at, q.last_at);
      for (const QuizAttempt& attempt : progress.attempts)
        if (attempt.course_id == course.id && attempt.quiz_id == quiz.id)
          standing.first_at = earliest_known(standing.first_at, attempt.started_at);
    }
    if (quiz.graded) {
      ++steps;
      if (q.passed) ++steps_done;
      else all_graded_passed = false;
    }
    standing.quizzes.push_back(std::move(q));
  }
  if (!touched) standing.state = ModuleState::NotStarted;
  else if (standing.sections_reached == standing.sections && all_graded_passed) standing.state = ModuleState::Completed;
  else standing.state = ModuleState::InProgress;

  if (standing.state == ModuleState::Completed) standing.minutes_left = 0;
  else if (steps == 0) standing.minutes_left = module.minutes;
  else
    standing.minutes_left = static_cast<int>(
        std::lround(static_cast<double>(module.minutes) * static_cast<double>(steps - steps_done) / steps));
  // Something is left to do, so never claim no time is needed for it.
  if (standing.state != ModuleState::Completed && module.minutes > 0)
    standing.minutes_left = std::max(standing.minutes_left, 1);
  return standing;
}

std::optional<ResumePoint> resume_point(const Course& course, const LearnerProgress& progress) {
  const Module* latest = nullptr;
  const ModuleProgress* latest_seen = nullptr;
  for (const Module& module : course.modules) {
    if (!module.available) continue;
    const ModuleProgress* seen = module_progress(progress, course.id, module.id);
    if (!seen || (seen->last_section.empty() && seen->last_visited_at == 0)) continue;
    // ">=": with equal (e.g. unknown, migrated) times the later module in the course wins.
    if (!latest_seen || seen->last_visited_at >= latest_seen->last_visited_at) {
      latest = &module;
      latest_seen = seen;
    }
  }
  if (!latest) return std::nullopt;
  ResumePoint point;
  point.module_id = latest->id;
  if (find_section(*latest, latest_seen->last_section)) {
    point.section_id = latest_seen->last_section;
    if (!latest_seen->last_question.empty() &&
        section_has_question(*latest, point.section_id, latest_seen->last_question))
      point.question_id = latest_seen->last_question;
  }
  return point;
}

CertificateStatus certificate_status(const Course& course, const LearnerProgress& progress) {
  CertificateStatus status;
  status.pass_percent = course.pass_percent;
  if (const auto it = progress.courses.find(course.id); it != progress.courses.end())
    status.completed_at = it->second.completed_at;
  double best_sum = 0;
  for (const Module& module : course.modules) {
    for (const Quiz& quiz : module.quizzes) {
      if (!quiz.graded) continue;
      const QuizStanding q = quiz_standing(course, quiz, progress);
      ++status.quizzes_total;
      if (q.passed) ++status.quizzes_passed;
      best_sum += q.scores.best.value_or(0.0);
    }
  }
  if (!course.certificate) {
    status.state = CertificateState::NotOffered;
  } else if (status.completed_at != 0 || course_complete(course, progress)) {
    status.state = CertificateState::Ready;
    if (status.quizzes_total > 0)
      status.score_percent = static_cast<int>(std::lround(best_sum * 100.0 / status.quizzes_total));
  } else {
    status.state = CertificateState::NotYet;
  }
  return status;
}

CourseStanding course_standing(const Course& course, const LearnerProgress& progress) {
  CourseStanding standing;
  for (const Module& module : course.modules) {
    if (!module.available) continue;
    ModuleStanding m = module_standing(course, module, progress);
    standing.minutes += m.minutes;
    standing.minutes_left += m.minutes_left;
    if (m.state == ModuleState::Completed) ++standing.modules_completed;
    if (m.state != ModuleState::NotStarted) standing.started = true;
    standing.modules.push_back(std::move(m));
  }
  if (standing.minutes > 0)
    standing.fraction_done =
        static_cast<double>(standing.minutes - standing.minutes_left) / static_cast<double>(standing.minutes);
  else if (!standing.modules.empty())
    standing.fraction_done = static_cast<double>(standing.modules_completed) / standing.modules.size();
  standing.resume = resume_point(course, progress);
  standing.certificate = certificate_status(course, progress);
  return standing;
}

}  // namespace siaga
