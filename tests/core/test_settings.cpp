// Device settings (language, text size, theme): the stored form, its schema migration, the
// controller actions that change them, and the readability of every theme's colours.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "app/controller.h"
#include "app/storage_keys.h"
#include "core/contrast.h"
#include "core/settings.h"
#include "memory_platform.h"
#include "ui/theme.h"  // constexpr palettes only; nothing here needs ImGui

using namespace siaga;

TEST_CASE("settings round-trip through the current schema with every field") {
  const Settings settings{.language = "id", .text_size = 3, .theme = "contrast"};
  const std::string json = settings_to_json(settings);
  CHECK(json.find("\"schema\":2") != std::string::npos);
  const SettingsLoad loaded = parse_settings(json);
  CHECK_FALSE(loaded.damaged);
  CHECK(loaded.schema == 2);
  CHECK(loaded.settings == settings);
}

TEST_CASE("schema 1 settings are migrated: the language stays, new fields take their defaults") {
  const SettingsLoad loaded = parse_settings(R"({"schema":1,"language":"id"})");
  CHECK_FALSE(loaded.damaged);
  CHECK(loaded.schema == 1);
  CHECK(loaded.settings.language == "id");
  CHECK(loaded.settings.text_size == kDefaultTextSize);
  CHECK(loaded.settings.theme == "light");
  // Saving writes schema 2; reading that back gives the same settings.
  const std::string rewritten = settings_to_json(loaded.settings);
  CHECK(rewritten.find("\"schema\":2") != std::string::npos);
  CHECK(parse_settings(rewritten).settings == loaded.settings);
}

TEST_CASE("schema 1 ignores fields it did not have; schema 2 without them uses defaults") {
  // A schema 1 record never held text_size or theme; stray ones are not trusted.
  const SettingsLoad old = parse_settings(R"({"schema":1,"language":"en","text_size":3,"theme":"dark"})");
  CHECK(old.settings.text_size == kDefaultTextSize);
  CHECK(old.settings.theme == "light");
  const SettingsLoad sparse = parse_settings(R"({"schema":2})");
  CHECK_FALSE(sparse.damaged);
  CHECK(sparse.settings == Settings{});
}

TEST_CASE("bad text sizes and themes fall back to defaults and are reported as damage") {
  for (const char* json : {R"({"schema":2,"text_size":4})", R"({"schema":2,"text_size":-1})",
                           R"({"schema":2,"text_size":"big"})", R"({"schema":2,"text_size":1.5})"}) {
    CAPTURE(json);
    const SettingsLoad loaded = parse_settings(json);
    CHECK(loaded.damaged);
    CHECK(loaded.settings.text_size == kDefaultTextSize);
  }
  for (const char* json : {R"({"schema":2,"theme":"neon"})", R"({"schema":2,"theme":3})"}) {
    CAPTURE(json);
    const SettingsLoad loaded = parse_settings(json);
    CHECK(loaded.damaged);
    CHECK(loaded.settings.theme == "light");
  }
  // A good field next to a bad one is kept.
  const SettingsLoad mixed = parse_settings(R"({"schema":2,"language":"id","text_size":9,"theme":"dark"})");
  CHECK(mixed.damaged);
  CHECK(mixed.settings.language == "id");
  CHECK(mixed.settings.theme == "dark");
  CHECK(parse_settings(R"({"schema":0})").damaged);
  CHECK(parse_settings(R"({"schema":3})").damaged);  // written by a newer portal
}

TEST_CASE("text size steps grow and are clamped") {
  CHECK(text_scale_for(0) == doctest::Approx(0.9));
  CHECK(text_scale_for(1) == doctest::Approx(1.0));
  CHECK(text_scale_for(2) == doctest::Approx(1.2));
  CHECK(text_scale_for(3) == doctest::Approx(1.45));
  CHECK(text_scale_for(-5) == text_scale_for(0));
  CHECK(text_scale_for(99) == text_scale_for(kTextSizeCount - 1));
}

