// Markdown lesson text to Blocks and Spans (md4c underneath), checked through parse_module.
// content_test::module_file puts four front matter lines first, so the body starts on line 5.
#include <doctest/doctest.h>

#include <string>

#include "content_test_util.h"
#include "core/content.h"

using namespace siaga;
using content_test::describe;
using content_test::module_file;

namespace {

// The intro blocks of a module whose body is `body`; the module must parse without any message.
std::vector<Block> blocks(std::string_view body) {
  Parsed<Module> parsed = parse_module(module_file(body), "content/en/c/01-m.md");
  INFO(describe(parsed.diagnostics));
  REQUIRE(parsed.diagnostics.empty());
  return parsed.value.intro;
}

std::string text_of(const std::vector<Span>& spans) {
  std::string out;
  for (const Span& span : spans) out += span.text;
  return out;
}

}  // namespace

TEST_CASE("a paragraph keeps its text and its source line") {
  const auto b = blocks("\nFirst line\nsecond line.\n");
  REQUIRE(b.size() == 1);
  CHECK(b[0].kind == Block::Kind::Paragraph);
  CHECK(text_of(b[0].spans) == "First line second line.");
  CHECK(b[0].line == 6);
}

TEST_CASE("a block quote starting with [!NOTE] becomes a Note callout without the marker") {
  const auto b = blocks("> [!NOTE]\n> Keep the id.\n");
  REQUIRE(b.size() == 1);
  CHECK(b[0].kind == Block::Kind::Callout);
  CHECK(b[0].callout == CalloutKind::Note);
  REQUIRE(b[0].children.size() == 1);
  CHECK(text_of(b[0].children[0].spans) == "Keep the id.");
}

TEST_CASE("every callout marker maps to its kind, in any letter case") {
  CHECK(blocks("> [!TIP]\n> a\n")[0].callout == CalloutKind::Tip);
  CHECK(blocks("> [!WARNING]\n> a\n")[0].callout == CalloutKind::Warning);
  CHECK(blocks("> [!CASE]\n> a\n")[0].callout == CalloutKind::Case);
  CHECK(blocks("> [!DISCUSS]\n> a\n")[0].callout == CalloutKind::Discuss);
  CHECK(blocks("> [!note]\n> a\n")[0].callout == CalloutKind::Note);
}

TEST_CASE("a callout whose first line is bold text keeps that text bold") {
  const auto b = blocks("> [!CASE]\n> **An earthquake.** Then more.\n");
  REQUIRE(b[0].children.size() == 1);
  const auto& spans = b[0].children[0].spans;
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].bold);
  CHECK(spans[0].text == "An earthquake.");
}

TEST_CASE("an unknown callout marker is a warning and the block stays a plain quote") {
  Parsed<Module> parsed = parse_module(module_file("> [!IMPORTANT]\n> text\n"), "p.md");
  content_test::check_single(parsed.diagnostics, Severity::Warning, 5, 1, "unknown callout '[!IMPORTANT]'");
  REQUIRE(parsed.value.intro.size() == 1);
  CHECK(parsed.value.intro[0].kind == Block::Kind::Quote);
  CHECK(parsed.value.available);
}

TEST_CASE("a block quote without a marker is a Quote") {
  const auto b = blocks("> Just a quote.\n");
  CHECK(b[0].kind == Block::Kind::Quote);
  CHECK(text_of(b[0].children[0].spans) == "Just a quote.");
}

TEST_CASE("a pipe table keeps its header, rows and column alignment") {
  const auto b = blocks("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n| 5 | 6 | 7 | 8 |\n");
  REQUIRE(b.size() == 1);
  CHECK(b[0].kind == Block::Kind::Table);
  REQUIRE(b[0].header.size() == 4);
  CHECK(text_of(b[0].header[1].spans) == "b");
  CHECK(b[0].align == std::vector<CellAlign>{CellAlign::Left, CellAlign::Center, CellAlign::Right, CellAlign::Default});
  REQUIRE(b[0].rows.size() == 2);
  CHECK(text_of(b[0].rows[1][3].spans) == "8");
}

TEST_CASE("a nested list is a child of its item") {
  const auto b = blocks("- outer\n  - inner one\n  - inner two\n- second\n");
  REQUIRE(b.size() == 1);
  CHECK(b[0].kind == Block::Kind::BulletList);
  REQUIRE(b[0].items.size() == 2);
  CHECK(text_of(b[0].items[0].spans) == "outer");
  REQUIRE(b[0].items[0].children.size() == 1);
  CHECK(b[0].items[0].children[0].kind == Block::Kind::BulletList);
  CHECK(b[0].items[0].children[0].items.size() == 2);
}

