# rtl.cmake — right-to-left text (Dari/Farsi, Arabic): FriBidi (bidi) and HarfBuzz (shaping) from the
# pinned Debian sources, and src/rtl/shaper.cpp on top (siaga_rtl). The native build links it into the
# tests and the desktop window; the web build makes it a separate wasm module (cmake/web.cmake,
# rtl-shaper.js/.wasm) that the page loads only for an Arabic-script language.
#
# FriBidi is LGPL-2.1+: it is linked only into that separately loaded module (and the desktop
# binary), built from Debian's source by these public scripts, so anyone can rebuild and relink it.

# FriBidi 1.0.8: its Unicode tables (*.tab.i) ship in the tarball, so no generator runs; the config
# header its build would write is written here. Only the bidi, bracket and mirroring parts are built.
set(FRIBIDI_DIR "${SIAGA_DEPS_DIR}/fribidi")
set(FRIBIDI_GEN "${CMAKE_BINARY_DIR}/fribidi-include")
file(WRITE "${FRIBIDI_GEN}/fribidi-config.h.new" "/* written by cmake/rtl.cmake */
#ifndef FRIBIDI_CONFIG_H
#define FRIBIDI_CONFIG_H
#define FRIBIDI \"fribidi\"
#define FRIBIDI_NAME \"GNU FriBidi\"
#define FRIBIDI_BUGREPORT \"https://github.com/fribidi/fribidi/issues/new\"
#define FRIBIDI_VERSION \"1.0.8\"
#define FRIBIDI_MAJOR_VERSION 1
#define FRIBIDI_MINOR_VERSION 0
#define FRIBIDI_MICRO_VERSION 8
#define FRIBIDI_INTERFACE_VERSION 4
#define FRIBIDI_INTERFACE_VERSION_STRING \"4\"
#define FRIBIDI_SIZEOF_INT 4
#undef FRIBIDI_BUILT_WITH_MSVC
#endif
")
configure_file("${FRIBIDI_GEN}/fribidi-config.h.new" "${FRIBIDI_GEN}/fribidi-config.h" COPYONLY)
add_library(siaga_fribidi STATIC
  "${FRIBIDI_DIR}/lib/fribidi.c" "${FRIBIDI_DIR}/lib/fribidi-bidi.c" "${FRIBIDI_DIR}/lib/fribidi-bidi-types.c"
  "${FRIBIDI_DIR}/lib/fribidi-brackets.c" "${FRIBIDI_DIR}/lib/fribidi-mirroring.c" "${FRIBIDI_DIR}/lib/fribidi-run.c")
target_include_directories(siaga_fribidi SYSTEM PUBLIC "${FRIBIDI_DIR}/lib" "${FRIBIDI_GEN}")
target_compile_definitions(siaga_fribidi PRIVATE HAVE_STDLIB_H=1 HAVE_STRING_H=1 HAVE_STRINGIZE=1 STDC_HEADERS=1)
target_compile_options(siaga_fribidi PRIVATE -w)
set_target_properties(siaga_fribidi PROPERTIES POSITION_INDEPENDENT_CODE ON)

# HarfBuzz 6.0.0, one translation unit, HB_TINY (no AAT, no legacy shapers, no variations, no thread
# safety): 178 KB raw / 69 KB brotli in wasm (measured, docs in /work/shared/research/rtl-languages.md).
set(HARFBUZZ_DIR "${SIAGA_DEPS_DIR}/harfbuzz")
add_library(siaga_harfbuzz STATIC "${HARFBUZZ_DIR}/src/harfbuzz.cc")
target_include_directories(siaga_harfbuzz SYSTEM PUBLIC "${HARFBUZZ_DIR}/src")
target_compile_definitions(siaga_harfbuzz PUBLIC HB_TINY HB_USE_INTERNAL_QSORT)
target_compile_options(siaga_harfbuzz PRIVATE -fno-exceptions -fno-rtti -w $<$<BOOL:${EMSCRIPTEN}>:-Oz>)
set_target_properties(siaga_harfbuzz PROPERTIES POSITION_INDEPENDENT_CODE ON)

# UTF-8, digits and wrapping: small, pure, also linked into the portal (the UI wraps in reading order).
add_library(siaga_rtl_text STATIC "${PROJECT_SOURCE_DIR}/src/rtl/text.cpp")
target_include_directories(siaga_rtl_text PUBLIC "${PROJECT_SOURCE_DIR}/src")
add_library(siaga_rtl STATIC "${PROJECT_SOURCE_DIR}/src/rtl/shaper.cpp")
target_link_libraries(siaga_rtl PUBLIC siaga_rtl_text siaga_harfbuzz siaga_fribidi)
if(NOT EMSCRIPTEN)
  target_compile_options(siaga_rtl_text PRIVATE -Wall -Wextra -Wpedantic)
  target_compile_options(siaga_rtl PRIVATE -Wall -Wextra -Wpedantic)
endif()

# The Arabic faces with their private-use cmap (tools/make-arabic-font.py), for the tests and the
# desktop window; assemble-web.sh makes the same files for the page.
set(SIAGA_ARABIC_FONT_DIR "${CMAKE_BINARY_DIR}/arabic-font")
add_custom_command(OUTPUT "${SIAGA_ARABIC_FONT_DIR}/NotoSansArabicUI-Regular.ttf" "${SIAGA_ARABIC_FONT_DIR}/NotoSansArabicUI-Bold.ttf"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${SIAGA_ARABIC_FONT_DIR}"
  COMMAND /usr/bin/python3 "${PROJECT_SOURCE_DIR}/tools/make-arabic-font.py" "${SIAGA_ARABIC_FONT_DIR}"
  DEPENDS "${PROJECT_SOURCE_DIR}/tools/make-arabic-font.py"
  COMMENT "Subsetting Noto Sans Arabic UI (tools/make-arabic-font.py)" VERBATIM)
add_custom_target(siaga_arabic_font ALL DEPENDS "${SIAGA_ARABIC_FONT_DIR}/NotoSansArabicUI-Regular.ttf")
