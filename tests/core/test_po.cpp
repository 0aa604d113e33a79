// Interface strings from gettext PO files: keys, multi-line strings, escapes, comments and errors.
#include <doctest/doctest.h>

#include <string>

#include "content_test_util.h"
#include "core/content.h"

using namespace siaga;
using content_test::check_single;
using content_test::describe;

namespace {

Translations po(std::string_view text, std::string_view path = "content/id/ui.po") {
  Parsed<Translations> parsed = parse_po(text, path);
  INFO(describe(parsed.diagnostics));
  REQUIRE(parsed.diagnostics.empty());
  return parsed.value;
}

}  // namespace

TEST_CASE("msgctxt is the key and msgstr the translation") {
  const Translations t = po("msgctxt \"catalog.heading\"\nmsgid \"Courses\"\nmsgstr \"Kursus\"\n");
  REQUIRE(t.find("catalog.heading") != nullptr);
  CHECK(*t.find("catalog.heading") == "Kursus");
  CHECK(t.find("Courses") == nullptr);
}

TEST_CASE("without msgctxt the msgid is the key") {
  CHECK(*po("msgid \"Start\"\nmsgstr \"Mulai\"\n").find("Start") == "Mulai");
}

TEST_CASE("strings continue on the following lines") {
  const Translations t = po("msgctxt \"k\"\nmsgid \"\"\n\"Long \"\n\"text\"\nmsgstr \"\"\n\"Teks \"\n\"panjang\"\n");
  CHECK(*t.find("k") == "Teks panjang");
}

TEST_CASE("escapes \\n, \\t, \\\" and \\\\ are resolved") {
  CHECK(*po("msgctxt \"k\"\nmsgid \"x\"\nmsgstr \"a\\nb\\tc \\\"d\\\" e\\\\f\"\n").find("k") == "a\nb\tc \"d\" e\\f");
}

TEST_CASE("comments and flags are skipped and a fuzzy translation is still used") {
  const Translations t = po("# translator note\n#: src/ui/app.cpp:10\n#, fuzzy\nmsgctxt \"k\"\nmsgid \"Hi\"\nmsgstr \"Hai\"\n");
  CHECK(*t.find("k") == "Hai");
}

TEST_CASE("the header entry is not a string") {
  const Translations t = po("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\nmsgctxt \"k\"\nmsgid \"a\"\nmsgstr \"b\"\n");
  CHECK(t.by_key.size() == 1);
}

TEST_CASE("in en's file an empty msgstr means the msgid is the text") {
  const Translations t = po("msgctxt \"k\"\nmsgid \"Start\"\nmsgstr \"\"\n", "content/en/ui.po");
  CHECK(*t.find("k") == "Start");
}

TEST_CASE("in another language an empty msgstr is left out, so English is used") {
  CHECK(po("msgctxt \"k\"\nmsgid \"Start\"\nmsgstr \"\"\n").find("k") == nullptr);
}

TEST_CASE("entries need no blank line between them and CR LF line ends are accepted") {
  const Translations t = po("msgctxt \"a\"\r\nmsgid \"A\"\r\nmsgstr \"1\"\r\nmsgctxt \"b\"\r\nmsgid \"B\"\r\nmsgstr \"2\"\r\n");
  CHECK(*t.find("a") == "1");
  CHECK(*t.find("b") == "2");
}

TEST_CASE("an unterminated string is an error at its end") {
  check_single(parse_po("msgid \"a\"\nmsgstr \"open\n", "ui.po").diagnostics, Severity::Error, 2, 8,
               "unterminated string");
}

TEST_CASE("an unknown escape is an error at the backslash") {
  check_single(parse_po("msgid \"a\"\nmsgstr \"b\\qc\"\n", "ui.po").diagnostics, Severity::Error, 2, 10,
               "unknown escape '\\q'");
}

TEST_CASE("a msgstr without a msgid is an error") {
  check_single(parse_po("msgstr \"b\"\n", "ui.po").diagnostics, Severity::Error, 1, 1, "msgstr without a msgid");
}

TEST_CASE("a msgid without a msgstr is an error at the entry") {
  check_single(parse_po("\nmsgid \"a\"\n\nmsgid \"b\"\nmsgstr \"c\"\n", "ui.po").diagnostics, Severity::Error, 2, 1,
               "msgid 'a' has no msgstr");
}

TEST_CASE("the same key twice is an error at the second entry") {
  check_single(parse_po("msgctxt \"k\"\nmsgid \"a\"\nmsgstr \"1\"\n\nmsgctxt \"k\"\nmsgid \"b\"\nmsgstr \"2\"\n", "ui.po")
                   .diagnostics,
               Severity::Error, 5, 1, "duplicate entry 'k' (first on line 1)");
}

TEST_CASE("an unknown keyword is an error") {
  check_single(parse_po("msgid \"a\"\nmsgstr \"b\"\nmsgtxt \"c\"\n", "ui.po").diagnostics, Severity::Error, 3, 1,
               "unknown PO keyword 'msgtxt'");
}
