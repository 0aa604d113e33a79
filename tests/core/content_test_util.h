// content_test_util.h — small helpers for the content parser tests: wrapping a body in front
// matter, finding a diagnostic by message fragment, and printing diagnostics when a check fails.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"

namespace siaga::content_test {

// Four front matter lines, so the body's first line is line 5 of the file.
inline std::string module_file(std::string_view body, std::string_view id = "m") {
  return "---\nid: " + std::string(id) + "\ntitle: M\n---\n" + std::string(body);
}

inline std::string describe(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) out += d.to_string() + "\n";
  return out.empty() ? "(no diagnostics)" : out;
}

// The first diagnostic whose message contains `fragment`, or nullptr.
inline const Diagnostic* find_diagnostic(const std::vector<Diagnostic>& diagnostics, std::string_view fragment) {
  for (const Diagnostic& d : diagnostics)
    if (d.message.find(fragment) != std::string::npos) return &d;
  return nullptr;
}

// Checks that exactly one diagnostic is reported, with this severity, place and message fragment.
inline void check_single(const std::vector<Diagnostic>& diagnostics, Severity severity, int line, int column,
                         std::string_view fragment) {
  INFO(describe(diagnostics));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].severity == severity);
  CHECK(diagnostics[0].line == line);
  CHECK(diagnostics[0].column == column);
  CHECK(diagnostics[0].message.find(fragment) != std::string::npos);
}

}  // namespace siaga::content_test
