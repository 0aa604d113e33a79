// app_ui.cpp — the portal's screens: the header with the language switch, the catalog, a course's
// page and the module reader. Each screen reads AppState and records Actions.
//
// [SECTION] Helpers
// [SECTION] Header and notices
// [SECTION] Catalog
// [SECTION] Course page
// [SECTION] Module reader
// [SECTION] Frame
#include <algorithm>
#include <cmath>
#include <string>

#include "imgui.h"
#include "ui/lesson_view.h"
#include "ui/theme.h"
#include "ui/touch_scroll.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "ui/widgets.h"

namespace siaga::ui {

namespace {

// [SECTION] Helpers ----------------------------------------------------------------------------------

}  // namespace

bool narrow_layout() { return ImGui::GetIO().DisplaySize.x < 720.0f; }

namespace {

// Side padding that centres a column of at most kReadingWidth, so lines stay readable on wide screens.
float reading_padding(float window_width) {
  const float minimum = window_width < 720.0f ? 12.0f : 24.0f;
  return std::max(minimum, (window_width - kReadingWidth) * 0.5f);
}

const Language* active_language(const AppState& app) { return app.catalog.find_language(app.language); }

int course_minutes(const Course& course) {
  int total = 0;
  for (const Module& module : course.modules) total += module.minutes;
  return total;
}

// [SECTION] Header and notices ------------------------------------------------------------------------

void draw_header(const View& s) {
  const Fonts& fonts = s.ui.fonts;
  const bool narrow = narrow_layout();
  const float row_y = ImGui::GetCursorPosY();
  ImGui::PushFont(fonts.h1);
  const float title_height = ImGui::GetFontSize();
  if (!narrow) ImGui::SetCursorPosY(row_y + (kTouchTarget - title_height) * 0.5f);
  ImGui::PushStyleColor(ImGuiCol_Text, theme().heading);
  ImGui::TextUnformatted("Siaga");
  ImGui::PopStyleColor();
  ImGui::PopFont();
  add_last_item(Role::Heading, "Siaga");
  if (SemanticNode* node = last_node()) node->level = 1;
  ImGui::PushFont(fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
  if (!narrow) {
    ImGui::SameLine(0, 14);
    ImGui::SetCursorPosY(row_y + (kTouchTarget - title_height) * 0.5f + title_height - ImGui::GetFontSize() - 3);
    ImGui::TextUnformatted(s.t("app.tagline").c_str());
    add_last_item(Role::Text, s.t("app.tagline"));
  } else {
    text_wrapped(s.t("app.tagline"));
  }
  ImGui::PopStyleColor();
  ImGui::PopFont();

  // The language switch: each language named in itself, so anyone can find their own.
  ImGui::PushFont(fonts.body);
  const std::string& current = s.app.pending_language.empty() ? s.app.language : s.app.pending_language;
  const struct { const char* tag; const char* name; } languages[] = {{"en", "English"}, {"id", "Bahasa Indonesia"}};
  const ImGuiStyle& style = ImGui::GetStyle();
  float row_width = 0;
  for (const auto& language : languages)
    row_width += ImGui::CalcTextSize(language.name).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
  // Each button is placed explicitly: after SameLine, ImGui would align the second to the title's
  // text baseline rather than to the first button.
  float x = narrow ? ImGui::GetCursorPosX()
                   : std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - row_width + style.ItemSpacing.x);
  const float y = narrow ? ImGui::GetCursorPosY() : row_y;
  for (const auto& language : languages) {
    ImGui::SetCursorPos(ImVec2(x, y));
    if (toggle_button(language.name, current == language.tag) && current != language.tag) {
      s.act(SetLanguage{language.tag});
    }
    x = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX() + style.ItemSpacing.x;
  }
  ImGui::PopFont();
  ImGui::Separator();
}

void draw_notices(const View& s) {
  if (!s.app.storage.available) notice(s.t("notice.storage_refused"), theme().warning);
  else if (s.app.storage.write_failed) notice(s.t("notice.storage_failed"), theme().warning);
  if (s.app.settings_damaged) notice(s.t("notice.settings_damaged"), theme().warning);
  if (!s.app.pending_language.empty() && s.app.language_error.empty())
    notice(s.t("notice.loading_language"), theme().note);
  if (!s.app.language_error.empty()) notice(s.tf("notice.language_failed", {s.app.language_error}), theme().error);
  for (size_t i = 0; i < s.app.data_notices.size(); ++i) {
    const auto& n = s.app.data_notices[i];
    ImGui::PushID(static_cast<int>(i));
    notice(s.tf(n.key, {n.detail}), n.error ? theme().error : theme().note);
    if (button(s.t("notice.dismiss")))
      s.act(DismissNotice{static_cast<int>(i)});
    ImGui::PopID();
  }
}

// Who is signed in, and the way to someone else or to the settings.
void draw_learner_bar(const View& s) {
  const Profile* me = find_profile(s.app.profiles, s.app.profile_id);
  ImGui::PushFont(s.ui.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
  if (me) text_wrapped(s.tf("learners.signed_in", {me->name}));
  else if (s.app.guest) text_wrapped(s.t("learners.guest_now"));
  ImGui::PopStyleColor();
  ImGui::PopFont();
  if (me || s.app.guest) {
    if (link(s.t("learners.switch"))) s.navigate(Route{.screen = siaga::Screen::Learners});
    ImGui::SameLine();
  }
  if (link(s.t("settings.heading"))) s.navigate(Route{.screen = siaga::Screen::Settings});
  ImGui::SameLine();
  if (link(s.t("facilitator.link"))) s.navigate(Route{.screen = siaga::Screen::Facilitator});
  // Appended links go on the same line while they fit (phones get a second line).
  for (const auto& [key, screen] : {std::pair{"nav.my_progress", siaga::Screen::Progress},
                                    std::pair{"nav.about", siaga::Screen::About}}) {
    const std::string label = s.t(key);
    const float width = ImGui::CalcTextSize(label.c_str()).x + 8.0f + ImGui::GetStyle().ItemSpacing.x;
    const float right = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;
    if (right + width <= ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
    if (link(label)) s.navigate(Route{.screen = screen});
  }
}

// [SECTION] Catalog ----------------------------------------------------------------------------------

void draw_catalog(const View& s, const Language& language) {
  heading(s.t("catalog.heading"), 2, s.ui.fonts.h2);
  ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
  text_wrapped(s.t("catalog.intro"));
  ImGui::PopStyleColor();
  ImGui::Spacing();
  for (const Course& course : language.courses) {
    ImGui::PushID(course.id.c_str());
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18, 14));
    // NavFlattened: Tab walks into the card's buttons instead of stopping on the card itself.
    ImGui::BeginChild("card", ImVec2(0, 0),
                      ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NavFlattened);
    heading(course.title, 3, s.ui.fonts.h3);
    text_wrapped(course.summary);
    ImGui::PushFont(s.ui.fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
    text_wrapped(s.tf("catalog.course_facts",
                      {std::to_string(course.modules.size()), std::to_string(course_minutes(course))}));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    // The learner's own standing: how far, how long still, and a way back to the exact place left.
    const CourseStanding standing = course_standing(course, s.app.progress);
    const bool resumable = standing.started && standing.resume.has_value();
    if (standing.started) {
      progress(static_cast<float>(standing.fraction_done), "");
      if (SemanticNode* node = last_node()) node->name = s.tf("catalog.progress_name", {course.title});
      text_wrapped(standing.minutes_left == 0
                       ? s.t("catalog.done")
                       : s.tf("catalog.progress_facts",
                              {std::to_string(static_cast<int>(std::lround(standing.fraction_done * 100))),
                               std::to_string(standing.minutes_left)}));
      if (resumable) {
        const Module* module = find_module(course, standing.resume->module_id);
        std::string where = module ? module->title : standing.resume->module_id;
        if (module)
          for (const Section& section : module->sections)
            if (section.id == standing.resume->section_id) where += " — " + section.title;
        ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
        text_wrapped(s.tf("catalog.left_off", {where}));
        ImGui::PopStyleColor();
        if (button(s.t("catalog.continue") + "##continue-" + course.id, true)) continue_course(s, course, *standing.resume);
        if (SemanticNode* node = last_node()) node->name = s.t("catalog.continue") + ": " + course.title;
        ImGui::SameLine();
      }
    }
    if (button(s.t("catalog.open") + "##" + course.id, !resumable)) s.navigate(Route{siaga::Screen::Course, course.id, "", ""});
    if (SemanticNode* node = last_node()) node->name = s.t("catalog.open") + ": " + course.title;
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopID();
    ImGui::Spacing();
  }
  if (language.courses.empty()) text_wrapped(s.t("catalog.empty"));
}

// [SECTION] Course page ----------------------------------------------------------------------------

void draw_course(const View& s, const Course& course) {
  if (link(s.t("nav.all_courses"))) s.navigate(Route{});
  heading(course.title, 2, s.ui.fonts.h2);
  // Where the learner stands, first (a returning learner wants this, not the introduction again):
  // progress, time left, the certificate, and back to the place left.
  const bool saving = !s.app.profile_id.empty();
  const CourseStanding standing = course_standing(course, s.app.progress);
  heading(s.t("course.your_progress"), 3, s.ui.fonts.h3);
  if (saving) {
    progress(static_cast<float>(standing.fraction_done), "");
    if (SemanticNode* node = last_node()) node->name = s.tf("catalog.progress_name", {course.title});
    text_wrapped(standing.minutes_left == 0
                     ? s.t("catalog.done")
                     : s.tf("course.modules_done", {std::to_string(standing.modules_completed),
                                                    std::to_string(standing.modules.size()),
                                                    std::to_string(standing.minutes_left)}));
    const bool ready = standing.certificate.state == CertificateState::Ready;
    if (ready) ImGui::PushStyleColor(ImGuiCol_Text, theme().heading);
    text_wrapped(certificate_text(s, standing.certificate));
    if (ready) ImGui::PopStyleColor();
    if (standing.resume && button(s.t("course.continue"), true)) continue_course(s, course, *standing.resume);
    draw_certificate_actions(s, course);
  } else {
    text_wrapped(s.t("progress.guest"));
  }
  ImGui::Spacing();

  // The introduction's "##" headings sit under the course title (h2), so they are h3.
  LessonContext lesson{&s.ui.fonts, &s.text, &s.out.actions, course.id, 1, 2};
  draw_blocks(course.intro, lesson);

  heading(s.t("course.modules"), 3, s.ui.fonts.h3);
  size_t index = 0;
  for (const Module& module : course.modules) {
    const ModuleStanding* m = nullptr;
    if (module.available && index < standing.modules.size()) m = &standing.modules[index++];
    ImGui::PushID(module.id.c_str());
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 12));
    ImGui::BeginChild("module", ImVec2(0, 0),
                      ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border | ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NavFlattened);
    heading(module.title.empty() ? module.id : module.title, 4, s.ui.fonts.bold);
    if (!module.summary.empty()) text_wrapped(module.summary);
    if (module.available) {
      ImGui::PushFont(s.ui.fonts.small);
      ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
      text_wrapped(s.tf("course.module_facts", {std::to_string(module.minutes), std::to_string(module.sections.size())}));
      ImGui::PopStyleColor();
      ImGui::PopFont();
      if (saving && m) {
        std::string status = s.tf("course.status", {module_state_text(s, m->state)});
        if (m->state == ModuleState::InProgress)
          status += " · " + s.tf("course.sections_read", {std::to_string(m->sections_reached), std::to_string(m->sections)}) +
                    " · " + s.tf("standing.minutes_left", {std::to_string(m->minutes_left)});
        ImGui::PushStyleColor(ImGuiCol_Text, m->state == ModuleState::Completed ? theme().heading : theme().text);
        text_wrapped(status);
        ImGui::PopStyleColor();
        for (size_t i = 0; i < module.quizzes.size() && i < m->quizzes.size(); ++i)
          text_wrapped(quiz_standing_text(s, module.quizzes[i], m->quizzes[i]));
      }
      if (button(s.t("course.start") + "##" + module.id)) s.navigate(Route{siaga::Screen::Module, course.id, module.id, ""});
      if (SemanticNode* node = last_node()) node->name = s.t("course.start") + ": " + module.title;
    } else {
      std::string why = s.t("course.unavailable");
      for (const Diagnostic& d : module.diagnostics)
        if (d.severity == Severity::Error) why += "\n" + d.to_string();
      notice(why, theme().error);
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopID();
    ImGui::Spacing();
  }
}

// [SECTION] Module reader ---------------------------------------------------------------------------

void draw_section_page(const View& s, const Course& course, const Module& module, size_t index) {
  const Section& section = module.sections[index];
  // The module's introduction sits under its title (h1); sections are h2.
  if (index == 0) draw_blocks(module.intro, LessonContext{&s.ui.fonts, &s.text, &s.out.actions, course.id, -1, 1});
  LessonContext lesson{&s.ui.fonts, &s.text, &s.out.actions, course.id};
  heading(section.title, 2, s.ui.fonts.h2);
  draw_blocks(section.blocks, lesson);
  for (const Block& block : section.blocks) {
    if (block.kind != Block::Kind::Quiz || block.quiz_index < 0 ||
        block.quiz_index >= static_cast<int>(module.quizzes.size()))
      continue;
    draw_quiz(s, course, module, module.quizzes[static_cast<size_t>(block.quiz_index)]);
  }
}

void draw_module(const View& s, const Course& course, const Module& module) {
  if (link(s.t("nav.back_to_course") + "##course")) s.navigate(Route{siaga::Screen::Course, course.id, "", ""});
  if (SemanticNode* node = last_node()) node->name = s.t("nav.back_to_course") + ": " + course.title;
  heading(module.title, 1, s.ui.fonts.h1);
  if (module.sections.empty()) {
    text_wrapped(s.t("reader.empty"));
    return;
  }
  size_t current = 0;
  for (size_t i = 0; i < module.sections.size(); ++i)
    if (module.sections[i].id == s.app.route.section) current = i;

  auto go_to = [&](size_t i) { s.navigate(Route{siaga::Screen::Module, course.id, module.id, module.sections[i].id}); };

  // Contents: every section, the current one marked; a link each.
  ImGui::PushFont(s.ui.fonts.bold);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4, (kTouchTarget - ImGui::GetFontSize()) * 0.5f));
  const bool contents_open = ImGui::TreeNodeEx(s.t("reader.contents").c_str(),
                                               ImGuiTreeNodeFlags_NoTreePushOnOpen | ImGuiTreeNodeFlags_FramePadding |
                                                   (narrow_layout() ? 0 : ImGuiTreeNodeFlags_DefaultOpen));
  ImGui::PopStyleVar();
  ImGui::PopFont();
  add_last_item(Role::Button, s.t("reader.contents"));
  if (SemanticNode* node = last_node(); node && node->role == Role::Button) {
    node->expandable = true;
    node->expanded = contents_open;
  }
  if (contents_open) {
    for (size_t i = 0; i < module.sections.size(); ++i) {
      const std::string label = std::to_string(i + 1) + ". " + module.sections[i].title + "##toc" + std::to_string(i);
      if (i == current) {
        ImGui::PushFont(s.ui.fonts.bold);
        if (link(label)) go_to(i);
        ImGui::PopFont();
      } else if (link(label)) {
        go_to(i);
      }
    }
  }
  ImGui::PushFont(s.ui.fonts.small);
  ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
  text_wrapped(s.tf("reader.section_of", {std::to_string(current + 1), std::to_string(module.sections.size())}));
  ImGui::PopStyleColor();
  ImGui::PopFont();
  progress(static_cast<float>(current + 1) / static_cast<float>(module.sections.size()), "");
  if (SemanticNode* node = last_node()) node->name = s.t("reader.progress");
  ImGui::Spacing();

