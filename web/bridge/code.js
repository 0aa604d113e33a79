// facilitator.js — the facilitator's code, siaga-facilitator.wasm: what only the facilitator's screens
// and actions use, cut out of siaga.wasm at build time (tools/split-wasm.py; src/app/facilitator_code.h
// says where its doors are). C++ asks for it as an asset the first time a facilitator screen opens.
// Instantiated against the portal's own exports, it writes its functions into the portal's function
// table over the placeholders; then C++ is handed an empty asset and goes through the doors. The
// service worker precaches it with every other file, so it works offline like the rest.
(function (bridge) {
  const CODE = 'siaga-facilitator.wasm';
  let loading = false;
  const requestAsset = bridge.requestAsset;

  function loadCode() {
    if (loading) return;
    loading = true;
    bridge.startAsset(CODE);
    bridge.fetchCounting(CODE, (got) => bridge.noteProgress(CODE, got))
      .then((bytes) => WebAssembly.instantiate(bytes, { primary: bridge.wasmExports }))
      .then(() => bridge.finishAsset(CODE, new Uint8Array(0)))
      .catch((error) => {
        loading = false;
        bridge.failAsset(CODE, error.message.startsWith(CODE) ? error.message : CODE + ': ' + error.message);
      });
  }

  Object.assign(bridge, {
    requestAsset(name) {
      if (name === CODE) loadCode();
      else requestAsset(name);
    },
  });
})(window.SiagaBridge);
