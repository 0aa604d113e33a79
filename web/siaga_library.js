// siaga_library.js — the C++ side's doorway to the page (linked with --js-library).
// Each function is a thin adapter from C types to the bridge in web/bridge/, which does the work.
// Strings returned to C++ are malloc'd; the caller frees them.
// This file goes through the Closure Compiler (ADVANCED): the bridge's methods are declared for it
// (cmake/web.cmake), but the fields of objects shared with web/bridge/ and web/scorm.js must be
// written quoted ('purpose', obj['purpose']) or Closure renames them.
mergeInto(LibraryManager.library, {
  $siagaNewString__deps: ['malloc'],
  $siagaNewString: function (text) {
    if (text === null || text === undefined) return 0;
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
  },
  siaga_js_storage_get__deps: ['$siagaNewString'],
  siaga_js_storage_get: function (key) { return siagaNewString(SiagaBridge.storageGet(UTF8ToString(key))); },
  siaga_js_storage_set: function (key, value) {
    return SiagaBridge.storageSet(UTF8ToString(key), UTF8ToString(value));
  },
  siaga_js_storage_available: function () { return SiagaBridge.storageAvailable() ? 1 : 0; },
  siaga_js_languages__deps: ['$siagaNewString'],
  siaga_js_languages: function () { return siagaNewString(SiagaBridge.languages().join(',')); },
  siaga_js_take_asset__deps: ['malloc'],
  siaga_js_take_asset: function (name, outLength) {
    const bytes = SiagaBridge.takeAsset(UTF8ToString(name));
    if (!bytes) return 0;
    const ptr = _malloc(bytes.length + 1);
    HEAPU8.set(bytes, ptr);
    HEAP32[outLength >> 2] = bytes.length;
    return ptr;
  },
  siaga_js_request_asset: function (name) { SiagaBridge.requestAsset(UTF8ToString(name)); },
  // Bytes received and expected (0 = unknown) of a requested file, as two doubles at out.
  siaga_js_asset_progress: function (name, out) {
    const progress = SiagaBridge.assetProgress(UTF8ToString(name));
    HEAPF64[out >> 3] = progress[0];
    HEAPF64[(out >> 3) + 1] = progress[1];
  },
  siaga_js_asset_error__deps: ['$siagaNewString'],
  siaga_js_asset_error: function (name) { return siagaNewString(SiagaBridge.assetError(UTF8ToString(name))); },
  // One line through the right-to-left shaper module (web/bridge/rtl.js): UTF-8 bytes in, the
  // visual line's UTF-8 out (malloc'd), or 0 while the module is not loaded.
  siaga_js_rtl_shape__deps: ['malloc'],
  siaga_js_rtl_shape: function (text, length, flags, outLength) {
    const visual = SiagaBridge.rtlShape(HEAPU8.subarray(text, text + length), flags);
    if (!visual) return 0;
    const ptr = _malloc(visual.length + 1);
    HEAPU8.set(visual, ptr);
    HEAP32[outLength >> 2] = visual.length;
    return ptr;
  },
  siaga_js_publish_tree: function (json) { SiagaBridge.publishTree(UTF8ToString(json)); },
  siaga_js_set_document_language: function (tag) { document.documentElement.lang = UTF8ToString(tag); },
  siaga_js_set_page_text: function (updateReady, reload) {
    SiagaBridge.setPageText(UTF8ToString(updateReady), UTF8ToString(reload));
  },
  siaga_js_open_link: function (url) { SiagaBridge.openExternal(UTF8ToString(url)); },
  siaga_js_get_hash__deps: ['$siagaNewString'],
  siaga_js_get_hash: function () { return siagaNewString(location.hash); },
  siaga_js_address_changes: function () { return SiagaBridge.addressChanges(); },
  siaga_js_push_hash: function (hash) { SiagaBridge.pushHash(UTF8ToString(hash)); },
  siaga_js_first_frame: function () { SiagaBridge.firstFrame(); },
  siaga_js_pixel_ratio: function () { return window.devicePixelRatio || 1; },
  siaga_js_touch_time: function () { return SiagaBridge.touchTime(); },
  siaga_js_now: function () { return Date.now(); },
  siaga_js_random: function (out, count) { crypto.getRandomValues(HEAPU8.subarray(out, out + count)); },
  siaga_js_take_storage_changed: function () { return SiagaBridge.takeStorageChanged() ? 1 : 0; },
  siaga_js_request_persistence: function () { SiagaBridge.requestPersistence(); },
  siaga_js_download: function (name, mime, bytes, length) {
    SiagaBridge.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(bytes, bytes + length));
  },
  siaga_js_pick_file: function (purpose, accept) { SiagaBridge.pickFile(UTF8ToString(purpose), UTF8ToString(accept)); },
  siaga_js_take_picked__deps: ['$siagaNewString', 'malloc'],
  siaga_js_take_picked: function (lengthOut, metaOut) {
    const picked = SiagaBridge.takePicked();
    if (!picked) return 0;
    HEAP32[metaOut >> 2] = siagaNewString(JSON.stringify({
      'purpose': picked['purpose'], 'name': picked['name'], 'error': picked['error'] || '' }));
    const bytes = picked['bytes'] || new Uint8Array(0);
    const ptr = _malloc(bytes.length + 1);
    HEAPU8.set(bytes, ptr);
    HEAP32[lengthOut >> 2] = bytes.length;
    return ptr;
  },
  siaga_js_print: function (title, html, length) {
    SiagaBridge.printDocument(UTF8ToString(title), UTF8ToString(html, length));
  },
  siaga_js_clipboard_write: function (text) { SiagaBridge.clipboardWrite(UTF8ToString(text)); },
  siaga_js_request_fullscreen: function (on) { SiagaBridge.requestFullscreen(on !== 0); },
  siaga_js_fullscreen: function () { return SiagaBridge.isFullscreen() ? 1 : 0; },
  siaga_js_lms_connected: function () { return window.SiagaScorm && SiagaScorm.connected() ? 1 : 0; },
  siaga_js_lms_course__deps: ['$siagaNewString'],
  siaga_js_lms_course: function () { return siagaNewString(window.SiagaScorm ? SiagaScorm.course() : ''); },
  siaga_js_lms_resume__deps: ['$siagaNewString'],
  siaga_js_lms_resume: function () { return siagaNewString(window.SiagaScorm ? SiagaScorm.resumeData() : ''); },
  siaga_js_lms_report: function (status, score, data) {
    if (window.SiagaScorm)
      SiagaScorm.report({ 'lessonStatus': UTF8ToString(status), 'scoreRaw': score, 'suspendData': UTF8ToString(data) });
  },
});
