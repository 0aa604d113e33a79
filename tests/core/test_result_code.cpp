// Result codes: dates, labels, encoding round trips, exhaustive typo detection (every single-character
// substitution and every adjacent transposition), scanning pasted chat text, result files.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/result_code.h"
#include "core/result_file.h"
#include "core/paste_scan.h"

using namespace siaga;

namespace {

ResultRecord make_record(std::string label, TestKind kind, int questions, std::uint64_t right, CivilDate date,
                         std::string course = "micic") {
  ResultRecord record;
  record.course_id = std::move(course);
  record.course_hash = course_hash(record.course_id);
  record.kind = kind;
  record.question_count = questions;
  record.right_mask = right;
  record.day = day_number(date);
  record.label = std::move(label);
  return record;
}

const std::vector<CourseTests> kKnown = {
    {"micic", 10, 10}, {"counter-trafficking", 8, 8}, {"refugee-orientation", 6, 0}};

// Codes of different shapes: shortest, longest, a space in the label, posttest, edge dates.
std::vector<std::string> sample_codes() {
  return {
      encode_result(make_record("ANDI", TestKind::Pretest, 10, 0b1011011101, {2025, 3, 14})),
      encode_result(make_record("B", TestKind::Posttest, 1, 1, {2020, 1, 1})),
      encode_result(make_record("SITI NURHALI", TestKind::Posttest, 64, 0x0123456789ABCDEFull, {2199, 6, 6})),
      encode_result(make_record("P 07", TestKind::Pretest, 8, 0, {2024, 2, 29}, "counter-trafficking")),
      encode_result(make_record("0000", TestKind::Pretest, 6, 0b111111, {2026, 12, 31}, "refugee-orientation")),
  };
}

std::string strip_hyphens(const std::string& code) { return codes::read_symbols(code, 0).canonical; }

bool is_typo_problem(CodeProblem problem) {
  return problem == CodeProblem::ChecksumMismatch || problem == CodeProblem::WrongLength;
}

}  // namespace

// Shared with test_certificate.cpp, which declares them.
namespace siaga::test_support {

// Every code that differs from `code` in one character, replaced by each other alphabet character.
std::vector<std::string> substitutions(std::string_view code) {
  const std::string canonical = codes::read_symbols(code, 0).canonical;
  std::vector<std::string> out;
  for (size_t at = 0; at < canonical.size(); ++at) {
    for (const char replacement : codes::kAlphabet) {
      if (replacement == canonical[at]) continue;
      out.push_back(canonical);
      out.back()[at] = replacement;
    }
  }
  return out;
}

// Every code with two different neighbouring characters swapped (across group hyphens too).
std::vector<std::string> transpositions(std::string_view code) {
  const std::string canonical = codes::read_symbols(code, 0).canonical;
  std::vector<std::string> out;
  for (size_t at = 0; at + 1 < canonical.size(); ++at) {
    if (canonical[at] == canonical[at + 1]) continue;  // swapping equal characters changes nothing
    out.push_back(canonical);
    std::swap(out.back()[at], out.back()[at + 1]);
  }
  return out;
}

}  // namespace siaga::test_support

using test_support::substitutions;
using test_support::transpositions;

// [SECTION] Dates ------------------------------------------------------------------------------------

TEST_CASE("day numbers count from 2020-01-01 and convert back across leap years") {
  CHECK(day_number({2020, 1, 1}) == 0);
  CHECK(day_number({2020, 3, 1}) == 60);  // 31 + 29 (2020 is a leap year)
  CHECK(day_number({2021, 1, 1}) == 366);
  for (int day = 0; day <= kMaxDayNumber; day += 97) CHECK(day_number(date_from_day_number(day)) == day);
  CHECK(date_from_day_number(kMaxDayNumber) == CivilDate{2199, 6, 6});
}

