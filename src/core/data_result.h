// data_result.h — what reading a stored or imported record returns: the value, or why it could not
// be used (a code the UI translates, and a plain-words English reason for the recovery note and logs).
#pragma once

#include <optional>
#include <string>

namespace siaga {

enum class DataError {
  None,
  TooLarge,      // an imported file over its limit
  NotJson,       // not JSON, or cut off part-way
  Foreign,       // JSON, but not Siaga's (no or another format / schema marker)
  NewerVersion,  // written by a newer Siaga than this one
  Damaged,       // the checksum does not match: changed or corrupted after it was written
  Invalid,       // ours and intact, but a field is missing, of the wrong type or impossible
};

template <typename T>
struct DataResult {
  std::optional<T> value;  // set exactly when error == DataError::None
  DataError error = DataError::None;
  std::string reason;      // plain English words, for the recovery note and logs
  int migrated_from = 0;   // the older schema the data was migrated from; 0 when it was current

  bool ok() const { return value.has_value(); }
};

template <typename T>
DataResult<T> data_failure(DataError error, std::string reason) {
  DataResult<T> result;
  result.error = error;
  result.reason = std::move(reason);
  return result;
}

}  // namespace siaga
