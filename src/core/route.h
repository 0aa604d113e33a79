// route.h — screens as addresses (URL hash), so reload, back and a shared link land on the same screen.
#pragma once

#include <string>
#include <string_view>

namespace siaga {

enum class Screen { Catalog, Course, Module, Settings, About, Learners, Facilitator, Progress, Plans, Present, GroupQuiz };

struct Route {
  Screen screen = Screen::Catalog;
  std::string course;   // Course, Module
  std::string module;   // Module
  std::string section;  // Module, Present: the section shown ("" = the module's first; Present: the title
                        // slide); Facilitator: the tool shown; Plans: the plan open ("" = the list);
                        // GroupQuiz: the quiz id

  bool operator==(const Route&) const = default;
};

// "#/course/micic/module/prepare/section/mapping" -> Route. Facilitators' screens: "#/plans",
// "#/plans/<plan>", "#/present/<course>/<module>[/<section>]", "#/group-quiz/<course>/<module>/<quiz>". Unknown or malformed hashes give the
// catalog, never an error: a mistyped link should still open the portal.
Route parse_route(std::string_view hash);
std::string route_to_hash(const Route& route);

}  // namespace siaga
