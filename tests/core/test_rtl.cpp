// The right-to-left shaper (src/rtl/shaper.cpp) with the face the page ships: bidi order of mixed
// Persian/Arabic/Latin/number lines, joining and ligatures against HarfBuzz's own shaping, ZWNJ,
// digits, wrapping in reading order, and every line of the Dari and Arabic content drawn without tofu.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <hb.h>

#include "core/i18n.h"
#include "core/progress.h"
#include "core/quiz.h"
#include "core/text_util.h"
#include "rtl/shaper.h"

using siaga::rtl::DigitStyle;
using siaga::rtl::kGlyphBase;
using siaga::rtl::Options;
using siaga::rtl::Shaper;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

const std::string& face_bytes() {
  static const std::string bytes = read_file(std::string(SIAGA_ARABIC_FONT_DIR) + "/NotoSansArabicUI-Regular.ttf");
  return bytes;
}

Shaper& shaper() {
  static Shaper instance;
  if (!instance.loaded()) REQUIRE(instance.load_font(face_bytes()));
  return instance;
}

std::string shape(std::string_view text, bool rtl = true, DigitStyle digits = DigitStyle::Western) {
  Options options;
  options.right_to_left = rtl;
  options.digits = digits;
  return shaper().shape_line(text, options);
}

// Glyph ids of a visual string's private-use codepoints; other characters as -codepoint.
std::vector<long> codes(std::string_view visual) {
  std::vector<long> out;
  for (char32_t c : siaga::rtl::decode_utf8(visual))
    out.push_back(c >= kGlyphBase && c < 0xF900 ? static_cast<long>(c - kGlyphBase) : -static_cast<long>(c));
  return out;
}

// HarfBuzz's own answer for one word: the same face, HarfBuzz guessing direction and script itself.
std::vector<long> harfbuzz_reference(std::string_view word, const char* language = "fa") {
  hb_blob_t* blob = hb_blob_create(face_bytes().data(), static_cast<unsigned>(face_bytes().size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, 0);
  hb_font_t* font = hb_font_create(face);
  hb_buffer_t* buffer = hb_buffer_create();
  hb_buffer_add_utf8(buffer, word.data(), static_cast<int>(word.size()), 0, static_cast<int>(word.size()));
  hb_buffer_guess_segment_properties(buffer);
  hb_buffer_set_flags(buffer, HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES);  // ZWNJ steers, is not drawn
  hb_buffer_set_language(buffer, hb_language_from_string(language, -1));
  hb_shape(font, buffer, nullptr, 0);
  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
  std::vector<long> out;
  for (unsigned i = 0; i < count; ++i) out.push_back(static_cast<long>(info[i].codepoint));
  hb_buffer_destroy(buffer);
  hb_font_destroy(font);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return out;
}

}  // namespace

TEST_CASE("the shipped Arabic face loads and has the private-use range the atlas adds") {
  CHECK(shaper().glyph_count() > 250);
  CHECK(shaper().glyph_count() < 0x1000);
}

TEST_CASE("words are shaped exactly as HarfBuzz shapes them, in drawing order") {
  for (const char* word : {"سلام", "دنیا", "پښتو", "ببب", "گزارش", "کودک", "ژاله", "چیست", "لا", "العربية", "مساعدة"}) {
    CAPTURE(word);
    const std::vector<long> ours = codes(shape(word));
    CHECK(ours == harfbuzz_reference(word));
    for (long glyph : ours) CHECK(glyph > 0);  // no .notdef (tofu)
  }
}

TEST_CASE("joining: lam-alef is one ligature, a letter takes its initial, medial and final forms") {
  CHECK(codes(shape("سلام")).size() == 3);  // س ل ا م: lam + alef become one glyph
  CHECK(codes(shape("لا")).size() == 1);
  const std::vector<long> beh = codes(shape("ببب"));
  REQUIRE(beh.size() == 3);
  CHECK(beh[0] != beh[1]);  // drawn left to right: final, medial, initial
  CHECK(beh[1] != beh[2]);
  CHECK(beh[0] != beh[2]);
  CHECK(codes(shape("ب")) != std::vector<long>{beh[0]});  // the isolated form is yet another
}