TEST_CASE("a loose list item's first paragraph is its text and later ones are children") {
  const auto b = blocks("1. first\n\n   more about first\n\n2. second\n");
  REQUIRE(b[0].items.size() == 2);
  CHECK(text_of(b[0].items[0].spans) == "first");
  REQUIRE(b[0].items[0].children.size() == 1);
  CHECK(b[0].items[0].children[0].kind == Block::Kind::Paragraph);
}

TEST_CASE("a numbered list keeps its first number") {
  const auto b = blocks("3. three\n4. four\n");
  CHECK(b[0].kind == Block::Kind::NumberedList);
  CHECK(b[0].start == 3);
}

TEST_CASE("a link becomes a span carrying its target") {
  const auto b = blocks("See [the next module](#/course/micic/module/two) now.\n");
  const auto& spans = b[0].spans;
  REQUIRE(spans.size() == 3);
  CHECK(spans[1].text == "the next module");
  CHECK(spans[1].link == "#/course/micic/module/two");
  CHECK(spans[2].link.empty());
}

TEST_CASE("bold, italic and inline code become styled spans") {
  const auto b = blocks("a **b** *c* `d` ***e***\n");
  const auto& spans = b[0].spans;
  REQUIRE(spans.size() == 8);
  CHECK(spans[1].bold);
  CHECK(spans[3].italic);
  CHECK(spans[5].code);
  CHECK(spans[5].text == "d");
  CHECK((spans[7].bold && spans[7].italic));
}

TEST_CASE("raw HTML is kept as visible text, never as markup") {
  const auto b = blocks("<script>alert(1)</script>\n\nHi <b>there</b>.\n");
  REQUIRE(b.size() == 2);
  CHECK(text_of(b[0].spans) == "<script>alert(1)</script>");
  CHECK(text_of(b[1].spans) == "Hi <b>there</b>.");
}

TEST_CASE("entities are decoded") {
  CHECK(text_of(blocks("a &amp; b &#8212; c &#x41;\n")[0].spans) == "a & b \xE2\x80\x94 c A");
}

TEST_CASE("a fenced code block keeps its raw text in one span") {
  const auto b = blocks("```\nline **1**\n  line 2\n```\n");
  REQUIRE(b.size() == 1);
  CHECK(b[0].kind == Block::Kind::Code);
  REQUIRE(b[0].spans.size() == 1);
  CHECK(b[0].spans[0].text == "line **1**\n  line 2");
}

TEST_CASE("a ### heading inside a section is a Heading block of level 3") {
  const auto b = blocks("### Sub-heading\n");
  CHECK(b[0].kind == Block::Kind::Heading);
  CHECK(b[0].level == 3);
  CHECK(text_of(b[0].spans) == "Sub-heading");
}

TEST_CASE("a thematic break is a Rule on its own line") {
  const auto b = blocks("Before.\n\n***\n\nAfter.\n");
  REQUIRE(b.size() == 3);
  CHECK(b[1].kind == Block::Kind::Rule);
  CHECK(b[1].line == 7);
  CHECK(b[2].line == 9);
}

TEST_CASE("text underlined with '---' is an error: it would be a section without an id") {
  Parsed<Module> parsed = parse_module(module_file("\nA title\n---\n"), "p.md");
  content_test::check_single(parsed.diagnostics, Severity::Error, 6, 1, "section heading without an id");
  CHECK_FALSE(parsed.value.available);
}

TEST_CASE("a quiz fence inside a list is shown as code with a warning") {
  Parsed<Module> parsed = parse_module(module_file("- item\n\n    ```quiz id=q\n    ::a:: x {T}\n    ```\n"), "p.md");
  REQUIRE(content_test::find_diagnostic(parsed.diagnostics, "this quiz is shown as code") != nullptr);
  CHECK(parsed.value.quizzes.empty());
}

TEST_CASE("very deep nesting is flattened with a warning instead of recursing without end") {
  const std::string deep(5000, '>');
  Parsed<Module> parsed = parse_module(module_file(deep + " deep\n"), "p.md");
  CHECK(content_test::find_diagnostic(parsed.diagnostics, "nested too deeply") != nullptr);
}

TEST_CASE("inline Markdown of question text becomes styled spans") {
  const std::vector<Span> spans = parse_inline("Is **this** `code`?");
  REQUIRE(spans.size() == 5);
  CHECK(spans[1].bold);
  CHECK(spans[3].code);
  CHECK(spans[4].text == "?");
}
