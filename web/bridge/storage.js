// storage.js — localStorage, probed once (private modes and blocked storage throw on access). C++'s
// device store (src/app/device_store.cpp) decides what is written under which key; this only stores.
(function (bridge) {
  const storage = (function () {
    try {
      const s = window.localStorage;
      s.setItem('siaga.probe', '1');
      s.removeItem('siaga.probe');
      return s;
    } catch (e) {
      return null;
    }
  })();

  // Another tab saved: C++ re-reads and merges on its next frame.
  let storageChanged = false;
  window.addEventListener('storage', (event) => {
    if (event.key && event.key.startsWith('siaga.')) { storageChanged = true; bridge.wake(); }
  });

  Object.assign(bridge, {
    storageAvailable() { return storage !== null; },
    storageGet(key) {
      try { return storage ? storage.getItem(key) : null; } catch (e) { return null; }
    },
    // 0 written, 1 full (quota), 2 refused.
    storageSet(key, value) {
      if (!storage) return 2;
      try { storage.setItem(key, value); return 0; } catch (e) {
        return e && (e.name === 'QuotaExceededError' || e.code === 22) ? 1 : 2;
      }
    },
    takeStorageChanged() { const changed = storageChanged; storageChanged = false; return changed; },
    requestPersistence() {
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
    },
  });
})(window.SiagaBridge);
