// mirror.js — the accessibility mirror: one hidden, correctly-roled DOM element per node of the
// semantic tree C++ publishes each time the screen changes, at the same place as the widget it stands
// for; reused while role and name stay the same, so screen readers keep their place. Activating an
// element clicks the canvas there (the same input path as a mouse).
(function (bridge) {
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
      el.addEventListener('focus', () => { activate(el); bridge.typing.begin(el.siagaNode); });
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
    if (tree.lang) {
      root.lang = tree.lang;
      // Dari/Farsi and Arabic read right to left: the mirror keeps the logical text and says so.
      root.dir = /^(fa|ar|prs|ps|ur)$/.test(tree.lang) ? 'rtl' : 'ltr';
      document.documentElement.dir = root.dir;
    }
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
    bridge.typing.treeChanged(tree.nodes);
    window.dispatchEvent(new CustomEvent('siaga-tree'));
  }

  Object.assign(bridge, {
    publishTree,
    mirroredNodes() { return mirrored.map((el) => el.siagaNode); },
  });
})(window.SiagaBridge);
