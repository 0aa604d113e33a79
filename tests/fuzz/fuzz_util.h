// fuzz_util.h — helpers shared by the data fuzz targets (fuzz_data.cpp, fuzz_device.cpp).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/sha256.h"

namespace siaga::fuzz {

// A broken promise is a finding: stop here, so libFuzzer saves the input.
inline void require(bool promise) {
  if (!promise) __builtin_trap();
}

// Every "checksum" in the value (the object's own, and those of objects inside it) recomputed the way
// src/core/progress.cpp computes them: SHA-256 hex of the canonical text of the object without the
// field. Stored and exported JSON is checksummed, so without this almost every mutation would stop at
// "damaged" and the field readers behind the check would never be fuzzed.
inline void fix_checksums(nlohmann::json& value) {
  if (value.is_array())
    for (nlohmann::json& item : value) fix_checksums(item);
  if (!value.is_object()) return;
  for (auto& [key, item] : value.items()) fix_checksums(item);
  if (value.contains("checksum")) {
    value.erase("checksum");
    value["checksum"] = sha256_hex(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

// The text with its checksums made right; the text itself when it is not a JSON object.
inline std::string with_fixed_checksums(std::string_view text) {
  nlohmann::json value = nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded() || !value.is_object()) return std::string(text);
  fix_checksums(value);
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace siaga::fuzz