TEST_CASE("ZWNJ in Persian keeps the letters apart and is not drawn itself") {
  const std::vector<long> with_zwnj = codes(shape("می\u200Cخواهم"));
  const std::vector<long> joined = codes(shape("میخواهم"));
  CHECK(with_zwnj.size() == joined.size());  // the ZWNJ leaves no glyph
  CHECK(with_zwnj != joined);                 // but the ی before it is final, not medial
  CHECK(with_zwnj == harfbuzz_reference("می\u200Cخواهم"));
}

TEST_CASE("mixed lines come out in visual order") {
  const std::string salam = shape("سلام");
  const std::string donya = shape("دنیا");
  SUBCASE("a number after Persian words stays left of them, its digits left to right") {
    CHECK(shape("سلام دنیا 123") == "123 " + donya + " " + salam);
  }
  SUBCASE("Persian digits stay in reading order inside a right-to-left sentence") {
    const std::string dars = shape("درس"), az = shape("از");
    CHECK(shape("درس ۱۲ از ۲۰") == shape("۲۰") + " " + az + " " + shape("۱۲") + " " + dars);
    const std::vector<long> twelve = codes(shape("۱۲"));
    REQUIRE(twelve.size() == 2);
    CHECK(twelve == std::vector<long>{codes(shape("۱"))[0], codes(shape("۲"))[0]});
  }
  SUBCASE("Latin words keep their order; brackets around them are mirrored into place") {
    CHECK(shape("Test سلام (ok)") == "(ok) " + salam + " Test");
  }
  SUBCASE("names like IOM and UNHCR inside a Dari sentence") {
    // read from the right: سلام, IOM, و, UNHCR
    CHECK(shape("سلام IOM و UNHCR") == "UNHCR " + shape("و") + " IOM " + salam);
  }
  SUBCASE("a left-to-right paragraph with a Persian phrase in it") {
    CHECK(shape("IOM سلام دنیا", false) == "IOM " + donya + " " + salam);
  }
  SUBCASE("a question mark at the end of an Arabic sentence goes to its left") {
    CHECK(shape("سلام؟") == shape("؟") + salam);  // ؟ is drawn by the Arabic face
    CHECK(shape("سلام?") == "?" + salam);
  }
  SUBCASE("bidi marks steer the order and are not drawn") {
    CHECK(shape("\u200Fسلام") == salam);
    CHECK(shape("\u200E123") == "123");
  }
}

TEST_CASE("digits are shown in the language's own numerals") {
  CHECK(siaga::rtl::localize_digits("درس 12 از 20", DigitStyle::Persian) == "درس ۱۲ از ۲۰");
  CHECK(siaga::rtl::localize_digits("12", DigitStyle::ArabicIndic) == "١٢");
  CHECK(siaga::rtl::localize_digits("12", DigitStyle::Western) == "12");
  // A word with Latin letters keeps its digits: a certificate reference must read as it is checked.
  CHECK(siaga::rtl::localize_digits("کد BXE02-6RPQC-0JRXS است 90%", DigitStyle::Persian) == "کد BXE02-6RPQC-0JRXS است ۹۰%");
  CHECK(siaga::rtl::localize_digits("COVID-19 در 2020", DigitStyle::ArabicIndic) == "COVID-19 در ٢٠٢٠");
  // ... and is drawn as one left-to-right run inside the right-to-left sentence.
  CHECK(shape("الرمز المرجعي BXE02-6RPQC-0JRXS.", true, DigitStyle::ArabicIndic).find("BXE02-6RPQC-0JRXS") != std::string::npos);
  CHECK(shape("درس 12", true, DigitStyle::Persian) == shape("درس ۱۲"));
}

TEST_CASE("numbers typed in Persian or Arabic-Indic digits read as the same number") {
  CHECK(siaga::text::western_digits("۱۲") == "12");
  CHECK(siaga::text::western_digits("١٢") == "12");
  CHECK(siaga::text::western_digits("12") == "12");
  CHECK(siaga::text::western_digits("۳٫۵") == "3.5");
  CHECK(siaga::text::western_digits("PIN ۰۹۸۷") == "PIN 0987");
  CHECK(siaga::parse_learner_number("۱۲") == 12.0);
  CHECK(siaga::parse_learner_number("١٢") == 12.0);
  CHECK(siaga::parse_learner_number("۳٫۵") == 3.5);
  const std::string salt(siaga::kPinSaltMinBytes, 'x');
  const auto pin = siaga::make_pin_hash("۱۲۳۴", salt);
  REQUIRE(pin);
  CHECK(siaga::verify_pin(*pin, "1234"));
  CHECK(siaga::verify_pin(*pin, "١٢٣٤"));
  CHECK_FALSE(siaga::verify_pin(*pin, "۱۲۳۵"));
}

