# The web target: SDL2 and Dear ImGui compiled from the Debian sources in build/_deps, the portal
# linked to siaga.js + siaga.wasm, and the shipped folder (build/web/dist) assembled with the page,
# subset fonts, content packs, precompressed copies and a size report.
#
# [SECTION] SDL2 with unused subsystems turned off
# [SECTION] Dear ImGui
# [SECTION] The portal and its release flags
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
  joystick/SDL_gamecontroller.c joystick/SDL_joystick.c joystick/controller_type.c
  joystick/dummy/SDL_sysjoystick.c power/SDL_power.c render/SDL_render.c sensor/SDL_sensor.c
  sensor/dummy/SDL_dummysensor.c stdlib/SDL_crc16.c stdlib/SDL_crc32.c stdlib/SDL_getenv.c
  stdlib/SDL_iconv.c stdlib/SDL_malloc.c stdlib/SDL_qsort.c stdlib/SDL_stdlib.c stdlib/SDL_string.c
  stdlib/SDL_strtokr.c thread/SDL_thread.c thread/generic/SDL_syscond.c thread/generic/SDL_sysmutex.c
  thread/generic/SDL_syssem.c thread/generic/SDL_systhread.c thread/generic/SDL_systls.c
  timer/SDL_timer.c timer/unix/SDL_systimer.c
  video/SDL_blit.c video/SDL_blit_0.c video/SDL_blit_1.c video/SDL_blit_A.c video/SDL_blit_N.c
  video/SDL_blit_auto.c video/SDL_blit_copy.c video/SDL_blit_slow.c video/SDL_bmp.c
  video/SDL_clipboard.c video/SDL_egl.c video/SDL_fillrect.c video/SDL_pixels.c video/SDL_rect.c
  video/SDL_RLEaccel.c video/SDL_shape.c video/SDL_stretch.c video/SDL_surface.c video/SDL_video.c
  video/SDL_yuv.c video/yuv2rgb/yuv_rgb.c
  video/emscripten/SDL_emscriptenevents.c video/emscripten/SDL_emscriptenframebuffer.c
  video/emscripten/SDL_emscriptenmouse.c video/emscripten/SDL_emscriptenopengles.c
  video/emscripten/SDL_emscriptenvideo.c
  video/dummy/SDL_nullevents.c video/dummy/SDL_nullframebuffer.c video/dummy/SDL_nullvideo.c
  loadso/dummy/SDL_sysloadso.c filesystem/dummy/SDL_sysfilesystem.c locale/SDL_locale.c
  locale/dummy/SDL_syslocale.c misc/SDL_url.c misc/dummy/SDL_sysurl.c main/dummy/SDL_dummy_main.c
)
list(TRANSFORM sdl_sources PREPEND "${SDL_DIR}/src/")
add_library(sdl2 STATIC ${sdl_sources})
target_include_directories(sdl2 SYSTEM PUBLIC "${SDL_GEN_INCLUDE}")
target_include_directories(sdl2 PRIVATE "${SDL_DIR}/src")
target_compile_options(sdl2 PRIVATE -Wno-everything)

# [SECTION] Dear ImGui ---------------------------------------------------------------------------
set(IMGUI_DIR "${SIAGA_DEPS_DIR}/imgui")
add_library(imgui STATIC
  "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp" "${IMGUI_DIR}/imgui_widgets.cpp"
  "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/backends/imgui_impl_sdl2.cpp" "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/backends")
target_link_libraries(imgui PUBLIC sdl2)
# No demo or debug windows in what we ship; no .ini files; WebGL2 = GLES 3.0.
target_compile_definitions(imgui PUBLIC
  IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS IMGUI_DISABLE_OBSOLETE_FUNCTIONS
  IMGUI_DISABLE_FILE_FUNCTIONS IMGUI_IMPL_OPENGL_ES3)
target_compile_options(imgui PRIVATE -Wno-everything)

# [SECTION] The portal and its release flags ---------------------------------------------------------
# Every release flag of the web build lives here; tools/size-report.sh measures their effect.
set(SIAGA_WEB_OPT "-Oz" CACHE STRING "Optimisation level of the web link (-O1 for a fast edit loop)")
add_executable(siaga
  src/main.cpp
  src/platform/web/platform_web.cpp
  src/ui/app_ui.cpp
  src/ui/widgets.cpp
  src/ui/fonts.cpp
  src/ui/lesson_view.cpp
  src/ui/theme.cpp
  src/ui/quiz_view.cpp
  src/ui/learners_view.cpp
  src/ui/settings_view.cpp
  src/ui/facilitator_view.cpp
  src/ui/plan_view.cpp
  src/ui/presenter_view.cpp
)
set_target_properties(siaga PROPERTIES OUTPUT_NAME siaga SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/dist")
target_link_libraries(siaga PRIVATE siaga_app imgui)
target_compile_options(siaga PRIVATE -Wall -Wextra)
file(WRITE "${CMAKE_BINARY_DIR}/exported_functions.json"
  "[\"_main\",\"_malloc\",\"_free\"]")
target_link_options(siaga PRIVATE
  ${SIAGA_WEB_OPT}
  -sENVIRONMENT=web
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=16MB
  -sASSERTIONS=0
  -sFILESYSTEM=0
  -sMALLOC=emmalloc
  -sMODULARIZE=0
  -sEXIT_RUNTIME=0
  -sEXPORTED_FUNCTIONS=@${CMAKE_BINARY_DIR}/exported_functions.json
  -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString
  -sHTML5_SUPPORT_DEFERRING_USER_SENSITIVE_REQUESTS=0
  -sDISABLE_EXCEPTION_CATCHING=1
  -sDYNAMIC_EXECUTION=0
  "--js-library=${PROJECT_SOURCE_DIR}/web/siaga_library.js")
set_property(TARGET siaga APPEND PROPERTY LINK_DEPENDS "${PROJECT_SOURCE_DIR}/web/siaga_library.js")

# [SECTION] The shipped folder -------------------------------------------------------------------
# Page, JS bridge, subset fonts and content packs next to siaga.js/.wasm; see tools/assemble-web.sh.
set(SIAGA_PACK "" CACHE FILEPATH "Native siaga-pack tool (built by the native build first)")
add_custom_target(web_dist ALL
  COMMAND "${PROJECT_SOURCE_DIR}/tools/assemble-web.sh" "${CMAKE_BINARY_DIR}/dist" "${SIAGA_PACK}"
  DEPENDS siaga
  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
  COMMENT "Assembling build/web/dist (page, fonts, content packs, precompressed copies, size report)"
  VERBATIM)
