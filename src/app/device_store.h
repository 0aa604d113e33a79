// device_store.h — the one door to stored data on this device. Every stored record is read and written
// here, over the platform's key-value interface (Platform::load / save), under the keys of
// app/storage_keys.h, with core's pure parse / serialise / merge functions.
//
// The rules, in one place (ARCHITECTURE.md, "Persistence contract"):
// - a record that cannot be read (damaged, foreign, or written by a newer Siaga) is copied to
//   "siaga.recovery.<key>.<ms>" before anything new is written to its key, and the learner is told;
//   when even that copy fails the key is blocked: never written again in this session;
// - a write that fails (full, refused) leaves the previous good copy in place (localStorage replaces a
//   value in one step), sets AppState::storage.write_failed (cleared by the next write that succeeds)
//   and the session goes on in memory;
// - with storage refused altogether nothing is read or written, and the learner is told once;
// - a learner's records (profiles, session, progress) are never written for a guest.
//
// DeviceStore is two references, made where it is needed: DeviceStore store(app, platform).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/app_state.h"
#include "core/session.h"
#include "platform/platform.h"

namespace siaga {

class DeviceStore {
 public:
  DeviceStore(AppState& app, Platform& platform) : app_(app), platform_(platform) {}

  // ---- The rule (every record below goes through these) ----
  std::optional<std::string> read(std::string_view key);  // nullopt: absent, empty, or no storage
  bool write(std::string_view key, std::string_view value);
  // Copies unreadable text aside (see above). `quiet`: the screen has its own notice for this record.
  void set_aside(std::string_view key, std::string_view text, DataError error, std::string_view reason,
                 bool quiet = false);
  bool blocked(std::string_view key) const;
  void notify(std::string key, std::string detail = "", bool error = false);

  // ---- Device settings ----
  void load_settings();                 // into app.settings (defaults and app.settings_damaged if unreadable)
  void save_settings();
  // What the page's loader should fetch with the program next time (written only when it changed).
  void remember_prefetch(const std::vector<std::string>& assets);

  // ---- Learners, sign-in and progress ----
  void load_profiles();                 // into app.profiles
  bool save_profiles();
  // Another tab changed storage: its learners, taken in only if readable (no set-aside from here).
  void reload_profiles();
  std::optional<SessionRecord> load_session();
  void save_session();                  // who is signed in now (app.profile_id), at now
  std::optional<LearnerProgress> load_progress(const std::string& profile_id);
  // The signed-in learner's progress, first merged with whatever another tab saved meanwhile.
  void save_progress();
  void remove_progress(const std::string& profile_id);

  // ---- Facilitator: session plans, kept results, answer grids ----
  void load_plans();                    // into app.plans.store
  bool save_plans();
  void load_results();                  // of app.facilitator.course
  void save_results();
  void load_paper_rows();
  void save_paper_rows();
  // ---- Facilitator: the question bank ----
  void load_bank();                     // into app.bank (an unreadable record is set aside)
  bool save_bank();                     // app.bank.stored, or "removed" when it is empty
  // Its offer to learners as a practice quiz: read after the bank (an offer for another bank is
  // ignored; an unreadable or newer record is set aside), written as app.bank.offer or "" (withdrawn).
  void load_bank_offer();
  bool save_bank_offer();

 private:
  bool learner_writes_allowed() const { return app_.storage.available && !app_.guest; }
  AppState& app_;
  Platform& platform_;
};

}  // namespace siaga
