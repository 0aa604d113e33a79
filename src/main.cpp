// main.cpp — the entry point of both targets: an SDL2 window with a GL context (WebGL2 in the page,
// desktop OpenGL 3 in the native development window), Dear ImGui, and a main loop that draws only when
// something changed.
//
// Render on demand: every SDL event (input, resize), an arrived file or a JS wake-up asks for a few
// frames (ImGui needs two or three to settle hover and layout); when none are wanted the loop sleeps:
// in the page the Emscripten main loop is paused (an SDL event watch resumes it), natively the thread
// blocks in SDL_WaitEventTimeout. An idle portal draws nothing and costs no CPU.
//
// Native command line (for development and the desktop test): --data DIR (stored keys, default
// ~/.local/share/siaga), --assets DIR (fonts and packs, default build/native/assets next to the
// binary), --downloads DIR, --tree FILE (write each published semantic tree), --screenshot FILE
// (write each drawn frame as a binary PPM), --size WxH, --route HASH.
//
// [SECTION] State
// [SECTION] Frame
// [SECTION] Start-up
#include <SDL.h>
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/controller.h"
#include "app/learner.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl2.h"
#include "imgui_internal.h"
#ifdef __EMSCRIPTEN__
#include "platform/web/platform_web.h"
#else
#include "platform/native/platform_native.h"
#endif
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/touch_scroll.h"
#include "ui/ui.h"
#include "ui/view.h"

#ifdef __EMSCRIPTEN__
extern "C" {
void siaga_js_first_frame();
double siaga_js_pixel_ratio();
double siaga_js_touch_time();
}
#endif

