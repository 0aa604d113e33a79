// Languages beyond English and Indonesian: the menu lists what the build ships (languages.json), each
// language in its own name; Somali is followed from the browser, its refugee course is the Somali text,
// and the courses not written in Somali are offered in English and say so. Every string the tests look
// for is read from content/so (ui.po and the course files), not copied here.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EM_PX, clickWidget, DIST, drawnColumns, findByRole, launch, likeness, mirror, referenceColumns, screenshot, serve,
         settle, typeInto, waitForPortal } from './lib.mjs';
import { fill, readModule, readUi } from './gift.mjs';

let served, so, en;
before(async () => { served = await serve(); so = await readUi('so'); en = await readUi('en'); });
after(() => served.server.close());

const REFUGEE = 'refugee-orientation';

async function courseTitle(lang, course) {
  const text = await readFile(join(import.meta.dirname, '../../content', lang, course, 'course.md'), 'utf8');
  return text.match(/^title:\s*(.+)$/m)[1].trim();
}

async function go(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForFunction((h) => location.hash === h || location.hash.startsWith(h + '/'), hash);
}

test('the language menu names every language the build ships in itself (Arabic-script ones too: rtl.test.mjs)', async () => {
  const shipped = JSON.parse(await readFile(join(DIST, 'languages.json'), 'utf8'));
  const tags = (shipped.languages || shipped).map((l) => l.tag);
  for (const tag of ['en', 'id', 'so', 'fa', 'ar']) assert.ok(tags.includes(tag), `languages.json lists ${tag}: ${tags}`);
  const b = await launch({ locale: 'en-US' });
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    for (const name of ['English', 'Bahasa Indonesia', 'Soomaali', 'دری / فارسی', 'العربية']) await findByRole(b.page, 'button', name);
    await clickWidget(b.page, 'button', 'Soomaali');
    await findByRole(b.page, 'heading', so['learners.heading']);
    assert.equal(await (await findByRole(b.page, 'button', 'Soomaali')).getAttribute('aria-pressed'), 'true');
    await b.page.reload();
    await waitForPortal(b.page);
    await findByRole(b.page, 'heading', so['learners.heading']);
    assert.equal(await b.page.evaluate(() => document.documentElement.lang), 'so');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('a Somali browser gets Somali: the refugee course in Somali, the others in English and marked so; a quiz answer survives a reload', async () => {
  const b = await launch({ locale: 'so-SO' });
  try {
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await findByRole(b.page, 'heading', so['learners.heading']);
    assert.equal(await b.page.evaluate(() => document.documentElement.lang), 'so');
    // A learner, through the Somali words of the form.
    const add = mirror(b.page).getByRole('button', { name: so['learners.add'], exact: true });
    if (await add.count()) await clickWidget(b.page, 'button', so['learners.add']);
    await typeInto(b.page, so['learners.name'], 'Hodan');
    await clickWidget(b.page, 'button', so['learners.create']);
    await mirror(b.page).getByText(fill(so['learners.signed_in'], 'Hodan'), { exact: true }).waitFor({ state: 'attached' });

    // The catalog: the refugee course under its Somali title, the two others in English, each marked.
    await findByRole(b.page, 'heading', so['catalog.heading']);
    const refugee = await courseTitle('so', REFUGEE);
    const own = await (await findByRole(b.page, 'heading', refugee)).boundingBox();
    for (const course of ['micic', 'counter-trafficking']) {
      const other = await (await findByRole(b.page, 'heading', await courseTitle('en', course))).boundingBox();
      assert.ok(own.y < other.y, `the Somali course is listed before ${course}`);
    }
    const marks = mirror(b.page).getByText(fill(so['catalog.in_language'], 'English'), { exact: true });
    assert.equal(await marks.count(), 2, 'both English-only courses say which language they are in');
    await settle(b.page);
    await screenshot(b.page, 'so-catalog');

    // A lesson and its quiz, in Somali.
    await clickWidget(b.page, 'button', `${so['catalog.open']}: ${refugee}`);
    const module = await readModule(REFUGEE, '01-who-is-iom.md', 'so');
    const quiz = module.quizzes[0];
    await go(b.page, `#/course/${REFUGEE}/module/${module.moduleId}`);
    await findByRole(b.page, 'heading', 'IOM waa hay\'ad noocee ah?');
    await settle(b.page);
    await screenshot(b.page, 'so-lesson');
    await go(b.page, `#/course/${REFUGEE}/module/${module.moduleId}/section/${quiz.section}`);
    await clickWidget(b.page, 'button', so['quiz.start']);
    const first = quiz.questions.find((q) => q.type === 'single');
    const right = first.options.find((o) => o.weight === 100).text;
    await clickWidget(b.page, 'radio', right);
    await mirror(b.page).getByRole('radio', { name: right, exact: true }).and(mirror(b.page).locator('[aria-checked="true"]'))
      .waitFor({ state: 'attached' });
    await settle(b.page);
    await screenshot(b.page, 'so-quiz');

    await b.page.reload();
    await waitForPortal(b.page);
    assert.equal(await (await findByRole(b.page, 'radio', right)).getAttribute('aria-checked'), 'true',
                 'the answer is still chosen after a reload');
    // Still Somali after the reload: the quiz's own button in Somali, not in English.
    await findByRole(b.page, 'button', so['quiz.submit']);
    assert.equal(await mirror(b.page).getByRole('button', { name: en['quiz.submit'], exact: true }).count(), 0);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('the portal chooses the language: a first visit asks for its pack from C++, the next visit brings it with the program', async () => {
  const b = await launch({ locale: 'id-ID' });
  try {
    // Which files the page asked for, in order (the page's own requests, cache or not).
    const order = [];
    b.page.on('request', (request) => order.push(new URL(request.url()).pathname.slice(1)));
    // siaga.js is fetched by the loader with the other files, then run as a script: the portal starts
    // after its last request.
    const before = (list, a, z) => list.indexOf(a) >= 0 && list.lastIndexOf(z) >= 0 && list.indexOf(a) < list.lastIndexOf(z);
    const later = (list, a, z) => list.indexOf(a) > list.lastIndexOf(z) && list.lastIndexOf(z) >= 0;

    await b.page.goto(served.url);
    await waitForPortal(b.page);
    const first = [...order];
    assert.ok(first.includes('content-id.pack'), `the Indonesian pack is fetched for an Indonesian browser: ${first}`);
    assert.ok(!first.includes('content-en.pack'), `no other language's pack: ${first}`);
    assert.ok(later(first, 'content-id.pack', 'siaga.js'), `first visit: the portal asks once it runs: ${first}`);
    const hint = await b.page.evaluate(() => JSON.parse(localStorage.getItem('siaga.prefetch')));
    assert.deepEqual(hint, { version: 1, assets: ['content-id.pack'] });

    order.length = 0;
    await b.page.reload();
    await waitForPortal(b.page);
    assert.ok(before(order, 'content-id.pack', 'siaga.js'), `next visit: the loader brings it with the program: ${order}`);
    assert.equal(order.filter((name) => name === 'content-id.pack').length, 1, `fetched once: ${order}`);
    assert.equal(await b.page.evaluate(() => document.documentElement.lang), 'id');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

// Latin Extended-A (Ł, Ş, ğ ...) is no course's text, only some learners' names: its face is not in the
// first load, and comes the moment such a name is typed. The face is held back until the name has
// been drawn once without it ("?" in place of Ł and Ş), then let through: the name, drawn again, is
// then more alike to the browser's own rendering of it with the same faces than before.
test('a learner named Łucja Şahin: the Latin Extended-A face comes when the name is typed, and the name is drawn with its letters', async () => {
  const NAME = 'Łucja Şahin';
  // Service workers blocked: the test holds the face's request, which a worker's cache would answer.
  const b = await launch({ locale: 'en-US', viewport: { width: 900, height: 900 }, hasTouch: true, serviceWorkers: 'block' });
  try {
    const fetched = [];
    b.page.on('request', (request) => fetched.push(new URL(request.url()).pathname.slice(1)));
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await b.page.route('**/NotoSans-LatinExt.ttf', async (route) => { await held; await route.continue(); });
    await b.page.goto(served.url);
    await waitForPortal(b.page);
    await settle(b.page);
    assert.ok(!fetched.includes('NotoSans-LatinExt.ttf'), `the first load has no Latin Extended-A face: ${fetched}`);
    const add = mirror(b.page).getByRole('button', { name: en['learners.add'], exact: true });
    if (await add.count()) await clickWidget(b.page, 'button', en['learners.add']);
    // Typed through the phone keyboard's proxy input (web/bridge/typing.js), as a phone would.
    const box = await (await findByRole(b.page, 'textbox', en['learners.name'])).boundingBox();
    await b.page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await b.page.waitForFunction(() => document.activeElement && document.activeElement.id === 'typing');
    await b.page.keyboard.insertText(NAME);
    await b.page.waitForRequest((r) => r.url().endsWith('/NotoSans-LatinExt.ttf'), { timeout: 20000 });
    await clickWidget(b.page, 'button', en['learners.create']);
    const text = fill(en['learners.signed_in'], NAME);
    const bar = mirror(b.page).getByText(text, { exact: true });
    await bar.waitFor({ state: 'attached' });
    await settle(b.page);
    const before = await drawnColumns(b.page, bar);
    release();
    await b.page.waitForResponse((r) => r.url().endsWith('/NotoSans-LatinExt.ttf'));
    await settle(b.page);
    await screenshot(b.page, 'languages-latin-extended-name');
    const after = await drawnColumns(b.page, bar);
    assert.equal(fetched.filter((f) => f === 'NotoSans-LatinExt.ttf').length, 1, 'the face is fetched once');
    // The learner bar is drawn small (0.88 of the body size).
    const reference = await referenceColumns(b.page, text, ['NotoSans-Regular.ttf', 'NotoSans-LatinExt.ttf'], EM_PX * 0.88);
    const was = likeness(before, reference), is = likeness(after, reference);
    console.log(`"${text}": likeness to the browser's rendering ${was.toFixed(3)} before the face, ${is.toFixed(3)} after`);
    assert.notDeepEqual(after, before, 'the name is drawn differently once the face is here');
    assert.ok(is > was + 0.05, `the name is drawn with its own letters once the face is here (${was.toFixed(3)} -> ${is.toFixed(3)})`);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});
