// lms.cpp — the SCORM 1.2 suspend-data codec and the lesson status / score of a course (see lms.h).
//
// [SECTION] Text pieces: base 36, escaping, numbers, front coding
// [SECTION] Choosing what to keep
// [SECTION] Writing
// [SECTION] Reading
// [SECTION] Lesson status and score
#include "core/lms.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/sha256.h"
#include "core/text_util.h"

namespace siaga {

namespace {

constexpr std::string_view kMagic = "S";
constexpr int kVersion = 1;
constexpr size_t kChecksumDigits = 8;

// [SECTION] Text pieces: base 36, escaping, numbers, front coding ----------------------------------

constexpr std::string_view kDigits36 = "0123456789abcdefghijklmnopqrstuvwxyz";

std::string base36(uint64_t value) {
  std::string out;
  do {
    out.insert(out.begin(), kDigits36[value % 36]);
    value /= 36;
  } while (value != 0);
  return out;
}

int digit36(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  return -1;
}

std::optional<uint64_t> parse_base36(std::string_view text) {
  if (text.empty() || text.size() > 13) return std::nullopt;
  uint64_t value = 0;
  for (char c : text) {
    const int digit = digit36(c);
    if (digit < 0 || value > (std::numeric_limits<uint64_t>::max() - static_cast<uint64_t>(digit)) / 36)
      return std::nullopt;
    value = value * 36 + static_cast<uint64_t>(digit);
  }
  return value;
}

// A time in unix ms: base 36, at most int64's maximum.
std::optional<int64_t> parse_time(std::string_view text) {
  const std::optional<uint64_t> value = parse_base36(text);
  if (!value || *value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return std::nullopt;
  return static_cast<int64_t>(*value);
}

std::string time_text(int64_t time) { return base36(static_cast<uint64_t>(std::max<int64_t>(0, time))); }

// A later time as its difference from `base` ("-" + digits when earlier: clocks get changed).
std::string time_after(int64_t base, int64_t time) {
  if (time >= base) return base36(static_cast<uint64_t>(time) - static_cast<uint64_t>(base));
  return "-" + base36(static_cast<uint64_t>(base) - static_cast<uint64_t>(time));
}

std::optional<int64_t> parse_time_after(int64_t base, std::string_view text) {
  const bool earlier = !text.empty() && text.front() == '-';
  const std::optional<uint64_t> delta = parse_base36(earlier ? text.substr(1) : text);
  if (!delta) return std::nullopt;
  const uint64_t limit = earlier ? static_cast<uint64_t>(base)
                                 : static_cast<uint64_t>(std::numeric_limits<int64_t>::max() - base);
  if (*delta > limit) return std::nullopt;
  return earlier ? base - static_cast<int64_t>(*delta) : base + static_cast<int64_t>(*delta);
}

// Letters, digits, space, '.', '-' and '_' stand for themselves; every other byte is %XX, so the
// separators below never occur inside a value and the text stays printable ASCII.
bool plain(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '.' ||
         c == '-' || c == '_';
}

std::string escape(std::string_view text) {
  static constexpr std::string_view hex = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    if (plain(c)) {
      out.push_back(c);
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out += {'%', hex[byte >> 4], hex[byte & 15]};
    }
  }
  return out;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> unescape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (plain(text[i])) {
      out.push_back(text[i]);
      continue;
    }
    if (text[i] != '%' || i + 2 >= text.size() || hex_digit(text[i + 1]) < 0 || hex_digit(text[i + 2]) < 0)
      return std::nullopt;
    out.push_back(static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2])));
    i += 2;
  }
  return out;
}

// Shortest text that reads back as exactly the same double (nlohmann's round-trip printing).
std::string number_text(double value) { return nlohmann::json(std::isfinite(value) ? value : 0.0).dump(); }

std::optional<double> parse_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  const nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
  if (!value.is_number()) return std::nullopt;
  return value.get<double>();
}

std::string join(const std::vector<std::string>& parts, char separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out.push_back(separator);
    out += parts[i];
  }
  return out;
}

// Sorted ids share their beginnings ("why-1", "why-2"): each entry says how many leading characters
// it shares with the previous one (one base-36 digit, so at most 35), then the rest.
std::string front_code(const std::vector<std::string>& entries) {
  std::vector<std::string> coded;
  std::string_view previous;
  for (const std::string& entry : entries) {
    size_t shared = 0;
    while (shared < 35 && shared < previous.size() && shared < entry.size() && previous[shared] == entry[shared])
      ++shared;
    coded.push_back(kDigits36[shared] + entry.substr(shared));
    previous = entry;
  }
  return join(coded, ',');
}

