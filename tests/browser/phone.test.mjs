// Phones, touch, keyboard and the clipboard: on a 390×844 touch phone a learner is created by typing
// into the bridge <input> that raises the on-screen keyboard; dragging a finger scrolls a lesson and a
// course page (and a drag that starts on a button does not press it) while a tap does; a quiz is
// answered by taps; every control is at least 44 px; paste and copy go through the system clipboard;
// and on a desktop the keyboard alone reaches and operates a button while the mirror names the focus.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { clickWidget, createLearner, findAlert, findByRole, launch, mirror, screenshot, serve, settle, typeInto,
         waitForPortal } from './lib.mjs';

let served;
before(async () => { served = await serve(); });
after(() => served.server.close());

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 };
const COURSE = '#/course/micic';
const LESSON = '#/course/micic/module/why-micic';
const QUIZ = '#/course/micic/module/why-micic/section/check';
const RIGHT_1 = 'The United States and the Philippines';
const WRONG_1 = 'Indonesia and Australia';
const START_MODULE = 'Open module: Migrants in crises and the MICIC Initiative';
const OPEN_COURSE = 'Open course: Protecting migrants in countries in crisis';

async function go(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForFunction((h) => location.hash === h || location.hash.startsWith(h + '/'), hash);
}

// The widget's rectangle in the mirror (CSS px), looked up afresh.
async function rect(page, role, name) {
  const box = await (await findByRole(page, role, name)).boundingBox();
  assert.ok(box, `${role} "${name}" has a rectangle`);
  return box;
}

// A finger drag with real touch events (CDP Input.dispatchTouchEvent): down, moves, up. A flick sends
// them all at once, so the page receives them within a few milliseconds however slow this machine is
// (a paced drag here can take seconds, the page drawing between events). A paced drag rests before lifting.
async function drag(page, from, to, { steps = 12, stepMs = 16, flick = false } = {}) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const sent = [cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] })];
    if (!flick) await sent.pop();
    for (let i = 1; i <= steps; i++) {
      const x = from.x + (to.x - from.x) * i / steps, y = from.y + (to.y - from.y) * i / steps;
      const move = cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
      if (flick) sent.push(move); else { await move; await page.waitForTimeout(stepMs); }
    }
    if (!flick) await page.waitForTimeout(300);  // the finger rests before lifting: no glide
    sent.push(cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] }));
    await Promise.all(sent);
  } finally { await cdp.detach(); }
}

// Taps a widget, dragging the page with a finger first if it is off screen.
async function tapWidget(page, role, name) {
  const { height } = page.viewportSize();
  let box = null;
  for (let i = 0; i < 20; i++) {
    box = await rect(page, role, name);
    if (box.y >= 80 && box.y + box.height <= height - 20) break;
    const by = Math.max(-500, Math.min(500, box.y - height / 2));
    await drag(page, { x: 20, y: height / 2 + by / 2 }, { x: 20, y: height / 2 - by / 2 }, { stepMs: 40 });
    await settle(page, 200);
  }
  assert.ok(box.y >= 0 && box.y + box.height <= height, `${role} "${name}" could not be dragged into view`);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
}

// Controls on screen smaller than a 44×44 px touch target. (Widgets in a card scrolled out of view are
// not laid out by ImGui, so their rectangles mean nothing until they are scrolled in.)
async function smallTargets(page) {
  return page.evaluate(() => [...document.getElementById('mirror').children]
    .map((e) => e.siagaNode)
    .filter((n) => n.y >= 0 && n.y + n.h <= innerHeight)
    .filter((n) => ['button', 'link', 'radio', 'checkbox', 'textbox'].includes(n.r) && (n.h < 44 || n.w < 44))
    .map((n) => `${n.r} "${n.n}" ${n.w}×${n.h}`));
}

