// The device store's rules (app/device_store.h): damaged or newer records are set aside before
// anything is written over them, or never written when that fails; every record is versioned.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/controller.h"
#include "app/device_store.h"
#include "app/storage_keys.h"
#include "core/session.h"
#include "core/settings.h"
#include "memory_platform.h"

using namespace siaga;

namespace {

const std::string kSettings(storage_key::kSettings);
const std::string kSession(storage_key::kSession);

// The values kept under "siaga.recovery.<key>.*".
std::vector<std::string> set_aside_copies(const test::MemoryPlatform& platform, const std::string& key) {
  std::vector<std::string> out;
  const std::string prefix = "siaga.recovery." + key + ".";
  for (const auto& [name, value] : platform.stored)
    if (name.rfind(prefix, 0) == 0) out.push_back(value);
  return out;
}

// A device with one learner, Dewi ("p1"), whose record the session names.
void add_learner(test::MemoryPlatform& platform) {
  ProfileStore profiles;
  profiles.profiles.push_back(Profile{.id = "p1", .name = "Dewi", .colour = 0, .pin = std::nullopt, .created_at = 1});
  platform.stored[std::string(storage_key::kProfiles)] = profiles_to_json(profiles);
}

}  // namespace

TEST_CASE("damaged settings are set aside before the next choice is saved") {
  test::MemoryPlatform platform;
  platform.stored[kSettings] = "{\"schema\":2,\"theme\":";
  AppState app;
  start_app(app, platform);
  CHECK(app.settings_damaged);
  apply_action(app, platform, SetTheme{"dark"});
  CHECK(set_aside_copies(platform, kSettings) == std::vector<std::string>{"{\"schema\":2,\"theme\":"});
  CHECK(parse_settings(platform.stored[kSettings]).settings.theme == "dark");
}

TEST_CASE("settings written by a newer Siaga are set aside, not overwritten") {
  test::MemoryPlatform platform;
  const std::string newer = R"({"schema":9,"language":"id","text_size":2,"theme":"dark","sound":"on"})";
  platform.stored[kSettings] = newer;
  AppState app;
  start_app(app, platform);
  apply_action(app, platform, SetTextSize{0});
  CHECK(set_aside_copies(platform, kSettings) == std::vector<std::string>{newer});
}

TEST_CASE("damaged settings that cannot be set aside are never written over") {
  test::MemoryPlatform platform;
  platform.stored[kSettings] = "not settings";
  AppState app;
  start_app(app, platform);
  platform.next_save = StoreResult::Full;
  apply_action(app, platform, SetTheme{"dark"});
  CHECK(app.settings.theme == "dark");  // the choice applies in memory
  CHECK(app.data_notices.back().key == "data.unreadable_kept");
  platform.next_save = StoreResult::Saved;  // room again: still never written over in this session
  apply_action(app, platform, SetTextSize{2});
  CHECK(platform.stored[kSettings] == "not settings");
}

TEST_CASE("the session record carries its format and schema, and an unversioned one still resumes") {
  CHECK(session_to_json(SessionRecord{"p1", 5}) == R"({"at":5,"format":"siaga-session","profile":"p1","schema":1})");
  const auto legacy = parse_session(R"({"profile":"p1","at":1700000000000})");
  REQUIRE(legacy.ok());
  CHECK(legacy.value->profile_id == "p1");
  CHECK(parse_session("{}").value->profile_id.empty());  // the old "nobody signed in"
  CHECK(parse_session(R"({"format":"siaga-session","schema":2,"profile":"p1","at":1})").error == DataError::NewerVersion);
  CHECK(parse_session(R"({"format":"other","schema":1})").error == DataError::Foreign);

  test::MemoryPlatform platform;
  add_learner(platform);
  platform.stored[kSession] = R"({"profile":"p1","at":)" + std::to_string(platform.clock_ms - 1000) + "}";
  AppState app;
  start_app(app, platform);
  CHECK(app.profile_id == "p1");
  CHECK(parse_session(platform.stored[kSession]).migrated_from == 0);  // rewritten in the current schema
  CHECK(platform.stored[kSession].find("\"schema\":1") != std::string::npos);
}

TEST_CASE("a damaged or newer session record is set aside, not overwritten, and nobody is signed in by it") {
  for (const std::string stored : {std::string("{\"profile\":\"p1\",\"at\":"),
                                   std::string(R"({"format":"siaga-session","schema":7,"profile":"p1","at":1})")}) {
    CAPTURE(stored);
    test::MemoryPlatform platform;
    add_learner(platform);
    platform.stored[kSession] = stored;
    AppState app;
    start_app(app, platform);
    CHECK(app.profile_id.empty());
    CHECK_FALSE(app.data_notices.empty());
    apply_action(app, platform, SignIn{"p1", ""});
    REQUIRE(app.profile_id == "p1");
    CHECK(set_aside_copies(platform, kSession) == std::vector<std::string>{stored});
    CHECK(parse_session(platform.stored[kSession]).value->profile_id == "p1");
  }
}

TEST_CASE("a damaged session record that cannot be set aside is never written over") {
  test::MemoryPlatform platform;
  add_learner(platform);
  platform.stored[kSession] = "{damaged";
  platform.next_save = StoreResult::Full;
  AppState app;
  start_app(app, platform);
  apply_action(app, platform, SignIn{"p1", ""});
  CHECK(app.profile_id == "p1");  // signed in for this session, in memory
  platform.next_save = StoreResult::Saved;
  apply_action(app, platform, SignOut{});
  CHECK(platform.stored[kSession] == "{damaged");
}

TEST_CASE("a failed write is flagged until the next write succeeds") {
  test::MemoryPlatform platform;
  AppState app;
  start_app(app, platform);
  DeviceStore store(app, platform);
  platform.next_save = StoreResult::Full;
  CHECK_FALSE(store.write("siaga.test", "1"));
  CHECK(app.storage.write_failed);
  platform.next_save = StoreResult::Saved;
  CHECK(store.write("siaga.test", "2"));
  CHECK_FALSE(app.storage.write_failed);
}
