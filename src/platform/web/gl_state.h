/* gl_state.h — forced into Dear ImGui's OpenGL3 backend (imgui_impl_opengl3.cpp) in the web build only
 * (cmake/web.cmake, -include). It renames the backend's two state *queries* so that they land in
 * gl_state.c instead of WebGL.
 *
 * Why: the backend saves the GL state before it draws and restores it after, with 19 glGetIntegerv and
 * 5 glIsEnabled calls every frame. In WebGL each is a getParameter/isEnabled call that allocates and,
 * in Chromium, may wait on the GPU process; the benchmark measured 2.5-3.6 ms of every frame's 3-5 ms
 * in them (docs/benchmarks.md). In this page nothing but ImGui draws, and every frame sets its
 * viewport and clears before ImGui sets all the state it needs, so the saved state is never used:
 * gl_state.c answers with GL's initial values, without asking WebGL. Anything else is passed on. */
#ifndef SIAGA_GL_STATE_H
#define SIAGA_GL_STATE_H
#ifdef __cplusplus
extern "C" {
#endif
void siaga_gl_get_integerv(unsigned int pname, int* data);
unsigned char siaga_gl_is_enabled(unsigned int cap);
#ifdef __cplusplus
}
#endif
/* Also renames the declarations in <GLES3/gl3.h>, which the backend includes after this. */
#define glGetIntegerv siaga_gl_get_integerv
#define glIsEnabled siaga_gl_is_enabled
#endif
