// result_code.cpp — result codes: labels, records, encoding and decoding. The format is described
// in result_code.h.
#include "core/result_code.h"

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "core/text_util.h"

namespace siaga {

// [SECTION] Labels ----------------------------------------------------------------------------------

namespace {

// Base letters of U+00C0..U+00DF (and, lower-cased, U+00E0..U+00FF); '\0' = no single-letter fold.
constexpr std::string_view kLatin1Fold("AAAAAA\0CEEEEIIIIDNOOOOO\0OUUUUY\0\0", 32);

// Appends the folded form of the UTF-8 character at s[i] and returns its byte length.
size_t fold_char(std::string_view s, size_t i, std::string& out) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    out += text::is_space(s[i]) ? ' ' : (s[i] >= 'a' && s[i] <= 'z' ? static_cast<char>(s[i] - 'a' + 'A') : s[i]);
    return 1;
  }
  const std::string_view whole = codes::utf8_char_at(s, i);
  if (whole.size() == 2) {
    const unsigned cp = ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(whole[1]) & 0x3Fu);
    if (cp == 0xA0) {  // no-break space
      out += ' ';
      return 2;
    }
    if (cp >= 0x300 && cp <= 0x36F) return 2;  // combining accent: dropped
    if (cp == 0xC6 || cp == 0xE6) {
      out += "AE";
      return 2;
    }
    if (cp == 0xDF) {
      out += "SS";
      return 2;
    }
    if (cp == 0xFF) {
      out += 'Y';
      return 2;
    }
    if (cp >= 0xC0 && cp <= 0xFF && kLatin1Fold[cp & 0x1Fu] != '\0') {
      out += kLatin1Fold[cp & 0x1Fu];
      return 2;
    }
  }
  out += whole;
  return whole.size();
}

}  // namespace

