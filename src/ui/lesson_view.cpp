// lesson_view.cpp — rich text for lessons.
//
// Dear ImGui wraps text only within one font, so a paragraph that mixes regular, bold, italic and
// links is laid out here word by word: measure each word in its own face, break lines at the wrap
// width, draw through the window's draw list, and put an invisible button over every link word so
// links are real, focusable ImGui items.
//
// [SECTION] Inline layout
// [SECTION] Blocks
#include "ui/lesson_view.h"

#include <algorithm>
#include <string>

#include "imgui.h"
#include "rtl/shaper.h"
#include "ui/rtl_text.h"
#include "ui/text_cache.h"
#include "ui/theme.h"
#include "ui/view.h"
#include "ui/widgets.h"

namespace siaga::ui {

std::string plain_text(const std::vector<Span>& spans) {
  std::string out;
  for (const Span& span : spans) out += span.text;
  return out;
}

const std::vector<Span>& inline_spans(std::string_view markdown) {
  static TextCache<std::vector<Span>> parsed(8192);
  return parsed.get(markdown, [&] { return parse_inline(markdown); });
}

// [SECTION] Inline layout ---------------------------------------------------------------------------
namespace {

ImFont* face_for(const Span& span, const Fonts& fonts, ImFont* base) {
  if (span.bold) return fonts.bold ? fonts.bold : base;
  if (span.italic) return fonts.italic ? fonts.italic : base;
  return base;
}

void follow_link(const std::string& target, const LessonContext& ctx) {
  if (target.rfind("#/", 0) == 0) ctx.actions->push_back(Navigate{parse_route(target)});
  else ctx.actions->push_back(OpenExternal{target});
}

// A paragraph or list item that is nothing but a link (a list of modules, of sources) is a list of
// targets, not a sentence: on a phone each gets a full touch-height row. Links inside sentences keep
// the line height (WCAG 2.5.5 exempts inline links), or the text would be torn apart.
float line_height_for(const std::vector<Span>& spans, float font_size) {
  const float line_height = font_size * 1.45f;
  const bool only_links = !spans.empty() && std::all_of(spans.begin(), spans.end(), [](const Span& span) {
    return !span.link.empty() || span.text.find_first_not_of(" \n") == std::string::npos;
  });
  return only_links && narrow_layout() ? std::max(line_height, kTouchTarget) : line_height;
}

float g_right_inset = 0;  // right-to-left lists indent from the right (list() below)

// A word of a right-to-left paragraph: shaped on its own, measured in its span's face.
struct RtlWord {
  std::string visual;
  float width = 0;
  const Span* span = nullptr;
  ImFont* font = nullptr;
  bool left_to_right = false;  // a Latin word (or a number right after one): keeps reading order with its neighbours
  bool line_break = false;
};

bool has_latin_letter(std::string_view word) {
  for (size_t at = 0; at < word.size();) {
    const char32_t c = rtl::next_codepoint(word, at);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F)) return true;
  }
  return false;
}
bool is_number_word(std::string_view word) {
  bool digit = false;
  for (char c : word) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c != '.' && c != ',' && c != '%' && c != ':' && c != '/' && c != '-') return false;
  }
  return digit;
}

