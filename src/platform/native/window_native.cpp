// window_native.cpp — the desktop development window: an SDL window with desktop OpenGL 3.2, a loop
// that blocks in SDL_WaitEvent while nothing is to be drawn, and the command line.
//
// Options: --data DIR (stored keys, default ~/.local/share/siaga), --assets DIR (fonts and packs,
// default build/native/assets next to the binary), --downloads DIR, --tree FILE (write each published
// semantic tree), --screenshot FILE (write each drawn frame as a binary PPM), --size WxH, --route HASH.
#include <SDL.h>
#include <SDL_opengl.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl2.h"
#include "platform/native/platform_native.h"
#include "platform/window.h"

namespace siaga {

namespace {

struct Options {
  NativePlatform::Paths paths;
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

class NativeWindow final : public Window {
 public:
  explicit NativeWindow(Options options) : options_(std::move(options)), platform_(options_.paths) {
    if (!options_.route.empty()) platform_.push_hash(options_.route);
  }

  Platform& platform() override { return platform_; }

  bool open() override {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) return fail(SDL_GetError());
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    window_ = SDL_CreateWindow("Siaga", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, options_.width,
                               options_.height, SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    platform_.window = window_;  // full screen applies to it
    gl_ = window_ ? SDL_GL_CreateContext(window_) : nullptr;
    if (!gl_) return fail(SDL_GetError());
    ImGui_ImplSDL2_InitForOpenGL(window_, gl_);
    ImGui_ImplOpenGL3_Init("#version 150");
    SDL_GL_SetSwapInterval(1);
    return true;
  }

  void run(FrameLoop& loop) override {
    while (!quit_) {
      loop.frame();
      if (!loop.paused()) continue;
      // Nothing to draw: sleep until an event arrives or a timed wake-up is due.
      const int timeout = wake_at_ < 0 ? -1 : std::max(0, static_cast<int>(wake_at_ - now_ms()));
      SDL_Event event;
      const int got = timeout < 0 ? SDL_WaitEvent(&event) : SDL_WaitEventTimeout(&event, timeout);
      if (got) {
        loop.take_event(event);
        loop.wake();
      }
      if (wake_at_ >= 0 && now_ms() >= wake_at_) {
        wake_at_ = -1;
        loop.timer_fired();
      }
    }
  }

  void close() override {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_GL_DeleteContext(gl_);
    SDL_DestroyWindow(window_);
    SDL_Quit();
  }

  void pause_loop() override {}   // run() sleeps once the loop says it is paused
  void resume_loop() override {}
  void wake_after(int ms) override { wake_at_ = now_ms() + ms; }
  void cancel_wake() override { wake_at_ = -1; }

  double now_ms() override {
    return 1000.0 * static_cast<double>(SDL_GetPerformanceCounter()) / static_cast<double>(SDL_GetPerformanceFrequency());
  }
  float pixel_ratio() override {
    int window_w = 0, window_h = 0, drawable_w = 0, drawable_h = 0;
    SDL_GetWindowSize(window_, &window_w, &window_h);
    SDL_GL_GetDrawableSize(window_, &drawable_w, &drawable_h);
    return window_w > 0 ? static_cast<float>(drawable_w) / static_cast<float>(window_w) : 1.0f;
  }
  double touch_time(uint32_t sdl_timestamp) override { return sdl_timestamp; }
  void fatal(const char* message) override { std::fprintf(stderr, "siaga: %s\n", message); }
  bool use_fallback_font() override {  // without build/native/assets: ImGui's own font (ASCII)
    ImGui::GetIO().Fonts->AddFontDefault();
    return true;
  }
  void note_event(const SDL_Event& event) override {
    if (event.type == SDL_QUIT) quit_ = true;
  }
  void clear(int width, int height, const ImVec4& colour) override {
    glViewport(0, 0, width, height);
    glClearColor(colour.x, colour.y, colour.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
  }
  void present() override {
    if (!options_.screenshot.empty()) write_screenshot();
    SDL_GL_SwapWindow(window_);
  }

 private:
  bool fail(const char* message) {
    fatal(message);
    return false;
  }

  // The frame just drawn as a binary PPM (P6), written through a temporary file so a reader never sees
  // half of one. Only with --screenshot (the desktop test looks at it).
  void write_screenshot() {
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window_, &w, &h);
    std::vector<unsigned char> pixels(static_cast<size_t>(w) * static_cast<size_t>(h) * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    const std::string temp = options_.screenshot + ".tmp";
    {
      std::ofstream out(temp, std::ios::binary | std::ios::trunc);
      out << "P6\n" << w << " " << h << "\n255\n";
      for (int y = h - 1; y >= 0; --y)  // GL rows run bottom-up
        out.write(reinterpret_cast<const char*>(&pixels[static_cast<size_t>(y) * static_cast<size_t>(w) * 3]), w * 3);
    }
    std::rename(temp.c_str(), options_.screenshot.c_str());
  }

  Options options_;
  NativePlatform platform_;
  SDL_Window* window_ = nullptr;
  SDL_GLContext gl_ = nullptr;
  bool quit_ = false;
  double wake_at_ = -1;  // now_ms() of a timed wake-up, -1 = none
};

}  // namespace

std::unique_ptr<Window> make_window(int argc, char** argv) {
  return std::make_unique<NativeWindow>(parse_options(argc, argv));
}

}  // namespace siaga
