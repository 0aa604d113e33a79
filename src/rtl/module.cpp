// module.cpp — the shaper as its own wasm module (rtl-shaper.js + rtl-shaper.wasm, cmake/web.cmake):
// the page loads it only when a learner chooses Dari/Farsi or Arabic (web/bridge/rtl.js), hands it the
// Arabic face once, and the portal then calls rtl_shape through the bridge for every string it draws
// (results are cached on the C++ side, src/ui/rtl_text.cpp).
#include <emscripten.h>

#include <string>

#include "rtl/shaper.h"

namespace {
siaga::rtl::Shaper g_shaper;
std::string g_result;
}  // namespace

extern "C" {

// 1 when HarfBuzz read the face (the bytes are copied; the caller frees its buffer).
EMSCRIPTEN_KEEPALIVE int rtl_load_font(const char* bytes, int length) {
  return g_shaper.load_font(std::string_view(bytes, static_cast<size_t>(length))) ? 1 : 0;
}

// Logical UTF-8 in, visual UTF-8 out (valid until the next call; its length from rtl_result_length).
EMSCRIPTEN_KEEPALIVE const char* rtl_shape(const char* text, int length, int flags) {
  g_result = g_shaper.shape_line(std::string_view(text, static_cast<size_t>(length)), siaga::rtl::options_from_flags(flags));
  return g_result.c_str();
}

EMSCRIPTEN_KEEPALIVE int rtl_result_length() { return static_cast<int>(g_result.size()); }

}  // extern "C"
