// lib.mjs — shared helpers for the browser tests: serve the built portal, drive Debian's Chromium with
// playwright-core, find widgets by role and name in the accessibility mirror, and click the *canvas*
// at their rectangle with a real mouse, so tests exercise the same input path as a person.
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const DIST = process.env.SIAGA_DIST || join(ROOT, 'build/web/dist');
export const OUTPUT = join(ROOT, 'test-output');

const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-default-apps', '--mute-audio',
];

export async function serve() {
  const server = await startServer(DIST, 0);
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

// A browser profile of its own (a "device"): localStorage persists across reloads and relaunches.
export async function launch({ profileDir, viewport = { width: 1280, height: 800 }, deviceScaleFactor = 1,
                               locale = 'en-US', javaScriptEnabled = true, hasTouch = false, isMobile = false,
                               extraArgs = [], serviceWorkers = 'allow' } = {}) {
  const dir = profileDir || await mkdtemp(join(tmpdir(), 'siaga-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs], viewport, deviceScaleFactor, locale, javaScriptEnabled, hasTouch, isMobile,
    serviceWorkers,
  });
  const page = context.pages()[0] || await context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(msg.text()); });
  page.on('pageerror', (error) => problems.push(String(error)));
  return { context, page, problems, profileDir: dir,
           async close() { await context.close(); if (!profileDir) await rm(dir, { recursive: true, force: true }); } };
}

// The mirror: hidden, correctly-roled DOM over the canvas, published by the portal each change.
export function mirror(page) { return page.locator('#mirror'); }

export async function findByRole(page, role, name, { timeout = 20000 } = {}) {
  const locator = mirror(page).getByRole(role, { name, exact: typeof name === 'string' });
  await locator.first().waitFor({ state: 'attached', timeout });
  return locator.first();
}

// Alerts take no name from their content, so they are found by their text.
export async function findAlert(page, text, { timeout = 20000 } = {}) {
  const locator = mirror(page).getByRole('alert').filter({ hasText: text });
  await locator.first().waitFor({ state: 'attached', timeout });
  return locator.first();
}

// Clicks the canvas (not the mirror element) at the centre of a widget's rectangle.
// A widget below the fold is first scrolled into view with the mouse wheel, as a person would.
// With { nth }, the n-th (0-based) of several widgets with this role and name.
export async function clickWidget(page, role, name, { nth } = {}) {
  const viewport = page.viewportSize();
  let box = null;
  // The mirror is rebuilt as the screen changes, so the element is looked up afresh each time.
  for (let i = 0; i < 30; i++) {
    let element;
    if (nth === undefined) {
      element = await findByRole(page, role, name);
    } else {
      element = mirror(page).getByRole(role, { name, exact: true }).nth(nth);
      await element.waitFor({ state: 'attached', timeout: 20000 });
    }
    box = await element.boundingBox().catch(() => null);
    if (!box) { await page.waitForTimeout(100); continue; }
    if (box.y >= 0 && box.y + box.height <= viewport.height) {
      // Only a rectangle that has stopped moving: a scroll still being drawn would take the click
      // to where the widget was a frame ago.
      await page.waitForTimeout(100);
      const again = await element.boundingBox().catch(() => null);
      if (again && again.x === box.x && again.y === box.y) break;
      continue;
    }
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    await page.mouse.wheel(0, Math.max(-600, Math.min(600, box.y - viewport.height / 2)));
    await page.waitForTimeout(150);
  }
  assert.ok(box && box.width > 0 && box.height > 0, `${role} "${name}" has no rectangle`);
  assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `${role} "${name}" could not be scrolled into view`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

export async function waitForPortal(page) {
  await page.waitForFunction(() => performance.getEntriesByName('siaga-first-frame').length > 0, null, { timeout: 60000 });
  await findByRole(page, 'heading', 'Siaga');
}

// Types into an ImGui text field: click it on the canvas, then type with the real keyboard.
export async function typeInto(page, name, text) {
  await clickWidget(page, 'textbox', name);
  await page.keyboard.type(text, { delay: 30 });
}

// On the "Who is learning?" screen: adds a learner (optionally with a PIN) and signs in.
export async function createLearner(page, name, { pin = '' } = {}) {
  await findByRole(page, 'heading', 'Who is learning?');
  const add = mirror(page).getByRole('button', { name: 'Add a learner', exact: true });
  if (await add.count()) await clickWidget(page, 'button', 'Add a learner');
  await typeInto(page, 'Your first name or a nickname', name);
  if (pin) await typeInto(page, '4-digit PIN', pin);
  await clickWidget(page, 'button', 'Start learning');
  await mirror(page).getByText(`Learning as ${name}`, { exact: true }).waitFor({ state: 'attached' });
}

// Waits until the page has stopped drawing (render on demand), then returns the frame count.
export async function settle(page, quietMs = 600) {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const frames = await page.evaluate(() => SiagaBridge.framesDrawn());
    if (frames === last) return frames;
    last = frames;
    await page.waitForTimeout(quietMs);
  }
  throw new Error('the portal never stopped drawing');
}

