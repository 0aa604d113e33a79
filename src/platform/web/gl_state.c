/* gl_state.c — answers Dear ImGui's per-frame GL state queries without asking WebGL (see gl_state.h).
 *
 * The values are GL's initial state (no program, buffer, texture or vertex array bound; blending
 * ONE/ZERO with FUNC_ADD; every capability off), so what the backend "restores" after drawing is a
 * clean slate. The viewport and scissor box read as empty: main.cpp sets the viewport at the start of
 * every frame, and the backend sets its own scissor rectangles. Any other query (the backend asks for
 * GL_MAJOR_VERSION once at start-up) goes to WebGL as before. */
#include <GLES3/gl3.h>
#include <string.h>

void siaga_gl_get_integerv(GLenum pname, GLint* data) {
  switch (pname) {
    case GL_ACTIVE_TEXTURE: *data = GL_TEXTURE0; return;
    case GL_CURRENT_PROGRAM:
    case GL_TEXTURE_BINDING_2D:
    case GL_SAMPLER_BINDING:
    case GL_ARRAY_BUFFER_BINDING:
    case GL_ELEMENT_ARRAY_BUFFER_BINDING:
    case GL_VERTEX_ARRAY_BINDING: *data = 0; return;
    case GL_VIEWPORT:
    case GL_SCISSOR_BOX: memset(data, 0, 4 * sizeof *data); return;
    case GL_BLEND_SRC_RGB:
    case GL_BLEND_SRC_ALPHA: *data = GL_ONE; return;
    case GL_BLEND_DST_RGB:
    case GL_BLEND_DST_ALPHA: *data = GL_ZERO; return;
    case GL_BLEND_EQUATION_RGB:
    case GL_BLEND_EQUATION_ALPHA: *data = GL_FUNC_ADD; return;
    default: glGetIntegerv(pname, data); return;
  }
}

GLboolean siaga_gl_is_enabled(GLenum cap) {
  (void)cap;
  return GL_FALSE;
}
