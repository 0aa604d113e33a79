// platform_native.h — Platform for the desktop window (development and demos on a laptop): storage as
// one file per key in a data folder, assets read from a folder, downloads written to a folder.
#pragma once

#include <filesystem>
#include <set>
#include <string>

#include "platform/platform.h"
#include "rtl/shaper.h"

struct SDL_Window;

namespace siaga {

class NativePlatform final : public Platform {
 public:
  struct Paths {
    std::filesystem::path data;       // stored keys (one file each)
    std::filesystem::path assets;     // fonts and content packs (build/native/assets)
    std::filesystem::path downloads;  // where "download" writes files
    std::filesystem::path tree;       // if set, every published semantic tree is written here (tests)
  };
  explicit NativePlatform(Paths paths);
  SDL_Window* window = nullptr;  // set by main: full screen applies to it

  std::optional<std::string> load(std::string_view key) override;
  StoreResult save(std::string_view key, std::string_view value) override;
  bool storage_available() override;
  std::vector<std::string> preferred_languages() override;
  std::optional<std::string> take_asset(std::string_view name) override;
  // The shaper is linked in here: "rtl-shaper.wasm" is ready once the Arabic face in the assets loads.
  std::string shape_text(std::string_view logical, int flags) override;
  void request_asset(std::string_view name) override;
  std::string asset_error(std::string_view name) override;
  void publish_semantic_tree(std::string_view json) override;
  void set_document_language(std::string_view tag) override;
  void set_page_text(std::string_view, std::string_view) override {}  // the window has no page around it
  void open_external_link(std::string_view url) override;
  std::string current_hash() override;
  void push_hash(std::string_view hash) override;
  int64_t now_ms() override;
  std::string random_bytes(size_t count) override;
  bool take_storage_changed() override;
  void request_persistent_storage() override;
  void download_file(std::string_view file_name, std::string_view mime_type, std::string_view bytes) override;
  void pick_file(std::string_view purpose, std::string_view accept) override;
  std::optional<PickedFile> take_picked_file() override;
  bool lms_connected() override;
  std::string lms_course() override;
  std::string lms_resume_data() override;
  void lms_report(const LmsReport& report) override;
  void print_document(std::string_view title, std::string_view html) override;
  void request_fullscreen(bool on) override;
  bool fullscreen() override;

 private:
  std::filesystem::path key_path(std::string_view key) const;

  Paths paths_;
  rtl::Shaper shaper_;
  bool storage_ok_ = false;
  std::set<std::string, std::less<>> taken_;  // assets handed over once, like the page does
  std::string hash_;
  std::optional<PickedFile> picked_;
};

}  // namespace siaga
