// markdown.h — internal: Markdown text (one stretch of a content file) to Block trees, via md4c.
//
// Only content.cpp calls this. It hands over the text between section headings and quiz fences, with
// the file line that text starts on, so block lines and diagnostics point into the real file.
#pragma once

#include <string_view>
#include <vector>

#include "core/content.h"

namespace siaga {

struct MarkdownContext {
  std::string_view path;   // for diagnostics
  int first_line = 1;      // file line of the text's first line
  bool in_module = false;  // a `---`-underlined heading would silently be a section without an id
};

std::vector<Block> parse_markdown(std::string_view text, const MarkdownContext& context,
                                  std::vector<Diagnostic>& diagnostics);

}  // namespace siaga
