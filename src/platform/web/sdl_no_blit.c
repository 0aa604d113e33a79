/* sdl_no_blit.c — stands in for SDL's software blitters in the web build.
 *
 * Siaga draws everything with Dear ImGui's OpenGL3 backend; no SDL surface is ever blitted, stretched,
 * filled, RLE-encoded or converted from YUV. SDL_video.c and SDL_surface.c still reference the
 * blitters' entry points, which kept about 250 KB of code (21 KB of brotli, measured) in siaga.wasm. cmake/web.cmake
 * leaves those SDL sources out and links these three functions instead; any surface blit then fails
 * with SDL's ordinary "not supported" error rather than drawing. */
#include "SDL.h"

struct SDL_Surface;

int SDL_CalculateBlit(SDL_Surface *surface) {
  (void)surface;
  return SDL_Unsupported();
}

int SDL_RLESurface(SDL_Surface *surface) {
  (void)surface;
  return -1;
}

void SDL_UnRLESurface(SDL_Surface *surface, int recode) {
  (void)surface;
  (void)recode;
}

/* Left undefined, these would be filled in from Emscripten's JavaScript SDL 1 emulation
 * (library_sdl.js), which is larger than what was removed. */
int SDL_FillRect(SDL_Surface *dst, const SDL_Rect *rect, Uint32 color) {
  (void)dst;
  (void)rect;
  (void)color;
  return SDL_Unsupported();
}
