// device_store.cpp — every stored record's read and write (see device_store.h for the rules).
//
// [SECTION] The rule: read, write, set aside, notices
// [SECTION] Device settings
// [SECTION] Learners, sign-in and progress
// [SECTION] Facilitator: plans, results, answer grids
#include "app/device_store.h"

#include <algorithm>

#include "app/storage_keys.h"
#include "core/bank.h"
#include "core/paper.h"
#include "core/result_file.h"
#include "core/plan.h"
#include "core/result_code.h"
#include "core/settings.h"

namespace siaga {

// [SECTION] The rule: read, write, set aside, notices ---------------------------------------------------

std::optional<std::string> DeviceStore::read(std::string_view key) {
  if (!app_.storage.available) return std::nullopt;
  auto stored = platform_.load(key);
  if (!stored || stored->empty()) return std::nullopt;
  return stored;
}

bool DeviceStore::write(std::string_view key, std::string_view value) {
  if (!app_.storage.available || blocked(key)) return false;
  const StoreResult result = platform_.save(key, value);
  app_.storage.write_failed = result != StoreResult::Saved;
  return result == StoreResult::Saved;
}

bool DeviceStore::blocked(std::string_view key) const {
  return std::find(app_.storage.blocked.begin(), app_.storage.blocked.end(), key) != app_.storage.blocked.end();
}

void DeviceStore::set_aside(std::string_view key, std::string_view text, DataError error, std::string_view reason,
                            bool quiet) {
  const bool kept = app_.storage.available &&
                    platform_.save(storage_key::recovery(key, platform_.now_ms()), text) == StoreResult::Saved;
  if (!kept && !blocked(key)) app_.storage.blocked.emplace_back(key);
  if (kept && quiet) return;
  const char* what = error == DataError::NewerVersion ? "data.newer_version" : "data.set_aside";
  notify(kept ? what : "data.unreadable_kept", std::string(reason), true);
}

void DeviceStore::notify(std::string key, std::string detail, bool error) {
  for (const auto& n : app_.data_notices)
    if (n.key == key && n.detail == detail) return;  // said once is enough
  app_.data_notices.push_back({std::move(key), std::move(detail), error});
}

// [SECTION] Device settings ---------------------------------------------------------------------------

void DeviceStore::load_settings() {
  if (auto stored = read(storage_key::kSettings)) {
    const SettingsLoad loaded = parse_settings(*stored);
    app_.settings = loaded.settings;
    app_.settings_damaged = loaded.damaged;
  }
}

void DeviceStore::save_settings() {
  // Damaged or newer settings are set aside before they are replaced (the screen already says that
  // the defaults are in use, so a kept copy needs no second notice).
  if (auto stored = read(storage_key::kSettings); stored && parse_settings(*stored).damaged)
    set_aside(storage_key::kSettings, *stored, DataError::Invalid, "settings", /*quiet=*/true);
  write(storage_key::kSettings, settings_to_json(app_.settings));
}

void DeviceStore::remember_prefetch(const std::vector<std::string>& assets) {
  const auto stored = read(storage_key::kPrefetch);
  const auto parsed = stored ? parse_prefetch(*stored) : std::nullopt;
  if (parsed && *parsed == assets) return;
  // A damaged or newer record is kept aside like any other (quietly: it is only a hint).
  if (stored && !parsed) set_aside(storage_key::kPrefetch, *stored, DataError::Invalid, "prefetch", /*quiet=*/true);
  write(storage_key::kPrefetch, prefetch_to_json(assets));
}

// [SECTION] Learners, sign-in and progress ------------------------------------------------------------

void DeviceStore::load_profiles() {
  if (auto stored = read(storage_key::kProfiles)) {
    auto parsed = parse_profiles(*stored);
    if (parsed.ok()) app_.profiles = std::move(*parsed.value);
    else set_aside(storage_key::kProfiles, *stored, parsed.error, parsed.reason);
  }
}

void DeviceStore::reload_profiles() {
  if (auto stored = read(storage_key::kProfiles))
    if (auto parsed = parse_profiles(*stored); parsed.ok()) app_.profiles = std::move(*parsed.value);
}

bool DeviceStore::save_profiles() {
  return learner_writes_allowed() && write(storage_key::kProfiles, profiles_to_json(app_.profiles));
}

std::optional<SessionRecord> DeviceStore::load_session() {
  const auto stored = read(storage_key::kSession);
  if (!stored) return std::nullopt;
  auto parsed = parse_session(*stored);
  if (parsed.ok()) return std::move(*parsed.value);
  set_aside(storage_key::kSession, *stored, parsed.error, parsed.reason);
  return std::nullopt;
}

void DeviceStore::save_session() {
  if (!learner_writes_allowed()) return;
  load_session();  // an unreadable or newer record is set aside (or its key blocked) first
  write(storage_key::kSession, session_to_json(SessionRecord{app_.profile_id, app_.profile_id.empty() ? 0 : platform_.now_ms()}));
}

std::optional<LearnerProgress> DeviceStore::load_progress(const std::string& profile_id) {
  const std::string key = storage_key::progress(profile_id);
  const auto stored = read(key);
  if (!stored) return std::nullopt;  // empty: removed by "remove my data"
  auto parsed = parse_progress(*stored);
  if (parsed.ok()) {
    if (parsed.migrated_from) notify("data.migrated");
    return std::move(*parsed.value);
  }
  set_aside(key, *stored, parsed.error, parsed.reason);
  return std::nullopt;
}

void DeviceStore::save_progress() {
  if (app_.profile_id.empty() || app_.guest) return;
  if (auto stored = load_progress(app_.profile_id)) app_.progress = merge_progress(app_.progress, *stored);
  app_.progress.profile_id = app_.profile_id;
  if (learner_writes_allowed()) write(storage_key::progress(app_.profile_id), progress_to_json(app_.progress));
}

void DeviceStore::remove_progress(const std::string& profile_id) {
  if (learner_writes_allowed()) write(storage_key::progress(profile_id), "");
}

// [SECTION] Facilitator: plans, results, answer grids -------------------------------------------------

void DeviceStore::load_plans() {
  app_.plans = {};
  const auto stored = read(storage_key::kPlans);
  if (!stored) return;
  auto parsed = parse_plans(*stored);
  if (parsed.ok()) app_.plans.store = std::move(*parsed.value);
  else set_aside(storage_key::kPlans, *stored, parsed.error, parsed.reason);
}

bool DeviceStore::save_plans() { return write(storage_key::kPlans, plans_to_json(app_.plans.store)); }

namespace {

using Note = AppState::FacilitatorState::ImportNote;

void facilitator_note(AppState& app, std::string key, std::string file = "") {
  for (const Note& n : app.facilitator.notes)
    if (n.key == key && n.file == file && n.detail.empty()) return;
  app.facilitator.notes.push_back(Note{std::move(key), std::move(file), ""});
}

}  // namespace

void DeviceStore::load_results() {
  auto& f = app_.facilitator;
  f.records.clear();
  f.unreadable.clear();
  const auto stored = read(storage_key::facilitator_results(f.course));
  if (!stored) return;
  size_t start = 0;
  while (start < stored->size()) {
    size_t end = stored->find('\n', start);
    if (end == std::string::npos) end = stored->size();
    const std::string line = stored->substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    ResultFileOutcome parsed = parse_result_file(line);
    if (parsed.ok() && parsed.record.course_id == f.course) f.records.push_back(std::move(parsed.record));
    else f.unreadable.push_back(line);  // kept, and written back with the readable ones
  }
  if (!f.unreadable.empty()) facilitator_note(app_, "facilitator.stored_unreadable", std::to_string(f.unreadable.size()));
}

void DeviceStore::save_results() {
  const auto& f = app_.facilitator;
  std::string value;
  for (const ResultRecord& record : f.records) {
    // One line per record: JSON strings cannot hold a raw line break, so dropping them is safe.
    std::string json = result_file_json(record);
    std::erase_if(json, [](char c) { return c == '\n' || c == '\r'; });
    value += json + "\n";
  }
  for (const std::string& line : f.unreadable) value += line + "\n";
  if (!write(storage_key::facilitator_results(f.course), value)) facilitator_note(app_, "facilitator.not_saved");
}

void DeviceStore::load_paper_rows() {
  auto& f = app_.facilitator;
  f.paper_rows.clear();
  f.paper_unreadable = false;
  const auto stored = read(storage_key::facilitator_paper(f.course));
  if (!stored) return;
  if (auto rows = parse_paper_rows(*stored)) {
    f.paper_rows = std::move(*rows);
  } else {
    f.paper_unreadable = true;  // left in place and never written over
    facilitator_note(app_, "paper.stored_unreadable");
  }
}

void DeviceStore::load_bank() {
  app_.bank.stored.reset();
  app_.bank.imported.reset();  // read from stored with the lesson code (read_stored_bank, app/code_module.h)
  const auto stored = read(storage_key::kBank);
  if (!stored) return;
  auto parsed = parse_bank(*stored);
  if (!parsed.ok()) return set_aside(storage_key::kBank, *stored, parsed.error, parsed.reason);
  app_.bank.stored = std::move(parsed.value);
}

// An empty value is "removed" (the platform's store has no delete).
bool DeviceStore::save_bank() {
  return write(storage_key::kBank, app_.bank.stored ? bank_to_json(*app_.bank.stored) : std::string());
}

void DeviceStore::load_bank_offer() {
  app_.bank.offer.reset();
  const auto stored = read(storage_key::kBankOffer);
  if (!stored) return;
  auto parsed = parse_bank_offer(*stored);
  if (!parsed.ok()) return set_aside(storage_key::kBankOffer, *stored, parsed.error, parsed.reason);
  if (app_.bank.stored && parsed.value->is_for(*app_.bank.stored)) app_.bank.offer = std::move(parsed.value);
}

bool DeviceStore::save_bank_offer() {
  // An unreadable or newer record is set aside first (or its key blocked), as load_bank_offer does.
  if (auto stored = read(storage_key::kBankOffer))
    if (const auto parsed = parse_bank_offer(*stored); !parsed.ok())
      set_aside(storage_key::kBankOffer, *stored, parsed.error, parsed.reason, /*quiet=*/true);
  return write(storage_key::kBankOffer, app_.bank.offer ? bank_offer_to_json(*app_.bank.offer) : std::string());
}

void DeviceStore::save_paper_rows() {
  const auto& f = app_.facilitator;
  if (f.paper_unreadable) return;
  if (!write(storage_key::facilitator_paper(f.course), paper_rows_json(f.paper_rows)))
    facilitator_note(app_, "facilitator.not_saved");
}

}  // namespace siaga
