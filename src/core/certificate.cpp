// certificate.cpp — certificate reference codes (format and limits in certificate.h).
#include "core/certificate.h"

#include <algorithm>

#include "core/lms.h"
#include "core/result_code.h"  // fold_for_matching: names are compared as labels are
#include "core/text_util.h"

namespace siaga {

namespace {

constexpr int kNameHashBits = 18;
constexpr int kScoreBits = 7;
constexpr int kCertificateSymbols = (codes::kFormatBits + 16 + 16 + kScoreBits + kNameHashBits) /
                                        codes::kBitsPerSymbol + codes::kCheckSymbols;  // 15

struct CertificateFields {
  std::uint16_t course = 0;
  int day = 0;
  int score = 0;
  std::uint32_t name = 0;
};

}  // namespace

std::string normalize_certificate_name(std::string_view name) {
  std::string out;
  for (const char c : fold_for_matching(name))
    if (c != ' ') out += c;
  return out;
}

std::uint32_t certificate_name_hash(std::string_view name) {
  const std::uint32_t h = codes::fnv1a32(normalize_certificate_name(name));
  return (h ^ (h >> kNameHashBits)) & ((1u << kNameHashBits) - 1);
}

std::string certificate_code(std::string_view name, std::string_view course_id, CivilDate completed,
                             int score_percent) {
  if (normalize_certificate_name(name).empty() || !text::is_valid_id(course_id) || !is_valid_date(completed) ||
      score_percent < 0 || score_percent > 100)
    return "";
  const int day = day_number(completed);
  if (day < 0 || day > kMaxDayNumber) return "";
  codes::BitWriter writer;
  writer.put(codes::kFormatCertificateV1, codes::kFormatBits);
  writer.put(course_hash(course_id), 16);
  writer.put(static_cast<std::uint64_t>(day), 16);
  writer.put(static_cast<std::uint64_t>(score_percent), kScoreBits);
  writer.put(certificate_name_hash(name), kNameHashBits);
  return codes::finish_code(writer.symbols());
}

CertificateCheck verify_certificate(std::string_view code, std::string_view name, std::string_view course_id,
                                    CivilDate completed, int score_percent) {
  const codes::Symbols symbols = codes::read_symbols(code, kCertificateSymbols);
  if (symbols.problem != codes::SymbolProblem::None ||
      static_cast<int>(symbols.canonical.size()) != kCertificateSymbols)
    return CertificateCheck::NotAValidCode;
  codes::BitReader reader(symbols.data);
  if (reader.get(codes::kFormatBits) != static_cast<std::uint64_t>(codes::kFormatCertificateV1))
    return CertificateCheck::NotAValidCode;
  CertificateFields stored;
  stored.course = static_cast<std::uint16_t>(reader.get(16));
  stored.day = static_cast<int>(reader.get(16));
  stored.score = static_cast<int>(reader.get(kScoreBits));
  stored.name = static_cast<std::uint32_t>(reader.get(kNameHashBits));
  if (stored.score > 100) return CertificateCheck::NotAValidCode;

  if (stored.course != course_hash(course_id)) return CertificateCheck::CourseDiffers;
  if (stored.name != certificate_name_hash(name) || normalize_certificate_name(name).empty())
    return CertificateCheck::NameDiffers;
  if (!is_valid_date(completed) || stored.day != day_number(completed)) return CertificateCheck::DateDiffers;
  if (stored.score != score_percent) return CertificateCheck::ScoreDiffers;
  return CertificateCheck::Matches;
}

std::string describe(CertificateCheck check) {
  switch (check) {
    case CertificateCheck::Matches:
      return "The reference matches this name, course, date and score. (This shows the certificate was not "
             "edited by hand; it cannot prove the course was taken.)";
    case CertificateCheck::NameDiffers:
      return "The reference was made for a different name.";
    case CertificateCheck::CourseDiffers:
      return "The reference was made for a different course.";
    case CertificateCheck::DateDiffers:
      return "The reference was made for a different completion date.";
    case CertificateCheck::ScoreDiffers:
      return "The reference was made for a different score.";
    case CertificateCheck::NotAValidCode:
      return "This is not a valid certificate reference: probably a typo. Compare it character by character "
             "with the certificate.";
  }
  return "";
}

std::optional<LearnerCertificate> learner_certificate(const Course& course, const LearnerProgress& progress,
                                                      std::string_view name) {
  if (!course.certificate) return std::nullopt;
  const auto found = progress.courses.find(course.id);
  if (found == progress.courses.end() || found->second.completed_at <= 0) return std::nullopt;
  constexpr int64_t kDayMs = 86'400'000;
  constexpr int kDaysFrom1970To2020 = 18262;
  const int day = static_cast<int>(found->second.completed_at / kDayMs) - kDaysFrom1970To2020;
  if (day < 0 || day > kMaxDayNumber) return std::nullopt;
  LearnerCertificate out;
  out.name = std::string(text::trim(name));
  out.course_id = course.id;
  out.completed = date_from_day_number(day);
  out.score_percent = std::max(0, lms_status(course, progress).score_raw);
  out.code = certificate_code(out.name, course.id, out.completed, out.score_percent);
  if (out.code.empty()) return std::nullopt;
  return out;
}

}  // namespace siaga
