/* sdl_no_gl_loader.c — the web build's eglGetProcAddress, which finds nothing.
 *
 * SDL's Emscripten video driver reaches WebGL through EGL and stores eglGetProcAddress. Emscripten's
 * own (system/lib/gl/libprocaddr.c) looks names up in a table of every GL and WebGL entry point, so
 * linking it keeps all of those functions, and their JavaScript glue, in the page. The portal never
 * looks a GL function up by name: Dear ImGui's backend calls WebGL2 directly (IMGUI_IMPL_OPENGL_ES3),
 * and SDL only asks for optional EGL extensions, which Emscripten's table does not have either (so
 * SDL already got NULL for them). With this definition linked first, Emscripten's is left out.
 * Measured in the size report: see the commit that added this file. */
#include <stddef.h>

void* eglGetProcAddress(const char* name) {
  (void)name;
  return NULL;
}
