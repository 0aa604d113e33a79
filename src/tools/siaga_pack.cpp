// siaga-pack — writes the content packs the portal downloads, one per language.
//
//   siaga-pack <content-dir> <out-dir> [<arabic-face.ttf>]
//
// Runs every siaga-lint check first and refuses (exit 1) on any error, so a broken course never
// ships. Then writes, for each language:
//   <out-dir>/content-<lang>.pack         ui.po, and each course's course.md and index.json (the course
//                                         without its lessons: content.h, [SECTION] Course index), all
//                                         the catalog, progress and reports need at start;
//   <out-dir>/course-<lang>-<course>.pack the course's course.md and module files, fetched when a
//                                         learner opens the course;
// with their paths kept as content/<lang>/..., and <out-dir>/languages.json listing the languages
// shipped (the language menu, and which languages need en's pack beside theirs). Given the Arabic
// face (tools/make-arabic-font.py), each Arabic-script language's name is shaped here, with the
// portal's own shaper, into that face's glyph codes (languages.json "glyphs"): the page draws the
// menu's دری / فارسی and العربية from those before the shaper module has arrived
// (tools/make-arabic-font.py --names cuts the face down to those few glyphs).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <iterator>
#include <map>
#include <string>

#include "core/i18n.h"
#include "rtl/shaper.h"
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
  if (argc != 3 && argc != 4) {
    std::fprintf(stderr, "usage: siaga-pack <content-dir> <out-dir> [<arabic-face.ttf>]\n");
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
  std::map<std::string, std::string> name_glyphs;
  if (argc == 4) {
    std::ifstream in(argv[3], std::ios::binary);
    const std::string face((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    siaga::rtl::Shaper shaper;
    if (face.empty() || !shaper.load_font(face)) {
      std::fprintf(stderr, "siaga-pack: cannot read the Arabic face %s\n", argv[3]);
      return 1;
    }
    for (const auto& language : content.catalog.languages) {
      if (!siaga::is_right_to_left(language.tag)) continue;
      siaga::rtl::Options options;
      options.language = language.tag == "ar" ? "ar" : "fa";
      name_glyphs[language.tag] = shaper.shape_line(siaga::language_autonym(language.tag), options);
    }
  }
  if (!write_file(out_dir / "languages.json", siaga::shipped_languages_json(content.catalog, name_glyphs))) return 1;
  return 0;
}
