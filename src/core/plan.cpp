// plan.cpp — session plans: the agenda's arithmetic and edits, the stored JSON form, the printable page.
// nlohmann/json is built with JSON_NOEXCEPTION (a failed call aborts), so every value is type-checked
// before it is read.
//
// [SECTION] Text helpers
// [SECTION] Model and agenda
// [SECTION] Stored form
// [SECTION] Printable page
#include "core/plan.h"

#include <algorithm>

#include "core/i18n.h"
#include "core/stored_json.h"

namespace siaga {

namespace {

using Json = nlohmann::json;

// [SECTION] Text helpers ------------------------------------------------------------------------------

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not one.
size_t utf8_length(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  if (n == 2 && c < 0xC2) return 0;                       // overlong
  if (n == 3 && c == 0xE0 && byte(i + 1) < 0xA0) return 0;  // overlong
  if (n == 3 && c == 0xED && byte(i + 1) >= 0xA0) return 0; // surrogates
  if (n == 4 && (c > 0xF4 || (c == 0xF0 && byte(i + 1) < 0x90) || (c == 0xF4 && byte(i + 1) >= 0x90))) return 0;
  return n;
}

bool is_plan_id(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

}  // namespace

// [SECTION] Model and agenda --------------------------------------------------------------------------

const SessionPlan* find_plan(const PlanStore& store, std::string_view plan_id) {
  for (const SessionPlan& plan : store.plans)
    if (plan.id == plan_id) return &plan;
  return nullptr;
}

SessionPlan new_plan(const Course& course, std::string id, int64_t now_ms) {
  SessionPlan plan;
  plan.id = std::move(id);
  plan.course_id = course.id;
  plan.created_at = plan.updated_at = now_ms;
  for (const Module& module : course.modules) {
    if (!module.available || plan.agenda.size() >= kMaxAgendaItems) continue;
    const int minutes = module.minutes > 0 ? std::min(module.minutes, kMaxItemMinutes) : kDefaultModuleMinutes;
    plan.agenda.push_back(AgendaItem{AgendaItem::Kind::Module, module.id, "", minutes});
  }
  return plan;
}

int agenda_minutes(const SessionPlan& plan) {
  int total = 0;
  for (const AgendaItem& item : plan.agenda) total += item.minutes;
  return total;
}

bool parse_clock(std::string_view text, int& minutes) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon < 1 || colon > 2 || text.size() != colon + 3) return false;
  int hours = 0, mins = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i == colon) continue;
    if (text[i] < '0' || text[i] > '9') return false;
    int& part = i < colon ? hours : mins;
    part = part * 10 + (text[i] - '0');
  }
  if (hours > 23 || mins > 59) return false;
  minutes = hours * 60 + mins;
  return true;
}

std::string format_clock(int minutes) {
  minutes = ((minutes % 1440) + 1440) % 1440;
  const int h = minutes / 60, m = minutes % 60;
  std::string out;
  out += static_cast<char>('0' + h / 10);
  out += static_cast<char>('0' + h % 10);
  out += ':';
  out += static_cast<char>('0' + m / 10);
  out += static_cast<char>('0' + m % 10);
  return out;
}

std::vector<int> agenda_start_times(const SessionPlan& plan) {
  int at = 0;
  if (!parse_clock(plan.start_time, at)) return {};
  std::vector<int> starts;
  for (const AgendaItem& item : plan.agenda) {
    starts.push_back(at);
    at += item.minutes;
  }
  return starts;
}

std::string format_duration(int minutes, std::string_view hours_word, std::string_view minutes_word) {
  const int h = minutes / 60, m = minutes % 60;
  std::string out;
  if (h > 0) out += std::to_string(h) + " " + std::string(hours_word);
  if (m > 0 || h == 0) {
    if (!out.empty()) out += ' ';
    out += std::to_string(m) + " " + std::string(minutes_word);
  }
  return out;
}

