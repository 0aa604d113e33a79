// Quizzes and saved progress: practice feedback, answers kept across reloads and browser restarts,
// damaged or refused storage reported without losing anything, two tabs, and PIN-protected learners.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clickWidget, createLearner, findAlert, findByRole, launch, mirror, screenshot, serve, settle, typeInto,
         waitForPortal } from './lib.mjs';

let served;
before(async () => { served = await serve(); });
after(() => served.server.close());

const QUIZ = '#/course/micic/module/why-micic/section/check';
const RIGHT_1 = 'The United States and the Philippines';
const WRONG_1 = 'Indonesia and Australia';

async function checked(page, role, name) {
  return (await findByRole(page, role, name)).getAttribute('aria-checked');
}

async function openQuiz(page) {
  await page.evaluate((hash) => { location.hash = hash; }, QUIZ);
  await findByRole(page, 'heading', 'Check your understanding');
  const start = mirror(page).getByRole('button', { name: 'Start the quiz', exact: true });
  if (await start.count()) await clickWidget(page, 'button', 'Start the quiz');
  await findByRole(page, 'radio', RIGHT_1);
}

test('a practice question shows why a wrong answer is wrong, then confirms the right one', async () => {
  const b = await launch();
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await createLearner(b.page, 'Sari');
    await openQuiz(b.page);
    await clickWidget(b.page, 'radio', WRONG_1);
    await clickWidget(b.page, 'button', 'Check answer 1');
    const wrong = await findAlert(b.page, /^Not right\. .*Australia was a member of the working group/);
    assert.ok(wrong);
    await settle(b.page);
    await screenshot(b.page, 'quiz-practice-wrong');
    await clickWidget(b.page, 'radio', RIGHT_1);
    assert.equal(await checked(b.page, 'radio', RIGHT_1), 'true');
    assert.equal(await mirror(b.page).getByRole('alert').filter({ hasText: /^Not right/ }).count(), 0,
                 'changing the answer hides the old feedback');
    await clickWidget(b.page, 'button', 'Check answer 1');
    await findAlert(b.page, /^Right\. .*IOM hosting the Secretariat/);
    await screenshot(b.page, 'quiz-practice-right');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('answers survive a reload and a browser restart, and the quiz submits to a reviewed result', async () => {
  const profileDir = await mkdtemp(join(tmpdir(), 'siaga-restart-'));
  try {
    let b = await launch({ profileDir });
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await createLearner(b.page, 'Putu');
    await openQuiz(b.page);
    await clickWidget(b.page, 'radio', RIGHT_1);
    await typeInto(b.page, 'Your answer (a number)', '2014');
    await b.page.keyboard.press('Enter');
    await b.page.waitForTimeout(300);
    await b.page.reload();
    await waitForPortal(b.page);
    await findByRole(b.page, 'radio', RIGHT_1);
    assert.equal(await checked(b.page, 'radio', RIGHT_1), 'true', 'kept across a reload');
    await b.close();  // the tab and the browser close mid-quiz

    b = await launch({ profileDir });
    await b.page.goto(served.url + QUIZ);
    await waitForPortal(b.page);
    await findByRole(b.page, 'radio', RIGHT_1);
    assert.equal(await checked(b.page, 'radio', RIGHT_1), 'true', 'the same attempt resumes after a restart');
    await clickWidget(b.page, 'button', 'Submit quiz');
    const score = await findByRole(b.page, 'heading', /^Your score: \d+%$/);
    const percent = Number((await score.textContent()).match(/\d+/)[0]);
    // Two of the quiz's eight questions answered, both right: 2/8 = 25%.
    assert.equal(percent, 25);
    await findByRole(b.page, 'heading', 'Review your answers');
    await settle(b.page);
    await screenshot(b.page, 'quiz-result-review');
    await b.close();
  } finally { await rm(profileDir, { recursive: true, force: true }); }
});

test('damaged progress is set aside with a plain notice, and the learner list is intact', async () => {
  const b = await launch();
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await createLearner(b.page, 'Made');
    await openQuiz(b.page);
    await clickWidget(b.page, 'radio', RIGHT_1);
    await settle(b.page);  // the answer is saved before the test damages what was saved
    const key = await b.page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('siaga.progress.')));
    assert.ok(key, 'progress was saved');
    for (const garbage of ['{"schema":2,"cut off', 'not json at all', '{"format":"something-else"}']) {
      await b.page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, garbage]);
      await b.page.reload();
      await waitForPortal(b.page);
      await findAlert(b.page, /could not be read .*set aside, not deleted/);
      await mirror(b.page).getByText('Learning as Made', { exact: true }).waitFor({ state: 'attached' });
      const kept = await b.page.evaluate((k) => Object.entries(localStorage)
        .filter(([name]) => name.startsWith('siaga.recovery.' + k)).map(([, value]) => value), key);
      assert.ok(kept.includes(garbage), 'the damaged text is kept under a recovery key');
    }
    await screenshot(b.page, 'progress-damaged-notice');
  } finally { await b.close(); }
});

