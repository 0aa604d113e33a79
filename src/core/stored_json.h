// stored_json.h — what every JSON record Siaga stores or exports shares, written once: parsing without
// exceptions, the canonical text and its checksum, the envelope check (format marker, schema or
// version number from 1 to the current one) and a field reader that keeps the first problem in words.
//
// Used by the formats in core (progress and profiles, session, settings, plans, paper grid); each
// format keeps its own fields and sentences. nlohmann/json is built with JSON_NOEXCEPTION (a failed
// call aborts instead of throwing), so every read here checks the type first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/data_result.h"

namespace siaga::stored {

using Json = nlohmann::json;

// Discarded (value.is_discarded()) when the text is not JSON or is cut off.
Json parse(std::string_view text);

// One text per value: objects keep their keys sorted and numbers print the same way each time, so the
// text a checksum covers can be rebuilt exactly from the parsed value. Invalid UTF-8 (a broken paste
// into a text answer) is replaced rather than aborting the program.
std::string canonical_text(const Json& value);

void add_checksum(Json& object);             // object["checksum"] = SHA-256 of the rest, in hex
bool checksum_matches(const Json& object);   // false when absent, not text, or different

// A whole-number marker (schema, version); nullopt when absent or not a whole number.
std::optional<int64_t> version_marker(const Json& object, const char* key);

// What makes a record ours, and the sentences that say why one is not.
struct Envelope {
  std::string_view format = {};      // the "format" marker's value; empty when the record has none
  const char* version_key = "schema";
  int64_t current = 1;               // the newest version this build writes
  const char* required = nullptr;    // a field without which the record is not ours (nullptr: none)
  std::string_view not_ours = {};    // Foreign: no or another format marker, no version number
  std::string_view newer = {};       // NewerVersion
  std::string_view bad_version = {}; // Invalid: a version number below 1
};

struct EnvelopeCheck {
  DataError error = DataError::None;  // None, Foreign, NewerVersion or Invalid
  std::string reason;
  int64_t version = 0;                // the record's version when error == None
  bool ok() const { return error == DataError::None; }
};

EnvelopeCheck check_envelope(const Json& value, const Envelope& envelope);

// Reads typed fields, remembering the first problem with where it was ("learner 2: 'name' should be
// text"). Later reads after a problem do nothing, so a parser can read every field and check once.
class FieldReader {
 public:
  bool failed() const { return !problem_.empty(); }
  const std::string& problem() const { return problem_; }
  void fail(std::string_view where, std::string_view what);

  // nullptr (and a problem, if required) when the object lacks the key or is not an object.
  const Json* field(const Json& object, const char* key, std::string_view where, bool required);

  void text(const Json& object, const char* key, std::string_view where, std::string& out, bool required = true,
            size_t max_bytes = std::numeric_limits<size_t>::max());
  void id(const Json& object, const char* key, std::string_view where, std::string& out);  // text, not empty
  void flag(const Json& object, const char* key, std::string_view where, bool& out, bool required = true);
  void whole_number(const Json& object, const char* key, std::string_view where, int64_t& out, int64_t min,
                    int64_t max, bool required = true);
  void whole_number(const Json& object, const char* key, std::string_view where, int& out, int min, int max,
                    bool required = true);
  void time(const Json& object, const char* key, std::string_view where, int64_t& out, bool required = true);
  void fraction(const Json& object, const char* key, std::string_view where, double& out);
  // A list of whole numbers from `min` to 999 (option numbers); absent is an empty list.
  void indexes(const Json& object, const char* key, std::string_view where, std::vector<int>& out, int min);
  // A list of texts, each at most max_bytes; at most max_items of them.
  void texts(const Json& object, const char* key, std::string_view where, std::vector<std::string>& out,
             size_t max_items, size_t max_bytes = std::numeric_limits<size_t>::max());
  // The list under `key`, at most max_items long; nullptr and a problem when absent or not a list.
  const Json* list(const Json& object, const char* key, std::string_view where, size_t max_items);

 private:
  std::string problem_;
};

}  // namespace siaga::stored
