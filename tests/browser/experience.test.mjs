// The reading experience: text size, theme and language chosen in Settings are kept across a reload
// (checked in the mirror and by the size text is actually drawn at); every theme is screenshotted on
// the catalog, a lesson and a quiz at desktop and phone sizes; axe-core checks the accessibility
// mirror on the main screens; and the keyboard alone can open a course.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { clickWidget, createLearner, DIST, findByRole, launch, mirror, screenshot, serve, settle, waitForPortal,
         writeOutput } from './lib.mjs';

let served;
before(async () => { served = await serve(); });
after(() => served.server.close());

const COURSE = '#/course/micic';
const LESSON = '#/course/micic/module/why-micic';
const QUIZ = '#/course/micic/module/why-micic/section/check';
const OPEN_COURSE = 'Open course: Protecting migrants in countries in crisis';

// Sets the address; a lesson address may grow a section as the reader lands on it.
async function go(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForFunction((h) => location.hash === h || location.hash.startsWith(h + '/'), hash);
}

async function openQuiz(page) {
  await go(page, QUIZ);
  await findByRole(page, 'heading', 'Check your understanding');
  const start = mirror(page).getByRole('button', { name: 'Start the quiz', exact: true });
  if (await start.count()) await clickWidget(page, 'button', 'Start the quiz');
  await findByRole(page, 'radio', 'The United States and the Philippines');
}

async function checked(page, name) {
  return (await findByRole(page, 'radio', name)).getAttribute('aria-checked');
}

// The colour of the canvas's top-left corner (the window background), as [r, g, b].
async function cornerColour(page) {
  const png = await page.screenshot({ clip: { x: 2, y: 2, width: 1, height: 1 } });
  const scratch = await page.context().newPage();
  const rgb = await scratch.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(await (await fetch('data:image/png;base64,' + b64)).blob());
    const ctx = new OffscreenCanvas(1, 1).getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, png.toString('base64'));
  await scratch.close();
  return rgb;
}

async function headingHeight(page, name) {
  await settle(page, 300);
  const box = await (await findByRole(page, 'heading', name)).boundingBox();
  assert.ok(box, `heading "${name}" has a rectangle`);
  return box.height;
}

