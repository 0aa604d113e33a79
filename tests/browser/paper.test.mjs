// Paper tests and certificates end to end.
// 1. The facilitator prints the paper pretest (the page is caught at print time, checked, rendered to
//    PNG), then types two paper participants' pretest and posttest answers into the answer grid through
//    the canvas, meets a plain-words error for a bad cell, and gets the right scores and gains in the
//    class report; a reload keeps everything. Every expected letter and score is worked out here from
//    the course file (content/en/refugee-orientation) and the printed sheet, not copied from the app.
// 2. A learner completes the course by passing every module quiz through the canvas, prints and
//    downloads the certificate; the facilitator's certificate check accepts its reference code and
//    refuses the same code with one character mistyped.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { catchPrinting, clickWidget, createLearner, findByRole, launch, mirror, printed, screenshot, serve, settle,
         typeInto, waitForPortal, writeOutput } from './lib.mjs';
import { readModule } from './gift.mjs';

let served;
before(async () => { served = await serve(); });
after(() => served.server.close());

const COURSE = 'refugee-orientation';
const TITLE = 'IOM and refugees in Indonesia: an orientation';

// Renders a printed page on its own and screenshots it (non-blank check in lib.mjs).
async function renderPrinted(context, html, name) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 900, height: 1200 });
  await page.setContent(html);
  await screenshot(page, name);
  await page.close();
}

const decode = (s) => s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
  .replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();

// The printed sheet: per question number, its text and the letter printed before each option.
function readSheet(html) {
  const sheet = new Map();
  for (const m of html.matchAll(/<section class="q">([\s\S]*?)<\/section>/g)) {
    const number = Number(m[1].match(/<span class="n">(\d+)\.<\/span>/)[1]);
    const text = decode(m[1].match(/<span class="n">\d+\.<\/span>([\s\S]*?)<\/p>/)[1]);
    const letters = new Map();
    for (const o of m[1].matchAll(/<span class="l">([A-Z])\.<\/span>([\s\S]*?)<\/(?:li|p)>/g)) letters.set(decode(o[2]), o[1]);
    sheet.set(number, { text, letters });
  }
  return sheet;
}

// What to type for a question, answered right or wrong, in the letters of the printed sheet.
function cellFor(question, sheetEntry, right) {
  const letter = (text) => { const l = sheetEntry.letters.get(text); assert.ok(l, `no letter for "${text}"`); return l; };
  switch (question.type) {
    case 'single': {
      const best = question.options.find((o) => o.weight === 100);
      return letter(right ? best.text : question.options.find((o) => o.weight <= 0).text);
    }
    case 'multiple': {
      const positive = question.options.filter((o) => o.weight > 0).map((o) => letter(o.text)).sort();
      return right ? positive.join(' ') : positive[0];  // half of them: half credit, not "right"
    }
    case 'truefalse': return question.truth === right ? 'T' : 'F';
    case 'matching': {
      const letters = question.pairs.map((p) => letter(p.right));
      if (!right) [letters[0], letters[1]] = [letters[1], letters[0]];
      return letters.join('');
    }
    case 'numeric': return String(right ? question.numbers[0] : question.numbers[0] + 1);
    default: throw new Error(`no paper cell for ${question.type}`);
  }
}

const pct = (right, total) => (Math.round((right / total) * 1000) / 10).toFixed(1);
const signed = (x) => (x > 0 ? '+' : '') + x.toFixed(1);

// Two participants without a device. right(i) says whether question i (0-based) is answered right;
// blank lists questions left blank on paper (typed "-").
const PAPER = [
  { label: 'ANA', typed: 'Ana', pretest: { right: (i) => i % 3 !== 0, blank: [] }, posttest: { right: (i) => i % 5 !== 4, blank: [] } },
  { label: 'BUDI SANTOSO', typed: 'Budi Santoso', pretest: { right: (i) => i % 2 === 0, blank: [3] },
    posttest: { right: (i) => i % 4 !== 3, blank: [1] } },
];