test('on a phone: the keyboard bridge, finger scrolling with a fling, taps, and 44 px targets', async () => {
  const b = await launch(PHONE);
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await findByRole(b.page, 'heading', 'Who is learning?');
    if (await mirror(b.page).getByRole('button', { name: 'Add a learner', exact: true }).count())
      await tapWidget(b.page, 'button', 'Add a learner');
    assert.deepEqual(await smallTargets(b.page), [], 'every control on "Who is learning?" is at least 44 px');

    // Tapping the name field focuses the bridge input over it (so a phone raises its keyboard).
    await tapWidget(b.page, 'textbox', 'Your first name or a nickname');
    await b.page.waitForFunction(() => document.activeElement && document.activeElement.id === 'typing');
    const field = await rect(b.page, 'textbox', 'Your first name or a nickname');
    const bridge = await b.page.locator('#typing').boundingBox();
    assert.ok(Math.abs(bridge.y - field.y) < 2 && Math.abs(bridge.x - field.x) < 2, 'the input lies over the field');
    assert.equal(await b.page.evaluate(() => document.activeElement.inputMode), 'text');
    await b.page.keyboard.type('Wulx', { delay: 30 });
    await b.page.keyboard.press('Backspace');
    await b.page.keyboard.type('an', { delay: 30 });
    // The PIN field asks for a number pad.
    await tapWidget(b.page, 'textbox', '4-digit PIN');
    await b.page.waitForFunction(() => document.activeElement.id === 'typing' && document.activeElement.inputMode === 'decimal');
    await settle(b.page, 200);
    await screenshot(b.page, 'phone-typing');
    // Tapping elsewhere ends typing: the bridge input lets go, the keyboard would close.
    await tapWidget(b.page, 'heading', 'Who is learning?');
    await b.page.waitForFunction(() => document.activeElement.id !== 'typing');
    await tapWidget(b.page, 'button', 'Start learning');
    await mirror(b.page).getByText('Learning as Wulan', { exact: true }).waitFor({ state: 'attached' });
    assert.deepEqual(await smallTargets(b.page), [], 'every control on the catalog is at least 44 px');

    // The catalog: a drag that starts on a button scrolls the page and does not press the button.
    await settle(b.page, 300);
    const open = await rect(b.page, 'button', OPEN_COURSE);
    const catalogBefore = await rect(b.page, 'heading', 'Courses');
    assert.ok(open.y > 300 && open.y + open.height < 844, `"Open course" is on screen, low enough to drag from (${open.y})`);
    const grab = { x: open.x + open.width / 2, y: open.y + open.height / 2 };
    await drag(b.page, grab, { x: grab.x, y: grab.y - 120 }, { steps: 8, stepMs: 60 });  // the catalog is short
    await settle(b.page, 300);
    const catalogAfter = await rect(b.page, 'heading', 'Courses');
    assert.ok(Math.abs(catalogBefore.y - catalogAfter.y - 120) < 15,
              `the page followed the finger by 120 px (heading ${catalogBefore.y} → ${catalogAfter.y})`);
    assert.equal(await b.page.evaluate(() => location.hash), '', 'the drag did not press "Open course"');
    await screenshot(b.page, 'phone-catalog-dragged');

    // A tap on the same button opens the course. (The button moved with the finger, so this tap lands
    // on the very spot the drag lifted from, where SDL reports no new mouse position.)
    await tapWidget(b.page, 'button', OPEN_COURSE);
    await b.page.waitForFunction((h) => location.hash === h, COURSE);
    await findByRole(b.page, 'heading', 'Modules');
    await settle(b.page, 300);
    assert.deepEqual(await smallTargets(b.page), [], 'every control at the top of the course page is at least 44 px');
    await tapWidget(b.page, 'link', 'Migrants in crises and the MICIC Initiative');  // a list of links: 44 px rows
    await b.page.waitForFunction((h) => location.hash.startsWith(h), LESSON);
    await go(b.page, COURSE);
    await tapWidget(b.page, 'button', START_MODULE);
    await b.page.waitForFunction((h) => location.hash.startsWith(h), LESSON);
    await findByRole(b.page, 'heading', 'When crisis strikes where migrants live');
    await settle(b.page, 300);
    assert.deepEqual(await smallTargets(b.page), [], 'every control in the lesson is at least 44 px');

    // A long lesson: a slow drag moves the text by the finger's distance; a quick flick glides on.
    const heading = 'When crisis strikes where migrants live';
    const h0 = await rect(b.page, 'heading', heading);
    await drag(b.page, { x: 200, y: 700 }, { x: 200, y: 500 }, { steps: 10, stepMs: 60 });
    await settle(b.page, 300);
    const h1 = await rect(b.page, 'heading', heading);
    assert.ok(Math.abs((h0.y - h1.y) - 200) < 25, `a slow 200 px drag scrolls about 200 px (${h0.y - h1.y})`);
    const framesBefore = await b.page.evaluate(() => SiagaBridge.framesDrawn());
    await drag(b.page, { x: 200, y: 700 }, { x: 200, y: 550 }, { steps: 5, flick: true });
    await settle(b.page, 400);
    const h2 = await rect(b.page, 'heading', heading);
    assert.ok(h1.y - h2.y > 150 + 40, `a flick glides past the finger's 150 px (${h1.y - h2.y})`);
    assert.ok(await b.page.evaluate(() => SiagaBridge.framesDrawn()) > framesBefore);
    // Once the glide has stopped, an idle page draws nothing.
    const idle = await settle(b.page, 300);
    await b.page.waitForTimeout(1000);
    assert.equal(await b.page.evaluate(() => SiagaBridge.framesDrawn()), idle, 'no frames drawn while idle');
    await screenshot(b.page, 'phone-lesson-scrolled');

    // A quiz by taps: a wrong answer explained, then the right one confirmed.
    await go(b.page, QUIZ);
    await findByRole(b.page, 'heading', 'Check your understanding');
    if (await mirror(b.page).getByRole('button', { name: 'Start the quiz', exact: true }).count())
      await tapWidget(b.page, 'button', 'Start the quiz');
    await tapWidget(b.page, 'radio', WRONG_1);
    await b.page.waitForFunction((n) => [...document.querySelectorAll('#mirror [role=radio]')]
      .some((e) => e.textContent === n && e.getAttribute('aria-checked') === 'true'), WRONG_1);
    await tapWidget(b.page, 'button', 'Check answer 1');
    await findAlert(b.page, /^Not right\./);
    await tapWidget(b.page, 'radio', RIGHT_1);
    await tapWidget(b.page, 'button', 'Check answer 1');
    await findAlert(b.page, /^Right\./);
    await settle(b.page, 300);
    assert.deepEqual(await smallTargets(b.page), [], 'every control in the quiz is at least 44 px');
    await screenshot(b.page, 'phone-quiz-right');

    // Settings, reached by a tap, also keeps to 44 px.
    await go(b.page, '#/settings');
    await findByRole(b.page, 'heading', 'Text size');
    await settle(b.page, 300);
    assert.deepEqual(await smallTargets(b.page), [], 'every control in Settings is at least 44 px');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('on a phone: a paste into the bridge input reaches the text field', async () => {
  const b = await launch(PHONE);
  try {
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.url });
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await findByRole(b.page, 'heading', 'Who is learning?');
    if (await mirror(b.page).getByRole('button', { name: 'Add a learner', exact: true }).count())
      await tapWidget(b.page, 'button', 'Add a learner');
    await b.page.evaluate(() => navigator.clipboard.writeText('Putri'));
    await tapWidget(b.page, 'textbox', 'Your first name or a nickname');
    await b.page.waitForFunction(() => document.activeElement.id === 'typing');
    await b.page.keyboard.press('Control+V');
    await b.page.keyboard.press('Enter');  // Enter in the name field creates the learner
    await mirror(b.page).getByText('Learning as Putri', { exact: true }).waitFor({ state: 'attached' });
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('on a desktop: codes pasted from a chat reach the facilitator box, and a copy reaches the clipboard', async () => {
  const b = await launch();
  try {
    await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.url });
    await b.page.goto(served.url + '#/facilitator');
    await waitForPortal(b.page);
    await findByRole(b.page, 'heading', 'Facilitator tools');
    await clickWidget(b.page, 'radio', 'Protecting migrants in countries in crisis');
    await b.page.evaluate(() => navigator.clipboard.writeText('hello from the chat\nok sent, see you after lunch'));
    await clickWidget(b.page, 'textbox', "Participants' result codes");
    await b.page.keyboard.press('Control+V');
    // The paste arrives through the browser's asynchronous clipboard: let the portal draw it before
    // pressing the button (under a loaded machine the click came first, seen once in CI-like runs).
    await settle(b.page);
    await clickWidget(b.page, 'button', 'Check codes');
    await mirror(b.page).getByText('Line 1: no code found.', { exact: true }).waitFor({ state: 'attached' });
    await mirror(b.page).getByText('Line 2: no code found.', { exact: true }).waitFor({ state: 'attached' });

    // Copy: select the box's text and copy it; the system clipboard has it.
    await b.page.evaluate(() => navigator.clipboard.writeText('something else'));
    await clickWidget(b.page, 'textbox', "Participants' result codes");
    await b.page.keyboard.press('Control+A');
    await b.page.keyboard.press('Control+C');
    await b.page.waitForFunction(async () => (await navigator.clipboard.readText()).startsWith('hello from the chat'),
                                 null, { timeout: 5000 });
    assert.equal(await b.page.evaluate(() => navigator.clipboard.readText()),
                 'hello from the chat\nok sent, see you after lunch');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('keyboard only at 1280×800: Tab reaches a button, the mirror names the focus, Enter presses it', async () => {
  const b = await launch();
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await createLearner(b.page, 'Rina');
    await findByRole(b.page, 'button', 'Open course: Protecting migrants in countries in crisis');
    await settle(b.page, 300);
    const focus = () => b.page.evaluate(() => {
      const el = document.querySelector('#mirror [data-focused]');
      const canvas = document.getElementById('canvas');
      return el ? { name: el.textContent, role: el.getAttribute('role') || el.tagName.toLowerCase(),
                    active: canvas.getAttribute('aria-activedescendant') === el.id } : null;
    });
    let seen = null;
    const names = [];
    for (let i = 0; i < 12 && !(seen && seen.name.startsWith('Open course: ')); i++) {
      await b.page.keyboard.press('Tab');
      await settle(b.page, 150);
      seen = await focus();
      names.push(seen && seen.name);
    }
    assert.ok(seen, 'a focused widget is marked in the mirror');
    assert.deepEqual(names.slice(0, 2), ['English', 'Bahasa Indonesia'], 'Tab walks the header in order');
    assert.ok(seen.name.startsWith('Open course: '), `Tab reached a course button (${JSON.stringify(names)})`);
    assert.equal(seen.role, 'button');
    assert.equal(await b.page.evaluate(() => document.querySelectorAll('#mirror [data-focused]').length), 1);
    assert.ok(seen.active, "the canvas's aria-activedescendant names the focused element");
    await screenshot(b.page, 'phone-desktop-keyboard-focus');
    await b.page.keyboard.press('Enter');
    await b.page.waitForFunction(() => location.hash.startsWith('#/course/'), null, { timeout: 10000 });
    // Typing on the canvas (desktop) still works and never involves the bridge input.
    await b.page.evaluate(() => { location.hash = '#/learners'; });
    await findByRole(b.page, 'heading', 'Who is learning?');
    assert.notEqual(await b.page.evaluate(() => document.activeElement.id), 'typing');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});
