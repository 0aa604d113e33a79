#include "core/session.h"

#include <nlohmann/json.hpp>

namespace siaga {

namespace {

DataResult<SessionRecord> session_failure(DataError error, std::string reason) {
  DataResult<SessionRecord> out;
  out.error = error;
  out.reason = std::move(reason);
  return out;
}

}  // namespace

DataResult<SessionRecord> parse_session(std::string_view text) {
  const auto json = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return session_failure(DataError::NotJson, "the saved sign-in is not readable");
  int schema = 0;  // unversioned: the form written before records carried a schema
  if (const auto marker = json.find("schema"); marker != json.end()) {
    const auto format = json.find("format");
    if (!marker->is_number_integer() || format == json.end() || *format != "siaga-session")
      return session_failure(DataError::Foreign, "the saved sign-in is not Siaga's");
    if (marker->get<int64_t>() > kSessionSchema)
      return session_failure(DataError::NewerVersion, "the saved sign-in was written by a newer version of Siaga");
    if (marker->get<int64_t>() < 1) return session_failure(DataError::Invalid, "the saved sign-in has no valid schema");
    schema = marker->get<int>();
  }
  SessionRecord session;
  if (const auto profile = json.find("profile"); profile != json.end()) {
    if (!profile->is_string() || profile->get_ref<const std::string&>().size() > 64)
      return session_failure(DataError::Invalid, "the saved sign-in names no valid learner");
    session.profile_id = profile->get<std::string>();
    const auto at = json.find("at");
    if (at == json.end() || !at->is_number_integer())
      return session_failure(DataError::Invalid, "the saved sign-in has no valid time");
    session.at = session.profile_id.empty() ? 0 : at->get<int64_t>();
  }
  DataResult<SessionRecord> out;
  out.value = std::move(session);
  out.migrated_from = schema < kSessionSchema ? schema : 0;
  return out;
}

std::string session_to_json(const SessionRecord& session) {
  nlohmann::json json = {{"format", "siaga-session"}, {"schema", kSessionSchema}};
  if (!session.profile_id.empty()) {
    json["profile"] = session.profile_id;
    json["at"] = session.at;
  }
  return json.dump();
}

}  // namespace siaga