namespace {

#ifdef __EMSCRIPTEN__
double now_ms() { return emscripten_get_now(); }
void report_fatal(const char* message) { EM_ASM({ SiagaBridge.fatal(UTF8ToString($0)); }, message); }
#else
double now_ms() { return 1000.0 * static_cast<double>(SDL_GetPerformanceCounter()) / static_cast<double>(SDL_GetPerformanceFrequency()); }
void report_fatal(const char* message) { std::fprintf(stderr, "siaga: %s\n", message); }
#endif

// [SECTION] State -------------------------------------------------------------------------------------

constexpr int kFramesAfterChange = 3;

struct Runtime {
#ifdef __EMSCRIPTEN__
  siaga::WebPlatform platform;
#else
  explicit Runtime(siaga::NativePlatform::Paths paths) : platform(std::move(paths)) {}
  siaga::NativePlatform platform;
  std::string screenshot_path;  // --screenshot: each drawn frame is written here
  bool quit = false;
  double wake_at = -1;          // now_ms() of a timed wake-up, -1 = none
#endif
  SDL_Window* window = nullptr;
  siaga::AppState app;
  siaga::ui::UiState ui;
  siaga::ui::FontFiles font_files;
  bool italic_requested = false;    // the italic face is fetched when a lesson first needs it
  bool fonts_stale = false;         // a face arrived: rebuild the atlas
  siaga::ui::FrameOutput output;
  siaga::SemanticTree published_tree;  // what the page mirrors now
  int frames_wanted = kFramesAfterChange;
  bool paused = false;
  bool first_frame_reported = false;
  bool wake_pending = false;        // a timed wake-up (FrameOutput::wake_after_ms) is scheduled
  long wake_timeout = 0;            // its browser timeout (web)
  unsigned long frames_drawn = 0;
  // CPU time of the most recent drawn frames (ms), for the benchmark (tools/bench): a ring buffer.
  static constexpr int kFrameTimes = 512;
  double frame_ms[kFrameTimes] = {};
  std::vector<SDL_Event> deferred;  // input held back to the next frame (see frame())
};

Runtime* g_runtime = nullptr;  // for the C entry points the page calls; owned by main()

void want_frames(Runtime& rt) {
  rt.frames_wanted = kFramesAfterChange;
  if (rt.paused) {
    rt.paused = false;
#ifdef __EMSCRIPTEN__
    emscripten_resume_main_loop();
#endif
  }
}

void pause_loop(Runtime& rt) {
  rt.paused = true;
#ifdef __EMSCRIPTEN__
  emscripten_pause_main_loop();
#endif
}

void timed_wake(void* user) {
  Runtime& rt = *static_cast<Runtime*>(user);
  rt.wake_pending = false;
  want_frames(rt);
}

void schedule_wake(Runtime& rt, int after_ms) {
  rt.wake_pending = true;
#ifdef __EMSCRIPTEN__
  rt.wake_timeout = emscripten_set_timeout(timed_wake, after_ms, &rt);
#else
  rt.wake_at = now_ms() + after_ms;
#endif
}

// The screen no longer wants the timed redraw it asked for (a timer was paused, a glide stopped).
void cancel_wake(Runtime& rt) {
  rt.wake_pending = false;
#ifdef __EMSCRIPTEN__
  emscripten_clear_timeout(rt.wake_timeout);
#else
  rt.wake_at = -1;
#endif
}

float pixel_ratio(Runtime& rt) {
#ifdef __EMSCRIPTEN__
  (void)rt;
  return static_cast<float>(siaga_js_pixel_ratio());
#else
  int window_w = 0, window_h = 0, drawable_w = 0, drawable_h = 0;
  SDL_GetWindowSize(rt.window, &window_w, &window_h);
  SDL_GL_GetDrawableSize(rt.window, &drawable_w, &drawable_h);
  return window_w > 0 ? static_cast<float>(drawable_w) / static_cast<float>(window_w) : 1.0f;
#endif
}

// When a finger event happened, in ms. SDL stamps an event when the page receives it, but a page busy
// drawing (a slow phone, software GL) receives a flick's last move and the lift together, long after
// they happened, and the fling would read as a finger that rested. In the browser the DOM event's own
// time is used instead (web/bridge.js notes it before SDL sees the event).
double touch_time(Uint32 sdl_timestamp) {
#ifdef __EMSCRIPTEN__
  (void)sdl_timestamp;
  return siaga_js_touch_time();
#else
  return sdl_timestamp;
#endif
}

int on_sdl_event(void* user, SDL_Event* event) {
  // SDL 2.26 pushes a sentinel into the queue on every poll; it is not news.
  if (event->type == SDL_POLLSENTINEL) return 0;
  Runtime& rt = *static_cast<Runtime*>(user);
  // A finger's path with its times, for the fling speed of touch scrolling (frames may lag behind).
  if (event->type == SDL_MOUSEMOTION && event->motion.which == SDL_TOUCH_MOUSEID)
    siaga::ui::touch_event(rt.ui.touch, static_cast<float>(event->motion.y), touch_time(event->motion.timestamp), false);
  if ((event->type == SDL_MOUSEBUTTONDOWN || event->type == SDL_MOUSEBUTTONUP) && event->button.which == SDL_TOUCH_MOUSEID)
    siaga::ui::touch_event(rt.ui.touch, static_cast<float>(event->button.y), touch_time(event->button.timestamp),
                           event->type == SDL_MOUSEBUTTONDOWN);
  want_frames(rt);
  return 0;
}

// Returns false when there is no font to draw with (the web page then shows a problem instead).
bool rebuild_fonts_if_needed(Runtime& rt) {
  // The theme follows the settings too: restyle ImGui when it changed (cheap check each frame).
  if (siaga::ui::set_theme(rt.app.settings.theme)) siaga::ui::apply_theme_to_imgui();
  const float ratio = pixel_ratio(rt);
  const float scale = siaga::text_scale_for(rt.app.settings.text_size);
  // The projector's large faces cost atlas space and build time: made the first time they are needed.
  const bool projector = rt.ui.projector.body || siaga::ui::is_projector_screen(rt.app.route.screen);
  if (rt.ui.fonts.body && ratio == rt.ui.pixel_ratio && scale == rt.ui.text_scale &&
      projector == (rt.ui.projector.body != nullptr) && !rt.fonts_stale)
    return true;
  rt.fonts_stale = false;
  rt.ui.pixel_ratio = ratio;
  rt.ui.text_scale = scale;
  rt.ui.fonts = siaga::ui::build_fonts(rt.font_files, rt.ui.text_scale, ratio, projector ? &rt.ui.projector : nullptr);
  if (!rt.ui.fonts.body) {
#ifdef __EMSCRIPTEN__
    // loader.js does not start the portal without its font files, so this should not happen; if it
    // does, the learner is told. ImGui's built-in font is not in the web build (cmake/web.cmake).
    report_fatal("Siaga could not read its font files. Reload the page; your saved progress is kept.");
    return false;
#else
    ImGui::GetIO().Fonts->AddFontDefault();  // without build/native/assets: ImGui's own font (ASCII)
    rt.ui.fonts = {};
    rt.ui.projector = {};
#endif
  }
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  return true;
}

#ifndef __EMSCRIPTEN__
// The frame just drawn as a binary PPM (P6), written through a temporary file so a reader never sees
// half of one. Only with --screenshot (the desktop test looks at it).
void write_screenshot(Runtime& rt) {
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(rt.window, &w, &h);
  std::vector<unsigned char> pixels(static_cast<size_t>(w) * static_cast<size_t>(h) * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  const std::string temp = rt.screenshot_path + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << "P6\n" << w << " " << h << "\n255\n";
    for (int y = h - 1; y >= 0; --y)  // GL rows run bottom-up
      out.write(reinterpret_cast<const char*>(&pixels[static_cast<size_t>(y) * static_cast<size_t>(w) * 3]), w * 3);
  }
  std::rename(temp.c_str(), rt.screenshot_path.c_str());
}
#endif

// Italic is used only in lesson text, so it is not part of the first load (13 KB less before the
// catalog shows): it is requested the first time a module is open and, until it arrives, italic spans
// are drawn in the regular face.
void poll_italic_font(Runtime& rt) {
  constexpr const char* kItalic = "NotoSans-Italic.ttf";
  if (!rt.font_files.italic.empty()) return;
  if (!rt.italic_requested && rt.app.route.screen == siaga::Screen::Module) {
    rt.italic_requested = true;
    rt.platform.request_asset(kItalic);
  }
  if (!rt.italic_requested) return;
  if (auto bytes = rt.platform.take_asset(kItalic)) {
    rt.font_files.italic = std::move(*bytes);
    rt.fonts_stale = true;
    rt.frames_wanted = kFramesAfterChange;
  }
}

// [SECTION] Frame -------------------------------------------------------------------------------------

void frame(void* arg) {
  Runtime& rt = *static_cast<Runtime*>(arg);
  // While a text field is active, ImGui lets no other widget be hovered; a tap or quick click elsewhere
  // (move, press and release in one batch) would then be lost. So a press that follows a move waits for
  // the next frame, and a release never shares a frame with its press.
  SDL_Event event;
  bool moved = false;
  while (!rt.deferred.empty() || SDL_PollEvent(&event)) {
    if (!rt.deferred.empty()) {
      event = rt.deferred.front();
      rt.deferred.erase(rt.deferred.begin());
    }
    if (event.type == SDL_MOUSEBUTTONDOWN && moved && ImGui::GetIO().WantTextInput) {
      rt.deferred.push_back(event);
      while (SDL_PollEvent(&event)) rt.deferred.push_back(event);
      rt.frames_wanted = std::max(rt.frames_wanted, 2);
      break;
    }
    if (event.type == SDL_MOUSEMOTION) moved = true;
    if (event.type == SDL_MOUSEBUTTONDOWN || event.type == SDL_MOUSEMOTION || event.type == SDL_KEYDOWN ||
        event.type == SDL_FINGERDOWN || event.type == SDL_MOUSEWHEEL)
      siaga::note_input(rt.app, rt.platform);
#ifndef __EMSCRIPTEN__
    if (event.type == SDL_QUIT) rt.quit = true;
#endif
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_MOUSEBUTTONDOWN) {  // its release, too, goes to the next frame
      while (SDL_PollEvent(&event)) rt.deferred.push_back(event);
      rt.frames_wanted = std::max(rt.frames_wanted, 2);
      break;
    }
  }
  if (siaga::poll_app(rt.app, rt.platform)) rt.frames_wanted = kFramesAfterChange;
  poll_italic_font(rt);
  // Input still waiting (held back above, or trickled by ImGui one change per frame when many keys
  // arrive at once) keeps the loop running until it has all been seen: pausing now would strand it.
  if (!rt.deferred.empty() || !ImGui::GetCurrentContext()->InputEventsQueue.empty())
    rt.frames_wanted = std::max(rt.frames_wanted, 1);

