// Session plans: the agenda made from a course, its arithmetic and edits, the stored form (round trip,
// malformed input refused in plain words), the printable page's escaping, and the app keeping plans in
// storage (reload keeps them, unreadable text set aside, never overwritten).
#include <doctest/doctest.h>

#include <string>

#include "app/controller.h"
#include "app/storage_keys.h"
#include "app/plans.h"
#include "core/plan.h"
#include "core/route.h"
#include "memory_platform.h"

using namespace siaga;

namespace {

Module module(const std::string& id, int minutes, bool available = true) {
  Module m;
  m.id = id;
  m.title = "Title of " + id;
  m.minutes = minutes;
  m.available = available;
  return m;
}

Course workshop_course() {
  Course course;
  course.id = "micic";
  course.title = "Migrants in crisis";
  course.modules = {module("why", 40), module("prepare", 55), module("broken", 20, false), module("untimed", 0)};
  return course;
}

SessionPlan sample_plan() {
  SessionPlan plan = new_plan(workshop_course(), "plan-01", 1000);
  plan.date = "2026-12-10";
  plan.place = "KBRI Kuala Lumpur";
  plan.facilitator = "Dewi";
  plan.start_time = "09:00";
  return plan;
}

AppState app_with_course() {
  AppState app;
  Language language;
  language.tag = "en";
  language.courses = {workshop_course()};
  app.catalog.languages = {language};
  return app;
}

}  // namespace

// [SECTION] Agenda ------------------------------------------------------------------------------------

TEST_CASE("a new plan lists every available module with its authored minutes, in course order") {
  const SessionPlan plan = new_plan(workshop_course(), "plan-01", 1000);
  REQUIRE(plan.agenda.size() == 3);  // the unavailable module is left out
  CHECK(plan.agenda[0].module_id == "why");
  CHECK(plan.agenda[0].minutes == 40);
  CHECK(plan.agenda[1].module_id == "prepare");
  CHECK(plan.agenda[2].module_id == "untimed");
  CHECK(plan.agenda[2].minutes == kDefaultModuleMinutes);  // no duration authored
  CHECK(agenda_minutes(plan) == 40 + 55 + kDefaultModuleMinutes);
  CHECK(plan.course_id == "micic");
  CHECK(plan.created_at == 1000);
}

TEST_CASE("clock times follow the start time and each item's minutes") {
  SessionPlan plan = sample_plan();
  REQUIRE(insert_break(plan, 1, 15));
  const std::vector<int> starts = agenda_start_times(plan);
  REQUIRE(starts.size() == 4);
  CHECK(format_clock(starts[0]) == "09:00");
  CHECK(format_clock(starts[1]) == "09:40");  // the break after "why"
  CHECK(format_clock(starts[2]) == "09:55");
  CHECK(format_clock(starts[3]) == "10:50");
  plan.start_time = "";
  CHECK(agenda_start_times(plan).empty());
}

TEST_CASE("clock text is H:MM or HH:MM within one day") {
  int m = -1;
  CHECK(parse_clock("9:05", m));
  CHECK(m == 545);
  CHECK(parse_clock("23:59", m));
  CHECK(m == 1439);
  for (const char* bad : {"24:00", "9:60", "0905", "9:5", ":30", "12:300", "ab:cd", "", "-1:00"}) {
    m = -1;
    CHECK_MESSAGE(!parse_clock(bad, m), bad);
    CHECK(m == -1);
  }
  CHECK(format_clock(1440 + 75) == "01:15");  // a long day wraps past midnight
}

TEST_CASE("durations read as hours and minutes in the words given") {
  CHECK(format_duration(45, "h", "min") == "45 min");
  CHECK(format_duration(60, "h", "min") == "1 h");
  CHECK(format_duration(150, "jam", "menit") == "2 jam 30 menit");
  CHECK(format_duration(0, "h", "min") == "0 min");
}

