// content_files.h — what siaga-lint and siaga-pack share: reading a content folder from disk and
// running every check on it. The core does no I/O, so this thin layer does it for the tools.
#pragma once

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/content.h"

namespace siaga::tools {

// Every regular file under `folder` (hidden files and folders skipped), with paths as the portal
// sees them: "content/<relative path>", whatever the folder is called on disk. Unreadable files
// are reported as errors.
inline std::vector<SourceFile> read_content_folder(const std::filesystem::path& folder,
                                                   std::vector<Diagnostic>& diagnostics) {
  namespace fs = std::filesystem;
  std::vector<SourceFile> files;
  std::error_code error;
  fs::recursive_directory_iterator it(folder, fs::directory_options::none, error), end;
  if (error) {
    diagnostics.push_back(Diagnostic{Severity::Error, folder.string(), 0, 0, "cannot read the folder: " + error.message()});
    return files;
  }
  for (; it != end; it.increment(error)) {
    if (error) {
      diagnostics.push_back(Diagnostic{Severity::Error, folder.string(), 0, 0, "cannot list files: " + error.message()});
      break;
    }
    const std::string name = it->path().filename().string();
    if (!name.empty() && name.front() == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    const std::string relative = "content/" + fs::relative(it->path(), folder).generic_string();
    std::ifstream in(it->path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      diagnostics.push_back(Diagnostic{Severity::Error, relative, 0, 0, "cannot read the file"});
      continue;
    }
    files.push_back(SourceFile{relative, std::move(bytes)});
  }
  std::sort(files.begin(), files.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  return files;
}

struct CheckedContent {
  std::vector<SourceFile> files;
  Catalog catalog;
  std::vector<Diagnostic> diagnostics;  // reading, parsing, then cross-file checks
};

inline CheckedContent check_content_folder(const std::filesystem::path& folder) {
  CheckedContent out;
  out.files = read_content_folder(folder, out.diagnostics);
  Parsed<Catalog> built = build_catalog(out.files);
  out.diagnostics.insert(out.diagnostics.end(), built.diagnostics.begin(), built.diagnostics.end());
  out.catalog = std::move(built.value);
  const std::vector<Diagnostic> checks = check_catalog(out.catalog);
  out.diagnostics.insert(out.diagnostics.end(), checks.begin(), checks.end());
  const std::vector<Diagnostic> text_checks = check_learner_text(out.files);
  out.diagnostics.insert(out.diagnostics.end(), text_checks.begin(), text_checks.end());
  return out;
}

struct Counts {
  int errors = 0;
  int warnings = 0;
};

// Prints "path:line:column: error|warning: message" lines; warnings only when asked.
inline Counts print_diagnostics(std::FILE* out, const std::vector<Diagnostic>& diagnostics, bool with_warnings) {
  Counts counts;
  for (const Diagnostic& diagnostic : diagnostics) {
    const bool is_error = diagnostic.severity == Severity::Error;
    (is_error ? counts.errors : counts.warnings) += 1;
    if (is_error || with_warnings) std::fprintf(out, "%s\n", diagnostic.to_string().c_str());
  }
  return counts;
}

}  // namespace siaga::tools
