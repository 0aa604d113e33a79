// Offline and privacy: after one visit the portal works with the network off (lessons, quizzes,
// saving); a newly deployed version is offered, not forced, and old caches go; and a full session
// requests nothing but the portal's own files.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { DIST, clickWidget, createLearner, findAlert, findByRole, launch, mirror, screenshot, waitForPortal } from './lib.mjs';

let copy, server, url;
before(async () => {
  // A copy of the build, so the test can "deploy" a new version into it.
  copy = await mkdtemp(join(tmpdir(), 'siaga-dist-'));
  await cp(DIST, copy, { recursive: true });
  server = await startServer(copy, 0);
  url = `http://127.0.0.1:${server.address().port}/`;
});
after(async () => { server.close(); await rm(copy, { recursive: true, force: true }); });

const QUIZ = '#/course/micic/module/why-micic/section/check';
const RIGHT_1 = 'The United States and the Philippines';

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null, { timeout: 30000 });
}

test('after one visit the portal opens, teaches and saves with the network off', async () => {
  const b = await launch();
  try {
    await b.page.goto(url);
    await waitForPortal(b.page);
    await createLearner(b.page, 'Hasan');
    // The course's lessons come when it is first opened, online (a course never opened offline is
    // the next test's).
    await b.page.evaluate((hash) => { location.hash = hash; }, '#/course/refugee-orientation/module/who-is-iom');
    await findByRole(b.page, 'progressbar', 'Progress through this module');
    await b.page.evaluate((hash) => { location.hash = hash; }, QUIZ);
    await findByRole(b.page, 'button', 'Start the quiz');
    await controlled(b.page);
    await b.context.setOffline(true);
    await b.page.reload();
    await waitForPortal(b.page);
    await b.page.evaluate((hash) => { location.hash = hash; }, '#/course/refugee-orientation/module/who-is-iom');
    await findByRole(b.page, 'progressbar', 'Progress through this module');
    await b.page.evaluate((hash) => { location.hash = hash; }, QUIZ);
    await clickWidget(b.page, 'button', 'Start the quiz');
    await clickWidget(b.page, 'radio', RIGHT_1);
    await screenshot(b.page, 'offline-quiz');
    // The facilitator's tools were never opened online: their code (siaga-facilitator.wasm) comes
    // from the service worker's precache.
    await b.page.evaluate((hash) => { location.hash = hash; }, '#/facilitator');
    await findByRole(b.page, 'heading', 'Facilitator tools');
    await b.page.evaluate((hash) => { location.hash = hash; }, QUIZ);
    await findByRole(b.page, 'radio', RIGHT_1);
    await b.context.setOffline(false);
    await b.page.reload();
    await waitForPortal(b.page);
    const radio = await findByRole(b.page, 'radio', RIGHT_1);
    assert.equal(await radio.getAttribute('aria-checked'), 'true', 'the answer given offline is still there');
  } finally { await b.close(); }
});

test('the catalog needs no lessons; a course downloads once when opened and then works offline; one never opened says so', async () => {
  const b = await launch();
  try {
    const packs = [];  // every course pack the page asked for (served by the network or the service worker)
    const code = [];   // every request for the lesson code (src/app/code_module.h)
    b.page.on('request', (r) => {
      const name = new URL(r.url()).pathname.split('/').pop();
      if (/^course-.*\.pack$/.test(name)) packs.push(name);
      if (name === 'siaga-lessons.wasm') code.push(name);
    });
    await b.page.goto(url);
    await waitForPortal(b.page);
    await createLearner(b.page, 'Dewi');
    await findByRole(b.page, 'button', 'Open course: Countering trafficking in persons — the 3P approach');
    await b.page.waitForTimeout(500);
    assert.deepEqual(packs, [], 'the catalog was shown without any course\'s lessons');
    assert.deepEqual(code, [], 'the catalog was shown without the lesson code');

    await b.page.evaluate((hash) => { location.hash = hash; }, QUIZ);
    await clickWidget(b.page, 'button', 'Start the quiz');
    await clickWidget(b.page, 'radio', RIGHT_1);
    await mirror(b.page).locator('[role=radio][aria-checked=true]').filter({ hasText: RIGHT_1 }).first()
      .waitFor({ state: 'attached' });
    assert.deepEqual(packs, ['course-en-micic.pack'], 'opening the course fetched its lessons once');
    assert.deepEqual(code, ['siaga-lessons.wasm'], 'and the lesson code, once');
    await b.page.evaluate((hash) => { location.hash = hash; }, '#/course/micic/module/principles');
    await findByRole(b.page, 'progressbar', 'Progress through this module');
    assert.deepEqual(packs, ['course-en-micic.pack'], 'another module of the same course needs nothing more');
    assert.deepEqual(code, ['siaga-lessons.wasm'], 'nor more code');
    await controlled(b.page);

    // A new visit: progress of a course whose lessons are not loaded shows on the catalog and in My progress.
    await b.page.evaluate(() => { location.hash = '#/'; });
    packs.length = 0;
    code.length = 0;
    await b.page.reload();
    await waitForPortal(b.page);
    const bar = await findByRole(b.page, 'progressbar', 'Progress: Protecting migrants in countries in crisis');
    assert.ok(Number(await bar.getAttribute('aria-valuenow')) > 0, 'the catalog shows MICIC under way');
    await findByRole(b.page, 'button', 'Continue: Protecting migrants in countries in crisis');
    await b.page.evaluate(() => { location.hash = '#/progress'; });
    await mirror(b.page).getByText(/Migrants in crises and the MICIC Initiative/).first().waitFor({ state: 'attached' });
    assert.deepEqual(packs, [], 'no lessons were needed for the catalog or My progress');
    assert.deepEqual(code, [], 'nor the lesson code');
    await screenshot(b.page, 'offline-progress-without-lessons');

    await b.context.setOffline(true);
    await b.page.evaluate((hash) => { location.hash = hash; }, QUIZ);
    const radio = await findByRole(b.page, 'radio', RIGHT_1);
    assert.equal(await radio.getAttribute('aria-checked'), 'true', 'the opened course works offline, answer kept');
    assert.deepEqual(code, ['siaga-lessons.wasm'], 'its code came offline too, from the service worker');
    await b.page.evaluate(() => { location.hash = '#/course/counter-trafficking/module/definition'; });
    await findAlert(b.page, /lessons are not on this device yet/);
    await findByRole(b.page, 'button', 'Try again');
    await screenshot(b.page, 'offline-course-never-opened');
    await b.context.setOffline(false);
    await clickWidget(b.page, 'button', 'Try again');
    await findByRole(b.page, 'progressbar', 'Progress through this module');
    assert.equal(packs.filter((p) => p === 'course-en-counter-trafficking.pack').length, 2, 'one failed try, one that came');
  } finally { await b.close(); }
});

