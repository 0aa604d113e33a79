// The portal shell's core: routes, language choice, interface text, settings, the semantic tree,
// and the app controller driven through an in-memory platform.
#include <doctest/doctest.h>

#include "app/controller.h"
#include "app/storage_keys.h"
#include "core/i18n.h"
#include "core/route.h"
#include "core/semantic_tree.h"
#include "core/settings.h"
#include "memory_platform.h"

using namespace siaga;

namespace {
std::string tiny_pack(const std::string& lang, const std::string& heading) {
  const std::string po = "msgctxt \"catalog.heading\"\nmsgid \"Courses\"\nmsgstr \"" + heading + "\"\n";
  const std::string course = "---\nid: demo\ntitle: Demo\nsummary: A demo.\n---\nHello.\n";
  const std::string module = "---\nid: one\ntitle: One\nsummary: s\nminutes: 5\n---\n## First {#first}\nText.\n";
  return write_pack({{"content/" + lang + "/ui.po", po},
                     {"content/" + lang + "/demo/course.md", course},
                     {"content/" + lang + "/demo/01-one.md", module}});
}
}  // namespace

TEST_CASE("a module address with a section parses and prints back the same") {
  const Route route = parse_route("#/course/micic/module/prepare/section/mapping");
  CHECK(route.screen == Screen::Module);
  CHECK(route.course == "micic");
  CHECK(route.module == "prepare");
  CHECK(route.section == "mapping");
  CHECK(route_to_hash(route) == "#/course/micic/module/prepare/section/mapping");
}

TEST_CASE("a malformed or unknown address opens the catalog") {
  CHECK(parse_route("").screen == Screen::Catalog);
  CHECK(parse_route("#/course/").screen == Screen::Catalog);
  CHECK(parse_route("#/course/BAD ID").screen == Screen::Catalog);
  CHECK(parse_route("#/nowhere/at/all").screen == Screen::Catalog);
}

TEST_CASE("the browser's first supported language wins, ignoring region and case") {
  CHECK(negotiate_language({"fr-FR", "ID-id", "en"}, {"en", "id"}, "en") == "id");
  CHECK(negotiate_language({"de"}, {"en", "id"}, "en") == "en");
}

TEST_CASE("Dari (prs) and Persian browser tags choose the Dari/Farsi interface") {
  CHECK(negotiate_language({"prs-AF", "en"}, {"en", "id", "fa"}, "en") == "fa");
  CHECK(negotiate_language({"fa-IR"}, {"en", "fa"}, "en") == "fa");
  CHECK(negotiate_language({"ar-EG"}, {"en", "ar"}, "en") == "ar");
}

TEST_CASE("interface text falls back to English, then to the key") {
  Translations english, indonesian;
  english.by_key["a"] = "Apple";
  english.by_key["b"] = "Banana";
  indonesian.by_key["a"] = "Apel";
  const UiText text(&indonesian, &english);
  CHECK(text("a") == "Apel");
  CHECK(text("b") == "Banana");
  CHECK(text("missing.key") == "missing.key");
}

TEST_CASE("placeholders may be reordered by a translation") {
  CHECK(format_text("{1} dari {0}", {"10", "3"}) == "3 dari 10");
  CHECK(format_text("{5} stays empty", {"x"}) == " stays empty");
}

TEST_CASE("settings round-trip through their stored form") {
  Settings settings;
  settings.language = "id";
  const SettingsLoad loaded = parse_settings(settings_to_json(settings));
  CHECK_FALSE(loaded.damaged);
  CHECK(loaded.settings == settings);
}

TEST_CASE("damaged or future settings fall back to defaults and say so") {
  CHECK(parse_settings("{not json").damaged);
  CHECK(parse_settings("[]").damaged);
  CHECK(parse_settings("{\"language\":\"id\"}").damaged);               // no schema
  CHECK(parse_settings("{\"schema\":99,\"language\":\"id\"}").damaged);  // from a newer version
  CHECK(parse_settings("{\"schema\":1,\"language\":7}").damaged);
  CHECK(parse_settings("{not json").settings.language.empty());
}

