// platform_web.cpp — Platform for the browser: every call goes through web/siaga_library.js to the
// bridge in web/bridge/ (shipped as bridge.js).
#include "platform/web/platform_web.h"

#include <SDL.h>
#include <emscripten.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "imgui.h"

extern "C" {
char* siaga_js_storage_get(const char* key);
int siaga_js_storage_set(const char* key, const char* value);
int siaga_js_storage_available();
char* siaga_js_languages();
unsigned char* siaga_js_take_asset(const char* name, int* length);
void siaga_js_request_asset(const char* name);
void siaga_js_asset_progress(const char* name, double* out);
char* siaga_js_asset_error(const char* name);
void siaga_js_publish_tree(const char* json);
int siaga_js_address_changes();
unsigned char* siaga_js_rtl_shape(const char* text, int length, int flags, int* out_length);
void siaga_js_set_document_language(const char* tag);
void siaga_js_set_page_text(const char* update_ready, const char* reload);
void siaga_js_open_link(const char* url);
char* siaga_js_get_hash();
void siaga_js_push_hash(const char* hash);
double siaga_js_now();
void siaga_js_random(unsigned char* out, int count);
int siaga_js_take_storage_changed();
void siaga_js_request_persistence();
void siaga_js_download(const char* name, const char* mime, const char* bytes, int length);
void siaga_js_pick_file(const char* purpose, const char* accept);
unsigned char* siaga_js_take_picked(int* length, char** meta);
void siaga_js_print(const char* title, const char* html, int length);
void siaga_js_request_fullscreen(int on);
int siaga_js_fullscreen();
int siaga_js_lms_connected();
char* siaga_js_lms_course();
char* siaga_js_lms_resume();
void siaga_js_lms_report(const char* status, int score, const char* data);
void siaga_js_clipboard_write(const char* text);
}