test('a new version is offered with a reload button, nothing is lost, and the old cache is removed', async () => {
  const b = await launch();
  try {
    await b.page.goto(url + QUIZ);
    await waitForPortal(b.page);
    await createLearner(b.page, 'Lina');
    await clickWidget(b.page, 'button', 'Start the quiz');
    await clickWidget(b.page, 'radio', RIGHT_1);
    await controlled(b.page);
    await b.page.reload();  // the next visit: the page now runs under the installed version
    await waitForPortal(b.page);
    const before = await b.page.evaluate(() => caches.keys());
    assert.equal(before.length, 1);

    // Deploy: a changed file means a new service worker version.
    const sw = join(copy, 'sw.js');
    const text = await readFile(sw, 'utf8');
    await writeFile(sw, text.replace(/const VERSION = '([^']+)'/, "const VERSION = '$1-next'"));
    await rm(sw + '.br', { force: true });
    await rm(sw + '.gz', { force: true });
    await b.page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const banner = b.page.locator('#update');
    await banner.waitFor({ state: 'visible', timeout: 30000 });
    assert.match(await banner.textContent(), /A new version of Siaga is ready/);
    await screenshot(b.page, 'offline-update-offered');
    await Promise.all([b.page.waitForEvent('load'), b.page.click('#update-button')]);
    await waitForPortal(b.page);
    const radio = await findByRole(b.page, 'radio', RIGHT_1);
    assert.equal(await radio.getAttribute('aria-checked'), 'true', 'reloading lost nothing');
    const keys = await b.page.evaluate(() => caches.keys());
    assert.deepEqual(keys.map((k) => k.endsWith('-next')), [true], 'only the new version is cached');
  } finally { await b.close(); }
});

test('a full session requests nothing but the portal\'s own files, under a strict CSP', async () => {
  const b = await launch({ locale: 'en-US' });
  try {
    const foreign = [];
    const origin = new URL(url).origin;
    b.context.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
    });
    const response = await b.page.goto(url);
    assert.match(response.headers()['content-security-policy'], /default-src 'self'/);
    await waitForPortal(b.page);
    await createLearner(b.page, 'Yusuf');
    await clickWidget(b.page, 'button', 'Open course: Countering trafficking in persons — the 3P approach');
    await b.page.evaluate((hash) => { location.hash = hash; }, QUIZ);
    await clickWidget(b.page, 'button', 'Start the quiz');
    await clickWidget(b.page, 'radio', RIGHT_1);
    await clickWidget(b.page, 'button', 'Submit quiz');
    await findByRole(b.page, 'heading', /^Your score/);
    await clickWidget(b.page, 'button', 'Bahasa Indonesia');
    await mirror(b.page).getByText('Belajar sebagai Yusuf', { exact: true }).waitFor({ state: 'attached' });
    await b.page.waitForTimeout(1000);
    assert.deepEqual(foreign, [], 'requests that left the portal');
    const csp = await b.page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  } finally { await b.close(); }
});