TEST_CASE("only real calendar dates are valid") {
  CHECK(is_valid_date({2024, 2, 29}));
  CHECK_FALSE(is_valid_date({2023, 2, 29}));
  CHECK_FALSE(is_valid_date({2100, 2, 29}));  // divisible by 100, not by 400
  CHECK_FALSE(is_valid_date({2025, 13, 1}));
  CHECK_FALSE(is_valid_date({2025, 4, 31}));
}

TEST_CASE("ISO dates parse within the 16-bit range and print back the same") {
  int day = -1;
  CHECK(parse_iso_date("2025-03-14", day));
  CHECK(format_day_number(day) == "2025-03-14");
  CHECK_FALSE(parse_iso_date("2019-12-31", day));  // before the epoch
  CHECK_FALSE(parse_iso_date("2199-06-07", day));  // past 16 bits
  CHECK_FALSE(parse_iso_date("2025-3-14", day));
  CHECK_FALSE(parse_iso_date("2025-02-30", day));
}

// [SECTION] Code symbols -----------------------------------------------------------------------------

TEST_CASE("the check uses the published CRC-15/CAN polynomial") {
  CHECK(codes::crc15_bytes("123456789", 0) == 0x059E);  // the catalogued check value of CRC-15/CAN
}

TEST_CASE("codes are grouped in fives and fours for every length from 12 up") {
  CHECK(codes::group_symbols("0123456789ABCDEFGHJ") == "01234-56789-ABCDE-FGHJ");
  for (size_t n = 12; n <= 40; ++n) {
    const std::string grouped = codes::group_symbols(std::string(n, 'A'));
    size_t group = 0;
    for (size_t i = 0; i <= grouped.size(); ++i) {
      if (i == grouped.size() || grouped[i] == '-') {
        CHECK((group == 4 || group == 5));
        group = 0;
      } else {
        ++group;
      }
    }
  }
}

TEST_CASE("course hashes of the shipped courses differ") {
  CHECK(course_hash("micic") != course_hash("counter-trafficking"));
  CHECK(course_hash("micic") != course_hash("refugee-orientation"));
  CHECK(course_hash("counter-trafficking") != course_hash("refugee-orientation"));
}

// [SECTION] Labels -----------------------------------------------------------------------------------

TEST_CASE("labels are upper-cased, accent-folded and whitespace-collapsed") {
  CHECK(normalize_label("  ni \t \xC3\x89kawati ").label == "NI EKAWATI");  // "Ékawati"
  CHECK(normalize_label("E\xCC\x81ka").label == "EKA");  // decomposed E + combining acute
  CHECK(normalize_label("peserta 7").label == "PESERTA 7");
}

TEST_CASE("a label with a character outside letters, digits and spaces is refused naming it") {
  const LabelOutcome outcome = normalize_label("Siti@home");
  CHECK(outcome.label.empty());
  CHECK(outcome.error.find("'@'") != std::string::npos);
}

TEST_CASE("an empty or over-long label is refused") {
  CHECK_FALSE(normalize_label("   ").error.empty());
  CHECK(normalize_label("ABCDEFGHIJKL").error.empty());   // 12
  CHECK_FALSE(normalize_label("ABCDEFGHIJKLM").error.empty());  // 13
}

// [SECTION] Encoding and decoding --------------------------------------------------------------------

TEST_CASE("the documented example code reads as documented") {
  // Pinned: a code printed by this release must read the same in later ones.
  const ResultRecord record = make_record("ANDI", TestKind::Pretest, 10, 0b1011011101, {2025, 3, 14});
  CHECK(encode_result(record) == "498E1-P0XNV-PMG5W-0GCE");
  const DecodeOutcome decoded = decode_result("498E1-P0XNV-PMG5W-0GCE", kKnown);
  REQUIRE(decoded.ok());
  CHECK(decoded.record == record);
  CHECK(decoded.record.right_count() == 7);
}

