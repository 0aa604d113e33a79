// markdown.cpp — Markdown to the Block/Span model of content.h, using md4c (CommonMark + tables).
//
// md4c reports a document as nested enter/leave callbacks; BlockBuilder turns them into Blocks with
// an explicit frame stack. Raw HTML is off (MD_FLAG_NOHTML), so HTML in content shows as text and is
// never interpreted. md4c gives no line numbers, but normal text arrives as pointers into our buffer,
// so a block's line is the line of its first text. Callouts are block quotes whose first paragraph
// starts with a [!MARKER]; the marker is removed and the quote becomes a Callout.
//
// [SECTION] Text helpers (entities, UTF-8)
// [SECTION] BlockBuilder: md4c callbacks -> Blocks
// [SECTION] Callouts
// [SECTION] Entry point

#include "core/markdown.h"

#include <md4c.h>

#include <array>
#include <cstdint>
#include <limits>
#include <utility>

#include "core/text_util.h"

namespace siaga {

namespace {

// [SECTION] Text helpers (entities, UTF-8) ---------------------------------------------------------

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

Span plain_span(std::string text, bool code = false) {
  Span span;
  span.text = std::move(text);
  span.code = code;
  return span;
}

void append_utf8(std::string& out, uint32_t code) {
  if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
    out += replacement_character;
  } else if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

// md4c hands entities over verbatim ("&amp;", "&#8212;"). We decode the numeric ones and the named
// ones authors actually type; anything else stays as written rather than guessing.
void append_entity(std::string& out, std::string_view entity) {
  if (entity.size() >= 4 && entity[1] == '#') {
    const bool hex = entity[2] == 'x' || entity[2] == 'X';
    uint32_t code = 0;
    bool ok = true;
    for (size_t i = hex ? 3 : 2; i + 1 < entity.size() && ok; ++i) {
      const char c = entity[i];
      uint32_t digit = 0;
      if (c >= '0' && c <= '9') digit = static_cast<uint32_t>(c - '0');
      else if (hex && c >= 'a' && c <= 'f') digit = static_cast<uint32_t>(c - 'a' + 10);
      else if (hex && c >= 'A' && c <= 'F') digit = static_cast<uint32_t>(c - 'A' + 10);
      else ok = false;
      code = code * (hex ? 16 : 10) + digit;
      if (code > 0x10FFFF) code = 0x110000;  // stays invalid, never overflows
    }
    if (ok) {
      append_utf8(out, code);
      return;
    }
  }
  static constexpr std::array<std::pair<std::string_view, uint32_t>, 24> named{{
      {"&amp;", '&'},       {"&lt;", '<'},        {"&gt;", '>'},        {"&quot;", '"'},
      {"&apos;", '\''},     {"&nbsp;", 0xA0},     {"&ndash;", 0x2013},  {"&mdash;", 0x2014},
      {"&hellip;", 0x2026}, {"&lsquo;", 0x2018},  {"&rsquo;", 0x2019},  {"&ldquo;", 0x201C},
      {"&rdquo;", 0x201D},  {"&laquo;", 0xAB},    {"&raquo;", 0xBB},    {"&copy;", 0xA9},
      {"&reg;", 0xAE},      {"&trade;", 0x2122},  {"&euro;", 0x20AC},   {"&times;", 0xD7},
      {"&deg;", 0xB0},      {"&middot;", 0xB7},   {"&bull;", 0x2022},   {"&shy;", 0xAD},
  }};
  for (const auto& [name, code] : named) {
    if (name == entity) {
      append_utf8(out, code);
      return;
    }
  }
  out += entity;
}

std::string attribute_text(const MD_ATTRIBUTE& attribute) {
  std::string out;
  if (attribute.text == nullptr || attribute.size == 0) return out;
  for (unsigned i = 0; attribute.substr_offsets[i] < attribute.size; ++i) {
    const std::string_view part(attribute.text + attribute.substr_offsets[i],
                                attribute.substr_offsets[i + 1] - attribute.substr_offsets[i]);
    switch (attribute.substr_types[i]) {
      case MD_TEXT_ENTITY: append_entity(out, part); break;
      case MD_TEXT_NULLCHAR: out += replacement_character; break;
      default: out += part; break;
    }
  }
  return out;
}

// [SECTION] BlockBuilder: md4c callbacks -> Blocks -------------------------------------------------

// Deeper nesting than this is flattened: no real lesson needs it, and the reader draws recursively.
constexpr size_t max_frames = 24;

struct Frame {
  MD_BLOCKTYPE type = MD_BLOCK_DOC;
  Block* block = nullptr;                // the Block this frame builds, if any
  ListItem* item = nullptr;              // MD_BLOCK_LI
  std::vector<Block>* children = nullptr;  // where child blocks go
  std::vector<Span>* spans = nullptr;    // where text goes
};

class BlockBuilder {
 public:
  BlockBuilder(std::string_view text, const MarkdownContext& context, std::vector<Diagnostic>& diagnostics)
      : text_(text), context_(context), diagnostics_(diagnostics), lines_(text, context.first_line) {
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == '\n') {
        line_text_.push_back(text.substr(start, i - start));
        start = i + 1;
      }
    }
  }

