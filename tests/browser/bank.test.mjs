// The facilitator's question bank end to end: a GIFT file written the way Moodle's exporter writes it
// (tests/browser/fixtures/moodle-bank.gift: question names, [html] text, $CATEGORY, comments, a
// distractor, a description, an essay and one question Moodle also refuses) is opened through the real
// file chooser, the report of what was imported and refused is read from the accessibility mirror,
// the bank runs as a group quiz, is still there after a reload, and is removed. Then the same bank
// offered to learners as a practice quiz: found on the course list, answered on the canvas with its
// feedback and score, still offered after a reload, and gone once withdrawn and removed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, catchPrinting, clickWidget, createLearner, findAlert, findByRole, launch, mirror, printed, screenshot,
         serve, settle, waitForPortal } from './lib.mjs';

let served;
before(async () => { served = await serve(); });
after(() => served.server.close());

const FIXTURE = join(ROOT, 'tests/browser/fixtures/moodle-bank.gift');

// What the file holds, counted from the file itself: every "::name::" starts a question; the one
// with a single matching pair is the one Moodle refuses too (its importer needs two items).
function expected() {
  const lines = readFileSync(FIXTURE, 'utf8').split('\n');
  const starts = lines.filter((l) => l.startsWith('::')).length;
  const refusedLine = lines.findIndex((l) => l.startsWith('::Q5::')) + 1;
  return { imported: starts - 1, refusedLine };
}

async function findText(page, text) {
  const node = mirror(page).getByText(text, { exact: typeof text === 'string' });
  await node.first().waitFor({ state: 'attached', timeout: 20000 });
  return node.first();
}

