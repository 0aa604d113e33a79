// inline_text.cpp — inline Markdown for quiz text (questions, options, feedback), through md4c like
// the lessons, so **bold** in a question looks the same as in a lesson.
#include "core/content.h"
#include "core/markdown.h"

namespace siaga {

std::vector<Span> parse_inline(std::string_view markdown) {
  std::vector<Diagnostic> ignored;
  const std::vector<Block> blocks = parse_markdown(markdown, MarkdownContext{"", 1, false}, ignored);
  std::vector<Span> spans;
  for (const Block& block : blocks) {
    if (!spans.empty()) spans.push_back(Span{.text = " "});
    for (const Span& span : block.spans) spans.push_back(span);
  }
  if (spans.empty() && !markdown.empty()) spans.push_back(Span{.text = std::string(markdown)});
  return spans;
}

}  // namespace siaga
