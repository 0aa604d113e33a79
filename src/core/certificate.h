// certificate.h — certificate reference codes: a short code printed on a learner's certificate that
// ties name + course + completion date + score together, so a facilitator can type it in and see
// whether it matches what the certificate shows.
//
// HONESTLY A CONSISTENCY CHECK, NOT PROOF. Siaga is a static offline app: there is no server and no
// secret key that the page could keep from its users, so anyone with the portal (or this source) can
// make a matching code for any name. The code catches certificates edited by hand (another name,
// date or score typed over the original) and typos; it cannot show that a certificate was earned.
//
// Format (shares the base32 alphabet, grouping and CRC-15 check of result codes, result_code.h):
//    3 bits  format = 2 (certificate reference v1)
//   16 bits  course hash (course_hash in result_code.h)
//   16 bits  completion date: days since 2020-01-01
//    7 bits  score percent 0..100
//   18 bits  name hash: FNV-1a of the normalised name (normalize_certificate_name), folded to 18 bits
//   15 bits  CRC-15 (3 symbols)
// = 75 bits = 15 characters, grouped 5-5-5: "8W3C1-VBNDZ-Q1EW8" is Siti Nurhaliza Ayuningtyas, micic,
// 2025-03-14, 85 %. Two different names share a name hash about once in 262,144 pairs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/progress.h"
#include "core/code_symbols.h"
#include "core/dates.h"

namespace siaga {

// Case-, accent- and whitespace-insensitive form of a name: fold_for_matching without any spaces.
// "Ni Luh  Putu Ékawati" and "NI LUH PUTU EKAWATI" give the same.
std::string normalize_certificate_name(std::string_view name);
// The 18-bit hash of the normalised name.
std::uint32_t certificate_name_hash(std::string_view name);

// "" when the inputs cannot make a code: an empty name, a course id that is not valid, a date outside
// 2020-01-01..2199-06-06 or a score outside 0..100.
std::string certificate_code(std::string_view name, std::string_view course_id, CivilDate completed,
                             int score_percent);

enum class CertificateCheck {
  Matches,
  NameDiffers,
  CourseDiffers,
  DateDiffers,
  ScoreDiffers,
  NotAValidCode,  // a typo, or not a certificate reference at all (e.g. a result code)
};

// Compares a typed code with what the certificate shows. When several things differ, the first of
// course, name, date, score is reported.
CertificateCheck verify_certificate(std::string_view code, std::string_view name, std::string_view course_id,
                                    CivilDate completed, int score_percent);

// A plain-words sentence for the facilitator.
std::string describe(CertificateCheck check);

// What a learner's certificate shows, and its reference code.
struct LearnerCertificate {
  std::string name;       // the learner's name as on their profile
  std::string course_id;
  CivilDate completed;    // the UTC date of the recorded completion
  int score_percent = 0;  // the course score: mean of the best scores of its graded quizzes (lms_status)
  std::string code;       // certificate_code of the above

  bool operator==(const LearnerCertificate&) const = default;
};

// The certificate a learner has earned: nullopt unless the course offers one (course.certificate), its
// completion is recorded (update_completion) and a code can be made (a non-empty name).
std::optional<LearnerCertificate> learner_certificate(const Course& course, const LearnerProgress& progress,
                                                      std::string_view name);

}  // namespace siaga