  draw_section_page(s, course, module, current);

  ImGui::Separator();
  if (current > 0 && button(s.t("reader.previous"))) go_to(current - 1);
  if (current > 0 && current + 1 < module.sections.size()) ImGui::SameLine();
  if (current + 1 < module.sections.size() && button(s.t("reader.next"), true)) go_to(current + 1);
  if (current + 1 == module.sections.size() && button(s.t("reader.finish"), true))
    s.navigate(Route{siaga::Screen::Course, course.id, "", ""});

  // Tell the app which section is on screen (persistence of reading position hangs off this event).
  s.act(SectionReached{Route{siaga::Screen::Module, course.id, module.id, module.sections[current].id}});
}

void draw_not_found(const View& s) {
  heading(s.t("nav.not_found"), 2, s.ui.fonts.h2);
  if (button(s.t("nav.all_courses"), true)) s.navigate(Route{});
}

}  // namespace

const Language* active_language(const View& v) {
  const Language* language = v.app.catalog.find_language(v.app.language);
  return language ? language : v.app.catalog.find_language("en");
}

void muted(std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
  text_wrapped(text);
  ImGui::PopStyleColor();
}

// [SECTION] Frame ------------------------------------------------------------------------------------

void draw_app(const AppState& app, const UiText& text, UiState& ui, FrameOutput& out) {
  out.tree.nodes.clear();
  out.tree.language = app.language;
  begin_semantics(&out.tree);
  const View s{app, text, ui, out};
  touch_scroll(out);
  if (is_projector_screen(app.route.screen) && active_language(app)) {  // the projector fills the window
    draw_projector(s);
    begin_semantics(nullptr);
    return;
  }

  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(viewport->WorkPos);
  ImGui::SetNextWindowSize(viewport->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(reading_padding(viewport->WorkSize.x), 14));
  ImGui::Begin("Siaga", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus);
  ImGui::PopStyleVar();
  ImGui::PushFont(ui.fonts.body);

  if (!(ui.scrolled_route == app.route)) {  // a new screen starts at its top
    ImGui::SetScrollY(0);
    ui.scrolled_route = app.route;
  }
  // A scroll target belongs to the screen it was set for; it is forgotten anywhere else.
  if ((ui.scroll_target.starts_with("question:") && app.route.screen != siaga::Screen::Module) ||
      (ui.scroll_target.starts_with("settings:") && app.route.screen != siaga::Screen::Settings))
    ui.scroll_target.clear();

  draw_header(s);
  draw_learner_bar(s);
  draw_notices(s);
  if (app.profile_id != ui.seen_profile_id) {  // someone signed in or out: the forms start fresh
    ui.seen_profile_id = app.profile_id;
    ui.creating_profile = false;
    ui.pin_for_profile.clear();
    ui.new_name[0] = '\0';
  }
  const bool choosing = app.route.screen == siaga::Screen::Learners ||
                        (app.profile_id.empty() && !app.guest && app.route.screen != siaga::Screen::Settings &&
                         app.route.screen != siaga::Screen::About && app.route.screen != siaga::Screen::Facilitator &&
                         app.route.screen != siaga::Screen::Plans);
  const Language* language = active_language(app);
  if (choosing) {
    draw_learners(s);
    if (app.route.screen == siaga::Screen::Learners && (!app.profile_id.empty() || app.guest) &&
        link(s.t("nav.all_courses")))
      s.navigate(Route{});
  } else if (app.route.screen == siaga::Screen::Settings) {
    draw_settings(s);
  } else if (app.route.screen == siaga::Screen::About) {
    draw_about(s);
  } else if (app.route.screen == siaga::Screen::Progress && language) {
    draw_my_progress(s);
  } else if (app.route.screen == siaga::Screen::Facilitator && language) {
    draw_facilitator(s);
  } else if (app.route.screen == siaga::Screen::Plans && language) {
    draw_plans(s);
  } else if (!language) {
    notice(s.t("notice.no_content"), theme().error);
  } else {
    const Course* course = app.route.course.empty() ? nullptr : find_course(*language, app.route.course);
    const Module* module = course && !app.route.module.empty() ? find_module(*course, app.route.module) : nullptr;
    switch (app.route.screen) {
      case siaga::Screen::Catalog:
      case siaga::Screen::Settings:
      case siaga::Screen::Learners:
      case siaga::Screen::Facilitator:
      case siaga::Screen::About:
      case siaga::Screen::Progress:
      case siaga::Screen::Plans:
      case siaga::Screen::Present:
      case siaga::Screen::GroupQuiz: draw_catalog(s, *language); break;
      case siaga::Screen::Course:
        if (course) draw_course(s, *course); else draw_not_found(s);
        break;
      case siaga::Screen::Module:
        if (course && module && module->available) draw_module(s, *course, *module);
        else if (course) draw_course(s, *course);
        else draw_not_found(s);
        break;
    }
  }
  ImGui::Dummy(ImVec2(0, 24));

  ImGui::PopFont();
  ImGui::End();
  begin_semantics(nullptr);
}

}  // namespace siaga::ui
