/* sdl_no_gamecontroller.c — the web build's game controller functions, which find no controller.
 *
 * The portal turns SDL's joystick subsystem off (cmake/web.cmake) and never enables ImGui's gamepad
 * navigation, yet Dear ImGui's SDL2 backend still calls these three each frame it polls gamepads, and
 * linking SDL's own kept its controller mapping database and parser (about 10 KB of siaga.wasm,
 * measured). cmake/web.cmake leaves SDL's joystick sources out and links these instead. */
#include "SDL.h"

SDL_GameController* SDL_GameControllerOpen(int joystick_index) {
  (void)joystick_index;
  SDL_Unsupported();
  return NULL;
}

Uint8 SDL_GameControllerGetButton(SDL_GameController* gamecontroller, SDL_GameControllerButton button) {
  (void)gamecontroller;
  (void)button;
  return 0;
}

Sint16 SDL_GameControllerGetAxis(SDL_GameController* gamecontroller, SDL_GameControllerAxis axis) {
  (void)gamecontroller;
  (void)axis;
  return 0;
}