test('text size, theme and language chosen in Settings survive a reload', async () => {
  const b = await launch();
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await createLearner(b.page, 'Ayu');
    await findByRole(b.page, 'button', OPEN_COURSE);
    const before = await headingHeight(b.page, 'Siaga');
    const lightCorner = await cornerColour(b.page);
    assert.ok(lightCorner.every((c) => c > 200), `the light theme's background is light (${lightCorner})`);

    await clickWidget(b.page, 'link', 'Settings');
    await findByRole(b.page, 'heading', 'Text size');
    assert.equal(await checked(b.page, 'Normal'), 'true');
    assert.equal(await checked(b.page, 'Light'), 'true');
    await clickWidget(b.page, 'radio', 'Extra large');
    await b.page.waitForFunction(() => [...document.querySelectorAll('#mirror [role=radio]')]
      .some((e) => e.textContent === 'Extra large' && e.getAttribute('aria-checked') === 'true'));
    await clickWidget(b.page, 'radio', 'Dark');
    await b.page.waitForFunction(() => [...document.querySelectorAll('#mirror [role=radio]')]
      .some((e) => e.textContent === 'Dark' && e.getAttribute('aria-checked') === 'true'));
    await clickWidget(b.page, 'button', 'Bahasa Indonesia');
    await findByRole(b.page, 'heading', 'Ukuran teks');
    await settle(b.page);
    await screenshot(b.page, 'experience-settings-dark-xl-id');

    await b.page.reload();
    await waitForPortal(b.page);
    if (await mirror(b.page).getByRole('heading', { name: 'Siapa yang belajar?' }).count())
      await clickWidget(b.page, 'button', /Ayu/);
    await go(b.page, '#/settings');
    await findByRole(b.page, 'heading', 'Ukuran teks');
    assert.equal(await checked(b.page, 'Sangat besar'), 'true');
    assert.equal(await checked(b.page, 'Normal'), 'false');
    assert.equal(await checked(b.page, 'Gelap'), 'true');
    assert.equal(await checked(b.page, 'Terang'), 'false');
    assert.equal(await (await findByRole(b.page, 'button', 'Bahasa Indonesia')).getAttribute('aria-pressed'), 'true');

    await go(b.page, '#/');
    await findByRole(b.page, 'heading', 'Siaga');
    const after = await headingHeight(b.page, 'Siaga');
    assert.ok(after >= before * 1.3, `Extra large text is drawn larger: heading ${before}px -> ${after}px`);
    const darkCorner = await cornerColour(b.page);
    assert.ok(darkCorner.every((c) => c < 60), `the dark theme's background is dark (${darkCorner})`);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('every theme draws the catalog, a lesson and a quiz at desktop and phone sizes', async () => {
  const sizes = [['desktop', { width: 1280, height: 800 }, 1], ['phone', { width: 390, height: 844 }, 3]];
  for (const [size, viewport, scale] of sizes) {
    const b = await launch({ viewport, deviceScaleFactor: scale, isMobile: size === 'phone', hasTouch: size === 'phone' });
    try {
      await b.page.goto(served.url);
      await waitForPortal(b.page);
      await createLearner(b.page, 'Sari');
      const corners = {};
      for (const [theme, label] of [['light', 'Light'], ['dark', 'Dark'], ['contrast', 'High contrast']]) {
        await go(b.page, '#/settings');
        await clickWidget(b.page, 'radio', label);
        await b.page.waitForFunction((l) => [...document.querySelectorAll('#mirror [role=radio]')]
          .some((e) => e.textContent === l && e.getAttribute('aria-checked') === 'true'), label);
        await go(b.page, '#/');
        await findByRole(b.page, 'button', OPEN_COURSE);
        await settle(b.page);
        corners[theme] = (await cornerColour(b.page)).join(',');
        await screenshot(b.page, `experience-${theme}-${size}-catalog`);
        await go(b.page, LESSON);
        await findByRole(b.page, 'heading', 'When crisis strikes where migrants live');
        await settle(b.page);
        await screenshot(b.page, `experience-${theme}-${size}-lesson`);
        await openQuiz(b.page);
        await settle(b.page);
        await screenshot(b.page, `experience-${theme}-${size}-quiz`);
      }
      assert.equal(new Set(Object.values(corners)).size, 3, `three different backgrounds: ${JSON.stringify(corners)}`);
      assert.equal(corners.contrast, '0,0,0');
      assert.deepEqual(b.problems, []);
    } finally { await b.close(); }
  }
});

// Every axe rule runs. color-contrast comes back "incomplete" (not a violation) on the mirror: its text
// is transparent over the canvas, which is what people see; the canvas's colours are checked natively
// against WCAG AA for every theme (tests/core/test_settings.cpp).
async function axe(page) {
  const result = await new AxeBuilder({ page }).include('#mirror').analyze();
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                                         nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

test('axe-core finds no serious or critical problems in the mirror of the main screens', async () => {
  const b = await launch();
  const report = {};
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await findByRole(b.page, 'heading', 'Who is learning?');
    await settle(b.page, 300);
    report.learners = await axe(b.page);
    await createLearner(b.page, 'Nur');
    await findByRole(b.page, 'button', OPEN_COURSE);
    await settle(b.page, 300);
    report.catalog = await axe(b.page);
    await go(b.page, COURSE);
    await findByRole(b.page, 'heading', 'Modules');
    await settle(b.page, 300);
    report.course = await axe(b.page);
    await go(b.page, LESSON);
    await findByRole(b.page, 'heading', 'When crisis strikes where migrants live');
    await settle(b.page, 300);
    report.lesson = await axe(b.page);
    await openQuiz(b.page);
    await settle(b.page, 300);
    report.quiz = await axe(b.page);
    await go(b.page, '#/settings');
    await findByRole(b.page, 'heading', 'Text size');
    await settle(b.page, 300);
    report.settings = await axe(b.page);
    await go(b.page, '#/progress');
    await findByRole(b.page, 'heading', 'My progress');
    await settle(b.page, 300);
    report.progress = await axe(b.page);
    await go(b.page, '#/about');
    await findByRole(b.page, 'heading', 'Where it is saved');
    await settle(b.page, 300);
    report.about = await axe(b.page);
  } finally {
    await writeOutput('experience-axe.json', JSON.stringify(report, null, 2));
    await b.close();
  }
  for (const [screen, violations] of Object.entries(report)) {
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad, [], `${screen}: ${JSON.stringify(bad, null, 1)}`);
    // Heading levels never skip (a moderate rule, but it is how screen-reader users skim a page).
    const order = violations.filter((v) => v.id === 'heading-order');
    assert.deepEqual(order, [], `${screen}: ${JSON.stringify(order, null, 1)}`);
  }
});

async function focusedName(page) {
  return page.evaluate(() => {
    const el = [...document.getElementById('mirror').children].find((e) => e.siagaNode && e.siagaNode.f);
    return el ? el.siagaNode.n : null;
  });
}

async function press(page, key) {
  await page.keyboard.press(key);
  await settle(page, 150);
  return focusedName(page);
}

// Tab walks the header's widgets in reading order, and Enter on a focused link activates it.
test('the keyboard alone reaches the header and follows a link: Tab moves the focus ring, Enter activates', async () => {
  const b = await launch();
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await createLearner(b.page, 'Eko');
    await findByRole(b.page, 'button', OPEN_COURSE);
    await settle(b.page, 300);
    // The language menu first (every language the build ships, in the portal's own order, right-to-left
    // ones too), then the learner bar.
    const shipped = JSON.parse(await readFile(join(DIST, 'languages.json'), 'utf8')).languages.map((l) => l.name);
    const bar = ['Switch learner', 'Settings', 'For facilitators'];
    const seen = [];
    for (let i = 0; i < shipped.length + bar.length; i++) seen.push(await press(b.page, 'Tab'));
    assert.deepEqual([...seen.slice(0, shipped.length)].sort(), [...shipped].sort());
    assert.deepEqual(seen.slice(0, 2), ['English', 'Bahasa Indonesia']);
    assert.deepEqual(seen.slice(shipped.length), bar);
    await screenshot(b.page, 'experience-keyboard-focus');
    // Shift+Tab walks back one stop, from "For facilitators" to "Settings".
    assert.equal(await press(b.page, 'Shift+Tab'), 'Settings');
    await b.page.keyboard.press('Enter');
    await b.page.waitForFunction(() => location.hash === '#/settings', null, { timeout: 10000 });
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

// The course cards are flattened for keyboard navigation, so Tab lands on their buttons and Enter opens.
test('the keyboard alone opens a course: Tab goes straight to an "Open course" button, Enter opens it', async () => {
  const b = await launch();
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await createLearner(b.page, 'Eko');
    await findByRole(b.page, 'button', OPEN_COURSE);
    await settle(b.page, 300);
    const seen = [];
    for (let i = 0; i < 12 && seen.at(-1) !== OPEN_COURSE; i++) seen.push(await press(b.page, 'Tab'));
    assert.equal(seen.at(-1), OPEN_COURSE, `focus went: ${JSON.stringify(seen)}`);
    await b.page.keyboard.press('Enter');
    await b.page.waitForFunction((h) => location.hash === h, COURSE, { timeout: 10000 });
  } finally { await b.close(); }
});
