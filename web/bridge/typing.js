// typing.js — SDL's Emscripten port reads keys from the canvas and cannot raise a phone's keyboard. When a
// finger taps a text field, a real <input> over the field takes focus inside that touch (browsers raise
// the keyboard only then); what is typed into it goes to the portal as SDL text and key events. It is
// let go when the portal's field is no longer being edited. A mouse click keeps the canvas focused, so
// desktop typing is unchanged. Paste and copy go through the system clipboard in both cases.
(function (bridge) {
  let input = null;
  let shadow = [];        // the input's text (code points) as last handed to the portal
  let sawEditing = false; // the portal has shown its field active since the input took focus
  let focusedAt = 0;
  let editingName = '';
  let composing = false;

  function call(name, ...args) {
    const module = bridge.module();
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
    return bridge.mirroredNodes()
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

  // When the finger really moved: the DOM event's time, noted before SDL handles the same
  // event (capture on window runs first). C++ measures a fling's speed with it: a busy page receives a
  // flick's last move and the lift together, and their arrival times would read as a resting finger.
  let touchTime = 0;
  for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel'])
    window.addEventListener(type, (event) => { touchTime = event.timeStamp; }, { capture: true, passive: true });

  bridge.typing = { begin, end, treeChanged, watch, element: () => input };
  Object.assign(bridge, { clipboardWrite, touchTime() { return touchTime; } });
})(window.SiagaBridge);
