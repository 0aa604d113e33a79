# The desktop window: the same UI as the page in a native SDL2 + OpenGL 3 window, for development and
# for demos on a laptop without a browser. SDL2 is the same pinned Debian source as the web build,
# configured with its own CMake here, X11 only and with what the portal never uses turned off (audio,
# game controllers, sensors, battery, SDL's 2D renderer, Wayland/KMS/Vulkan backends, D-Bus/IBus).
#
# [SECTION] SDL2 (native, static)
# [SECTION] Dear ImGui and the screens
# [SECTION] siaga-desktop and its assets

# [SECTION] SDL2 (native, static) ----------------------------------------------------------------
foreach(option SDL_SHARED SDL_TEST SDL_TESTS SDL_AUDIO SDL_JOYSTICK SDL_HAPTIC SDL_HIDAPI SDL_SENSOR
               SDL_POWER SDL_RENDER SDL_WAYLAND SDL_KMSDRM SDL_VULKAN SDL_RPI SDL_VIVANTE SDL_OFFSCREEN
               SDL_DBUS SDL_IBUS SDL_LIBSAMPLERATE SDL_CCACHE SDL_OPENGLES SDL_DIRECTFB
               SDL_X11_XCURSOR SDL_X11_XDBE SDL_X11_XINPUT SDL_X11_XFIXES SDL_X11_XRANDR
               SDL_X11_XSCRNSAVER SDL_X11_XSHAPE)
  set(${option} OFF CACHE BOOL "off for Siaga (cmake/desktop.cmake)" FORCE)
endforeach()
foreach(option SDL_STATIC SDL_X11 SDL_X11_SHARED SDL_OPENGL SDL2_DISABLE_INSTALL SDL2_DISABLE_UNINSTALL
               SDL2_DISABLE_SDL2MAIN)
  set(${option} ON CACHE BOOL "on for Siaga (cmake/desktop.cmake)" FORCE)
endforeach()
add_subdirectory("${SIAGA_DEPS_DIR}/libsdl2" "${CMAKE_BINARY_DIR}/sdl2" EXCLUDE_FROM_ALL SYSTEM)
add_library(sdl2 INTERFACE)
target_link_libraries(sdl2 INTERFACE SDL2::SDL2-static)

# [SECTION] Dear ImGui and the screens -----------------------------------------------------------
set(SIAGA_IMGUI_GL_DEFINES "")  # desktop OpenGL 3.2 core, through ImGui's own GL loader (dlopen)
include(cmake/imgui.cmake)
target_link_libraries(imgui PUBLIC ${CMAKE_DL_LIBS})

# [SECTION] siaga-desktop and its assets ------------------------------------------------------------
find_package(OpenGL REQUIRED COMPONENTS OpenGL)
add_executable(siaga-desktop src/main.cpp src/platform/native/platform_native.cpp src/platform/native/window_native.cpp)
target_link_libraries(siaga-desktop PRIVATE siaga_ui siaga_rtl OpenGL::GL)
target_compile_options(siaga-desktop PRIVATE -Wall -Wextra -Wno-missing-field-initializers)

# Full (unsubset) Noto Sans from fonts-noto-core and the content packs, next to the binary.
set(desktop_assets "${CMAKE_BINARY_DIR}/assets")
add_custom_target(siaga-desktop-assets ALL
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${desktop_assets}"
  COMMAND "${CMAKE_COMMAND}" -E copy_if_different /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf
          /usr/share/fonts/truetype/noto/NotoSans-Bold.ttf /usr/share/fonts/truetype/noto/NotoSans-Italic.ttf
          "${desktop_assets}/"
  COMMAND "${CMAKE_COMMAND}" -E copy_if_different "${SIAGA_ARABIC_FONT_DIR}/NotoSansArabicUI-Regular.ttf"
          "${SIAGA_ARABIC_FONT_DIR}/NotoSansArabicUI-Bold.ttf" "${desktop_assets}/"
  COMMAND siaga-pack "${PROJECT_SOURCE_DIR}/content" "${desktop_assets}"
  DEPENDS siaga-pack siaga_arabic_font
  COMMENT "Desktop assets: fonts and content packs in ${desktop_assets}"
  VERBATIM)
add_dependencies(siaga-desktop siaga-desktop-assets)
