// emscripten_mainloop_stub.h — stands in for the header of the same name that Dear ImGui's examples
// include from examples/libs/emscripten/. Debian's imgui source package (+ds) drops examples/libs, so
// tests/bench/reference/build.sh puts this file where the example's main.cpp looks for it.
// Same behaviour as upstream's: the body between EMSCRIPTEN_MAINLOOP_BEGIN and _END becomes the
// Emscripten main loop, run on every animation frame (fps 0) without returning from main().
#pragma once
#include <emscripten.h>
#include <functional>

static std::function<void()> g_reference_main_loop;
static void reference_main_loop() { g_reference_main_loop(); }
#define EMSCRIPTEN_MAINLOOP_BEGIN g_reference_main_loop = [&]()
#define EMSCRIPTEN_MAINLOOP_END ; emscripten_set_main_loop(reference_main_loop, 0, true)
