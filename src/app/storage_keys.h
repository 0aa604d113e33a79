// storage_keys.h — every key Siaga keeps in the device's key-value storage (localStorage in the page,
// files natively), in one list. Only the device store (app/device_store.cpp) reads or writes them.
// Each value is a versioned record whose parser and serialiser live in core (named beside its key).
//
// To add a stored key: add it here with its format's core functions, and a load/save pair to
// DeviceStore that goes through DeviceStore::read / write / set_aside (never platform.save directly).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace siaga::storage_key {

// Device settings: language, text size, theme (core/settings.h: parse_settings, settings_to_json).
inline constexpr std::string_view kSettings = "siaga.settings";
// The learners on this device (core/progress.h: parse_profiles, profiles_to_json).
inline constexpr std::string_view kProfiles = "siaga.profiles";
// Who is signed in, and since when (core/session.h: parse_session, session_to_json).
inline constexpr std::string_view kSession = "siaga.session";
// The files the portal asked for at its last start, fetched by the page's loader with the program
// (core/settings.h: parse_prefetch, prefetch_to_json; read by web/bridge/assets.js).
inline constexpr std::string_view kPrefetch = "siaga.prefetch";
// The facilitator's session plans (core/plan.h: parse_plans, plans_to_json).
inline constexpr std::string_view kPlans = "siaga.plans";

// The facilitator's question bank, one per device (core/bank.h: parse_bank, bank_to_json).
inline constexpr std::string_view kBank = "siaga.bank";
// That bank offered to learners on this device as a practice quiz (core/bank.h: parse_bank_offer,
// bank_offer_to_json). An empty value means "not offered".
inline constexpr std::string_view kBankOffer = "siaga.bank-offer";
// One learner's progress (core/progress.h: parse_progress, progress_to_json). An empty value means
// "removed": the platform's store has no delete.
inline std::string progress(std::string_view profile_id) { return "siaga.progress." + std::string(profile_id); }
// A course's kept results: JSON lines, one result file (core/result_code.h: result_file_json) per line;
// each line carries its own version, and a line that cannot be read is kept and written back.
inline std::string facilitator_results(std::string_view course) {
  return "siaga.facilitator.results." + std::string(course);
}
// A course's answer grid of paper tests (core/paper.h: parse_paper_rows, paper_rows_json). A grid
// that cannot be read is left in place and never written over.
inline std::string facilitator_paper(std::string_view course) {
  return "siaga.facilitator.paper." + std::string(course);
}
// Where unreadable or newer text of `key` is set aside before anything new is written to `key`.
inline std::string recovery(std::string_view key, int64_t at_ms) {
  return "siaga.recovery." + std::string(key) + "." + std::to_string(at_ms);
}

// web/bridge/storage.js writes "siaga.probe" once to learn whether storage works at all.

}  // namespace siaga::storage_key
