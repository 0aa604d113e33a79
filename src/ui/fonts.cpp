#include "ui/fonts.h"

#include "imgui.h"

namespace siaga::ui {

const unsigned short* glyph_ranges() {
  static const ImWchar ranges[] = {
      0x0020, 0x007E,  // Basic Latin
      0x00A0, 0x017F,  // Latin-1 Supplement, Latin Extended-A
      0x2010, 0x2027,  // dashes, quotes, bullet, ellipsis
      0x2030, 0x203A,  // per mille, angle quotes
      0x20AC, 0x20AC,  // euro
      0x2122, 0x2122,  // trade mark
      0x2190, 0x2193,  // arrows
      0,
  };
  return ranges;
}

namespace {
ImFont* add_face(std::string& ttf, float size, float pixel_ratio, std::string* arabic, std::string* latin_extended) {
  if (ttf.empty()) return nullptr;
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;
  config.RasterizerDensity = pixel_ratio;
  // Twice as wide horizontally places glyphs between pixels on a screen of density 1. On a phone's
  // denser screen a glyph's pixels are already that small: oversampling there would double the atlas
  // (1024x4096 RGBA at density 3 instead of 1024x2048) for no visible gain.
  config.OversampleH = pixel_ratio >= 1.5f ? 1 : 2;
  config.OversampleV = 1;
  ImFont* font = ImGui::GetIO().Fonts->AddFontFromMemoryTTF(ttf.data(), static_cast<int>(ttf.size()), size, &config,
                                                            glyph_ranges());
  if (font && latin_extended && !latin_extended->empty()) {
    // Only the letters the face lacks are taken from it (ImGui keeps the first glyph of a code).
    static const ImWchar latin_extended_a[] = {0x0100, 0x017F, 0};
    ImFontConfig merge = config;
    merge.MergeMode = true;
    ImGui::GetIO().Fonts->AddFontFromMemoryTTF(latin_extended->data(), static_cast<int>(latin_extended->size()), size,
                                               &merge, latin_extended_a);
  }
  if (font && arabic && !arabic->empty()) {
    // Shaped Arabic-script glyphs by id: U+E000 + glyph id (codes the face's cmap lacks are skipped).
    static const ImWchar pua[] = {0xE000, 0xE3FF, 0};
    ImFontConfig merge = config;
    merge.MergeMode = true;
    ImGui::GetIO().Fonts->AddFontFromMemoryTTF(arabic->data(), static_cast<int>(arabic->size()), size, &merge, pua);
  }
  return font;
}
}  // namespace

namespace {
Fonts add_faces(FontFiles& files, float body, float pixel_ratio) {
  Fonts fonts;
  std::string* arabic = files.arabic_regular.empty() ? &files.language_names : &files.arabic_regular;
  std::string* arabic_bold = files.arabic_bold.empty() ? arabic : &files.arabic_bold;
  std::string* latin = &files.latin_extended;
  fonts.body = add_face(files.regular, body, pixel_ratio, arabic, latin);
  fonts.bold = add_face(files.bold, body, pixel_ratio, arabic_bold, latin);
  fonts.italic = add_face(files.italic, body, pixel_ratio, arabic, latin);
  fonts.h1 = add_face(files.bold, body * 1.65f, pixel_ratio, arabic_bold, latin);
  fonts.h2 = add_face(files.bold, body * 1.35f, pixel_ratio, arabic_bold, latin);
  fonts.h3 = add_face(files.bold, body * 1.12f, pixel_ratio, arabic_bold, latin);
  fonts.small = add_face(files.regular, body * 0.88f, pixel_ratio, arabic, latin);
  if (!fonts.bold) fonts.bold = fonts.body;
  if (!fonts.italic) fonts.italic = fonts.body;
  return fonts;
}
}  // namespace

Fonts build_fonts(FontFiles& files, float text_scale, float pixel_ratio, Fonts* projector) {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
  const float body = 17.0f * text_scale;
  Fonts fonts = add_faces(files, body, pixel_ratio);
  if (projector) *projector = fonts.body ? add_faces(files, body * 1.75f, pixel_ratio) : Fonts{};
  atlas->Build();
  return fonts;
}

}  // namespace siaga::ui
