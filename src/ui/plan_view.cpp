// plan_view.cpp — session plans: the list (new plan per course, open, present) and the editor (date,
// place, facilitator, start time; the agenda's durations, order, breaks; print; present a module).
//
// Each edit makes a changed copy of the plan with core/plan.h and records PlanSave; the app keeps it
// (src/app/plans.cpp). Text fields show the stored value and save on every change, so nothing typed
// waits for a button and a reload keeps it.
//
// [SECTION] Helpers
// [SECTION] Plan list
// [SECTION] Plan editor
#include <cstdio>
#include <cstring>
#include <string>

#include "imgui.h"
#include "ui/theme.h"
#include "ui/view.h"
#include "ui/rtl_text.h"
#include "ui/widgets.h"

namespace siaga::ui {

namespace {

// [SECTION] Helpers -----------------------------------------------------------------------------------

std::string duration(const View& v, int minutes) {
  return format_duration(minutes, v.t("plan.hours_short"), v.t("plan.minutes_short"));
}

// Places the next button on this line when it fits, else on the next.
void flow(std::string_view label) {
  const float width = ImGui::CalcTextSize(std::string(visible_label(label)).c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SameLine();
  if (ImGui::GetCursorScreenPos().x + width > ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
    ImGui::NewLine();
}

// A button whose accessible name says what it acts on ("Move up: Why MICIC?"), its face kept short.
bool named_button(const std::string& label, const std::string& name, bool primary = false) {
  const bool clicked = button(label, primary);
  if (SemanticNode* node = last_node()) node->name = name;
  return clicked;
}

void save(const View& v, SessionPlan plan) { v.act(PlanSave{std::move(plan)}); }

void present(const View& v, const std::string& course, const std::string& module) {
  v.ui.presenter_back = v.app.route;
  v.navigate(Route{.screen = Screen::Present, .course = course, .module = module, .section = ""});
}

std::string module_title(const Course* course, const std::string& id) {
  const Module* module = course ? find_module(*course, id) : nullptr;
  return module ? module->title : id;
}

// A text field showing `value`; on every change the plan is saved with the new text.
void plan_text_field(const View& v, const SessionPlan& plan, const char* id, const std::string& name,
                     const std::string& value, std::string SessionPlan::*field) {
  char buffer[kMaxPlanFieldChars + 1];
  std::snprintf(buffer, sizeof buffer, "%s", value.c_str());
  ImGui::PushFont(v.ui.fonts.small);
  muted(name);
  ImGui::PopFont();
  text_field(id, name, buffer, sizeof buffer);
  if (ImGui::IsItemEdited()) {
    SessionPlan changed = plan;
    changed.*field = buffer;
    save(v, std::move(changed));
  }
}

// [SECTION] Plan list ---------------------------------------------------------------------------------

void draw_plan_list(const View& v, const Language& language) {
  if (link(v.t("plan.back_to_tools"))) v.navigate(Route{.screen = Screen::Facilitator, .course = "", .module = "", .section = ""});
  heading(v.t("plan.heading"), 2, v.ui.fonts.h2);
  text_wrapped(v.t("plan.intro"));
  if (!v.app.plans.error_key.empty()) notice(v.t(v.app.plans.error_key), theme().error);

  heading(v.t("plan.new_heading"), 3, v.ui.fonts.h3);
  for (const Course& course : language.courses) {
    ImGui::PushFont(v.ui.fonts.bold);
    text_wrapped(course.title);
    ImGui::PopFont();
    if (named_button(v.t("plan.new") + "##new-" + course.id, v.tf("plan.new_for", {course.title})))
      v.act(PlanCreate{course.id});
  }

  ImGui::Spacing();
  heading(v.t("plan.saved_heading"), 3, v.ui.fonts.h3);
  if (v.app.plans.store.plans.empty()) muted(v.t("plan.none_yet"));
  for (const SessionPlan& plan : v.app.plans.store.plans) {
    const Course* course = find_course(language, plan.course_id);
    ImGui::PushID(plan.id.c_str());
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 12));
    ImGui::BeginChild("plan", ImVec2(0, 0),
                      ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NavFlattened);
    const std::string title = course ? course->title : plan.course_id;
    heading(title, 4, v.ui.fonts.bold);
    std::string facts = plan.date.empty() ? v.t("plan.no_date") : plan.date;
    if (!plan.place.empty()) facts += " \xC2\xB7 " + plan.place;
    facts += " \xC2\xB7 " + duration(v, agenda_minutes(plan));
    muted(facts);
    const std::string name = title + (plan.date.empty() ? "" : ", " + plan.date);
    if (named_button(v.t("plan.open") + "##open", v.t("plan.open") + ": " + name, true))
      v.navigate(Route{.screen = Screen::Plans, .course = "", .module = "", .section = plan.id});
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopID();
    ImGui::Spacing();
  }

  // Presenting needs no plan: any module of any course, straight to the projector.
  ImGui::Spacing();
  heading(v.t("plan.present_heading"), 3, v.ui.fonts.h3);
  muted(v.t("plan.present_intro"));
  for (const Course& course : language.courses) {
    ImGui::PushID(course.id.c_str());
    ImGui::PushFont(v.ui.fonts.bold);
    const bool open = ImGui::TreeNodeEx((rtl() ? rtl_label(course.title) : course.title).c_str(), ImGuiTreeNodeFlags_NoTreePushOnOpen);
    ImGui::PopFont();
    add_last_item(Role::Button, course.title);
    if (SemanticNode* node = last_node(); node && node->role == Role::Button) {
      node->expandable = true;
      node->expanded = open;
    }
    if (open)
      for (const Module& module : course.modules) {
        if (!module.available) continue;
        if (link(v.tf("plan.present_module", {module.title}) + "##" + module.id)) present(v, course.id, module.id);
      }
    ImGui::PopID();
  }
}

// [SECTION] Plan editor -------------------------------------------------------------------------------

void draw_agenda_item(const View& v, const SessionPlan& plan, const Course* course, size_t i, const std::vector<int>& starts) {
  const AgendaItem& item = plan.agenda[i];
  const bool is_break = item.kind == AgendaItem::Kind::Break;
  const std::string title = is_break ? (item.label.empty() ? v.t("plan.break") : item.label)
                                     : module_title(course, item.module_id);
  const bool missing = !is_break && course && !find_module(*course, item.module_id);
  ImGui::PushID(static_cast<int>(i));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, is_break ? theme().note : theme().surface);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 10));
  ImGui::BeginChild("item", ImVec2(0, 0),
                    ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding,
                    ImGuiWindowFlags_NavFlattened);
  std::string line = std::to_string(i + 1) + ". " + title;
  if (!starts.empty()) line = format_clock(starts[i]) + "\xE2\x80\x93" + format_clock(starts[i] + item.minutes) + "  " + line;
  heading(line, 4, v.ui.fonts.bold);
  if (missing) muted(v.t("plan.module_missing"));

  // Duration: typed, or five minutes at a time.
  char minutes[8];
  std::snprintf(minutes, sizeof minutes, "%d", item.minutes);
  if (named_button("\xE2\x80\x93" "5##shorter", v.tf("plan.shorter", {title}))) {
    SessionPlan changed = plan;
    set_item_minutes(changed, i, item.minutes - 5);
    save(v, std::move(changed));
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(80);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(10, (kTouchTarget - ImGui::GetFontSize()) * 0.5f));
  ImGui::InputText("##minutes", minutes, sizeof minutes, ImGuiInputTextFlags_CharsDecimal);
  ImGui::PopStyleVar();
  add_last_item(Role::TextField, v.tf("plan.minutes_of", {title}));
  if (ImGui::IsItemEdited()) {
    int typed = 0;
    bool any = false;
    for (const char* c = minutes; *c; ++c)
      if (*c >= '0' && *c <= '9') {
        typed = std::min(99999, typed * 10 + (*c - '0'));
        any = true;
      }
    if (any && typed > 0) {
      SessionPlan changed = plan;
      set_item_minutes(changed, i, typed);
      save(v, std::move(changed));
    }
  }
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(v.t("plan.minutes_short").c_str());
  ImGui::SameLine();
  if (named_button("+5##longer", v.tf("plan.longer", {title}))) {
    SessionPlan changed = plan;
    set_item_minutes(changed, i, item.minutes + 5);
    save(v, std::move(changed));
  }
  // Order, removal, presenting.
  if (i > 0) {
    flow(v.t("plan.move_up"));
    if (named_button(v.t("plan.move_up") + "##up", v.t("plan.move_up") + ": " + title)) {
      SessionPlan changed = plan;
      move_item(changed, i, -1);
      save(v, std::move(changed));
    }
  }
  if (i + 1 < plan.agenda.size()) {
    flow(v.t("plan.move_down"));
    if (named_button(v.t("plan.move_down") + "##down", v.t("plan.move_down") + ": " + title)) {
      SessionPlan changed = plan;
      move_item(changed, i, 1);
      save(v, std::move(changed));
    }
  }
  flow(v.t("plan.remove"));
  if (named_button(v.t("plan.remove") + "##remove", v.t("plan.remove") + ": " + title)) {
    SessionPlan changed = plan;
    remove_item(changed, i);
    save(v, std::move(changed));
  }
  if (!is_break && !missing) {
    flow(v.t("plan.present"));
    if (named_button(v.t("plan.present") + "##present", v.t("plan.present") + ": " + title, true))
      present(v, plan.course_id, item.module_id);
  }
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  ImGui::PopID();
}

