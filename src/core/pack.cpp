// pack.cpp — the content pack: one file per language that the browser downloads and caches.
//
// Format: "SIAGA-PACK 1\n", then for each file "<path>\n<byte length>\n<bytes>\n". Lengths make it
// binary-safe and trivially seekable. A pack arrives over the network or from a cache, so read_pack
// trusts nothing: every length is checked against what is left, and paths must be plain relative
// paths (no "..", no absolute paths), since they are used as keys and shown to people.

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/text_util.h"

namespace siaga {

namespace {

constexpr std::string_view pack_header = "SIAGA-PACK 1\n";
constexpr size_t max_path_length = 1024;

// Why `path` is not a safe relative path, or empty when it is.
std::string path_problem(std::string_view path) {
  if (path.empty()) return "an empty file path";
  if (path.size() > max_path_length) return "a file path longer than 1024 bytes";
  if (path.front() == '/') return "an absolute file path";
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) return "a control character in a file path";
    if (c == '\\' || c == ':') return "a '\\' or ':' in a file path";
  }
  for (const std::string_view part : text::split(path, '/'))
    if (part.empty() || part == "." || part == "..") return "an empty, '.' or '..' part in a file path";
  return {};
}

}  // namespace

std::string write_pack(const std::vector<SourceFile>& files) {
  std::string out(pack_header);
  for (const SourceFile& file : files) {
    out += file.path;
    out += '\n';
    out += std::to_string(file.bytes.size());
    out += '\n';
    out += file.bytes;
    out += '\n';
  }
  return out;
}

Parsed<std::vector<SourceFile>> read_pack(std::string_view bytes, std::string_view pack_name) {
  Parsed<std::vector<SourceFile>> result;
  const auto fail = [&](size_t at, std::string message) {
    result.value.clear();  // a damaged pack is refused whole: half a course is worse than a clear error
    result.diagnostics.push_back(text::error_at(pack_name, 0, 0,
                                                "damaged content pack at byte " + std::to_string(at) + ": " + message));
    return result;
  };
  if (!bytes.starts_with(pack_header)) return fail(0, "it does not start with " + text::quote("SIAGA-PACK 1"));
  std::set<std::string, std::less<>> seen;
  size_t at = pack_header.size();
  while (at < bytes.size()) {
    const size_t path_end = bytes.find('\n', at);
    if (path_end == std::string_view::npos) return fail(at, "a file path runs to the end of the pack");
    const std::string_view path = bytes.substr(at, path_end - at);
    if (std::string problem = path_problem(path); !problem.empty()) return fail(at, problem + ": " + text::quote(path));
    if (!seen.insert(std::string(path)).second) return fail(at, "the file " + text::quote(path) + " appears twice");

    const size_t length_at = path_end + 1;
    const size_t length_end = bytes.find('\n', length_at);
    if (length_end == std::string_view::npos) return fail(length_at, "the length of " + text::quote(path) + " is missing");
    const std::string_view length_text = bytes.substr(length_at, length_end - length_at);
    size_t length = 0;
    // Canonical decimal only (no sign, no leading zero), so every pack has exactly one spelling.
    bool digits_only = !length_text.empty() && length_text.size() <= 12 &&
                       (length_text.size() == 1 || length_text.front() != '0');
    for (char c : length_text) {
      digits_only = digits_only && c >= '0' && c <= '9';
      if (digits_only) length = length * 10 + static_cast<size_t>(c - '0');
    }
    if (!digits_only) return fail(length_at, "bad length of " + text::quote(path) + ": " + text::quote(length_text));

    const size_t data_at = length_end + 1;
    if (length > bytes.size() - data_at || bytes.size() - data_at - length < 1)
      return fail(data_at, "the pack is cut short inside " + text::quote(path));
    if (bytes[data_at + length] != '\n')
      return fail(data_at + length, "the bytes of " + text::quote(path) + " do not end where their length says");
    result.value.push_back(SourceFile{std::string(path), std::string(bytes.substr(data_at, length))});
    at = data_at + length + 1;
  }
  return result;
}

}  // namespace siaga
