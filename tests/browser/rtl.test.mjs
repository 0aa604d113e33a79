// Dari/Farsi and Arabic, drawn shaped and right to left (issue 14): the shaper module arrives only when
// the learner chooses one of them; lessons and quizzes read right to left; an answer survives a
// reload; the mirror keeps the logical text with lang and dir. Every string the tests look for is
// read from content/fa and content/ar (ui.po and the course files), not copied here.
// Screenshots: test-output/rtl-*.png (look at them: letters joined, lines right-aligned).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { EM_PX, catchPrinting, clickWidget, courseModules, createLearner, drawnColumns, findByRole, launch, likeness, mirror, printed,
         referenceColumns, screenshot, serve, settle, storeProgress, waitForPortal } from './lib.mjs';
import { fill, readModule, readUi } from './gift.mjs';

let served;
before(async () => { served = await serve(); });
after(() => served.server.close());

const REFUGEE = 'refugee-orientation';
const NAMES = { fa: 'دری / فارسی', ar: 'العربية' };

async function courseTitle(lang, course) {
  const text = await readFile(join(import.meta.dirname, '../../content', lang, course, 'course.md'), 'utf8');
  return text.match(/^title:\s*(.+)$/m)[1].trim();
}

async function go(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForFunction((h) => location.hash === h || location.hash.startsWith(h + '/'), hash);
}