TEST_CASE("wrapping breaks in reading order at spaces, then each line is shaped on its own") {
  const auto width = [](std::string_view s, void* = nullptr) { return static_cast<float>(siaga::rtl::decode_utf8(s).size()); };
  const auto wrap = [&](std::string_view t, float w) { return siaga::rtl::wrap_logical(t, w, +[](std::string_view s, void*) { return static_cast<float>(siaga::rtl::decode_utf8(s).size()); }, nullptr); };
  const std::string_view text = "این یک جمله طولانی است";
  const auto lines = wrap(text, 10);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "این یک");  // the sentence's start is on the first line
  CHECK(lines[1] == "جمله");
  CHECK(lines[2] == "طولانی است");
  for (const auto line : lines) CHECK(width(line) <= 10);
  SUBCASE("a word longer than the line stays whole") {
    const auto long_lines = wrap("کوتاه بسیاربسیارطولانی کوتاه", 6);
    REQUIRE(long_lines.size() == 3);
    CHECK(long_lines[1] == "بسیاربسیارطولانی");
  }
  SUBCASE("a newline always breaks, an empty paragraph stays an empty line") {
    const auto parts = wrap("الف\n\nب", 100);
    REQUIRE(parts.size() == 3);
    CHECK(parts[1].empty());
  }
  SUBCASE("shaping each wrapped line keeps its words in right-to-left order") {
    CHECK(shape(lines[0]) == shape("یک") + " " + shape("این"));
  }
}

TEST_CASE("every line of the Dari and Arabic content is drawn with no missing glyph") {
  const std::filesystem::path content = SIAGA_CONTENT_DIR;
  int files = 0, lines_shaped = 0;
  for (const char* language : {"fa", "ar"}) {
    if (!std::filesystem::exists(content / language)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(content / language)) {
      if (!entry.is_regular_file()) continue;
      ++files;
      std::istringstream in(read_file(entry.path()));
      std::string line;
      while (std::getline(in, line)) {
        if (!siaga::rtl::has_arabic_script(line)) continue;
        ++lines_shaped;
        for (long code : codes(shape(line))) {
          if (code == 0) FAIL_CHECK(entry.path().string() << ": .notdef in: " << line);
        }
      }
    }
  }
  if (files) CHECK(lines_shaped > 100);
}

TEST_CASE("languages.json carries each Arabic-script language's name shaped for the menu's small face") {
  // siaga-pack shapes the names with this shaper; the page reads them back before the shaper module
  // is there. Latin-script languages carry none (their names are drawn as written).
  siaga::Catalog catalog;
  for (const char* tag : {"en", "fa", "ar", "so"}) catalog.languages.push_back(siaga::Language{.tag = tag});
  std::map<std::string, std::string> glyphs;
  for (const char* tag : {"fa", "ar"}) {
    Options options;
    options.language = tag;
    glyphs[tag] = shaper().shape_line(siaga::language_autonym(tag), options);
  }
  const std::vector<siaga::ShippedLanguage> read = siaga::parse_shipped_languages(siaga::shipped_languages_json(catalog, glyphs));
  REQUIRE(read.size() == 4);
  for (const auto& language : read) {
    CAPTURE(language.tag);
    if (language.tag == "fa" || language.tag == "ar") {
      CHECK(language.name_glyphs == glyphs[language.tag]);
      // Joined glyphs from the face, in drawing order: the first glyph drawn is the name's last letter.
      const std::vector<long> drawn = codes(language.name_glyphs);
      CHECK(drawn.front() >= 0);
      const std::string_view name = siaga::language_autonym(language.tag);
      const std::string last_word(name.substr(name.rfind(' ') == std::string_view::npos ? 0 : name.rfind(' ') + 1));
      const std::vector<long> reference = harfbuzz_reference(last_word, language.tag.c_str());
      CHECK(std::vector<long>(drawn.begin(), drawn.begin() + static_cast<long>(reference.size())) == reference);
    } else {
      CHECK(language.name_glyphs.empty());
    }
  }
}
