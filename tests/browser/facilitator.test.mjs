// The workshop knowledge check end to end: three participants, each on their own device (browser
// profile), take the MICIC pretest and posttest, choose a label and read their result codes from the
// screen; the facilitator, on a fourth device, pastes the codes with chat noise, one mistyped code and
// one duplicate, reads the per-line report, sees the class report, and downloads it as CSV, all on a
// device that has only the course index (the lessons never downloaded).
// Every expected figure is derived from the answers chosen below, not copied from the app.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, clickWidget, createLearner, findByRole, launch, mirror, screenshot, serve, settle, typeInto,
         waitForPortal } from './lib.mjs';
import { fill, readUi } from './gift.mjs';

let served;
before(async () => { served = await serve(); });
after(() => served.server.close());

const PRE = '#/course/micic/module/workshop-check/section/pretest';
const POST = '#/course/micic/module/workshop-check/section/posttest';
const QUESTIONS = 15;  // each test (content/en/micic/99-workshop-check.md)

// Radio labels of a few single-choice questions: [right, wrong], by question number.
const PRE_OPTIONS = {
  1: ['At the Global Forum on Migration and Development in Stockholm, in May 2014', 'At the UN General Assembly in New York, in 2016'],
  2: ['States, private sector actors, international organizations and civil society', 'Host governments only'],
  3: ['An Indonesian tourist caught in a cyclone abroad', 'A refugee recognised by UNHCR'],
};
const POST_OPTIONS = {
  2: ['ICMPD', 'ASEAN'],
  4: ['Examples taken from existing practice, plus ideas for new action, in a selection not meant to be complete',
      'A binding list of steps every State must follow'],
  6: ['Both: the host State has duties towards everyone on its territory, whatever their status, and Indonesia is responsible for its citizens abroad',
      'Only the embassy, because a State protects only its own citizens'],
};
// true = answer right, false = answer wrong; questions not listed stay unanswered (wrong).
const PARTICIPANTS = [
  { name: 'Andi', label: 'ANDI', pre: { 1: true, 2: false, 3: true }, post: { 2: true, 4: true, 6: true } },
  { name: 'Budi', label: 'BUDI', pre: { 1: false, 2: false, 3: true }, post: { 2: true, 4: false, 6: true } },
  { name: 'Siti', label: 'SITI', pre: { 1: true, 2: true, 3: true }, post: { 2: false, 4: true, 6: true } },
];

const rights = (answers) => Object.values(answers).filter(Boolean).length;
const pct = (right, total) => (Math.round((right / total) * 1000) / 10).toFixed(1);
const signed = (x) => (x > 0 ? '+' : '') + x.toFixed(1);

async function takeTest(page, hash, options, answers) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await clickWidget(page, 'button', 'Start the quiz');
  for (const [question, right] of Object.entries(answers))
    await clickWidget(page, 'radio', options[question][right ? 0 : 1]);
  await clickWidget(page, 'button', 'Submit quiz');
  await findByRole(page, 'heading', /^Your score: \d+%$/);
}

async function readCode(page) {
  const node = mirror(page).getByText(/^Your result code: /);
  await node.first().waitFor({ state: 'attached', timeout: 20000 });
  return (await node.first().textContent()).replace('Your result code: ', '').trim();
}

async function participant(p) {
  const b = await launch();
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await createLearner(b.page, p.name);
    await takeTest(b.page, PRE, PRE_OPTIONS, p.pre);
    await typeInto(b.page, 'Your label in the report', p.name);  // "Andi" is kept as "ANDI"
    // The code follows the label as it is typed: read it only once the whole label is in.
    await mirror(b.page).getByText(`Code for ${p.label}, pretest:`, { exact: true }).waitFor({ state: 'attached' });
    const pre = await readCode(b.page);
    if (p.label === 'ANDI') {
      await settle(b.page);
      await screenshot(b.page, 'result-code-participant');
      const [download] = await Promise.all([b.page.waitForEvent('download'),
                                            clickWidget(b.page, 'button', 'Download result file')]);
      const file = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.equal(download.suggestedFilename(), 'siaga-pretest-micic-ANDI.json');
      assert.equal(file.code, pre, 'the result file repeats the code shown');
      assert.equal(file.label, 'ANDI');
      assert.equal(file.right, Array.from({ length: QUESTIONS }, (_, i) => (p.pre[i + 1] ? '1' : '0')).join(''));
    }
    // The posttest in the same session offers the label typed for the pretest.
    await takeTest(b.page, POST, POST_OPTIONS, p.post);
    // The code follows the label as it is typed: read it only once the whole label is in.
    await mirror(b.page).getByText(`Code for ${p.label}, posttest:`, { exact: true }).waitFor({ state: 'attached' });
    const post = await readCode(b.page);
    assert.notEqual(pre, post);
    assert.match(pre, /^[0-9A-Z]{4,5}(-[0-9A-Z]{4,5})+$/);
    assert.deepEqual(b.problems, []);
    return { pre, post };
  } finally { await b.close(); }
}

