// main.cpp — the entry point of both targets: a window from platform/window.h (the page's canvas with
// WebGL2, or the native development window), Dear ImGui, and a loop that draws only when something
// changed. Written once for both targets: what differs lives in platform/web/window_web.cpp and
// platform/native/window_native.cpp.
//
// Render on demand: every SDL event (input, resize), an arrived file or a wake-up from the page asks for
// a few frames (ImGui needs two or three to settle hover and layout); when none are wanted the loop
// pauses and the window sleeps until something happens. An idle portal draws nothing and costs no CPU.
//
// [SECTION] The loop's state
// [SECTION] Fonts
// [SECTION] Frame
// [SECTION] Start-up
#include <SDL.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "app/controller.h"
#include "app/learner.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl2.h"
#include "imgui_internal.h"
#include "platform/window.h"
#include "ui/fonts.h"
#include "ui/rtl_text.h"
#include "ui/theme.h"
#include "ui/touch_scroll.h"
#include "ui/ui.h"
#include "ui/view.h"

namespace {

constexpr int kFramesAfterChange = 3;

// [SECTION] The loop's state --------------------------------------------------------------------------

class Loop final : public siaga::FrameLoop {
 public:
  explicit Loop(siaga::Window& window) : window_(window), platform_(window.platform()) {}

  bool start();
  void frame() override;
  bool paused() const override { return paused_; }
  void wake() override;
  void timer_fired() override {
    wake_pending_ = false;
    wake();
  }
  void take_event(const SDL_Event& event) override { deferred_.push_back(event); }
  unsigned long frames_drawn() const override { return frames_drawn_; }
  double frame_ms(int i) const override {
    if (i < 0 || i >= kFrameTimes || static_cast<unsigned long>(i) >= frames_drawn_) return -1;
    return frame_ms_[(frames_drawn_ - 1 - static_cast<unsigned long>(i)) % kFrameTimes];
  }

 private:
  static int on_sdl_event(void* user, SDL_Event* event);
  void pause();
  void handle_events();
  bool rebuild_fonts_if_needed();
  void poll_italic_font();
  void poll_arabic_fonts();
  void poll_latin_extended_font();
  bool waiting_for_content();
  void draw();

