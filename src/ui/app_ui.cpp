// app_ui.cpp — the frame of every screen: the header with the language switch, the notices, the
// learner bar, and the router that hands the page to the screen of the current route (each screen in
// its own file: catalog_view.cpp, course_view.cpp, reader_view.cpp, learners_view.cpp, ...).
//
// [SECTION] Helpers
// [SECTION] Header and notices
// [SECTION] Frame
#include <algorithm>
#include <cmath>
#include <string>

#include "app/code_module.h"
#include "app/facilitator_code.h"
#include "imgui.h"
#include "rtl/shaper.h"
#include "ui/lesson_view.h"
#include "ui/rtl_text.h"
#include "ui/theme.h"
#include "ui/touch_scroll.h"
#include "ui/ui.h"
#include "ui/view.h"
#include "ui/widgets.h"

namespace siaga::ui {

namespace {

// [SECTION] Helpers ----------------------------------------------------------------------------------

}  // namespace

bool shaper_ready(const AppState& app) { return app.rtl.shaper_ready && !app.rtl.regular.empty(); }

// Whether the current font has every glyph of a pre-shaped name (the language-names face loaded).
bool drawable(std::string_view glyphs) {
  if (glyphs.empty()) return false;
  const ImFont* font = ImGui::GetFont();
  for (size_t at = 0; at < glyphs.size();)
    if (!font->FindGlyphNoFallback(static_cast<ImWchar>(rtl::next_codepoint(glyphs, at)))) return false;
  return true;
}

bool narrow_layout() { return ImGui::GetIO().DisplaySize.x < 720.0f; }

namespace {

// Side padding that centres a column of at most kReadingWidth, so lines stay readable on wide screens.
float reading_padding(float window_width) {
  const float minimum = window_width < 720.0f ? 12.0f : 24.0f;
  return std::max(minimum, (window_width - kReadingWidth) * 0.5f);
}

const Language* active_language(const AppState& app) { return app.catalog.find_language(app.language); }

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
    ImGui::TextUnformatted(shaped(s.t("app.tagline")).c_str());
    add_last_item(Role::Text, s.t("app.tagline"));
  } else {
    text_wrapped(s.t("app.tagline"));
  }
  ImGui::PopStyleColor();
  ImGui::PopFont();

  // The language switch: each language named in itself, so anyone can find their own.
  ImGui::PushFont(fonts.body);
  const std::string& current = s.app.pending_language.empty() ? s.app.language : s.app.pending_language;
  // The languages the build ships (languages.json), in their own names. An Arabic-script name is
  // drawn joined: shaped by the build (languages.json "glyphs", drawn from the small language-names
  // face) until the shaper module is here, then by the shaper. Only when neither is at hand (the
  // face did not load) is it named in English ("Dari / Farsi"), never as disconnected letters.
  struct MenuLanguage { std::string tag; std::string name; std::string spoken; };
  std::vector<MenuLanguage> languages;
  // In the portal's menu order (English, Indonesian, Dari/Farsi, Arabic, Somali), not the build's;
  // a language the portal does not know comes last.
  std::vector<const ShippedLanguage*> menu;
  for (const std::string_view tag : known_language_tags())
    for (const ShippedLanguage& shipped : s.app.languages)
      if (shipped.tag == tag) menu.push_back(&shipped);
  for (const ShippedLanguage& shipped : s.app.languages)
    if (!language_facts(shipped.tag)) menu.push_back(&shipped);
  for (const ShippedLanguage* entry : menu) {
    const ShippedLanguage& shipped = *entry;
    const LanguageFacts* facts = language_facts(shipped.tag);
    std::string name(language_autonym(shipped.tag));
    if (facts && facts->right_to_left) {
      if (shaper_ready(s.app)) name = shaped_in(shipped.tag, name);
      else if (drawable(shipped.name_glyphs)) name = shipped.name_glyphs;
      else name = std::string(facts->english_name);
    }
    languages.push_back({shipped.tag, name + "##language-" + shipped.tag, std::string(language_autonym(shipped.tag))});
  }
  const ImGuiStyle& style = ImGui::GetStyle();
  float row_width = 0;
  for (const auto& language : languages)
    row_width += ImGui::CalcTextSize(language.name.c_str(), nullptr, true).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
  // Each button is placed explicitly: after SameLine, ImGui would align the second to the title's
  // text baseline rather than to the first button.
  float x = narrow ? ImGui::GetCursorPosX()
                   : std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - row_width + style.ItemSpacing.x);
  float y = narrow ? ImGui::GetCursorPosY() : row_y;
  // On a phone the five names do not fit one line: a button that would pass the right edge starts
  // the next line.
  const float line_start = x;
  const float right = ImGui::GetWindowContentRegionMax().x;
  for (const auto& language : languages) {
    const float width = ImGui::CalcTextSize(language.name.c_str(), nullptr, true).x + style.FramePadding.x * 2;
    if (narrow && x > line_start && x + width > right) {
      x = line_start;
      y += ImGui::GetFrameHeight() + style.ItemSpacing.x * 0.5f;
    }
    ImGui::SetCursorPos(ImVec2(x, y));
    const bool clicked = toggle_button(language.name.c_str(), current == language.tag);
    if (SemanticNode* node = last_node()) node->name = language.spoken;  // the mirror reads the real name
    if (clicked && current != language.tag) s.act(SetLanguage{language.tag});
    x = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetScrollX() + style.ItemSpacing.x;
  }
  ImGui::PopFont();
  ImGui::Separator();
}