bool set_item_minutes(SessionPlan& plan, size_t index, int minutes) {
  if (index >= plan.agenda.size()) return false;
  minutes = std::clamp(minutes, 1, kMaxItemMinutes);
  if (plan.agenda[index].minutes == minutes) return false;
  plan.agenda[index].minutes = minutes;
  return true;
}

bool move_item(SessionPlan& plan, size_t index, int delta) {
  if (index >= plan.agenda.size() || (delta != -1 && delta != 1)) return false;
  if (delta == -1 && index == 0) return false;
  if (delta == 1 && index + 1 >= plan.agenda.size()) return false;
  std::swap(plan.agenda[index], plan.agenda[delta == 1 ? index + 1 : index - 1]);
  return true;
}

bool remove_item(SessionPlan& plan, size_t index) {
  if (index >= plan.agenda.size()) return false;
  plan.agenda.erase(plan.agenda.begin() + static_cast<std::ptrdiff_t>(index));
  return true;
}

bool insert_break(SessionPlan& plan, size_t position, int minutes) {
  if (position > plan.agenda.size() || plan.agenda.size() >= kMaxAgendaItems) return false;
  plan.agenda.insert(plan.agenda.begin() + static_cast<std::ptrdiff_t>(position),
                     AgendaItem{AgendaItem::Kind::Break, "", "", std::clamp(minutes, 1, kMaxItemMinutes)});
  return true;
}

bool add_module_item(SessionPlan& plan, const Module& module) {
  if (plan.agenda.size() >= kMaxAgendaItems) return false;
  const int minutes = module.minutes > 0 ? std::min(module.minutes, kMaxItemMinutes) : kDefaultModuleMinutes;
  plan.agenda.push_back(AgendaItem{AgendaItem::Kind::Module, module.id, "", minutes});
  return true;
}

std::vector<const Module*> modules_not_in_agenda(const SessionPlan& plan, const Course& course) {
  std::vector<const Module*> out;
  for (const Module& module : course.modules) {
    if (!module.available) continue;
    const bool held = std::any_of(plan.agenda.begin(), plan.agenda.end(), [&](const AgendaItem& item) {
      return item.kind == AgendaItem::Kind::Module && item.module_id == module.id;
    });
    if (!held) out.push_back(&module);
  }
  return out;
}

