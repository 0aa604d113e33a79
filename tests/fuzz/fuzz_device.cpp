// fuzz_device.cpp — libFuzzer entry point for everything the portal reads back from a device's browser
// storage at start-up, through the app controller (src/app) and an in-memory platform: the settings,
// the list of learners, the session record and a learner's progress.
//
// Input: the four stored texts separated by NUL bytes — settings, profiles, session, progress (stored
// under the first listed learner's key). The profiles and progress records get their checksums
// recomputed (see fuzz_util.h) unless the input's first byte is odd, so both the damaged-data paths
// and the field readers are reached.
//
// Promises checked: start-up never crashes or aborts whatever is stored; a learner signed in by the
// session is one of the stored learners; after the learner reaches a section, whatever the portal wrote
// under the progress key reads back as valid progress (the portal never writes what it cannot read);
// a stored text the portal replaced was readable, or a recovery copy of it was kept (nothing is lost).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "../core/memory_platform.h"
#include "app/controller.h"
#include "app/storage_keys.h"
#include "core/progress.h"
#include "core/session.h"
#include "core/settings.h"
#include "fuzz_util.h"

namespace {

using siaga::fuzz::require;
using siaga::fuzz::with_fixed_checksums;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i <= input.size() && parts.size() < 4; ++i)
    if (i == input.size() || input[i] == '\0') {
      parts.emplace_back(input.substr(start, i - start));
      start = i + 1;
    }
  parts.resize(4);
  const bool fix = size == 0 || (data[0] & 1) == 0;

  siaga::test::MemoryPlatform platform;
  platform.stored[std::string(siaga::storage_key::kSettings)] = parts[0];
  platform.stored[std::string(siaga::storage_key::kProfiles)] = fix ? with_fixed_checksums(parts[1]) : parts[1];
  platform.stored[std::string(siaga::storage_key::kSession)] = parts[2];
  std::string progress_key;
  if (auto profiles = siaga::parse_profiles(platform.stored[std::string(siaga::storage_key::kProfiles)]); profiles.ok() && !profiles.value->profiles.empty()) {
    progress_key = "siaga.progress." + profiles.value->profiles.front().id;
    platform.stored[progress_key] = fix ? with_fixed_checksums(parts[3]) : parts[3];
  }

  siaga::AppState app;
  siaga::start_app(app, platform);
  if (!app.profile_id.empty()) require(siaga::find_profile(app.profiles, app.profile_id) != nullptr);

  siaga::apply_action(app, platform,
                      siaga::SectionReached{siaga::Route{siaga::Screen::Module, "micic", "why-micic", "initiative"}});
  siaga::poll_app(app, platform);
  if (!app.profile_id.empty() && !progress_key.empty() && progress_key == "siaga.progress." + app.profile_id) {
    const std::string& stored = platform.stored[progress_key];
    // Unchanged unreadable text is kept aside, never overwritten; anything the portal wrote reads back.
    if (stored != (fix ? with_fixed_checksums(parts[3]) : parts[3])) require(siaga::parse_progress(stored).ok());
  }
  // Settings and the session: text replaced by the portal was its own readable record, or kept aside.
  siaga::apply_action(app, platform, siaga::SetTheme{"dark"});
  siaga::apply_action(app, platform, siaga::SignOut{});
  const auto kept = [&](std::string_view key, const std::string& before, bool readable) {
    if (before.empty() || platform.stored[std::string(key)] == before || readable) return;
    bool copied = false;
    for (const auto& [name, value] : platform.stored)
      copied = copied || (name.rfind("siaga.recovery." + std::string(key) + ".", 0) == 0 && value == before);
    require(copied);
  };
  kept(siaga::storage_key::kSettings, parts[0], !siaga::parse_settings(parts[0]).damaged);
  kept(siaga::storage_key::kSession, parts[2], siaga::parse_session(parts[2]).ok());
  return 0;
}
