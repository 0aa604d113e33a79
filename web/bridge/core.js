// web/bridge/ — what the C++ portal asks of the page, one concern per file, joined in this order into
// the one shipped bridge.js by tools/assemble-web.sh (one request on a slow link):
//   core.js      window.SiagaBridge, waking the portal, the address bar, links, first frame, full screen
//   storage.js   localStorage (probed once), writes that fail, changes made by another tab
//   assets.js    files fetched for the portal (fonts, content packs), and what to prefetch at start
//   rtl.js       the right-to-left shaper module, loaded only for Dari/Farsi and Arabic
//   code.js      the code cut out of siaga.wasm (siaga-lessons.wasm, siaga-facilitator.wasm), loaded when a screen needs it
//   mirror.js    the accessibility mirror: one DOM element per node of the published semantic tree
//   typing.js    the phone keyboard (a real <input> over a tapped field), the clipboard, touch times
//   offline.js   the service worker and the "new version" notice
//   files.js     downloads, the file picker (imports) and printing
// C++ reaches these through web/siaga_library.js. Decisions (which language, which file, what text a
// learner reads) are made in C++; the bridge only carries them out. Small on purpose: a bridge, not an app.
'use strict';
window.SiagaBridge = (function () {
  let module = null;
  function wake() { if (module && module._siaga_wake) module._siaga_wake(); }

  // The address changes by a link, Back or Forward, a typed #/route, or the portal's own pushHash. The
  // count lets C++ read location.hash only when it may have changed, not in every frame.
  let addressChanges = 0;
  function addressChanged() { addressChanges++; wake(); }
  window.addEventListener('hashchange', addressChanged);
  window.addEventListener('popstate', addressChanged);
  document.addEventListener('visibilitychange', () => { if (!document.hidden) wake(); });
  document.addEventListener('fullscreenchange', wake);

  // The presenter view fills the projector. Browsers allow requestFullscreen only with transient user
  // activation (a few seconds after a click or key press); the portal asks while applying the action
  // that click produced, one or two frames later, well within that window.
  function requestFullscreen(on) {
    const root = document.documentElement;
    if (on && !document.fullscreenElement && root.requestFullscreen) {
      root.requestFullscreen({ navigationUI: 'hide' }).catch((error) => console.warn('full screen refused:', error.message));
    } else if (!on && document.fullscreenElement && document.exitFullscreen) {
      document.exitFullscreen().catch(() => {});
    }
  }

  return {
    wake,
    module() { return module; },
    attach(m) {
      module = m;
      if (window.SiagaBridge.typing) window.SiagaBridge.typing.watch(document.getElementById('canvas'));
    },
    fatal(message) { if (window.SiagaProblem) window.SiagaProblem(message, ''); },
    languages() { return Array.from(navigator.languages || [navigator.language || 'en']); },
    openExternal(url) {
      if (/^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
    },
    pushHash(hash) {
      if (location.hash === hash) return;
      history.pushState(null, '', hash);
      addressChanges++;
    },
    addressChanges() { return addressChanges; },
    firstFrame() {
      performance.mark('siaga-first-frame');
      document.getElementById('loading').hidden = true;
      document.getElementById('canvas').focus();
    },
    requestFullscreen,
    isFullscreen() { return !!document.fullscreenElement; },
    framesDrawn() { return module && module._siaga_frames_drawn ? module._siaga_frames_drawn() : 0; },
  };
})();
