// stored_json.cpp — the helpers every stored JSON record shares (see stored_json.h).
#include "core/stored_json.h"

#include <algorithm>

#include "core/sha256.h"

namespace siaga::stored {

Json parse(std::string_view text) { return Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false); }

std::string canonical_text(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

void add_checksum(Json& object) { object["checksum"] = sha256_hex(canonical_text(object)); }

bool checksum_matches(const Json& object) {
  const auto stored = object.find("checksum");
  if (stored == object.end() || !stored->is_string()) return false;
  Json rest = object;
  rest.erase("checksum");
  return stored->get_ref<const std::string&>() == sha256_hex(canonical_text(rest));
}

std::optional<int64_t> version_marker(const Json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  const auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return std::nullopt;
  if (it->is_number_unsigned() && it->get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
    return std::numeric_limits<int64_t>::max();
  return it->get<int64_t>();
}

EnvelopeCheck check_envelope(const Json& value, const Envelope& envelope) {
  EnvelopeCheck check;
  const auto fail = [&check](DataError error, std::string_view reason) {
    check.error = error;
    check.reason = std::string(reason);
    return check;
  };
  if (!value.is_object()) return fail(DataError::Foreign, envelope.not_ours);
  if (!envelope.format.empty()) {
    const auto format = value.find("format");
    if (format == value.end() || !format->is_string() || format->get_ref<const std::string&>() != envelope.format)
      return fail(DataError::Foreign, envelope.not_ours);
  }
  // With a format marker the record is ours, so a missing version is a fault in it; without one, the
  // version marker is what tells ours from anything else.
  const std::optional<int64_t> version = version_marker(value, envelope.version_key);
  if (!version)
    return envelope.format.empty() ? fail(DataError::Foreign, envelope.not_ours)
                                   : fail(DataError::Invalid, envelope.bad_version);
  if (envelope.required != nullptr && !value.contains(envelope.required))
    return fail(DataError::Foreign, envelope.not_ours);
  if (*version > envelope.current) return fail(DataError::NewerVersion, envelope.newer);
  if (*version < 1) return fail(DataError::Invalid, envelope.bad_version);
  check.version = *version;
  return check;
}

// [SECTION] FieldReader -----------------------------------------------------------------------------------

void FieldReader::fail(std::string_view where, std::string_view what) {
  if (problem_.empty()) problem_ = std::string(where) + (where.empty() ? "" : ": ") + std::string(what);
}

const Json* FieldReader::field(const Json& object, const char* key, std::string_view where, bool required) {
  if (failed()) return nullptr;
  if (!object.is_object()) {
    fail(where, "should be a group of fields");
    return nullptr;
  }
  const auto it = object.find(key);
  if (it == object.end()) {
    if (required) fail(where, std::string("'") + key + "' is missing");
    return nullptr;
  }
  return &*it;
}

void FieldReader::text(const Json& object, const char* key, std::string_view where, std::string& out, bool required,
                       size_t max_bytes) {
  const Json* value = field(object, key, where, required);
  if (value == nullptr) return;
  if (!value->is_string()) return fail(where, std::string("'") + key + "' should be text");
  const std::string& s = value->get_ref<const std::string&>();
  if (s.size() > max_bytes) return fail(where, std::string("'") + key + "' is too long");
  out = s;
}

void FieldReader::id(const Json& object, const char* key, std::string_view where, std::string& out) {
  text(object, key, where, out);
  if (!failed() && out.empty()) fail(where, std::string("'") + key + "' is empty");
}

void FieldReader::flag(const Json& object, const char* key, std::string_view where, bool& out, bool required) {
  const Json* value = field(object, key, where, required);
  if (value == nullptr) return;
  if (!value->is_boolean()) return fail(where, std::string("'") + key + "' should be true or false");
  out = value->get<bool>();
}

void FieldReader::whole_number(const Json& object, const char* key, std::string_view where, int64_t& out, int64_t min,
                               int64_t max, bool required) {
  const Json* value = field(object, key, where, required);
  if (value == nullptr) return;
  const bool fits = value->is_number_integer() &&
                    (!value->is_number_unsigned() ||
                     value->get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max()));
  if (!fits || value->get<int64_t>() < min || value->get<int64_t>() > max)
    return fail(where, std::string("'") + key + "' should be a whole number from " + std::to_string(min) + " to " +
                           std::to_string(max));
  out = value->get<int64_t>();
}

void FieldReader::whole_number(const Json& object, const char* key, std::string_view where, int& out, int min, int max,
                               bool required) {
  int64_t wide = out;
  whole_number(object, key, where, wide, min, max, required);
  out = static_cast<int>(wide);
}

void FieldReader::time(const Json& object, const char* key, std::string_view where, int64_t& out, bool required) {
  whole_number(object, key, where, out, 0, std::numeric_limits<int64_t>::max(), required);
}

void FieldReader::fraction(const Json& object, const char* key, std::string_view where, double& out) {
  const Json* value = field(object, key, where, true);
  if (value == nullptr) return;
  if (!value->is_number() || value->get<double>() < 0 || value->get<double>() > 1)
    return fail(where, std::string("'") + key + "' should be a number from 0 to 1");
  out = value->get<double>();
}

void FieldReader::indexes(const Json& object, const char* key, std::string_view where, std::vector<int>& out, int min) {
  const Json* value = field(object, key, where, false);
  if (value == nullptr) return;
  const bool ok = value->is_array() && std::all_of(value->begin(), value->end(), [min](const Json& item) {
                    return item.is_number_integer() && item.get<int64_t>() >= min && item.get<int64_t>() < 1000;
                  });
  if (!ok) return fail(where, std::string("'") + key + "' should be a list of option numbers");
  for (const Json& item : *value) out.push_back(item.get<int>());
}

const Json* FieldReader::list(const Json& object, const char* key, std::string_view where, size_t max_items) {
  const Json* value = field(object, key, where, true);
  if (value == nullptr) return nullptr;
  if (!value->is_array()) {
    fail(where, std::string("'") + key + "' should be a list");
    return nullptr;
  }
  if (value->size() > max_items) {
    fail(where, std::string("'") + key + "' has more than " + std::to_string(max_items) + " items");
    return nullptr;
  }
  return value;
}

void FieldReader::texts(const Json& object, const char* key, std::string_view where, std::vector<std::string>& out,
                        size_t max_items, size_t max_bytes) {
  const Json* values = list(object, key, where, max_items);
  if (values == nullptr) return;
  for (const Json& item : *values) {
    if (!item.is_string() || item.get_ref<const std::string&>().size() > max_bytes)
      return fail(where, std::string("'") + key + "' should be a list of short texts");
    out.push_back(item.get<std::string>());
  }
}

}  // namespace siaga::stored
