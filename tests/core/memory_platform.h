// memory_platform.h — a Platform held in memory, for driving the app controller in native tests.
// Storage can be told to fail, and assets "arrive" when the test hands them over.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "platform/platform.h"

namespace siaga::test {

class MemoryPlatform final : public Platform {
 public:
  std::map<std::string, std::string, std::less<>> stored;
  std::map<std::string, std::string, std::less<>> assets;        // ready to be taken
  std::map<std::string, std::string, std::less<>> asset_errors;  // fetch failures
  std::vector<std::string> requested;
  std::map<std::string, AssetProgress, std::less<>> progress;  // of requested files, as the page would report
  std::vector<std::string> languages = {"en-US"};
  std::string hash;
  std::string document_language;
  std::pair<std::string, std::string> page_text;  // the "new version" notice: words, button
  std::vector<std::string> opened_links;
  bool available = true;
  StoreResult next_save = StoreResult::Saved;
  int64_t clock_ms = 1'700'000'000'000;
  uint8_t next_random = 1;
  bool storage_changed = false;
  bool persistence_requested = false;
  struct Download {
    std::string name, mime, bytes;
  };
  std::vector<Download> downloads;
  std::vector<std::string> picks_requested;
  std::optional<PickedFile> picked;
  struct Printed {
    std::string title, html;
  };
  std::vector<Printed> printed;
  std::vector<bool> fullscreen_requests;
  bool is_fullscreen = false;
  bool lms = false;
  std::string lms_course_id;
  std::string lms_data;
  std::vector<LmsReport> lms_reports;

  std::optional<std::string> load(std::string_view key) override {
    auto it = stored.find(key);
    return it == stored.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  std::vector<std::string> saved_keys;  // every save asked for, in order
  int saves_of(std::string_view key) const { return static_cast<int>(std::count(saved_keys.begin(), saved_keys.end(), key)); }
  StoreResult save(std::string_view key, std::string_view value) override {
    saved_keys.emplace_back(key);
    if (next_save == StoreResult::Saved) stored[std::string(key)] = std::string(value);
    return next_save;
  }
  bool storage_available() override { return available; }
  std::vector<std::string> preferred_languages() override { return languages; }
  std::optional<std::string> take_asset(std::string_view name) override {
    auto it = assets.find(name);
    if (it == assets.end()) return std::nullopt;
    std::string bytes = std::move(it->second);
    assets.erase(it);
    return bytes;
  }
  void request_asset(std::string_view name) override { requested.emplace_back(name); }
  bool separate_code = false;  // as on the web: siaga-lessons.wasm and siaga-facilitator.wasm are assets
  bool code_modules_separate() override { return separate_code; }
  AssetProgress asset_progress(std::string_view name) override {
    auto it = progress.find(name);
    return it == progress.end() ? AssetProgress{} : it->second;
  }
  std::string asset_error(std::string_view name) override {
    auto it = asset_errors.find(name);
    return it == asset_errors.end() ? "" : it->second;
  }
  void publish_semantic_tree(std::string_view) override {}
  void set_document_language(std::string_view tag) override { document_language = tag; }
  void set_page_text(std::string_view update_ready, std::string_view reload) override {
    page_text = {std::string(update_ready), std::string(reload)};
  }
  void open_external_link(std::string_view url) override { opened_links.emplace_back(url); }
  std::string current_hash() override { return hash; }
  void push_hash(std::string_view h) override { hash = h; }
  int64_t now_ms() override { return clock_ms; }
  std::string random_bytes(size_t count) override {
    std::string out;
    for (size_t i = 0; i < count; ++i) out.push_back(static_cast<char>(next_random++));
    return out;
  }
  bool take_storage_changed() override { return std::exchange(storage_changed, false); }
  void request_persistent_storage() override { persistence_requested = true; }
  void download_file(std::string_view name, std::string_view mime, std::string_view bytes) override {
    downloads.push_back({std::string(name), std::string(mime), std::string(bytes)});
  }
  void pick_file(std::string_view purpose, std::string_view) override { picks_requested.emplace_back(purpose); }
  std::optional<PickedFile> take_picked_file() override { return std::exchange(picked, std::nullopt); }
  void print_document(std::string_view title, std::string_view html) override {
    printed.push_back({std::string(title), std::string(html)});
  }
  void request_fullscreen(bool on) override {
    fullscreen_requests.push_back(on);
    is_fullscreen = on;
  }
  bool fullscreen() override { return is_fullscreen; }
  bool lms_connected() override { return lms; }
  std::string lms_course() override { return lms_course_id; }
  std::string lms_resume_data() override { return lms_data; }
  void lms_report(const LmsReport& report) override { lms_reports.push_back(report); }
};

}  // namespace siaga::test
