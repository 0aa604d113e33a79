// dates.cpp — day numbers and the proleptic Gregorian calendar (see dates.h).
#include "core/dates.h"

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "core/text_util.h"

namespace siaga {

// [SECTION] Dates -----------------------------------------------------------------------------------

namespace {

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
int days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

constexpr int kEpochDays = 18262;  // days_from_civil(2020, 1, 1): 1970-01-01 to 2020-01-01

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[static_cast<size_t>(m - 1)];
}

}  // namespace

bool is_valid_date(CivilDate date) {
  return date.year >= 1 && date.year <= 9999 && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         date.day <= days_in_month(date.year, date.month);
}

int day_number(CivilDate date) { return days_from_civil(date.year, date.month, date.day) - kEpochDays; }

CivilDate date_from_day_number(int day_number_value) {
  const int z = day_number_value + kEpochDays + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

std::string format_day_number(int day_number_value) {
  const CivilDate date = date_from_day_number(day_number_value);
  std::string out(10, '0');
  const auto put = [&out](size_t at, int value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10) out[at + static_cast<size_t>(i)] = static_cast<char>('0' + value % 10);
  };
  put(0, date.year, 4);
  out[4] = '-';
  put(5, date.month, 2);
  out[7] = '-';
  put(8, date.day, 2);
  return out;
}

bool parse_iso_date(std::string_view text, int& day_number_out) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  CivilDate date;
  if (!text::parse_int(text.substr(0, 4), 1, 9999, date.year) || !text::parse_int(text.substr(5, 2), 1, 12, date.month) ||
      !text::parse_int(text.substr(8, 2), 1, 31, date.day) || !is_valid_date(date))
    return false;
  const int value = day_number(date);
  if (value < 0 || value > kMaxDayNumber) return false;
  day_number_out = value;
  return true;
}

}  // namespace siaga
