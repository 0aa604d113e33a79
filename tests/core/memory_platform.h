// memory_platform.h — a Platform held in memory, for driving the app controller in native tests.
// Storage can be told to fail, and assets "arrive" when the test hands them over.
#pragma once

#include <map>
#include <string>

#include "platform/platform.h"

namespace siaga::test {

class MemoryPlatform final : public Platform {
 public:
  std::map<std::string, std::string, std::less<>> stored;
  std::map<std::string, std::string, std::less<>> assets;        // ready to be taken
  std::map<std::string, std::string, std::less<>> asset_errors;  // fetch failures
  std::vector<std::string> requested;
  std::vector<std::string> languages = {"en-US"};
  std::string hash;
  std::string document_language;
  std::vector<std::string> opened_links;
  bool available = true;
  StoreResult next_save = StoreResult::Saved;

  std::optional<std::string> load(std::string_view key) override {
    auto it = stored.find(key);
    return it == stored.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  StoreResult save(std::string_view key, std::string_view value) override {
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
  std::string asset_error(std::string_view name) override {
    auto it = asset_errors.find(name);
    return it == asset_errors.end() ? "" : it->second;
  }
  void publish_semantic_tree(std::string_view) override {}
  void set_document_language(std::string_view tag) override { document_language = tag; }
  void open_external_link(std::string_view url) override { opened_links.emplace_back(url); }
  std::string current_hash() override { return hash; }
  void push_hash(std::string_view h) override { hash = h; }
};

}  // namespace siaga::test
