// make_device.cpp — writes the browser storage of a busy shared device, for tools/bench.sh: N learner
// profiles (every other one with a PIN) and, for each, the progress of a diligent learner — every
// section of every module reached and two submitted attempts at every quiz — as the portal itself
// stores them (profiles_to_json, progress_to_json: same schema, same checksum).
//
//   make-device <content-<lang>.pack> <profiles> <out.json>
//
// out.json is one JSON object {"<localStorage key>": "<stored text>", ...}; the benchmark copies it
// into localStorage before loading the page. Times are fixed, so the output is the same every run.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "core/content.h"
#include "core/progress.h"
#include "core/quiz.h"

namespace {

constexpr int64_t kEpoch = 1'750'000'000'000;  // 2025-06-15, in unix ms

// A plausible answer for each question type (right or wrong does not matter for the record's size).
siaga::Answer some_answer(const siaga::Question& question, int variant) {
  using Type = siaga::QuestionType;
  switch (question.type) {
    case Type::SingleChoice:
      return siaga::choice_answer({question.choices.empty() ? 0 : variant % static_cast<int>(question.choices.size())});
    case Type::MultipleResponse: return siaga::choice_answer({0});
    case Type::TrueFalse: return siaga::true_false_answer(variant % 2 == 0);
    case Type::Matching: {
      std::vector<int> matches;
      for (size_t i = 0; i < question.pairs.size(); ++i) matches.push_back(static_cast<int>(i));
      return siaga::matching_answer(matches);
    }
    case Type::ShortAnswer: return siaga::short_answer("an answer typed by the learner");
    case Type::Numeric: return siaga::numeric_answer("42");
  }
  return {};
}

siaga::LearnerProgress diligent_progress(const siaga::Language& language, const std::string& profile_id, int seed) {
  siaga::LearnerProgress progress;
  progress.profile_id = profile_id;
  int64_t now = kEpoch + seed * 3'600'000LL;
  int attempt_number = 0;
  for (const siaga::Course& course : language.courses) {
    for (const siaga::Module& module : course.modules) {
      for (const siaga::Section& section : module.sections)
        siaga::record_section_reached(progress, course.id, module.id, section.id, now += 60'000);
      for (const siaga::Quiz& quiz : module.quizzes) {
        for (int round = 0; round < 2; ++round) {
          const std::string id = "a" + std::to_string(seed) + "x" + std::to_string(++attempt_number);
          siaga::QuizAttempt attempt = siaga::start_attempt(quiz, course.id, module.id, id,
                                                            static_cast<uint64_t>(seed) * 7919 + attempt_number, now += 30'000);
          for (const siaga::Question& question : quiz.questions)
            siaga::record_answer(attempt, quiz, question.id, some_answer(question, round + seed), now += 20'000);
          siaga::submit_attempt(attempt, quiz, course.pass_percent, now += 10'000);
          siaga::put_attempt(progress, std::move(attempt));
        }
      }
    }
    siaga::update_completion(course, progress, now);
  }
  return progress;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: make-device <content-<lang>.pack> <profiles> <out.json>\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto files = siaga::read_pack(bytes, argv[1]);
  const auto catalog = siaga::build_catalog(files.value);
  if (siaga::has_errors(files.diagnostics) || catalog.value.languages.empty()) {
    std::fprintf(stderr, "make-device: %s is not a readable content pack\n", argv[1]);
    return 1;
  }
  const siaga::Language* language = nullptr;
  for (const siaga::Language& l : catalog.value.languages)
    if (!l.courses.empty()) language = &l;
  if (!language) {
    std::fprintf(stderr, "make-device: %s has no courses\n", argv[1]);
    return 1;
  }

  const int count = std::atoi(argv[2]);
  siaga::ProfileStore store;
  nlohmann::json out = nlohmann::json::object();
  for (int i = 0; i < count; ++i) {
    siaga::Profile profile;
    char id[16];
    std::snprintf(id, sizeof id, "pbench%04d", i);
    profile.id = id;
    profile.name = "Learner " + std::to_string(i + 1);
    profile.colour = i % siaga::kProfileColourCount;
    profile.created_at = kEpoch - 86'400'000LL + i;
    if (i % 2 == 1) profile.pin = siaga::make_pin_hash("2468", std::string("bench-salt-") + id);
    store.profiles.push_back(profile);
    out["siaga.progress." + profile.id] = siaga::progress_to_json(diligent_progress(*language, profile.id, i));
  }
  out["siaga.profiles"] = siaga::profiles_to_json(store);
  std::ofstream(argv[3], std::ios::binary | std::ios::trunc) << out.dump();
  return 0;
}