  siaga::Window& window_;
  siaga::Platform& platform_;
  siaga::AppState app_;
  siaga::ui::UiState ui_;
  siaga::ui::FontFiles font_files_;
  int arabic_generation_ = 0;     // app_.rtl.generation the atlas was built with
  bool italic_requested_ = false;  // the italic face is fetched when a lesson first needs it
  bool fonts_stale_ = false;       // a face arrived: rebuild the atlas
  bool gl_objects_made_ = false;   // the OpenGL backend's shaders, buffers and atlas texture exist
  bool latin_extended_wanted_ = false;     // a Latin Extended-A letter was shown or typed
  bool latin_extended_requested_ = false;
  siaga::ui::FrameOutput output_;
  siaga::SemanticTree published_tree_;  // what the page mirrors now
  int frames_wanted_ = kFramesAfterChange;
  bool paused_ = false;
  bool wake_pending_ = false;      // a timed wake-up (FrameOutput::wake_after_ms) is scheduled
  unsigned long frames_drawn_ = 0;
  // CPU time of the most recent drawn frames (ms), for the benchmark (tools/bench): a ring buffer.
  static constexpr int kFrameTimes = 512;
  double frame_ms_[kFrameTimes] = {};
  std::vector<SDL_Event> deferred_;  // input held back to the next frame (see handle_events)
};

void Loop::wake() {
  frames_wanted_ = kFramesAfterChange;
  if (paused_) {
    paused_ = false;
    window_.resume_loop();
  }
}

void Loop::pause() {
  paused_ = true;
  window_.pause_loop();
}

int Loop::on_sdl_event(void* user, SDL_Event* event) {
  // SDL 2.26 pushes a sentinel into the queue on every poll; it is not news.
  if (event->type == SDL_POLLSENTINEL) return 0;
  Loop& loop = *static_cast<Loop*>(user);
  // A finger's path with its times, for the fling speed of touch scrolling (frames may lag behind).
  if (event->type == SDL_MOUSEMOTION && event->motion.which == SDL_TOUCH_MOUSEID)
    siaga::ui::touch_event(loop.ui_.touch, static_cast<float>(event->motion.y),
                           loop.window_.touch_time(event->motion.timestamp), false);
  if ((event->type == SDL_MOUSEBUTTONDOWN || event->type == SDL_MOUSEBUTTONUP) && event->button.which == SDL_TOUCH_MOUSEID)
    siaga::ui::touch_event(loop.ui_.touch, static_cast<float>(event->button.y),
                           loop.window_.touch_time(event->button.timestamp), event->type == SDL_MOUSEBUTTONDOWN);
  loop.wake();
  return 0;
}

// [SECTION] Fonts -------------------------------------------------------------------------------------

// Returns false when there is no font to draw with (the page then shows a problem instead).
bool Loop::rebuild_fonts_if_needed() {
  // The theme follows the settings too: restyle ImGui when it changed (cheap check each frame).
  if (siaga::ui::set_theme(app_.settings.theme)) siaga::ui::apply_theme_to_imgui();
  const float ratio = window_.pixel_ratio();
  const float scale = siaga::text_scale_for(app_.settings.text_size);
  // The projector's large faces cost atlas space and build time: made the first time they are needed.
  const bool projector = ui_.projector.body || siaga::ui::is_projector_screen(app_.route.screen);
  if (ui_.fonts.body && ratio == ui_.pixel_ratio && scale == ui_.text_scale &&
      projector == (ui_.projector.body != nullptr) && !fonts_stale_)
    return true;
  fonts_stale_ = false;
  ui_.pixel_ratio = ratio;
  ui_.text_scale = scale;
  ui_.fonts = siaga::ui::build_fonts(font_files_, ui_.text_scale, ratio, projector ? &ui_.projector : nullptr);
  if (!ui_.fonts.body) {
    if (!window_.use_fallback_font()) return false;
    ui_.fonts = {};
    ui_.projector = {};
  }
  // The first time, the backend's device objects (shaders, buffers and the atlas texture) are made
  // here, once: left to ImGui_ImplOpenGL3_NewFrame, they would upload the atlas a second time and leave
  // the first texture behind (a second copy of the atlas in GPU memory).
  if (!gl_objects_made_) {
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    gl_objects_made_ = true;
  } else {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
  return true;
}

// Italic is used only in lesson text, so it is not part of the first load (13 KB less before the
// catalog shows): it is requested the first time a module is open and, until it arrives, italic spans
// are drawn in the regular face.
void Loop::poll_italic_font() {
  constexpr const char* kItalic = "NotoSans-Italic.ttf";
  if (!font_files_.italic.empty()) return;
  if (!italic_requested_ && app_.route.screen == siaga::Screen::Module) {
    italic_requested_ = true;
    platform_.request_asset(kItalic);
  }
  if (!italic_requested_) return;
  if (auto bytes = platform_.take_asset(kItalic)) {
    font_files_.italic = std::move(*bytes);
    fonts_stale_ = true;
    frames_wanted_ = kFramesAfterChange;
  }
}

// Latin Extended-A (Ł, Ş, ğ: a learner's name from elsewhere; no course text uses it) is not part of
// the first load (5 KB less): its face is requested the first time such a letter is on screen or
// typed, and until it arrives the letter is drawn as "?". Where the faces already have it (the
// desktop's full Noto Sans), nothing is requested.
void Loop::poll_latin_extended_font() {
  constexpr const char* kLatinExtended = "NotoSans-LatinExt.ttf";
  if (!font_files_.latin_extended.empty()) return;
  if (!latin_extended_requested_) {
    for (const ImGuiInputEvent& event : ImGui::GetCurrentContext()->InputEventsQueue)
      if (event.Type == ImGuiInputEventType_Text && event.Text.Char >= 0x0100 && event.Text.Char <= 0x017F)
        latin_extended_wanted_ = true;
    if (!latin_extended_wanted_ || !ui_.fonts.body) return;
    if (ui_.fonts.body->FindGlyphNoFallback(0x0141)) return;  // Ł: the face has the block already
    latin_extended_requested_ = true;
    platform_.request_asset(kLatinExtended);
  }
  if (auto bytes = platform_.take_asset(kLatinExtended)) {
    font_files_.latin_extended = std::move(*bytes);
    fonts_stale_ = true;
    frames_wanted_ = kFramesAfterChange;
  }
}

// The Arabic faces arrive with the first right-to-left language (app/controller.cpp): merged into
// every face of the atlas under their private-use codes (ui/fonts.cpp).
void Loop::poll_arabic_fonts() {
  if (app_.rtl.generation == arabic_generation_) return;
  arabic_generation_ = app_.rtl.generation;
  font_files_.arabic_regular = app_.rtl.regular;
  font_files_.arabic_bold = app_.rtl.bold;
  fonts_stale_ = true;
  frames_wanted_ = kFramesAfterChange;
}

// [SECTION] Frame -------------------------------------------------------------------------------------

// While a text field is active, ImGui lets no other widget be hovered; a tap or quick click elsewhere
// (move, press and release in one batch) would then be lost. So a press that follows a move waits for
// the next frame, and a release never shares a frame with its press.
void Loop::handle_events() {
  SDL_Event event;
  bool moved = false;
  while (!deferred_.empty() || SDL_PollEvent(&event)) {
    if (!deferred_.empty()) {
      event = deferred_.front();
      deferred_.erase(deferred_.begin());
    }
    if (event.type == SDL_MOUSEBUTTONDOWN && moved && ImGui::GetIO().WantTextInput) {
      deferred_.push_back(event);
      while (SDL_PollEvent(&event)) deferred_.push_back(event);
      frames_wanted_ = std::max(frames_wanted_, 2);
      break;
    }
    if (event.type == SDL_MOUSEMOTION) moved = true;
    if (event.type == SDL_MOUSEBUTTONDOWN || event.type == SDL_MOUSEMOTION || event.type == SDL_KEYDOWN ||
        event.type == SDL_FINGERDOWN || event.type == SDL_MOUSEWHEEL)
      siaga::note_input(app_, platform_);
    window_.note_event(event);
    ImGui_ImplSDL2_ProcessEvent(&event);
    if (event.type == SDL_MOUSEBUTTONDOWN) {  // its release, too, goes to the next frame
      while (SDL_PollEvent(&event)) deferred_.push_back(event);
      frames_wanted_ = std::max(frames_wanted_, 2);
      break;
    }
  }
}

// A first visit starts before any content has arrived (the page prefetches only what the portal asked
// for at its last start; see web/bridge/assets.js): nothing is drawn until the interface language's
// pack is in, so the learner never sees a screen without words. If it cannot be fetched, they are told.
bool Loop::waiting_for_content() {
  if (!app_.loaded_packs.empty()) return false;
  if (!app_.language_error.empty()) {
    const std::string message = "Siaga could not download its course content (" + app_.language_error +
                                "). Check the connection and reload the page; your saved progress is kept.";
    window_.fatal(message.c_str());
  }
  return true;
}

void Loop::frame() {
  handle_events();
  if (siaga::poll_app(app_, platform_)) frames_wanted_ = kFramesAfterChange;
  poll_italic_font();
  poll_arabic_fonts();
  poll_latin_extended_font();
  // Input still waiting (held back above, or trickled by ImGui one change per frame when many keys
  // arrive at once) keeps the loop running until it has all been seen: pausing now would strand it.
  if (!deferred_.empty() || !ImGui::GetCurrentContext()->InputEventsQueue.empty())
    frames_wanted_ = std::max(frames_wanted_, 1);

  if (frames_wanted_ <= 0 || waiting_for_content()) {
    pause();
    return;
  }
  --frames_wanted_;

  const double frame_start = window_.now_ms();
  if (!rebuild_fonts_if_needed()) {
    pause();
    return;
  }
  draw();
  // The frame's cost for the benchmark: drawing, the learner's actions and the mirror for screen readers.
  frame_ms_[frames_drawn_ % kFrameTimes] = window_.now_ms() - frame_start;
  ++frames_drawn_;
  if (output_.wake_after_ms >= 0 && !wake_pending_) {
    wake_pending_ = true;
    window_.wake_after(output_.wake_after_ms);
  } else if (output_.wake_after_ms < 0 && wake_pending_) {
    // The screen no longer wants the timed redraw it asked for (a timer was paused, a glide stopped).
    wake_pending_ = false;
    window_.cancel_wake();
  }
  window_.present();
}

void Loop::draw() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  const siaga::UiText text = siaga::ui_text(app_);
  output_.actions.clear();
  output_.wake_after_ms = -1;
  siaga::ui::draw_app(app_, text, ui_, output_);
  ImGui::Render();

  const ImGuiIO& io = ImGui::GetIO();
  window_.clear(static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
                static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y),
                ImGui::GetStyle().Colors[ImGuiCol_WindowBg]);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

