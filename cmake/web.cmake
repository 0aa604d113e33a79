# The web target: SDL2 and Dear ImGui compiled from the Debian sources in build/_deps, the portal
# linked to siaga.js + siaga.wasm, and the shipped folder (build/web/dist) assembled with the page,
# subset fonts, content packs, precompressed copies and a size report.
#
# [SECTION] SDL2 with unused subsystems turned off
# [SECTION] Dear ImGui
# [SECTION] The portal
# [SECTION] The shipped folder

# [SECTION] SDL2 with unused subsystems turned off ------------------------------------------------
# We compile SDL's Emscripten source list directly (no 4-minute configure). Its stock config header
# is rewritten into the build tree with these subsystems off, because the portal never uses them and
# each costs download size: audio (no sound), joystick/haptic/sensor/hidapi (no game controllers),
# power (battery state), render (we draw with ImGui's OpenGL3 backend), filesystem/loadso (no files,
# no dlopen), locale (the page reads navigator.languages), threads (single-threaded page).
set(SDL_DIR "${SIAGA_DEPS_DIR}/libsdl2")
set(SDL_GEN_INCLUDE "${CMAKE_BINARY_DIR}/sdl2-include")
file(GLOB sdl_headers "${SDL_DIR}/include/*.h")
file(COPY ${sdl_headers} DESTINATION "${SDL_GEN_INCLUDE}")
file(READ "${SDL_DIR}/include/SDL_config_emscripten.h" sdl_config)
string(REGEX REPLACE "#define (SDL_AUDIO_DRIVER_[A-Z]+|SDL_JOYSTICK_EMSCRIPTEN|SDL_SENSOR_DUMMY|SDL_LOADSO_DLOPEN|SDL_THREAD_PTHREAD[A-Z_]*|SDL_VIDEO_RENDER_OGL_ES2|SDL_POWER_EMSCRIPTEN|SDL_FILESYSTEM_EMSCRIPTEN) 1\n" "" sdl_config "${sdl_config}")
string(REPLACE "#endif /* _SDL_config_emscripten_h_ */" "
/* Siaga: subsystems the portal does not use (see cmake/web.cmake) */
#define SDL_AUDIO_DISABLED 1
#define SDL_JOYSTICK_DISABLED 1
#define SDL_HAPTIC_DISABLED 1
#define SDL_HIDAPI_DISABLED 1
#define SDL_SENSOR_DISABLED 1
#define SDL_POWER_DISABLED 1
#define SDL_RENDER_DISABLED 1
#define SDL_FILESYSTEM_DISABLED 1
#define SDL_LOADSO_DISABLED 1
#define SDL_LOCALE_DISABLED 1
#define SDL_THREADS_DISABLED 1
#endif /* _SDL_config_emscripten_h_ */" sdl_config "${sdl_config}")
file(WRITE "${SDL_GEN_INCLUDE}/SDL_config_emscripten.h.new" "${sdl_config}")
configure_file("${SDL_GEN_INCLUDE}/SDL_config_emscripten.h.new" "${SDL_GEN_INCLUDE}/SDL_config_emscripten.h" COPYONLY)

set(sdl_sources
  SDL.c SDL_assert.c SDL_dataqueue.c SDL_error.c SDL_guid.c SDL_hints.c SDL_list.c SDL_log.c
  atomic/SDL_atomic.c atomic/SDL_spinlock.c audio/SDL_audio.c cpuinfo/SDL_cpuinfo.c
  events/SDL_clipboardevents.c events/SDL_displayevents.c events/SDL_dropevents.c events/SDL_events.c
  events/SDL_gesture.c events/SDL_keyboard.c events/SDL_mouse.c events/SDL_quit.c events/SDL_touch.c
  events/SDL_windowevents.c file/SDL_rwops.c haptic/SDL_haptic.c haptic/dummy/SDL_syshaptic.c
  power/SDL_power.c render/SDL_render.c sensor/SDL_sensor.c
  sensor/dummy/SDL_dummysensor.c stdlib/SDL_crc16.c stdlib/SDL_crc32.c stdlib/SDL_getenv.c
  stdlib/SDL_iconv.c stdlib/SDL_malloc.c stdlib/SDL_qsort.c stdlib/SDL_stdlib.c stdlib/SDL_string.c
  stdlib/SDL_strtokr.c thread/SDL_thread.c thread/generic/SDL_syscond.c thread/generic/SDL_sysmutex.c
  thread/generic/SDL_syssem.c thread/generic/SDL_systhread.c thread/generic/SDL_systls.c
  timer/SDL_timer.c timer/unix/SDL_systimer.c
  video/SDL_clipboard.c video/SDL_egl.c video/SDL_pixels.c video/SDL_rect.c
  video/SDL_surface.c video/SDL_video.c
  video/emscripten/SDL_emscriptenevents.c video/emscripten/SDL_emscriptenframebuffer.c
  video/emscripten/SDL_emscriptenmouse.c video/emscripten/SDL_emscriptenopengles.c
  video/emscripten/SDL_emscriptenvideo.c
  video/dummy/SDL_nullevents.c video/dummy/SDL_nullframebuffer.c video/dummy/SDL_nullvideo.c
  loadso/dummy/SDL_sysloadso.c filesystem/dummy/SDL_sysfilesystem.c locale/SDL_locale.c
  locale/dummy/SDL_syslocale.c misc/SDL_url.c misc/dummy/SDL_sysurl.c main/dummy/SDL_dummy_main.c
)
list(TRANSFORM sdl_sources PREPEND "${SDL_DIR}/src/")
# SDL's software blitters, stretch, fill, RLE, YUV, BMP and shaped windows are left out: the portal
# never blits an SDL surface (ImGui draws with GL). Three entry points that SDL_surface.c still
# references (and SDL_FillRect, which Emscripten would otherwise fill from its JS SDL 1
# emulation) are stubbed in src/platform/web/sdl_no_blit.c.
list(APPEND sdl_sources "${PROJECT_SOURCE_DIR}/src/platform/web/sdl_no_blit.c")
# Emscripten's eglGetProcAddress keeps every GL entry point and its JS glue; the portal looks none up
# by name (src/platform/web/sdl_no_gl_loader.c).
list(APPEND sdl_sources "${PROJECT_SOURCE_DIR}/src/platform/web/sdl_no_gl_loader.c")
# No game controllers: SDL's joystick sources are left out and ImGui's backend gets three stubs.
list(APPEND sdl_sources "${PROJECT_SOURCE_DIR}/src/platform/web/sdl_no_gamecontroller.c")
add_library(sdl2 STATIC ${sdl_sources})
target_include_directories(sdl2 SYSTEM PUBLIC "${SDL_GEN_INCLUDE}")
target_include_directories(sdl2 PRIVATE "${SDL_DIR}/src")
target_compile_options(sdl2 PRIVATE -Wno-everything)

# [SECTION] Dear ImGui ---------------------------------------------------------------------------
set(SIAGA_IMGUI_GL_DEFINES IMGUI_IMPL_OPENGL_ES3)  # WebGL2 = GLES 3.0
include(cmake/imgui.cmake)
# The backend's per-frame GL state queries are answered without asking WebGL: see
# src/platform/web/gl_state.h (2.5-3.6 ms of a 3-5 ms frame went to them).
target_sources(imgui PRIVATE "${PROJECT_SOURCE_DIR}/src/platform/web/gl_state.c")
set_source_files_properties("${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp" PROPERTIES
  COMPILE_OPTIONS "-include;${PROJECT_SOURCE_DIR}/src/platform/web/gl_state.h")
# ImGui's built-in font is never used; src/platform/web/imgui_no_default_font.h keeps it out of the link.
set_source_files_properties("${IMGUI_DIR}/imgui_draw.cpp" PROPERTIES
  COMPILE_OPTIONS "-include;${PROJECT_SOURCE_DIR}/src/platform/web/imgui_no_default_font.h")

# [SECTION] The portal -------------------------------------------------------------------------------
# Its release flags are in cmake/web_flags.cmake (SIAGA_WEB_LINK_OPTIONS); tools/size-report.sh measures them.
add_executable(siaga
  src/main.cpp
  src/platform/web/platform_web.cpp
  src/platform/web/window_web.cpp
)
# The JS glue goes through the Closure Compiler (npm google-closure-compiler, the version Emscripten
# 3.1.6 was made with; tools/build-web.sh points EM_CLOSURE_COMPILER at it): siaga.js 27 -> 16 KB
# brotli. ADVANCED mode renames properties, so every method of the page's own objects that
# glue calls (SiagaBridge.*, SiagaScorm.*) is declared as an extern; the list is read from
# siaga_library.js and the EM_ASM blocks themselves, so a new bridge call cannot be forgotten.
option(SIAGA_WEB_CLOSURE "Minify the JS glue with the Closure Compiler" ON)
set(closure_flags "")
if(SIAGA_WEB_CLOSURE)
  set(glue_sources "${PROJECT_SOURCE_DIR}/web/siaga_library.js")
  file(GLOB platform_sources "${PROJECT_SOURCE_DIR}/src/platform/web/*")
  set(bridge_calls "")
  foreach(source IN LISTS glue_sources platform_sources)  # JS library and EM_ASM blocks
    file(READ "${source}" text)
    string(REGEX MATCHALL "Siaga(Bridge|Scorm)\\.[A-Za-z_][A-Za-z0-9_]*" calls "${text}")
    list(APPEND bridge_calls ${calls})
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${source}")
  endforeach()
  list(REMOVE_DUPLICATES bridge_calls)
  list(SORT bridge_calls)
  set(externs "// Generated by cmake/web.cmake from web/siaga_library.js: the page's objects the glue calls.\nvar SiagaBridge = {};\nvar SiagaScorm = {};\n")
  foreach(call IN LISTS bridge_calls)
    string(APPEND externs "${call} = function() {};\n")
  endforeach()
  file(WRITE "${CMAKE_BINARY_DIR}/closure-externs.js.new" "${externs}")
  configure_file("${CMAKE_BINARY_DIR}/closure-externs.js.new" "${CMAKE_BINARY_DIR}/closure-externs.js" COPYONLY)
  set(closure_flags --closure 1 "--closure-args=--externs=${CMAKE_BINARY_DIR}/closure-externs.js")
endif()

set_target_properties(siaga PROPERTIES OUTPUT_NAME siaga SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/dist")
target_link_libraries(siaga PRIVATE siaga_ui)
target_compile_options(siaga PRIVATE -Wall -Wextra)
file(WRITE "${CMAKE_BINARY_DIR}/exported_functions.json"
  "[\"_main\",\"_malloc\",\"_free\"]")
# The lesson code and the facilitator's code are cut out of siaga.wasm into siaga-lessons.wasm and
# siaga-facilitator.wasm, which the page loads the first time a course or a facilitator screen opens
# (src/app/code_module.h, web/bridge/code.js): -sSPLIT_MODULE=1 makes the glue import placeholders,
# --profiling-funcs keeps the function names that tools/split-wasm.py finds the doors by (every
# output loses them again).
target_link_options(siaga PRIVATE
  ${SIAGA_WEB_LINK_OPTIONS}
  ${closure_flags}
  -sSPLIT_MODULE=1 --profiling-funcs -Wno-experimental
  "--js-library=${PROJECT_SOURCE_DIR}/web/siaga_library.js")
add_custom_command(TARGET siaga POST_BUILD
  COMMAND /usr/bin/python3 "${PROJECT_SOURCE_DIR}/tools/split-wasm.py" "${CMAKE_BINARY_DIR}/dist/siaga.wasm.orig"
          "${CMAKE_BINARY_DIR}/dist/siaga.wasm" "${CMAKE_BINARY_DIR}/dist/siaga-lessons.wasm"
          "${CMAKE_BINARY_DIR}/dist/siaga-facilitator.wasm"
  COMMAND "${CMAKE_COMMAND}" -E remove "${CMAKE_BINARY_DIR}/dist/siaga.wasm.orig"
  VERBATIM)
set_property(TARGET siaga APPEND PROPERTY LINK_DEPENDS "${PROJECT_SOURCE_DIR}/web/siaga_library.js")
set_property(TARGET siaga APPEND PROPERTY LINK_DEPENDS "${PROJECT_SOURCE_DIR}/tools/split-wasm.py")  # it runs after the link

# [SECTION] The right-to-left shaper module --------------------------------------------------------
# HarfBuzz + FriBidi + src/rtl (cmake/rtl.cmake) as their own wasm module, rtl-shaper.js/.wasm. The
# page loads it only when a learner chooses Dari/Farsi or Arabic (web/bridge/rtl.js), so English and
# Indonesian learners never download it; the portal calls it through siaga_js_rtl_shape.
add_executable(rtl-shaper src/rtl/module.cpp)
target_link_libraries(rtl-shaper PRIVATE siaga_rtl)
set_target_properties(rtl-shaper PROPERTIES OUTPUT_NAME rtl-shaper SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/dist")
target_compile_options(rtl-shaper PRIVATE -fno-exceptions -fno-rtti)
target_link_options(rtl-shaper PRIVATE -Oz
  -sMODULARIZE=1 -sEXPORT_NAME=createRtlShaper -sENVIRONMENT=web
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=2MB -sTOTAL_STACK=64KB -sFILESYSTEM=0 -sMALLOC=emmalloc
  -sASSERTIONS=0 -sDISABLE_EXCEPTION_CATCHING=1 -sDYNAMIC_EXECUTION=0 -sTEXTDECODER=2
  "-sEXPORTED_FUNCTIONS=[_malloc,_free,_rtl_load_font,_rtl_shape,_rtl_result_length]")

# [SECTION] The shipped folder -------------------------------------------------------------------
# Page, JS bridge, subset fonts and content packs next to siaga.js/.wasm; see tools/assemble-web.sh.
set(SIAGA_PACK "" CACHE FILEPATH "Native siaga-pack tool (built by the native build first)")
add_custom_target(web_dist ALL
  COMMAND "${PROJECT_SOURCE_DIR}/tools/assemble-web.sh" "${CMAKE_BINARY_DIR}/dist" "${SIAGA_PACK}"
  DEPENDS siaga rtl-shaper
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
  COMMENT "Assembling build/web/dist (page, fonts, content packs, precompressed copies, size report)"
  VERBATIM)
