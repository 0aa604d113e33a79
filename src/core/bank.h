// bank.h — a facilitator's question bank: a GIFT file (a Moodle export, say) opened in the browser,
// kept on the device as a versioned record, and read into a one-quiz course that the group quiz and
// the paper test already know how to show. The bank is kept as the text the facilitator opened, so
// a later, better parser reads more of it without the file being opened again.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/data_result.h"

namespace siaga {

struct QuestionBank {
  std::string name;      // the file's name, as the facilitator knows it
  std::string text;      // the GIFT text as opened
  int64_t added_at = 0;  // unix ms
  bool operator==(const QuestionBank&) const = default;
};

inline constexpr std::string_view kBankFormat = "siaga-question-bank";
inline constexpr int64_t kBankVersion = 1;
inline constexpr size_t kMaxBankBytes = 1024 * 1024;  // the page's file picker refuses bigger files
// The course id a bank's questions are shown under (route "#/group-quiz/question-bank/bank/questions").
// No course of the content uses it.
inline constexpr std::string_view kBankCourseId = "question-bank";
inline constexpr std::string_view kBankModuleId = "bank";
inline constexpr std::string_view kBankQuizId = "questions";

// Format, version, name, text, time and a checksum over them.
std::string bank_to_json(const QuestionBank& bank);
// NotJson, Foreign, NewerVersion, Damaged (checksum) or Invalid, with the reason in plain words.
DataResult<QuestionBank> parse_bank(std::string_view text);

// The bank offered to learners on this device as a practice quiz: which bank (its name and when it
// was opened, so an offer never carries over to another bank) and since when.
struct BankOffer {
  std::string bank_name;
  int64_t bank_added_at = 0;  // QuestionBank::added_at of the bank offered
  int64_t offered_at = 0;     // unix ms
  bool operator==(const BankOffer&) const = default;
  bool is_for(const QuestionBank& bank) const { return bank.name == bank_name && bank.added_at == bank_added_at; }
};

inline constexpr std::string_view kBankOfferFormat = "siaga-bank-offer";
inline constexpr int64_t kBankOfferVersion = 1;

// Format, version, the bank's name and time, when offered, and a checksum over them.
std::string bank_offer_to_json(const BankOffer& offer);
// NotJson, Foreign, NewerVersion, Damaged (checksum) or Invalid, with the reason in plain words.
DataResult<BankOffer> parse_bank_offer(std::string_view text);

// What opening a bank gives: its questions as one quiz of a one-module course, and every question
// the parser refused with its line:column and why (errors; warnings are counted).
struct BankImport {
  Course course;                   // id kBankCourseId; modules[0].quizzes[0] holds the questions
  std::vector<Diagnostic> refused;
  int warnings = 0;
  const Quiz& quiz() const { return course.modules.front().quizzes.front(); }
};
BankImport import_bank(const QuestionBank& bank);

}  // namespace siaga
