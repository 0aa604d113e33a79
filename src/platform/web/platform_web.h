// platform_web.h — the browser implementation of Platform.
#pragma once

#include "platform/platform.h"

namespace siaga {

class WebPlatform final : public Platform {
 public:
  std::optional<std::string> load(std::string_view key) override;
  StoreResult save(std::string_view key, std::string_view value) override;
  bool storage_available() override;
  std::vector<std::string> preferred_languages() override;
  std::optional<std::string> take_asset(std::string_view name) override;
  std::string shape_text(std::string_view logical, int flags) override;
  void request_asset(std::string_view name) override;
  std::string asset_error(std::string_view name) override;
  AssetProgress asset_progress(std::string_view name) override;
  // siaga-lessons.wasm and siaga-facilitator.wasm, cut out at build time (tools/split-wasm.py, web/bridge/code.js).
  bool code_modules_separate() override { return true; }
  void publish_semantic_tree(std::string_view json) override;
  void set_document_language(std::string_view tag) override;
  void set_page_text(std::string_view update_ready, std::string_view reload) override;
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
  void print_document(std::string_view title, std::string_view html) override;
  void request_fullscreen(bool on) override;
  bool fullscreen() override;
  bool lms_connected() override;
  std::string lms_course() override;
  std::string lms_resume_data() override;
  void lms_report(const LmsReport& report) override;

 private:
  int address_changes_ = -1;  // SiagaBridge.addressChanges() when hash_ was read (-1: never)
  std::string hash_;
};

// Routes ImGui's copy and paste through the browser's clipboard (call after the ImGui SDL backend's
// init, which installs SDL's in-memory clipboard).
void install_web_clipboard();

}  // namespace siaga