// Saves a screenshot to test-output/ and checks it is not blank: decodes the PNG in a scratch page
// and counts distinct colours and the share of the most common one.
export async function screenshot(page, name) {
  await mkdir(OUTPUT, { recursive: true });
  const file = join(OUTPUT, `${name}.png`);
  const png = await page.screenshot({ path: file });
  const scratch = await page.context().newPage();
  const stats = await scratch.evaluate(async (b64) => {
    const blob = await (await fetch('data:image/png;base64,' + b64)).blob();
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const counts = new Map();
    for (let i = 0; i < data.length; i += 16) {  // every 4th pixel is plenty
      const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const top = Math.max(...counts.values());
    return { colours: counts.size, dominant: top / (data.length / 16) };
  }, png.toString('base64'));
  await scratch.close();
  assert.ok(stats.colours >= 16 && stats.dominant < 0.998,
            `screenshot ${name} looks blank (${stats.colours} colours, ${(stats.dominant * 100).toFixed(1)}% one colour)`);
  return file;
}

export async function writeOutput(name, text) {
  await mkdir(OUTPUT, { recursive: true });
  await writeFile(join(OUTPUT, name), text);
}

// Catches every page handed to the print frame (bridge.js printDocument) instead of opening the
// browser's print dialog: the frame's print() records the document as it is at that moment.
export async function catchPrinting(page) {
  await page.addInitScript(() => {
    window.siagaPrinted = [];
    const get = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow').get;
    Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
      configurable: true,
      get() {
        const win = get.call(this);
        if (win && this.id === 'print-frame' && !win.siagaCaught) {
          win.siagaCaught = true;
          const frame = this;
          win.print = () => {
            const doc = win.document;
            const box = doc.querySelector('.box, .code');
            window.top.siagaPrinted.push({
              title: frame.title, html: '<!doctype html>\n' + doc.documentElement.outerHTML,
              // The shared stylesheet applied inside the frame (the CSP allows it by hash):
              h1Size: getComputedStyle(doc.querySelector('h1')).fontSize,
              boxBorder: box ? getComputedStyle(box).borderTopWidth || getComputedStyle(box).fontFamily : '',
            });
          };
        }
        return win;
      },
    });
  });
}

export async function printed(page, count) {
  await page.waitForFunction((n) => window.siagaPrinted && window.siagaPrinted.length >= n, count, { timeout: 20000 });
  return (await page.evaluate(() => window.siagaPrinted))[count - 1];
}

// [SECTION] The canvas compared with the browser's own rendering of the same text ------------------

