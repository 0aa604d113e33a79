// text_cache.h — what the interface makes from a text, made once and kept (the shaped form of a
// right-to-left line, the styled spans of a question's Markdown). The same texts are drawn every
// frame, so each is worked out once; the cache is simply emptied when it holds `limit` texts, far more
// than one screen or one language's quizzes draw.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace siaga::ui {

template <class Value>
class TextCache {
 public:
  explicit TextCache(size_t limit) : limit_(limit) {}

  // The value kept for `key`, or make()'s, kept from now on. The reference stays valid until the
  // next get() or clear().
  template <class Make>
  const Value& get(std::string_view key, Make&& make) {
    if (const auto found = entries_.find(key); found != entries_.end()) return found->second;
    if (entries_.size() >= limit_) entries_.clear();
    Value value = make();
    return entries_.emplace(std::string(key), std::move(value)).first->second;
  }
  void clear() { entries_.clear(); }

 private:
  std::map<std::string, Value, std::less<>> entries_;
  size_t limit_;
};

}  // namespace siaga::ui
