// siaga-lint — checks a content folder the way the portal reads it, for authors and CI.
//
//   siaga-lint [--quiet] <content-dir>
//   siaga-lint [--quiet] <bank.gift | bank.txt>   a question bank on its own (a Moodle GIFT export)
//
// Prints every problem as "path:line:column: error|warning: message" (paths as content/en/...),
// then a summary line. --quiet prints errors only and no summary. Exits 1 on any error, else 0.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tools/content_files.h"

namespace {

int usage() {
  std::fprintf(stderr, "usage: siaga-lint [--quiet] <content-dir | bank.gift>\n");
  return 2;
}

int count_questions(const siaga::Catalog& catalog, int& modules) {
  int questions = 0;
  for (const auto& language : catalog.languages)
    for (const auto& course : language.courses)
      for (const auto& module : course.modules) {
        ++modules;
        for (const auto& quiz : module.quizzes) questions += static_cast<int>(quiz.questions.size());
      }
  return questions;
}

}  // namespace

int main(int argc, char** argv) {
  bool quiet = false;
  const char* folder = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quiet") == 0) quiet = true;
    else if (argv[i][0] == '-' || folder != nullptr) return usage();
    else folder = argv[i];
  }
  if (folder == nullptr) return usage();

  // A lone GIFT file: every question read as the portal would read it, with the same messages.
  if (std::filesystem::is_regular_file(folder)) {
    std::ifstream in(folder, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) {
      std::fprintf(stderr, "siaga-lint: cannot read %s\n", folder);
      return 2;
    }
    const auto parsed = siaga::parse_gift(bytes.str(), folder, 1);
    const siaga::tools::Counts counts = siaga::tools::print_diagnostics(stdout, parsed.diagnostics, !quiet);
    if (!quiet)
      std::printf("siaga-lint: %s: %zu question(s): %d error(s), %d warning(s)\n", folder, parsed.value.size(),
                  counts.errors, counts.warnings);
    return counts.errors > 0 ? 1 : 0;
  }

  const siaga::tools::CheckedContent content = siaga::tools::check_content_folder(folder);
  const siaga::tools::Counts counts = siaga::tools::print_diagnostics(stdout, content.diagnostics, !quiet);
  if (!quiet) {
    int modules = 0;
    const int questions = count_questions(content.catalog, modules);
    std::printf("siaga-lint: %zu language(s), %d module(s), %d question(s): %d error(s), %d warning(s)\n",
                content.catalog.languages.size(), modules, questions, counts.errors, counts.warnings);
  }
  return counts.errors > 0 ? 1 : 0;
}