TEST_CASE("records of every shape survive encoding and decoding") {
  const std::vector<ResultRecord> records = {
      make_record("ANDI", TestKind::Pretest, 10, 0b1011011101, {2025, 3, 14}),
      make_record("B", TestKind::Posttest, 1, 1, {2020, 1, 1}),
      make_record("SITI NURHALI", TestKind::Posttest, 64, 0xFEDCBA9876543210ull, {2199, 6, 6}),
      make_record("P 07", TestKind::Pretest, 8, 0, {2024, 2, 29}, "counter-trafficking"),
      make_record("ZZZZZZZZZZZZ", TestKind::Pretest, 6, 0b111111, {2026, 12, 31}, "refugee-orientation"),
  };
  for (const ResultRecord& record : records) {
    const std::string code = encode_result(record);
    CAPTURE(code);
    DecodeOutcome decoded = decode_result(code);
    REQUIRE(decoded.ok());
    CHECK(decoded.record.course_id.empty());  // no catalog: hash only
    CHECK(decoded.record.course_hash == record.course_hash);
    decoded.record.course_id = record.course_id;
    CHECK(decoded.record == record);
  }
}

TEST_CASE("a code is 14 to 38 characters of the base32 alphabet plus hyphens") {
  const std::string shortest = encode_result(make_record("B", TestKind::Pretest, 1, 1, {2020, 1, 1}));
  const std::string longest = encode_result(make_record("SITI NURHALI", TestKind::Pretest, 64, 0, {2020, 1, 1}));
  CHECK(strip_hyphens(shortest).size() == 14);
  CHECK(strip_hyphens(longest).size() == 38);
  for (const char c : strip_hyphens(longest)) CHECK(codes::kAlphabet.find(c) != std::string_view::npos);
}

TEST_CASE("a record that cannot be encoded gives an empty code and a reason") {
  ResultRecord record = make_record("ANDI", TestKind::Pretest, 65, 0, {2025, 1, 1});
  CHECK(encode_result(record).empty());
  CHECK(record_problem(record).find("64") != std::string::npos);
  record = make_record("ANDI", TestKind::Pretest, 3, 0b1000, {2025, 1, 1});  // bit for a 4th question
  CHECK(encode_result(record).empty());
  record = make_record("A!", TestKind::Pretest, 3, 0, {2025, 1, 1});
  CHECK(encode_result(record).empty());
  CHECK(record_problem(record).find("'!'") != std::string::npos);
}

TEST_CASE("every single-character substitution is rejected") {
  for (const std::string& code : sample_codes()) {
    REQUIRE(decode_result(code).ok());
    const std::vector<std::string> typos = substitutions(code);
    CHECK(typos.size() == strip_hyphens(code).size() * 31);
    for (const std::string& typo : typos) {
      CAPTURE(typo);
      CHECK(is_typo_problem(decode_result(typo).problem));
    }
  }
}

TEST_CASE("every adjacent transposition is rejected, across group hyphens too") {
  for (const std::string& code : sample_codes()) {
    const std::vector<std::string> typos = transpositions(code);
    CHECK_FALSE(typos.empty());
    for (const std::string& typo : typos) {
      CAPTURE(typo);
      CHECK(is_typo_problem(decode_result(typo).problem));
    }
  }
}

TEST_CASE("every dropped or doubled character is rejected") {
  for (const std::string& grouped : sample_codes()) {
    const std::string code = strip_hyphens(grouped);
    for (size_t at = 0; at < code.size(); ++at) {
      std::string dropped = code;
      dropped.erase(at, 1);
      std::string doubled = code;
      doubled.insert(at, 1, code[at]);
      CAPTURE(dropped);
      CAPTURE(doubled);
      CHECK_FALSE(decode_result(dropped).ok());
      CHECK_FALSE(decode_result(doubled).ok());
    }
  }
}

TEST_CASE("a character missing after the start is reported as missing, not as a typo") {
  std::string code = strip_hyphens(sample_codes()[0]);
  code.erase(10, 1);
  const DecodeOutcome decoded = decode_result(code);
  CHECK(decoded.problem == CodeProblem::WrongLength);
  CHECK(decoded.message.find("18 characters where 19") != std::string::npos);
}