async function fillGrid(page, test, quiz, sheet) {
  const counts = [];
  for (let p = 0; p < PAPER.length; p++) {
    const who = PAPER[p];
    const plan = who[test];
    await clickWidget(page, 'button', `Add a participant to the ${test} grid`);
    const n = p + 1;
    await typeInto(page, `Participant ${n}: label`, who.typed);
    let right = 0;
    for (let i = 0; i < quiz.questions.length; i++) {
      const q = quiz.questions[i];
      const entry = sheet.get(i + 1);
      assert.equal(entry.text, q.text, `question ${i + 1} of the sheet`);
      const blank = plan.blank.includes(i);
      const isRight = !blank && plan.right(i);
      if (isRight) right++;
      const cell = blank ? '-' : cellFor(q, entry, isRight);
      if (p === 0 && i === 0 && test === 'pretest') {
        // A bad cell first: a plain-words error naming the participant, the question and the letters.
        await typeInto(page, `Participant ${n}, question ${i + 1}`, 'z');
        const last = String.fromCharCode('A'.charCodeAt(0) + entry.letters.size - 1);
        await mirror(page).getByRole('alert').filter({
          hasText: `${who.label}, question 1: “Z” is not one of the options. Type a letter from A to ${last}.` })
          .first().waitFor({ state: 'attached', timeout: 20000 });
        await page.keyboard.press('Backspace');
        await page.keyboard.type(cell, { delay: 30 });
      } else {
        await typeInto(page, `Participant ${n}, question ${i + 1}`, cell);
      }
    }
    counts.push(right);
    await mirror(page).getByText(`${who.label}: ${right} of ${quiz.questions.length} right. Counted in the class report.`,
                                 { exact: true }).first().waitFor({ state: 'attached', timeout: 20000 });
  }
  return counts;
}

test('paper tests: print the sheet and key, type two participants into the grid, get the report; a reload keeps it',
     { timeout: 420000 }, async () => {
  const check = await readModule(COURSE, '99-workshop-check.md');
  const pretest = check.quizzes.find((q) => q.kind === 'pretest');
  const posttest = check.quizzes.find((q) => q.kind === 'posttest');
  const f = await launch();
  try {
    await catchPrinting(f.page);
    await f.page.goto(served.url + '#/facilitator');
    await waitForPortal(f.page);
    await clickWidget(f.page, 'radio', TITLE);
    await findByRole(f.page, 'heading', 'Paper tests for participants without a device');

    // The paper pretest: every question numbered with its text, options lettered, styled (the CSP let
    // its stylesheet in), and no answers on it.
    await clickWidget(f.page, 'button', 'Print the paper pretest');
    const sheetPage = await printed(f.page, 1);
    assert.equal(sheetPage.title, 'siaga-pretest-paper-refugee-orientation');
    assert.equal(sheetPage.h1Size, `${(17 * 96 / 72).toFixed(4).replace(/0+$/, '')}px`, 'the print stylesheet applied');
    const preSheet = readSheet(sheetPage.html);
    assert.equal(preSheet.size, pretest.questions.length);
    pretest.questions.forEach((q, i) => assert.equal(preSheet.get(i + 1).text, q.text));
    assert.match(sheetPage.html, /Name or label:/);
    await writeOutput('paper-pretest.html', sheetPage.html);
    await renderPrinted(f.context, sheetPage.html, 'paper-pretest-printed');

    // The answer key: per question, what the grid needs for full marks, in the sheet's letters.
    await clickWidget(f.page, 'button', 'Print the pretest answer key');
    const key = await printed(f.page, 2);
    for (let i = 0; i < pretest.questions.length; i++) {
      const expected = cellFor(pretest.questions[i], preSheet.get(i + 1), true).split(' ').join(', ');
      assert.ok(key.html.includes(`<tr><td>${i + 1}</td>`) &&
                key.html.split(`<tr><td>${i + 1}</td>`)[1].split('</tr>')[0].includes(`<td class="code">${expected}</td>`),
                `answer key, question ${i + 1}: ${expected}`);
    }
    await renderPrinted(f.context, key.html, 'paper-pretest-key-printed');

    const preRight = await fillGrid(f.page, 'pretest', pretest, preSheet);
    await settle(f.page);
    await screenshot(f.page, 'paper-grid-pretest');

    // The posttest has a number and a matching question; its own sheet gives its letters.
    await clickWidget(f.page, 'radio', 'Paper test: Posttest');
    await clickWidget(f.page, 'button', 'Print the paper posttest');
    const postSheet = readSheet((await printed(f.page, 3)).html);
    assert.equal(postSheet.size, posttest.questions.length);
    const postRight = await fillGrid(f.page, 'posttest', posttest, postSheet);

    // The class report: both participants, scores and gain worked out from the plans above.
    const text = (t) => mirror(f.page).getByText(t, { exact: true }).first().waitFor({ state: 'attached', timeout: 20000 });
    const rows = PAPER.map((p, i) => {
      const pre = preRight[i] / pretest.questions.length * 100, post = postRight[i] / posttest.questions.length * 100;
      return `${p.label}: pretest ${pct(preRight[i], pretest.questions.length)}%, posttest ` +
             `${pct(postRight[i], posttest.questions.length)}%, gain ${signed(Math.round((post - pre) * 10) / 10)}`;
    });
    for (const row of rows) await text(row);
    await text('Results from the paper answer grid: 4.');
    const n = PAPER.length;
    const preSum = preRight.reduce((a, b) => a + b, 0), postSum = postRight.reduce((a, b) => a + b, 0);
    await text(`Pretest: ${n} participants, class average ${pct(preSum, n * pretest.questions.length)}% ` +
               `(${pretest.questions.length} questions).`);
    await clickWidget(f.page, 'button', 'Download CSV');
    await settle(f.page);
    await screenshot(f.page, 'paper-report');

    // A reload keeps the grid and the report.
    await f.page.reload();
    await waitForPortal(f.page);
    await clickWidget(f.page, 'radio', TITLE);
    for (const row of rows) await text(row);
    for (let i = 0; i < PAPER.length; i++)
      await text(`${PAPER[i].label}: ${preRight[i]} of ${pretest.questions.length} right. Counted in the class report.`);
    assert.deepEqual(f.problems, []);
  } finally { await f.close(); }
});