  for (const siaga::Action& action : output_.actions)
    if (siaga::apply_action(app_, platform_, action)) frames_wanted_ = kFramesAfterChange;

  // Compared as nodes, serialised only when something changed (most frames under a moving mouse).
  if (output_.tree != published_tree_) {
    const std::string json = output_.tree.to_json();
    platform_.publish_semantic_tree(json);
    published_tree_ = output_.tree;
    // Every text on screen is in the tree: a Latin Extended-A letter (UTF-8 lead byte C4 or C5) asks
    // for its face.
    if (!latin_extended_wanted_ && json.find_first_of("\xC4\xC5") != std::string::npos) latin_extended_wanted_ = true;
  }
}

// [SECTION] Start-up ----------------------------------------------------------------------------------

bool Loop::start() {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  siaga::ui::apply_theme_to_imgui();
  if (!window_.open()) return false;

  font_files_.regular = platform_.take_asset("NotoSans-Regular.ttf").value_or("");
  font_files_.bold = platform_.take_asset("NotoSans-Bold.ttf").value_or("");
  font_files_.language_names = platform_.take_asset("LanguageNames.ttf").value_or("");
  static siaga::Platform* shaping_platform = &platform_;
  siaga::ui::set_shape_function([](std::string_view logical, int flags) { return shaping_platform->shape_text(logical, flags); });
  siaga::start_app(app_, platform_);
  SDL_AddEventWatch(on_sdl_event, this);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  // Both live for the program's lifetime: in the page, run() returns at once and the browser calls
  // the loop from then on.
  static std::unique_ptr<siaga::Window> window = siaga::make_window(argc, argv);
  static Loop loop(*window);
  if (!loop.start()) return 1;
  window->run(loop);
  window->close();
  return 0;
}
