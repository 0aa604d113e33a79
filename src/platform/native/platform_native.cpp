// platform_native.cpp — the desktop Platform: plain files instead of the browser's storage and fetches.
// Writes go to a temporary file that is renamed over the old one, so a crash or a full disk never
// leaves a half-written key behind (the old value stays).
#include "platform/native/platform_native.h"

#include <SDL.h>
#include <spawn.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <system_error>
#include <utility>

extern char** environ;

namespace siaga {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Writes bytes to path through a temporary sibling; false when any step failed (old file untouched).
bool write_file_atomically(const fs::path& path, std::string_view bytes) {
  const fs::path temp = path.string() + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      out.close();
      std::error_code ignored;
      fs::remove(temp, ignored);
      return false;
    }
  }
  std::error_code error;
  fs::rename(temp, path, error);
  return !error;
}

}  // namespace

NativePlatform::NativePlatform(Paths paths) : paths_(std::move(paths)) {
  std::error_code error;
  fs::create_directories(paths_.data, error);
  storage_ok_ = !error && fs::is_directory(paths_.data, error);
  if (!storage_ok_) std::fprintf(stderr, "siaga: cannot use %s for storage; nothing will be saved\n", paths_.data.c_str());
}

// Keys are "siaga.<name>" with ids inside; anything but [A-Za-z0-9._-] is %-escaped so a key is
// always one plain file name.
fs::path NativePlatform::key_path(std::string_view key) const {
  std::string name;
  for (const char c : key) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                       c == '_' || c == '-';
    if (plain) {
      name.push_back(c);
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", static_cast<unsigned char>(c));
      name += escaped;
    }
  }
  return paths_.data / name;
}

std::optional<std::string> NativePlatform::load(std::string_view key) {
  if (!storage_ok_) return std::nullopt;
  return read_file(key_path(key));
}

StoreResult NativePlatform::save(std::string_view key, std::string_view value) {
  if (!storage_ok_) return StoreResult::Refused;
  return write_file_atomically(key_path(key), value) ? StoreResult::Saved : StoreResult::Full;
}

bool NativePlatform::storage_available() { return storage_ok_; }

std::vector<std::string> NativePlatform::preferred_languages() {
  // LANGUAGE="id:en", LC_ALL / LANG="id_ID.UTF-8" -> "id"
  std::vector<std::string> out;
  for (const char* variable : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(variable);
    if (!value || !*value) continue;
    std::string list = value;
    size_t start = 0;
    while (start <= list.size()) {
      size_t end = list.find(':', start);
      if (end == std::string::npos) end = list.size();
      std::string tag = list.substr(start, end - start);
      tag = tag.substr(0, tag.find_first_of("._@"));
      for (char& c : tag)
        if (c == '_') c = '-';
      if (!tag.empty() && tag != "C" && tag != "POSIX") out.push_back(tag);
      start = end + 1;
    }
    if (!out.empty()) break;
  }
  return out;
}

std::optional<std::string> NativePlatform::take_asset(std::string_view name) {
  if (taken_.count(name)) return std::nullopt;
  if (name == "rtl-shaper.wasm") {
    const auto face = read_file(paths_.assets / "NotoSansArabicUI-Regular.ttf");
    if (!face || !shaper_.load_font(*face)) return std::nullopt;
    taken_.emplace(name);
    return std::string();
  }
  auto bytes = read_file(paths_.assets / std::string(name));
  if (bytes) taken_.emplace(name);
  return bytes;
}

std::string NativePlatform::shape_text(std::string_view logical, int flags) {
  return shaper_.loaded() ? shaper_.shape_line(logical, rtl::options_from_flags(flags)) : std::string(logical);
}

void NativePlatform::request_asset(std::string_view name) { taken_.erase(std::string(name)); }

std::string NativePlatform::asset_error(std::string_view name) {
  if (taken_.count(name)) return "";
  std::error_code error;
  const std::string file = name == "rtl-shaper.wasm" ? "NotoSansArabicUI-Regular.ttf" : std::string(name);
  return fs::exists(paths_.assets / file, error) ? "" : "not found in " + paths_.assets.string();
}

void NativePlatform::publish_semantic_tree(std::string_view json) {
  if (!paths_.tree.empty()) write_file_atomically(paths_.tree, json);
}

void NativePlatform::set_document_language(std::string_view) {}

void NativePlatform::open_external_link(std::string_view url) {
  // The desktop's browser, through xdg-open (no shell: the URL is one argument).
  std::string target(url);
  char program[] = "xdg-open";
  char* argv[] = {program, target.data(), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv, environ) != 0)
    std::fprintf(stderr, "siaga: could not open %s (xdg-open missing?)\n", target.c_str());
}

std::string NativePlatform::current_hash() { return hash_; }
void NativePlatform::push_hash(std::string_view hash) { hash_ = hash; }

int64_t NativePlatform::now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string NativePlatform::random_bytes(size_t count) {
  std::random_device device;  // the kernel's random source on Linux
  std::string out(count, '\0');
  for (char& c : out) c = static_cast<char>(device() & 0xff);
  return out;
}

bool NativePlatform::take_storage_changed() { return false; }  // one window, one writer
void NativePlatform::request_persistent_storage() {}

void NativePlatform::download_file(std::string_view file_name, std::string_view, std::string_view bytes) {
  std::error_code error;
  fs::create_directories(paths_.downloads, error);
  const fs::path path = paths_.downloads / fs::path(std::string(file_name)).filename();
  if (write_file_atomically(path, bytes))
    std::fprintf(stderr, "siaga: saved %s\n", path.c_str());
  else
    std::fprintf(stderr, "siaga: could not save %s\n", path.c_str());
}

void NativePlatform::pick_file(std::string_view purpose, std::string_view) {
  // No file dialog in the development window: say so through the normal "could not read" path.
  picked_ = PickedFile{std::string(purpose), "", "", "choosing files works in the web portal only"};
}

std::optional<Platform::PickedFile> NativePlatform::take_picked_file() { return std::exchange(picked_, std::nullopt); }

bool NativePlatform::lms_connected() { return false; }
std::string NativePlatform::lms_course() { return ""; }
std::string NativePlatform::lms_resume_data() { return ""; }
void NativePlatform::lms_report(const LmsReport&) {}

// No print dialog in the development window: the page is saved with the downloads, to print from a
// browser, as the web portal does where printing is unavailable.
void NativePlatform::print_document(std::string_view title, std::string_view html) {
  std::string name(title);
  for (char& c : name)
    if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|') c = '-';
  download_file(name + ".html", "text/html", html);
}

void NativePlatform::request_fullscreen(bool on) {
  if (window) SDL_SetWindowFullscreen(window, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
}

bool NativePlatform::fullscreen() {
  return window && (SDL_GetWindowFlags(window) & SDL_WINDOW_FULLSCREEN_DESKTOP) != 0;
}

}  // namespace siaga
