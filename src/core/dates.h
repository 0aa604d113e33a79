// dates.h — calendar dates as day numbers (days since 2020-01-01, UTC), for result codes,
// certificates and paper tests: valid dates, ISO text in and out.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>


namespace siaga {

// [SECTION] Dates -----------------------------------------------------------------------------------

// A calendar date, passed in by the caller (the core never reads a clock).
struct CivilDate {
  int year = 2020;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  bool operator==(const CivilDate&) const = default;
};

inline constexpr int kMaxDayNumber = 65535;  // 16 bits of days since 2020-01-01: 2199-06-06

bool is_valid_date(CivilDate date);
// Days since 2020-01-01 (negative before it). Proleptic Gregorian calendar.
int day_number(CivilDate date);
CivilDate date_from_day_number(int day_number);
// "2025-03-14".
std::string format_day_number(int day_number);
// "YYYY-MM-DD", a real date within [0, kMaxDayNumber]; false otherwise.
bool parse_iso_date(std::string_view text, int& day_number_out);

}  // namespace siaga
