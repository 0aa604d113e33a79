// CSV: RFC 4180 quoting, UTF-8 BOM, CRLF rows, Indonesian names, and the class report sheet.
#include <doctest/doctest.h>

#include "core/csv.h"

using namespace siaga;

TEST_CASE("a field without special characters is written as it is") {
  CHECK(csv_field("Siti Nurhaliza Ayuningtyas") == "Siti Nurhaliza Ayuningtyas");
  CHECK(csv_field("") == "");
}

TEST_CASE("a field with a comma is quoted") {
  CHECK(csv_field("Ayuningtyas, Siti Nurhaliza") == "\"Ayuningtyas, Siti Nurhaliza\"");
}

TEST_CASE("quotes inside a field are doubled and the field quoted") {
  CHECK(csv_field("Made \"Ekawati\" Putu") == "\"Made \"\"Ekawati\"\" Putu\"");
}

TEST_CASE("a field with CR or LF is quoted and keeps its line break") {
  CHECK(csv_field("Jl. Merdeka 1\nJakarta") == "\"Jl. Merdeka 1\nJakarta\"");
  CHECK(csv_field("a\rb") == "\"a\rb\"");
}

TEST_CASE("non-ASCII names pass through byte for byte, unquoted") {
  const std::string name = "Ni Luh Putu \xC3\x89kawati";  // "Ni Luh Putu Ékawati" in UTF-8
  CHECK(csv_field(name) == name);
  CHECK(csv_document({{name}}) == std::string(kUtf8Bom) + name + "\r\n");
}

TEST_CASE("a document starts with the UTF-8 BOM and ends every row with CRLF") {
  const std::string doc = csv_document({{"a", "b"}, {"c", "d"}});
  CHECK(doc == "\xEF\xBB\xBF" "a,b\r\nc,d\r\n");
}

TEST_CASE("rows are padded with empty fields to the widest row") {
  CHECK(csv_document({{"a"}, {"b", "c", "d"}, {}}) == std::string(kUtf8Bom) + "a,,\r\nb,c,d\r\n,,\r\n");
}

TEST_CASE("numbers get one decimal, rounded half away from zero") {
  CHECK(format_one_decimal(200.0 / 3) == "66.7");
  CHECK(format_one_decimal(-20) == "-20.0");
  CHECK(format_one_decimal(100) == "100.0");
  CHECK(format_one_decimal(-0.04) == "0.0");
  CHECK(format_one_decimal(12.25) == "12.3");
}

TEST_CASE("the report sheet has a row per participant, hardest questions first and the distribution") {
  // Two questions. ANDI: pretest q1 only (50 %), posttest both (100 %), gain 50. Question 2 was
  // answered right by nobody before and everybody after, so it comes first (both at 100 % after).
  const ClassReport report = build_report({record_from_grid("Andi", "micic", TestKind::Pretest, 0, {true, false}),
                                           record_from_grid("Andi", "micic", TestKind::Posttest, 0, {true, true})},
                                          2, 2, "micic");
  const std::string csv = report_to_csv(report);
  CHECK(csv.rfind("\xEF\xBB\xBF" "Siaga class report,micic,,,,,\r\n", 0) == 0);
  CHECK(csv.find("\r\nParticipant,Pretest %,Posttest %,Gain (points),Pretest right,Posttest right,Note\r\n"
                 "ANDI,50.0,100.0,50.0,1,2,\r\n") != std::string::npos);
  CHECK(csv.find("\r\nAverage gain (points),50.0,,,,,\r\n") != std::string::npos);
  CHECK(csv.find("\r\n2,0.0,100.0,0,1,1,1\r\n1,100.0,100.0,1,1,1,1\r\n") != std::string::npos);
  CHECK(csv.find("\r\n50-59%,1,0,,,,\r\n") != std::string::npos);
  CHECK(csv.find("\r\n90-100%,0,1,,,,\r\n") != std::string::npos);
}

TEST_CASE("a participant with one test gets blank cells and a note in the sheet") {
  const ClassReport report =
      build_report({record_from_grid("Eko", "micic", TestKind::Posttest, 0, {true, true})}, 2, 2, "micic");
  const std::string csv = report_to_csv(report);
  CHECK(csv.find("\r\nEKO,,100.0,,,2,posttest only: not in gain figures\r\n") != std::string::npos);
  CHECK(csv.find("\r\nNote,Gain figures count only the 0 participant(s)") != std::string::npos);
}

TEST_CASE("report notes with commas and quotes are quoted in the sheet") {
  ClassReport report;
  report.notes.push_back("A \"pretest\" result, left out");
  CHECK(report_to_csv(report).find("\r\n\"A \"\"pretest\"\" result, left out\",,,,,,\r\n") != std::string::npos);
}
