// assets.js — files the portal asks for by name (fonts, content packs): fetched here, handed to C++
// once (takeAsset), or the reason they could not be fetched (assetError).
//
// At start the loader also fetches what the portal asked for at its last start ("siaga.prefetch",
// written by C++: src/app/device_store.cpp, format in src/core/settings.h), so a returning learner's
// content arrives with the program instead of after it. The bridge does not choose: C++ does, and asks
// for anything else it needs once it runs.
(function (bridge) {
  const assets = new Map();       // name -> Uint8Array, handed to C++ once
  const assetErrors = new Map();  // name -> message
  const progress = new Map();     // name -> bytes received so far, while C++'s request is under way
  let lastProgressWake = 0;
  let sizes = null;               // raw size of each file, written into the page by the build

  Object.assign(bridge, {
    addAsset(name, bytes) { assets.set(name, bytes); },
    takeAsset(name) {
      const bytes = assets.get(name);
      assets.delete(name);
      return bytes || null;
    },
    // Fetches one file, telling onBytes how many bytes have arrived (the decoded body, so compressed
    // transfer still adds up to the raw sizes the build recorded). Used by the loader and by C++'s requests.
    // A failure is an Error whose message starts with the file's name.
    async fetchCounting(name, onBytes) {
      const response = await fetch(name).catch((error) => { throw new Error(name + ': ' + error.message); });
      if (!response.ok) throw new Error(name + ': HTTP ' + response.status);
      const reader = response.body.getReader();
      const chunks = [];
      let length = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        length += value.length;
        onBytes(length);
      }
      const bytes = new Uint8Array(length);
      let at = 0;
      for (const chunk of chunks) { bytes.set(chunk, at); at += chunk.length; }
      return bytes;
    },
    requestAsset(name) {
      assetErrors.delete(name);
      progress.set(name, 0);
      bridge.fetchCounting(name, (got) => {
        if (bridge.startupProgress) bridge.startupProgress(name, got);
        progress.set(name, got);
        // A progress bar on the canvas needs a frame: at most ten a second while bytes arrive.
        const now = performance.now();
        if (now - lastProgressWake > 100) { lastProgressWake = now; bridge.wake(); }
      })
        .then((bytes) => { progress.delete(name); assets.set(name, bytes); bridge.wake(); },
              (error) => { progress.delete(name); assetErrors.set(name, error.message); bridge.wake(); });
    },
    assetError(name) { return assetErrors.get(name) || null; },
    // For files fetched another way (rtl.js, code.js): started (an earlier failure forgotten),
    // progress while under way, then the bytes or the error.
    startAsset(name) { assetErrors.delete(name); bridge.noteProgress(name, 0); },
    noteProgress(name, got) {
      progress.set(name, got);
      const now = performance.now();
      if (now - lastProgressWake > 100) { lastProgressWake = now; bridge.wake(); }
    },
    finishAsset(name, bytes) { progress.delete(name); assets.set(name, bytes); bridge.wake(); },
    failAsset(name, message) { progress.delete(name); assetErrors.set(name, message); bridge.wake(); },
    // [received, expected] bytes of a file being fetched; expected is the raw size the build
    // recorded in the page (0 when unknown).
    assetProgress(name) {
      if (!sizes) sizes = JSON.parse(document.body.dataset.files || '{}');
      return [progress.get(name) || 0, sizes[name] || 0];
    },
    // The file names C++ stored at its last start, or [] (first visit, no storage, unreadable record).
    prefetchHint() {
      try {
        const record = JSON.parse(bridge.storageGet('siaga.prefetch') || 'null');
        if (!record || record.version !== 1 || !Array.isArray(record.assets)) return [];
        return record.assets.filter((name) => typeof name === 'string' && /^[A-Za-z0-9._-]+$/.test(name));
      } catch (e) {
        return [];
      }
    },
  });
})(window.SiagaBridge);
