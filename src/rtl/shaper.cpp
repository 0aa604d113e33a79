#include "rtl/shaper.h"

#include <algorithm>

#include <fribidi.h>
#include <hb.h>

namespace siaga::rtl {

namespace {
// Bidi controls and other invisible marks: they steer the bidi algorithm, then are not drawn (the
// Latin face has no glyph for them).
bool is_invisible_control(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0xFEFF || c == 0x061C;
}

struct Item {
  size_t start = 0, length = 0;
  FriBidiLevel level = 0;
  bool arabic = false;
};
}  // namespace

struct Shaper::Impl {
  std::string data;
  hb_blob_t* blob = nullptr;
  hb_face_t* face = nullptr;
  hb_font_t* font = nullptr;
  hb_buffer_t* buffer = nullptr;
  ~Impl() {
    if (buffer) hb_buffer_destroy(buffer);
    if (font) hb_font_destroy(font);
    if (face) hb_face_destroy(face);
    if (blob) hb_blob_destroy(blob);
  }
};

Shaper::Shaper() : impl_(std::make_unique<Impl>()) {}
Shaper::~Shaper() = default;

bool Shaper::load_font(std::string_view ttf) {
  impl_ = std::make_unique<Impl>();
  impl_->data.assign(ttf);
  impl_->blob = hb_blob_create(impl_->data.data(), static_cast<unsigned>(impl_->data.size()),
                               HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  impl_->face = hb_face_create(impl_->blob, 0);
  if (hb_face_get_glyph_count(impl_->face) == 0) {
    impl_ = std::make_unique<Impl>();
    return false;
  }
  impl_->font = hb_font_create(impl_->face);
  impl_->buffer = hb_buffer_create();
  return true;
}

bool Shaper::loaded() const { return impl_->font != nullptr; }

unsigned Shaper::glyph_count() const { return impl_->face ? hb_face_get_glyph_count(impl_->face) : 0; }

std::string Shaper::shape_line(std::string_view logical, const Options& options) const {
  const std::u32string text = decode_utf8(localize_digits(logical, options.digits));
  const auto n = static_cast<FriBidiStrIndex>(text.size());
  std::string out;
  if (n == 0) return out;
  const auto* chars = reinterpret_cast<const FriBidiChar*>(text.data());
  std::vector<FriBidiCharType> types(text.size());
  std::vector<FriBidiBracketType> brackets(text.size());
  std::vector<FriBidiLevel> levels(text.size());
  fribidi_get_bidi_types(chars, n, types.data());
  fribidi_get_bracket_types(chars, n, types.data(), brackets.data());
  FriBidiParType base = options.right_to_left ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
  const FriBidiLevel base_level = options.right_to_left ? 1 : 0;
  if (fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &base, levels.data()) == 0)
    std::fill(levels.begin(), levels.end(), base_level);
  // Rule L1: whitespace (and invisible controls) at the end of the line take the paragraph's level.
  for (size_t i = text.size(); i-- > 0;) {
    if (!FRIBIDI_IS_EXPLICIT_OR_BN_OR_WS(types[i])) break;
    levels[i] = base_level;
  }

  // Items: a run of Arabic-face characters at one level is shaped as a whole; anything else is one
  // character. Spaces end a run (they are drawn by the Latin face, and ImGui measures them).
  std::vector<Item> items;
  for (size_t i = 0; i < text.size();) {
    Item item{i, 1, levels[i], uses_arabic_face(text[i])};
    if (item.arabic)
      while (item.start + item.length < text.size() && uses_arabic_face(text[item.start + item.length]) &&
             levels[item.start + item.length] == item.level)
        ++item.length;
    i += item.length;
    items.push_back(item);
  }
  // Rule L2: from the highest level down to the lowest odd one, reverse every run at that level or above.
  int highest = 0, lowest_odd = 127;
  for (const Item& item : items) {
    highest = std::max(highest, static_cast<int>(item.level));
    if (item.level % 2 == 1) lowest_odd = std::min(lowest_odd, static_cast<int>(item.level));
  }
  for (int level = highest; level >= lowest_odd && level > 0; --level) {
    for (size_t i = 0; i < items.size();) {
      if (items[i].level < level) { ++i; continue; }
      size_t j = i;
      while (j < items.size() && items[j].level >= level) ++j;
      std::reverse(items.begin() + static_cast<std::ptrdiff_t>(i), items.begin() + static_cast<std::ptrdiff_t>(j));
      i = j;
    }
  }

  hb_buffer_t* buffer = impl_->buffer;
  for (const Item& item : items) {
    if (!item.arabic || !impl_->font) {
      char32_t c = text[item.start];
      if (is_invisible_control(c)) continue;
      if (item.level % 2 == 1) {
        FriBidiChar mirrored = c;
        if (fribidi_get_mirror_char(c, &mirrored)) c = mirrored;
      }
      append_utf8(out, c);
      continue;
    }
    hb_buffer_clear_contents(buffer);
    // The whole line as context, so joining sees the letters around the run.
    hb_buffer_add_utf32(buffer, reinterpret_cast<const uint32_t*>(text.data()), static_cast<int>(text.size()),
                        static_cast<unsigned>(item.start), static_cast<int>(item.length));
    hb_buffer_set_direction(buffer, item.level % 2 == 1 ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer, HB_SCRIPT_ARABIC);
    hb_buffer_set_language(buffer, hb_language_from_string(options.language, -1));
    hb_buffer_set_flags(buffer, static_cast<hb_buffer_flags_t>(HB_BUFFER_FLAG_REMOVE_DEFAULT_IGNORABLES));
    hb_shape(impl_->font, buffer, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* glyphs = hb_buffer_get_glyph_infos(buffer, &count);
    for (unsigned g = 0; g < count; ++g) append_utf8(out, kGlyphBase + glyphs[g].codepoint);  // visual order
  }
  return out;
}

}  // namespace siaga::rtl
