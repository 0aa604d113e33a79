// learners_view.cpp — "Who is learning?": pick a learner on a shared device, or add one. A learner is
// a name and a colour (no email); an optional 4-digit PIN keeps classmates out, and the screen says
// plainly that it is not security.
#include <cstring>
#include <string>

#include "core/progress.h"
#include "imgui.h"
#include "ui/theme.h"
#include "ui/view.h"
#include "ui/widgets.h"

namespace siaga::ui {

namespace {

constexpr unsigned int kColours[kProfileColourCount] = {
    0xFFAD5C0B, 0xFF2B8A3E, 0xFF0C41C2, 0xFF8E2D9C, 0xFF7A6B00, 0xFF3C3CB5, 0xFF5F5F5F, 0xFF1F6FB8,
};  // ImGui ABGR: blue, green, orange, purple, teal, red, grey, brown

const char* colour_key(int i) {
  static const char* keys[kProfileColourCount] = {"colour.blue", "colour.green", "colour.orange", "colour.purple",
                                                  "colour.teal", "colour.red", "colour.grey", "colour.brown"};
  return keys[i % kProfileColourCount];
}

void colour_dot(int colour) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float r = 10;
  ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(at.x + r, at.y + kTouchTarget * 0.5f), r,
                                              kColours[colour % kProfileColourCount]);
  ImGui::Dummy(ImVec2(r * 2 + 4, kTouchTarget));
  ImGui::SameLine();
}

// A colour swatch that works as a radio button: a ring marks the chosen one.
bool colour_choice(const std::string& name, int colour, bool selected) {
  ImGui::PushID(colour);
  const bool clicked = ImGui::InvisibleButton("colour", ImVec2(kTouchTarget, kTouchTarget));
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 centre(min.x + kTouchTarget * 0.5f, min.y + kTouchTarget * 0.5f);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddCircleFilled(centre, 14, kColours[colour % kProfileColourCount]);
  if (selected) draw->AddCircle(centre, 19, theme().text, 0, 3.0f);
  if (ImGui::IsItemFocused()) draw->AddRect(min, ImVec2(min.x + kTouchTarget, min.y + kTouchTarget), theme().accent, 6.0f, 0, 2.0f);
  add_last_item(Role::Radio, name);
  if (SemanticNode* node = last_node(); node && node->role == Role::Radio) node->checked = selected;
  ImGui::PopID();
  return clicked;
}


void form_error(const View& v) {
  if (v.app.form_error_key.empty()) return;
  notice(v.tf(v.app.form_error_key, {v.app.form_error_detail}), theme().error);
}

void new_learner_form(const View& v) {
  UiState& ui = v.ui;
  heading(v.t("learners.new"), 3, ui.fonts.h3);
  text_wrapped(v.t("learners.name"));
  const bool enter = text_field("##name", v.t("learners.name"), ui.new_name, sizeof ui.new_name);
  text_wrapped(v.t("learners.colour"));
  for (int i = 0; i < kProfileColourCount; ++i) {
    if (i) ImGui::SameLine();
    if (ImGui::GetCursorPosX() + kTouchTarget > ImGui::GetContentRegionMax().x) ImGui::NewLine();
    if (colour_choice(v.t(colour_key(i)), i, ui.new_colour == i)) ui.new_colour = i;
  }
  text_wrapped(v.t("learners.pin_optional"));
  ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
  text_wrapped(v.t("learners.pin_honest"));
  ImGui::PopStyleColor();
  const bool enter_pin = text_field("##pin", v.t("learners.pin"), ui.new_pin, sizeof ui.new_pin,
                                    ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_Password);
  form_error(v);
  if (button(v.t("learners.create"), true) || enter || enter_pin) {
    v.act(CreateProfile{ui.new_name, ui.new_pin, ui.new_colour});
    std::memset(ui.new_pin, 0, sizeof ui.new_pin);
  }
  ImGui::SameLine();
  if (!v.app.profiles.profiles.empty() && button(v.t("learners.cancel"))) ui.creating_profile = false;
}

void pin_prompt(const View& v, const Profile& profile) {
  UiState& ui = v.ui;
  heading(v.tf("learners.pin_for", {profile.name}), 3, ui.fonts.h3);
  const bool enter = text_field("##signin-pin", v.t("learners.pin"), ui.sign_in_pin, sizeof ui.sign_in_pin,
                                ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_Password);
  form_error(v);
  if (button(v.t("learners.open"), true) || enter) {
    v.act(SignIn{profile.id, ui.sign_in_pin});
    std::memset(ui.sign_in_pin, 0, sizeof ui.sign_in_pin);
  }
  ImGui::SameLine();
  if (button(v.t("learners.cancel"))) ui.pin_for_profile.clear();
}

}  // namespace

void draw_learners(const View& v) {
  UiState& ui = v.ui;
  heading(v.t("learners.heading"), 2, ui.fonts.h2);
  text_wrapped(v.t("learners.intro"));
  const auto& profiles = v.app.profiles.profiles;

  if (!ui.pin_for_profile.empty()) {
    if (const Profile* profile = find_profile(v.app.profiles, ui.pin_for_profile)) {
      pin_prompt(v, *profile);
      return;
    }
    ui.pin_for_profile.clear();
  }
  if (profiles.empty() || ui.creating_profile) {
    new_learner_form(v);
  } else {
    for (const Profile& profile : profiles) {
      ImGui::PushID(profile.id.c_str());
      colour_dot(profile.colour);
      const std::string label = profile.name + (profile.pin ? "  (PIN)" : "");
      if (button(label + "##learner")) {
        if (profile.pin) ui.pin_for_profile = profile.id;
        else v.act(SignIn{profile.id, ""});
      }
      if (SemanticNode* node = last_node()) node->name = v.tf("learners.continue_as", {profile.name});
      ImGui::PopID();
    }
    ImGui::Spacing();
    if (button(v.t("learners.add"))) ui.creating_profile = true;
  }
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
  text_wrapped(v.t("learners.guest_note"));
  ImGui::PopStyleColor();
  if (link(v.t("learners.guest"))) v.act(ContinueAsGuest{});
}

}  // namespace siaga::ui
