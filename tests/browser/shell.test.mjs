// The portal shell: loads cleanly, draws its first screen, switches language by a real click on the
// canvas, remembers the choice, honours devicePixelRatio and resizes, draws nothing while idle, and
// explains itself in browsers that cannot run it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { clickWidget, createLearner, findAlert, findByRole, launch, screenshot, serve, settle, waitForPortal } from './lib.mjs';

let served;
before(async () => { served = await serve(); });
after(() => served.server.close());

test('first screen appears with no console errors, and English follows an English browser', async () => {
  const b = await launch({ locale: 'en-US' });
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await findByRole(b.page, 'heading', 'Who is learning?');
    await findByRole(b.page, 'button', 'English');
    assert.equal(await b.page.locator('#loading').isHidden(), true, 'the loading screen is gone');
    assert.equal(await b.page.evaluate(() => document.documentElement.lang), 'en');
    await settle(b.page);
    await screenshot(b.page, 'shell-first-screen-en');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('an Indonesian browser gets the Indonesian interface without choosing', async () => {
  const b = await launch({ locale: 'id-ID' });
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await findByRole(b.page, 'heading', 'Siapa yang belajar?');
  } finally { await b.close(); }
});

test('clicking Bahasa Indonesia on the canvas switches the interface, and the choice survives a reload', async () => {
  const b = await launch({ locale: 'en-US' });
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    const english = await findByRole(b.page, 'button', 'English');
    assert.equal(await english.getAttribute('aria-pressed'), 'true');
    await clickWidget(b.page, 'button', 'Bahasa Indonesia');
    await findByRole(b.page, 'heading', 'Siapa yang belajar?');
    assert.equal(await (await findByRole(b.page, 'button', 'Bahasa Indonesia')).getAttribute('aria-pressed'), 'true');
    await settle(b.page);
    await screenshot(b.page, 'shell-after-switch-id');
    await b.page.reload();
    await waitForPortal(b.page);
    await findByRole(b.page, 'heading', 'Siapa yang belajar?');
    assert.equal(await b.page.evaluate(() => document.documentElement.lang), 'id');
    await screenshot(b.page, 'shell-after-reload-id');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('the loading screen shows bytes received of a known total', async () => {
  const b = await launch();
  try {
    // Slow the wasm down so the progress bar can be seen mid-way.
    await b.page.route('**/siaga.wasm', async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    await b.page.goto(served.url);
    const bar = b.page.locator('#loading-bar');
    await bar.waitFor({ state: 'visible' });
    const text = await b.page.locator('#loading-bytes').textContent();
    assert.match(text, /^\d+ KB \/ \d+ KB$/);
    const total = Number(text.split('/')[1].replace(/\D/g, ''));
    assert.ok(total > 100, `total ${total} KB is the real size of the files`);
    await waitForPortal(b.page);
    assert.equal(await bar.isHidden(), true);
  } finally { await b.close(); }
});

test('the canvas is drawn at device pixel density and follows window resizes', async () => {
  const b = await launch({ deviceScaleFactor: 2, viewport: { width: 900, height: 700 } });
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    const size = () => b.page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight };
    });
    let s = await size();
    assert.deepEqual([s.cw, s.ch], [900, 700]);
    assert.deepEqual([s.w, s.h], [1800, 1400]);
    await b.page.setViewportSize({ width: 600, height: 500 });
    await b.page.waitForFunction(() => document.getElementById('canvas').width === 1200);
    s = await size();
    assert.deepEqual([s.w, s.h], [1200, 1000]);
    await settle(b.page);
    await screenshot(b.page, 'shell-hidpi-600x500');
  } finally { await b.close(); }
});

test('an idle portal draws no frames', async () => {
  const b = await launch();
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    const before = await settle(b.page);
    await b.page.waitForTimeout(2000);
    const after = await b.page.evaluate(() => SiagaBridge.framesDrawn());
    assert.equal(after, before, `drew ${after - before} frames while idle`);
    await b.page.mouse.move(300, 300);
    await b.page.waitForFunction((n) => SiagaBridge.framesDrawn() > n, before);
  } finally { await b.close(); }
});

test('without WebGL 2 the page says what is needed instead of staying blank', async () => {
  const b = await launch();
  try {
    await b.page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : original.call(this, type, ...rest);
      };
    });
    await b.page.goto(served.url);
    const problem = b.page.locator('#problem');
    await problem.waitFor({ state: 'visible' });
    assert.match(await problem.textContent(), /WebGL 2/);
    await screenshot(b.page, 'shell-no-webgl2');
  } finally { await b.close(); }
});

test('without JavaScript the page says it needs JavaScript', async () => {
  const b = await launch({ javaScriptEnabled: false });
  try {
    await b.page.goto(served.url);
    const text = await b.page.locator('body').innerText();
    assert.match(text, /Siaga needs JavaScript to run/);
    assert.match(text, /Siaga memerlukan JavaScript/);
    await screenshot(b.page, 'shell-no-javascript');
  } finally { await b.close(); }
});

test('when the browser refuses storage the portal says so and keeps working', async () => {
  const b = await launch();
  try {
    await b.page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
    });
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await findAlert(b.page, /does not let Siaga save anything/);
    await createLearner(b.page, 'Ayu');  // works, in memory
    await clickWidget(b.page, 'button', 'Bahasa Indonesia');
    await findByRole(b.page, 'heading', 'Kursus');
    await settle(b.page);
    await screenshot(b.page, 'shell-storage-refused');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});