TEST_CASE("text size and theme actions change and save the settings") {
  test::MemoryPlatform platform;
  AppState app;
  CHECK(apply_action(app, platform, SetTextSize{2}));
  CHECK(app.settings.text_size == 2);
  CHECK(parse_settings(platform.stored[std::string(storage_key::kSettings)]).settings.text_size == 2);
  CHECK_FALSE(apply_action(app, platform, SetTextSize{2}));  // no change
  CHECK_FALSE(apply_action(app, platform, SetTextSize{7}));  // out of range
  CHECK(app.settings.text_size == 2);

  CHECK(apply_action(app, platform, SetTheme{"dark"}));
  CHECK(app.settings.theme == "dark");
  CHECK(parse_settings(platform.stored[std::string(storage_key::kSettings)]).settings.theme == "dark");
  CHECK_FALSE(apply_action(app, platform, SetTheme{"neon"}));
  CHECK(app.settings.theme == "dark");
  CHECK(parse_settings(platform.stored[std::string(storage_key::kSettings)]).settings.text_size == 2);  // earlier choice kept
}

TEST_CASE("contrast ratio follows the WCAG definition") {
  CHECK(contrast_ratio(0x000000, 0xFFFFFF) == doctest::Approx(21.0));
  CHECK(contrast_ratio(0xFFFFFF, 0x000000) == doctest::Approx(21.0));
  CHECK(contrast_ratio(0x777777, 0x777777) == doctest::Approx(1.0));
  CHECK(contrast_ratio(0x767676, 0xFFFFFF) == doctest::Approx(4.54).epsilon(0.01));  // the well-known AA grey
  CHECK(contrast_ratio(0x777777, 0xFFFFFF) < 4.5);
  CHECK(relative_luminance(0xFF0000) == doctest::Approx(0.2126));
}

TEST_CASE("every theme's text is readable on every background it is drawn on (WCAG AA 4.5:1)") {
  using ui::hex_of;
  const std::vector<std::pair<const char*, const ui::Theme*>> themes = {
      {"light", &ui::kLightTheme}, {"dark", &ui::kDarkTheme}, {"contrast", &ui::kContrastTheme}};
  for (const auto& [name, t] : themes) {
    CAPTURE(name);
    const unsigned int text_colours[] = {t->text, t->muted, t->heading, t->link};
    const unsigned int backgrounds[] = {t->background, t->surface, t->frame, t->note, t->tip, t->warning,
                                        t->case_study, t->discuss, t->error, t->success};
    for (unsigned int fg : text_colours)
      for (unsigned int bg : backgrounds) {
        CAPTURE(hex_of(fg));
        CAPTURE(hex_of(bg));
        CHECK(contrast_ratio(hex_of(fg), hex_of(bg)) >= 4.5);
      }
    for (unsigned int bg : {t->button, t->button_hovered, t->button_active})
      CHECK(contrast_ratio(hex_of(t->text), hex_of(bg)) >= 4.5);
    CHECK(contrast_ratio(hex_of(t->on_accent), hex_of(t->accent)) >= 4.5);
    CHECK(contrast_ratio(hex_of(t->on_accent), hex_of(t->accent_hover)) >= 4.5);
    CHECK(contrast_ratio(hex_of(t->focus), hex_of(t->background)) >= 3.0);  // non-text: WCAG 1.4.11
  }
  // The numbers stated in theme.h's comment.
  CHECK(contrast_ratio(hex_of(ui::kLightTheme.text), hex_of(ui::kLightTheme.background)) == doctest::Approx(14.93).epsilon(0.001));
  CHECK(contrast_ratio(hex_of(ui::kDarkTheme.text), hex_of(ui::kDarkTheme.background)) == doctest::Approx(14.74).epsilon(0.001));
  CHECK(contrast_ratio(hex_of(ui::kContrastTheme.text), hex_of(ui::kContrastTheme.background)) == doctest::Approx(21.0));
}