test('an English learner downloads no shaper; choosing Dari brings it, then the course reads right to left and a quiz answer survives a reload; then Arabic', async () => {
  const b = await launch({ locale: 'en-US', viewport: { width: 900, height: 900 }, hasTouch: true });
  try {
    const fetched = [];
    b.page.on('request', (request) => fetched.push(new URL(request.url()).pathname.slice(1)));
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await settle(b.page);
    assert.ok(!fetched.some((name) => /^(rtl-shaper|NotoSansArabicUI)/.test(name)),
              `English first load fetches no right-to-left file: ${fetched}`);
    // Yet the menu names Dari/Farsi and Arabic in their own script, joined: drawn from the build's
    // pre-shaped names (LanguageNames.ttf, a couple of kilobytes), alike to the browser's own rendering
    // of the same words in the same face, and unlike a Latin name.
    assert.ok(fetched.includes('LanguageNames.ttf'), 'the language-names face comes with the first screen');
    await screenshot(b.page, 'rtl-en-menu');
    const latin = await drawnColumns(b.page, mirror(b.page).getByRole('button', { name: 'Soomaali', exact: true }));
    for (const lang of ['fa', 'ar']) {
      const drawn = await drawnColumns(b.page, mirror(b.page).getByRole('button', { name: NAMES[lang], exact: true }));
      const reference = await referenceColumns(b.page, NAMES[lang], ['NotoSansArabicUI-Regular.ttf', 'NotoSans-Regular.ttf'], EM_PX);
      const alike = likeness(drawn, reference), unlike = likeness(latin, reference);
      console.log(`menu name ${lang} before the shaper: likeness to the browser's rendering ${alike.toFixed(2)} (a Latin name: ${unlike.toFixed(2)})`);
      assert.ok(alike > 0.8 && unlike < 0.5, `${NAMES[lang]} is drawn joined in the menu (${alike.toFixed(2)}; Latin ${unlike.toFixed(2)})`);
    }
    fetched.length = 0;  // the reference faces above were the test's, not the portal's

    for (const lang of ['fa', 'ar']) {
      const ui = await readUi(lang);
      const started = Date.now();
      await clickWidget(b.page, 'button', NAMES[lang]);
      // Dari comes first, to the "who is learning" screen; Arabic then finds the learner signed in.
      await findByRole(b.page, 'heading', ui[lang === 'fa' ? 'learners.heading' : 'catalog.heading'], { timeout: 60000 });
      console.log(`switch to ${lang}: ${Date.now() - started} ms`);
      assert.equal(await b.page.evaluate(() => document.documentElement.lang), lang);
      assert.equal(await mirror(b.page).getAttribute('dir'), 'rtl');
      assert.ok(fetched.includes('rtl-shaper.wasm') && fetched.includes('rtl-shaper.js'));
      await settle(b.page);
      await screenshot(b.page, `rtl-${lang}-first`);

      if (lang === 'fa') {  // a learner with a Persian name, typed through the phone-keyboard proxy
        const add = mirror(b.page).getByRole('button', { name: ui['learners.add'], exact: true });
        if (await add.count()) await clickWidget(b.page, 'button', ui['learners.add']);
        // A tap raises the phone keyboard (the DOM input of web/bridge/typing.js); the name arrives as
        // UTF-8 through it, as a Persian keyboard would type it.
        const field = await findByRole(b.page, 'textbox', ui['learners.name']);
        const box = await field.boundingBox();
        await b.page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
        await b.page.waitForFunction(() => document.activeElement && document.activeElement.id === 'typing');
        await b.page.keyboard.insertText('حمید');
        await settle(b.page);
        await screenshot(b.page, 'rtl-fa-typing');
        await clickWidget(b.page, 'button', ui['learners.create']);
        await mirror(b.page).getByText(fill(ui['learners.signed_in'], 'حمید'), { exact: true }).waitFor({ state: 'attached' });
      }

      await findByRole(b.page, 'heading', ui['catalog.heading']);
      const title = await courseTitle(lang, REFUGEE);
      await findByRole(b.page, 'heading', title);
      await settle(b.page);
      await screenshot(b.page, `rtl-${lang}-catalog`);

      const module = await readModule(REFUGEE, '01-who-is-iom.md', lang);
      const quiz = module.quizzes[0];
      await go(b.page, `#/course/${REFUGEE}/module/${module.moduleId}`);
      const lesson = await readFile(join(import.meta.dirname, '../../content', lang, REFUGEE, '01-who-is-iom.md'), 'utf8');
      const section = lesson.match(/^## (.+?)\s*\{#/m)[1];
      await findByRole(b.page, 'heading', section);
      await settle(b.page);
      await screenshot(b.page, `rtl-${lang}-lesson`);
      // The mirror reads the lesson in logical order (the words as written), not the drawn glyph codes.
      const texts = await mirror(b.page).locator('[role="heading"], p, div').allTextContents();
      assert.ok(!texts.join(' ').match(/[\uE000-\uF8FF]/), 'no private-use glyph codes reach the mirror');

      await go(b.page, `#/course/${REFUGEE}/module/${module.moduleId}/section/${quiz.section}`);
      const first = quiz.questions.find((q) => q.type === 'single');
      const right = first.options.find((o) => o.weight === 100).text;
      if (lang === 'fa') {
        await clickWidget(b.page, 'button', ui['quiz.start']);
      } else {
        // Ids are shared across languages: the attempt begun in Dari is here, its answer in Arabic words.
        assert.equal(await (await findByRole(b.page, 'radio', right)).getAttribute('aria-checked'), 'true',
                     'the answer given in Dari is shown chosen in Arabic');
        await screenshot(b.page, 'rtl-ar-quiz-from-dari');
        const other = first.options.find((o) => o.weight !== 100).text;
        await clickWidget(b.page, 'radio', other);  // change it, then back, in Arabic
        await mirror(b.page).getByRole('radio', { name: other, exact: true }).and(mirror(b.page).locator('[aria-checked="true"]'))
          .waitFor({ state: 'attached' });
      }
      await clickWidget(b.page, 'radio', right);
      await mirror(b.page).getByRole('radio', { name: right, exact: true }).and(mirror(b.page).locator('[aria-checked="true"]'))
        .waitFor({ state: 'attached' });
      await settle(b.page);
      await screenshot(b.page, `rtl-${lang}-quiz`);

      await b.page.reload();
      await waitForPortal(b.page);
      assert.equal(await (await findByRole(b.page, 'radio', right, { timeout: 60000 })).getAttribute('aria-checked'), 'true',
                   'the answer is still chosen after a reload');
      assert.equal(await b.page.evaluate(() => document.documentElement.lang), lang);
      await settle(b.page);
      await screenshot(b.page, `rtl-${lang}-quiz-reloaded`);
      await go(b.page, '#/');
    }
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

// Every axe rule, on the mirror (see experience.test.mjs: color-contrast is checked natively).
async function axeProblems(page) {
  const result = await new AxeBuilder({ page }).include('#mirror').analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

test('in Dari and Arabic: axe finds nothing serious on the catalog, a course, a lesson and a quiz; a finished course prints its certificate right to left', async () => {
  const modules = await courseModules(REFUGEE);
  const DAY = Date.UTC(2026, 2, 14, 9, 0, 0);  // 14 March 2026
  const courses = { [REFUGEE]: { completed_at: DAY, modules: {} } };
  const attempts = [];
  for (const m of modules) {
    courses[REFUGEE].modules[m.id] = {
      sections: Object.fromEntries(m.sections.map((id) => [id, DAY])),
      last_section: m.sections.at(-1), last_question: '', last_visited_at: DAY,
    };
    m.graded.forEach((quiz, i) => attempts.push({
      id: `done-${m.id}-${i}`, course: REFUGEE, module: m.id, quiz, seed: '0000000000000001', mode: 'practice',
      started_at: DAY, finished_at: DAY + 1000, updated_at: DAY + 1000, submitted: true, score: 0.9, answers: {},
    }));
  }
  assert.ok(attempts.length >= 5, 'the refugee course has graded quizzes');
  const b = await launch({ locale: 'en-US', viewport: { width: 900, height: 900 } });
  try {
    await catchPrinting(b.page);
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await createLearner(b.page, 'Hamid');
    await storeProgress(b.page, { schema: 3, courses, attempts });
    await b.page.reload();
    await waitForPortal(b.page);
    let prints = 0;
    for (const lang of ['fa', 'ar']) {
      const ui = await readUi(lang);
      await clickWidget(b.page, 'button', NAMES[lang]);
      await findByRole(b.page, 'heading', ui['catalog.heading'], { timeout: 60000 });
      const title = await courseTitle(lang, REFUGEE);
      await findByRole(b.page, 'heading', title);
      const report = {};
      report.catalog = await axeProblems(b.page);

      await go(b.page, `#/course/${REFUGEE}`);
      await findByRole(b.page, 'button', ui['certificate.print']);
      await settle(b.page);
      await screenshot(b.page, `rtl-${lang}-course-complete`);
      report.course = await axeProblems(b.page);
      await clickWidget(b.page, 'button', ui['certificate.print']);
      const sheet = await printed(b.page, ++prints);
      assert.match(sheet.html, new RegExp(`<html lang="${lang}" dir="rtl"`), 'the printed certificate reads right to left');
      for (const shown of ['Hamid', title, '90'])
        assert.ok(sheet.html.includes(shown), `the ${lang} certificate shows ${shown}`);
      const print = await b.context.newPage();
      await print.setViewportSize({ width: 900, height: 1200 });
      await print.setContent(sheet.html);
      await screenshot(print, `rtl-${lang}-certificate-printed`);
      // The browser lays the sheet out right to left: the course title's box ends at the right margin.
      const heading = await print.evaluate(() => {
        const h = document.querySelector('h1, h2');
        const r = document.createRange(); r.selectNodeContents(h); const box = r.getBoundingClientRect();
        return { direction: getComputedStyle(h).direction, right: box.right, left: box.left, width: document.body.clientWidth };
      });
      assert.equal(heading.direction, 'rtl');
      assert.ok(heading.width - heading.right <= heading.left + 1, `the heading sits at the right: ${JSON.stringify(heading)}`);
      await print.close();

      const module = await readModule(REFUGEE, '02-iom-services.md', lang);
      await go(b.page, `#/course/${REFUGEE}/module/${module.moduleId}`);
      const lesson = await readFile(join(import.meta.dirname, '../../content', lang, REFUGEE, '02-iom-services.md'), 'utf8');
      await findByRole(b.page, 'heading', lesson.match(/^## (.+?)\s*\{#/m)[1]);
      report.lesson = await axeProblems(b.page);
      await go(b.page, `#/course/${REFUGEE}/module/${module.moduleId}/section/${module.quizzes[0].section}`);
      // The stored attempt is finished: Dari starts another, which Arabic then finds going on.
      if (lang === 'fa') await clickWidget(b.page, 'button', ui['quiz.try_again']);
      await findByRole(b.page, 'radio', module.quizzes[0].questions.find((q) => q.type === 'single').options[0].text);
      report.quiz = await axeProblems(b.page);
      console.log(`axe (${lang}): ${JSON.stringify(report)}`);
      for (const [screen, problems] of Object.entries(report)) assert.deepEqual(problems, [], `${lang} ${screen}`);
      await go(b.page, '#/');
    }
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

// On a slow link the first switch to Dari brings some 130 KB (the shaper module, the Arabic faces, the
// Dari pack): the notice says the language is loading and a bar shows how many of those kilobytes
// have come. The module is held back here until the bar has been seen part-way.
test('switching to Dari on a slow link shows how much of the download has arrived', async () => {
  // Service workers blocked: the test holds the module's request, which a worker would make itself.
  const b = await launch({ locale: 'en-US', viewport: { width: 900, height: 900 }, serviceWorkers: 'block' });
  try {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await b.page.route('**/rtl-shaper.wasm', async (route) => { await held; await route.continue(); });
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await settle(b.page);
    const en = await readUi('en');
    await clickWidget(b.page, 'button', NAMES.fa);
    await mirror(b.page).getByText(en['notice.loading_language'], { exact: true }).waitFor({ state: 'attached' });
    const bar = mirror(b.page).getByRole('progressbar', { name: /^\d+ KB of \d+ KB$/ });
    await bar.waitFor({ state: 'attached' });
    const [got, of] = (await bar.getAttribute('aria-label') ?? await bar.textContent()).match(/\d+/g).map(Number);
    const value = Number(await bar.getAttribute('aria-valuenow'));
    console.log(`switch to Dari, shaper held back: ${got} KB of ${of} KB (${value}%)`);
    assert.ok(of >= 100 && got < of && value < 100, `part-way: ${got} of ${of} KB, ${value}%`);
    await screenshot(b.page, 'rtl-switch-progress');
    release();
    await findByRole(b.page, 'heading', (await readUi('fa'))['learners.heading'], { timeout: 60000 });
    assert.equal(await mirror(b.page).getByRole('progressbar', { name: /KB of/ }).count(), 0, 'the bar goes once Dari is here');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});