TEST_CASE("changing a duration clamps it to 1..480 minutes and reports whether anything changed") {
  SessionPlan plan = sample_plan();
  CHECK(set_item_minutes(plan, 0, 25));
  CHECK(plan.agenda[0].minutes == 25);
  CHECK_FALSE(set_item_minutes(plan, 0, 25));
  CHECK(set_item_minutes(plan, 0, 0));
  CHECK(plan.agenda[0].minutes == 1);
  CHECK(set_item_minutes(plan, 0, 10000));
  CHECK(plan.agenda[0].minutes == kMaxItemMinutes);
  CHECK_FALSE(set_item_minutes(plan, 9, 30));
}

TEST_CASE("items move one place at a time and never past either end") {
  SessionPlan plan = sample_plan();
  CHECK_FALSE(move_item(plan, 0, -1));
  CHECK_FALSE(move_item(plan, 2, 1));
  CHECK_FALSE(move_item(plan, 0, 2));
  CHECK(move_item(plan, 0, 1));
  CHECK(plan.agenda[0].module_id == "prepare");
  CHECK(plan.agenda[1].module_id == "why");
  CHECK(move_item(plan, 2, -1));
  CHECK(plan.agenda[1].module_id == "untimed");
}

TEST_CASE("a dropped module can be added back at the end; breaks go where they are put") {
  SessionPlan plan = sample_plan();
  const Course course = workshop_course();
  CHECK(modules_not_in_agenda(plan, course).empty());
  REQUIRE(remove_item(plan, 0));
  const auto missing = modules_not_in_agenda(plan, course);
  REQUIRE(missing.size() == 1);
  CHECK(missing[0]->id == "why");
  REQUIRE(add_module_item(plan, *missing[0]));
  CHECK(plan.agenda.back().module_id == "why");
  CHECK(plan.agenda.back().minutes == 40);
  REQUIRE(insert_break(plan, 0, kDefaultBreakMinutes));
  CHECK(plan.agenda[0].kind == AgendaItem::Kind::Break);
  CHECK_FALSE(insert_break(plan, 99, 10));
  CHECK_FALSE(remove_item(plan, 99));
}

TEST_CASE("typed fields lose control characters and stop at the length limit on a character boundary") {
  CHECK(clean_plan_field("Ruang\tRapat\x01 2") == "Ruang Rapat 2");
  const std::string long_text = std::string(kMaxPlanFieldChars - 1, 'a') + "\xC3\xA9" + "tail";  // é is 2 bytes
  const std::string cleaned = clean_plan_field(long_text);
  CHECK(cleaned == std::string(kMaxPlanFieldChars - 1, 'a'));
  CHECK(clean_plan_field("bad \xFF byte") == "bad  byte");
}

// [SECTION] Stored form -------------------------------------------------------------------------------

TEST_CASE("plans round-trip through their stored form, breaks and all") {
  PlanStore store;
  SessionPlan plan = sample_plan();
  insert_break(plan, 1, 20);
  plan.agenda[1].label = "Makan siang";
  upsert_plan(store, plan);
  upsert_plan(store, new_plan(workshop_course(), "plan-02", 2000));
  const std::string json = plans_to_json(store);
  CHECK(json.find("\"format\":\"siaga-plans\"") != std::string::npos);
  CHECK(json.find("\"schema\":1") != std::string::npos);
  const auto read = parse_plans(json);
  REQUIRE(read.ok());
  CHECK(*read.value == store);
  CHECK(read.value->plans[0].id == "plan-02");  // newest first
}

