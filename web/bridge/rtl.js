// rtl.js — the right-to-left shaper (rtl-shaper.js + rtl-shaper.wasm, built from src/rtl/ with HarfBuzz
// and FriBidi), loaded only when the portal asks for it: a learner chose Dari/Farsi or Arabic, or the
// browser's language is one of them. It arrives with the Arabic face it shapes with
// (NotoSansArabicUI-Regular.ttf, also handed to C++ for the atlas); the service worker keeps all
// three for offline use once fetched. C++ then calls rtlShape synchronously for each line it draws
// (and caches the results), through siaga_js_rtl_shape in web/siaga_library.js.
(function (bridge) {
  const SHAPER = 'rtl-shaper.wasm';
  const FACE = 'NotoSansArabicUI-Regular.ttf';
  let shaper = null;   // the instantiated module, once loaded
  let loading = false;
  const requestAsset = bridge.requestAsset;

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(src + ': could not be loaded'));
      document.head.appendChild(script);
    });
  }

  // The module, its wasm and the face, counted as one download under SHAPER for the progress bar.
  function loadShaper() {
    if (loading) return;
    loading = true;
    const got = { wasm: 0, face: 0 };
    const counted = () => bridge.noteProgress(SHAPER, got.wasm + got.face);
    bridge.startAsset(SHAPER);
    Promise.all([
      loadScript('rtl-shaper.js'),
      bridge.fetchCounting(SHAPER, (n) => { got.wasm = n; counted(); }),
      bridge.fetchCounting(FACE, (n) => { got.face = n; counted(); }),
    ]).then(([, wasm, face]) => window.createRtlShaper({ wasmBinary: wasm }).then((m) => {
      const ptr = m._malloc(face.length);
      m.HEAPU8.set(face, ptr);
      const ok = m._rtl_load_font(ptr, face.length);
      m._free(ptr);
      if (!ok) throw new Error(FACE + ': the shaper could not read this font');
      shaper = m;
      bridge.addAsset(FACE, face);
      bridge.finishAsset(SHAPER, new Uint8Array(0));
    })).catch((error) => {
      loading = false;
      bridge.failAsset(SHAPER, error.message);
    });
  }

  Object.assign(bridge, {
    requestAsset(name) {
      if (name === SHAPER || name === FACE) loadShaper();  // the face comes with the shaper
      else requestAsset(name);
    },
    // One line, logical UTF-8 bytes in, visual UTF-8 bytes out (null until the module is here).
    rtlShape(bytes, flags) {
      if (!shaper) return null;
      const input = shaper._malloc(bytes.length + 1);
      shaper.HEAPU8.set(bytes, input);
      const out = shaper._rtl_shape(input, bytes.length, flags);
      const visual = shaper.HEAPU8.slice(out, out + shaper._rtl_result_length());
      shaper._free(input);
      return visual;
    },
  });
})(window.SiagaBridge);
