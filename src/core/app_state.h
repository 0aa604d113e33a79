// app_state.h — the one state of the app, owned by main, read by the UI, changed only by actions.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "core/content.h"
#include "core/progress.h"
#include "core/quiz.h"
#include "core/route.h"
#include "core/settings.h"

namespace siaga {

struct AppState {
  Catalog catalog;                  // languages loaded so far (immutable once loaded)
  std::vector<Diagnostic> content_diagnostics;
  std::string language = "en";      // active interface + content language
  std::string pending_language;     // requested, its content pack still downloading
  std::string language_error;       // the pack of pending_language failed to load
  Route route;
  Settings settings;
  bool storage_available = true;    // false: nothing can be saved on this device (session in memory)
  bool storage_write_failed = false;
  bool settings_damaged = false;

  // Learners on this device, and the one signed in ("" = nobody; guests read but save nothing).
  ProfileStore profiles;
  std::string profile_id;
  bool guest = false;
  LearnerProgress progress;      // the signed-in learner's
  int64_t last_input_at = 0;     // for idle sign-out

  // Plain-words notes about stored data: what was set aside, imported, or could not be saved.
  struct DataNotice {
    std::string key;     // interface string key
    std::string detail;  // filled into {0}
    bool error = false;
  };
  std::vector<DataNotice> data_notices;
  std::string form_error_key;    // the profile/PIN form's current problem (interface string key)
  std::string form_error_detail;

  // Practice questions whose feedback is showing: "<attempt id>/<question id>". Cleared when the answer
  // changes, so feedback always belongs to the answer on screen.
  std::set<std::string> checked_questions;

  bool lms_mode = false;         // launched by a SCORM LMS: one learner, progress kept by the LMS too
  std::string lms_course;        // the course the LMS launched
};

// What a screen asks for; main applies it after the frame (the UI never changes state itself).
struct Action {
  enum class Kind {
    SetLanguage, Navigate, OpenExternal, SectionReached,
    CreateProfile, SignIn, ContinueAsGuest, SignOut, RemoveMyData, ExportProgress, ImportProgress,
    SetIdleSignOut, DismissNotice,
    StartQuiz, AnswerQuestion, CheckQuestion, SubmitQuiz,
  };
  Kind kind = Kind::Navigate;
  std::string text;    // SetLanguage: tag; OpenExternal: url; CreateProfile: name; SignIn: profile id;
                       // quiz actions: quiz id (StartQuiz) or attempt id
  std::string text2;   // CreateProfile, SignIn: PIN ("" = none); AnswerQuestion, CheckQuestion: question id
  Route route;         // Navigate, SectionReached; quiz actions: course and module
  int number = 0;      // CreateProfile: colour; SetIdleSignOut: minutes; DismissNotice: index
  Answer answer;       // AnswerQuestion
};

}  // namespace siaga
