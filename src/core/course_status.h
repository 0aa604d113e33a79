// course_status.h — where a learner stands in a course, worked out from the content and their progress:
// each module's status, minutes and quiz scores, how much of the course is done and how long the rest
// should take, where "Continue" should land, and whether the certificate is earned.
//
// Why it looks like this: the catalog, the course page, "My progress" and the certificate button all
// need the same answers, so they are computed once here, purely (content + progress in, values out),
// and tested natively. Only ids that still exist in the content count: a section or quiz an author
// removed never makes a module look finished, and a stale resume point falls back to the module's start.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/content.h"
#include "core/progress.h"

namespace siaga {

enum class ModuleState {
  NotStarted,  // no section reached, no quiz attempted
  InProgress,
  Completed,   // every section reached and every graded quiz passed
};

struct QuizStanding {
  std::string quiz_id;
  bool graded = true;
  int pass_percent = 0;      // the course's pass mark
  QuizScores scores;         // best and last over submitted attempts (0..1)
  int attempts = 0;          // every attempt started, submitted or not
  bool open = false;         // an attempt is under way
  bool passed = false;       // graded, and some submitted attempt reached the pass mark
  int64_t last_at = 0;       // unix ms of the latest change to any attempt; 0 = never tried
};

struct ModuleStanding {
  std::string module_id;
  ModuleState state = ModuleState::NotStarted;
  int minutes = 0;
  int minutes_left = 0;      // the module's minutes times the share of its steps not yet done
  int sections = 0;
  int sections_reached = 0;
  std::vector<QuizStanding> quizzes;
  int64_t first_at = 0;      // first section reached or attempt started (unix ms; 0 = unknown/never)
  int64_t last_at = 0;       // latest visit or answer (unix ms; 0 = unknown/never)
};

// Where "Continue" lands: a module, a section of it ("" = its first) and, when the learner last
// answered a quiz question there, that question ("" = the top of the section).
struct ResumePoint {
  std::string module_id;
  std::string section_id;
  std::string question_id;

  bool operator==(const ResumePoint&) const = default;
};

enum class CertificateState {
  NotOffered,  // the course gives no certificate
  NotYet,      // some graded quiz is not passed yet
  Ready,       // every graded quiz passed (or completion already recorded)
};

struct CertificateStatus {
  CertificateState state = CertificateState::NotOffered;
  int quizzes_passed = 0;    // graded quizzes passed
  int quizzes_total = 0;     // graded quizzes in the course
  int pass_percent = 0;
  int64_t completed_at = 0;  // recorded completion (unix ms); 0 = not recorded yet
  int score_percent = 0;     // Ready: the mean of the best scores of the graded quizzes, rounded
};

struct CourseStanding {
  std::vector<ModuleStanding> modules;  // available modules, in course order
  int modules_completed = 0;
  int minutes = 0;
  int minutes_left = 0;
  double fraction_done = 0;  // 0..1, by minutes: (minutes - minutes_left) / minutes
  bool started = false;      // any module not NotStarted
  std::optional<ResumePoint> resume;
  CertificateStatus certificate;
};

// The learner's last place in the course: the most recently visited module's resume section and
// question, checked against the content. nullopt when no module of the course was ever opened.
std::optional<ResumePoint> resume_point(const Course& course, const LearnerProgress& progress);

CertificateStatus certificate_status(const Course& course, const LearnerProgress& progress);

ModuleStanding module_standing(const Course& course, const Module& module, const LearnerProgress& progress);

CourseStanding course_standing(const Course& course, const LearnerProgress& progress);

// The section a quiz stands in, by quiz id ("" when no quiz of the module has that id).
std::string section_of_quiz(const Module& module, std::string_view quiz_id);

}  // namespace siaga
