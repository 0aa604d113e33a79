// Content packs: what write_pack writes, read_pack reads back; anything damaged is refused whole.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "content_test_util.h"
#include "core/content.h"

using namespace siaga;
using content_test::check_single;

namespace {

const std::vector<SourceFile> files = {
    {"content/en/ui.po", "msgid \"a\"\nmsgstr \"\"\n"},
    {"content/en/c/01-m.md", std::string("binary\0safe\n\nbytes", 19)},
    {"content/en/c/empty.md", ""},
};

}  // namespace

TEST_CASE("a written pack reads back the same files in the same order") {
  const Parsed<std::vector<SourceFile>> read = read_pack(write_pack(files), "content-en.pack");
  CHECK(read.diagnostics.empty());
  REQUIRE(read.value.size() == files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    CHECK(read.value[i].path == files[i].path);
    CHECK(read.value[i].bytes == files[i].bytes);
  }
}

TEST_CASE("a pack has the documented layout") {
  CHECK(write_pack({{"a/b.md", "xy"}}) == "SIAGA-PACK 1\na/b.md\n2\nxy\n");
}

TEST_CASE("a pack without files is valid") {
  const auto read = read_pack("SIAGA-PACK 1\n", "p");
  CHECK(read.diagnostics.empty());
  CHECK(read.value.empty());
}

// The format has no end marker, so a cut exactly between two files leaves a shorter valid pack;
// a cut anywhere else must be refused.
TEST_CASE("a pack cut short inside a file or a header line is refused, never read past its end") {
  const std::string pack = write_pack(files);
  std::set<size_t> file_boundaries;
  for (size_t count = 0; count <= files.size(); ++count)
    file_boundaries.insert(write_pack(std::vector<SourceFile>(files.begin(), files.begin() + count)).size());
  for (size_t length = 0; length < pack.size(); ++length) {
    if (file_boundaries.contains(length)) continue;
    INFO(length);
    const auto read = read_pack(std::string_view(pack).substr(0, length), "content-en.pack");
    CHECK(has_errors(read.diagnostics));
    CHECK(read.value.empty());
  }
}

TEST_CASE("a pack with another header is refused") {
  check_single(read_pack("ZIP\n", "p.pack").diagnostics, Severity::Error, 0, 0, "does not start with 'SIAGA-PACK 1'");
}

TEST_CASE("a path climbing out with '..' is refused") {
  check_single(read_pack("SIAGA-PACK 1\ncontent/../../etc/passwd\n1\nx\n", "p").diagnostics, Severity::Error, 0, 0,
               "'..' part in a file path");
}

TEST_CASE("an absolute path is refused") {
  check_single(read_pack("SIAGA-PACK 1\n/etc/passwd\n1\nx\n", "p").diagnostics, Severity::Error, 0, 0,
               "an absolute file path");
}

TEST_CASE("a length that is not a number is refused") {
  check_single(read_pack("SIAGA-PACK 1\na.md\n-1\nx\n", "p").diagnostics, Severity::Error, 0, 0, "bad length");
}

TEST_CASE("a length with a leading zero is refused, so a pack has one spelling") {
  check_single(read_pack("SIAGA-PACK 1\na.md\n01\nx\n", "p").diagnostics, Severity::Error, 0, 0, "bad length");
}

TEST_CASE("a length beyond the end of the pack is refused") {
  check_single(read_pack("SIAGA-PACK 1\na.md\n999999999999\nx\n", "p").diagnostics, Severity::Error, 0, 0,
               "cut short inside 'a.md'");
}

TEST_CASE("bytes that do not end where their length says are refused") {
  check_single(read_pack("SIAGA-PACK 1\na.md\n1\nxy\n", "p").diagnostics, Severity::Error, 0, 0,
               "do not end where their length says");
}

TEST_CASE("the same path twice is refused") {
  check_single(read_pack("SIAGA-PACK 1\na.md\n1\nx\na.md\n1\ny\n", "p").diagnostics, Severity::Error, 0, 0,
               "appears twice");
}