  if (rt.frames_wanted <= 0) {
    pause_loop(rt);
    return;
  }
  --rt.frames_wanted;

  const double frame_start = now_ms();
  if (!rebuild_fonts_if_needed(rt)) {
    pause_loop(rt);
    return;
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  const siaga::UiText text = siaga::ui_text(rt.app);
  rt.output.actions.clear();
  rt.output.wake_after_ms = -1;
  siaga::ui::draw_app(rt.app, text, rt.ui, rt.output);
  ImGui::Render();

  const ImGuiIO& io = ImGui::GetIO();
  glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

  for (const siaga::Action& action : rt.output.actions)
    if (siaga::apply_action(rt.app, rt.platform, action)) rt.frames_wanted = kFramesAfterChange;

  // Compared as nodes, serialised only when something changed (most frames under a moving mouse).
  if (rt.output.tree != rt.published_tree) {
    rt.platform.publish_semantic_tree(rt.output.tree.to_json());
    rt.published_tree = rt.output.tree;
  }
  // The frame's cost for the benchmark: drawing, the learner's actions and the mirror for screen readers.
  rt.frame_ms[rt.frames_drawn % Runtime::kFrameTimes] = now_ms() - frame_start;
  ++rt.frames_drawn;
  if (rt.output.wake_after_ms >= 0 && !rt.wake_pending) schedule_wake(rt, rt.output.wake_after_ms);
  else if (rt.output.wake_after_ms < 0 && rt.wake_pending) cancel_wake(rt);
#ifdef __EMSCRIPTEN__
  if (!rt.first_frame_reported) {
    rt.first_frame_reported = true;
    siaga_js_first_frame();
  }
#else
  if (!rt.screenshot_path.empty()) write_screenshot(rt);
  SDL_GL_SwapWindow(rt.window);
#endif
}

}  // namespace