// One different symbol from the code's alphabet at a position that is not a hyphen.
function mistype(code) {
  const i = code.indexOf('-') + 2;
  return code.slice(0, i) + (code[i] === '7' ? '8' : '7') + code.slice(i + 1);
}

test('three participants send result codes; the facilitator checks them and gets the right class report and CSV',
     { timeout: 240000 }, async () => {
  const codes = [];
  for (const p of PARTICIPANTS) codes.push(await participant(p));
  const [andi, budi, siti] = codes;
  const pasted = [
    `Andi: ${andi.pre} thanks!`,      // 1 kept
    budi.pre,                          // 2 kept
    `siti here: ${siti.pre}`,          // 3 kept
    andi.post,                         // 4 kept
    mistype(budi.post),                // 5 typo
    budi.post,                         // 6 kept (the corrected one)
    'ok sent, see you after lunch',    // 7 no code
    siti.post,                         // 8 kept
    andi.pre,                          // 9 duplicate of line 1
  ].join('\n');

  // The facilitator's device never gets the course's lessons (its pack fails to download, with the
  // service worker blocked so the page route sees the fetch): codes and the report need only the index.
  const f = await launch({ serviceWorkers: 'block' });
  try {
    await f.page.route('**/course-en-micic.pack', (route) => route.abort('failed'));
    await f.page.goto(served.url + '#/facilitator');
    await waitForPortal(f.page);
    await findByRole(f.page, 'heading', 'Facilitator tools');
    await clickWidget(f.page, 'radio', 'Protecting migrants in countries in crisis');
    await findByRole(f.page, 'button', 'Try again');  // the paper tests wait for lessons that cannot come
    await typeInto(f.page, "Participants' result codes", pasted);
    await clickWidget(f.page, 'button', 'Check codes');

    const text = (t) => mirror(f.page).getByText(t, { exact: true }).first().waitFor({ state: 'attached', timeout: 20000 });
    const keptLine = (n, p, kind, answers) =>
      text(`Line ${n}: kept — ${p.label}, ${kind}, ${rights(answers)} of ${QUESTIONS} right.`);
    await keptLine(1, PARTICIPANTS[0], 'pretest', PARTICIPANTS[0].pre);
    await keptLine(2, PARTICIPANTS[1], 'pretest', PARTICIPANTS[1].pre);
    await keptLine(3, PARTICIPANTS[2], 'pretest', PARTICIPANTS[2].pre);
    await keptLine(4, PARTICIPANTS[0], 'posttest', PARTICIPANTS[0].post);
    await text(`Line 5: ${mistype(budi.post)} does not read: probably a typo. Ask the participant to read it again.`);
    await keptLine(6, PARTICIPANTS[1], 'posttest', PARTICIPANTS[1].post);
    await text('Line 7: no code found.');
    await keptLine(8, PARTICIPANTS[2], 'posttest', PARTICIPANTS[2].post);
    await text('Line 9: duplicate of line 1 — counted once.');
    await text('Results kept for this course: 6.');

    // Participant rows, class averages and the number improved, all from the answers above.
    const n = PARTICIPANTS.length;
    let preSum = 0, postSum = 0, gainSum = 0, improved = 0;
    for (const p of PARTICIPANTS) {
      const pre = rights(p.pre), post = rights(p.post);
      await text(`${p.label}: pretest ${pct(pre, QUESTIONS)}%, posttest ${pct(post, QUESTIONS)}%, gain ` +
                 signed((post - pre) / QUESTIONS * 100));
      preSum += pre; postSum += post; gainSum += (post - pre) / QUESTIONS * 100; improved += post > pre ? 1 : 0;
    }
    await text(`Pretest: ${n} participants, class average ${pct(preSum, n * QUESTIONS)}% (${QUESTIONS} questions).`);
    await text(`Posttest: ${n} participants, class average ${pct(postSum, n * QUESTIONS)}% (${QUESTIONS} questions).`);
    await text(`Improved: ${improved} of ${n} participants with both tests. Average gain ${(gainSum / n).toFixed(1)} ` +
               `percentage points (from ${pct(preSum, n * QUESTIONS)}% to ${pct(postSum, n * QUESTIONS)}%).`);

    // Per question: % right before and after, hardest (lowest posttest %) first.
    const expected = [];
    for (let q = 1; q <= QUESTIONS; q++) {
      const pre = PARTICIPANTS.filter((p) => p.pre[q]).length, post = PARTICIPANTS.filter((p) => p.post[q]).length;
      expected.push({ q, pre: pct(pre, n), post: pct(post, n) });
    }
    const rows = await mirror(f.page).getByText(/^Question \d+: right in pretest/).allTextContents();
    assert.equal(rows.length, QUESTIONS);
    const shown = rows.map((r) => r.match(/^Question (\d+): right in pretest ([\d.]+)%, in posttest ([\d.]+)%$/));
    for (const m of shown) {
      const e = expected[Number(m[1]) - 1];
      assert.deepEqual([m[2], m[3]], [e.pre, e.post], `question ${m[1]}`);
    }
    const order = shown.map((m) => Number(m[3]));
    assert.deepEqual(order, [...order].sort((a, b) => a - b), 'hardest first');
    assert.equal(Number(shown[QUESTIONS - 1][1]), 6, 'question 6, which everyone got right in the posttest, comes last');

    // The distribution's text alternative counts every participant once per test.
    const bands = await mirror(f.page).getByText(/^Participants per score band, pretest: /).textContent();
    const counted = [...bands.matchAll(/: (\d+)/g)].map((m) => Number(m[1]));
    assert.equal(counted.reduce((a, b) => a + b, 0), n);

    await settle(f.page);
    await screenshot(f.page, 'facilitator-report');
    await clickWidget(f.page, 'button', 'Download CSV');  // scrolls the tables into view (the download is ignored)
    await f.page.mouse.wheel(0, 500);
    await settle(f.page);
    await screenshot(f.page, 'facilitator-report-tables');

    const [download] = await Promise.all([f.page.waitForEvent('download'),
                                          clickWidget(f.page, 'button', 'Download CSV')]);
    assert.equal(download.suggestedFilename(), 'siaga-report-micic.csv');
    const csv = await readFile(await download.path());
    assert.deepEqual([...csv.subarray(0, 3)], [0xEF, 0xBB, 0xBF], 'starts with a UTF-8 BOM');
    const body = csv.subarray(3).toString('utf8');
    assert.ok(body.endsWith('\r\n'));
    assert.equal(body.split('\r\n').length - 1, body.split('\n').length - 1, 'every line ends with CRLF');
    const lines = body.split('\r\n');
    for (const p of PARTICIPANTS) {
      const pre = rights(p.pre), post = rights(p.post);
      const row = lines.find((l) => l.startsWith(p.label + ','));
      assert.ok(row, `a row for ${p.label}`);
      assert.deepEqual(row.split(',').slice(0, 6),
                       [p.label, pct(pre, QUESTIONS), pct(post, QUESTIONS),
                        ((post - pre) / QUESTIONS * 100).toFixed(1), String(pre), String(post)]);
    }
    assert.equal(lines.filter((l) => /^(ANDI|BUDI|SITI),/.test(l)).length, n, 'one row per participant, no duplicates');

    // A reload keeps the collected results.
    await f.page.reload();
    await waitForPortal(f.page);
    await clickWidget(f.page, 'radio', 'Protecting migrants in countries in crisis');
    await text('Results kept for this course: 6.');
    // The only trouble the page reports is the refused course pack.
    assert.deepEqual(f.problems.filter((p) => !/course-en-micic\.pack|net::ERR_FAILED/.test(p)), []);
  } finally { await f.close(); }
});