TEST_CASE("saving a plan again replaces it and moves it first; the store holds at most 50") {
  PlanStore store;
  upsert_plan(store, new_plan(workshop_course(), "plan-a", 1));
  upsert_plan(store, new_plan(workshop_course(), "plan-b", 2));
  SessionPlan a = *find_plan(store, "plan-a");
  a.place = "Jakarta";
  CHECK(upsert_plan(store, a));
  REQUIRE(store.plans.size() == 2);
  CHECK(store.plans[0].place == "Jakarta");
  for (size_t i = store.plans.size(); i < kMaxPlans; ++i)
    REQUIRE(upsert_plan(store, new_plan(workshop_course(), "plan-x" + std::to_string(i), 3)));
  CHECK_FALSE(upsert_plan(store, new_plan(workshop_course(), "plan-one-too-many", 4)));
  CHECK(upsert_plan(store, a));  // replacing still works when full
  CHECK(remove_plan(store, "plan-a"));
  CHECK_FALSE(remove_plan(store, "plan-a"));
}

TEST_CASE("malformed stored plans are refused with plain words saying what is wrong") {
  struct Case {
    const char* text;
    DataError error;
    const char* words;
  };
  const std::string ok_plan =
      R"({"id":"plan-1","course":"micic","date":"","place":"","facilitator":"","start":"","created_at":1,"updated_at":1,"agenda":[]})";
  const auto store_of = [](const std::string& plan) {
    return std::string(R"({"format":"siaga-plans","schema":1,"plans":[)") + plan + "]}";
  };
  const std::string with_item = store_of(
      R"({"id":"plan-1","course":"micic","date":"","place":"","facilitator":"","start":"","created_at":1,"updated_at":1,"agenda":[)");
  const std::string cases_text[] = {
      "{\"format\":\"siaga-plans\",",  // cut off
      "[1,2,3]",
      R"({"format":"siaga-progress","schema":1,"plans":[]})",
      R"({"format":"siaga-plans","schema":2,"plans":[]})",
      R"({"format":"siaga-plans","schema":"1","plans":[]})",
      R"({"format":"siaga-plans","schema":1})",
      store_of("42"),
      store_of(R"({"id":"plan-1"})"),
      store_of(R"({"id":"Plan 1","course":"micic","date":"","place":"","facilitator":"","start":"","created_at":1,"updated_at":1,"agenda":[]})"),
      store_of(R"({"id":"plan-1","course":"micic","date":"","place":"","facilitator":"","start":"25:00","created_at":1,"updated_at":1,"agenda":[]})"),
      store_of(R"({"id":"plan-1","course":"micic","date":"","place":"","facilitator":"","start":"","created_at":-5,"updated_at":1,"agenda":[]})"),
      store_of(ok_plan + "," + ok_plan),
      with_item.substr(0, with_item.size() - 2) + R"({"kind":"module","module":"why","minutes":0}]}]})",
      with_item.substr(0, with_item.size() - 2) + R"({"kind":"lunch","minutes":30}]}]})",
      with_item.substr(0, with_item.size() - 2) + R"({"kind":"module","minutes":30}]}]})",
  };
  const Case expected[] = {
      {"", DataError::NotJson, "not readable"},
      {"", DataError::Foreign, "not Siaga session plans"},
      {"", DataError::Foreign, "not Siaga session plans"},
      {"", DataError::NewerVersion, "newer version"},
      {"", DataError::Invalid, "schema"},
      {"", DataError::Invalid, "the saved session plans: 'plans' is missing"},
      {"", DataError::Invalid, "plan 1: should be a group of fields"},
      {"", DataError::Invalid, "plan 1: 'course' is missing"},
      {"", DataError::Invalid, "plan 1: 'id' is not a plan id"},
      {"", DataError::Invalid, "plan 1: 'start' is not a time"},
      {"", DataError::Invalid, "plan 1: 'created_at' should be a whole number from 0"},
      {"", DataError::Invalid, "plan 2: the id 'plan-1' is used twice"},
      {"", DataError::Invalid, "plan 1, agenda item 1: 'minutes' should be a whole number from 1 to"},
      {"", DataError::Invalid, "plan 1, agenda item 1: 'kind' is neither"},
      {"", DataError::Invalid, "plan 1, agenda item 1: 'module' is missing"},
  };
  static_assert(std::size(cases_text) == std::size(expected));
  REQUIRE(parse_plans(store_of(ok_plan)).ok());
  for (size_t i = 0; i < std::size(cases_text); ++i) {
    const auto read = parse_plans(cases_text[i]);
    INFO(cases_text[i]);
    CHECK_FALSE(read.ok());
    CHECK(read.error == expected[i].error);
    CHECK(read.reason.find(expected[i].words) != std::string::npos);
  }
}

