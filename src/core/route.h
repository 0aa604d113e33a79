// route.h — screens as addresses (URL hash), so reload, back and a shared link land on the same screen.
#pragma once

#include <string>
#include <string_view>

namespace siaga {

enum class Screen { Catalog, Course, Module, Settings, About, Learners, Facilitator, Progress };

struct Route {
  Screen screen = Screen::Catalog;
  std::string course;   // Course, Module
  std::string module;   // Module
  std::string section;  // Module: the section shown ("" = the module's first)

  bool operator==(const Route&) const = default;
};

// "#/course/micic/module/prepare/section/mapping" -> Route. Unknown or malformed hashes give the
// catalog, never an error: a mistyped link should still open the portal.
Route parse_route(std::string_view hash);
std::string route_to_hash(const Route& route);

}  // namespace siaga
