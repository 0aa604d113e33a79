// imgui_no_default_font.h — forced into Dear ImGui's imgui_draw.cpp in the web build (cmake/web.cmake,
// -include), so that ImGui's built-in ProggyClean font (12 KB of base85 text in siaga.wasm) is not
// linked. The portal never uses it: src/ui/fonts.cpp adds Noto Sans before the atlas is first built.
// The one reference ImGui makes by itself is ImFontAtlas::Build()'s fallback for an empty atlas, the
// only place that calls AddFontDefault() with no argument. This macro turns that call into
// siaga_no_default_font(), which adds nothing; the declaration and the definition, which have a
// parameter, come out unchanged. AddFontDefault, and with it the font data, is then unreferenced and
// the linker leaves it out. C++20 (__VA_OPT__).
#pragma once
inline void siaga_no_default_font() {}
#define AddFontDefault(...) SIAGA_AFD_##__VA_OPT__(ARGS_)(__VA_ARGS__)
#define SIAGA_AFD_(...) siaga_no_default_font()
#define SIAGA_AFD_ARGS_(...) AddFontDefault(__VA_ARGS__)
