// siaga-pack — writes the content packs the portal downloads, one per language.
//
//   siaga-pack <content-dir> <out-dir>
//
// Runs every siaga-lint check first and refuses (exit 1) on any error, so a broken course never
// ships. Then writes, for each language:
//   <out-dir>/content-<lang>.pack         ui.po, and each course's course.md and index.json (the course
//                                         without its lessons: content.h, [SECTION] Course index), all
//                                         the catalog, progress and reports need at start;
//   <out-dir>/course-<lang>-<course>.pack the course's course.md and module files, fetched when a
//                                         learner opens the course;
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

bool write_file(const std::filesystem::path& target, const std::string& bytes) {
  std::ofstream out(target, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) std::fprintf(stderr, "siaga-pack: cannot write %s\n", target.string().c_str());
  return static_cast<bool>(out);
}

bool write_pack_file(const std::filesystem::path& target, const std::vector<siaga::SourceFile>& files) {
  const std::string bytes = siaga::write_pack(files);
  if (!write_file(target, bytes)) return false;
  std::printf("siaga-pack: wrote %s (%zu files, %zu bytes)\n", target.string().c_str(), files.size(), bytes.size());
  return true;
}

const siaga::SourceFile* find_file(const siaga::tools::CheckedContent& content, const std::string& path) {
  for (const auto& file : content.files)
    if (file.path == path) return &file;
  return nullptr;
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
  for (const auto& language : content.catalog.languages) {
    std::vector<siaga::SourceFile> language_files;
    if (const auto* ui = find_file(content, "content/" + language.tag + "/ui.po")) language_files.push_back(*ui);
    for (const auto& course : language.courses) {
      const auto* course_md = find_file(content, course.path);
      if (!course_md) continue;
      const std::string folder = "content/" + language.tag + "/" + course.id + "/";
      language_files.push_back(*course_md);
      language_files.push_back(siaga::SourceFile{folder + std::string(siaga::kCourseIndexFile),
                                                 siaga::write_course_index(course)});
      std::vector<siaga::SourceFile> course_files = {*course_md};
      for (const auto& module : course.modules)
        if (const auto* file = find_file(content, module.path)) course_files.push_back(*file);
      if (!write_pack_file(out_dir / ("course-" + language.tag + "-" + course.id + ".pack"), course_files)) return 1;
    }
    if (!write_pack_file(out_dir / ("content-" + language.tag + ".pack"), language_files)) return 1;
  }
  if (!write_file(out_dir / "languages.json", siaga::shipped_languages_json(content.catalog))) return 1;
  return 0;
}