test('when storage refuses a write the learner is told and the session keeps working', async () => {
  const b = await launch();
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await createLearner(b.page, 'Wayan');
    await openQuiz(b.page);
    await b.page.evaluate(() => {
      Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    });
    await clickWidget(b.page, 'radio', WRONG_1);
    await findAlert(b.page, /could not save your last change/);
    assert.equal(await checked(b.page, 'radio', WRONG_1), 'true', 'the answer still counts in this session');
    await clickWidget(b.page, 'button', 'Check answer 1');
    await findAlert(b.page, /^Not right/);
    await screenshot(b.page, 'progress-storage-full');
  } finally { await b.close(); }
});

test('two tabs answering the same quiz keep each other\'s answers', async () => {
  const b = await launch();
  try {
    const first = b.page;
    await first.goto(served.url);
    await waitForPortal(first);
    await createLearner(first, 'Nyoman');
    await openQuiz(first);
    const second = await b.context.newPage();
    await second.goto(served.url + QUIZ);
    await waitForPortal(second);
    await findByRole(second, 'radio', RIGHT_1);

    await clickWidget(first, 'radio', RIGHT_1);                     // tab 1 answers question 1
    await second.waitForFunction((name) => [...document.querySelectorAll('#mirror [role=radio]')]
      .some((el) => el.textContent === name && el.getAttribute('aria-checked') === 'true'), RIGHT_1);
    await clickWidget(second, 'radio', 'False');                    // tab 2 answers question 4
    await first.waitForTimeout(500);
    await first.reload();
    await waitForPortal(first);
    await findByRole(first, 'radio', RIGHT_1);
    assert.equal(await checked(first, 'radio', RIGHT_1), 'true', "tab 1's answer survived tab 2's save");
    assert.equal(await checked(first, 'radio', 'False'), 'true', "tab 2's answer is there too");
  } finally { await b.close(); }
});

test('a PIN-protected learner cannot be opened without the PIN', async () => {
  const b = await launch();
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await createLearner(b.page, 'Rina', { pin: '1234' });
    await clickWidget(b.page, 'link', 'Settings');
    await clickWidget(b.page, 'button', 'Sign out');
    await clickWidget(b.page, 'link', '‹ All courses');
    await clickWidget(b.page, 'button', 'Continue as Rina');
    await typeInto(b.page, '4-digit PIN', '9999');
    await clickWidget(b.page, 'button', 'Open');
    await findAlert(b.page, /That PIN is not right/);
    assert.equal(await mirror(b.page).getByText('Learning as Rina', { exact: true }).count(), 0);
    await screenshot(b.page, 'learners-wrong-pin');
    await typeInto(b.page, '4-digit PIN', '1234');
    await b.page.keyboard.press('Enter');
    await mirror(b.page).getByText('Learning as Rina', { exact: true }).waitFor({ state: 'attached' });
    const stored = await b.page.evaluate(() => localStorage.getItem('siaga.profiles'));
    assert.ok(!stored.includes('1234'), 'the PIN itself is never stored');
  } finally { await b.close(); }
});

test('progress downloaded on one device is imported on another through the file chooser; a foreign file is refused', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'siaga-move-'));
  const a = await launch();
  let file;
  try {
    await a.page.goto(served.url);
    await waitForPortal(a.page);
    await createLearner(a.page, 'Rina');
    await openQuiz(a.page);
    await clickWidget(a.page, 'radio', RIGHT_1);
    await mirror(a.page).getByRole('radio', { name: RIGHT_1, exact: true }).and(mirror(a.page).locator('[aria-checked="true"]'))
      .waitFor({ state: 'attached', timeout: 20000 });  // the answer is saved before leaving the quiz
    await a.page.evaluate(() => { location.hash = '#/settings'; });
    const [download] = await Promise.all([a.page.waitForEvent('download'), clickWidget(a.page, 'button', 'Download my progress')]);
    file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
  } finally { await a.close(); }

  const b = await launch();
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await createLearner(b.page, 'Rina');
    await b.page.evaluate(() => { location.hash = '#/settings'; });
    // A file that is not Siaga's is refused in plain words, and nothing changes.
    const foreign = join(dir, 'holiday-photos.txt');
    await writeFile(foreign, 'not progress at all');
    let [chooser] = await Promise.all([b.page.waitForEvent('filechooser'), clickWidget(b.page, 'button', 'Import progress from a file')]);
    await chooser.setFiles(foreign);
    await findAlert(b.page, /holiday-photos\.txt is not a Siaga progress file\. Nothing was imported\./);
    // The real file is added: the answer given on the other device is there.
    [chooser] = await Promise.all([b.page.waitForEvent('filechooser'), clickWidget(b.page, 'button', 'Import progress from a file')]);
    await chooser.setFiles(file);
    await findAlert(b.page, /^Progress from .* was added\./);
    await b.page.evaluate((hash) => { location.hash = hash; }, QUIZ);
    await findByRole(b.page, 'heading', 'Check your understanding');
    await settle(b.page);
    await screenshot(b.page, 'progress-imported-on-second-device');
    assert.equal(await mirror(b.page).getByRole('button', { name: 'Start the quiz', exact: true }).count(), 0,
                 'the attempt begun on the other device is not continued');
    assert.equal(await checked(b.page, 'radio', RIGHT_1), 'true');
    assert.deepEqual(b.problems, []);
  } finally {
    await b.close();
    await rm(dir, { recursive: true, force: true });
  }
});
