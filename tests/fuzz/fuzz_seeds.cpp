// fuzz_seeds.cpp — writes seed inputs for the data fuzz targets (fuzz_data.cpp), made with the core's
// own writers so they are always in the current format:
//
//   fuzz_seeds <dir>      writes <dir>/<target>/<name> for progress, profiles, export, settings,
//                         result_code, scan, result_file, certificate, paper_grid, plans, route,
//                         device
//
// tools/fuzz.sh runs it before each fuzz run (seeds are never committed); it adds the schema 1
// progress fixture from tests/core/fixtures itself.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/bank.h"
#include "core/certificate.h"
#include "core/result_file.h"
#include "core/paper.h"
#include "core/progress.h"
#include "core/result_code.h"
#include "core/plan.h"
#include "core/route.h"
#include "core/session.h"
#include "core/settings.h"

namespace {

std::filesystem::path g_dir;

void seed(const std::string& target, const std::string& name, const std::string& bytes) {
  const std::filesystem::path folder = g_dir / target;
  std::filesystem::create_directories(folder);
  std::ofstream(folder / name, std::ios::binary | std::ios::trunc) << bytes;
}

siaga::LearnerProgress sample_progress(const std::string& profile_id) {
  siaga::LearnerProgress progress;
  progress.profile_id = profile_id;
  siaga::record_section_reached(progress, "micic", "why-micic", "vulnerability", 1'740'000'000'000);
  siaga::record_section_reached(progress, "micic", "why-micic", "initiative", 1'740'000'060'000);
  siaga::record_section_reached(progress, "counter-trafficking", "indicators", "eleven", 1'740'000'120'000);

  siaga::QuizAttempt practice;
  practice.id = "a0102030405060708";
  practice.course_id = "micic";
  practice.module_id = "why-micic";
  practice.quiz_id = "check";
  practice.seed = 72623859790382856ULL;
  practice.started_at = 1'740'000'200'000;
  practice.updated_at = 1'740'000'260'000;
  practice.answers["who-is-migrant"] = siaga::choice_answer({1});
  practice.answers["voluntary"] = siaga::true_false_answer(true);
  practice.answers["match-phases"] = siaga::matching_answer({2, 0, -1});
  practice.answers["year"] = siaga::numeric_answer("2016");
  practice.answers["name"] = siaga::short_answer("Migrants in Countries in Crisis");
  siaga::put_attempt(progress, practice);

  siaga::QuizAttempt exam = practice;
  exam.id = "a1112131415161718";
  exam.quiz_id = "posttest";
  exam.module_id = "workshop-check";
  exam.mode = siaga::QuizMode::Exam;
  exam.submitted = true;
  exam.finished_at = 1'740'000'900'000;
  exam.updated_at = exam.finished_at;
  exam.score = 0.8;
  siaga::put_attempt(progress, exam);
  progress.courses["micic"].completed_at = 1'740'000'900'000;
  return progress;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_seeds <dir>\n");
    return 2;
  }
  g_dir = argv[1];

  // Storage and import formats.
  const siaga::LearnerProgress progress = sample_progress("p0a1b2c3d4e5f");
  seed("progress", "sample.json", siaga::progress_to_json(progress));
  seed("progress", "empty.json", siaga::progress_to_json(siaga::LearnerProgress{"p1"}));

  siaga::ProfileStore store;
  siaga::Profile ani{"p0a1b2c3d4e5f", "Ani", 2, std::nullopt, 1'739'000'000'000};
  siaga::Profile budi{"p111111111111", "Budi Santoso", 5, std::nullopt, 1'739'000'100'000};
  budi.pin = siaga::make_pin_hash("2468", "0123456789abcdef0123");
  store.profiles = {ani, budi};
  store.idle_sign_out_minutes = 15;
  seed("profiles", "two.json", siaga::profiles_to_json(store));
  seed("profiles", "none.json", siaga::profiles_to_json(siaga::ProfileStore{}));

  seed("export", "ani.json", siaga::export_progress(ani, progress, 1'741'000'000'000));
  seed("export", "empty.json", siaga::export_progress(budi, siaga::LearnerProgress{}, 1'741'000'000'000));

  seed("settings", "id.json", siaga::settings_to_json(siaga::Settings{"id"}));
  seed("settings", "follow.json", siaga::settings_to_json(siaga::Settings{}));
  seed("session", "signed-in.json", siaga::session_to_json(siaga::SessionRecord{"p0102030405", 1'700'000'000'000}));
  seed("session", "nobody.json", siaga::session_to_json(siaga::SessionRecord{}));
  seed("session", "unversioned.json", R"({"profile":"p0102030405","at":1700000000000})");

