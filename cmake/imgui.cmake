# Dear ImGui from the Debian source in build/_deps, and the portal's screens (src/ui), shared by the
# web build (cmake/web.cmake) and the desktop window (cmake/desktop.cmake). The caller defines the
# `sdl2` target first and sets SIAGA_IMGUI_GL_DEFINES (WebGL2 = GLES 3.0; desktop = OpenGL 3 core).
set(IMGUI_DIR "${SIAGA_DEPS_DIR}/imgui")
add_library(imgui STATIC
  "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp" "${IMGUI_DIR}/imgui_widgets.cpp"
  "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/backends/imgui_impl_sdl2.cpp" "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/backends")
target_link_libraries(imgui PUBLIC sdl2)
# No demo or debug windows; no .ini files.
target_compile_definitions(imgui PUBLIC
  IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS IMGUI_DISABLE_OBSOLETE_FUNCTIONS
  IMGUI_DISABLE_FILE_FUNCTIONS ${SIAGA_IMGUI_GL_DEFINES})
target_compile_options(imgui PRIVATE -w)

# Every screen in src/ui (globbed, so a new screen needs no edit here).
file(GLOB SIAGA_UI_SOURCES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/ui/*.cpp")
add_library(siaga_ui STATIC ${SIAGA_UI_SOURCES})
target_link_libraries(siaga_ui PUBLIC siaga_app imgui siaga_rtl_text)
target_compile_options(siaga_ui PRIVATE -Wall -Wextra -Wno-missing-field-initializers)
target_compile_definitions(siaga_ui PRIVATE SIAGA_VERSION="${PROJECT_VERSION}")  # shown on "About & privacy"