std::optional<std::vector<std::string>> front_decode(std::string_view text) {
  std::vector<std::string> entries;
  if (text.empty()) return entries;
  for (std::string_view coded : text::split(text, ',')) {
    const int shared = coded.empty() ? -1 : digit36(coded.front());
    if (shared < 0 || (entries.empty() ? 0 : entries.back().size()) < static_cast<size_t>(shared))
      return std::nullopt;
    entries.push_back((entries.empty() ? std::string() : entries.back().substr(0, shared)) +
                      std::string(coded.substr(1)));
  }
  return entries;
}

std::string checksum_of(std::string_view text) { return to_hex(sha256(text)).substr(0, kChecksumDigits); }

// The id the app gives an attempt: "a" + its seed's 8 bytes in hex. Such ids are written as "~".
std::string id_from_seed(uint64_t seed) {
  std::string bytes(8, '\0');
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>(seed >> (56 - 8 * i));
  return "a" + to_hex(bytes);
}

// [SECTION] Choosing what to keep ---------------------------------------------------------------------

bool better_result(const QuizAttempt& a, const QuizAttempt& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.finished_at != b.finished_at) return a.finished_at > b.finished_at;
  return a.id > b.id;
}

// Per quiz of the course: the best submitted attempt and the open one to resume, oldest first.
std::vector<QuizAttempt> attempts_worth_keeping(const LearnerProgress& progress, std::string_view course_id) {
  std::map<std::string, const QuizAttempt*> best, open;  // by quiz id
  for (const QuizAttempt& attempt : progress.attempts) {  // sorted by start: the last open one is the newest
    if (attempt.course_id != course_id) continue;
    if (!attempt.submitted) {
      open[attempt.quiz_id] = &attempt;
    } else {
      const QuizAttempt*& kept = best[attempt.quiz_id];
      if (kept == nullptr || better_result(attempt, *kept)) kept = &attempt;
    }
  }
  std::vector<QuizAttempt> kept;
  for (const auto* group : {&best, &open})
    for (const auto& [quiz_id, attempt] : *group) kept.push_back(*attempt);
  std::sort(kept.begin(), kept.end(), [](const QuizAttempt& a, const QuizAttempt& b) {
    return a.started_at != b.started_at ? a.started_at < b.started_at : a.id < b.id;
  });
  return kept;
}

// [SECTION] Writing -------------------------------------------------------------------------------

std::string answer_text(const Answer& answer) {
  const auto numbers = [](char tag, const std::vector<int>& values) {
    std::string out(1, tag);
    for (size_t i = 0; i < values.size(); ++i) out += (i > 0 ? "." : "") + std::to_string(values[i]);
    return out;
  };
  std::vector<std::string> fields;
  if (!answer.chosen.empty()) fields.push_back(numbers('c', answer.chosen));
  if (answer.truth) fields.push_back("t");
  if (!answer.matches.empty()) fields.push_back(numbers('m', answer.matches));
  if (answer.number != parse_learner_number(answer.text).value_or(0)) fields.push_back("n" + number_text(answer.number));
  if (!answer.text.empty()) fields.push_back("x" + escape(answer.text));
  return (answer.answered ? "" : "!") + join(fields, '/');
}

std::string attempt_text(const QuizAttempt& attempt) {
  std::vector<std::string> answers;
  for (const auto& [question_id, answer] : attempt.answers)
    answers.push_back(escape(question_id) + "=" + answer_text(answer));
  const std::vector<std::string> fields = {
      attempt.id == id_from_seed(attempt.seed) ? "~" : escape(attempt.id),
      base36(attempt.seed),
      std::string(attempt.mode == QuizMode::Exam ? "E" : "P") + (attempt.submitted ? "S" : "O"),
      time_text(attempt.started_at),
      attempt.finished_at == 0 ? "" : time_after(attempt.started_at, attempt.finished_at),
      time_after(attempt.started_at, attempt.updated_at),
      attempt.score == 0 ? "" : number_text(attempt.score),
      front_code(answers),
  };
  return join(fields, ':');
}