TEST_CASE("the semantic tree serialises role, name, state and rectangle, escaping text") {
  SemanticTree tree;
  tree.language = "id";
  SemanticNode node;
  node.role = Role::Button;
  node.name = "Say \"hi\"\n";
  node.checked = true;
  node.toggle = true;
  node.x = 1.5f;
  node.w = 10;
  node.h = 44;
  tree.nodes.push_back(node);
  CHECK(tree.to_json() ==
        "{\"lang\":\"id\",\"nodes\":[{\"r\":\"button\",\"n\":\"Say \\\"hi\\\"\\n\",\"c\":1,\"t\":1,"
        "\"x\":1.5,\"y\":0,\"w\":10,\"h\":44}]}");
}

TEST_CASE("a text field being typed into says so, and whether it takes digits, for the phone keyboard") {
  SemanticTree tree;
  SemanticNode node;
  node.role = Role::TextField;
  node.name = "PIN";
  node.focused = true;
  node.editing = true;
  node.numeric = true;
  node.h = 44;
  tree.nodes.push_back(node);
  node.name = "Name";
  node.focused = node.editing = node.numeric = false;
  tree.nodes.push_back(node);
  CHECK(tree.to_json() ==
        "{\"lang\":\"\",\"nodes\":[{\"r\":\"textbox\",\"n\":\"PIN\",\"f\":1,\"a\":1,\"k\":1,"
        "\"x\":0,\"y\":0,\"w\":0,\"h\":44},{\"r\":\"textbox\",\"n\":\"Name\",\"x\":0,\"y\":0,\"w\":0,\"h\":44}]}");
}

TEST_CASE("start-up follows the browser's language and takes the prefetched pack") {
  test::MemoryPlatform platform;
  platform.languages = {"id-ID"};
  platform.assets["content-id.pack"] = tiny_pack("id", "Kursus");
  AppState app;
  CHECK(start_app(app, platform));
  CHECK(app.language == "id");
  CHECK(platform.document_language == "id");
  CHECK(ui_text(app)("catalog.heading") == "Kursus");
}

TEST_CASE("a first visit waits for the pack the portal asks for, then remembers it for the page's loader") {
  test::MemoryPlatform platform;
  platform.languages = {"id-ID"};
  AppState app;
  CHECK_FALSE(start_app(app, platform));  // nothing prefetched: the language's pack is asked for
  CHECK(platform.requested == std::vector<std::string>{"content-id.pack"});
  CHECK(platform.stored.count(std::string(storage_key::kPrefetch)) == 0);

  platform.assets["content-id.pack"] = tiny_pack("id", "Kursus");
  CHECK(poll_app(app, platform));
  CHECK(app.language == "id");
  const auto hint = parse_prefetch(platform.stored[std::string(storage_key::kPrefetch)]);
  REQUIRE(hint);
  CHECK(*hint == std::vector<std::string>{"content-id.pack"});
}

TEST_CASE("the prefetch hint follows a language switch and is not rewritten when unchanged") {
  test::MemoryPlatform platform;
  platform.assets["content-en.pack"] = tiny_pack("en", "Courses");
  platform.stored[std::string(storage_key::kPrefetch)] = prefetch_to_json({"content-en.pack"});
  AppState app;
  start_app(app, platform);
  CHECK(platform.saves_of(storage_key::kPrefetch) == 0);
  apply_action(app, platform, SetLanguage{"id"});
  platform.assets["content-id.pack"] = tiny_pack("id", "Kursus");
  poll_app(app, platform);
  CHECK(*parse_prefetch(platform.stored[std::string(storage_key::kPrefetch)]) == std::vector<std::string>{"content-id.pack"});
}