std::string fold_for_matching(std::string_view text) {
  std::string folded;
  for (size_t i = 0; i < text.size();) i += fold_char(text, i, folded);
  std::string out;
  for (const char c : folded) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

LabelOutcome normalize_label(std::string_view raw) {
  LabelOutcome out;
  const std::string folded = fold_for_matching(raw);
  for (size_t i = 0; i < folded.size(); ++i) {
    if (kLabelAlphabet.find(folded[i]) == std::string_view::npos) {
      out.error = "'" + std::string(codes::utf8_char_at(folded, i)) +
                  "' cannot be used in a label: use letters A-Z, digits and spaces.";
      return out;
    }
  }
  if (folded.empty()) {
    out.error = "A label needs at least one letter or digit.";
  } else if (folded.size() > static_cast<size_t>(kMaxLabelLength)) {
    out.error = "A label has at most " + std::to_string(kMaxLabelLength) + " characters; '" + folded + "' has " +
                std::to_string(folded.size()) + ".";
  } else {
    out.label = folded;
  }
  return out;
}

// [SECTION] Result records --------------------------------------------------------------------------

const char* test_kind_name(TestKind kind) { return kind == TestKind::Pretest ? "pretest" : "posttest"; }

bool ResultRecord::answered_right(int question) const {
  return question >= 0 && question < question_count && question < 64 && ((right_mask >> question) & 1u) != 0;
}

int ResultRecord::right_count() const {
  int count = 0;
  for (int i = 0; i < question_count && i < 64; ++i) count += answered_right(i) ? 1 : 0;
  return count;
}

std::string record_problem(const ResultRecord& record) {
  if (record.question_count < 1 || record.question_count > kMaxQuestions)
    return "A test needs 1 to " + std::to_string(kMaxQuestions) + " questions; this one has " +
           std::to_string(record.question_count) + ".";
  if (record.question_count < 64 && (record.right_mask >> record.question_count) != 0)
    return "The answers mark more questions than the test has.";
  if (record.day < 0 || record.day > kMaxDayNumber)
    return "The date must be between " + format_day_number(0) + " and " + format_day_number(kMaxDayNumber) + ".";
  if (!record.course_id.empty() && !text::is_valid_id(record.course_id))
    return "The course id " + text::quote(record.course_id) + " is not valid: " + text::id_rule() + ".";
  if (const LabelOutcome label = normalize_label(record.label); !label.error.empty()) return label.error;
  return "";
}

std::vector<CourseTests> course_tests(const Language& language) {
  std::vector<CourseTests> out;
  for (const Course& course : language.courses) {
    CourseTests tests{course.id, 0, 0};
    for (const Module& module : course.modules) {
      if (!module.available) continue;
      for (const Quiz& quiz : module.quizzes) {
        const int count = static_cast<int>(quiz.questions.size());
        if (quiz.kind == QuizKind::Pretest && tests.pretest_questions == 0) tests.pretest_questions = count;
        if (quiz.kind == QuizKind::Posttest && tests.posttest_questions == 0) tests.posttest_questions = count;
      }
    }
    out.push_back(std::move(tests));
  }
  return out;
}

// [SECTION] Encoding and decoding -------------------------------------------------------------------

namespace {

constexpr int kHeaderBits = 3 + 1 + 6 + 4;  // format, test, questions - 1, label length
constexpr int kFixedBits = kHeaderBits + 16 + 16;
constexpr std::uint64_t kLabelRadix = 37;

// ceil(k * log2 37): the bits a k-character base-37 label needs.
constexpr std::array<int, kMaxLabelLength + 1> kLabelBits = [] {
  std::array<int, kMaxLabelLength + 1> bits{};
  std::uint64_t power = 1;
  for (int k = 0; k <= kMaxLabelLength; ++k) {
    int b = 0;
    while (b < 64 && (std::uint64_t{1} << b) < power) ++b;
    bits[static_cast<size_t>(k)] = b;
    power *= kLabelRadix;
  }
  return bits;
}();

constexpr int result_symbol_count(int question_count, int label_length) {
  const int data_bits = kFixedBits + question_count + kLabelBits[static_cast<size_t>(label_length)];
  return (data_bits + codes::kBitsPerSymbol - 1) / codes::kBitsPerSymbol + codes::kCheckSymbols;
}

constexpr int kMinResultSymbols = result_symbol_count(1, 1);  // 14

// The length a result v1 code should have according to its first 14 bits (all symbols, check
// included), or 0 when those bits do not describe a result v1 code.
int expected_symbols(const std::vector<std::uint8_t>& symbols) {
  if (symbols.size() * codes::kBitsPerSymbol < static_cast<size_t>(kHeaderBits)) return 0;
  codes::BitReader reader(symbols);
  if (reader.get(codes::kFormatBits) != static_cast<std::uint64_t>(codes::kFormatResultV1)) return 0;
  reader.get(1);
  const int questions = static_cast<int>(reader.get(6)) + 1;
  const int label_length = static_cast<int>(reader.get(4));
  if (label_length < 1 || label_length > kMaxLabelLength) return 0;
  return result_symbol_count(questions, label_length);
}

DecodeOutcome fail(CodeProblem problem, std::string message) {
  DecodeOutcome out;
  out.problem = problem;
  out.message = std::move(message);
  return out;
}

// The length comes from the code's first characters, so a typo there can also look like this.
std::string length_message(size_t actual, int expected) {
  return "The code has " + std::to_string(actual) + " characters where " + std::to_string(expected) +
         " were expected: probably a character " + (static_cast<int>(actual) < expected ? "missing" : "too many") +
         ", or a typo in the first few.";
}

}  // namespace

std::string encode_result(const ResultRecord& record) {
  if (!record_problem(record).empty()) return "";
  const std::string label = normalize_label(record.label).label;
  const int k = static_cast<int>(label.size());
  codes::BitWriter writer;
  writer.put(codes::kFormatResultV1, codes::kFormatBits);
  writer.put(record.kind == TestKind::Posttest ? 1 : 0, 1);
  writer.put(static_cast<std::uint64_t>(record.question_count - 1), 6);
  writer.put(static_cast<std::uint64_t>(k), 4);
  writer.put(record.course_id.empty() ? record.course_hash : course_hash(record.course_id), 16);
  writer.put(static_cast<std::uint64_t>(record.day), 16);
  for (int i = 0; i < record.question_count; ++i) writer.put(record.answered_right(i) ? 1 : 0, 1);
  std::uint64_t number = 0;
  for (const char c : label) number = number * kLabelRadix + kLabelAlphabet.find(c);
  writer.put(number, kLabelBits[static_cast<size_t>(k)]);
  return codes::finish_code(writer.symbols());
}

DecodeOutcome decode_result(std::string_view code) {
  const codes::Symbols symbols = codes::read_symbols(code, kMinResultSymbols);
  const size_t length = symbols.canonical.size();
  if (symbols.problem == codes::SymbolProblem::Empty) return fail(CodeProblem::Empty, codes::describe(symbols));
  if (symbols.problem == codes::SymbolProblem::BadCharacter)
    return fail(CodeProblem::BadCharacter, codes::describe(symbols));
  if (symbols.problem != codes::SymbolProblem::None) {
    // The header usually survives a dropped or doubled character further on: say which it is.
    std::vector<std::uint8_t> all;
    for (const char c : symbols.canonical) all.push_back(static_cast<std::uint8_t>(codes::symbol_value(c)));
    const int expected = expected_symbols(all);
    const int off_by = expected - static_cast<int>(length);
    DecodeOutcome out = expected != 0 && off_by != 0 && off_by >= -2 && off_by <= 2
                            ? fail(CodeProblem::WrongLength, length_message(length, expected))
                        : symbols.problem == codes::SymbolProblem::TooShort
                            ? fail(CodeProblem::WrongLength, codes::describe(symbols))
                            : fail(CodeProblem::ChecksumMismatch, codes::describe(symbols));
    out.canonical = symbols.canonical;
    return out;
  }

  DecodeOutcome out;
  out.canonical = symbols.canonical;
  codes::BitReader reader(symbols.data);
  const auto format = static_cast<int>(reader.get(codes::kFormatBits));
  if (format == codes::kFormatCertificateV1) {
    out.problem = CodeProblem::NotAResultCode;
    out.message = "This is a certificate reference, not a test result code: check it under certificates.";
    return out;
  }
  if (format != codes::kFormatResultV1) {
    out.problem = CodeProblem::UnknownVersion;
    out.message = "This code was made by a newer version of Siaga (format " + std::to_string(format) +
                  "). Reload the portal to update it, then try again.";
    return out;
  }
  ResultRecord& record = out.record;
  record.kind = reader.get(1) != 0 ? TestKind::Posttest : TestKind::Pretest;
  record.question_count = static_cast<int>(reader.get(6)) + 1;
  const int k = static_cast<int>(reader.get(4));
  if (k < 1 || k > kMaxLabelLength) {
    out.problem = CodeProblem::BadContent;
    out.message = "The code checks out but holds an impossible label length; it was not made by Siaga.";
    return out;
  }
  if (const int expected = result_symbol_count(record.question_count, k); expected != static_cast<int>(length)) {
    out.problem = CodeProblem::WrongLength;
    out.message = length_message(length, expected);
    return out;
  }
  record.course_hash = static_cast<std::uint16_t>(reader.get(16));
  record.day = static_cast<int>(reader.get(16));
  for (int i = 0; i < record.question_count; ++i)
    if (reader.get(1) != 0) record.right_mask |= std::uint64_t{1} << i;
  std::uint64_t number = reader.get(kLabelBits[static_cast<size_t>(k)]);
  std::string label(static_cast<size_t>(k), ' ');
  for (int i = k - 1; i >= 0; --i, number /= kLabelRadix) label[static_cast<size_t>(i)] = kLabelAlphabet[number % kLabelRadix];
  const bool padding_zero = reader.get(reader.total_bits() - reader.position()) == 0;
  if (number != 0 || !padding_zero || normalize_label(label).label != label) {
    out.problem = CodeProblem::BadContent;
    out.message = "The code checks out but its label or padding is impossible; it was not made by Siaga.";
    out.record = ResultRecord{};
    return out;
  }
  record.label = std::move(label);
  return out;
}

CodeProblem match_course(ResultRecord& record, const std::vector<CourseTests>& known, std::string& message) {
  const CourseTests* same_hash = nullptr;
  for (const CourseTests& course : known) {
    if (course_hash(course.course_id) != record.course_hash) continue;
    const int count = record.kind == TestKind::Pretest ? course.pretest_questions : course.posttest_questions;
    if (count == record.question_count) {
      record.course_id = course.course_id;
      message.clear();
      return CodeProblem::None;
    }
    if (same_hash == nullptr) same_hash = &course;
  }
  if (same_hash == nullptr) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string number;
    for (int shift = 12; shift >= 0; shift -= 4) number += kHex[(record.course_hash >> shift) & 0xF];
    message = "This code is for a course that is not in this portal (course number " + number + ").";
    return CodeProblem::UnknownCourse;
  }
  record.course_id = same_hash->course_id;
  const int count = record.kind == TestKind::Pretest ? same_hash->pretest_questions : same_hash->posttest_questions;
  const std::string kind = test_kind_name(record.kind);
  if (count == 0)
    message = "The course '" + same_hash->course_id + "' has no " + kind + " in this portal.";
  else
    message = "This " + kind + " code has " + std::to_string(record.question_count) + " questions but the " + kind +
              " of '" + same_hash->course_id + "' has " + std::to_string(count) +
              ": it was made with another version of the course.";
  return CodeProblem::QuestionCountMismatch;
}

DecodeOutcome decode_result(std::string_view code, const std::vector<CourseTests>& known) {
  DecodeOutcome out = decode_result(code);
  if (out.ok()) out.problem = match_course(out.record, known, out.message);
  return out;
}

std::uint16_t effective_hash(const ResultRecord& record) {
  return record.course_id.empty() ? record.course_hash : course_hash(record.course_id);
}

bool same_result(const ResultRecord& a, const ResultRecord& b) {
  return effective_hash(a) == effective_hash(b) && a.kind == b.kind && a.question_count == b.question_count &&
         a.right_mask == b.right_mask && a.day == b.day && a.label == b.label;
}

}  // namespace siaga
