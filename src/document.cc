#include "dyad/document.h"

#include <charconv>
#include <cstdio>

namespace dyad {

namespace {

// s[at, at + len) as a number, all digits.
bool Digits(std::string_view s, size_t at, size_t len, int* out) {
  auto [p, ec] = std::from_chars(s.data() + at, s.data() + at + len, *out);
  return ec == std::errc() && p == s.data() + at + len;
}

}  // namespace

std::optional<Date> Date::Parse(std::string_view s) {
  // YYYY-MM-DD, then optionally a time after 'T' or ' '.
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
  Date d;
  if (!Digits(s, 0, 4, &d.year) || !Digits(s, 5, 2, &d.month) || !Digits(s, 8, 2, &d.day)) return std::nullopt;
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > kDays[d.month - 1]) return std::nullopt;
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.month == 2 && d.day == 29 && !leap) return std::nullopt;
  return d;
}

std::optional<Date> Date::ParseMonthOrYear(std::string_view s) {
  Date d;
  if (s.size() == 4 && Digits(s, 0, 4, &d.year)) return Date{d.year, 7, 1};
  if (s.size() == 7 && s[4] == '-' && Digits(s, 0, 4, &d.year) && Digits(s, 5, 2, &d.month) && d.month >= 1 && d.month <= 12)
    return Date{d.year, d.month, 15};
  return std::nullopt;
}

std::string Date::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

}  // namespace dyad
