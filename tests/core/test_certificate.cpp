// Certificate reference codes: format, matching, what differs, typo detection.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/certificate.h"
#include "core/result_code.h"

using namespace siaga;

namespace {

const std::string kName = "Siti Nurhaliza Ayuningtyas";
constexpr CivilDate kDate{2025, 3, 14};

std::string siti_code() { return certificate_code(kName, "micic", kDate, 85); }

}  // namespace

// Defined in test_result_code.cpp: every one-character substitution / adjacent swap of a code.
namespace siaga::test_support {
std::vector<std::string> substitutions(std::string_view code);
std::vector<std::string> transpositions(std::string_view code);
}  // namespace siaga::test_support

TEST_CASE("the documented example certificate code is made and matches") {
  // Pinned: a printed certificate must still verify after an update.
  CHECK(siti_code() == "8W3C1-VBNDZ-Q1EW8");
  CHECK(verify_certificate("8W3C1-VBNDZ-Q1EW8", kName, "micic", kDate, 85) == CertificateCheck::Matches);
}

TEST_CASE("name matching ignores case, accents and whitespace") {
  const std::string code = certificate_code("Ni Luh Putu \xC3\x89kawati", "counter-trafficking", kDate, 70);
  CHECK(verify_certificate(code, "  NI LUH  PUTU EKAWATI ", "counter-trafficking", kDate, 70) ==
        CertificateCheck::Matches);
  CHECK(verify_certificate(code, "niluhputu\xC3\xA9kawati", "counter-trafficking", kDate, 70) ==
        CertificateCheck::Matches);
  CHECK(normalize_certificate_name("Ni Luh\tPutu") == "NILUHPUTU");
}

TEST_CASE("a code typed in lower case with spaces still matches") {
  CHECK(verify_certificate("8w3c1 vbndz q1ew8", kName, "micic", kDate, 85) == CertificateCheck::Matches);
}

TEST_CASE("another name is reported as a different name") {
  CHECK(verify_certificate(siti_code(), "Siti Nurhaliza", "micic", kDate, 85) == CertificateCheck::NameDiffers);
  CHECK(verify_certificate(siti_code(), "", "micic", kDate, 85) == CertificateCheck::NameDiffers);
}

TEST_CASE("another course is reported as a different course") {
  CHECK(verify_certificate(siti_code(), kName, "refugee-orientation", kDate, 85) == CertificateCheck::CourseDiffers);
}

TEST_CASE("another completion date is reported as a different date") {
  CHECK(verify_certificate(siti_code(), kName, "micic", {2025, 3, 15}, 85) == CertificateCheck::DateDiffers);
  CHECK(verify_certificate(siti_code(), kName, "micic", {2025, 2, 30}, 85) == CertificateCheck::DateDiffers);
}

TEST_CASE("another score is reported as a different score") {
  CHECK(verify_certificate(siti_code(), kName, "micic", kDate, 86) == CertificateCheck::ScoreDiffers);
}

TEST_CASE("when several things differ the course is reported first, then the name") {
  CHECK(verify_certificate(siti_code(), "Budi", "refugee-orientation", {2024, 1, 1}, 10) ==
        CertificateCheck::CourseDiffers);
  CHECK(verify_certificate(siti_code(), "Budi", "micic", {2024, 1, 1}, 10) == CertificateCheck::NameDiffers);
}

TEST_CASE("every single-character substitution of a certificate code is rejected") {
  for (const std::string& code : {siti_code(), certificate_code("A", "x", {2020, 1, 1}, 0),
                                  certificate_code("Budi Santoso", "counter-trafficking", {2199, 6, 6}, 100)}) {
    const std::vector<std::string> typos = test_support::substitutions(code);
    CHECK(typos.size() == 15 * 31);
    for (const std::string& typo : typos) {
      CAPTURE(typo);
      CHECK(verify_certificate(typo, kName, "micic", kDate, 85) == CertificateCheck::NotAValidCode);
    }
  }
}

TEST_CASE("every adjacent transposition of a certificate code is rejected") {
  for (const std::string& code : {siti_code(), certificate_code("Budi Santoso", "counter-trafficking", {2199, 6, 6}, 100)}) {
    const std::vector<std::string> typos = test_support::transpositions(code);
    CHECK_FALSE(typos.empty());
    for (const std::string& typo : typos) {
      CAPTURE(typo);
      CHECK(verify_certificate(typo, kName, "micic", kDate, 85) == CertificateCheck::NotAValidCode);
    }
  }
}

TEST_CASE("a result code is not a certificate reference, and says so the other way round") {
  ResultRecord record;
  record.course_id = "micic";
  record.question_count = 3;
  record.label = "SITI";
  CHECK(verify_certificate(encode_result(record), kName, "micic", kDate, 85) == CertificateCheck::NotAValidCode);
  CHECK(decode_result(siti_code()).problem == CodeProblem::NotAResultCode);
}

TEST_CASE("inputs that cannot be encoded make no code") {
  CHECK(certificate_code("  ", "micic", kDate, 85).empty());
  CHECK(certificate_code(kName, "micic", kDate, 101).empty());
  CHECK(certificate_code(kName, "micic", {2025, 2, 29}, 85).empty());
  CHECK(certificate_code(kName, "micic", {2019, 12, 31}, 85).empty());
  CHECK(certificate_code(kName, "Not An Id", kDate, 85).empty());
}

TEST_CASE("every verdict has a plain-words description") {
  CHECK(describe(CertificateCheck::NotAValidCode).find("typo") != std::string::npos);
  CHECK(describe(CertificateCheck::Matches).find("cannot prove") != std::string::npos);
}