// [SECTION] Printable page ----------------------------------------------------------------------------

TEST_CASE("html_escape turns markup characters into entities and replaces invalid UTF-8") {
  CHECK(html_escape("<script>alert('x') & \"y\"</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  CHECK(html_escape("Ruang Melati \xE2\x80\x94 lantai 2") == "Ruang Melati \xE2\x80\x94 lantai 2");
  CHECK(html_escape("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
}

TEST_CASE("the printable plan is a self-contained page with every typed text escaped") {
  SessionPlan plan = sample_plan();
  plan.place = "<img src=x onerror=alert(1)>";
  plan.facilitator = "Budi & \"Sari\"";
  insert_break(plan, 1, 15);
  const Course course = workshop_course();
  const std::string html = plan_to_html(plan, &course, UiText(), "en");
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<html lang=\"en\">") != std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(html.find("Budi &amp; &quot;Sari&quot;") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http") == std::string::npos);  // nothing fetched from anywhere
  CHECK(html.find("Title of why") != std::string::npos);
  CHECK(html.find("09:00\xE2\x80\x93" "09:40") != std::string::npos);  // clock times
  CHECK(html.find("10:50\xE2\x80\x93" "11:20") != std::string::npos);  // the last item ends at 11:20
  // Without the course's content the ids stand in for the titles.
  const std::string bare = plan_to_html(plan, nullptr, UiText(), "id");
  CHECK(bare.find("<td>prepare</td>") != std::string::npos);
}

// [SECTION] The app keeps plans -----------------------------------------------------------------------

TEST_CASE("a created and edited plan is saved at once and is there after a reload") {
  test::MemoryPlatform platform;
  AppState app = app_with_course();
  start_app(app, platform);
  REQUIRE(apply_action(app, platform, PlanCreate{"micic"}));
  REQUIRE(app.plans.store.plans.size() == 1);
  const std::string id = app.plans.store.plans[0].id;
  CHECK(app.route.screen == Screen::Plans);
  CHECK(app.route.section == id);
  CHECK(platform.hash == "#/plans/" + id);

  PlanSave save;
  save.plan = app.plans.store.plans[0];
  save.plan.place = "Aula\tKBRI";
  save.plan.start_time = "8:30";
  set_item_minutes(save.plan, 0, 50);
  REQUIRE(apply_action(app, platform, save));

  AppState reloaded = app_with_course();
  start_app(reloaded, platform);
  REQUIRE(reloaded.plans.store.plans.size() == 1);
  const SessionPlan& kept = reloaded.plans.store.plans[0];
  CHECK(kept.place == "Aula KBRI");
  CHECK(kept.start_time == "8:30");
  CHECK(kept.agenda[0].minutes == 50);
  CHECK(kept.updated_at == platform.clock_ms);
}

TEST_CASE("a plan save with an impossible start time keeps the old one; a deleted plan stays deleted") {
  test::MemoryPlatform platform;
  AppState app = app_with_course();
  start_app(app, platform);
  apply_action(app, platform, PlanCreate{"micic"});
  PlanSave save;
  save.plan = app.plans.store.plans[0];
  save.plan.start_time = "31:00";
  save.plan.facilitator = "Dewi";
  apply_action(app, platform, save);
  CHECK(app.plans.store.plans[0].start_time.empty());
  CHECK(app.plans.store.plans[0].facilitator == "Dewi");
  REQUIRE(apply_action(app, platform, PlanDelete{save.plan.id}));
  CHECK(app.route.screen == Screen::Plans);
  CHECK(app.route.section.empty());
  CHECK_FALSE(apply_action(app, platform, save));  // a late edit never brings it back
  CHECK(app.plans.store.plans.empty());
  CHECK(parse_plans(platform.stored[std::string(storage_key::kPlans)]).value->plans.empty());
}

TEST_CASE("unreadable stored plans are set aside with a notice, and new plans are saved") {
  test::MemoryPlatform platform;
  platform.stored[std::string(storage_key::kPlans)] = "{\"format\":\"siaga-plans\",\"schema\":1,\"plans\":[";
  AppState app = app_with_course();
  start_app(app, platform);
  CHECK(app.plans.store.plans.empty());
  REQUIRE_FALSE(app.data_notices.empty());
  CHECK(app.data_notices.back().key == "data.set_aside");
  const std::string recovery = "siaga.recovery.siaga.plans." + std::to_string(platform.clock_ms);
  REQUIRE(platform.stored.count(recovery));
  CHECK(platform.stored[recovery] == "{\"format\":\"siaga-plans\",\"schema\":1,\"plans\":[");
  apply_action(app, platform, PlanCreate{"micic"});
  CHECK(parse_plans(platform.stored[std::string(storage_key::kPlans)]).ok());
}

TEST_CASE("stored plans that cannot be set aside are never written over") {
  test::MemoryPlatform platform;
  const std::string newer = R"({"format":"siaga-plans","schema":9,"plans":[]})";
  platform.stored[std::string(storage_key::kPlans)] = newer;
  platform.next_save = StoreResult::Full;
  AppState app = app_with_course();
  start_app(app, platform);
  CHECK(app.storage.blocked == std::vector<std::string>{"siaga.plans"});
  CHECK(app.data_notices.back().key == "data.unreadable_kept");
  platform.next_save = StoreResult::Saved;
  apply_action(app, platform, PlanCreate{"micic"});
  CHECK(app.plans.store.plans.size() == 1);  // kept for this session
  CHECK(platform.stored[std::string(storage_key::kPlans)] == newer);
}

TEST_CASE("printing a plan downloads its HTML page; full screen goes to the platform") {
  test::MemoryPlatform platform;
  AppState app = app_with_course();
  start_app(app, platform);
  apply_action(app, platform, PlanCreate{"micic"});
  const std::string id = app.plans.store.plans[0].id;
  apply_action(app, platform, PlanPrint{id});
  REQUIRE(platform.downloads.size() == 1);
  CHECK(platform.downloads[0].mime == "text/html");
  CHECK(platform.downloads[0].name == "session-plan-micic-" + id + ".html");
  CHECK(platform.downloads[0].bytes.find("Title of prepare") != std::string::npos);

  SetFullscreen full{true};
  apply_action(app, platform, full);
  CHECK(platform.fullscreen_requests == std::vector<bool>{true});
  CHECK(poll_app(app, platform));
  CHECK(app.fullscreen);
  platform.is_fullscreen = false;  // the person pressed Escape
  CHECK(poll_app(app, platform));
  CHECK_FALSE(app.fullscreen);
}

TEST_CASE("presenter and plan addresses survive a round trip") {
  for (const char* hash : {"#/plans", "#/plans/plan-0a1b", "#/present/micic/why", "#/present/micic/why/mapping",
                           "#/group-quiz/micic/why/check"}) {
    const Route route = parse_route(hash);
    CHECK(route_to_hash(route) == hash);
  }
  CHECK(parse_route("#/present/micic/why").screen == Screen::Present);
  CHECK(parse_route("#/group-quiz/micic/why").screen == Screen::Catalog);  // no quiz named
  CHECK(parse_route("#/present/Bad Id/why").screen == Screen::Catalog);
}
