// main.cpp — the web entry point: SDL2 window with a WebGL2 context, Dear ImGui, and a main loop that
// draws only when something changed.
//
// Render on demand: every SDL event (input, resize), an arrived file or a JS wake-up asks for a few
// frames (ImGui needs two or three to settle hover and layout); when none are wanted the Emscripten
// main loop is paused, so an idle portal draws nothing and costs no CPU. An SDL event watch resumes it.
//
// [SECTION] State
// [SECTION] Frame
// [SECTION] Start-up
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/controller.h"
#include "app/learner.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl2.h"
#include "imgui_internal.h"
#include "platform/web/platform_web.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/view.h"

extern "C" {
void siaga_js_first_frame();
double siaga_js_pixel_ratio();
}

namespace {

// [SECTION] State -------------------------------------------------------------------------------------

constexpr int kFramesAfterChange = 3;

struct Runtime {
  SDL_Window* window = nullptr;
  siaga::WebPlatform platform;
  siaga::AppState app;
  siaga::ui::UiState ui;
  siaga::ui::FontFiles font_files;
  siaga::ui::FrameOutput output;
  std::string published_tree;
  int frames_wanted = kFramesAfterChange;
  bool paused = false;
  bool first_frame_reported = false;
  bool wake_pending = false;        // a timed wake-up (FrameOutput::wake_after_ms) is scheduled
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
    emscripten_resume_main_loop();
  }
}

void timed_wake(void* user) {
  Runtime& rt = *static_cast<Runtime*>(user);
  rt.wake_pending = false;
  want_frames(rt);
}

int on_sdl_event(void* user, SDL_Event* event) {
  // SDL 2.26 pushes a sentinel into the queue on every poll; it is not news.
  if (event->type == SDL_POLLSENTINEL) return 0;
  want_frames(*static_cast<Runtime*>(user));
  return 0;
}

void rebuild_fonts_if_needed(Runtime& rt) {
  // The theme follows the settings too: restyle ImGui when it changed (cheap check each frame).
  if (siaga::ui::set_theme(rt.app.settings.theme)) siaga::ui::apply_theme_to_imgui();
  const float ratio = static_cast<float>(siaga_js_pixel_ratio());
  const float scale = siaga::text_scale_for(rt.app.settings.text_size);
  // The projector's large faces cost atlas space and build time: made the first time they are needed.
  const bool projector = rt.ui.projector.body || siaga::ui::is_projector_screen(rt.app.route.screen);
  if (rt.ui.fonts.body && ratio == rt.ui.pixel_ratio && scale == rt.ui.text_scale &&
      projector == (rt.ui.projector.body != nullptr))
    return;
  rt.ui.pixel_ratio = ratio;
  rt.ui.text_scale = scale;
  rt.ui.fonts = siaga::ui::build_fonts(rt.font_files, rt.ui.text_scale, ratio, projector ? &rt.ui.projector : nullptr);
  if (!rt.ui.fonts.body) {
    ImGui::GetIO().Fonts->AddFontDefault();
    rt.ui.fonts = {};
    rt.ui.projector = {};
  }
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
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
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_MOUSEBUTTONDOWN) {  // its release, too, goes to the next frame
      while (SDL_PollEvent(&event)) rt.deferred.push_back(event);
      rt.frames_wanted = std::max(rt.frames_wanted, 2);
      break;
    }
  }
  if (siaga::poll_app(rt.app, rt.platform)) rt.frames_wanted = kFramesAfterChange;
  // Input still waiting (held back above, or trickled by ImGui one change per frame when many keys
  // arrive at once) keeps the loop running until it has all been seen: pausing now would strand it.
  if (!rt.deferred.empty() || !ImGui::GetCurrentContext()->InputEventsQueue.empty())
    rt.frames_wanted = std::max(rt.frames_wanted, 1);

  if (rt.frames_wanted <= 0) {
    rt.paused = true;
    emscripten_pause_main_loop();
    return;
  }
  --rt.frames_wanted;

  const double frame_start = emscripten_get_now();
  rebuild_fonts_if_needed(rt);
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
  rt.frame_ms[rt.frames_drawn % Runtime::kFrameTimes] = emscripten_get_now() - frame_start;
  ++rt.frames_drawn;

  for (const siaga::Action& action : rt.output.actions)
    if (siaga::apply_action(rt.app, rt.platform, action)) rt.frames_wanted = kFramesAfterChange;

  std::string tree = rt.output.tree.to_json();
  if (tree != rt.published_tree) {
    rt.platform.publish_semantic_tree(tree);
    rt.published_tree = std::move(tree);
  }
  if (rt.output.wake_after_ms >= 0 && !rt.wake_pending) {
    rt.wake_pending = true;
    emscripten_set_timeout(timed_wake, rt.output.wake_after_ms, &rt);
  }
  if (!rt.first_frame_reported) {
    rt.first_frame_reported = true;
    siaga_js_first_frame();
  }
}

}  // namespace

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

// [SECTION] Start-up ----------------------------------------------------------------------------------

int main() {
  static Runtime runtime;  // lives for the page's lifetime; the main loop never returns
  g_runtime = &runtime;
  Runtime& rt = runtime;

  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    EM_ASM({ SiagaBridge.fatal(UTF8ToString($0)); }, SDL_GetError());
    return 1;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  rt.window = SDL_CreateWindow("Siaga", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1280, 800,
                               SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  SDL_GLContext gl = rt.window ? SDL_GL_CreateContext(rt.window) : nullptr;
  if (!gl) {
    EM_ASM({ SiagaBridge.fatal(UTF8ToString($0)); }, SDL_GetError());
    return 1;
  }

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  siaga::ui::apply_theme_to_imgui();
  ImGui_ImplSDL2_InitForOpenGL(rt.window, gl);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  rt.font_files.regular = rt.platform.take_asset("NotoSans-Regular.ttf").value_or("");
  rt.font_files.bold = rt.platform.take_asset("NotoSans-Bold.ttf").value_or("");
  rt.font_files.italic = rt.platform.take_asset("NotoSans-Italic.ttf").value_or("");
  siaga::start_app(rt.app, rt.platform);

  SDL_AddEventWatch(on_sdl_event, &rt);
  emscripten_set_main_loop_arg(frame, &rt, 0, false);
  return 0;
}
