// fuzz_content.cpp — libFuzzer entry points for everything that reads untrusted content bytes.
//
// Built four times (see CMakeLists.txt), one per SIAGA_FUZZ_<NAME>: a module/course file, the inside
// of a quiz fence, a ui.po file, and a content pack (which then goes through build_catalog and
// check_catalog, so the language comparison is fuzzed with real-looking trees). Besides crashes,
// leaks, undefined behaviour and hangs, each target checks a few promises and traps when one breaks:
// diagnostics point inside the input, quiz blocks point at real quizzes, packs read back exactly.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"

namespace {

void require(bool promise) {
  if (!promise) __builtin_trap();
}

// Lines as the parsers count them: "\n", "\r\n" and a lone "\r" each end a line.
[[maybe_unused]] int line_count(std::string_view text) {
  int lines = 1;
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++lines;
  return lines;
}

[[maybe_unused]] void require_inside(const std::vector<siaga::Diagnostic>& diagnostics, std::string_view text) {
  const int lines = line_count(text);
  for (const siaga::Diagnostic& d : diagnostics) {
    require(d.line >= 0 && d.line <= lines && d.column >= 0);
    require(!d.message.empty());
  }
}

[[maybe_unused]] void require_quiz_blocks_valid(const std::vector<siaga::Block>& blocks, const siaga::Module& module) {
  for (const siaga::Block& block : blocks)
    if (block.kind == siaga::Block::Kind::Quiz)
      require(block.quiz_index >= 0 && static_cast<size_t>(block.quiz_index) < module.quizzes.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
#if defined(SIAGA_FUZZ_MODULE)
  const auto module = siaga::parse_module(text, "content/en/c/01-m.md");
  require_inside(module.diagnostics, text);
  require(module.value.available == !siaga::has_errors(module.diagnostics));
  require_quiz_blocks_valid(module.value.intro, module.value);
  for (const siaga::Section& section : module.value.sections) require_quiz_blocks_valid(section.blocks, module.value);
  for (const siaga::Quiz& quiz : module.value.quizzes)
    for (const siaga::Question& question : quiz.questions) {
      require(!question.id.empty());
      siaga::parse_inline(question.text);
    }
  require_inside(siaga::parse_course(text, "content/en/c/course.md").diagnostics, text);
#elif defined(SIAGA_FUZZ_GIFT)
  const auto questions = siaga::parse_gift(text, "content/en/c/01-m.md", 1);
  require_inside(questions.diagnostics, text);
  for (const siaga::Question& question : questions.value) {
    require(!question.id.empty());
    require(question.line >= 1 && question.line <= line_count(text));
  }
#elif defined(SIAGA_FUZZ_PO)
  require_inside(siaga::parse_po(text, "content/id/ui.po").diagnostics, text);
  require_inside(siaga::parse_po(text, "content/en/ui.po").diagnostics, text);
#elif defined(SIAGA_FUZZ_PACK)
  const auto pack = siaga::read_pack(text, "content-en.pack");
  if (siaga::has_errors(pack.diagnostics)) {
    require(pack.value.empty());
    return 0;
  }
  require(siaga::write_pack(pack.value) == text);
  const auto catalog = siaga::build_catalog(pack.value);
  siaga::check_catalog(catalog.value);
#else
#error "define one of SIAGA_FUZZ_MODULE, SIAGA_FUZZ_GIFT, SIAGA_FUZZ_PO, SIAGA_FUZZ_PACK"
#endif
  return 0;
}