void draw_plan_editor(const View& v, const SessionPlan& plan, const Language& language) {
  const Course* course = find_course(language, plan.course_id);
  if (link(v.t("plan.back_to_list"))) v.navigate(Route{.screen = Screen::Plans, .course = "", .module = "", .section = ""});
  heading(v.tf("plan.editor_heading", {course ? course->title : plan.course_id}), 2, v.ui.fonts.h2);
  if (!course) notice(v.t("plan.course_missing"), theme().warning);

  plan_text_field(v, plan, "##date", v.t("plan.date"), plan.date, &SessionPlan::date);
  plan_text_field(v, plan, "##place", v.t("plan.place"), plan.place, &SessionPlan::place);
  plan_text_field(v, plan, "##facilitator", v.t("plan.facilitator"), plan.facilitator, &SessionPlan::facilitator);

  // Start time: saved once it reads as a time (or is cleared); until then the old one stands.
  char start[8];
  std::snprintf(start, sizeof start, "%s", plan.start_time.c_str());
  ImGui::PushFont(v.ui.fonts.small);
  muted(v.t("plan.start_time_hint"));
  ImGui::PopFont();
  text_field("##start", v.t("plan.start_time"), start, sizeof start);
  if (ImGui::IsItemEdited()) {
    int clock = 0;
    const bool valid = start[0] == '\0' || parse_clock(start, clock);
    v.ui.start_time_problem = !valid;
    if (valid) {
      SessionPlan changed = plan;
      changed.start_time = start;
      save(v, std::move(changed));
    }
  }
  if (ImGui::IsItemDeactivated()) v.ui.start_time_problem = false;
  if (v.ui.start_time_problem) notice(v.t("plan.start_time_problem"), theme().warning);

  ImGui::Spacing();
  heading(v.t("plan.agenda"), 3, v.ui.fonts.h3);
  text_wrapped(v.tf("plan.total_line", {duration(v, agenda_minutes(plan)), std::to_string(plan.agenda.size())}));
  const std::vector<int> starts = agenda_start_times(plan);
  for (size_t i = 0; i < plan.agenda.size(); ++i) {
    draw_agenda_item(v, plan, course, i, starts);
    ImGui::Spacing();
  }
  if (plan.agenda.empty()) muted(v.t("plan.agenda_empty"));
  if (plan.agenda.size() < kMaxAgendaItems && button(v.t("plan.add_break"))) {
    SessionPlan changed = plan;
    insert_break(changed, changed.agenda.size(), kDefaultBreakMinutes);
    save(v, std::move(changed));
  }
  if (course)
    for (const Module* module : modules_not_in_agenda(plan, *course)) {
      if (plan.agenda.size() >= kMaxAgendaItems) break;
      if (button(v.tf("plan.add_back", {module->title}) + "##add-" + module->id)) {
        SessionPlan changed = plan;
        add_module_item(changed, *module);
        save(v, std::move(changed));
      }
    }

  ImGui::Spacing();
  ImGui::Separator();
  if (button(v.t("plan.print"), true)) v.act(PlanPrint{plan.id});
  muted(v.t("plan.print_hint"));
  ImGui::Spacing();
  if (v.ui.confirm_plan_delete != plan.id) {
    if (button(v.t("plan.delete"))) v.ui.confirm_plan_delete = plan.id;
  } else {
    notice(v.t("plan.delete_confirm"), theme().warning);
    if (button(v.t("plan.delete_yes"))) {
      v.ui.confirm_plan_delete.clear();
      v.act(PlanDelete{plan.id});
    }
    ImGui::SameLine();
    if (button(v.t("plan.delete_no"))) v.ui.confirm_plan_delete.clear();
  }
}

}  // namespace

void draw_plans(const View& v) {
  const Language* language = active_language(v);
  if (!language) return;
  // UI-only changes (the delete confirmation, the start-time hint) get one more frame to show.
  const std::string confirm_before = v.ui.confirm_plan_delete;
  const bool problem_before = v.ui.start_time_problem;
  const SessionPlan* plan = v.app.route.section.empty() ? nullptr : find_plan(v.app.plans.store, v.app.route.section);
  if (plan) {
    draw_plan_editor(v, *plan, *language);
  } else {
    if (!v.app.route.section.empty()) notice(v.t("plan.not_found"), theme().warning);
    draw_plan_list(v, *language);
  }
  if ((confirm_before != v.ui.confirm_plan_delete || problem_before != v.ui.start_time_problem) &&
      v.out.wake_after_ms < 0)
    v.out.wake_after_ms = 0;
}

}  // namespace siaga::ui