TEST_CASE("I, L and O read as 1, 1 and 0; lower case, spaces and missing hyphens are accepted") {
  const std::string code = "498E1-P0XNV-PMG5W-0GCE";
  CHECK(decode_result("498ei p0xnv pmg5w ogce").ok());
  CHECK(decode_result("498EL-POXNV-PMG5W-0GCE").ok());
  CHECK(decode_result(strip_hyphens(code)).ok());
}

TEST_CASE("a character that codes never use is reported with its position") {
  const DecodeOutcome decoded = decode_result("498E1-P0XNU-PMG5W-0GCE");
  CHECK(decoded.problem == CodeProblem::BadCharacter);
  CHECK(decoded.message.find("Character 10, 'U'") != std::string::npos);
}

TEST_CASE("empty input is reported as no code") {
  CHECK(decode_result("  - ").problem == CodeProblem::Empty);
}

TEST_CASE("a valid code of a newer format is reported as made by a newer version") {
  codes::BitWriter writer;
  writer.put(5, codes::kFormatBits);
  writer.put(0, 60);
  const DecodeOutcome decoded = decode_result(codes::finish_code(writer.symbols()));
  CHECK(decoded.problem == CodeProblem::UnknownVersion);
  CHECK(decoded.message.find("newer version") != std::string::npos);
}

TEST_CASE("a code whose check passes but whose padding is not zero is refused") {
  // 10 questions + label "A": 46 + 10 + 6 = 62 bits -> 13 symbols with 3 padding bits, set here.
  codes::BitWriter writer;
  writer.put(codes::kFormatResultV1, codes::kFormatBits);
  writer.put(0, 1);
  writer.put(9, 6);
  writer.put(1, 4);
  writer.put(course_hash("micic"), 16);
  writer.put(100, 16);
  writer.put(0, 10);
  writer.put(11, 6);   // 'A'
  writer.put(0b111, 3);  // padding
  CHECK(decode_result(codes::finish_code(writer.symbols())).problem == CodeProblem::BadContent);
}

TEST_CASE("decoding against the catalog fills in the course id") {
  const std::string code = encode_result(make_record("ANDI", TestKind::Posttest, 8, 3, {2025, 1, 2}, "counter-trafficking"));
  const DecodeOutcome decoded = decode_result(code, kKnown);
  REQUIRE(decoded.ok());
  CHECK(decoded.record.course_id == "counter-trafficking");
}

TEST_CASE("a code for a course missing from the catalog is an unknown course") {
  const std::string code = encode_result(make_record("ANDI", TestKind::Pretest, 10, 3, {2025, 1, 2}, "other-course"));
  const DecodeOutcome decoded = decode_result(code, kKnown);
  CHECK(decoded.problem == CodeProblem::UnknownCourse);
  CHECK(decoded.message.find("not in this portal") != std::string::npos);
}

TEST_CASE("a code whose question count differs from the course's test is refused") {
  const std::string code = encode_result(make_record("ANDI", TestKind::Pretest, 9, 3, {2025, 1, 2}));
  const DecodeOutcome decoded = decode_result(code, kKnown);
  CHECK(decoded.problem == CodeProblem::QuestionCountMismatch);
  CHECK(decoded.message.find("9 questions") != std::string::npos);
  const std::string no_posttest =
      encode_result(make_record("ANDI", TestKind::Posttest, 6, 3, {2025, 1, 2}, "refugee-orientation"));
  CHECK(decode_result(no_posttest, kKnown).message.find("has no posttest") != std::string::npos);
}

TEST_CASE("course_tests counts the first pretest and posttest of each course") {
  Quiz pre;
  pre.kind = QuizKind::Pretest;
  pre.questions.resize(4);
  Quiz post = pre;
  post.kind = QuizKind::Posttest;
  post.questions.resize(5);
  Quiz module_quiz;
  module_quiz.questions.resize(9);
  Module first;
  first.quizzes = {module_quiz, pre};
  Module last;
  last.quizzes = {post};
  Language language;
  language.courses.push_back(Course{});
  language.courses[0].id = "micic";
  language.courses[0].modules = {first, last};
  const std::vector<CourseTests> tests = course_tests(language);
  REQUIRE(tests.size() == 1);
  CHECK(tests[0].pretest_questions == 4);
  CHECK(tests[0].posttest_questions == 5);
}