// Clicks the n-th widget (0-based) with this role and name (lib.mjs clickWidget).
async function clickNth(page, role, name, n) {
  await clickWidget(page, role, name, { nth: n });
  // An answer changes the layout below it (a Check button appears): wait until the portal has drawn the
  // answer, so the next widget's rectangle is read from the new layout.
  if (role === 'radio' || role === 'checkbox')
    await mirror(page).getByRole(role, { name, exact: true }).nth(n).and(mirror(page).locator('[aria-checked="true"]'))
      .waitFor({ state: 'attached', timeout: 20000 });
}

// Answers every question of a module quiz right, through the canvas.
async function passQuiz(page, moduleId, quiz) {
  await page.evaluate((h) => { location.hash = h; }, `#/course/${COURSE}/module/${moduleId}/section/${quiz.section}`);
  await clickWidget(page, 'button', 'Start the quiz');
  const seen = new Map();  // widget name -> how many earlier widgets on the page have it
  const use = (role, name) => { const key = role + '|' + name; const n = seen.get(key) || 0; return n; };
  const names = (q) => {
    switch (q.type) {
      case 'single': return q.options.map((o) => ['radio', o.text]);
      case 'multiple': return q.options.map((o) => ['checkbox', o.text]);
      case 'truefalse': return [['radio', 'True'], ['radio', 'False']];
      case 'matching': return q.pairs.flatMap((l) => q.pairs.map((r) => ['radio', `${l.left}: ${r.right}`]));
      case 'numeric': return [['textbox', 'Your answer (a number)']];
      case 'short': return [['textbox', 'Your answer']];
      default: return [];
    }
  };
  for (const q of quiz.questions) {
    switch (q.type) {
      case 'single': { const o = q.options.find((x) => x.weight === 100); await clickNth(page, 'radio', o.text, use('radio', o.text)); break; }
      case 'multiple':
        for (const o of q.options.filter((x) => x.weight > 0)) await clickNth(page, 'checkbox', o.text, use('checkbox', o.text));
        break;
      case 'truefalse': { const t = q.truth ? 'True' : 'False'; await clickNth(page, 'radio', t, use('radio', t)); break; }
      case 'matching':
        for (const p of q.pairs) { const t = `${p.left}: ${p.right}`; await clickNth(page, 'radio', t, use('radio', t)); }
        break;
      case 'numeric':
      case 'short': {
        const [role, name] = names(q)[0];
        await clickNth(page, role, name, use(role, name));
        await page.keyboard.type(q.type === 'numeric' ? String(q.numbers[0]) : q.accepted[0], { delay: 30 });
        await page.keyboard.press('Enter');
        await settle(page);
        break;
      }
      default: throw new Error(`cannot answer ${q.type}`);
    }
    for (const [role, name] of names(q)) seen.set(role + '|' + name, (seen.get(role + '|' + name) || 0) + 1);
  }
  await clickWidget(page, 'button', 'Submit quiz');
  const score = await (await findByRole(page, 'heading', /^Your score: \d+%$/)).textContent();
  if (score !== 'Your score: 100%') {
    const wrong = await mirror(page).getByRole('alert').allTextContents();
    assert.fail(`${moduleId}: ${score}; ${wrong.filter((t) => !t.startsWith('Right')).join(' | ')}`);
  }
}