std::string clean_plan_field(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    const size_t n = utf8_length(text, i);
    if (n == 0) {  // a stray byte: skip it
      ++i;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (n == 1 && (c < 0x20 || c == 0x7F)) {
      if (c == '\t' || c == '\n') out += ' ';
      ++i;
      continue;
    }
    if (out.size() + n > kMaxPlanFieldChars) break;
    out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

// [SECTION] Stored form -------------------------------------------------------------------------------

namespace {

Json item_to_json(const AgendaItem& item) {
  if (item.kind == AgendaItem::Kind::Break) return Json{{"kind", "break"}, {"label", item.label}, {"minutes", item.minutes}};
  return Json{{"kind", "module"}, {"module", item.module_id}, {"minutes", item.minutes}};
}

Json plan_to_json(const SessionPlan& plan) {
  Json agenda = Json::array();
  for (const AgendaItem& item : plan.agenda) agenda.push_back(item_to_json(item));
  return Json{{"id", plan.id},
              {"course", plan.course_id},
              {"date", plan.date},
              {"place", plan.place},
              {"facilitator", plan.facilitator},
              {"start", plan.start_time},
              {"created_at", plan.created_at},
              {"updated_at", plan.updated_at},
              {"agenda", agenda}};
}

}  // namespace

std::string plans_to_json(const PlanStore& store) {
  Json plans = Json::array();
  for (const SessionPlan& plan : store.plans) plans.push_back(plan_to_json(plan));
  return stored::canonical_text(Json{{"format", kPlansFormat}, {"schema", kPlansSchema}, {"plans", plans}});
}

DataResult<PlanStore> parse_plans(std::string_view text) {
  const Json json = stored::parse(text);
  if (json.is_discarded()) return data_failure<PlanStore>(DataError::NotJson, "the saved session plans are not readable (not JSON, or cut off)");
  const stored::EnvelopeCheck envelope = stored::check_envelope(
      json, {.format = kPlansFormat,
             .current = kPlansSchema,
             .not_ours = "the saved session plans are not Siaga session plans",
             .newer = "the saved session plans were written by a newer version of Siaga",
             .bad_version = "the saved session plans have no valid schema number"});
  if (!envelope.ok()) return data_failure<PlanStore>(envelope.error, envelope.reason);

  stored::FieldReader r;
  const Json* plans = r.list(json, "plans", "the saved session plans", kMaxPlans);
  if (plans == nullptr) return data_failure<PlanStore>(DataError::Invalid, r.problem());

  PlanStore store;
  for (size_t p = 0; p < plans->size() && !r.failed(); ++p) {
    const Json& object = (*plans)[p];
    const std::string where = "plan " + std::to_string(p + 1);
    SessionPlan plan;
    r.text(object, "id", where, plan.id, true, 64);
    r.text(object, "course", where, plan.course_id, true, 64);
    r.text(object, "date", where, plan.date, true, kMaxPlanFieldChars);
    r.text(object, "place", where, plan.place, true, kMaxPlanFieldChars);
    r.text(object, "facilitator", where, plan.facilitator, true, kMaxPlanFieldChars);
    r.text(object, "start", where, plan.start_time, true, 5);
    r.time(object, "created_at", where, plan.created_at);
    r.time(object, "updated_at", where, plan.updated_at);
    int clock = 0;
    if (r.failed()) break;
    if (!is_plan_id(plan.id)) r.fail(where, "'id' is not a plan id");
    else if (plan.course_id.empty()) r.fail(where, "'course' is empty");
    else if (!plan.start_time.empty() && !parse_clock(plan.start_time, clock)) r.fail(where, "'start' is not a time like 09:00");
    else if (find_plan(store, plan.id)) r.fail(where, "the id '" + plan.id + "' is used twice");
    const Json* agenda = r.list(object, "agenda", where, kMaxAgendaItems);
    for (size_t i = 0; agenda != nullptr && i < agenda->size() && !r.failed(); ++i) {
      const Json& item_json = (*agenda)[i];
      const std::string item_where = where + ", agenda item " + std::to_string(i + 1);
      AgendaItem item;
      std::string kind;
      r.text(item_json, "kind", item_where, kind, true, 16);
      r.whole_number(item_json, "minutes", item_where, item.minutes, 1, kMaxItemMinutes);
      if (r.failed()) break;
      if (kind == "module") {
        item.kind = AgendaItem::Kind::Module;
        r.id(item_json, "module", item_where, item.module_id);
      } else if (kind == "break") {
        item.kind = AgendaItem::Kind::Break;
        r.text(item_json, "label", item_where, item.label, true, kMaxPlanFieldChars);
      } else {
        r.fail(item_where, "'kind' is neither 'module' nor 'break'");
      }
      plan.agenda.push_back(std::move(item));
    }
    store.plans.push_back(std::move(plan));
  }
  if (r.failed()) return data_failure<PlanStore>(DataError::Invalid, r.problem());
  DataResult<PlanStore> out;
  out.value = std::move(store);
  return out;
}

bool upsert_plan(PlanStore& store, SessionPlan plan) {
  const auto same = std::find_if(store.plans.begin(), store.plans.end(),
                                 [&](const SessionPlan& p) { return p.id == plan.id; });
  if (same != store.plans.end()) {
    store.plans.erase(same);
  } else if (store.plans.size() >= kMaxPlans) {
    return false;
  }
  store.plans.insert(store.plans.begin(), std::move(plan));
  return true;
}

bool remove_plan(PlanStore& store, std::string_view plan_id) {
  const auto before = store.plans.size();
  std::erase_if(store.plans, [&](const SessionPlan& p) { return p.id == plan_id; });
  return store.plans.size() != before;
}

// [SECTION] Printable page ----------------------------------------------------------------------------

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  size_t i = 0;
  while (i < text.size()) {
    const size_t n = utf8_length(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
      ++i;
      continue;
    }
    if (n == 1) {
      switch (text[i]) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += text[i];
      }
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string plan_to_html(const SessionPlan& plan, const Course* course, const UiText& text, std::string_view language) {
  const auto t = [&](std::string_view key) { return html_escape(text(key)); };
  const auto module_title = [&](const std::string& id) -> std::string {
    const Module* module = course ? find_module(*course, id) : nullptr;
    return module && !module->title.empty() ? module->title : id;
  };
  const std::string course_title = course && !course->title.empty() ? course->title : plan.course_id;
  const std::vector<int> starts = agenda_start_times(plan);
  const std::string h = std::string(text("plan.hours_short")), m = std::string(text("plan.minutes_short"));

  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"" + html_escape(language) + "\"" + (is_right_to_left(language) ? " dir=\"rtl\"" : "") + ">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<title>" + t("plan.print_title") + " \xE2\x80\x94 " + html_escape(course_title) + "</title>\n";
  out +=
      "<style>\n"
      "body{font-family:'Noto Sans',Arial,sans-serif;color:#111;margin:2em;max-width:48em}\n"
      "h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.15em;margin:1.4em 0 .4em}\n"
      "dl{display:grid;grid-template-columns:max-content 1fr;gap:.3em 1em;margin:0}dt{font-weight:bold}dd{margin:0}\n"
      "table{border-collapse:collapse;width:100%}th,td{border:1px solid #777;padding:.4em .6em;text-align:left;vertical-align:top}\n"
      "th{background:#eee}td.n{text-align:right;white-space:nowrap}tr.break td{font-style:italic;background:#f6f6f6}\n"
      "tfoot td{font-weight:bold}@media print{body{margin:0}}\n"
      "</style>\n</head>\n<body>\n";
  out += "<h1>" + html_escape(course_title) + "</h1>\n";
  out += "<p>" + t("plan.print_title") + "</p>\n<dl>\n";
  const auto fact = [&](std::string_view key, const std::string& value) {
    if (!value.empty()) out += "<dt>" + t(key) + "</dt><dd>" + html_escape(value) + "</dd>\n";
  };
  fact("plan.date", plan.date);
  fact("plan.place", plan.place);
  fact("plan.facilitator", plan.facilitator);
  fact("plan.start_time", plan.start_time);
  out += "</dl>\n<h2>" + t("plan.agenda") + "</h2>\n<table>\n<thead><tr>";
  if (!starts.empty()) out += "<th>" + t("plan.time") + "</th>";
  out += "<th>" + t("plan.item") + "</th><th>" + t("plan.duration") + "</th></tr></thead>\n<tbody>\n";
  for (size_t i = 0; i < plan.agenda.size(); ++i) {
    const AgendaItem& item = plan.agenda[i];
    const bool is_break = item.kind == AgendaItem::Kind::Break;
    out += is_break ? "<tr class=\"break\">" : "<tr>";
    if (!starts.empty())
      out += "<td class=\"n\">" + format_clock(starts[i]) + "\xE2\x80\x93" + format_clock(starts[i] + item.minutes) + "</td>";
    const std::string name = is_break ? (item.label.empty() ? std::string(text("plan.break")) : item.label)
                                      : module_title(item.module_id);
    out += "<td>" + html_escape(name) + "</td><td class=\"n\">" + html_escape(format_duration(item.minutes, h, m)) +
           "</td></tr>\n";
  }
  out += "</tbody>\n<tfoot><tr>";
  if (!starts.empty()) out += "<td></td>";
  out += "<td>" + t("plan.total") + "</td><td class=\"n\">" + html_escape(format_duration(agenda_minutes(plan), h, m)) +
         "</td></tr></tfoot>\n</table>\n</body>\n</html>\n";
  return out;
}

}  // namespace siaga