// The same paragraph right to left: words wrapped in reading order, each line laid out right to
// left with runs of Latin words (IOM, UNHCR, a web address) kept left to right inside it, each line
// right-aligned. Bidi at word level: the shaper orders the letters inside each word.
void rich_text_rtl(const std::vector<Span>& spans, const LessonContext& ctx, ImFont* base_font, unsigned int colour) {
  const Fonts& fonts = *ctx.fonts;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float wrap_width = std::max(80.0f, ImGui::GetContentRegionAvail().x - g_right_inset);
  ImGui::PushFont(base_font);
  const float line_height = line_height_for(spans, ImGui::GetFontSize());
  const float space = ImGui::CalcTextSize(" ").x;
  ImGui::PopFont();

  std::vector<RtlWord> words;
  for (const Span& span : spans) {
    ImFont* font = face_for(span, fonts, base_font);
    ImGui::PushFont(font);
    const std::string& text = span.text;
    size_t pos = 0;
    while (pos < text.size()) {
      if (text[pos] == '\n') { words.push_back(RtlWord{.line_break = true}); ++pos; continue; }
      if (text[pos] == ' ') { ++pos; continue; }
      size_t end = pos;
      while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
      const std::string_view word(text.data() + pos, end - pos);
      RtlWord w;
      w.left_to_right = has_latin_letter(word) ||
                        (is_number_word(word) && !words.empty() && words.back().left_to_right && !words.back().line_break);
      w.visual = shaped(word, w.left_to_right && !rtl::has_arabic_script(word));
      w.width = ImGui::CalcTextSize(w.visual.c_str()).x;
      w.span = &span;
      w.font = font;
      words.push_back(std::move(w));
      pos = end;
    }
    ImGui::PopFont();
  }

  // Lines in reading order, then drawn.
  float y = 0;
  int link_index = 0;
  struct LinkRect { float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f; };
  std::vector<std::pair<const Span*, LinkRect>> link_rects;
  size_t i = 0;
  while (i < words.size() || i == 0) {
    size_t end = i;
    float width = 0;
    while (end < words.size() && !words[end].line_break) {
      const float add = (end > i ? space : 0) + words[end].width;
      if (end > i && width + add > wrap_width) break;
      width += add;
      ++end;
    }
    // Visual order: the line reversed, each run of left-to-right words turned back.
    std::vector<size_t> order;
    for (size_t k = end; k-- > i;) order.push_back(k);
    for (size_t a = 0; a < order.size();) {
      if (!words[order[a]].left_to_right) { ++a; continue; }
      size_t b = a;
      while (b < order.size() && words[order[b]].left_to_right) ++b;
      std::reverse(order.begin() + static_cast<std::ptrdiff_t>(a), order.begin() + static_cast<std::ptrdiff_t>(b));
      a = b;
    }
    float x = origin.x + std::max(0.0f, wrap_width - width);
    for (size_t k = 0; k < order.size(); ++k) {
      const RtlWord& w = words[order[k]];
      const float font_size = w.font->FontSize;
      const unsigned int col = w.span->link.empty() ? colour : theme().link;
      const ImVec2 at(x, origin.y + y + (line_height - font_size) * 0.5f);
      draw->AddText(w.font, font_size, at, col, w.visual.c_str());
      if (w.span->code)
        draw->AddRect(ImVec2(at.x - 2, at.y - 1), ImVec2(at.x + w.width + 2, at.y + font_size + 1), theme().border, 3.0f);
      if (!w.span->link.empty()) {
        draw->AddLine(ImVec2(at.x, at.y + font_size), ImVec2(at.x + w.width, at.y + font_size), col, 1.0f);
        const ImVec2 saved = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(at.x, origin.y + y));
        ImGui::PushID(link_index++);
        if (ImGui::InvisibleButton(w.span->link.c_str(), ImVec2(std::max(w.width, 1.0f), line_height)))
          follow_link(w.span->link, ctx);
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::PopID();
        ImGui::SetCursorScreenPos(saved);
        if (link_rects.empty() || link_rects.back().first != w.span) link_rects.push_back({w.span, LinkRect{}});
        LinkRect& r = link_rects.back().second;
        r.x0 = std::min(r.x0, at.x);
        r.y0 = std::min(r.y0, origin.y + y);
        r.x1 = std::max(r.x1, at.x + w.width);
        r.y1 = std::max(r.y1, origin.y + y + line_height);
      }
      x += w.width + space;
    }
    i = end;
    if (i < words.size() && words[i].line_break) ++i;
    if (i >= words.size()) break;
    y += line_height;
  }
  for (const auto& [span, r] : link_rects) add_node(Role::Link, span->text, r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0);
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(wrap_width, y + line_height));
}

