// siaga-pack — writes the content packs the portal downloads, one per language.
//
//   siaga-pack <content-dir> <out-dir>
//
// Runs every siaga-lint check first and refuses (exit 1) on any error, so a broken course never
// ships. Then writes <out-dir>/content-<lang>.pack holding that language's course files and ui.po,
// with their paths kept as content/<lang>/..., and <out-dir>/languages.json listing the languages
// shipped (the language menu, and which languages need en's pack beside theirs).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "core/i18n.h"
#include "tools/content_files.h"

namespace {

// The files the catalog actually reads: the pack carries nothing else.
std::set<std::string> used_paths(const siaga::Catalog& catalog) {
  std::set<std::string> paths;
  for (const auto& language : catalog.languages) {
    if (!language.ui.by_key.empty()) paths.insert("content/" + language.tag + "/ui.po");
    for (const auto& course : language.courses) {
      paths.insert(course.path);
      for (const auto& module : course.modules) paths.insert(module.path);
    }
  }
  return paths;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: siaga-pack <content-dir> <out-dir>\n");
    return 2;
  }
  const std::filesystem::path folder = argv[1];
  const std::filesystem::path out_dir = argv[2];

  const siaga::tools::CheckedContent content = siaga::tools::check_content_folder(folder);
  const siaga::tools::Counts counts = siaga::tools::print_diagnostics(stderr, content.diagnostics, true);
  if (counts.errors > 0) {
    std::fprintf(stderr, "siaga-pack: %d error(s); no pack written\n", counts.errors);
    return 1;
  }

  std::error_code error;
  std::filesystem::create_directories(out_dir, error);
  const std::set<std::string> used = used_paths(content.catalog);
  for (const auto& language : content.catalog.languages) {
    const std::string prefix = "content/" + language.tag + "/";
    std::vector<siaga::SourceFile> pack_files;
    for (const auto& file : content.files)
      if (file.path.starts_with(prefix) && used.contains(file.path)) pack_files.push_back(file);
    const std::string bytes = siaga::write_pack(pack_files);
    const std::filesystem::path target = out_dir / ("content-" + language.tag + ".pack");
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::fprintf(stderr, "siaga-pack: cannot write %s\n", target.string().c_str());
      return 1;
    }
    std::printf("siaga-pack: wrote %s (%zu files, %zu bytes)\n", target.string().c_str(), pack_files.size(), bytes.size());
  }
  const std::filesystem::path index = out_dir / "languages.json";
  std::ofstream out(index, std::ios::binary | std::ios::trunc);
  out << siaga::shipped_languages_json(content.catalog);
  out.close();
  if (!out) {
    std::fprintf(stderr, "siaga-pack: cannot write %s\n", index.string().c_str());
    return 1;
  }
  return 0;
}