  std::vector<Block> run() {
    if (text_.size() > std::numeric_limits<MD_SIZE>::max()) return {};
    MD_PARSER parser{};
    parser.flags = MD_DIALECT_COMMONMARK | MD_FLAG_TABLES | MD_FLAG_NOHTML;
    parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
      return static_cast<BlockBuilder*>(self)->enter_block(type, detail);
    };
    parser.leave_block = [](MD_BLOCKTYPE type, void*, void* self) {
      return static_cast<BlockBuilder*>(self)->leave_block(type);
    };
    parser.enter_span = [](MD_SPANTYPE type, void* detail, void* self) {
      return static_cast<BlockBuilder*>(self)->enter_span(type, detail);
    };
    parser.leave_span = [](MD_SPANTYPE type, void*, void* self) {
      return static_cast<BlockBuilder*>(self)->leave_span(type);
    };
    parser.text = [](MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
      return static_cast<BlockBuilder*>(self)->on_text(type, text, size);
    };
    md_parse(text_.data(), static_cast<MD_SIZE>(text_.size()), &parser, this);
    return std::move(root_);
  }

 private:
  // A vector is only ever appended to by the frame on top of the stack, so the pointers held by the
  // frames below it (into their parents' vectors) stay valid while md4c walks the document.
  int enter_block(MD_BLOCKTYPE type, void* detail) {
    if (frames_.size() >= max_frames) {
      created_.push_back(false);
      if (!warned_depth_) {
        warned_depth_ = true;
        diagnostics_.push_back(text::warning_at(context_.path, last_line(), 1,
                                                "lists or quotes are nested too deeply; the inner levels are flattened"));
      }
      return 0;
    }
    Frame frame{type};
    Frame* parent = frames_.empty() ? nullptr : &frames_.back();
    auto add_block = [&](Block::Kind kind) -> Block* {
      if (parent == nullptr || parent->children == nullptr) return nullptr;
      parent->children->push_back(Block{});
      parent->children->back().kind = kind;
      return &parent->children->back();
    };
    switch (type) {
      case MD_BLOCK_DOC: frame.children = &root_; break;
      case MD_BLOCK_QUOTE:
        frame.block = add_block(Block::Kind::Quote);
        if (frame.block) frame.children = &frame.block->children;
        break;
      case MD_BLOCK_UL: frame.block = add_block(Block::Kind::BulletList); break;
      case MD_BLOCK_OL:
        frame.block = add_block(Block::Kind::NumberedList);
        if (frame.block) frame.block->start = static_cast<int>(std::min(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start, 999999999u));
        break;
      case MD_BLOCK_LI:
        if (parent && parent->block && (parent->type == MD_BLOCK_UL || parent->type == MD_BLOCK_OL)) {
          parent->block->items.emplace_back();
          frame.item = &parent->block->items.back();
          frame.children = &frame.item->children;
          frame.spans = &frame.item->spans;
        }
        break;
      case MD_BLOCK_HR:
        frame.block = add_block(Block::Kind::Rule);
        if (frame.block) frame.block->line = rule_line();
        break;
      case MD_BLOCK_H:
        frame.block = add_block(Block::Kind::Heading);
        if (frame.block) {
          frame.block->level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
          frame.spans = &frame.block->spans;
        }
        break;
      case MD_BLOCK_CODE: {
        frame.block = add_block(Block::Kind::Code);
        if (frame.block) {
          frame.block->spans.push_back(plain_span("", true));
          frame.spans = &frame.block->spans;
          const std::string lang = attribute_text(static_cast<MD_BLOCK_CODE_DETAIL*>(detail)->lang);
          if (lang == "quiz") quiz_code_block_ = true;
        }
        break;
      }
      case MD_BLOCK_P:
      case MD_BLOCK_HTML:
        // A list item's first paragraph is the item's own text; later ones are child blocks.
        if (parent && parent->item && parent->item->spans.empty() && parent->item->children.empty()) {
          frame.spans = &parent->item->spans;
        } else {
          frame.block = add_block(Block::Kind::Paragraph);
          if (frame.block) frame.spans = &frame.block->spans;
        }
        break;
      case MD_BLOCK_TABLE: frame.block = add_block(Block::Kind::Table); break;
      case MD_BLOCK_THEAD:
      case MD_BLOCK_TBODY:
        if (parent && parent->type == MD_BLOCK_TABLE) frame.block = parent->block;
        in_table_head_ = type == MD_BLOCK_THEAD;
        break;
      case MD_BLOCK_TR:
        if (parent && (parent->type == MD_BLOCK_THEAD || parent->type == MD_BLOCK_TBODY) && parent->block) {
          frame.block = parent->block;
          if (!in_table_head_) frame.block->rows.emplace_back();
        }
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        if (parent && parent->type == MD_BLOCK_TR && parent->block) {
          Block& table = *parent->block;
          if (in_table_head_) {
            table.header.emplace_back();
            table.align.push_back(to_align(static_cast<MD_BLOCK_TD_DETAIL*>(detail)->align));
            frame.spans = &table.header.back().spans;
          } else if (!table.rows.empty()) {
            table.rows.back().emplace_back();
            frame.spans = &table.rows.back().back().spans;
          }
        }
        break;
    }
    created_.push_back(true);
    frames_.push_back(frame);
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type) {
    if (created_.empty()) return 0;
    const bool created = created_.back();
    created_.pop_back();
    if (!created || frames_.empty()) return 0;
    Frame frame = frames_.back();
    frames_.pop_back();
    if (frame.block == nullptr) return 0;
    if (type == MD_BLOCK_QUOTE) make_callout(*frame.block);
    if (type == MD_BLOCK_CODE) finish_code(*frame.block);
    if (type == MD_BLOCK_H && frame.block->level == 2 && context_.in_module && frames_.size() == 1) {
      diagnostics_.push_back(text::error_at(
          context_.path, frame.block->line, 1,
          "the '---' line under this text makes it a section heading without an id; write '## Title {#id}', "
          "or leave a blank line before '---' for a rule: " + text::quote(plain_text(frame.block->spans))));
    }
    return 0;
  }

  void finish_code(Block& block) {
    std::string& code = block.spans.front().text;
    if (!code.empty() && code.back() == '\n') code.pop_back();
    if (quiz_code_block_) {
      quiz_code_block_ = false;
      diagnostics_.push_back(text::warning_at(
          context_.path, block.line, 1,
          "this quiz is shown as code: a ```quiz block must start at the left margin of a module file, "
          "outside lists and quotes"));
    }
  }

  int enter_span(MD_SPANTYPE type, void* detail) {
    switch (type) {
      case MD_SPAN_EM: ++italic_; break;
      case MD_SPAN_STRONG: ++bold_; break;
      case MD_SPAN_CODE: ++code_; break;
      case MD_SPAN_A: links_.push_back(attribute_text(static_cast<MD_SPAN_A_DETAIL*>(detail)->href)); break;
      case MD_SPAN_IMG:
        if (!warned_image_) {
          warned_image_ = true;
          diagnostics_.push_back(text::warning_at(context_.path, last_line(), 1,
                                                  "images are not supported; only their description is shown"));
        }
        break;
      default: break;
    }
    return 0;
  }

  int leave_span(MD_SPANTYPE type) {
    switch (type) {
      case MD_SPAN_EM: --italic_; break;
      case MD_SPAN_STRONG: --bold_; break;
      case MD_SPAN_CODE: --code_; break;
      case MD_SPAN_A:
        if (!links_.empty()) links_.pop_back();
        break;
      default: break;
    }
    return 0;
  }

  int on_text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size) {
    const std::string_view piece(data, size);
    if (data >= text_.data() && data < text_.data() + text_.size()) {
      const size_t offset = static_cast<size_t>(data - text_.data());
      last_line_index_ = static_cast<size_t>(lines_.line(offset) - context_.first_line);
      seen_text_ = true;
      for (auto it = frames_.rbegin(); it != frames_.rend(); ++it)
        if (it->block && it->block->line == 0) it->block->line = lines_.line(offset);
    }
    // Text of a flattened (too deep) block goes to the innermost kept block, if that holds text.
    if (frames_.empty() || frames_.back().spans == nullptr) return 0;
    std::string decoded;
    switch (type) {
      case MD_TEXT_NULLCHAR: decoded = replacement_character; break;
      case MD_TEXT_BR: decoded = "\n"; break;
      case MD_TEXT_SOFTBR: decoded = " "; break;
      case MD_TEXT_ENTITY: append_entity(decoded, piece); break;
      default: decoded = piece; break;
    }
    append(*frames_.back().spans, std::move(decoded));
    return 0;
  }

  void append(std::vector<Span>& spans, std::string piece) {
    if (frames_.back().type == MD_BLOCK_CODE) {  // one span with the raw text
      spans.front().text += piece;
      return;
    }
    Span style;
    style.bold = bold_ > 0;
    style.italic = italic_ > 0;
    style.code = code_ > 0;
    style.link = links_.empty() ? std::string() : links_.back();
    if (!spans.empty()) {
      Span& last = spans.back();
      if (last.bold == style.bold && last.italic == style.italic && last.code == style.code && last.link == style.link) {
        last.text += piece;
        return;
      }
    }
    style.text = std::move(piece);
    spans.push_back(std::move(style));
  }

  int last_line() const { return context_.first_line + static_cast<int>(last_line_index_); }

  // A rule has no text to locate it by: take the first rule-looking line after the last text seen.
  int rule_line() {
    size_t from = seen_text_ ? last_line_index_ + 1 : 0;
    if (rule_search_from_ > from) from = rule_search_from_;
    for (size_t i = from; i < line_text_.size(); ++i) {
      if (looks_like_rule(line_text_[i])) {
        rule_search_from_ = i + 1;
        return context_.first_line + static_cast<int>(i);
      }
    }
    return last_line();
  }

  static bool looks_like_rule(std::string_view line) {
    char mark = 0;
    int count = 0;
    for (char c : line) {
      if (c == ' ' || c == '\t' || c == '>') continue;
      if (c != '-' && c != '*' && c != '_') return false;
      if (mark != 0 && c != mark) return false;
      mark = c;
      ++count;
    }
    return count >= 3;
  }

  static CellAlign to_align(MD_ALIGN align) {
    switch (align) {
      case MD_ALIGN_LEFT: return CellAlign::Left;
      case MD_ALIGN_CENTER: return CellAlign::Center;
      case MD_ALIGN_RIGHT: return CellAlign::Right;
      default: return CellAlign::Default;
    }
  }

  static std::string plain_text(const std::vector<Span>& spans) {
    std::string out;
    for (const Span& span : spans) out += span.text;
    return out;
  }

  // [SECTION] Callouts -----------------------------------------------------------------------------

  void make_callout(Block& quote) {
    if (quote.children.empty() || quote.children.front().kind != Block::Kind::Paragraph) return;
    Block& first = quote.children.front();
    if (first.spans.empty()) return;
    Span& lead = first.spans.front();
    if (lead.bold || lead.italic || lead.code || !lead.link.empty() || !lead.text.starts_with("[!")) return;
    const size_t close = lead.text.find(']');
    if (close == std::string::npos) return;
    const std::string marker = text::to_lower(std::string_view(lead.text).substr(2, close - 2));
    static constexpr std::array<std::pair<std::string_view, CalloutKind>, 5> known{{
        {"note", CalloutKind::Note},
        {"tip", CalloutKind::Tip},
        {"warning", CalloutKind::Warning},
        {"case", CalloutKind::Case},
        {"discuss", CalloutKind::Discuss},
    }};
    CalloutKind kind = CalloutKind::None;
    for (const auto& [name, value] : known)
      if (name == marker) kind = value;
    if (kind == CalloutKind::None) {
      diagnostics_.push_back(text::warning_at(
          context_.path, quote.line, 1,
          "unknown callout " + text::quote(lead.text.substr(0, close + 1)) +
              "; use [!NOTE], [!TIP], [!WARNING], [!CASE] or [!DISCUSS] (shown as a plain quote)"));
      return;
    }
    quote.kind = Block::Kind::Callout;
    quote.callout = kind;
    size_t rest = close + 1;
    while (rest < lead.text.size() && text::is_space(lead.text[rest])) ++rest;
    lead.text.erase(0, rest);
    if (lead.text.empty()) first.spans.erase(first.spans.begin());
    if (first.spans.empty()) quote.children.erase(quote.children.begin());
  }

  std::string_view text_;
  const MarkdownContext& context_;
  std::vector<Diagnostic>& diagnostics_;
  text::LineIndex lines_;
  std::vector<std::string_view> line_text_;
  std::vector<Block> root_;
  std::vector<Frame> frames_;
  std::vector<bool> created_;  // one per md4c enter_block: whether it got a frame
  int bold_ = 0;
  int italic_ = 0;
  int code_ = 0;
  std::vector<std::string> links_;
  bool in_table_head_ = false;
  bool quiz_code_block_ = false;
  bool warned_depth_ = false;
  bool warned_image_ = false;
  bool seen_text_ = false;
  size_t last_line_index_ = 0;
  size_t rule_search_from_ = 0;
};

}  // namespace

// [SECTION] Entry point --------------------------------------------------------------------------------

std::vector<Block> parse_markdown(std::string_view text, const MarkdownContext& context,
                                  std::vector<Diagnostic>& diagnostics) {
  return BlockBuilder(text, context, diagnostics).run();
}

}  // namespace siaga