test('a Moodle GIFT bank opens from the file chooser, runs as a group quiz, survives a reload and is removed', async () => {
  const { imported, refusedLine } = expected();
  const f = await launch();
  try {
    await catchPrinting(f.page);
    await f.page.goto(served.url + '#/facilitator');
    await waitForPortal(f.page);
    await findByRole(f.page, 'heading', 'Question bank');
    const [chooser] = await Promise.all([f.page.waitForEvent('filechooser'),
                                         clickWidget(f.page, 'button', 'Open a question bank')]);
    await chooser.setFiles(FIXTURE);
    await findAlert(f.page, 'moodle-bank.gift is open and saved on this device.');
    await findText(f.page, `${imported} questions imported, 1 refused.`);
    await findText(f.page, new RegExp(`^Refused, line ${refusedLine}:1: matching question 'q5' needs at least 2 items`));
    assert.ok(await f.page.evaluate(() => JSON.parse(localStorage.getItem('siaga.bank')).format === 'siaga-question-bank'),
              'the bank is in the device store under siaga.bank');
    await settle(f.page);
    await screenshot(f.page, 'bank-imported');
    await f.page.mouse.move(640, 400);
    await f.page.mouse.wheel(0, 500);
    await settle(f.page);
    await screenshot(f.page, 'bank-report');

    // The paper test: the description as text, then the questions numbered 1.. without it; the key alike.
    await clickWidget(f.page, 'button', 'Print as a paper test');
    const sheet = (await printed(f.page, 1)).html;
    assert.match(sheet, new RegExp(`Question bank on paper, ${imported - 1} questions`));
    assert.match(sheet, /<p>Ibu Sari works as a domestic worker abroad\./);
    assert.match(sheet, /<span class="n">1\.<\/span>Who should be part of a contingency plan for migrants\?/);
    await clickWidget(f.page, 'button', 'Print its answer key');
    const key = (await printed(f.page, 2)).html;
    assert.ok(key.includes(`<tr><td>${imported - 1}</td>`) && !key.includes(`<tr><td>${imported}</td>`),
              'the key numbers every question but the description');

    await clickWidget(f.page, 'button', 'Run as a group quiz');
    await f.page.waitForFunction(() => location.hash === '#/group-quiz/question-bank/bank/questions');
    // The description comes first, shown as text; then the first real question with its options.
    await findByRole(f.page, 'heading', /^Ibu Sari works as a domestic worker abroad\./);
    await findText(f.page, `Question 1 of ${imported}`);
    await f.page.keyboard.press('ArrowRight');
    await findByRole(f.page, 'heading', 'Who should be part of a contingency plan for migrants?');
    await mirror(f.page).getByText(/^[A-C]\.  The migrant's embassy only$/).first().waitFor({ state: 'attached' });
    await clickWidget(f.page, 'button', 'Reveal answer');
    await mirror(f.page).getByText(/Yes: the guidelines name all of them\./).first().waitFor({ state: 'attached' });
    await settle(f.page);
    await screenshot(f.page, 'bank-group-quiz');
    // The matching question's answer lists its two pairs and not the distractor.
    await f.page.keyboard.press('ArrowRight');
    await f.page.keyboard.press('ArrowRight');
    await findByRole(f.page, 'heading', 'Match each actor to what it does in a crisis.');
    await clickWidget(f.page, 'button', 'Reveal answer');
    await findText(f.page, /Consulate → Issues emergency travel documents/);
    assert.equal(await mirror(f.page).getByText(/→ Writes the news/).count(), 0, 'the distractor is no pair');
    await clickWidget(f.page, 'button', 'Back to facilitator tools');
    await findByRole(f.page, 'heading', 'Question bank');

    // A reload reads the bank back from the device.
    await f.page.reload();
    await waitForPortal(f.page);
    await findText(f.page, `${imported} questions imported, 1 refused.`);

    await clickWidget(f.page, 'button', 'Remove the question bank');
    await findAlert(f.page, 'Remove moodle-bank.gift from this device?');
    await clickWidget(f.page, 'button', 'Yes, remove the question bank');
    await findAlert(f.page, 'moodle-bank.gift was removed from this device.');
    await f.page.reload();
    await waitForPortal(f.page);
    await findByRole(f.page, 'button', 'Open a question bank');
    assert.equal(await mirror(f.page).getByText(/questions imported/).count(), 0, 'the bank is gone after a reload');
  } finally { await f.close(); }
  assert.deepEqual(f.problems, []);
});

test('the bank offered as a practice quiz: a learner answers it on the canvas, it stays offered after a reload, and withdrawing or removing it takes it away', async () => {
  const { imported } = expected();
  const f = await launch();
  try {
    await f.page.goto(served.url + '#/facilitator');
    await waitForPortal(f.page);
    const [chooser] = await Promise.all([f.page.waitForEvent('filechooser'),
                                         clickWidget(f.page, 'button', 'Open a question bank')]);
    await chooser.setFiles(FIXTURE);
    await findAlert(f.page, 'moodle-bank.gift is open and saved on this device.');
    await clickWidget(f.page, 'button', 'Offer it to learners as a practice quiz');
    await findAlert(f.page, 'moodle-bank.gift is offered to learners on this device as a practice quiz.');
    await findText(f.page, 'Learners on this device see it under \u201cPractice quizzes\u201d on the course list.');
    assert.ok(await f.page.evaluate(() => JSON.parse(localStorage.getItem('siaga.bank-offer')).format === 'siaga-bank-offer'),
              'the offer is in the device store under siaga.bank-offer');
    await settle(f.page);
    await screenshot(f.page, 'bank-offered');

    // The learner side: a learner signs in, and the course list shows the practice quiz first.
    await clickWidget(f.page, 'link', '\u2039 All courses');
    await createLearner(f.page, 'Ana');
    await findByRole(f.page, 'heading', 'Practice quizzes');
    await findText(f.page, `${imported} questions from your facilitator. Your answers are not saved and do not count toward any course.`);
    await settle(f.page);
    await screenshot(f.page, 'bank-practice-card');
    await clickWidget(f.page, 'button', 'Practise: moodle-bank.gift');
    await f.page.waitForFunction(() => location.hash === '#/course/question-bank/module/bank');
    await findByRole(f.page, 'heading', 'moodle-bank.gift');
    await clickWidget(f.page, 'button', 'Start the quiz');
    // The description is text, unnumbered; the first question is "1." and its Check is "Check answer 1".
    await findText(f.page, /^Ibu Sari works as a domestic worker abroad\./);
    await findByRole(f.page, 'heading', '1. Who should be part of a contingency plan for migrants?');
    await clickWidget(f.page, 'radio', 'The host government only');
    await clickWidget(f.page, 'button', 'Check answer 1');
    await findAlert(f.page, 'No: preparedness involves many actors.');
    await clickWidget(f.page, 'radio', 'States, employers, international organizations and civil society');
    await clickWidget(f.page, 'button', 'Check answer 1');
    const right = await findAlert(f.page, 'Yes: the guidelines name all of them.');
    assert.match(await right.textContent(), /^Right/);
    await settle(f.page);
    await screenshot(f.page, 'bank-practice-feedback');
    // The essay is an ungraded prompt, as in course quizzes.
    await findText(f.page, /^5\. What would you do first for Ibu Sari\?/);
    await clickWidget(f.page, 'button', 'Submit quiz');
    // One of the four scored questions right (the description and the essay score nothing).
    await findByRole(f.page, 'heading', 'Your score: 25%');
    await settle(f.page);
    await screenshot(f.page, 'bank-practice-result');
    assert.equal(await f.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('siaga.progress.'))
                                              .some((k) => localStorage.getItem(k).includes('question-bank'))), false,
                 'practice answers are kept in no learner\'s progress');

    // A reload: still offered (the practice answers were for that session only).
    await f.page.reload();
    await waitForPortal(f.page);
    await findByRole(f.page, 'heading', 'moodle-bank.gift');
    await findByRole(f.page, 'button', 'Start the quiz');
    await clickWidget(f.page, 'link', '\u2039 All courses');
    await findByRole(f.page, 'heading', 'Practice quizzes');
    // Reloaded on the course list: the card counts the questions again, read from the device by the
    // lesson code (which holds the GIFT parser) once it has come.
    await f.page.reload();
    await waitForPortal(f.page);
    await findText(f.page, `${imported} questions from your facilitator. Your answers are not saved and do not count toward any course.`);

    // Withdrawn on the facilitator screen: gone from the course list, and its page says so.
    await clickWidget(f.page, 'link', 'For facilitators');
    await clickWidget(f.page, 'button', 'Stop offering it to learners');
    await findAlert(f.page, 'moodle-bank.gift is no longer offered to learners.');
    await clickWidget(f.page, 'link', '\u2039 All courses');
    await findByRole(f.page, 'heading', 'Courses');
    assert.equal(await mirror(f.page).getByRole('heading', { name: 'Practice quizzes' }).count(), 0, 'withdrawn: not listed');
    await f.page.goto(served.url + '#/course/question-bank/module/bank');
    await findByRole(f.page, 'heading', 'This practice quiz is not offered on this device.');

    // Offered again, then the bank removed: the offer goes with it, also after a reload.
    await f.page.goto(served.url + '#/facilitator');
    await clickWidget(f.page, 'button', 'Offer it to learners as a practice quiz');
    await findAlert(f.page, 'moodle-bank.gift is offered to learners on this device as a practice quiz.');
    await clickWidget(f.page, 'button', 'Remove the question bank');
    await clickWidget(f.page, 'button', 'Yes, remove the question bank');
    await findAlert(f.page, 'moodle-bank.gift was removed from this device.');
    await f.page.reload();
    await waitForPortal(f.page);
    await clickWidget(f.page, 'link', '\u2039 All courses');
    await findByRole(f.page, 'heading', 'Courses');
    assert.equal(await mirror(f.page).getByRole('heading', { name: 'Practice quizzes' }).count(), 0, 'removed: not listed');
    assert.equal(await f.page.evaluate(() => localStorage.getItem('siaga.bank-offer')), '', 'the offer record is emptied');
  } finally { await f.close(); }
  assert.deepEqual(f.problems, []);
});
