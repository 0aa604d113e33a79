// What every stored JSON record shares (core/stored_json.h): the envelope check, checksums, the field reader.
#include <doctest/doctest.h>

#include "core/stored_json.h"

using namespace siaga;
using stored::Json;

namespace {
const stored::Envelope kWithFormat{.format = "siaga-x", .version_key = "version", .current = 2,
                                   .not_ours = "not ours", .newer = "newer", .bad_version = "bad version"};
const stored::Envelope kSchemaOnly{.current = 3, .required = "items",
                                   .not_ours = "not ours", .newer = "newer", .bad_version = "bad version"};
}  // namespace

TEST_CASE("the envelope tells ours, foreign, newer and broken version markers apart") {
  struct Case { const char* text; const stored::Envelope* envelope; DataError error; const char* reason; int64_t version; };
  const Case cases[] = {
      {R"({"format":"siaga-x","version":2})", &kWithFormat, DataError::None, "", 2},
      {R"({"format":"siaga-x","version":1})", &kWithFormat, DataError::None, "", 1},
      {R"([1,2])", &kWithFormat, DataError::Foreign, "not ours", 0},
      {R"({"version":1})", &kWithFormat, DataError::Foreign, "not ours", 0},
      {R"({"format":"siaga-y","version":1})", &kWithFormat, DataError::Foreign, "not ours", 0},
      {R"({"format":"siaga-x"})", &kWithFormat, DataError::Invalid, "bad version", 0},
      {R"({"format":"siaga-x","version":"1"})", &kWithFormat, DataError::Invalid, "bad version", 0},
      {R"({"format":"siaga-x","version":0})", &kWithFormat, DataError::Invalid, "bad version", 0},
      {R"({"format":"siaga-x","version":3})", &kWithFormat, DataError::NewerVersion, "newer", 0},
      {R"({"format":"siaga-x","version":18446744073709551615})", &kWithFormat, DataError::NewerVersion, "newer", 0},
      // Without a format marker the version marker and the required field are what make it ours.
      {R"({"schema":3,"items":[]})", &kSchemaOnly, DataError::None, "", 3},
      {R"({"items":[]})", &kSchemaOnly, DataError::Foreign, "not ours", 0},
      {R"({"schema":1})", &kSchemaOnly, DataError::Foreign, "not ours", 0},
      {R"({"schema":4,"items":[]})", &kSchemaOnly, DataError::NewerVersion, "newer", 0},
      {R"({"schema":-1,"items":[]})", &kSchemaOnly, DataError::Invalid, "bad version", 0},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const stored::EnvelopeCheck check = stored::check_envelope(stored::parse(c.text), *c.envelope);
    CHECK(check.error == c.error);
    CHECK(check.reason == c.reason);
    CHECK(check.version == c.version);
  }
}

TEST_CASE("text that is not JSON or is cut off parses as discarded") {
  CHECK(stored::parse("{\"a\":").is_discarded());
  CHECK(stored::parse("not json").is_discarded());
  CHECK_FALSE(stored::parse("{}").is_discarded());
}

TEST_CASE("a checksum covers the canonical text of everything else in the object") {
  Json record = {{"b", 1}, {"a", "x"}};
  stored::add_checksum(record);
  CHECK(stored::checksum_matches(record));
  CHECK(stored::checksum_matches(stored::parse(stored::canonical_text(record))));  // survives a round trip
  record["a"] = "y";
  CHECK_FALSE(stored::checksum_matches(record));
  CHECK_FALSE(stored::checksum_matches(Json{{"a", "x"}}));  // none at all
}

TEST_CASE("the canonical text replaces invalid UTF-8 instead of aborting") {
  CHECK(stored::canonical_text(Json("a\xFF")) == "\"a\xEF\xBF\xBD\"");
}

TEST_CASE("the field reader keeps the first problem, with where it was, and reads nothing after it") {
  const Json object = stored::parse(R"({"name":7,"count":5,"flag":true})");
  stored::FieldReader reader;
  std::string name = "unchanged";
  int count = 0;
  bool flag = false;
  reader.text(object, "name", "learner 2", name);
  reader.whole_number(object, "count", "learner 2", count, 0, 10);
  reader.flag(object, "flag", "learner 2", flag);
  CHECK(reader.problem() == "learner 2: 'name' should be text");
  CHECK(name == "unchanged");
  CHECK(count == 0);  // not read after the first problem
}

TEST_CASE("the field reader checks presence, ranges, lengths and lists") {
  const Json object = stored::parse(R"({"n":11,"s":"abcd","list":["a","b","c"],"ids":[1,2]})");
  const auto problem = [&](auto&& read) {
    stored::FieldReader reader;
    read(reader);
    return reader.problem();
  };
  int n = 0;
  std::string s;
  std::vector<std::string> texts;
  std::vector<int> ids;
  CHECK(problem([&](auto& r) { r.whole_number(object, "n", "x", n, 0, 10); }) == "x: 'n' should be a whole number from 0 to 10");
  CHECK(problem([&](auto& r) { r.text(object, "s", "x", s, true, 3); }) == "x: 's' is too long");
  CHECK(problem([&](auto& r) { r.text(object, "missing", "x", s); }) == "x: 'missing' is missing");
  CHECK(problem([&](auto& r) { r.text(object, "missing", "x", s, /*required=*/false); }).empty());
  CHECK(problem([&](auto& r) { r.texts(object, "list", "x", texts, 2); }) == "x: 'list' has more than 2 items");
  CHECK(problem([&](auto& r) { r.texts(object, "ids", "x", texts, 5); }) == "x: 'ids' should be a list of short texts");
  CHECK(problem([&](auto& r) { r.indexes(object, "ids", "x", ids, 0); }).empty());
  CHECK(ids == std::vector<int>{1, 2});
  CHECK(problem([&](auto& r) { r.field(Json::array(), "n", "x", true); }) == "x: should be a group of fields");
}