test('the certificate check says in plain words whether a reference code matches what a certificate shows',
     async () => {
  // The example of src/core/certificate.h: Siti Nurhaliza Ayuningtyas, micic, 2025-03-14, 85 %.
  const f = await launch();
  try {
    await f.page.goto(served.url + '#/facilitator');
    await waitForPortal(f.page);
    await findByRole(f.page, 'heading', 'Certificate check');
    const alert = (t) => mirror(f.page).getByRole('alert').filter({ hasText: t }).first()
      .waitFor({ state: 'attached', timeout: 20000 });
    await typeInto(f.page, 'Reference code', '8w3c1 vbndz q1ew8');  // lower case and spaces are fine
    await alert('To check, fill in: Name on the certificate; Course; Completion date (YYYY-MM-DD); Score (%).');
    await typeInto(f.page, 'Name on the certificate', 'siti nurhaliza  ayuningtyas');
    await clickWidget(f.page, 'radio', 'Course on the certificate: Protecting migrants in countries in crisis');
    await typeInto(f.page, 'Completion date (YYYY-MM-DD)', '2025-03-14');
    await typeInto(f.page, 'Score (%)', '85');
    await alert('The code matches this name, course, date and score.');
    await mirror(f.page).getByText(/consistency check, not proof/).first().waitFor({ state: 'attached' });
    await settle(f.page);
    await screenshot(f.page, 'facilitator-certificate-match');
    await f.page.keyboard.press('Backspace');
    await f.page.keyboard.type('6');  // 86 %: the score was changed
    await alert('The code does not match this score.');
    await typeInto(f.page, 'Reference code', 'X');  // one character too many
    await alert('This is not a valid certificate reference: probably a typo. Check each character.');
    assert.deepEqual(f.problems, []);
  } finally { await f.close(); }
});

