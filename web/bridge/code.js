// code.js — the code cut out of siaga.wasm at build time (tools/split-wasm.py; src/app/code_module.h
// says where its doors are): siaga-lessons.wasm (Markdown, quizzes and the screens that draw them) and
// siaga-facilitator.wasm (the facilitator's tools). C++ asks for one as an asset the first time a
// screen needs it. Instantiated against the portal's own exports, a module writes its functions into
// the portal's function table over the placeholders; then C++ is handed an empty asset and goes
// through the doors. The service worker precaches both with every other file, so they work offline
// like the rest.
(function (bridge) {
  const CODE = new Set(['siaga-lessons.wasm', 'siaga-facilitator.wasm']);
  const loading = new Set();
  const requestAsset = bridge.requestAsset;

  function loadCode(name) {
    if (loading.has(name)) return;
    loading.add(name);
    bridge.startAsset(name);
    bridge.fetchCounting(name, (got) => bridge.noteProgress(name, got))
      .then((bytes) => WebAssembly.instantiate(bytes, { primary: bridge.wasmExports }))
      .then(() => bridge.finishAsset(name, new Uint8Array(0)))
      .catch((error) => {
        loading.delete(name);
        bridge.failAsset(name, error.message.startsWith(name) ? error.message : name + ': ' + error.message);
      });
  }

  Object.assign(bridge, {
    requestAsset(name) {
      if (CODE.has(name)) loadCode(name);
      else requestAsset(name);
    },
  });
})(window.SiagaBridge);