std::string encode(std::string_view course_id, const CourseProgress& course, const std::vector<QuizAttempt>& attempts) {
  std::vector<std::string> records = {std::string(kMagic) + std::to_string(kVersion) + ":" + escape(course_id) + ":" +
                                      (course.completed_at == 0 ? "" : time_text(course.completed_at))};
  for (const auto& [module_id, module] : course.modules) {
    std::vector<std::string> sections;
    for (const auto& [section_id, reached_at] : module.sections_reached) sections.push_back(escape(section_id));
    records.push_back("M" + escape(module_id) + ":" + escape(module.last_section) + ":" +
                      time_text(module.last_visited_at) + ":" +
                      front_code(sections));
  }
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> quizzes;  // (module, quiz) -> attempts
  for (const QuizAttempt& attempt : attempts)
    quizzes[{attempt.module_id, attempt.quiz_id}].push_back(attempt_text(attempt));
  for (const auto& [key, texts] : quizzes)
    records.push_back("Q" + escape(key.first) + ":" + escape(key.second) + ";" + join(texts, ';'));
  const std::string body = join(records, '|');
  return body + "|" + checksum_of(body);
}

}  // namespace

std::string encode_suspend_data(const LearnerProgress& progress, std::string_view course_id) {
  const auto found = progress.courses.find(std::string(course_id));
  CourseProgress course = found == progress.courses.end() ? CourseProgress{} : found->second;
  std::vector<QuizAttempt> attempts = attempts_worth_keeping(progress, course_id);
  std::string text = encode(course_id, course, attempts);
  // Too long: the oldest attempts go first, then the sections reached (the resume points stay), then
  // the modules; the course line alone always fits.
  while (text.size() > kMaxSuspendData && !attempts.empty()) {
    attempts.erase(attempts.begin());
    text = encode(course_id, course, attempts);
  }
  if (text.size() > kMaxSuspendData) {
    for (auto& [module_id, module] : course.modules) module.sections_reached.clear();
    text = encode(course_id, course, attempts);
  }
  if (text.size() > kMaxSuspendData) {
    course.modules.clear();
    text = encode(course_id, course, attempts);
  }
  return text;
}

// [SECTION] Reading -------------------------------------------------------------------------------

namespace {

DataResult<LearnerProgress> refuse(DataError error, std::string reason) {
  DataResult<LearnerProgress> result;
  result.error = error;
  result.reason = std::move(reason);
  return result;
}

// Reads the records after the checksum was verified; the first problem is kept, with where it is.
class Reader {
 public:
  const std::string& problem() const { return problem_; }

  bool fail(std::string what) {
    if (problem_.empty()) problem_ = std::move(what);
    return false;
  }

  bool read_header(std::string_view record, LearnerProgress& progress, std::string& course_id) {
    const std::vector<std::string_view> fields = text::split(record, ':');
    if (fields.size() != 3) return fail("the first part should be version, course and completion date");
    if (!read_id(fields[1], "the course id", course_id)) return false;
    CourseProgress& course = progress.courses[course_id];
    if (!fields[2].empty() && !read_time(fields[2], "the completion date", course.completed_at)) return false;
    return true;
  }

  bool read_module(std::string_view record, CourseProgress& course) {
    const std::vector<std::string_view> fields = text::split(record, ':');
    std::string module_id;
    if (fields.size() != 4) return fail("a module part should have 4 fields, not " + std::to_string(fields.size()));
    if (!read_id(fields[0], "a module id", module_id)) return false;
    const std::string where = "module '" + module_id + "'";
    if (course.modules.count(module_id) != 0) return fail(where + " appears twice");
    ModuleProgress& module = course.modules[module_id];
    if (!fields[1].empty() && !read_id(fields[1], where + ": the resume point", module.last_section)) return false;
    if (!read_time(fields[2], where + ": the last visit", module.last_visited_at)) return false;
    const std::optional<std::vector<std::string>> sections = front_decode(fields[3]);
    if (!sections) return fail(where + ": the list of sections reached is broken");
    for (const std::string& coded : *sections) {
      std::string section_id;
      if (!read_id(coded, where + ": a section reached", section_id)) return false;
      module.sections_reached.emplace(section_id, 0);
    }
    return true;
  }

  bool read_quiz(std::string_view record, std::string_view course_id, std::vector<QuizAttempt>& attempts) {
    const std::vector<std::string_view> parts = text::split(record, ';');
    const std::vector<std::string_view> key = text::split(parts[0], ':');
    std::string module_id, quiz_id;
    if (key.size() != 2) return fail("a quiz part should start with module and quiz ids");
    if (!read_id(key[0], "a quiz's module id", module_id) || !read_id(key[1], "a quiz id", quiz_id)) return false;
    if (parts.size() < 2) return fail("quiz '" + quiz_id + "' has no attempts");
    for (size_t i = 1; i < parts.size(); ++i) {
      QuizAttempt attempt;
      attempt.course_id = std::string(course_id);
      attempt.module_id = module_id;
      attempt.quiz_id = quiz_id;
      if (!read_attempt(parts[i], "quiz '" + quiz_id + "', attempt " + std::to_string(i), attempt)) return false;
      attempts.push_back(std::move(attempt));
    }
    return true;
  }