// Moodle: the facilitator downloads every question of a course as GIFT; the file is read back by the
// content checker (the same parser as the portal) with no error and every question of the course.
test('the course questions download as a GIFT file that reads back whole, one Moodle category per module; one module on its own too', async () => {
  const folder = join(ROOT, 'content/en/micic');
  let expected = 0, quizzes = 0;
  for (const name of readdirSync(folder).filter((n) => /^\d\d-.*\.md$/.test(n))) {
    const text = readFileSync(join(folder, name), 'utf8');
    expected += (text.match(/^::[a-z0-9-]+::/gm) || []).length;
    quizzes += (text.match(/^```quiz/gm) || []).length;
  }
  const f = await launch();
  try {
    await f.page.goto(served.url + '#/facilitator');
    await waitForPortal(f.page);
    await clickWidget(f.page, 'radio', 'Protecting migrants in countries in crisis');
    const [download] = await Promise.all([f.page.waitForEvent('download'),
                                          clickWidget(f.page, 'button', "Download the course's questions as GIFT (for Moodle)")]);
    assert.equal(download.suggestedFilename(), 'siaga-questions-micic-en.gift');
    const file = await download.path();
    const gift = await readFile(file, 'utf8');
    assert.equal((gift.match(/^\$CATEGORY: \$course\$\/top\/Siaga: Protecting migrants/gm) || []).length, quizzes,
      'each quiz under its module\'s category');
    const lint = execFileSync(join(ROOT, 'build/native/siaga-lint'), [file], { encoding: 'utf8' });
    assert.match(lint, new RegExp(`: ${expected} question\\(s\\): 0 error\\(s\\), 0 warning\\(s\\)`));

    // One module on its own: its quizzes only, a file that reads back whole.
    const first = readdirSync(folder).filter((n) => /^\d\d-.*\.md$/.test(n)).sort()[0];
    const text = readFileSync(join(folder, first), 'utf8');
    const moduleId = text.match(/^id: (\S+)$/m)[1];
    const moduleTitle = text.match(/^title: (.+)$/m)[1].trim();
    const moduleQuestions = (text.match(/^::[a-z0-9-]+::/gm) || []).length;
    const [single] = await Promise.all([f.page.waitForEvent('download'),
                                        clickWidget(f.page, 'link', `Or one module's quizzes only, a GIFT file each: ${moduleTitle}`)]);
    assert.equal(single.suggestedFilename(), `siaga-questions-micic-${moduleId}-en.gift`);
    const one = execFileSync(join(ROOT, 'build/native/siaga-lint'), [await single.path()], { encoding: 'utf8' });
    assert.match(one, new RegExp(`: ${moduleQuestions} question\\(s\\): 0 error\\(s\\), 0 warning\\(s\\)`));
    assert.ok(moduleQuestions > 0 && moduleQuestions < expected, `${moduleQuestions} of the course's ${expected} questions`);
  } finally { await f.close(); }
});

// The facilitator's code is its own file, siaga-facilitator.wasm (src/app/facilitator_code.h): a
// learner's first load never fetches it; the first facilitator screen does, once. Here its first
// download fails (the screen says so and offers "Try again"), the second is held back (the screen
// shows a bar), then let through: the facilitator tools work, and coming back fetches nothing more.
test("the facilitator's tools download only when a facilitator screen first opens, with a bar, and a failed download can be retried", async () => {
  const en = await readUi('en');
  const CODE = 'siaga-facilitator.wasm';
  // Service workers blocked: its precache would fetch the file in the background, and answer for it.
  const b = await launch({ serviceWorkers: 'block' });
  try {
    const fetched = [];
    b.page.on('request', (request) => fetched.push(new URL(request.url()).pathname.slice(1)));
    let attempts = 0, release;
    const held = new Promise((resolve) => { release = resolve; });
    await b.page.route('**/' + CODE, async (route) => {
      attempts += 1;
      if (attempts === 1) return route.abort('internetdisconnected');
      await held;
      return route.continue();
    });
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await createLearner(b.page, 'Dewi');
    await findByRole(b.page, 'heading', 'Courses');
    await settle(b.page);
    assert.ok(!fetched.includes(CODE), `the catalog does not fetch the facilitator's code: ${fetched.join(' ')}`);

    await b.page.evaluate(() => { location.hash = '#/facilitator'; });
    await mirror(b.page).getByText(en['facilitator.code_failed'], { exact: true }).waitFor({ state: 'attached', timeout: 20000 });
    await settle(b.page);
    await screenshot(b.page, 'facilitator-code-failed');
    await clickWidget(b.page, 'button', en['course.lessons_retry']);
    await mirror(b.page).getByText(en['facilitator.code_downloading'], { exact: true }).waitFor({ state: 'attached', timeout: 20000 });
    assert.equal(await mirror(b.page).getByRole('heading', { name: en['facilitator.heading'] }).count(), 0,
                 'the tools are not drawn before their code is here');
    await settle(b.page);
    await screenshot(b.page, 'facilitator-code-downloading');
    release();
    await findByRole(b.page, 'heading', en['facilitator.heading']);
    await findByRole(b.page, 'button', en['plan.link']);
    // The code works: the session plans screen (also the facilitator's code) opens and makes a plan.
    await clickWidget(b.page, 'button', en['plan.link']);
    await clickWidget(b.page, 'button', fill(en['plan.new_for'], 'Protecting migrants in countries in crisis'));
    await findByRole(b.page, 'button', en['plan.add_break']);
    await settle(b.page);
    await screenshot(b.page, 'facilitator-code-arrived-plan');
    await b.page.evaluate(() => { location.hash = '#/'; });
    await findByRole(b.page, 'heading', 'Courses');
    await b.page.evaluate(() => { location.hash = '#/facilitator'; });
    await findByRole(b.page, 'heading', en['facilitator.heading']);
    assert.equal(attempts, 2, 'fetched twice in all: the failed attempt and the retry');
    assert.equal(fetched.filter((f) => f === CODE).length, 2);
    assert.deepEqual(b.problems.filter((p) => !p.includes(CODE) && !p.includes('ERR_INTERNET_DISCONNECTED')), []);
  } finally { await b.close(); }
});