#ifdef __EMSCRIPTEN__
// Called by the page when something outside SDL happened (a file arrived, the address changed).
extern "C" EMSCRIPTEN_KEEPALIVE void siaga_wake() {
  if (g_runtime) want_frames(*g_runtime);
}

// Frames drawn since start: the benchmark and tests read this to prove an idle page draws nothing.
extern "C" EMSCRIPTEN_KEEPALIVE double siaga_frames_drawn() {
  return g_runtime ? static_cast<double>(g_runtime->frames_drawn) : 0.0;
}

// CPU time (ms) of the i-th most recent drawn frame (0 = the last), or -1 when not recorded.
extern "C" EMSCRIPTEN_KEEPALIVE double siaga_frame_ms(int i) {
  if (!g_runtime || i < 0 || i >= Runtime::kFrameTimes || static_cast<unsigned long>(i) >= g_runtime->frames_drawn)
    return -1;
  return g_runtime->frame_ms[(g_runtime->frames_drawn - 1 - static_cast<unsigned long>(i)) % Runtime::kFrameTimes];
}
#endif

// [SECTION] Start-up ----------------------------------------------------------------------------------

#ifndef __EMSCRIPTEN__
namespace {

struct Options {
  siaga::NativePlatform::Paths paths;
  std::string screenshot;
  std::string route;
  int width = 1280, height = 800;
};

// Defaults: data in $XDG_DATA_HOME/siaga (or ~/.local/share/siaga), assets next to the binary.
Options parse_options(int argc, char** argv) {
  namespace fs = std::filesystem;
  Options o;
  const char* xdg = std::getenv("XDG_DATA_HOME");
  const char* home = std::getenv("HOME");
  o.paths.data = xdg && *xdg ? fs::path(xdg) / "siaga" : fs::path(home ? home : ".") / ".local/share/siaga";
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  o.paths.assets = (error ? fs::current_path() : self.parent_path()) / "assets";
  o.paths.downloads = fs::path(home ? home : ".") / "Downloads";
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--data") o.paths.data = value;
    else if (flag == "--assets") o.paths.assets = value;
    else if (flag == "--downloads") o.paths.downloads = value;
    else if (flag == "--tree") o.paths.tree = value;
    else if (flag == "--screenshot") o.screenshot = value;
    else if (flag == "--route") o.route = value;
    else if (flag == "--size") std::sscanf(value.c_str(), "%dx%d", &o.width, &o.height);
    else std::fprintf(stderr, "siaga: unknown option %s (ignored)\n", flag.c_str());
  }
  return o;
}

}  // namespace
#endif

