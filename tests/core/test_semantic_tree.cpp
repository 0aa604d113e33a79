// The mirror's JSON: what the page (web/bridge/mirror.js) parses on every change of the screen.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <limits>

#include "core/semantic_tree.h"

using namespace siaga;

TEST_CASE("semantic tree JSON: rectangles and values are rounded to hundredths, written as JSON numbers") {
  SemanticTree tree;
  tree.language = "id";
  SemanticNode a;
  a.role = Role::Progress;
  a.name = "Kemajuan \"MICIC\"\n";
  a.value = 0.333333f;
  a.x = 12.0f;
  a.y = -3.456f;
  a.w = 1280.5f;
  a.h = 0.004f;
  SemanticNode b;
  b.role = Role::Heading;
  b.level = 2;
  b.name = std::string("tab\there\x01");
  b.x = 99999.999f;
  b.y = std::numeric_limits<float>::infinity();
  b.w = std::numeric_limits<float>::quiet_NaN();
  b.h = 7.1f;
  tree.nodes = {a, b};

  const std::string json = tree.to_json();
  CHECK(json.find("\"x\":12,") != std::string::npos);
  CHECK(json.find("\"y\":-3.46,") != std::string::npos);
  CHECK(json.find("\"w\":1280.5,") != std::string::npos);
  CHECK(json.find("\"h\":0}") != std::string::npos);
  CHECK(json.find("\"v\":0.33,") != std::string::npos);
  CHECK(json.find("\"h\":7.1}") != std::string::npos);

  const nlohmann::json parsed = nlohmann::json::parse(json);  // throws if not JSON
  CHECK(parsed["lang"] == "id");
  REQUIRE(parsed["nodes"].size() == 2);
  CHECK(parsed["nodes"][0]["r"] == "progressbar");
  CHECK(parsed["nodes"][0]["n"] == "Kemajuan \"MICIC\"\n");
  CHECK(parsed["nodes"][1]["r"] == "heading");
  CHECK(parsed["nodes"][1]["l"] == 2);
  CHECK(parsed["nodes"][1]["n"] == std::string("tab\there\x01"));
  CHECK(parsed["nodes"][1]["x"].get<double>() == doctest::Approx(100000.0));
  CHECK(parsed["nodes"][1]["y"] == 0);  // not finite: 0, never "inf" (which is not JSON)
  CHECK(parsed["nodes"][1]["w"] == 0);
}