// [SECTION] Scanning pasted text ---------------------------------------------------------------------

TEST_CASE("each pasted line gets one entry with its line number and status") {
  const std::string andi = encode_result(make_record("ANDI", TestKind::Pretest, 10, 0b1011011101, {2025, 3, 14}));
  const std::string budi = encode_result(make_record("BUDI", TestKind::Pretest, 10, 0b11, {2025, 3, 14}));
  std::string budi_typo = budi;
  const size_t late = budi.size() - 6;  // past the length header: a plain checksum failure
  budi_typo[late] = budi_typo[late] == '7' ? '8' : '7';
  const std::string text = "Andi: my code is " + andi + " thanks\r\n"   // 1 ok, in chat text
                           "\r\n"                                          // 2 blank
                           "good morning everyone!\r\n"                    // 3 no code
                           "[09:14] Budi: " + budi_typo + "\r\n"           // 4 typo
                           "[09:15] Budi: sorry, " + budi + "\r\n"         // 5 ok
                           "andi again " + andi + "\n";                    // 6 duplicate of 1
  const std::vector<ScanLine> lines = scan_codes(text, kKnown);
  REQUIRE(lines.size() == 6);
  for (size_t i = 0; i < lines.size(); ++i) CHECK(lines[i].line == static_cast<int>(i) + 1);
  CHECK(lines[0].status == ScanStatus::Ok);
  CHECK(lines[0].codes.at(0).text == andi);
  CHECK(lines[0].codes.at(0).record.label == "ANDI");
  CHECK(lines[1].status == ScanStatus::Blank);
  CHECK(lines[2].status == ScanStatus::NoCode);
  CHECK(lines[3].status == ScanStatus::Typo);
  CHECK(lines[3].message.find("typo") != std::string::npos);
  CHECK(lines[4].status == ScanStatus::Ok);
  CHECK(lines[5].status == ScanStatus::Duplicate);
  CHECK(lines[5].codes.at(0).duplicate_of_line == 1);
  CHECK(lines[5].message.find("line 1") != std::string::npos);
  const std::vector<ResultRecord> kept = kept_records(lines);
  REQUIRE(kept.size() == 2);
  CHECK(kept[0].label == "ANDI");
  CHECK(kept[1].label == "BUDI");
}

TEST_CASE("ordinary words, dates and phone numbers are not taken for codes") {
  const std::vector<ScanLine> lines =
      scan_codes("pertanggungjawaban self-help-group-based 2025-03-14 0812-3456-7890 well-to-do", kKnown);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].status == ScanStatus::NoCode);
}

TEST_CASE("a code with a chat app's dashes or with spaces between groups is found") {
  const std::string code = "498E1-P0XNV-PMG5W-0GCE";
  const std::vector<ScanLine> dashes =
      scan_codes("498E1\xE2\x80\x93P0XNV\xE2\x80\x93PMG5W\xE2\x80\x93" "0GCE", kKnown);  // en dashes
  CHECK(dashes.at(0).status == ScanStatus::Ok);
  CHECK(dashes[0].codes.at(0).text == code);
  const std::vector<ScanLine> spaces = scan_codes("code 498E1 P0XNV PMG5W 0GCE thanks", kKnown);
  CHECK(spaces.at(0).status == ScanStatus::Ok);
  CHECK(spaces[0].codes.at(0).text == code);
}