namespace siaga {

namespace {
// Takes ownership of a malloc'd C string from the bridge.
std::optional<std::string> adopt(char* text) {
  if (!text) return std::nullopt;
  std::string out(text);
  std::free(text);
  return out;
}
}  // namespace

std::string WebPlatform::shape_text(std::string_view logical, int flags) {
  int length = 0;
  unsigned char* visual = siaga_js_rtl_shape(logical.data(), static_cast<int>(logical.size()), flags, &length);
  if (!visual) return std::string(logical);
  std::string out(reinterpret_cast<const char*>(visual), static_cast<size_t>(length));
  std::free(visual);
  return out;
}

std::optional<std::string> WebPlatform::load(std::string_view key) {
  return adopt(siaga_js_storage_get(std::string(key).c_str()));
}

StoreResult WebPlatform::save(std::string_view key, std::string_view value) {
  switch (siaga_js_storage_set(std::string(key).c_str(), std::string(value).c_str())) {
    case 0: return StoreResult::Saved;
    case 1: return StoreResult::Full;
    default: return StoreResult::Refused;
  }
}

bool WebPlatform::storage_available() { return siaga_js_storage_available() != 0; }

std::vector<std::string> WebPlatform::preferred_languages() {
  std::vector<std::string> out;
  const std::string list = adopt(siaga_js_languages()).value_or("");
  size_t start = 0;
  while (start < list.size()) {
    size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    if (end > start) out.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::optional<std::string> WebPlatform::take_asset(std::string_view name) {
  int length = 0;
  unsigned char* bytes = siaga_js_take_asset(std::string(name).c_str(), &length);
  if (!bytes) return std::nullopt;
  std::string out(reinterpret_cast<const char*>(bytes), static_cast<size_t>(length));
  std::free(bytes);
  return out;
}

void WebPlatform::request_asset(std::string_view name) { siaga_js_request_asset(std::string(name).c_str()); }

Platform::AssetProgress WebPlatform::asset_progress(std::string_view name) {
  double out[2] = {0, 0};
  siaga_js_asset_progress(std::string(name).c_str(), out);
  return AssetProgress{static_cast<int64_t>(out[0]), static_cast<int64_t>(out[1])};
}

std::string WebPlatform::asset_error(std::string_view name) {
  return adopt(siaga_js_asset_error(std::string(name).c_str())).value_or("");
}

void WebPlatform::publish_semantic_tree(std::string_view json) { siaga_js_publish_tree(std::string(json).c_str()); }

void WebPlatform::set_document_language(std::string_view tag) {
  siaga_js_set_document_language(std::string(tag).c_str());
}

void WebPlatform::set_page_text(std::string_view update_ready, std::string_view reload) {
  siaga_js_set_page_text(std::string(update_ready).c_str(), std::string(reload).c_str());
}

void WebPlatform::open_external_link(std::string_view url) { siaga_js_open_link(std::string(url).c_str()); }

// The controller asks in every frame; the page reads location.hash again only after the address changed.
std::string WebPlatform::current_hash() {
  if (const int changes = siaga_js_address_changes(); changes != address_changes_) {
    address_changes_ = changes;
    hash_ = adopt(siaga_js_get_hash()).value_or("");
  }
  return hash_;
}

void WebPlatform::push_hash(std::string_view hash) { siaga_js_push_hash(std::string(hash).c_str()); }

int64_t WebPlatform::now_ms() { return static_cast<int64_t>(siaga_js_now()); }

std::string WebPlatform::random_bytes(size_t count) {
  std::string out(count, '\0');
  siaga_js_random(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(count));
  return out;
}

bool WebPlatform::take_storage_changed() { return siaga_js_take_storage_changed() != 0; }

void WebPlatform::request_persistent_storage() { siaga_js_request_persistence(); }

void WebPlatform::download_file(std::string_view file_name, std::string_view mime_type, std::string_view bytes) {
  siaga_js_download(std::string(file_name).c_str(), std::string(mime_type).c_str(), bytes.data(),
                    static_cast<int>(bytes.size()));
}

void WebPlatform::pick_file(std::string_view purpose, std::string_view accept) {
  siaga_js_pick_file(std::string(purpose).c_str(), std::string(accept).c_str());
}

std::optional<Platform::PickedFile> WebPlatform::take_picked_file() {
  int length = 0;
  char* meta = nullptr;
  unsigned char* bytes = siaga_js_take_picked(&length, &meta);
  if (!bytes) return std::nullopt;
  PickedFile picked;
  picked.bytes.assign(reinterpret_cast<const char*>(bytes), static_cast<size_t>(length));
  std::free(bytes);
  const std::string meta_text = adopt(meta).value_or("{}");
  const auto json = nlohmann::json::parse(meta_text.begin(), meta_text.end(), nullptr, false);
  auto read = [&](const char* key, std::string& out) {
    if (!json.is_object()) return;
    if (auto it = json.find(key); it != json.end() && it->is_string()) out = it->get<std::string>();
  };
  read("purpose", picked.purpose);
  read("name", picked.name);
  read("error", picked.error);
  return picked;
}

void WebPlatform::print_document(std::string_view title, std::string_view html) {
  siaga_js_print(std::string(title).c_str(), html.data(), static_cast<int>(html.size()));
}
void WebPlatform::request_fullscreen(bool on) { siaga_js_request_fullscreen(on ? 1 : 0); }
bool WebPlatform::fullscreen() { return siaga_js_fullscreen() != 0; }

bool WebPlatform::lms_connected() { return siaga_js_lms_connected() != 0; }
std::string WebPlatform::lms_course() { return adopt(siaga_js_lms_course()).value_or(""); }
std::string WebPlatform::lms_resume_data() { return adopt(siaga_js_lms_resume()).value_or(""); }
void WebPlatform::lms_report(const LmsReport& report) {
  siaga_js_lms_report(report.lesson_status.c_str(), report.score_raw, report.suspend_data.c_str());
}

}  // namespace siaga

// [SECTION] Text from the page ---------------------------------------------------------------------
// SDL's Emscripten port listens for keys on the canvas only and cannot raise a phone's keyboard, and
// its clipboard lives in memory. web/bridge/typing.js therefore focuses a real <input> when a finger taps a
// text field and hands what is typed there to these functions, which put it into SDL's event queue as
// if the canvas had received it; and ImGui's clipboard goes through the browser's clipboard.
namespace {

std::string g_clipboard;  // the last text copied in the portal or pasted into it

const char* get_clipboard(void*) { return g_clipboard.c_str(); }

void set_clipboard(void*, const char* text) {
  g_clipboard = text ? text : "";
  siaga_js_clipboard_write(g_clipboard.c_str());
}

struct NamedKey {
  const char* name;  // KeyboardEvent.key
  SDL_Keycode key;
  SDL_Scancode scancode;
};

constexpr NamedKey kKeys[] = {
    {"Backspace", SDLK_BACKSPACE, SDL_SCANCODE_BACKSPACE}, {"Enter", SDLK_RETURN, SDL_SCANCODE_RETURN},
    {"Escape", SDLK_ESCAPE, SDL_SCANCODE_ESCAPE},          {"Tab", SDLK_TAB, SDL_SCANCODE_TAB},
    {"Delete", SDLK_DELETE, SDL_SCANCODE_DELETE},          {"Home", SDLK_HOME, SDL_SCANCODE_HOME},
    {"End", SDLK_END, SDL_SCANCODE_END},                   {"ArrowLeft", SDLK_LEFT, SDL_SCANCODE_LEFT},
    {"ArrowRight", SDLK_RIGHT, SDL_SCANCODE_RIGHT},        {"ArrowUp", SDLK_UP, SDL_SCANCODE_UP},
    {"ArrowDown", SDLK_DOWN, SDL_SCANCODE_DOWN},           {"a", SDLK_a, SDL_SCANCODE_A},
    {"c", SDLK_c, SDL_SCANCODE_C},                         {"v", SDLK_v, SDL_SCANCODE_V},
    {"x", SDLK_x, SDL_SCANCODE_X},                         {"y", SDLK_y, SDL_SCANCODE_Y},
    {"z", SDLK_z, SDL_SCANCODE_Z},
};

void push_key(const NamedKey& key, Uint16 mod) {
  for (const Uint32 type : {SDL_KEYDOWN, SDL_KEYUP}) {
    SDL_Event event{};
    event.type = type;
    event.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    event.key.keysym.sym = key.key;
    event.key.keysym.scancode = key.scancode;
    event.key.keysym.mod = type == SDL_KEYDOWN ? mod : KMOD_NONE;
    SDL_PushEvent(&event);
  }
}

}  // namespace

namespace siaga {
void install_web_clipboard() {
  ImGuiIO& io = ImGui::GetIO();
  io.SetClipboardTextFn = set_clipboard;
  io.GetClipboardTextFn = get_clipboard;
  io.ClipboardUserData = nullptr;
}
}  // namespace siaga

// Typed text (UTF-8), as SDL_TEXTINPUT events of at most 31 bytes, split between characters.
extern "C" EMSCRIPTEN_KEEPALIVE void siaga_text_input(const char* text) {
  const size_t length = text ? std::strlen(text) : 0;
  size_t start = 0;
  while (start < length) {
    size_t end = std::min(length, start + SDL_TEXTINPUTEVENT_TEXT_SIZE - 1);
    while (end < length && end > start && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    SDL_Event event{};
    event.type = SDL_TEXTINPUT;
    std::memcpy(event.text.text, text + start, end - start);
    SDL_PushEvent(&event);
    start = end;
  }
}

// A key press and release by its KeyboardEvent.key name (only the keys a text field needs).
// modifiers: 1 = Ctrl, 2 = Shift. Returns 0 for a key it does not know.
extern "C" EMSCRIPTEN_KEEPALIVE int siaga_key(const char* name, int modifiers) {
  Uint16 mod = KMOD_NONE;
  if (modifiers & 1) mod |= KMOD_LCTRL;
  if (modifiers & 2) mod |= KMOD_LSHIFT;
  for (const NamedKey& key : kKeys)
    if (name && std::strcmp(name, key.name) == 0) {
      push_key(key, mod);
      return 1;
    }
  return 0;
}

// The page received a paste (Ctrl+V, or a phone's Paste menu): it becomes the clipboard and the text
// field pastes it as on a desktop.
extern "C" EMSCRIPTEN_KEEPALIVE void siaga_paste(const char* text) {
  g_clipboard = text ? text : "";
  siaga_key("v", 1);
}
