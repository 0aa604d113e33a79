// settings_view.cpp — text size and theme, the learner's data and the device's sign-out rule, and what
// is stored where.
#include <string>

#include "core/progress.h"
#include "core/settings.h"
#include "imgui.h"
#include "ui/theme.h"
#include "ui/view.h"
#include "ui/widgets.h"

namespace siaga::ui {

void draw_settings(const View& v) {
  UiState& ui = v.ui;
  if (link(v.t("nav.all_courses"))) v.navigate(Route{});
  heading(v.t("settings.heading"), 2, ui.fonts.h2);

  // Display: text size and theme apply at once and are kept on this device for everyone.
  heading(v.t("settings.text_size"), 3, ui.fonts.h3);
  static constexpr const char* kSizeKeys[kTextSizeCount] = {"settings.text_small", "settings.text_normal",
                                                             "settings.text_large", "settings.text_xlarge"};
  for (int size = 0; size < kTextSizeCount; ++size)
    if (radio(v.t(kSizeKeys[size]) + "##size" + std::to_string(size), v.app.settings.text_size == size))
      v.act(SetTextSize{size});

  heading(v.t("settings.theme"), 3, ui.fonts.h3);
  for (const std::string_view name : kThemes) {
    const std::string id(name);
    if (radio(v.t("settings.theme_" + id) + "##theme" + id, v.app.settings.theme == name))
      v.act(SetTheme{id});
  }

  heading(v.t("settings.idle"), 3, ui.fonts.h3);
  text_wrapped(v.t("settings.idle_intro"));
  for (int minutes : {0, 5, 15, 30}) {
    const std::string label = minutes == 0 ? v.t("settings.idle_never") : v.tf("settings.idle_minutes", {std::to_string(minutes)});
    if (radio(label + "##idle" + std::to_string(minutes), v.app.profiles.idle_sign_out_minutes == minutes))
      v.act(SetIdleSignOut{minutes});
  }

  scroll_here_if_target(v, "settings:data", 0.0f);  // "How to remove it" on the About page
  heading(v.t("settings.data"), 3, ui.fonts.h3);
  text_wrapped(v.t("settings.privacy"));
  if (link(v.t("nav.about"))) v.navigate(Route{.screen = Screen::About});
  if (!v.app.profile_id.empty()) {
    const Profile* me = find_profile(v.app.profiles, v.app.profile_id);
    text_wrapped(v.tf("settings.signed_in_as", {me ? me->name : ""}));
    if (button(v.t("settings.download"))) v.act(ExportProgress{});
    if (button(v.t("settings.import"))) v.act(ImportProgress{});
    if (ui.confirm == "remove-data") {
      notice(v.t("settings.remove_confirm"), theme().warning);
      if (button(v.t("settings.remove_yes"), true)) {
        v.act(RemoveMyData{});
        ui.confirm.clear();
      }
      ImGui::SameLine();
      if (button(v.t("learners.cancel"))) ui.confirm.clear();
    } else if (button(v.t("settings.remove"))) {
      ui.confirm = "remove-data";
    }
    if (button(v.t("learners.sign_out"))) v.act(SignOut{});
  } else {
    text_wrapped(v.t("settings.no_learner"));
  }
}

}  // namespace siaga::ui
