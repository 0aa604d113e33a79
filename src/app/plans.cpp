// plans.cpp — the session plan actions. Plans belong to the device, like the facilitator's kept
// results, so they are saved (by app/device_store.h) whoever is signed in, guests included.
#include "app/plans.h"

#include <algorithm>

#include "app/controller.h"
#include "app/device_store.h"
#include "app/handlers.h"

namespace siaga {

namespace {

bool save_plans(AppState& app, Platform& platform) { return DeviceStore(app, platform).save_plans(); }

const Course* course_for(const AppState& app, std::string_view course_id) {
  const Language* language = app.catalog.find_language(app.language);
  const Course* course = language ? find_course(*language, course_id) : nullptr;
  if (!course)
    if (const Language* english = app.catalog.find_language("en")) course = find_course(*english, course_id);
  return course;
}

std::string hex(const std::string& bytes) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

}  // namespace

std::string plan_file_name(const SessionPlan& plan) {
  return "session-plan-" + plan.course_id + "-" + plan.id + ".html";
}

bool apply(AppState& app, Platform& platform, const PlanCreate& action) {
  const Course* course = course_for(app, action.course);
  if (!course) return false;
  if (app.plans.store.plans.size() >= kMaxPlans) {
    app.plans.error_key = "plan.full";
    return true;
  }
  std::string id;
  do id = "plan-" + hex(platform.random_bytes(4));
  while (find_plan(app.plans.store, id));
  SessionPlan plan = new_plan(*course, id, platform.now_ms());
  upsert_plan(app.plans.store, std::move(plan));
  app.plans.error_key.clear();
  save_plans(app, platform);
  app.route = Route{.screen = Screen::Plans, .section = id};
  platform.push_hash(route_to_hash(app.route));
  return true;
}

bool apply(AppState& app, Platform& platform, const PlanSave& action) {
  const SessionPlan* old = find_plan(app.plans.store, action.plan.id);
  if (!old) return false;  // deleted meanwhile: an edit never brings a plan back
  if (*old == action.plan) return false;
  SessionPlan plan = action.plan;
  plan.date = clean_plan_field(plan.date);
  plan.place = clean_plan_field(plan.place);
  plan.facilitator = clean_plan_field(plan.facilitator);
  int clock = 0;
  if (!plan.start_time.empty() && !parse_clock(plan.start_time, clock)) plan.start_time = old->start_time;
  if (plan.agenda.size() > kMaxAgendaItems) plan.agenda = old->agenda;
  for (AgendaItem& item : plan.agenda) item.minutes = std::clamp(item.minutes, 1, kMaxItemMinutes);
  plan.created_at = old->created_at;
  plan.updated_at = platform.now_ms();
  upsert_plan(app.plans.store, std::move(plan));
  app.plans.error_key.clear();
  save_plans(app, platform);
  return true;
}

bool apply(AppState& app, Platform& platform, const PlanDelete& action) {
  if (!remove_plan(app.plans.store, action.plan_id)) return false;
  save_plans(app, platform);
  if (app.route.screen == Screen::Plans && app.route.section == action.plan_id) {
    app.route = Route{.screen = Screen::Plans};
    platform.push_hash(route_to_hash(app.route));
  }
  return true;
}

bool apply(AppState& app, Platform& platform, const PlanPrint& action) {
  const SessionPlan* plan = find_plan(app.plans.store, action.plan_id);
  if (!plan) return false;
  const std::string html = plan_to_html(*plan, course_for(app, plan->course_id), ui_text(app), app.language);
  platform.download_file(plan_file_name(*plan), "text/html", html);
  return false;
}

bool apply(AppState&, Platform& platform, const SetFullscreen& action) {
  platform.request_fullscreen(action.on);
  return false;
}

}  // namespace siaga
