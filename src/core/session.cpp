#include "core/session.h"

#include "core/stored_json.h"

namespace siaga {

DataResult<SessionRecord> parse_session(std::string_view text) {
  const stored::Json json = stored::parse(text);
  if (!json.is_object()) return data_failure<SessionRecord>(DataError::NotJson, "the saved sign-in is not readable");
  int schema = 0;  // no "schema": the form written before records carried one, read as a migration
  if (json.contains("schema")) {
    const stored::EnvelopeCheck envelope = stored::check_envelope(
        json, {.format = "siaga-session",
               .current = kSessionSchema,
               .not_ours = "the saved sign-in is not Siaga's",
               .newer = "the saved sign-in was written by a newer version of Siaga",
               .bad_version = "the saved sign-in has no valid schema"});
    if (!envelope.ok()) return data_failure<SessionRecord>(envelope.error, envelope.reason);
    schema = static_cast<int>(envelope.version);
  }
  SessionRecord session;
  stored::FieldReader reader;
  if (json.contains("profile")) {
    reader.text(json, "profile", "the saved sign-in", session.profile_id, true, 64);
    reader.time(json, "at", "the saved sign-in", session.at);
    if (session.profile_id.empty()) session.at = 0;
  }
  if (reader.failed()) return data_failure<SessionRecord>(DataError::Invalid, reader.problem());
  DataResult<SessionRecord> out;
  out.value = std::move(session);
  out.migrated_from = schema < kSessionSchema ? schema : 0;
  return out;
}

std::string session_to_json(const SessionRecord& session) {
  stored::Json json = {{"format", "siaga-session"}, {"schema", kSessionSchema}};
  if (!session.profile_id.empty()) {
    json["profile"] = session.profile_id;
    json["at"] = session.at;
  }
  return stored::canonical_text(json);
}

}  // namespace siaga
