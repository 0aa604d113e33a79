// window_web.cpp — the portal in the page: SDL's Emscripten window on the #canvas, a WebGL2 context,
// Emscripten's main loop (paused while idle; SDL events, the page and timers resume it), and the C
// entry points the page calls (siaga_wake, and the frame counters the benchmark and tests read).
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl2.h"
#include "platform/web/platform_web.h"
#include "platform/window.h"

extern "C" {
void siaga_js_first_frame();
double siaga_js_pixel_ratio();
double siaga_js_touch_time();
}

namespace siaga {

namespace {

FrameLoop* g_loop = nullptr;  // for the page's entry points below; set by run()

class WebWindow final : public Window {
 public:
  Platform& platform() override { return platform_; }

  bool open() override {
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) return fail(SDL_GetError());
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    window_ = SDL_CreateWindow("Siaga", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1280, 800,
                               SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_GLContext gl = window_ ? SDL_GL_CreateContext(window_) : nullptr;
    if (!gl) return fail(SDL_GetError());
    ImGui_ImplSDL2_InitForOpenGL(window_, gl);
    install_web_clipboard();  // after the SDL backend, which installs SDL's in-memory clipboard
    ImGui_ImplOpenGL3_Init("#version 300 es");
    return true;
  }

  // The browser's animation callback: a plain function, so the path from a frame to the learner's
  // stored answer has no thunk in it (tools/trace-answer.mjs counts it).
  static void run_frame(void* loop) { static_cast<FrameLoop*>(loop)->frame(); }

  void run(FrameLoop& loop) override {
    g_loop = &loop;
    emscripten_set_main_loop_arg(run_frame, &loop, 0, false);
  }
  void close() override {}  // the page's lifetime is the program's

  void pause_loop() override { emscripten_pause_main_loop(); }
  void resume_loop() override { emscripten_resume_main_loop(); }
  void wake_after(int ms) override {
    timeout_ = emscripten_set_timeout([](void*) { if (g_loop) g_loop->timer_fired(); }, ms, nullptr);
  }
  void cancel_wake() override { emscripten_clear_timeout(timeout_); }

  double now_ms() override { return emscripten_get_now(); }
  float pixel_ratio() override { return static_cast<float>(siaga_js_pixel_ratio()); }
  // SDL stamps a finger event when the page receives it, but a page busy drawing (a slow phone,
  // software GL) receives a flick's last move and the lift together, long after they happened; the
  // DOM event's own time (web/bridge/typing.js notes it before SDL sees the event) is the real one.
  double touch_time(uint32_t) override { return siaga_js_touch_time(); }
  void fatal(const char* message) override { EM_ASM({ SiagaBridge.fatal(UTF8ToString($0)); }, message); }
  // loader.js does not start the portal without its font files, so this should not happen; if it
  // does, the learner is told. ImGui's built-in font is not in the web build (cmake/web.cmake).
  bool use_fallback_font() override {
    fatal("Siaga could not read its font files. Reload the page; your saved progress is kept.");
    return false;
  }
  void note_event(const SDL_Event&) override {}
  void clear(int width, int height, const ImVec4& colour) override {
    glViewport(0, 0, width, height);
    glClearColor(colour.x, colour.y, colour.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
  }
  void present() override {  // the browser shows the canvas itself; the loader's screen goes once
    if (first_frame_reported_) return;
    first_frame_reported_ = true;
    siaga_js_first_frame();
  }

 private:
  bool fail(const char* message) {
    fatal(message);
    return false;
  }
  WebPlatform platform_;
  SDL_Window* window_ = nullptr;
  long timeout_ = 0;
  bool first_frame_reported_ = false;
};

}  // namespace

std::unique_ptr<Window> make_window(int, char**) { return std::make_unique<WebWindow>(); }

}  // namespace siaga

// Called by the page when something outside SDL happened (a file arrived, the address changed).
extern "C" EMSCRIPTEN_KEEPALIVE void siaga_wake() {
  if (siaga::g_loop) siaga::g_loop->wake();
}

// Frames drawn since start: the benchmark and tests read this to prove an idle page draws nothing.
extern "C" EMSCRIPTEN_KEEPALIVE double siaga_frames_drawn() {
  return siaga::g_loop ? static_cast<double>(siaga::g_loop->frames_drawn()) : 0.0;
}

// CPU time (ms) of the i-th most recent drawn frame (0 = the last), or -1 when not recorded.
extern "C" EMSCRIPTEN_KEEPALIVE double siaga_frame_ms(int i) { return siaga::g_loop ? siaga::g_loop->frame_ms(i) : -1; }