// Ink per pixel column (darkness summed down the column) of a PNG, decoded in a scratch page (the
// portal's page allows no data: URLs).
export async function inkColumns(page, png) {
  const scratch = await page.context().newPage();
  try {
    return await scratch.evaluate(async (b64) => {
      const bitmap = await createImageBitmap(await (await fetch('data:image/png;base64,' + b64)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const columns = new Array(bitmap.width).fill(0);
      for (let i = 0; i < data.length; i += 4) columns[(i / 4) % bitmap.width] += Math.max(0, 160 - (data[i] + data[i + 1] + data[i + 2]) / 3);
      return columns;
    }, png.toString('base64'));
  } finally { await scratch.close(); }
}

// The browser's own rendering of `text` (Canvas 2D fillText, its own shaping) in one of the portal's
// faces (the first that has a character draws it), as ink per column.
export async function referenceColumns(page, text, files, size) {
  return page.evaluate(async ([text, files, size]) => {
    const families = [];
    for (const file of files) {
      const face = new FontFace('reference-' + file.replace(/\W/g, ''), `url(${file})`);
      await face.load();
      document.fonts.add(face);
      families.push(face.family);
    }
    const canvas = new OffscreenCanvas(240, 48);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 240, 48);
    ctx.fillStyle = '#000';
    ctx.font = `${size}px ${families.join(', ')}`;
    ctx.fillText(text, 10, 34);
    const data = ctx.getImageData(0, 0, 240, 48).data;
    const columns = new Array(240).fill(0);
    for (let i = 0; i < data.length; i += 4) columns[(i / 4) % 240] += Math.max(0, 160 - (data[i] + data[i + 1] + data[i + 2]) / 3);
    return columns;
  }, [text, files, size]);
}

// The portal's body text is 17 px from the top of Noto Sans's line to its bottom (Dear ImGui sizes a
// face by its line height: ascender 1069 + descender 293 units of 1000), so its em is 17 / 1.362 px.
export const EM_PX = 17 / 1.362;

// How alike two ink profiles are: each cut to its inked columns, the second stretched to the first's
// width, then Pearson's correlation (1: the same shape of letters; about 0: unrelated).
export function likeness(drawn, reference) {
  const inked = (p) => { const a = p.findIndex((v) => v > 0); let z = p.length - 1; while (z > a && p[z] <= 0) z--; return p.slice(a, z + 1); };
  const p = inked(drawn), q = inked(reference), n = p.length;
  const r = Array.from({ length: n }, (_, i) => q[Math.round(i * (q.length - 1) / Math.max(1, n - 1))]);
  const mean = (a) => a.reduce((sum, v) => sum + v, 0) / a.length;
  const mp = mean(p), mr = mean(r);
  let num = 0, dp = 0, dr = 0;
  for (let i = 0; i < n; i++) { num += (p[i] - mp) * (r[i] - mr); dp += (p[i] - mp) ** 2; dr += (r[i] - mr) ** 2; }
  return num / Math.sqrt(dp * dr);
}

// The ink of a widget as the canvas draws it (its mirror node's box; a button's frame and fill are
// too light to count as ink).
export async function drawnColumns(page, locator) {
  const box = await locator.boundingBox();
  return inkColumns(page, await page.screenshot({ clip: box }));
}

// [SECTION] Progress straight into storage (a course finished without clicking through it) -----------

// A course's modules as its English content files have them: ids, sections, graded quizzes.
export async function courseModules(course) {
  const dir = join(ROOT, 'content/en', course);
  const modules = [];
  for (const file of (await readdir(dir)).filter((f) => /^\d\d-.*\.md$/.test(f)).sort()) {
    const text = await readFile(join(dir, file), 'utf8');
    modules.push({
      id: text.match(/^id: (\S+)$/m)[1],
      sections: [...text.matchAll(/^## .* \{#([a-z0-9-]+)\}$/gm)].map((m) => m[1]),
      graded: [...text.matchAll(/^```quiz id=(\S+)(.*)$/gm)].filter((m) => /graded=yes/.test(m[2])).map((m) => m[1]),
    });
  }
  return modules;
}

// Writes a learner's progress record (current schema, with its checksum) straight into storage.
export async function storeProgress(page, build) {
  await page.evaluate(async (record) => {
    const id = JSON.parse(localStorage.getItem('siaga.profiles')).profiles[0].id;
    const sort = (v) => Array.isArray(v) ? v.map(sort)
      : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])])) : v;
    const body = sort({ ...record, profile: id });
    const bytes = new TextEncoder().encode(JSON.stringify(body));
    const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
      .map((x) => x.toString(16).padStart(2, '0')).join('');
    localStorage.setItem('siaga.progress.' + id, JSON.stringify(sort({ ...body, checksum: digest })));
  }, build);
}