 private:
  bool read_id(std::string_view escaped, const std::string& what, std::string& out) {
    std::optional<std::string> value = unescape(escaped);
    if (!value || value->empty()) return fail(what + " is empty or badly escaped");
    out = std::move(*value);
    return true;
  }

  bool read_time(std::string_view text, const std::string& what, int64_t& out) {
    const std::optional<int64_t> time = parse_time(text);
    if (!time) return fail(what + " is not a time");
    out = *time;
    return true;
  }

  bool read_attempt(std::string_view text, const std::string& where, QuizAttempt& attempt) {
    const std::vector<std::string_view> fields = text::split(text, ':');
    if (fields.size() != 8) return fail(where + " should have 8 fields, not " + std::to_string(fields.size()));
    const std::optional<uint64_t> seed = parse_base36(fields[1]);
    if (!seed) return fail(where + ": the seed is not a number");
    attempt.seed = *seed;
    if (fields[0] == "~")
      attempt.id = id_from_seed(attempt.seed);
    else if (!read_id(fields[0], where + ": the id", attempt.id))
      return false;
    const std::string_view state = fields[2];
    if (state.size() != 2 || (state[0] != 'P' && state[0] != 'E') || (state[1] != 'S' && state[1] != 'O'))
      return fail(where + ": the mode should be P or E, then S or O");
    attempt.mode = state[0] == 'E' ? QuizMode::Exam : QuizMode::Practice;
    attempt.submitted = state[1] == 'S';
    if (!read_time(fields[3], where + ": the start", attempt.started_at)) return false;
    const std::optional<int64_t> finished = fields[4].empty() ? std::optional<int64_t>(0)
                                                              : parse_time_after(attempt.started_at, fields[4]);
    const std::optional<int64_t> updated = parse_time_after(attempt.started_at, fields[5]);
    if (!finished || !updated) return fail(where + ": the finish or last change is not a time");
    attempt.finished_at = *finished;
    attempt.updated_at = *updated;
    const std::optional<double> score = fields[6].empty() ? std::optional<double>(0) : parse_number(fields[6]);
    if (!score || *score < 0 || *score > 1) return fail(where + ": the score should be a number from 0 to 1");
    attempt.score = *score;
    const std::optional<std::vector<std::string>> answers = front_decode(fields[7]);
    if (!answers) return fail(where + ": the list of answers is broken");
    for (const std::string& entry : *answers) {
      const size_t equals = entry.find('=');
      std::string question_id;
      if (equals == std::string::npos) return fail(where + ": an answer has no question id");
      if (!read_id(std::string_view(entry).substr(0, equals), where + ": a question id", question_id)) return false;
      Answer answer;
      if (!read_answer(std::string_view(entry).substr(equals + 1), answer))
        return fail(where + ": the answer to '" + question_id + "' cannot be read");
      attempt.answers[question_id] = std::move(answer);
    }
    return true;
  }

  static bool read_indexes(std::string_view text, int min, std::vector<int>& out) {
    for (std::string_view piece : text::split(text, '.')) {
      const bool negative = !piece.empty() && piece.front() == '-';
      int value = 0;
      if (!text::parse_int(negative ? piece.substr(1) : piece, 0, 9999, value)) return false;
      value = negative ? -value : value;
      if (value < min) return false;
      out.push_back(value);
    }
    return true;
  }

  static bool read_answer(std::string_view text, Answer& answer) {
    answer.answered = text.empty() || text.front() != '!';
    if (!answer.answered) text.remove_prefix(1);
    bool has_number = false;
    if (!text.empty()) {
      for (std::string_view field : text::split(text, '/')) {
        if (field.empty()) return false;
        const std::string_view value = field.substr(1);
        switch (field.front()) {
          case 'c':
            if (!read_indexes(value, 0, answer.chosen)) return false;
            break;
          case 't':
            if (!value.empty()) return false;
            answer.truth = true;
            break;
          case 'm':
            if (!read_indexes(value, -1, answer.matches)) return false;
            break;
          case 'n': {
            const std::optional<double> number = parse_number(value);
            if (!number) return false;
            answer.number = *number;
            has_number = true;
            break;
          }
          case 'x': {
            std::optional<std::string> typed = unescape(value);
            if (!typed) return false;
            answer.text = std::move(*typed);
            break;
          }
          default:
            return false;
        }
      }
    }
    if (!has_number) answer.number = parse_learner_number(answer.text).value_or(0);
    return true;
  }

