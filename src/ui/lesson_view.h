// lesson_view.h — draws lesson blocks (paragraphs with mixed bold/italic/links, lists, callouts,
// tables) with word wrapping, and records them in the semantic tree.
#pragma once

#include <string>
#include <vector>

#include "core/content.h"
#include "core/semantic_tree.h"
#include "ui/ui.h"

namespace siaga::ui {

struct LessonContext {
  const Fonts* fonts = nullptr;
  const UiText* text = nullptr;
  std::vector<Action>* actions = nullptr;
  std::string course_id;  // relative module links resolve inside this course
  // Heading levels follow the page, so they never skip one (WCAG heading order): Markdown heading
  // levels are shifted by heading_offset, and a callout's title sits one below parent_level, the level
  // of the heading the blocks are drawn under.
  int heading_offset = 0;
  int parent_level = 2;
};

// Returns the plain text of spans (for accessible names).
std::string plain_text(const std::vector<Span>& spans);

// parse_inline(markdown), parsed once and kept: quiz screens draw the same question, option and
// feedback text every frame, and md4c parsing it again each time was a fifth of the review screen's
// frame. The reference stays valid until the next call (the cache is emptied when it grows past a few
// thousand texts, more than every quiz of a language holds).
const std::vector<Span>& inline_spans(std::string_view markdown);

void draw_blocks(const std::vector<Block>& blocks, const LessonContext& ctx);
void draw_block(const Block& block, const LessonContext& ctx);  // one of them (the presenter picks per block)

// One wrapped paragraph of styled spans, recorded in the semantic tree with the given role.
void rich_paragraph(const std::vector<Span>& spans, const LessonContext& ctx, ImFont* font, unsigned int colour,
                    Role role = Role::Text, int level = 0);

}  // namespace siaga::ui
