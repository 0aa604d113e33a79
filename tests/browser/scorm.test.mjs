// SCORM 1.2: the package built by tools/package-scorm.sh, run inside an LMS page whose API is
// scorm-again's real SCORM 1.2 runtime (tests/browser/scorm-host.*). The learner takes a module quiz in
// the course the LMS launched; the test checks what the LMS received (status, score, suspend data,
// commits, session time, finish) and that a second launch resumes from the suspend data alone.
// Without an LMS the same package runs on its own, and a portal not launched as a SCO never touches an
// LMS API it happens to see.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { ROOT, clickWidget, findByRole, launch, mirror, screenshot, settle, waitForPortal, writeOutput } from './lib.mjs';

const ZIP = join(ROOT, 'build/siaga-scorm.zip');
const COURSE = 'micic';
const LAUNCH = `course/index.html?scorm=1&course=${COURSE}#/course/${COURSE}`;  // the manifest's href, under course/
const QUIZ_ROUTE = `#/course/${COURSE}/module/why-micic/section/check`;
const GRADED_QUIZZES = 6;  // the micic course's module quizzes; the workshop pre/posttest are not graded

let site, server, base;

// One origin, as SCORM requires: the LMS page at /, the unzipped package under /course/.
before(async () => {
  execFileSync(join(ROOT, 'tools/package-scorm.sh'), ['--no-build'], { stdio: 'pipe' });
  site = await mkdtemp(join(tmpdir(), 'siaga-lms-'));
  execFileSync('python3', ['-m', 'zipfile', '-e', ZIP, join(site, 'course')]);  // Python's zipfile: no unzip needed
  for (const file of ['scorm-host.html', 'scorm-host.js']) await cp(join(ROOT, 'tests/browser', file), join(site, file));
  await cp(join(ROOT, 'node_modules/scorm-again/dist/scorm12.min.js'), join(site, 'scorm12.min.js'));
  server = await startServer(site, 0);
  base = `http://127.0.0.1:${server.address().port}/`;
});
after(async () => {
  server?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

function watchConsole(page) {
  const warnings = [];
  page.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
  return warnings;
}

// Opens the LMS page, seeds it, and launches a SCO in its iframe; resolves with the SCO's frame.
async function openInLms(page, options) {
  await page.goto(base + 'scorm-host.html');
  await page.waitForFunction(() => window.siagaHost && window.Scorm12API);
  await page.evaluate((o) => siagaHost.start(o), options);
  const frame = await (await page.$('#sco')).contentFrame();
  await frame.waitForURL(/\/course\/index\.html/);
  await waitForPortal(frame);
  return frame;
}

const lmsLog = (page) => page.evaluate(() => siagaHost.log);
const setValues = (log, element) => log.filter((e) => e.call === 'LMSSetValue' && e.args[0] === element).map((e) => e.args[1]);

async function waitForCall(page, predicate, what, timeout = 20000) {
  const until = Date.now() + timeout;
  for (;;) {
    const log = await lmsLog(page);
    if (log.some(predicate)) return log;
    if (Date.now() > until) assert.fail(`the LMS never received ${what}; it received: ${JSON.stringify(log.map((e) => [e.call, ...e.args]))}`);
    await page.waitForTimeout(200);
  }
}

// lib.mjs's clickWidget for a widget of the portal inside the LMS's iframe: scrolls the iframe's canvas
// with the wheel until the widget shows, then clicks the canvas there with the real mouse.
async function clickInFrame(page, frame, locator, what) {
  await locator.waitFor({ state: 'attached', timeout: 20000 });
  const area = await (await frame.frameElement()).boundingBox();
  const visible = (box) => box && box.y >= area.y && box.y + box.height <= area.y + area.height;
  let box = await locator.boundingBox();
  for (let i = 0; i < 40 && box && !visible(box); i++) {
    await page.mouse.move(area.x + area.width / 2, area.y + area.height / 2);
    await page.mouse.wheel(0, Math.max(-500, Math.min(500, box.y - (area.y + area.height / 2))));
    await page.waitForTimeout(150);
    box = await locator.boundingBox();
  }
  assert.ok(box && box.width > 0 && box.height > 0, `${what} has no rectangle`);
  assert.ok(visible(box), `${what} could not be scrolled into view`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

const button = (frame, name) => mirror(frame).getByRole('button', { name, exact: true });

// Takes the why-micic practice quiz: every question gets its first option (or "10" typed), then
// "Submit quiz". Resolves with the score the portal shows.
async function takeModuleQuiz(page, frame) {
  await frame.evaluate((hash) => { location.hash = hash; }, QUIZ_ROUTE);
  await clickInFrame(page, frame, button(frame, 'Start the quiz'), 'button "Start the quiz"');
  await button(frame, 'Submit quiz').waitFor({ state: 'attached', timeout: 20000 });
  const nodes = () => mirror(frame).evaluate((root) => Array.from(root.children, (el) => ({ r: el.siagaNode.r, n: el.siagaNode.n })));
  const questions = (await nodes()).filter((node) => node.r === 'heading' && /^\d+\. /.test(node.n)).length;
  assert.ok(questions >= 5, `the quiz shows its questions (${questions})`);
  for (let q = 1; q <= questions; q++) {
    const list = await nodes();
    const start = list.findIndex((node) => node.r === 'heading' && node.n.startsWith(`${q}. `));
    const index = list.findIndex((node, i) => i > start && ['radio', 'checkbox', 'textbox'].includes(node.r));
    const target = list[index];
    const same = list.slice(0, index).filter((node) => node.r === target.r && node.n === target.n).length;
    const locator = target.r === 'textbox' ? mirror(frame).locator('input').nth(list.slice(0, index).filter((node) => node.r === 'textbox').length)
                                           : mirror(frame).getByRole(target.r, { name: target.n, exact: true }).nth(same);
    await clickInFrame(page, frame, locator, `question ${q}: ${target.r} "${target.n}"`);
    if (target.r === 'textbox') {
      await page.keyboard.type('10', { delay: 30 });
      await page.keyboard.press('Enter');
    }
    await settle(frame, 200);
  }
  await clickInFrame(page, frame, button(frame, 'Submit quiz'), 'button "Submit quiz"');
  const result = await findByRole(frame, 'heading', /^Your score: \d+%$/);
  return Number((await result.textContent()).match(/(\d+)%/)[1]);
}

test('the package holds the portal and a SCORM 1.2 manifest with one SCO per course', async () => {
  const listing = execFileSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', ZIP],
                               { encoding: 'utf8' }).trim().split('\n');
  const courses = readdirSync(join(ROOT, 'content/en'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const b = await launch();
  try {
    await b.page.goto(base + 'scorm-host.html');
    const manifest = await b.page.evaluate(async () => {
      const xml = new DOMParser().parseFromString(await (await fetch('course/imsmanifest.xml')).text(), 'application/xml');
      const adlcp = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
      return {
        parseError: xml.querySelector('parsererror')?.textContent || '',
        namespace: xml.documentElement.namespaceURI,
        schema: xml.querySelector('metadata > schema')?.textContent,
        version: xml.querySelector('metadata > schemaversion')?.textContent,
        organizations: xml.querySelectorAll('organizations > organization').length,
        items: Array.from(xml.querySelectorAll('organization > item'), (item) => ({
          ref: item.getAttribute('identifierref'), title: item.querySelector('title').textContent })),
        resources: Array.from(xml.querySelectorAll('resources > resource'), (r) => ({
          id: r.getAttribute('identifier'), type: r.getAttributeNS(adlcp, 'scormtype'), href: r.getAttribute('href'),
          files: Array.from(r.querySelectorAll('file'), (f) => f.getAttribute('href')) })),
      };
    });
    assert.equal(manifest.parseError, '');
    assert.equal(manifest.namespace, 'http://www.imsproject.org/xsd/imscp_rootv1p1p2');
    assert.equal(manifest.schema, 'ADL SCORM');
    assert.equal(manifest.version, '1.2');
    assert.equal(manifest.organizations, 1);
    assert.deepEqual(manifest.items.map((item) => item.ref), courses.map((id) => `sco-${id}`));
    assert.ok(manifest.items.some((item) => item.title === 'Protecting migrants in countries in crisis'));
    for (const [i, id] of courses.entries()) {
      const resource = manifest.resources[i];
      assert.deepEqual([resource.id, resource.type, resource.href], [`sco-${id}`, 'sco', `index.html?scorm=1&course=${id}#/course/${id}`]);
      assert.deepEqual(resource.files, listing.filter((f) => f !== 'imsmanifest.xml'));
    }
    for (const needed of ['imsmanifest.xml', 'index.html', 'scorm.js', 'bridge.js', 'loader.js', 'siaga.js', 'siaga.wasm', 'content-en.pack'])
      assert.ok(listing.includes(needed), `the zip holds ${needed}`);
    assert.deepEqual(listing.filter((f) => /\.(br|gz)$/.test(f) || f.includes('/')), [], 'no precompressed copies, nothing in folders');
  } finally { await b.close(); }
});

test('without an LMS the packaged portal runs on its own', async () => {
  const b = await launch();
  const warnings = watchConsole(b.page);
  try {
    await b.page.goto(base + LAUNCH);
    await waitForPortal(b.page);
    // As before SCORM: the device's learners first, then the course.
    await clickWidget(b.page, 'link', 'Just look around (nothing is saved)');
    await findByRole(b.page, 'heading', 'Protecting migrants in countries in crisis');
    assert.equal(await b.page.evaluate(() => SiagaScorm.connected()), false);
    assert.equal(await b.page.evaluate(() => SiagaScorm.resumeData()), '');
    assert.equal(await b.page.evaluate(() => SiagaScorm.report({ lessonStatus: 'passed', scoreRaw: 90, suspendData: 'S1:x' })), false);
    assert.ok(warnings.some((w) => w.includes('no LMS API was found')), `warnings: ${warnings}`);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('a portal not launched as a SCO leaves an LMS API on the page alone', async () => {
  const b = await launch();
  try {
    const frame = await openInLms(b.page, { launch: `course/index.html#/course/${COURSE}` });
    const lookAround = mirror(frame).getByRole('link', { name: 'Just look around (nothing is saved)', exact: true });
    await clickInFrame(b.page, frame, lookAround, 'link "Just look around"');
    await findByRole(frame, 'heading', 'Protecting migrants in countries in crisis');
    await settle(frame);
    // Without ?scorm=1 the LMS side is not even downloaded (web/loader.js).
    assert.equal(await frame.evaluate(() => typeof window.SiagaScorm), 'undefined');
    assert.equal(await frame.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/scorm.js'))), false);
    await b.page.evaluate(() => siagaHost.unload());
    await b.page.waitForTimeout(500);
    assert.deepEqual(await lmsLog(b.page), []);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('the bridge refuses suspend data over 4,096 characters and warns instead of throwing', async () => {
  const b = await launch();
  const warnings = watchConsole(b.page);
  try {
    const frame = await openInLms(b.page, { launch: LAUNCH });
    const before = (await lmsLog(b.page)).length;
    const results = await frame.evaluate(() => [
      SiagaScorm.report({ lessonStatus: 'incomplete', scoreRaw: -1, suspendData: 'S'.repeat(4097) }),
      SiagaScorm.report({ lessonStatus: 'finished', scoreRaw: -1 }),
    ]);
    assert.deepEqual(results, [false, false]);
    const calls = (await lmsLog(b.page)).slice(before);
    assert.deepEqual(setValues(calls, 'cmi.suspend_data'), [], 'the LMS never got the oversized suspend data');
    assert.ok(warnings.some((w) => w.includes('4097 characters refused')), `warnings: ${warnings}`);
    assert.ok(warnings.some((w) => w.includes('not a lesson status')), `warnings: ${warnings}`);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('the bridge hands a report to the LMS, commits it, and ends a passed session without suspending', async () => {
  const b = await launch();
  try {
    const frame = await openInLms(b.page, { launch: LAUNCH });
    await settle(frame);
    const before = (await lmsLog(b.page)).length;
    assert.equal(await frame.evaluate(() => SiagaScorm.report({ lessonStatus: 'passed', scoreRaw: 83, suspendData: 'S1:test' })), true);
    const calls = (await lmsLog(b.page)).slice(before);
    assert.deepEqual(calls.map((e) => [e.call, ...e.args, e.result]), [
      ['LMSSetValue', 'cmi.core.lesson_status', 'passed', 'true'],
      ['LMSSetValue', 'cmi.core.score.min', '0', 'true'],
      ['LMSSetValue', 'cmi.core.score.max', '100', 'true'],
      ['LMSSetValue', 'cmi.core.score.raw', '83', 'true'],
      ['LMSSetValue', 'cmi.suspend_data', 'S1:test', 'true'],
      ['LMSCommit', '', 'true'],
    ]);
    // The same report again changes nothing, so it costs the LMS nothing.
    assert.equal(await frame.evaluate(() => SiagaScorm.report({ lessonStatus: 'passed', scoreRaw: 83, suspendData: 'S1:test' })), true);
    assert.equal((await lmsLog(b.page)).length, before + calls.length);
    // A pass the LMS holds is never taken back (say the suspend data could not be read next time).
    await frame.evaluate(() => SiagaScorm.report({ lessonStatus: 'incomplete', scoreRaw: 83, suspendData: 'S1:test' }));
    assert.equal((await lmsLog(b.page)).length, before + calls.length);

    await b.page.evaluate(() => siagaHost.unload());
    const log = await waitForCall(b.page, (e) => e.call === 'LMSFinish', 'LMSFinish');
    assert.deepEqual(setValues(log, 'cmi.core.exit'), ['']);
    const finished = log.at(-1).cmi.cmi;
    assert.deepEqual([finished.core.lesson_status, finished.core.score.raw, finished.suspend_data], ['passed', '83', 'S1:test']);
    assert.match(finished.core.session_time, /^\d+:\d\d:\d\d/);
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('in an LMS the course reports its status, score and suspend data, commits each change and finishes', async () => {
  const b = await launch();
  try {
    const frame = await openInLms(b.page, { launch: LAUNCH });
    assert.equal(await frame.evaluate(() => SiagaScorm.connected()), true);
    assert.equal(await frame.evaluate(() => SiagaScorm.course()), COURSE);
    let log = await waitForCall(b.page, (e) => e.call === 'LMSCommit', 'a first commit');
    assert.deepEqual([log[0].call, log[0].result], ['LMSInitialize', 'true']);
    assert.equal(setValues(log, 'cmi.core.lesson_status')[0], 'incomplete');
    assert.equal(log.find((e) => e.call === 'LMSCommit').cmi.cmi.core.lesson_status, 'incomplete');

    const percent = await takeModuleQuiz(b.page, frame);
    await settle(frame);
    await screenshot(b.page, 'scorm-quiz-result-in-lms');
    log = await waitForCall(b.page, (e) => e.call === 'LMSSetValue' && e.args[0] === 'cmi.core.score.raw', 'a score');
    const committed = log.filter((e) => e.call === 'LMSCommit').at(-1).cmi.cmi;
    // One of six graded quizzes submitted: still incomplete, the score counts the others as 0.
    assert.equal(committed.core.lesson_status, 'incomplete');
    assert.ok(Math.abs(Number(committed.core.score.raw) - percent / GRADED_QUIZZES) <= 1,
              `score.raw ${committed.core.score.raw} for ${percent}% in one of ${GRADED_QUIZZES} quizzes`);
    assert.deepEqual([committed.core.score.min, committed.core.score.max], ['0', '100']);
    assert.ok(committed.suspend_data.startsWith(`S1:${COURSE}:`), committed.suspend_data);
    assert.ok(committed.suspend_data.includes('q-why-micic'), 'the attempt is in the suspend data');
    assert.ok(committed.suspend_data.length <= 4096);
    assert.ok(/^[\x20-\x7e]*$/.test(committed.suspend_data), 'printable ASCII only');
    // Every change is committed: after each LMSSetValue a commit follows, and the LMS accepted all calls.
    const lastSet = log.findLastIndex((e) => e.call === 'LMSSetValue');
    assert.ok(log.slice(lastSet).some((e) => e.call === 'LMSCommit'), 'the last change was committed');
    assert.deepEqual(log.filter((e) => e.call !== 'LMSGetValue' && e.result !== 'true'), []);

    await b.page.evaluate(() => siagaHost.unload());
    log = await waitForCall(b.page, (e) => e.call === 'LMSFinish', 'LMSFinish');
    const sessionTime = setValues(log, 'cmi.core.session_time');
    assert.equal(sessionTime.length, 1);
    assert.match(sessionTime[0], /^\d{4}:[0-5]\d:[0-5]\d\.\d\d$/);
    assert.deepEqual(setValues(log, 'cmi.core.exit'), ['suspend']);
    assert.deepEqual(log.slice(-2).map((e) => [e.call, e.result]), [['LMSCommit', 'true'], ['LMSFinish', 'true']]);
    await writeOutput('scorm-lms-log.json', JSON.stringify(log, null, 2));
    assert.deepEqual(b.problems, []);
  } finally { await b.close(); }
});

test('a second launch resumes from the suspend data the LMS kept', async () => {
  // First launch: take the quiz, leave; the LMS keeps the suspend data.
  const first = await launch();
  let suspendData, percent;
  try {
    const frame = await openInLms(first.page, { launch: LAUNCH });
    percent = await takeModuleQuiz(first.page, frame);
    await first.page.evaluate(() => siagaHost.unload());
    const log = await waitForCall(first.page, (e) => e.call === 'LMSFinish', 'LMSFinish');
    suspendData = log.at(-1).cmi.cmi.suspend_data;
    assert.ok(suspendData.includes('q-why-micic'));
  } finally { await first.close(); }

  // Second launch on another device (nothing in browser storage): only the LMS's copy can restore it.
  const second = await launch();
  try {
    const frame = await openInLms(second.page, { launch: LAUNCH, suspendData });
    assert.equal(await frame.evaluate(() => SiagaScorm.resumeData()), suspendData);
    await frame.evaluate((hash) => { location.hash = hash; }, QUIZ_ROUTE);
    await findByRole(frame, 'heading', `Your score: ${percent}%`);
    assert.equal(await button(frame, 'Start the quiz').count(), 0, 'the quiz shows as done, not as new');
    await settle(frame);
    await screenshot(second.page, 'scorm-resumed-in-lms');
    const log = await lmsLog(second.page);
    assert.ok(setValues(log, 'cmi.suspend_data').every((data) => data.includes('q-why-micic')),
              'the resumed course never overwrote the kept attempt');
    assert.deepEqual(second.problems, []);
  } finally { await second.close(); }
});
