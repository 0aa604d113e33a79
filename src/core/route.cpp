#include "core/route.h"

#include <vector>

namespace siaga {

namespace {
bool is_id(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

std::vector<std::string_view> split_path(std::string_view hash) {
  if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (start <= hash.size()) {
    size_t end = hash.find('/', start);
    if (end == std::string_view::npos) end = hash.size();
    if (end > start) parts.push_back(hash.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}
}  // namespace

Route parse_route(std::string_view hash) {
  const auto parts = split_path(hash);
  Route route;
  if (parts.size() == 1 && parts[0] == "settings") route.screen = Screen::Settings;
  if (parts.size() == 1 && parts[0] == "about") route.screen = Screen::About;
  if (parts.size() == 1 && parts[0] == "learners") route.screen = Screen::Learners;
  if (parts.size() == 1 && parts[0] == "progress") route.screen = Screen::Progress;
  if (parts.size() >= 1 && parts[0] == "facilitator") {
    route.screen = Screen::Facilitator;
    if (parts.size() >= 2 && is_id(parts[1])) route.section = parts[1];  // the facilitator tool shown
  }
  if (parts.size() >= 1 && parts[0] == "plans") {
    route.screen = Screen::Plans;
    if (parts.size() >= 2 && is_id(parts[1])) route.section = parts[1];
  }
  if (parts.size() >= 3 && (parts[0] == "present" || parts[0] == "group-quiz") && is_id(parts[1]) && is_id(parts[2])) {
    const bool quiz = parts[0] == "group-quiz";
    if (!quiz || (parts.size() >= 4 && is_id(parts[3]))) {
      route.screen = quiz ? Screen::GroupQuiz : Screen::Present;
      route.course = parts[1];
      route.module = parts[2];
      if (parts.size() >= 4 && is_id(parts[3])) route.section = parts[3];
    }
  }
  if (parts.size() >= 2 && parts[0] == "course" && is_id(parts[1])) {
    route.screen = Screen::Course;
    route.course = parts[1];
    if (parts.size() >= 4 && parts[2] == "module" && is_id(parts[3])) {
      route.screen = Screen::Module;
      route.module = parts[3];
      if (parts.size() >= 6 && parts[4] == "section" && is_id(parts[5])) route.section = parts[5];
    }
  }
  return route;
}

std::string route_to_hash(const Route& route) {
  switch (route.screen) {
    case Screen::Catalog: return "#/";
    case Screen::Settings: return "#/settings";
    case Screen::About: return "#/about";
    case Screen::Learners: return "#/learners";
    case Screen::Progress: return "#/progress";
    case Screen::Facilitator: return route.section.empty() ? "#/facilitator" : "#/facilitator/" + route.section;
    case Screen::Plans: return route.section.empty() ? "#/plans" : "#/plans/" + route.section;
    case Screen::Present: {
      std::string hash = "#/present/" + route.course + "/" + route.module;
      if (!route.section.empty()) hash += "/" + route.section;
      return hash;
    }
    case Screen::GroupQuiz: return "#/group-quiz/" + route.course + "/" + route.module + "/" + route.section;
    case Screen::Course: return "#/course/" + route.course;
    case Screen::Module: {
      std::string hash = "#/course/" + route.course + "/module/" + route.module;
      if (!route.section.empty()) hash += "/section/" + route.section;
      return hash;
    }
  }
  return "#/";
}

}  // namespace siaga