#ifdef __EMSCRIPTEN__
int main() {
  static Runtime runtime;  // lives for the page's lifetime; the main loop never returns
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
  const int width = 1280, height = 800;
#else
int main(int argc, char** argv) {
  Options options = parse_options(argc, argv);
  static Runtime runtime(options.paths);
  runtime.screenshot_path = options.screenshot;
  if (!options.route.empty()) runtime.platform.push_hash(options.route);
  const int width = options.width, height = options.height;
#endif
  g_runtime = &runtime;
  Runtime& rt = runtime;

  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    report_fatal(SDL_GetError());
    return 1;
  }
#ifdef __EMSCRIPTEN__
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  const char* glsl_version = "#version 300 es";
#else
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
  const char* glsl_version = "#version 150";
#endif
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  rt.window = SDL_CreateWindow("Siaga", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, width, height,
                               SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
#ifndef __EMSCRIPTEN__
  rt.platform.window = rt.window;
#endif
  SDL_GLContext gl = rt.window ? SDL_GL_CreateContext(rt.window) : nullptr;
  if (!gl) {
    report_fatal(SDL_GetError());
    return 1;
  }

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  siaga::ui::apply_theme_to_imgui();
  ImGui_ImplSDL2_InitForOpenGL(rt.window, gl);
#ifdef __EMSCRIPTEN__
  siaga::install_web_clipboard();  // after the SDL backend, which installs SDL's in-memory clipboard
#endif
  ImGui_ImplOpenGL3_Init(glsl_version);

  rt.font_files.regular = rt.platform.take_asset("NotoSans-Regular.ttf").value_or("");
  rt.font_files.bold = rt.platform.take_asset("NotoSans-Bold.ttf").value_or("");
  siaga::start_app(rt.app, rt.platform);

  SDL_AddEventWatch(on_sdl_event, &rt);
#ifdef __EMSCRIPTEN__
  emscripten_set_main_loop_arg(frame, &rt, 0, false);
#else
  SDL_GL_SetSwapInterval(1);
  while (!rt.quit) {
    frame(&rt);
    if (!rt.paused) continue;
    // Nothing to draw: sleep until an event arrives or a timed wake-up is due.
    int timeout = -1;
    if (rt.wake_at >= 0) timeout = std::max(0, static_cast<int>(rt.wake_at - now_ms()));
    SDL_Event event;
    const int got = timeout < 0 ? SDL_WaitEvent(&event) : SDL_WaitEventTimeout(&event, timeout);
    if (got) {
      rt.deferred.push_back(event);
      want_frames(rt);
    }
    if (rt.wake_at >= 0 && now_ms() >= rt.wake_at) {
      rt.wake_at = -1;
      timed_wake(&rt);
    }
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(gl);
  SDL_DestroyWindow(rt.window);
  SDL_Quit();
#endif
  return 0;
}
