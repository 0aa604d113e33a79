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
  void request_asset(std::string_view name) override;
  std::string asset_error(std::string_view name) override;
  void publish_semantic_tree(std::string_view json) override;
  void set_document_language(std::string_view tag) override;
  void open_external_link(std::string_view url) override;
  std::string current_hash() override;
  void push_hash(std::string_view hash) override;
};

}  // namespace siaga