test('a learner completes a course, prints and downloads the certificate; the facilitator checks its code',
     { timeout: 420000 }, async () => {
  const files = ['01-who-is-iom.md', '02-iom-services.md', '03-limits-unhcr.md', '04-return-resettlement.md',
                 '05-staying-safe.md'];
  const b = await launch();
  try {
    await catchPrinting(b.page);
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await createLearner(b.page, 'Dewi Lestari');
    for (const file of files) {
      const module = await readModule(COURSE, file);
      for (const quiz of module.quizzes.filter((q) => q.graded)) await passQuiz(b.page, module.moduleId, quiz);
    }
    // Complete: the result of the last quiz offers the certificate.
    const ready = mirror(b.page).getByRole('alert').filter({ hasText: `You have completed ${TITLE} with a score of 100%.` });
    await ready.first().waitFor({ state: 'attached', timeout: 20000 });
    const code = (await ready.first().textContent()).match(/reference code is ([0-9A-Z-]+)\./)[1];
    await settle(b.page);
    await screenshot(b.page, 'certificate-offered');

    const [download] = await Promise.all([b.page.waitForEvent('download'),
                                          clickWidget(b.page, 'button', 'Download my certificate')]);
    assert.equal(download.suggestedFilename(), `siaga-certificate-${COURSE}-${code}.html`);
    const html = await readFile(await download.path(), 'utf8');
    const date = new Date().toISOString().slice(0, 10);  // completed today (UTC)
    for (const shown of ['Dewi Lestari', TITLE, date, '100%', code, 'consistency check, not proof'])
      assert.ok(html.includes(shown), `the certificate shows ${shown}`);
    await clickWidget(b.page, 'button', 'Print my certificate');
    const page = await printed(b.page, 1);
    assert.ok(page.html.includes(code) && page.html.includes('Dewi Lestari'));
    await renderPrinted(b.context, html, 'certificate-printed');

    // The course page offers it too.
    await b.page.evaluate((h) => { location.hash = h; }, `#/course/${COURSE}`);
    await findByRole(b.page, 'button', 'Print my certificate');

    // The facilitator's check: the code matches what the certificate shows; one mistyped character does not.
    await b.page.evaluate(() => { location.hash = '#/facilitator'; });
    await findByRole(b.page, 'heading', 'Certificate check');
    const alert = (t) => mirror(b.page).getByRole('alert').filter({ hasText: t }).first()
      .waitFor({ state: 'attached', timeout: 20000 });
    await typeInto(b.page, 'Reference code', code);
    await typeInto(b.page, 'Name on the certificate', 'Dewi Lestari');
    await clickWidget(b.page, 'radio', `Course on the certificate: ${TITLE}`);
    await typeInto(b.page, 'Completion date (YYYY-MM-DD)', date);
    await typeInto(b.page, 'Score (%)', '100');
    await alert('The code matches this name, course, date and score.');
    await mirror(b.page).getByText(/consistency check, not proof/).first().waitFor({ state: 'attached' });
    await settle(b.page);
    await screenshot(b.page, 'certificate-checked');
    const i = code.indexOf('-') + 2;
    const typo = code.slice(0, i) + (code[i] === '7' ? '8' : '7') + code.slice(i + 1);
    await clickWidget(b.page, 'textbox', 'Reference code');
    await b.page.keyboard.press('Control+A');
    await b.page.keyboard.type(typo, { delay: 30 });
    await alert('This is not a valid certificate reference: probably a typo. Check each character.');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('where the browser cannot print, the paper test is downloaded as an HTML page instead', { timeout: 120000 }, async () => {
  const f = await launch();
  try {
    // A browser whose frames have no print(): the page must still reach the facilitator.
    await f.page.addInitScript(() => {
      const get = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow').get;
      Object.defineProperty(HTMLIFrameElement.prototype, 'contentWindow', {
        configurable: true,
        get() { const win = get.call(this); if (win && this.id === 'print-frame') win.print = undefined; return win; },
      });
    });
    await f.page.goto(served.url + '#/facilitator');
    await waitForPortal(f.page);
    await clickWidget(f.page, 'radio', TITLE);
    await clickWidget(f.page, 'radio', 'Paper test: Posttest');
    const [download] = await Promise.all([f.page.waitForEvent('download'),
                                          clickWidget(f.page, 'button', 'Print the paper posttest')]);
    assert.equal(download.suggestedFilename(), 'siaga-posttest-paper-refugee-orientation.html');
    const sheet = readSheet(await readFile(await download.path(), 'utf8'));
    const posttest = (await readModule(COURSE, '99-workshop-check.md')).quizzes.find((q) => q.kind === 'posttest');
    assert.equal(sheet.size, posttest.questions.length);
    posttest.questions.forEach((q, i) => assert.equal(sheet.get(i + 1).text, q.text));
    assert.deepEqual(f.problems, []);
  } finally { await f.close(); }
});