// Lays out and draws spans from the cursor, wrapping at the content region's right edge.
void rich_text(const std::vector<Span>& spans, const LessonContext& ctx, ImFont* base_font, unsigned int colour) {
  if (rtl() && !starts_left_to_right(plain_text(spans))) {  // an English lesson stays left to right
    rich_text_rtl(spans, ctx, base_font, colour);
    return;
  }
  const Fonts& fonts = *ctx.fonts;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float wrap_width = std::max(80.0f, ImGui::GetContentRegionAvail().x);
  ImGui::PushFont(base_font);
  const float line_height = line_height_for(spans, ImGui::GetFontSize());
  ImGui::PopFont();
  float x = 0, y = 0;
  int link_index = 0;

  for (const Span& span : spans) {
    ImFont* font = face_for(span, fonts, base_font);
    ImGui::PushFont(font);
    const float font_size = ImGui::GetFontSize();
    const float space = ImGui::CalcTextSize(" ").x;
    const unsigned int col = span.link.empty() ? colour : theme().link;
    const std::string& text = span.text;
    size_t pos = 0;
    float link_start_x = -1, link_start_y = 0;
    while (pos < text.size()) {
      if (text[pos] == '\n') {  // a hard line break inside the paragraph
        x = 0;
        y += line_height;
        ++pos;
        continue;
      }
      if (text[pos] == ' ') {
        if (x > 0) x += space;
        ++pos;
        continue;
      }
      size_t end = pos;
      while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
      const char* word = text.data() + pos;
      const char* word_end = text.data() + end;
      const float word_width = ImGui::CalcTextSize(word, word_end).x;
      if (x > 0 && x + word_width > wrap_width) {
        x = 0;
        y += line_height;
      }
      const ImVec2 at(origin.x + x, origin.y + y + (line_height - font_size) * 0.5f);
      draw->AddText(font, font_size, at, col, word, word_end);
      if (span.code)
        draw->AddRect(ImVec2(at.x - 2, at.y - 1), ImVec2(at.x + word_width + 2, at.y + font_size + 1),
                      theme().border, 3.0f);
      if (!span.link.empty()) {
        draw->AddLine(ImVec2(at.x, at.y + font_size), ImVec2(at.x + word_width, at.y + font_size), col, 1.0f);
        const ImVec2 saved = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(at.x, origin.y + y));
        ImGui::PushID(link_index++);
        if (ImGui::InvisibleButton(span.link.c_str(), ImVec2(std::max(word_width, 1.0f), line_height)))
          follow_link(span.link, ctx);
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::PopID();
        ImGui::SetCursorScreenPos(saved);
        if (link_start_x < 0) {
          link_start_x = at.x;
          link_start_y = origin.y + y;
        }
      }
      x += word_width;
      pos = end;
    }
    if (!span.link.empty() && link_start_x >= 0) {
      if (origin.y + y > link_start_y)  // it wrapped: the rectangle spans the lines it covers
        add_node(Role::Link, span.text, origin.x, link_start_y, wrap_width, origin.y + y + line_height - link_start_y);
      else
        add_node(Role::Link, span.text, link_start_x, link_start_y, std::max(1.0f, origin.x + x - link_start_x), line_height);
    }
    ImGui::PopFont();
  }
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(wrap_width, y + line_height));
}

}  // namespace

void rich_paragraph(const std::vector<Span>& spans, const LessonContext& ctx, ImFont* font, unsigned int colour,
                    Role role, int level) {
  const ImVec2 start = ImGui::GetCursorScreenPos();
  // The text node goes in before the links inside it, so the mirror reads in order; its size is
  // known only after layout. Kept by index: the links' nodes may reallocate the list.
  const size_t index = node_count();
  add_node(role, plain_text(spans), start.x, start.y, 0, 0);
  rich_text(spans, ctx, font, colour);
  if (SemanticNode* node = node_at(index)) {
    const ImVec2 end = ImGui::GetItemRectMax();
    node->level = level;
    node->w = end.x - start.x;
    node->h = end.y - start.y;
  }
}

