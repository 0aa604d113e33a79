// The learner's screens: the catalog's progress bar, time left and "Continue" (landing on the exact
// section and question left), the course page's module statuses, quiz score and certificate status,
// "My progress" with its figures and dates, and "About & privacy" — in English, then in Indonesian.
// Every screen is screenshotted (and checked not blank).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { clickWidget, courseModules, createLearner, findByRole, launch, mirror, screenshot, serve, settle,
         storeProgress, waitForPortal } from './lib.mjs';

let served;
before(async () => { served = await serve(); });
after(() => served.server.close());

const COURSE_EN = 'Protecting migrants in countries in crisis';
const COURSE_ID = 'Pelindungan migran di negara yang mengalami krisis';
const MODULE_EN = 'Migrants in crises and the MICIC Initiative';
const QUIZ_HASH = '#/course/micic/module/why-micic/section/check';
const QUESTION_4 = '4. During a flood, a provincial official of the host country tells you that your nationals can claim nothing under the MICIC Guidelines, because Indonesia never ratified them. He is right that the Guidelines are a treaty that must be ratified before they apply.';
const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
       'December'],
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November',
       'Desember'],
};

// Today as the portal writes it (dates are shown by the UTC day).
function today(lang) {
  const d = new Date();
  return `${d.getUTCDate()} ${MONTHS[lang][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

// The mirror's texts, in reading order.
async function texts(page) {
  await settle(page, 300);
  return page.evaluate(() => [...document.querySelectorAll('#mirror p')].map((e) => e.textContent));
}

async function headings(page) {
  await settle(page, 300);
  return page.evaluate(() => [...document.querySelectorAll('#mirror [role=heading]')]
    .map((e) => [Number(e.getAttribute('aria-level')), e.textContent]));
}

function hasText(list, pattern, what) {
  assert.ok(list.some((t) => pattern.test(t)), `${what}: no text matches ${pattern} in ${JSON.stringify(list, null, 1)}`);
  return list.find((t) => pattern.test(t));
}

async function progressValue(page, name) {
  return Number(await (await findByRole(page, 'progressbar', name)).getAttribute('aria-valuenow'));
}

// Scrolls with the mouse wheel, as a person would, until a widget is near the top of the window.
async function scrollTo(page, role, name) {
  const viewport = page.viewportSize();
  for (let i = 0; i < 20; i++) {
    const box = await (await findByRole(page, role, name)).boundingBox();
    if (box && box.y >= 0 && box.y < viewport.height / 3) return;
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    await page.mouse.wheel(0, Math.max(-600, Math.min(600, box.y - 120)));
    await settle(page, 200);
  }
}

async function inViewport(page, role, name) {
  await settle(page, 300);
  const box = await (await findByRole(page, role, name)).boundingBox();
  const viewport = page.viewportSize();
  return box && box.y >= 0 && box.y + box.height <= viewport.height;
}

test('progress shows on the catalog, Continue lands on the question left, and every learner screen shows its figures', async () => {
  const b = await launch();
  const page = b.page;
  try {
    await page.goto(served.url);
    await waitForPortal(page);
    await createLearner(page, 'Dewi');

    // A new learner: no progress bar, no Continue.
    await findByRole(page, 'button', `Open course: ${COURSE_EN}`);
    assert.equal(await mirror(page).getByRole('progressbar', { name: `Progress: ${COURSE_EN}` }).count(), 0);
    assert.equal(await mirror(page).getByRole('button', { name: `Continue: ${COURSE_EN}` }).count(), 0);

    // Course page before anything was done.
    await clickWidget(page, 'button', `Open course: ${COURSE_EN}`);
    await findByRole(page, 'heading', 'Your progress');
    let lines = await texts(page);
    assert.equal(lines.filter((t) => t === 'Status: not started').length, 7, 'seven modules, none started');
    hasText(lines, /^To earn your certificate, pass the quiz of every module with 70% or more\. Passed so far: 0 of 6\.$/,
            'certificate status');
    hasText(lines, /^0 of 7 modules completed · about \d+ minutes left$/, 'course figures');

    // Read part of the first module: its first two sections, then its quiz, answering question 4 only.
    await clickWidget(page, 'button', `Open module: ${MODULE_EN}`);
    await findByRole(page, 'heading', 'When crisis strikes where migrants live');
    await clickWidget(page, 'button', 'Next ›');
    await findByRole(page, 'heading', 'The MICIC Initiative');
    await clickWidget(page, 'link', '6. Check your understanding');
    await findByRole(page, 'heading', 'Check your understanding');
    await clickWidget(page, 'button', 'Start the quiz');
    await findByRole(page, 'heading', QUESTION_4);
    await clickWidget(page, 'radio', 'False');
    await page.waitForFunction(() => [...document.querySelectorAll('#mirror [role=radio]')]
      .some((e) => e.textContent === 'False' && e.getAttribute('aria-checked') === 'true'));

    // Back to the catalog through the links a learner would use.
    await clickWidget(page, 'link', `‹ Back to the course: ${COURSE_EN}`);
    await clickWidget(page, 'link', '‹ All courses');
    await findByRole(page, 'button', `Continue: ${COURSE_EN}`);
    const done = await progressValue(page, `Progress: ${COURSE_EN}`);
    assert.ok(done > 0 && done < 100, `the progress bar shows part done (${done}%)`);
    lines = await texts(page);
    const facts = hasText(lines, /^\d+% done · about \d+ minutes left$/, 'catalog figures');
    assert.equal(Number(facts.match(/^(\d+)%/)[1]), done, 'the text and the bar agree');
    hasText(lines, new RegExp(`^You stopped at: ${MODULE_EN} — Check your understanding$`), 'where the learner stopped');
    await screenshot(page, 'screens-catalog-en');

    // Continue: the exact section, scrolled to the question answered last.
    await clickWidget(page, 'button', `Continue: ${COURSE_EN}`);
    await page.waitForFunction((h) => location.hash === h, QUIZ_HASH);
    await findByRole(page, 'heading', 'Check your understanding');
    assert.ok(await inViewport(page, 'heading', QUESTION_4), 'question 4 is on screen after Continue');
    assert.equal(await (await findByRole(page, 'radio', 'False')).getAttribute('aria-checked'), 'true');
    await screenshot(page, 'screens-continue-en');

    // Submit with one answer of eight: a score, not a pass.
    await clickWidget(page, 'button', 'Submit quiz');
    const result = await findByRole(page, 'heading', /^Your score: \d+%$/);
    const score = Number((await result.textContent()).match(/(\d+)%/)[1]);
    assert.ok(score > 0 && score < 70, `one right answer of eight scores low (${score}%)`);

    // Course page: statuses, the score, pass/fail, the certificate line.
    await clickWidget(page, 'link', `‹ Back to the course: ${COURSE_EN}`);
    await findByRole(page, 'heading', 'Your progress');
    lines = await texts(page);
    hasText(lines, /^Status: in progress · 3 of 7 sections read · about \d+ minutes left$/, 'the first module');
    assert.equal(lines.filter((t) => t === 'Status: not started').length, 6, 'the other six not started');
    hasText(lines, new RegExp(`^Quiz: best score ${score}%, latest ${score}%, attempts: 1 · not passed yet \\(pass mark 70%\\)$`),
            'the quiz score');
    hasText(lines, /^Quiz: not taken yet$/, 'untaken quizzes');
    hasText(lines, /Passed so far: 0 of 6\.$/, 'certificate status');
    assert.ok(await findByRole(page, 'button', 'Continue where you stopped'));
    const levels = (await headings(page)).map(([level]) => level);
    for (let i = 1; i < levels.length; i++)
      assert.ok(levels[i] <= levels[i - 1] + 1, `heading levels never skip: ${JSON.stringify(await headings(page))}`);
    await screenshot(page, 'screens-course-en');
    await scrollTo(page, 'heading', MODULE_EN);
    await screenshot(page, 'screens-course-modules-en');

    // My progress, from the learner bar.
    await clickWidget(page, 'link', 'My progress');
    await page.waitForFunction(() => location.hash === '#/progress');
    await findByRole(page, 'heading', 'My progress');
    const progressHeadings = await headings(page);
    for (const course of [COURSE_EN, 'Countering trafficking in persons — the 3P approach'])
      assert.ok(progressHeadings.some(([l, t]) => l === 3 && t === course), `course heading ${course}`);
    assert.ok(progressHeadings.some(([l, t]) => l === 4 && t === MODULE_EN), 'module heading');
    assert.equal(await progressValue(page, `Progress: ${COURSE_EN}`), done);
    lines = await texts(page);
    hasText(lines, /^\d+% done · 0 of 7 modules completed · about \d+ minutes left$/, 'course figures');
    hasText(lines, new RegExp(`^Quiz: best score ${score}%, latest ${score}%, attempts: 1 · not passed yet`), 'score and attempts');
    hasText(lines, new RegExp(`^First opened ${today('en')} · last activity ${today('en')}$`), 'dates');
    assert.ok(lines.filter((t) => t === 'Not started yet.').length >= 2, 'untouched courses say so');
    await screenshot(page, 'screens-progress-en');

    // About & privacy, from the learner bar; its link goes to the data section of Settings.
    await clickWidget(page, 'link', 'About & privacy');
    await page.waitForFunction(() => location.hash === '#/about');
    const about = (await headings(page)).map(([, t]) => t);
    for (const h of ['About & privacy', 'What Siaga is', 'What Siaga saves', 'Where it is saved', 'What leaves this device',
                     'How to remove it', 'Where the courses come from'])
      assert.ok(about.includes(h), `About heading "${h}" in ${JSON.stringify(about)}`);
    lines = await texts(page);
    hasText(lines, /^Siaga version \d+\.\d+\.\d+$/, 'version');
    hasText(lines, /hashed with a random salt/, 'the PIN');
    await screenshot(page, 'screens-about-en');
    await clickWidget(page, 'link', 'Go to Settings: your data');
    await page.waitForFunction(() => location.hash === '#/settings');
    assert.ok(await inViewport(page, 'heading', 'Your data'), 'Settings opens at "Your data"');
    assert.deepEqual(b.problems, []);

    // The same screens in Indonesian.
    await clickWidget(page, 'button', 'Bahasa Indonesia');
    await findByRole(page, 'heading', 'Data Anda');
    await clickWidget(page, 'link', '‹ Semua kursus');
    await findByRole(page, 'button', `Lanjutkan: ${COURSE_ID}`);
    assert.equal(await progressValue(page, `Kemajuan: ${COURSE_ID}`), done);
    lines = await texts(page);
    hasText(lines, /^\d+% selesai · sekitar \d+ menit lagi$/, 'Indonesian catalog figures');
    await screenshot(page, 'screens-catalog-id');

    await clickWidget(page, 'button', `Buka kursus: ${COURSE_ID}`);
    await findByRole(page, 'heading', 'Kemajuan Anda');
    lines = await texts(page);
    hasText(lines, /^Status: sedang dipelajari · 3 dari 7 bagian sudah dibaca · sekitar \d+ menit lagi$/, 'Indonesian status');
    hasText(lines, new RegExp(`^Kuis: nilai terbaik ${score}%, terakhir ${score}%, percobaan: 1 · belum lulus \\(batas lulus 70%\\)$`),
            'Indonesian score');
    hasText(lines, /^Untuk mendapatkan sertifikat, luluskan kuis setiap modul dengan nilai minimal 70%\. Sudah lulus: 0 dari 6\.$/,
            'Indonesian certificate status');
    await screenshot(page, 'screens-course-id');
    await scrollTo(page, 'heading', 'Migran dalam krisis dan Inisiatif MICIC');
    await screenshot(page, 'screens-course-modules-id');

    await clickWidget(page, 'link', 'Kemajuan saya');
    await findByRole(page, 'heading', 'Kemajuan saya');
    lines = await texts(page);
    hasText(lines, new RegExp(`^Pertama dibuka ${today('id')} · kegiatan terakhir ${today('id')}$`), 'Indonesian dates');
    await screenshot(page, 'screens-progress-id');

    await clickWidget(page, 'link', 'Tentang & privasi');
    const aboutId = (await headings(page)).map(([, t]) => t);
    for (const h of ['Tentang & privasi', 'Apa itu Siaga', 'Apa yang disimpan Siaga', 'Di mana data disimpan',
                     'Apa yang keluar dari perangkat ini', 'Cara menghapusnya', 'Dari mana isi kursus berasal'])
      assert.ok(aboutId.includes(h), `Indonesian About heading "${h}"`);
    await screenshot(page, 'screens-about-id');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('progress saved before the resume question existed (schema 2) still loads and Continue lands on its section', async () => {
  const b = await launch();
  const page = b.page;
  try {
    await page.goto(served.url);
    await waitForPortal(page);
    await createLearner(page, 'Lama');
    // Replace the learner's record with one in the old shape (schema 2, checksum of that shape), as an
    // older Siaga saved it, then reload.
    await page.evaluate(async () => {
      const id = JSON.parse(localStorage.getItem('siaga.profiles')).profiles[0].id;
      const sort = (v) => Array.isArray(v) ? v.map(sort)
        : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])])) : v;
      const record = sort({ schema: 2, profile: id, attempts: [], courses: { micic: { completed_at: 0, modules: {
        'why-micic': { sections: { vulnerability: 1700000000000, initiative: 1700000060000 },
                       last_section: 'initiative', last_visited_at: 1700000060000 } } } } });
      const bytes = new TextEncoder().encode(JSON.stringify(record));
      const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
        .map((x) => x.toString(16).padStart(2, '0')).join('');
      localStorage.setItem('siaga.progress.' + id, JSON.stringify(sort({ ...record, checksum: digest })));
    });
    await page.reload();
    await waitForPortal(page);
    await findByRole(page, 'button', `Continue: ${COURSE_EN}`);
    assert.equal(await mirror(page).getByRole('alert').filter({ hasText: /set aside|damaged/ }).count(), 0,
                 'the old record is read, not set aside');
    const lines = await texts(page);
    hasText(lines, new RegExp(`^You stopped at: ${MODULE_EN} — The MICIC Initiative$`), 'the old resume point');
    await clickWidget(page, 'button', `Continue: ${COURSE_EN}`);
    await page.waitForFunction(() => location.hash === '#/course/micic/module/why-micic/section/initiative');
    await findByRole(page, 'heading', 'The MICIC Initiative');
    // Reading on saves the record again, in the current schema, keeping what the old one held.
    await clickWidget(page, 'button', 'Next ›');
    await findByRole(page, 'heading', 'The Guidelines');
    await page.waitForFunction(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('siaga.progress.'));
      const record = key && JSON.parse(localStorage.getItem(key));
      return record && record.schema === 3 && record.courses.micic.modules['why-micic'].sections.vulnerability === 1700000000000;
    });
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('on a phone the learner bar wraps, and My progress and About fit the narrow screen', async () => {
  const b = await launch({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const page = b.page;
  try {
    await page.goto(served.url);
    await waitForPortal(page);
    await createLearner(page, 'Rina');
    await findByRole(page, 'button', `Open course: ${COURSE_EN}`);
    for (const name of ['Settings', 'For facilitators', 'My progress', 'About & privacy']) {
      const box = await (await findByRole(page, 'link', name)).boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 390, `link "${name}" fits the width (${JSON.stringify(box)})`);
      assert.ok(box.height >= 44, `link "${name}" is a touch target of 44 px or more`);
    }
    await clickWidget(page, 'link', 'My progress');
    await findByRole(page, 'heading', 'My progress');
    const bar = await (await findByRole(page, 'progressbar', `Progress: ${COURSE_EN}`)).boundingBox();
    assert.ok(bar.x >= 0 && bar.x + bar.width <= 390, 'progress bars fit the width');
    await screenshot(page, 'screens-progress-phone');
    await clickWidget(page, 'link', 'About & privacy');
    await findByRole(page, 'heading', 'What Siaga saves');
    await screenshot(page, 'screens-about-phone');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

// Every module of a course as the content files define it: id, section ids, graded quiz ids.
test('a finished course: every module completed, the certificate ready, the completion date shown', async () => {
  const modules = await courseModules('micic');
  const DAY = Date.UTC(2025, 11, 3, 10, 0, 0);  // 3 December 2025
  const courses = { micic: { completed_at: DAY, modules: {} } };
  const attempts = [];
  for (const m of modules) {
    courses.micic.modules[m.id] = {
      sections: Object.fromEntries(m.sections.map((id) => [id, DAY])),
      last_section: m.sections.at(-1), last_question: '', last_visited_at: DAY,
    };
    m.graded.forEach((quiz, i) => attempts.push({
      id: `done-${m.id}-${i}`, course: 'micic', module: m.id, quiz, seed: '0000000000000001', mode: 'practice',
      started_at: DAY, finished_at: DAY + 1000, updated_at: DAY + 1000, submitted: true, score: 0.9, answers: {},
    }));
  }
  assert.equal(attempts.length, 6, 'six graded quizzes in the MICIC course');
  const b = await launch();
  const page = b.page;
  try {
    await page.goto(served.url);
    await waitForPortal(page);
    await createLearner(page, 'Tuntas');
    await storeProgress(page, { schema: 3, courses, attempts });
    await page.reload();
    await waitForPortal(page);
    await findByRole(page, 'button', `Continue: ${COURSE_EN}`);
    assert.equal(await progressValue(page, `Progress: ${COURSE_EN}`), 100);
    hasText(await texts(page), /^Finished: every module is completed\.$/, 'catalog');
    await clickWidget(page, 'button', `Open course: ${COURSE_EN}`);
    await findByRole(page, 'heading', 'Your progress');
    let lines = await texts(page);
    hasText(lines, /^Certificate ready: you passed every quiz of this course \(score 90%\)\.$/, 'certificate');
    hasText(lines, /^Finished: every module is completed\.$/, 'course figures');
    assert.equal(lines.filter((t) => t === 'Status: completed').length, 7);
    assert.equal(lines.filter((t) => t === 'Quiz: best score 90%, latest 90%, attempts: 1 · passed (pass mark 70%)').length, 6);
    await screenshot(page, 'screens-course-complete-en');
    await clickWidget(page, 'link', 'My progress');
    await findByRole(page, 'heading', 'My progress');
    lines = await texts(page);
    hasText(lines, /^Course completed on 3 December 2025\.$/, 'completion date');
    hasText(lines, /^100% done · 7 of 7 modules completed$/, 'course figures');
    hasText(lines, /^First opened 3 December 2025 · last activity 3 December 2025$/, 'module dates');
    await scrollTo(page, 'heading', COURSE_EN);
    await screenshot(page, 'screens-progress-complete-en');
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});