TEST_CASE("a damaged or newer prefetch hint is set aside, not overwritten unseen") {
  for (const std::string bad : {"{\"version\":2,\"assets\":[\"x.pack\"]}", "not json", "{\"version\":1,\"assets\":[3]}"}) {
    CAPTURE(bad);
    test::MemoryPlatform platform;
    platform.assets["content-en.pack"] = tiny_pack("en", "Courses");
    platform.stored[std::string(storage_key::kPrefetch)] = bad;
    AppState app;
    start_app(app, platform);
    bool kept = false;
    for (const auto& [key, value] : platform.stored)
      if (key.starts_with("siaga.recovery.siaga.prefetch.") && value == bad) kept = true;
    CHECK(kept);
    CHECK(parse_prefetch(platform.stored[std::string(storage_key::kPrefetch)]));
  }
}

TEST_CASE("the page's own notice gets its words in the learner's language") {
  test::MemoryPlatform platform;
  platform.languages = {"id-ID"};
  const std::string po = "msgctxt \"page.update_ready\"\nmsgid \"A new version of Siaga is ready.\"\n"
                         "msgstr \"Versi baru Siaga sudah siap.\"\n\nmsgctxt \"page.reload\"\nmsgid \"Reload\"\nmsgstr \"Muat ulang\"\n";
  const std::string course = "---\nid: demo\ntitle: Demo\nsummary: A demo.\n---\nHello.\n";
  const std::string module = "---\nid: one\ntitle: One\nsummary: s\nminutes: 5\n---\n## First {#first}\nText.\n";
  platform.assets["content-id.pack"] = write_pack({{"content/id/ui.po", po},
                                                   {"content/id/demo/course.md", course},
                                                   {"content/id/demo/01-one.md", module}});
  AppState app;
  start_app(app, platform);
  CHECK(platform.page_text == std::pair<std::string, std::string>{"Versi baru Siaga sudah siap.", "Muat ulang"});
}

TEST_CASE("a stored language choice beats the browser's") {
  test::MemoryPlatform platform;
  platform.languages = {"en-US"};
  platform.stored[std::string(storage_key::kSettings)] = "{\"schema\":1,\"language\":\"id\"}";
  platform.assets["content-id.pack"] = tiny_pack("id", "Kursus");
  AppState app;
  start_app(app, platform);
  CHECK(app.language == "id");
}

TEST_CASE("switching to a language not yet loaded fetches its pack, then switches and saves the choice") {
  test::MemoryPlatform platform;
  platform.assets["content-en.pack"] = tiny_pack("en", "Courses");
  AppState app;
  start_app(app, platform);
  REQUIRE(app.language == "en");

  apply_action(app, platform, SetLanguage{"id"});
  CHECK(app.pending_language == "id");
  CHECK(platform.requested == std::vector<std::string>{"content-id.pack"});
  CHECK(app.language == "en");  // still usable while it downloads

  platform.assets["content-id.pack"] = tiny_pack("id", "Kursus");
  CHECK(poll_app(app, platform));
  CHECK(app.language == "id");
  CHECK(app.pending_language.empty());
  CHECK(parse_settings(platform.stored[std::string(storage_key::kSettings)]).settings.language == "id");
}

TEST_CASE("a right-to-left language waits for the shaper and the Arabic faces besides its pack") {
  test::MemoryPlatform platform;
  platform.assets["content-en.pack"] = tiny_pack("en", "Courses");
  AppState app;
  start_app(app, platform);
  apply_action(app, platform, SetLanguage{"fa"});
  CHECK(platform.requested == std::vector<std::string>{"content-fa.pack", "rtl-shaper.wasm",
                                                       "NotoSansArabicUI-Regular.ttf", "NotoSansArabicUI-Bold.ttf"});
  platform.assets["content-fa.pack"] = tiny_pack("fa", "دوره‌ها");
  poll_app(app, platform);
  CHECK(app.language == "en");  // the pack alone would draw disconnected letters: not yet
  platform.assets["rtl-shaper.wasm"] = "";
  platform.assets["NotoSansArabicUI-Regular.ttf"] = std::string(100, 'r');
  platform.assets["NotoSansArabicUI-Bold.ttf"] = std::string(100, 'b');
  CHECK(poll_app(app, platform));
  CHECK(app.language == "fa");
  CHECK(app.rtl.shaper_ready);
  CHECK(app.rtl.regular == std::string(100, 'r'));
  CHECK(app.rtl.bold == std::string(100, 'b'));
  // Arabic afterwards needs only its own pack.
  platform.requested.clear();
  apply_action(app, platform, SetLanguage{"ar"});
  CHECK(platform.requested == std::vector<std::string>{"content-ar.pack"});
}