namespace {

void paragraph(const std::vector<Span>& spans, const LessonContext& ctx, ImFont* font, unsigned int colour,
               Role role = Role::Text, int level = 0) {
  rich_paragraph(spans, ctx, font, colour, role, level);
}

// [SECTION] Blocks -----------------------------------------------------------------------------------

const char* callout_label_key(CalloutKind kind) {
  switch (kind) {
    case CalloutKind::Note: return "callout.note";
    case CalloutKind::Tip: return "callout.tip";
    case CalloutKind::Warning: return "callout.warning";
    case CalloutKind::Case: return "callout.case";
    case CalloutKind::Discuss: return "callout.discuss";
    case CalloutKind::None: break;
  }
  return "callout.note";
}

unsigned int callout_colour(CalloutKind kind) {
  switch (kind) {
    case CalloutKind::Tip: return theme().tip;
    case CalloutKind::Warning: return theme().warning;
    case CalloutKind::Case: return theme().case_study;
    case CalloutKind::Discuss: return theme().discuss;
    default: return theme().note;
  }
}

void list(const Block& block, const LessonContext& ctx) {
  int number = block.start;
  for (const ListItem& item : block.items) {
    const std::string marker =
        block.kind == Block::Kind::NumberedList ? std::to_string(number++) + "." : std::string("\xE2\x80\xA2");
    ImGui::PushFont(ctx.fonts->body);
    const float indent = ImGui::CalcTextSize("00.").x + 10;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float line_height = line_height_for(item.spans, ImGui::GetFontSize());
    if (rtl()) {  // the marker on the right, the item indented from the right
      const std::string& visual = shaped(marker);
      const float right = at.x + ImGui::GetContentRegionAvail().x - g_right_inset;
      ImGui::GetWindowDrawList()->AddText(
          ImVec2(right - ImGui::CalcTextSize(visual.c_str()).x, at.y + (line_height - ImGui::GetFontSize()) * 0.5f),
          theme().muted, visual.c_str());
      ImGui::PopFont();
      g_right_inset += indent;
      paragraph(item.spans, ctx, ctx.fonts->body, theme().text);
      if (!item.children.empty()) draw_blocks(item.children, ctx);
      g_right_inset -= indent;
      continue;
    }
    ImGui::GetWindowDrawList()->AddText(ImVec2(at.x, at.y + (line_height - ImGui::GetFontSize()) * 0.5f),
                                        theme().muted, marker.c_str());
    ImGui::PopFont();
    ImGui::Indent(indent);
    paragraph(item.spans, ctx, ctx.fonts->body, theme().text);
    if (!item.children.empty()) draw_blocks(item.children, ctx);
    ImGui::Unindent(indent);
  }
}

void table(const Block& block, const LessonContext& ctx) {
  const int columns = static_cast<int>(std::max(block.header.size(), block.align.size()));
  if (columns <= 0) return;
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame;
  ImGui::PushID(block.line);
  if (ImGui::BeginTable("table", columns, flags)) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < columns; ++c) {
      ImGui::TableSetColumnIndex(c);
      if (c < static_cast<int>(block.header.size())) paragraph(block.header[c].spans, ctx, ctx.fonts->bold, theme().text);
    }
    for (const auto& row : block.rows) {
      ImGui::TableNextRow();
      for (int c = 0; c < columns && c < static_cast<int>(row.size()); ++c) {
        ImGui::TableSetColumnIndex(c);
        paragraph(row[c].spans, ctx, ctx.fonts->body, theme().text);
      }
    }
    ImGui::EndTable();
  }
  ImGui::PopID();
}

void callout(const Block& block, const LessonContext& ctx) {
  const std::string label(ctx.text ? (*ctx.text)(callout_label_key(block.callout)) : "Note");
  ImGui::PushID(&block);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, callout_colour(block.callout));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 12));
  ImGui::BeginChild("callout", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysUseWindowPadding);
  heading(label, std::min(6, ctx.parent_level + 1), ctx.fonts->bold);
  draw_blocks(block.children, ctx);
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  ImGui::PopID();
}

}  // namespace

void draw_blocks(const std::vector<Block>& blocks, const LessonContext& ctx) {
  for (const Block& block : blocks) draw_block(block, ctx);
}

void draw_block(const Block& block, const LessonContext& ctx) {
  switch (block.kind) {
    case Block::Kind::Paragraph: paragraph(block.spans, ctx, ctx.fonts->body, theme().text); break;
    case Block::Kind::Heading: {
      ImFont* font = block.level <= 2 ? ctx.fonts->h2 : ctx.fonts->h3;
      ImGui::Spacing();
      // A course introduction may carry "## Title {#id}" like a module; the id is not for reading.
      std::vector<Span> spans = block.spans;
      if (!spans.empty()) {
        std::string& last = spans.back().text;
        if (const size_t open = last.rfind(" {#"); open != std::string::npos && last.back() == '}') last.erase(open);
      }
      paragraph(spans, ctx, font, theme().heading, Role::Heading, std::min(6, block.level + ctx.heading_offset));
      break;
    }
    case Block::Kind::BulletList:
    case Block::Kind::NumberedList: list(block, ctx); break;
    case Block::Kind::Quote:
      ImGui::Indent(16);
      draw_blocks(block.children, ctx);
      ImGui::Unindent(16);
      break;
    case Block::Kind::Callout: callout(block, ctx); break;
    case Block::Kind::Table: table(block, ctx); break;
    case Block::Kind::Code:
      ImGui::PushStyleColor(ImGuiCol_Text, theme().muted);
      text_wrapped(plain_text(block.spans));
      ImGui::PopStyleColor();
      break;
    case Block::Kind::Rule: ImGui::Separator(); break;
    case Block::Kind::Quiz: break;  // quizzes are drawn by the quiz screen
  }
  ImGui::Spacing();
}

}  // namespace siaga::ui
