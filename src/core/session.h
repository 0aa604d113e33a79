// session.h — who is signed in on this device, and since when: the record that lets a reload (or a
// tab reopened within the idle time) keep the learner signed in. Versioned like every stored record:
// {"format":"siaga-session","schema":1,"profile":"p1a2b","at":1764000000000}; no "profile" = nobody.
// Schema 0 (before versions: {"profile":...,"at":...} or "{}") is still read, as a migration.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/progress.h"

namespace siaga {

inline constexpr int kSessionSchema = 1;

struct SessionRecord {
  std::string profile_id;  // "" = nobody signed in
  int64_t at = 0;          // unix ms of the last sign-in or activity

  bool operator==(const SessionRecord&) const = default;
};

DataResult<SessionRecord> parse_session(std::string_view text);
std::string session_to_json(const SessionRecord& session);  // always the current schema

}  // namespace siaga
