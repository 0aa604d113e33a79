// csv.h — an RFC 4180 CSV writer and the class report as CSV, for spreadsheets.
//
// Every document starts with a UTF-8 byte order mark: without it Excel opens UTF-8 as the local code
// page and mangles names like "Ni Luh Putu Ékawati". Rows end with CRLF. A field is quoted when it
// holds a comma, a double quote, CR or LF, and quotes inside are doubled. Rows are padded with empty
// fields to the widest row, as RFC 4180 expects every record to have the same number of fields.
// Numbers use '.' as the decimal mark with one decimal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/report.h"

namespace siaga {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

using CsvRow = std::vector<std::string>;

// One field, quoted when needed.
std::string csv_field(std::string_view value);
// BOM + every row (padded to the widest) + CRLF after each.
std::string csv_document(const std::vector<CsvRow>& rows);
// One decimal, rounded half away from zero: 66.666 -> "66.7", -20 -> "-20.0".
std::string format_one_decimal(double value);

// The report as one sheet: a title row, participants, summary, questions (hardest first), the score
// distribution and any notes, each block under its own header row and separated by an empty row.
// Labels are limited to A-Z, 0-9 and space (result_code.h), so no participant-typed text can start
// a spreadsheet formula.
std::string report_to_csv(const ClassReport& report);

}  // namespace siaga
