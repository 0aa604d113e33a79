// printable.h — self-contained HTML pages to print (or keep as a file): the paper pretest/posttest,
// its answer key, and a learner's certificate. Pure functions: content and interface text in, HTML out,
// every piece of content and every typed name escaped.
//
// Why it looks like this:
// - The page is printed from a hidden frame of the portal, which inherits the portal's Content
//   Security Policy (web/index.html: style-src 'self'). The one stylesheet all printables share is the
//   constant kPrintStyle, allowed there by its SHA-256 hash, so no other inline style can run; the
//   pages use classes only (style="" attributes would need 'unsafe-inline'). tests/core/
//   test_printable.cpp checks that index.html carries the hash of this exact text.
// - Letters on the paper test come from paper_option_order (paper.h), so the sheet, the key and the
//   facilitator's answer grid agree.
//
// [SECTION] Escaping
// [SECTION] Paper test and answer key
// [SECTION] Certificate
#pragma once

#include <string>
#include <string_view>

#include "core/certificate.h"
#include "core/content.h"
#include "core/i18n.h"
#include "core/result_code.h"

namespace siaga {

// [SECTION] Escaping -------------------------------------------------------------------------------------

// & < > " ' as entities.
std::string escape_html(std::string_view text);
// Inline Markdown (quiz text) as HTML: **bold**, *italic*, `code`; links print as their text.
std::string inline_html(std::string_view markdown);

// The stylesheet every printable carries in one <style> element, and its CSP source expression
// ("'sha256-<base64>'") as web/index.html must list it under style-src.
extern const std::string_view kPrintStyle;
std::string print_style_csp_source();
std::string base64(std::string_view bytes);

// [SECTION] Paper test and answer key ----------------------------------------------------------------------

// The test as a participant receives it: course and test name, a name/label line and a date line,
// instructions, then every question numbered, options lettered with a box to mark (true/false: two
// boxes; matching: a line per item and the lettered answers; number or word: a line to write on).
// `language` is the page's lang attribute.
std::string paper_test_html(const Course& course, const Quiz& quiz, TestKind kind, const UiText& text,
                            std::string_view language);

// The facilitator's answer key: per question the right answer as printed ("B", "A, C", "True",
// "1 → C, 2 → A", "1989", "40–45") and what to type in the answer grid.
std::string answer_key_html(const Course& course, const Quiz& quiz, TestKind kind, const UiText& text,
                            std::string_view language);

// [SECTION] Certificate ------------------------------------------------------------------------------------

// A one-page certificate: name, course title, completion date (ISO, as the certificate check asks for
// it), score and reference code, and a sentence saying honestly what the reference code can and cannot
// show.
std::string certificate_html(const LearnerCertificate& certificate, std::string_view course_title,
                             const UiText& text, std::string_view language);

}  // namespace siaga