  // Codes and result files of a workshop.
  std::vector<std::string> codes;
  const std::vector<siaga::ResultRecord> records = {
      {"micic", 0, siaga::TestKind::Pretest, 10, 0b1011101101, 1'898, "ANDI"},
      {"micic", 0, siaga::TestKind::Posttest, 10, 0b1111111011, 1'900, "SITI N"},
      {"counter-trafficking", 0, siaga::TestKind::Pretest, 12, 0xABC, 2'001, "PESERTA 7"},
      {"refugee-orientation", 0, siaga::TestKind::Pretest, 8, 0x5A, 2'100, "X"},
  };
  for (size_t i = 0; i < records.size(); ++i) {
    codes.push_back(siaga::encode_result(records[i]));
    seed("result_code", "code" + std::to_string(i), codes.back());
    seed("result_file", "file" + std::to_string(i) + ".json", siaga::result_file_json(records[i]));
  }
  // A stored question bank record (the bank target also reads its input as one).
  seed("bank", "record.json", siaga::bank_to_json(siaga::QuestionBank{"bank.gift", "::a:: Is it? {T}\n\n::b:: Why? {}\n", 1}));
  seed("paper_grid", "grid.json",
       siaga::paper_rows_json({siaga::PaperRow{"ANDI", siaga::TestKind::Pretest, 1900, {"A", "-", "T", "AB", "1.989", "yes"}},
                               siaga::PaperRow{"Siti", siaga::TestKind::Posttest, 1901, {"b", "X Y", "salah", "", "", ""}}}));
  seed("result_code", "lower", "498e1 p0xnv pmg5w 0gce");
  seed("scan", "chat.txt", "Andi: " + codes[0] + "\r\nSiti: here is mine " + codes[1] + " thanks\n\n" + codes[0] +
                               "\n" + codes[2] + " " + codes[3] + "\nno code on this line\n498E1-P0XNV-PMG5W-0GCF\r");

  const siaga::CivilDate completed{2025, 3, 14};
  seed("certificate", "siti.txt", siaga::certificate_code("Siti Nurhaliza Ayuningtyas", "micic", completed, 85) +
                                      "\nSiti Nurhaliza Ayuningtyas\nmicic\n2025-03-14\n85");
  seed("certificate", "typo.txt", "8W3C1-VBNDZ-Q1EW9\nNi Luh Putu Ékawati\ncounter-trafficking\n2025-12-01\n100");

  // A device: settings, learners, a session of the first learner (at MemoryPlatform's clock) and its
  // progress, separated by NUL bytes (fuzz_device.cpp).
  const std::string session = "{\"profile\":\"" + ani.id + "\",\"at\":1700000000000}";
  seed("device", "signed-in", siaga::settings_to_json(siaga::Settings{"en"}) + '\0' + siaga::profiles_to_json(store) + '\0' +
                                  session + '\0' + siaga::progress_to_json(progress));
  seed("device", "no-session", siaga::settings_to_json(siaga::Settings{}) + '\0' + siaga::profiles_to_json(store));

  // Session plans: one with a break, a start time and typed text that needs escaping.
  siaga::Course plan_course;
  plan_course.id = "micic";
  siaga::Module plan_module;
  plan_module.id = "why-micic";
  plan_module.minutes = 45;
  plan_course.modules = {plan_module};
  siaga::PlanStore plans;
  siaga::SessionPlan plan = siaga::new_plan(plan_course, "plan-0a1b2c3d", 1700000000000);
  plan.place = "Aula <KBRI> & \"Ruang 2\"";
  plan.start_time = "08:30";
  siaga::insert_break(plan, 1, 15);
  siaga::upsert_plan(plans, plan);
  seed("plans", "one.json", siaga::plans_to_json(plans));
  seed("plans", "empty.json", siaga::plans_to_json(siaga::PlanStore{}));
  for (const siaga::Route& route : {siaga::Route{}, siaga::Route{siaga::Screen::Present, "micic", "why-micic", "check"}, siaga::Route{siaga::Screen::Learners, "", "", ""},
                                    siaga::Route{siaga::Screen::Course, "micic", "", ""},
                                    siaga::Route{siaga::Screen::Module, "micic", "why-micic", "check"}})
    seed("route", "route" + std::to_string(static_cast<int>(route.screen)) + route.section, siaga::route_to_hash(route));
  return 0;
}