TEST_CASE("two codes on one line are both read and the line reports the problem one") {
  const std::string andi = encode_result(make_record("ANDI", TestKind::Pretest, 10, 1, {2025, 3, 14}));
  const std::string other = encode_result(make_record("ANDI", TestKind::Pretest, 10, 1, {2025, 3, 14}, "nowhere"));
  const std::vector<ScanLine> lines = scan_codes(andi + ", " + other, kKnown);
  REQUIRE(lines.at(0).codes.size() == 2);
  CHECK(lines[0].codes[0].status == ScanStatus::Ok);
  CHECK(lines[0].codes[1].status == ScanStatus::UnknownCourse);
  CHECK(lines[0].status == ScanStatus::UnknownCourse);
}

TEST_CASE("codes imported before are reported as duplicates of an earlier import") {
  const ResultRecord andi = make_record("ANDI", TestKind::Pretest, 10, 1, {2025, 3, 14});
  const std::vector<ScanLine> lines = scan_codes(encode_result(andi), kKnown, {andi});
  CHECK(lines.at(0).status == ScanStatus::Duplicate);
  CHECK(lines[0].codes.at(0).duplicate_of_line == 0);
  CHECK(lines[0].message.find("earlier import") != std::string::npos);
}

TEST_CASE("a second, different result for the same label and test is kept with a note") {
  const std::string first = encode_result(make_record("ANDI", TestKind::Pretest, 10, 1, {2025, 3, 14}));
  const std::string second = encode_result(make_record("ANDI", TestKind::Pretest, 10, 3, {2025, 3, 14}));
  const std::vector<ScanLine> lines = scan_codes(first + "\n" + second, kKnown);
  CHECK(lines.at(1).status == ScanStatus::Ok);
  CHECK(lines[1].codes.at(0).same_label_line == 1);
  CHECK(lines[1].message.find("line 1 has another pretest for ANDI") != std::string::npos);
}

TEST_CASE("a trailing line break does not add a line, a lone CR ends one") {
  CHECK(scan_codes("a\nb\n", kKnown).size() == 2);
  CHECK(scan_codes("a\rb", kKnown).size() == 2);
  CHECK(scan_codes("", kKnown).empty());
}

// [SECTION] Result files -----------------------------------------------------------------------------

TEST_CASE("a result file round-trips its record") {
  const ResultRecord record = make_record("SITI N", TestKind::Posttest, 10, 0b1100110011, {2025, 3, 15});
  const ResultFileOutcome parsed = parse_result_file(result_file_json(record));
  REQUIRE(parsed.ok());
  CHECK(parsed.record == record);
}

TEST_CASE("a result file whose code disagrees with its answers is refused") {
  const ResultRecord record = make_record("ANDI", TestKind::Pretest, 10, 0b1, {2025, 3, 15});
  std::string json = result_file_json(record);
  const size_t right = json.find("\"1000000000\"");
  REQUIRE(right != std::string::npos);
  json.replace(right, 12, "\"1100000000\"");
  const ResultFileOutcome parsed = parse_result_file(json);
  CHECK_FALSE(parsed.ok());
  CHECK(parsed.error.find("does not match") != std::string::npos);
}

TEST_CASE("malformed result files are refused in plain words") {
  CHECK(parse_result_file("not json").error.find("not a Siaga result file") != std::string::npos);
  CHECK(parse_result_file(R"({"format":"other"})").error.find("siaga-result") != std::string::npos);
  CHECK(parse_result_file(R"({"format":"siaga-result","version":2})").error.find("newer version") !=
        std::string::npos);
  CHECK(parse_result_file(R"({"format":"siaga-result","version":1,"course":"micic","test":"pretest",)"
                          R"("questions":3,"right":"10","date":"2025-03-14","label":"A"})")
            .error.find("one 1 (right) or 0 (wrong) per question") != std::string::npos);
  CHECK(parse_result_file(R"({"format":"siaga-result","version":1,"course":"micic","test":"pretest",)"
                          R"("questions":"3"})")
            .error.find("\"questions\"") != std::string::npos);
  CHECK(parse_result_file(std::string(kMaxResultFileBytes + 1, ' ')).error.find("too large") != std::string::npos);
}
