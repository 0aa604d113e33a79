// platform.h — everything the app asks of the machine it runs on, in one small interface.
// One implementation per target: platform/web (browser, through web/bridge/) and platform/native.
// The UI never calls this; main applies the UI's recorded actions through it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace siaga {

enum class StoreResult { Saved, Full, Refused };

class Platform {
 public:
  virtual ~Platform() = default;

  // Key-value storage (localStorage in the page). load returns nullopt when absent or unreadable.
  virtual std::optional<std::string> load(std::string_view key) = 0;
  virtual StoreResult save(std::string_view key, std::string_view value) = 0;
  // False when the browser refuses storage (private mode, blocked): the session runs in memory.
  virtual bool storage_available() = 0;

  // The browser's preferred languages, most wanted first.
  virtual std::vector<std::string> preferred_languages() = 0;

  // Files fetched by the page (fonts, content packs). take_asset hands over an arrived file once;
  // request_asset starts fetching one that is not there yet (the loop is woken when it arrives).
  virtual std::optional<std::string> take_asset(std::string_view name) = 0;
  virtual void request_asset(std::string_view name) = 0;
  virtual std::string asset_error(std::string_view name) = 0;  // "" unless fetching it failed
  // How much of a requested file has arrived, for a progress bar (total 0 = not known).
  struct AssetProgress {
    int64_t received = 0;
    int64_t total = 0;
  };
  virtual AssetProgress asset_progress(std::string_view) { return {}; }
  // True when the lesson code and the facilitator's code are downloads of their own, the assets
  // "siaga-lessons.wasm" and "siaga-facilitator.wasm" (app/code_module.h); natively they are linked in.
  virtual bool code_modules_separate() { return false; }

  // Right-to-left text (Dari/Farsi, Arabic): one line of logical UTF-8 in the order it is drawn, its
  // Arabic-script runs as private-use glyph codes (src/rtl/shaper.h; flags = rtl::option_flags).
  // Works once the asset "rtl-shaper.wasm" has been taken; before that, the text unchanged.
  virtual std::string shape_text(std::string_view logical, int flags) {
    (void)flags;
    return std::string(logical);
  }

  virtual void publish_semantic_tree(std::string_view json) = 0;
  virtual void set_document_language(std::string_view tag) = 0;
  // The words of what the page itself shows (the "new version" notice), in the learner's language.
  virtual void set_page_text(std::string_view update_ready, std::string_view reload) = 0;
  virtual void open_external_link(std::string_view url) = 0;

  // The address bar's hash, and replacing/pushing it when the screen changes.
  virtual std::string current_hash() = 0;
  virtual void push_hash(std::string_view hash) = 0;

  // Wall-clock time (unix ms) and random bytes (seeds, salts, ids): core takes both as values.
  virtual int64_t now_ms() = 0;
  virtual std::string random_bytes(size_t count) = 0;

  // True once after another tab changed stored data (the page's "storage" event): re-read and merge.
  virtual bool take_storage_changed() = 0;
  // Asks the browser to keep this site's storage under pressure (navigator.storage.persist).
  virtual void request_persistent_storage() = 0;

  // Files the learner downloads (progress export, result file, CSV, certificate) and picks to import.
  virtual void download_file(std::string_view file_name, std::string_view mime_type, std::string_view bytes) = 0;
  virtual void pick_file(std::string_view purpose, std::string_view accept) = 0;  // result arrives via take_picked_file
  struct PickedFile {
    std::string purpose;
    std::string name;
    std::string bytes;
    std::string error;  // e.g. "too large"; bytes empty then
  };
  virtual std::optional<PickedFile> take_picked_file() = 0;

  // Prints a self-contained HTML page (paper test, answer key, certificate) with the browser's print
  // dialog, from a hidden frame; where printing is unavailable the page is downloaded as
  // "<title>.html" instead, to print from any browser.
  virtual void print_document(std::string_view title, std::string_view html) = 0;
  // Full screen for the projector (the Fullscreen API). Browsers grant it only shortly after a click or
  // key press, so call it while applying an action the person just triggered. fullscreen() says
  // whether the page is full screen now (the person may leave with Escape at any time).
  virtual void request_fullscreen(bool on) = 0;
  virtual bool fullscreen() = 0;

  // A SCORM 1.2 LMS, when the page was launched by one (see web/scorm.js). lms_resume_data is the
  // cmi.suspend_data the LMS kept from the last session ("" if none); lms_report sends the state of
  // the launched course and commits it.
  struct LmsReport {
    std::string lesson_status;  // "incomplete", "passed", "failed", "completed"
    int score_raw = -1;         // 0..100, -1 = no score yet
    std::string suspend_data;   // at most 4,096 characters
  };
  virtual bool lms_connected() = 0;
  virtual std::string lms_course() = 0;  // the course id the package launched (from its address)
  virtual std::string lms_resume_data() = 0;
  virtual void lms_report(const LmsReport& report) = 0;
};

}  // namespace siaga