TEST_CASE("a shaper that cannot be loaded is reported and the current language stays") {
  test::MemoryPlatform platform;
  platform.assets["content-en.pack"] = tiny_pack("en", "Courses");
  platform.assets["content-ar.pack"] = tiny_pack("ar", "الدورات");
  AppState app;
  start_app(app, platform);
  apply_action(app, platform, SetLanguage{"ar"});
  platform.asset_errors["rtl-shaper.wasm"] = "rtl-shaper.wasm: HTTP 404";
  CHECK(poll_app(app, platform));
  CHECK(app.language == "en");
  CHECK(app.language_error == "rtl-shaper.wasm: HTTP 404");
}

TEST_CASE("a pack that fails to download is reported and the current language stays") {
  test::MemoryPlatform platform;
  platform.assets["content-en.pack"] = tiny_pack("en", "Courses");
  AppState app;
  start_app(app, platform);
  apply_action(app, platform, SetLanguage{"id"});
  platform.asset_errors["content-id.pack"] = "content-id.pack: HTTP 404";
  CHECK(poll_app(app, platform));
  CHECK(app.language == "en");
  CHECK(app.language_error == "content-id.pack: HTTP 404");
}

TEST_CASE("a failed settings write is reported and the choice still applies in memory") {
  test::MemoryPlatform platform;
  platform.assets["content-en.pack"] = tiny_pack("en", "Courses");
  platform.assets["content-id.pack"] = tiny_pack("id", "Kursus");
  AppState app;
  start_app(app, platform);
  platform.next_save = StoreResult::Full;
  apply_action(app, platform, SetLanguage{"id"});
  CHECK(app.storage.write_failed);
  CHECK(app.language == "id");
}

TEST_CASE("navigating updates the address, and the back button's address is picked up") {
  test::MemoryPlatform platform;
  platform.assets["content-en.pack"] = tiny_pack("en", "Courses");
  AppState app;
  start_app(app, platform);
  apply_action(app, platform, Navigate{parse_route("#/course/demo")});
  CHECK(platform.hash == "#/course/demo");
  platform.hash = "#/";  // the learner pressed Back
  CHECK(poll_app(app, platform));
  CHECK(app.route.screen == Screen::Catalog);
}

TEST_CASE("launched by an LMS, the app opens the launched course for one learner and reports its state") {
  test::MemoryPlatform platform;
  platform.assets["content-en.pack"] = tiny_pack("en", "Courses");
  platform.lms = true;
  platform.lms_course_id = "demo";
  AppState app;
  start_app(app, platform);
  CHECK(app.lms_mode);
  CHECK_FALSE(app.profile_id.empty());
  CHECK(app.route.screen == Screen::Course);
  CHECK(app.route.course == "demo");
  REQUIRE(platform.lms_reports.size() == 1);
  CHECK(platform.lms_reports[0].lesson_status == "incomplete");
  CHECK(platform.lms_reports[0].suspend_data.size() <= 4096);
}

TEST_CASE("in an LMS, reaching every section of a course without quizzes reports it completed") {
  test::MemoryPlatform platform;
  platform.assets["content-en.pack"] = tiny_pack("en", "Courses");
  platform.lms = true;
  platform.lms_course_id = "demo";
  AppState app;
  start_app(app, platform);
  apply_action(app, platform, Navigate{parse_route("#/course/demo/module/one")});
  apply_action(app, platform,
               SectionReached{parse_route("#/course/demo/module/one/section/first")});
  CHECK(platform.lms_reports.back().lesson_status == "completed");
}
