// Facilitator mode end to end on one device: a session plan made through the real UI (clicks and typing
// on the canvas) survives a reload; the presenter view turns slides with the keys a clicker sends; the
// group-work timer runs, and once paused the page draws nothing; the group quiz reveals the right answer
// and draws hand-counted votes as bars. Expected figures come from the content files, not from the app.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, clickWidget, findByRole, launch, mirror, screenshot, serve, settle, typeInto,
         waitForPortal, writeOutput } from './lib.mjs';

let served;
before(async () => { served = await serve(); });
after(() => served.server.close());

// Front matter and section titles of a module file.
async function moduleFacts(file) {
  const text = await readFile(join(ROOT, 'content/en/micic', file), 'utf8');
  const field = (name) => text.match(new RegExp(`^${name}: (.*)$`, 'm'))[1].trim();
  const sections = [...text.matchAll(/^## (.*?) \{#[a-z0-9-]+\}$/gm)].map((m) => m[1]);
  return { title: field('title'), minutes: Number(field('minutes')), sections, text };
}
const clock = (minutes) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const heading1 = (page) => mirror(page).locator('[role="heading"][aria-level="1"]').first().textContent();

async function waitForHeading1(page, text) {
  await page.waitForFunction((t) => [...document.querySelectorAll('#mirror [role="heading"][aria-level="1"]')]
    .some((h) => h.textContent === t), text, { timeout: 20000 });
}

async function findText(page, text) {
  await mirror(page).getByText(text, { exact: true }).first().waitFor({ state: 'attached', timeout: 20000 });
}

async function timerText(page) {
  const node = mirror(page).getByText(/^Group work: \d\d:\d\d left$/);
  await node.first().waitFor({ state: 'attached', timeout: 20000 });
  return (await node.first().textContent()).match(/(\d\d):(\d\d)/).slice(1).map(Number);
}

test('a session plan is made, kept over a reload, and its module presented with timer and group quiz', async () => {
  const why = await moduleFacts('01-why-micic.md');
  const principles = await moduleFacts('02-principles.md');
  const courseTitle = (await readFile(join(ROOT, 'content/en/micic/course.md'), 'utf8')).match(/^title: (.*)$/m)[1].trim();
  const b = await launch();
  const { page } = b;
  try {
    await page.goto(served.url);
    await waitForPortal(page);

    // --- The plan, through the facilitator screen ---
    await clickWidget(page, 'link', 'For facilitators');
    await clickWidget(page, 'button', 'Session plans and presenting');
    await clickWidget(page, 'button', `New plan: ${courseTitle}`);
    await findByRole(page, 'heading', `Session plan: ${courseTitle}`);
    await typeInto(page, 'Place', 'Aula KBRI <Kuala Lumpur>');
    await typeInto(page, 'Facilitator', 'Dewi');
    await typeInto(page, 'Start time', '09:00');
    // The first module, five minutes longer, then moved below the second; a break at the end.
    await clickWidget(page, 'button', `5 minutes longer: ${why.title}`);
    await findByRole(page, 'heading', `09:00\u2013${clock(9 * 60 + why.minutes + 5)}  1. ${why.title}`);
    await clickWidget(page, 'button', `Move down: ${why.title}`);
    const whyStart = 9 * 60 + principles.minutes;
    await findByRole(page, 'heading', `${clock(whyStart)}\u2013${clock(whyStart + why.minutes + 5)}  2. ${why.title}`);
    await clickWidget(page, 'button', 'Add a break');
    await findByRole(page, 'button', 'Remove: Break');
    await settle(page);
    await screenshot(page, 'presenter-plan-editor');

    // The printable agenda: a self-contained page, typed text escaped, clock times worked out.
    const [download] = await Promise.all([page.waitForEvent('download'),
                                          clickWidget(page, 'button', 'Download the agenda to print')]);
    assert.match(download.suggestedFilename(), /^session-plan-micic-plan-[0-9a-f]{8}\.html$/);
    const html = await readFile(await download.path(), 'utf8');
    assert.ok(html.includes('Aula KBRI &lt;Kuala Lumpur&gt;') && !html.includes('<Kuala'), 'typed text not escaped');
    assert.ok(html.includes(`<td>${why.title}</td>`) && html.includes('<td>Break</td>'));
    assert.ok(!/<script|src=|href=/i.test(html), 'the printable page loads or runs something');
    await writeOutput('presenter-agenda.html', html);
    const printed = await b.context.newPage();
    await printed.setContent(html);
    await screenshot(printed, 'presenter-agenda-printable');
    await printed.close();

    const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('siaga.plans')));
    assert.equal(stored.format, 'siaga-plans');
    assert.equal(stored.plans.length, 1);
    assert.equal(stored.plans[0].place, 'Aula KBRI <Kuala Lumpur>');

    // --- A reload keeps it ---
    await page.reload();
    await waitForPortal(page);
    await findByRole(page, 'heading', `${clock(whyStart)}\u2013${clock(whyStart + why.minutes + 5)}  2. ${why.title}`);
    await findByRole(page, 'button', 'Remove: Break');
    await clickWidget(page, 'link', 'All session plans');
    await mirror(page).getByText(/Aula KBRI <Kuala Lumpur>/).first().waitFor({ state: 'attached' });
    await clickWidget(page, 'button', new RegExp(`^Open: ${courseTitle}`));

    // --- Presenter view: one section per slide, turned with the keys a clicker sends ---
    await clickWidget(page, 'button', `Present: ${why.title}`);
    await waitForHeading1(page, why.title);  // the title slide
    const slides = why.sections.length + 1;
    await findText(page, `Slide 1 of ${slides}`);
    await page.keyboard.press('ArrowRight');
    await waitForHeading1(page, why.sections[0]);
    await page.keyboard.press('PageDown');
    await waitForHeading1(page, why.sections[1]);
    await page.keyboard.press('PageUp');
    await waitForHeading1(page, why.sections[0]);
    await page.keyboard.press('Space');
    await waitForHeading1(page, why.sections[1]);
    await findText(page, `Slide 3 of ${slides}`);
    assert.match(page.url(), new RegExp(`#/present/micic/why-micic/`));
    // The slide with the case study and discussion prompt, both emphasised.
    const caseSlide = why.sections.findIndex((s) => s.startsWith('Who counts'));
    for (let i = 2; i <= caseSlide; i++) await page.keyboard.press('ArrowRight');
    await waitForHeading1(page, why.sections[caseSlide]);
    await findByRole(page, 'heading', 'Case study');
    await findByRole(page, 'heading', 'Discuss');
    await settle(page);
    await screenshot(page, 'presenter-slide-case');

    // --- Group-work timer: runs, then paused draws nothing ---
    await clickWidget(page, 'button', 'Timer');
    await clickWidget(page, 'button', '5 min');
    await clickWidget(page, 'button', 'Start timer');
    const [m1, s1] = await timerText(page);
    await page.waitForTimeout(2500);
    const [m2, s2] = await timerText(page);
    assert.ok(m1 * 60 + s1 <= 300 && m2 * 60 + s2 < m1 * 60 + s1, `timer did not advance: ${m1}:${s1} then ${m2}:${s2}`);
    // While running, it redraws about once a second, not continuously.
    const runningFrom = await page.evaluate(() => SiagaBridge.framesDrawn());
    await page.waitForTimeout(2000);
    const runningFrames = await page.evaluate(() => SiagaBridge.framesDrawn()) - runningFrom;
    assert.ok(runningFrames > 0 && runningFrames <= 12, `a running timer drew ${runningFrames} frames in 2 s`);
    await screenshot(page, 'presenter-timer-running');
    await clickWidget(page, 'button', 'Pause timer');
    await findText(page, '(paused)');
    const paused = await settle(page);
    await page.waitForTimeout(2000);
    assert.equal(await page.evaluate(() => SiagaBridge.framesDrawn()), paused, 'a paused timer still draws frames');
    const [m3, s3] = await timerText(page);
    await page.waitForTimeout(1200);
    assert.deepEqual(await timerText(page), [m3, s3]);

    // --- Group quiz on the check slide ---
    const checkSlide = why.sections.indexOf('Check your understanding');
    for (let i = caseSlide; i < checkSlide; i++) await page.keyboard.press('ArrowRight');
    await waitForHeading1(page, 'Check your understanding');
    const questions = (why.text.match(/^::why-\d+::/gm) || []).length;
    await clickWidget(page, 'button', `Group quiz (${questions} questions)`);
    await findByRole(page, 'heading', 'Which two States co-chaired the MICIC Initiative?');
    await findText(page, `Question 1 of ${questions}`);
    assert.equal(await mirror(page).getByText('Right answer', { exact: true }).count(), 0, 'answer shown before reveal');
    for (let i = 0; i < 3; i++) await clickWidget(page, 'button', 'One vote more for A');
    await clickWidget(page, 'button', 'One vote more for B');
    await typeInto(page, 'Votes for C', '4');
    await clickWidget(page, 'button', 'One vote fewer for C');
    await findByRole(page, 'progressbar', 'A: 3 (43%)');
    await findByRole(page, 'progressbar', 'B: 1 (14%)');
    await findByRole(page, 'progressbar', 'C: 3 (43%)');
    await findText(page, '7 votes counted.');
    await clickWidget(page, 'button', 'Reveal answer');
    await mirror(page).getByText('Right answer', { exact: true }).first().waitFor({ state: 'attached' });
    await mirror(page).getByText(/^[A-D]\.  The United States and the Philippines$/).first().waitFor({ state: 'attached' });
    await mirror(page).getByText(/^Correct\. The initiative was government-led/).first().waitFor({ state: 'attached' });
    await settle(page);
    await screenshot(page, 'presenter-group-quiz');
    // The next question starts hidden again; the arrow keys move between questions.
    await page.keyboard.press('ArrowRight');
    await findText(page, `Question 2 of ${questions}`);
    assert.equal(await mirror(page).getByText('Right answer', { exact: true }).count(), 0);

    // Escape: back to the slide, then out of the presenter to the plan.
    await page.keyboard.press('Escape');
    await waitForHeading1(page, 'Check your understanding');
    await page.keyboard.press('Escape');
    await findByRole(page, 'heading', `Session plan: ${courseTitle}`);
  } finally {
    await b.close();
  }
  assert.deepEqual(b.problems, []);
});

test('full screen is asked for from the click on "Full screen", and left again', async () => {
  const b = await launch();
  const { page } = b;
  try {
    await page.goto(served.url + '#/present/micic/why-micic');
    await page.waitForFunction(() => performance.getEntriesByName('siaga-first-frame').length > 0, null, { timeout: 60000 });
    await findByRole(page, 'button', 'Full screen');
    await settle(page);
    await screenshot(page, 'presenter-title-slide');
    await clickWidget(page, 'button', 'Full screen');
    await page.waitForFunction(() => !!document.fullscreenElement, null, { timeout: 10000 });
    await findByRole(page, 'button', 'Leave full screen');
    await clickWidget(page, 'button', 'Leave full screen');
    await page.waitForFunction(() => !document.fullscreenElement, null, { timeout: 10000 });
    await findByRole(page, 'button', 'Full screen');
  } finally {
    await b.close();
  }
  assert.deepEqual(b.problems, []);
});