void draw_notices(const View& s) {
  if (!s.app.storage.available) notice(s.t("notice.storage_refused"), theme().warning);
  else if (s.app.storage.write_failed) notice(s.t("notice.storage_failed"), theme().warning);
  if (s.app.settings_damaged) notice(s.t("notice.settings_damaged"), theme().warning);
  if (!s.app.pending_language.empty() && s.app.language_error.empty()) {
    notice(s.t("notice.loading_language"), theme().note);
    if (s.app.language_total > 0) {  // on a slow link the switch takes a while: how far it has come
      const auto kb = [](int64_t bytes) { return std::to_string((bytes + 1023) / 1024); };
      progress(static_cast<float>(static_cast<double>(s.app.language_received) / static_cast<double>(s.app.language_total)),
               s.tf("course.lessons_progress", {kb(s.app.language_received), kb(s.app.language_total)}));
    }
  }
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
    // (Right to left, the row lays itself out from the right edge and wraps by itself: widgets.h.)
    if (rtl() || right + width <= ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
    if (link(label)) s.navigate(Route{.screen = screen});
  }
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

// The facilitator's tools are their own download on the web (app/facilitator_code.h).
void draw_facilitator_code_pending(const View& v) {
  if (link(v.t("nav.all_courses"))) v.navigate(Route{});
  heading(v.t("facilitator.link"), 2, v.ui.fonts.h2);
  // It comes with the lesson code, which it calls into (app/code_module.h): one bar for both.
  const AppState::CodeModule& code = v.app.facilitator_code;
  const AppState::CodeModule& lessons = v.app.lesson_code;
  const std::string& error = code.error.empty() ? lessons.error : code.error;
  const Platform::AssetProgress both = with_code(code.progress, lessons);
  draw_download(v, "facilitator.code_downloading", "facilitator.code_failed",
                {!error.empty(), error, both.received, both.total}, RetryFacilitatorCode{});
}

// [SECTION] Frame ------------------------------------------------------------------------------------

void draw_app(const AppState& app, const UiText& text, UiState& ui, FrameOutput& out) {
  out.tree.nodes.clear();
  out.tree.language = app.language;
  set_text_direction(app.language, shaper_ready(app));
  begin_semantics(&out.tree);
  const View s{app, text, ui, out};
  touch_scroll(ui.touch, out);
  if (is_projector_screen(app.route.screen) && active_language(app) && app.facilitator_code.ready) {
    const LeftToRightPlacement projector;  // the projector fills the window
    door(draw_projector)(s);
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
  } else if (siaga::is_facilitator_screen(app.route.screen) && language && !app.facilitator_code.ready) {
    draw_facilitator_code_pending(s);
  } else if (app.route.screen == siaga::Screen::Facilitator && language) {
    const LeftToRightPlacement grids;  // rows of cells and buttons laid out by hand
    door(draw_facilitator)(s);
  } else if (app.route.screen == siaga::Screen::Plans && language) {
    const LeftToRightPlacement agenda;
    door(draw_plans)(s);
  } else if (!language) {
    notice(s.t("notice.no_content"), theme().error);
  } else if (app.route.screen == siaga::Screen::Module && app.route.course == siaga::kBankCourseId) {
    draw_bank_practice(s);
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
        if (course && (!course->text_loaded || !app.lesson_code.ready)) draw_course_waiting(s, *course);
        else if (course && module && module->available) door(draw_module)(s, *course, *module);
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
