// platform.h — everything the app asks of the machine it runs on, in one small interface.
// One implementation per target: platform/web (browser, through web/bridge.js) and platform/native.
// The UI never calls this; main applies the UI's recorded actions through it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace siaga {

enum class StoreResult { Saved, Full, Refused };

class Platform {
 public:
  virtual ~Platform() = default;

  // Key-value storage (localStorage in the page). load returns nullopt when absent or unreadable.
  virtual std::optional<std::string> load(std::string_view key) = 0;
  virtual StoreResult save(std::string_view key, std::string_view value) = 0;
  // False when the browser refuses storage (private mode, blocked): the session runs in memory.
  virtual bool storage_available() = 0;

  // The browser's preferred languages, most wanted first.
  virtual std::vector<std::string> preferred_languages() = 0;

  // Files fetched by the page (fonts, content packs). take_asset hands over an arrived file once;
  // request_asset starts fetching one that is not there yet (the loop is woken when it arrives).
  virtual std::optional<std::string> take_asset(std::string_view name) = 0;
  virtual void request_asset(std::string_view name) = 0;
  virtual std::string asset_error(std::string_view name) = 0;  // "" unless fetching it failed

  virtual void publish_semantic_tree(std::string_view json) = 0;
  virtual void set_document_language(std::string_view tag) = 0;
  virtual void open_external_link(std::string_view url) = 0;

  // The address bar's hash, and replacing/pushing it when the screen changes.
  virtual std::string current_hash() = 0;
  virtual void push_hash(std::string_view hash) = 0;
};

}  // namespace siaga
