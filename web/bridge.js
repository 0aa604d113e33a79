// bridge.js — what the C++ portal asks of the page: storage, fetched files, the address bar, links,
// and the accessibility mirror of the semantic tree. Small on purpose: a bridge, not an app.
'use strict';
window.SiagaBridge = (function () {
  let module = null;
  const assets = new Map();       // name -> Uint8Array, handed to C++ once
  const assetErrors = new Map();  // name -> message
  const SETTINGS_KEY = 'siaga.settings';
  // Languages the menu offers (C++ decides; this only picks the content pack to prefetch).
  const OFFERED = ['en', 'id', 'so'];

  // [storage] localStorage, probed once. Private modes and blocked storage throw on access.
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

  function wake() { if (module && module._siaga_wake) module._siaga_wake(); }

  // [mirror] one DOM element per semantic node, reused while role and name stay the same.
  const tags = { heading: 'div', text: 'p', button: 'button', checkbox: 'div', radio: 'div', link: 'a',
                 textbox: 'input', progressbar: 'div', alert: 'div' };
  let mirrored = [];

  function activate(el, attempts = 8) {
    // A screen reader (or keyboard on the mirror) activated an element: click the canvas there, so it
    // goes through exactly the same input path as a mouse. Off-screen, scroll it into view first.
    const canvas = document.getElementById('canvas');
    const node = el.siagaNode;
    const x = node.x + node.w / 2, y = node.y + node.h / 2;
    if ((y < 0 || y > window.innerHeight) && attempts > 0) {
      canvas.dispatchEvent(new WheelEvent('wheel', { clientX: innerWidth / 2, clientY: innerHeight / 2, bubbles: true,
                                                     deltaY: Math.max(-800, Math.min(800, y - innerHeight / 2)) }));
      window.addEventListener('siaga-tree', () => activate(el, attempts - 1), { once: true });
      return;
    }
    const init = { clientX: x, clientY: y, bubbles: true, button: 0 };
    canvas.dispatchEvent(new MouseEvent('mousemove', init));
    canvas.dispatchEvent(new MouseEvent('mousedown', init));
    canvas.dispatchEvent(new MouseEvent('mouseup', init));
  }

  let nextId = 0;
  function makeElement(node) {
    const el = document.createElement(tags[node.r] || 'div');
    el.id = 'siaga-m' + (++nextId);
    if (node.r === 'heading') el.setAttribute('role', 'heading');
    if (node.r === 'checkbox' || node.r === 'radio' || node.r === 'progressbar' || node.r === 'alert')
      el.setAttribute('role', node.r);
    if (node.r === 'link') el.setAttribute('href', '#');
    if (node.r === 'button' || node.r === 'link' || node.r === 'checkbox' || node.r === 'radio') {
      if (node.r !== 'button' && node.r !== 'link') el.tabIndex = -1;
      el.addEventListener('click', (event) => { event.preventDefault(); activate(el); });
    }
    if (node.r === 'textbox') {
      // A screen reader moved into the field: activate it on the canvas and type through the bridge input.
      el.addEventListener('focus', () => { activate(el); typing.begin(el.siagaNode); });
    }
    return el;
  }

  function updateElement(el, node) {
    el.siagaNode = node;
    if (el.textContent !== node.n && node.r !== 'progressbar' && node.r !== 'textbox') el.textContent = node.n;
    if (node.r === 'heading') el.setAttribute('aria-level', String(node.l || 2));
    if (node.r === 'textbox') { el.setAttribute('aria-label', node.n); el.tabIndex = -1; }
    if (node.r === 'checkbox' || node.r === 'radio') el.setAttribute('aria-checked', node.c ? 'true' : 'false');
    if (node.r === 'button' && node.t) el.setAttribute('aria-pressed', node.c ? 'true' : 'false');
    if (node.e !== undefined) el.setAttribute('aria-expanded', node.e ? 'true' : 'false');
    if (node.r === 'progressbar') {
      el.setAttribute('aria-label', node.n);
      el.setAttribute('aria-valuemin', '0');
      el.setAttribute('aria-valuemax', '100');
      el.setAttribute('aria-valuenow', String(Math.round((node.v || 0) * 100)));
    }
    if (node.d) el.setAttribute('aria-disabled', 'true'); else el.removeAttribute('aria-disabled');
    if (node.f) el.setAttribute('data-focused', 'true'); else el.removeAttribute('data-focused');
    el.style.left = node.x + 'px';
    el.style.top = node.y + 'px';
    el.style.width = Math.max(1, node.w) + 'px';
    el.style.height = Math.max(1, node.h) + 'px';
  }

  function publishTree(json) {
    const tree = JSON.parse(json);
    const root = document.getElementById('mirror');
    if (tree.lang) root.lang = tree.lang;
    const next = [];
    for (let i = 0; i < tree.nodes.length; i++) {
      const node = tree.nodes[i];
      const old = mirrored[i];
      const el = old && old.siagaNode.r === node.r && old.siagaNode.n === node.n ? old : makeElement(node);
      updateElement(el, node);
      next.push(el);
    }
    // Replace children only where they changed, so screen readers keep their place.
    for (let i = 0; i < next.length; i++) {
      if (root.children[i] !== next[i]) root.insertBefore(next[i], root.children[i] || null);
    }
    while (root.children.length > next.length) root.removeChild(root.lastChild);
    mirrored = next;
    // Keyboard focus stays on the canvas (it takes the keys); the canvas names the mirrored widget that
    // has the portal's focus, so a screen reader follows Tab through the page.
    const canvas = document.getElementById('canvas');
    const focused = next.find((el) => el.siagaNode.f);
    if (focused) canvas.setAttribute('aria-activedescendant', focused.id);
    else canvas.removeAttribute('aria-activedescendant');
    typing.treeChanged(tree.nodes);
    window.dispatchEvent(new CustomEvent('siaga-tree'));
  }

  // [typing] SDL's Emscripten port reads keys from the canvas and cannot raise a phone's keyboard. When a
  // finger taps a text field, a real <input> over the field takes focus inside that touch (browsers raise
  // the keyboard only then); what is typed into it goes to the portal as SDL text and key events. It is
  // let go when the portal's field is no longer being edited. A mouse click keeps the canvas focused, so
  // desktop typing is unchanged. Paste and copy go through the system clipboard in both cases.
  const typing = (function () {
    let input = null;
    let shadow = [];        // the input's text (code points) as last handed to the portal
    let sawEditing = false; // the portal has shown its field active since the input took focus
    let focusedAt = 0;
    let editingName = '';
    let composing = false;

    function call(name, ...args) {
      if (!module || !module.ccall) return 0;
      const types = args.map((a) => (typeof a === 'number' ? 'number' : 'string'));
      return module.ccall(name, 'number', types, args);
    }
    function key(name, modifiers = 0) { call('siaga_key', name, modifiers); }
    function modifiers(event) { return (event.ctrlKey || event.metaKey ? 1 : 0) | (event.shiftKey ? 2 : 0); }

    function create() {
      input = document.createElement('input');
      input.id = 'typing';
      input.type = 'text';
      input.autocomplete = 'off';
      input.spellcheck = false;
      input.setAttribute('autocapitalize', 'off');
      input.setAttribute('autocorrect', 'off');
      input.setAttribute('aria-hidden', 'true');  // the mirror's textbox is what a reader announces
      input.tabIndex = -1;
      document.body.appendChild(input);
      input.addEventListener('input', forward);
      input.addEventListener('compositionstart', () => { composing = true; });
      input.addEventListener('compositionend', () => { composing = false; forward(); });
      input.addEventListener('keydown', onKeyDown);
      input.addEventListener('paste', onPaste);
      input.addEventListener('blur', () => { input.hidden = true; });
    }

    // Hands the change since the last call to the portal: deletions as Backspace, additions as text. The
    // caret stays at the end (arrow keys go to the portal), so the portal's caret mirrors it.
    function forward() {
      const now = Array.from(input.value);
      let same = 0;
      while (same < now.length && same < shadow.length && now[same] === shadow[same]) same++;
      for (let i = shadow.length; i > same; i--) key('Backspace');
      if (same < now.length) call('siaga_text_input', now.slice(same).join(''));
      shadow = now;
    }

    const FORWARDED = ['Enter', 'Escape', 'Tab', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Delete'];
    function onKeyDown(event) {
      if (event.isComposing || event.keyCode === 229) return;
      if (FORWARDED.includes(event.key) || (event.key === 'Backspace' && input.value === '')) {
        event.preventDefault();
        key(event.key, modifiers(event));
      } else if ((event.ctrlKey || event.metaKey) && ['a', 'c', 'x', 'y', 'z'].includes(event.key.toLowerCase())) {
        event.preventDefault();
        key(event.key.toLowerCase(), modifiers(event) | 1);
      }  // Ctrl+V and everything else: the browser's own handling, then 'input' or 'paste' events
    }

    function onPaste(event) {
      event.preventDefault();
      event.stopPropagation();
      const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
      if (text) call('siaga_paste', text);
    }

    function place(node) {
      input.style.left = node.x + 'px';
      input.style.top = node.y + 'px';
      input.style.width = Math.max(1, node.w) + 'px';
      input.style.height = Math.max(1, node.h) + 'px';
      input.inputMode = node.k ? 'decimal' : 'text';
      input.enterKeyHint = 'done';
    }

    function begin(node) {
      if (!input) create();
      place(node);
      input.hidden = false;
      if (document.activeElement !== input) {
        input.value = '';
        shadow = [];
        sawEditing = false;
        editingName = node.n;
        focusedAt = performance.now();
        input.focus({ preventScroll: true });
        setTimeout(() => { if (!sawEditing) end(); }, 3000);  // the tap did not open the field
      }
    }

    function end() {
      if (!input || document.activeElement !== input) return;
      input.blur();
      document.getElementById('canvas').focus({ preventScroll: true });
    }

    function treeChanged(nodes) {
      if (!input || document.activeElement !== input) return;
      const editing = nodes.find((n) => n.r === 'textbox' && n.a);
      if (editing) {
        // Tab or Enter moved the portal to another field: start afresh there (not mid-composition).
        if (sawEditing && editing.n !== editingName && !composing) { input.value = ''; shadow = []; }
        sawEditing = true;
        editingName = editing.n;
        place(editing);
      } else if (sawEditing || performance.now() - focusedAt > 3000) {
        end();
      }
    }

    // A tap (a touch that ends near where it began) on a text field's rectangle.
    let start = null;
    let pasted = false;
    function textboxAt(x, y) {
      return mirrored.map((el) => el.siagaNode)
        .find((n) => n.r === 'textbox' && x >= n.x && x <= n.x + n.w && y >= n.y && y <= n.y + n.h);
    }
    function watch(canvas) {
      canvas.addEventListener('touchstart', (event) => {
        const t = event.changedTouches[0];
        start = event.touches.length === 1 ? { x: t.clientX, y: t.clientY } : null;
      }, { passive: true });
      canvas.addEventListener('touchend', (event) => {
        const t = event.changedTouches[0];
        if (!start || !t || Math.hypot(t.clientX - start.x, t.clientY - start.y) > 10) return;
        const node = textboxAt(t.clientX, t.clientY);
        if (node) begin(node);
      }, { passive: true });
      // Keys on the canvas (desktop): Ctrl/Cmd+V is left to the browser, which fires 'paste' with the
      // system clipboard's text; Cmd+C/X/A/Z on a Mac reach the portal as Ctrl (what ImGui knows).
      window.addEventListener('keydown', (event) => {
        if (event.target !== canvas || !(event.ctrlKey || event.metaKey) || event.altKey) return;
        const k = event.key.toLowerCase();
        if (k === 'v') {
          event.stopPropagation();
          // No paste event (a browser that sends none to a canvas): paste what was last copied here.
          pasted = false;
          setTimeout(() => { if (!pasted) key('v', 1); }, 150);
        } else if (event.metaKey && !event.ctrlKey && ['a', 'c', 'x', 'y', 'z'].includes(k)) {
          event.stopPropagation();
          event.preventDefault();
          key(k, modifiers(event) | 1);
        }
      }, true);
      document.addEventListener('paste', (event) => {
        if (event.target !== canvas && event.target !== document.body && event.target !== document.documentElement) return;
        event.preventDefault();
        pasted = true;
        const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
        if (text) call('siaga_paste', text);
      });
    }

    function clipboardWrite(text) {
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(() => {});
    }

    return { begin, end, treeChanged, watch, clipboardWrite, element: () => input };
  })();

  // [offline] The service worker keeps every file of this version; a newer version waits until the
  // learner chooses to reload (their progress is saved as they go, so reloading loses nothing).
  function offerUpdate(worker) {
    const banner = document.getElementById('update');
    const indonesian = document.documentElement.lang === 'id';
    document.getElementById('update-text').textContent =
      indonesian ? 'Versi baru Siaga sudah siap.' : 'A new version of Siaga is ready.';
    const button = document.getElementById('update-button');
    button.textContent = indonesian ? 'Muat ulang' : 'Reload';
    button.onclick = () => worker.postMessage('skip-waiting');
    banner.hidden = false;
  }
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    let reloading = false;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (reloading || !window.siagaHadController) return;
      reloading = true;
      location.reload();
    });
    window.siagaHadController = !!navigator.serviceWorker.controller;
    navigator.serviceWorker.register('sw.js').then((registration) => {
      const watch = (worker) => worker && worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && window.siagaHadController) offerUpdate(worker);
      });
      if (registration.waiting && window.siagaHadController) offerUpdate(registration.waiting);
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
    }, (error) => console.warn('offline support unavailable:', error.message));
  }

  // [files] Downloads and the file picker (imports). Imports are size-limited here, before C++ sees them.
  const MAX_IMPORT_BYTES = 1024 * 1024;
  let picked = null;
  function pickFile(purpose, accept) {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => {
      const file = input.files && input.files[0];
      if (!file) return;
      if (file.size > MAX_IMPORT_BYTES) {
        picked = { purpose, name: file.name, error: 'too-large' };
        wake();
        return;
      }
      file.arrayBuffer().then((buffer) => { picked = { purpose, name: file.name, bytes: new Uint8Array(buffer) }; wake(); },
                              () => { picked = { purpose, name: file.name, error: 'unreadable' }; wake(); });
    });
    input.click();
  }
  function download(name, mime, bytes) {
    const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // [print] A self-contained page (built and escaped in C++, src/core/printable.cpp) printed from a
  // hidden frame. The frame inherits this page's Content Security Policy; the page's one <style> is
  // allowed there by its hash (index.html). Where the frame cannot print, the page is downloaded.
  function printDocument(title, html) {
    const old = document.getElementById('print-frame');
    if (old) old.remove();
    const fallback = () => download(title.replace(/[\\/:*?"<>|]+/g, '-') + '.html', 'text/html', html);
    const frame = document.createElement('iframe');
    frame.id = 'print-frame';
    frame.title = title;
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.className = 'print-frame';
    frame.addEventListener('load', () => {
      const win = frame.contentWindow;
      try {
        if (!win || typeof win.print !== 'function') throw new Error('no print');
        win.focus();
        win.print();  // returns when the print window closes
      } catch (e) {
        fallback();
      }
      // Keys belong to the portal again (the frame took the focus to print).
      document.getElementById('canvas').focus();
    }, { once: true });
    frame.srcdoc = html;
    document.body.appendChild(frame);
  }
  // [fullscreen] The presenter view fills the projector. Browsers allow requestFullscreen only with
  // transient user activation (a few seconds after a click or key press); the portal asks while
  // applying the action that click produced, one or two frames later, well within that window.
  function requestFullscreen(on) {
    const root = document.documentElement;
    if (on && !document.fullscreenElement && root.requestFullscreen) {
      root.requestFullscreen({ navigationUI: 'hide' }).catch((error) => console.warn('full screen refused:', error.message));
    } else if (!on && document.fullscreenElement && document.exitFullscreen) {
      document.exitFullscreen().catch(() => {});
    }
  }
  document.addEventListener('fullscreenchange', wake);

  // [tabs] Another tab saved: C++ re-reads and merges on its next frame.
  let storageChanged = false;
  window.addEventListener('storage', (event) => {
    if (event.key && event.key.startsWith('siaga.')) { storageChanged = true; wake(); }
  });

  // [touch] When the finger really moved: the DOM event's time, noted before SDL handles the same
  // event (capture on window runs first). C++ measures a fling's speed with it: a busy page receives a
  // flick's last move and the lift together, and their arrival times would read as a resting finger.
  let touchTime = 0;
  for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel'])
    window.addEventListener(type, (event) => { touchTime = event.timeStamp; }, { capture: true, passive: true });

  window.addEventListener('hashchange', wake);
  window.addEventListener('popstate', wake);
  document.addEventListener('visibilitychange', () => { if (!document.hidden) wake(); });

  return {
    attach(m) { module = m; typing.watch(document.getElementById('canvas')); },
    fatal(message) { if (window.SiagaProblem) window.SiagaProblem(message, ''); },

    initialLanguage() {
      // Mirrors the C++ choice (stored setting, else the browser's language) so the loader can
      // prefetch the right content pack; C++ makes the final choice and fetches another if needed.
      try {
        const stored = storage && JSON.parse(storage.getItem(SETTINGS_KEY) || 'null');
        if (stored && OFFERED.includes(stored.language)) return stored.language;
      } catch (e) { /* damaged settings: C++ reports it */ }
      for (const tag of navigator.languages || [navigator.language || 'en']) {
        const primary = String(tag).toLowerCase().split('-')[0];
        if (OFFERED.includes(primary)) return primary;
      }
      return 'en';
    },

    storageAvailable() { return storage !== null; },
    storageGet(key) {
      try { return storage ? storage.getItem(key) : null; } catch (e) { return null; }
    },
    storageSet(key, value) {
      if (!storage) return 2;
      try { storage.setItem(key, value); return 0; } catch (e) {
        return e && (e.name === 'QuotaExceededError' || e.code === 22) ? 1 : 2;
      }
    },

    languages() { return Array.from(navigator.languages || [navigator.language || 'en']); },

    addAsset(name, bytes) { assets.set(name, bytes); },
    takeAsset(name) {
      const bytes = assets.get(name);
      assets.delete(name);
      return bytes || null;
    },
    requestAsset(name) {
      assetErrors.delete(name);
      fetch(name).then((r) => {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.arrayBuffer();
      }).then((buffer) => { assets.set(name, new Uint8Array(buffer)); wake(); },
              (error) => { assetErrors.set(name, name + ': ' + error.message); wake(); });
    },
    assetError(name) { return assetErrors.get(name) || null; },

    publishTree,
    openExternal(url) {
      if (/^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
    },
    pushHash(hash) { if (location.hash !== hash) history.pushState(null, '', hash); },
    firstFrame() {
      performance.mark('siaga-first-frame');
      document.getElementById('loading').hidden = true;
      document.getElementById('canvas').focus();
    },
    takeStorageChanged() { const changed = storageChanged; storageChanged = false; return changed; },
    requestPersistence() {
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
    },
    download,
    pickFile,
    printDocument,
    clipboardWrite: typing.clipboardWrite,
    requestFullscreen,
    isFullscreen() { return !!document.fullscreenElement; },
    takePicked() { const p = picked; picked = null; return p; },
    framesDrawn() { return module && module._siaga_frames_drawn ? module._siaga_frames_drawn() : 0; },
    touchTime() { return touchTime; },
  };
})();