  std::string problem_;
};

}  // namespace

DataResult<LearnerProgress> decode_suspend_data(std::string_view text) {
  const std::string_view prefix = text.substr(0, text.find(':'));
  const std::string_view version = prefix.substr(std::min(prefix.size(), kMagic.size()));
  int number = 0;
  if (text.empty()) return refuse(DataError::Foreign, "the LMS holds no saved progress");
  if (!prefix.starts_with(kMagic) || prefix.size() == text.size() || !text::parse_int(version, 0, 9999, number))
    return refuse(DataError::Foreign, "the LMS's saved data is not Siaga progress (it does not start with \"S1:\")");
  if (number > kVersion)
    return refuse(DataError::NewerVersion, "the LMS's saved progress was written by a newer Siaga (format S" +
                                               std::to_string(number) + ")");
  if (number < kVersion) return refuse(DataError::Foreign, "the LMS's saved data has an unknown format (S" +
                                                                std::to_string(number) + ")");
  if (text.size() > kMaxSuspendData || !std::all_of(text.begin(), text.end(), [](char c) { return c >= ' ' && c <= '~'; }))
    return refuse(DataError::Damaged, "the LMS's saved progress holds characters or a length Siaga never writes");
  const size_t bar = text.rfind('|');
  if (bar == std::string_view::npos || text.substr(bar + 1) != checksum_of(text.substr(0, bar)))
    return refuse(DataError::Damaged, "the LMS's saved progress was cut off or changed (its checksum does not match)");

  const std::vector<std::string_view> records = text::split(text.substr(0, bar), '|');
  Reader reader;
  LearnerProgress progress;
  std::string course_id;
  std::vector<QuizAttempt> attempts;
  bool ok = reader.read_header(records[0], progress, course_id);
  for (size_t i = 1; ok && i < records.size(); ++i) {
    const std::string_view record = records[i];
    if (record.starts_with("M"))
      ok = reader.read_module(record.substr(1), progress.courses[course_id]);
    else if (record.starts_with("Q"))
      ok = reader.read_quiz(record.substr(1), course_id, attempts);
    else
      ok = reader.fail("part " + std::to_string(i + 1) + " is of no known kind");
  }
  if (!ok) return refuse(DataError::Invalid, "the LMS's saved progress cannot be used: " + reader.problem());
  for (QuizAttempt& attempt : attempts) {
    if (find_attempt(progress, attempt.id) != nullptr)
      return refuse(DataError::Invalid, "the LMS's saved progress has attempt '" + attempt.id + "' twice");
    put_attempt(progress, std::move(attempt));
  }
  DataResult<LearnerProgress> result;
  result.value = std::move(progress);
  return result;
}

// [SECTION] Lesson status and score -----------------------------------------------------------------

namespace {

const ModuleProgress* find_module_progress(const LearnerProgress& progress, const std::string& course_id,
                                           const std::string& module_id) {
  const auto course = progress.courses.find(course_id);
  if (course == progress.courses.end()) return nullptr;
  const auto module = course->second.modules.find(module_id);
  return module == course->second.modules.end() ? nullptr : &module->second;
}

}  // namespace

LmsStatus lms_status(const Course& course, const LearnerProgress& progress) {
  int graded = 0, submitted = 0;
  double best_sum = 0;
  for (const Module& module : course.modules)
    for (const Quiz& quiz : module.quizzes) {
      if (!quiz.graded) continue;
      ++graded;
      if (const std::optional<double> best = quiz_scores(progress, course.id, quiz.id).best) {
        ++submitted;
        best_sum += *best;
      }
    }
  LmsStatus status{"incomplete", -1};
  if (submitted > 0) status.score_raw = static_cast<int>(std::lround(best_sum / graded * 100));

  if (graded == 0) {
    int sections = 0, reached = 0;
    for (const Module& module : course.modules) {
      const ModuleProgress* module_progress = find_module_progress(progress, course.id, module.id);
      for (const Section& section : module.sections) {
        ++sections;
        if (module_progress != nullptr && module_progress->sections_reached.count(section.id) != 0) ++reached;
      }
    }
    if (sections > 0 && reached == sections) status.lesson_status = "completed";
    return status;
  }
  const auto found = progress.courses.find(course.id);
  const bool completion_recorded = found != progress.courses.end() && found->second.completed_at != 0;
  if (completion_recorded || course_complete(course, progress))
    status.lesson_status = "passed";
  else if (submitted == graded)
    status.lesson_status = "failed";
  return status;
}

}  // namespace siaga
