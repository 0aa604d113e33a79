// bank.cpp — the question bank's stored record and its import (see bank.h).
#include "core/bank.h"

#include "core/stored_json.h"

namespace siaga {

std::string bank_to_json(const QuestionBank& bank) {
  stored::Json json{{"format", kBankFormat}, {"version", kBankVersion}, {"name", bank.name},
                    {"text", bank.text}, {"added_at", bank.added_at}};
  stored::add_checksum(json);
  return stored::canonical_text(json);
}

DataResult<QuestionBank> parse_bank(std::string_view text) {
  const stored::Json json = stored::parse(text);
  if (json.is_discarded())
    return data_failure<QuestionBank>(DataError::NotJson, "the saved question bank is not readable (not JSON, or cut off)");
  const stored::EnvelopeCheck envelope = stored::check_envelope(
      json, {.format = kBankFormat,
             .version_key = "version",
             .current = kBankVersion,
             .not_ours = "the saved question bank is not a Siaga question bank",
             .newer = "the saved question bank was written by a newer version of Siaga",
             .bad_version = "the saved question bank has no valid version number"});
  if (!envelope.ok()) return data_failure<QuestionBank>(envelope.error, envelope.reason);
  if (!stored::checksum_matches(json))
    return data_failure<QuestionBank>(DataError::Damaged, "the saved question bank was changed or damaged after it was saved");
  stored::FieldReader r;
  QuestionBank bank;
  r.text(json, "name", "the saved question bank", bank.name, true, 1024);
  r.text(json, "text", "the saved question bank", bank.text, true, kMaxBankBytes);
  r.time(json, "added_at", "the saved question bank", bank.added_at);
  if (r.failed()) return data_failure<QuestionBank>(DataError::Invalid, r.problem());
  DataResult<QuestionBank> result;
  result.value = std::move(bank);
  return result;
}

std::string bank_offer_to_json(const BankOffer& offer) {
  stored::Json json{{"format", kBankOfferFormat}, {"version", kBankOfferVersion}, {"bank_name", offer.bank_name},
                    {"bank_added_at", offer.bank_added_at}, {"offered_at", offer.offered_at}};
  stored::add_checksum(json);
  return stored::canonical_text(json);
}

DataResult<BankOffer> parse_bank_offer(std::string_view text) {
  const stored::Json json = stored::parse(text);
  if (json.is_discarded())
    return data_failure<BankOffer>(DataError::NotJson, "the saved practice-quiz offer is not readable (not JSON, or cut off)");
  const stored::EnvelopeCheck envelope = stored::check_envelope(
      json, {.format = kBankOfferFormat,
             .version_key = "version",
             .current = kBankOfferVersion,
             .not_ours = "the saved practice-quiz offer is not a Siaga practice-quiz offer",
             .newer = "the saved practice-quiz offer was written by a newer version of Siaga",
             .bad_version = "the saved practice-quiz offer has no valid version number"});
  if (!envelope.ok()) return data_failure<BankOffer>(envelope.error, envelope.reason);
  if (!stored::checksum_matches(json))
    return data_failure<BankOffer>(DataError::Damaged, "the saved practice-quiz offer was changed or damaged after it was saved");
  stored::FieldReader r;
  BankOffer offer;
  r.text(json, "bank_name", "the saved practice-quiz offer", offer.bank_name, true, 1024);
  r.time(json, "bank_added_at", "the saved practice-quiz offer", offer.bank_added_at);
  r.time(json, "offered_at", "the saved practice-quiz offer", offer.offered_at);
  if (r.failed()) return data_failure<BankOffer>(DataError::Invalid, r.problem());
  DataResult<BankOffer> result;
  result.value = std::move(offer);
  return result;
}

BankImport import_bank(const QuestionBank& bank) {
  BankImport out;
  Parsed<std::vector<Question>> parsed = parse_gift(bank.text, bank.name, 1);
  for (Diagnostic& d : parsed.diagnostics) {
    if (d.severity == Severity::Error) out.refused.push_back(std::move(d));
    else ++out.warnings;
  }
  Quiz quiz;
  quiz.id = std::string(kBankQuizId);
  quiz.graded = false;
  quiz.questions = std::move(parsed.value);
  Module module;
  module.id = std::string(kBankModuleId);
  module.title = bank.name;
  module.path = bank.name;
  module.quizzes.push_back(std::move(quiz));
  out.course.id = std::string(kBankCourseId);
  out.course.title = bank.name;
  out.course.path = bank.name;
  out.course.modules.push_back(std::move(module));
  return out;
}

}  // namespace siaga
