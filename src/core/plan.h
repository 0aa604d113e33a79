// plan.h — a facilitator's session plan: which course, when, where, who runs it, and the agenda (the
// course's modules with their durations, in the order the workshop will take them, with breaks).
//
// Why it looks like this:
// - Agenda items refer to modules by id, never by title or position, like everything else stored
//   (a plan keeps working when the content is reordered or translated). A module id the catalog no
//   longer has is kept and shown as missing, never dropped silently.
// - Durations start from each module's `minutes` and are the facilitator's to change; clock times
//   are worked out from the start time, never stored.
// - Stored as versioned JSON (under storage_key::kPlans, app/storage_keys.h). Reading returns DataResult (progress.h) with plain words
//   when the text cannot be used, so the app can set it aside instead of writing over it.
// - plan_to_html makes a self-contained printable page (no scripts, no outside files), every piece of
//   typed or authored text escaped.
//
// [SECTION] Model
// [SECTION] Agenda arithmetic and edits
// [SECTION] Stored form
// [SECTION] Printable page
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/i18n.h"
#include "core/progress.h"

namespace siaga {

// [SECTION] Model -------------------------------------------------------------------------------------

inline constexpr std::string_view kPlansFormat = "siaga-plans";
inline constexpr int kPlansSchema = 1;
inline constexpr size_t kMaxPlans = 50;
inline constexpr size_t kMaxAgendaItems = 60;
inline constexpr int kMaxItemMinutes = 480;       // one item can fill a working day, no more
inline constexpr int kDefaultBreakMinutes = 15;
inline constexpr int kDefaultModuleMinutes = 30;  // for a module whose author gave no duration
inline constexpr size_t kMaxPlanFieldChars = 120; // date, place, facilitator: bytes of UTF-8

struct AgendaItem {
  enum class Kind { Module, Break };
  Kind kind = Kind::Module;
  std::string module_id;  // Module
  std::string label;      // Break: its name ("" = the interface's word for a break)
  int minutes = 0;        // 1..kMaxItemMinutes

  bool operator==(const AgendaItem&) const = default;
};

struct SessionPlan {
  std::string id;           // "plan-" + hex; a route id (lowercase letters, digits, '-')
  std::string course_id;
  std::string date;         // as the facilitator wrote it ("2026-12-10", "10-11 Dec")
  std::string place;
  std::string facilitator;
  std::string start_time;   // "HH:MM" (24 h) or "" when not decided
  std::vector<AgendaItem> agenda;
  int64_t created_at = 0;   // unix ms
  int64_t updated_at = 0;

  bool operator==(const SessionPlan&) const = default;
};

struct PlanStore {
  std::vector<SessionPlan> plans;  // newest first

  bool operator==(const PlanStore&) const = default;
};

const SessionPlan* find_plan(const PlanStore& store, std::string_view plan_id);

// A new plan for a course: every available module in course order, each for its authored minutes.
SessionPlan new_plan(const Course& course, std::string id, int64_t now_ms);

// [SECTION] Agenda arithmetic and edits ---------------------------------------------------------------

int agenda_minutes(const SessionPlan& plan);  // the sum of every item's minutes

// "09:30" -> 570. False (and minutes untouched) unless it is H:MM or HH:MM within one day.
bool parse_clock(std::string_view text, int& minutes);
std::string format_clock(int minutes);  // minutes after midnight -> "HH:MM" (wraps past midnight)
// The start time of each item in minutes after midnight; empty when the plan has no valid start time.
std::vector<int> agenda_start_times(const SessionPlan& plan);
// "1 h 30 min", "45 min" style, with the words given (so each language writes its own).
std::string format_duration(int minutes, std::string_view hours_word, std::string_view minutes_word);

// Each edit returns false and leaves the plan as it was when the index or value cannot apply.
bool set_item_minutes(SessionPlan& plan, size_t index, int minutes);  // clamped to 1..kMaxItemMinutes
bool move_item(SessionPlan& plan, size_t index, int delta);           // -1 earlier, +1 later
bool remove_item(SessionPlan& plan, size_t index);
bool insert_break(SessionPlan& plan, size_t position, int minutes);   // position may be agenda.size()
bool add_module_item(SessionPlan& plan, const Module& module);        // at the end
// Modules of the course that the agenda does not hold (dropped ones, or ones added to the course).
std::vector<const Module*> modules_not_in_agenda(const SessionPlan& plan, const Course& course);
// Typed text for date, place or facilitator: control characters removed, cut to kMaxPlanFieldChars
// at a character boundary.
std::string clean_plan_field(std::string_view text);

// [SECTION] Stored form -------------------------------------------------------------------------------

// {"format":"siaga-plans","schema":1,"plans":[{"id":..,"course":..,"date":..,"place":..,
//  "facilitator":..,"start":..,"created_at":..,"updated_at":..,
//  "agenda":[{"kind":"module","module":..,"minutes":..},{"kind":"break","label":..,"minutes":..}]}]}
std::string plans_to_json(const PlanStore& store);
// NotJson, Foreign (not a plans record), NewerVersion, Invalid (a field missing or impossible, with
// which plan and field in the reason). Never a partial store: the app sets unreadable text aside whole.
DataResult<PlanStore> parse_plans(std::string_view text);

// Puts a plan first in the store (replacing the one with its id); false when the store is full.
bool upsert_plan(PlanStore& store, SessionPlan plan);
bool remove_plan(PlanStore& store, std::string_view plan_id);

// [SECTION] Printable page ----------------------------------------------------------------------------

std::string html_escape(std::string_view text);  // & < > " ' as entities; invalid UTF-8 replaced

// A self-contained HTML page for printing (inline styles, no scripts, no outside files). course may be
// null (its content is not loaded): ids stand in for titles. Labels come from `text` (keys plan.*).
std::string plan_to_html(const SessionPlan& plan, const Course* course, const UiText& text, std::string_view language);

}  // namespace siaga
