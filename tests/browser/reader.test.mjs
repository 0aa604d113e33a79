// The lesson reader: a learner opens a course and a module by clicking the canvas, pages through its
// sections, sees headings and callouts (in the mirror as well as on screen), follows the address bar
// and the back button, and a broken module is listed as unavailable while the rest keep working.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { clickWidget, createLearner, findAlert, findByRole, launch, mirror, screenshot, serve, settle, waitForPortal } from './lib.mjs';

let served;
before(async () => { served = await serve(); });
after(() => served.server.close());

test('a learner opens a module and pages through its sections by clicking', async () => {
  const b = await launch();
  const italicFetched = [];  // the italic face is not part of the first load: a lesson asks for it
  b.page.on('requestfinished', (r) => { if (r.url().endsWith('/NotoSans-Italic.ttf')) italicFetched.push(r.url()); });
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await createLearner(b.page, 'Dewi');
    await findByRole(b.page, 'heading', 'Courses');
    assert.equal(italicFetched.length, 0, 'the italic face was downloaded before any lesson needed it');
    await clickWidget(b.page, 'button', 'Open course: Protecting migrants in countries in crisis');
    await b.page.waitForFunction(() => location.hash === '#/course/micic');
    await findByRole(b.page, 'heading', 'Modules');
    await clickWidget(b.page, 'button', 'Open module: Migrants in crises and the MICIC Initiative');
    await findByRole(b.page, 'heading', 'When crisis strikes where migrants live');
    await findByRole(b.page, 'progressbar', 'Progress through this module');
    await b.page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/NotoSans-Italic.ttf')));

    // Next, next, next: each click shows the following section's heading.
    const titles = ['The MICIC Initiative', 'The Guidelines', 'Who counts as a "migrant"'];
    for (const title of titles) {
      await clickWidget(b.page, 'button', 'Next ›');
      await findByRole(b.page, 'heading', title);
    }
    assert.match(new URL(b.page.url()).hash, /^#\/course\/micic\/module\/why-micic\/section\/definition$/);
    // This section holds a case study and a discussion prompt, announced by their labels.
    await findByRole(b.page, 'heading', 'Case study');
    await findByRole(b.page, 'heading', 'Discuss');
    await settle(b.page);
    await screenshot(b.page, 'reader-section-with-callouts');

    // Previous goes back; so does the browser's Back button.
    await clickWidget(b.page, 'button', '‹ Previous');
    await findByRole(b.page, 'heading', 'The Guidelines');
    await b.page.goBack();
    await findByRole(b.page, 'heading', 'Who counts as a "migrant"');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('a shared link opens the same section after a reload', async () => {
  const b = await launch();
  try {
    await b.page.goto(served.url + '#/course/counter-trafficking/module/definition/section/' + 'elements');
    await waitForPortal(b.page);
    await createLearner(b.page, 'Budi');
    const headings = await mirror(b.page).getByRole('heading').allTextContents();
    assert.ok(headings.length > 2, 'the section has headings');
    await b.page.reload();
    await waitForPortal(b.page);
    assert.deepEqual(await mirror(b.page).getByRole('heading').allTextContents(), headings);
  } finally { await b.close(); }
});

test('the table of contents jumps straight to a section', async () => {
  const b = await launch();
  try {
    await b.page.goto(served.url + '#/course/micic/module/why-micic');
    await waitForPortal(b.page);
    await clickWidget(b.page, 'link', 'Just look around (nothing is saved)');
    await clickWidget(b.page, 'link', '7. Sources');
    await findByRole(b.page, 'heading', 'Sources');
    assert.match(new URL(b.page.url()).hash, /section\/sources$/);
  } finally { await b.close(); }
});

test('a long lesson reads well at desktop and phone widths', async () => {
  for (const [name, viewport, scale] of [['desktop', { width: 1280, height: 800 }, 1], ['phone', { width: 390, height: 844 }, 3]]) {
    const b = await launch({ viewport, deviceScaleFactor: scale, isMobile: name === 'phone', hasTouch: name === 'phone' });
    try {
      await b.page.goto(served.url + '#/course/counter-trafficking/module/indicators');
      await waitForPortal(b.page);
      await clickWidget(b.page, 'link', 'Just look around (nothing is saved)');
      await findByRole(b.page, 'heading', 'Recognising trafficking — the ILO indicators');
      await settle(b.page);
      await screenshot(b.page, `reader-long-lesson-${name}`);
      // Nothing the mirror reports may stick out past the right edge of the window.
      const overflow = await mirror(b.page).evaluate((root, width) =>
        [...root.children].filter((el) => el.getBoundingClientRect().right > width + 1).map((el) => el.textContent.slice(0, 40)),
        viewport.width);
      assert.deepEqual(overflow, [], `${name}: widgets past the right edge`);
    } finally { await b.close(); }
  }
});

test('only the active language is downloaded at start; the other comes when the learner switches', async () => {
  const b = await launch({ locale: 'en-US' });
  try {
    const requested = [];
    b.page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    assert.ok(requested.includes('/content-en.pack'));
    assert.ok(!requested.includes('/content-id.pack'), 'Indonesian is not fetched up front');
    await clickWidget(b.page, 'button', 'Bahasa Indonesia');
    await findByRole(b.page, 'heading', 'Siapa yang belajar?');
    assert.ok(requested.includes('/content-id.pack'));
  } finally { await b.close(); }
});

test('a module whose file is broken is listed as unavailable with its error, and the others still open', async () => {
  // The service worker fetches course packs itself once it controls the page, and a page route does
  // not see the worker's requests: without it the broken pack reaches the portal.
  const b = await launch({ serviceWorkers: 'block' });
  try {
    // Serve the course's pack with one module's heading without its {#id}: a content error.
    await b.page.route('**/course-en-micic.pack', async (route) => {
      const response = await route.fetch();
      const text = (await response.body()).toString('utf8');
      const broken = rewritePack(text, 'content/en/micic/02-principles.md', (body) => body.replace(/^## (.*?) \{#[a-z0-9-]+\}$/m, '## $1'));
      const headers = { ...response.headers() };
      delete headers['content-encoding'];  // the body we hand back is plain
      delete headers['content-length'];
      await route.fulfill({ status: 200, headers, body: broken });
    });
    await b.page.goto(served.url + '#/course/micic');
    await waitForPortal(b.page);
    await clickWidget(b.page, 'link', 'Just look around (nothing is saved)');
    await findAlert(b.page, /02-principles\.md:\d+:\d+: error:/);
    await b.page.mouse.move(640, 400);
    await b.page.mouse.wheel(0, 1500);  // down to the module list, so the shot shows the notice
    await settle(b.page);
    await screenshot(b.page, 'reader-unavailable-module');
    await clickWidget(b.page, 'button', 'Open module: Migrants in crises and the MICIC Initiative');
    await findByRole(b.page, 'heading', 'When crisis strikes where migrants live');
  } finally { await b.close(); }
});

// Rewrites one file inside a content pack ("SIAGA-PACK 1\n" then "<path>\n<byte length>\n<bytes>\n").
function rewritePack(text, path, change) {
  const bytes = Buffer.from(text, 'utf8');
  let at = bytes.indexOf('\n') + 1;
  const parts = [bytes.subarray(0, at)];
  while (at < bytes.length) {
    const pathEnd = bytes.indexOf('\n', at);
    const name = bytes.subarray(at, pathEnd).toString('utf8');
    const lengthEnd = bytes.indexOf('\n', pathEnd + 1);
    const length = Number(bytes.subarray(pathEnd + 1, lengthEnd).toString('utf8'));
    let body = bytes.subarray(lengthEnd + 1, lengthEnd + 1 + length);
    if (name === path) body = Buffer.from(change(body.toString('utf8')), 'utf8');
    parts.push(Buffer.from(`${name}\n${body.length}\n`, 'utf8'), body, Buffer.from('\n'));
    at = lengthEnd + 1 + length + 1;
  }
  return Buffer.concat(parts);
}
