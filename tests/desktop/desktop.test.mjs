// desktop.test.mjs — the desktop window (build/native/siaga-desktop) on a virtual X display: it shows the
// first screen, draws nothing while idle, takes real mouse clicks and typing (xdotool), remembers the
// language and the learner across a restart, and quits cleanly when asked to.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, statSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPpm, colourStats, toPng } from './ppm.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BINARY = process.env.SIAGA_DESKTOP || join(ROOT, 'build/native/siaga-desktop');
const OUT = join(ROOT, 'test-output');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let xvfb;
let display;
const work = mkdtempSync(join(tmpdir(), 'siaga-desktop-'));

before(async () => {
  mkdirSync(OUT, { recursive: true });
  // -displayfd: Xvfb picks a free display and writes its number to fd 3 once it is ready.
  xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1400x900x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  display = await new Promise((resolve, reject) => {
    let text = '';
    xvfb.stdio[3].on('data', (d) => { text += d; if (text.includes('\n')) resolve(`:${text.trim()}`); });
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
    setTimeout(() => reject(new Error('Xvfb did not start in 10 s')), 10_000);
  });
});

after(() => {
  xvfb?.kill();
  rmSync(work, { recursive: true, force: true });
});

function start(name) {
  const files = { tree: join(work, `${name}-tree.json`), shot: join(work, `${name}.ppm`) };
  const child = spawn(BINARY, ['--data', join(work, 'data'), '--downloads', join(work, 'downloads'),
    '--tree', files.tree, '--screenshot', files.shot, '--size', '1280x800'],
  { env: { ...process.env, DISPLAY: display, LIBGL_ALWAYS_SOFTWARE: '1', LANG: 'en_GB.UTF-8' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, files, exited, log: () => log };
}

function readTree(app) {
  try {
    return JSON.parse(readFileSync(app.files.tree, 'utf8'));
  } catch {
    return null;  // not written yet
  }
}

async function waitForTree(app, predicate, what) {
  const deadline = Date.now() + 20_000;
  let tree = null;
  while (Date.now() < deadline) {
    tree = readTree(app);
    if (tree && predicate(tree)) return tree;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}; last tree: ${JSON.stringify(tree)?.slice(0, 600)}\n${app.log()}`);
}

const node = (tree, role, name) => tree.nodes.find((n) => n.r === role && n.n === name);
const hasHeading = (name) => (tree) => Boolean(node(tree, 'heading', name));

function windowId() {
  return execFileSync('xdotool', ['search', '--sync', '--name', '^Siaga$'], { env: { ...process.env, DISPLAY: display } })
    .toString().trim().split('\n')[0];
}

function xdo(...args) {
  execFileSync('xdotool', args, { env: { ...process.env, DISPLAY: display } });
}

async function click(app, tree, role, name) {
  const target = node(tree, role, name);
  assert.ok(target, `no ${role} "${name}" on screen`);
  xdo('mousemove', '--window', windowId(), String(Math.round(target.x + target.w / 2)), String(Math.round(target.y + target.h / 2)));
  await sleep(100);
  xdo('click', '1');
}

async function screenshot(app, file) {
  await sleep(300);  // let the last frames be drawn
  const frame = readPpm(readFileSync(app.files.shot));
  writeFileSync(join(OUT, file), toPng(frame));
  const stats = colourStats(frame);
  assert.ok(stats.colours >= 8 && stats.topShare < 0.995, `${file} looks blank: ${JSON.stringify(stats)}`);
  return frame;
}

function cpuTicks(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);  // utime + stime, in clock ticks
}

test('desktop window: first screen, idle, language by click, a learner by typing, restart', async () => {
  const app = start('first');
  try {
    const first = await waitForTree(app, hasHeading('Who is learning?'), 'the first screen');
    assert.equal(first.lang, 'en');
    await screenshot(app, 'desktop-1-first-screen.png');

    // Idle: no frame is drawn (each drawn frame rewrites the screenshot) and almost no CPU is used.
    const shotTime = statSync(app.files.shot).mtimeMs;
    const ticks = cpuTicks(app.child.pid);
    await sleep(2000);
    assert.equal(statSync(app.files.shot).mtimeMs, shotTime, 'the idle window kept drawing frames');
    assert.ok(cpuTicks(app.child.pid) - ticks <= 3, 'the idle window used CPU');

    await click(app, first, 'button', 'Bahasa Indonesia');
    const indonesian = await waitForTree(app, (t) => t.lang === 'id' && hasHeading('Siapa yang belajar?')(t), 'Indonesian');
    await screenshot(app, 'desktop-2-indonesian.png');

    const field = indonesian.nodes.find((n) => n.r === 'textbox');
    assert.ok(field, 'no name field');
    await click(app, indonesian, 'textbox', field.n);
    await sleep(200);
    xdo('type', '--delay', '60', 'Ayu');
    await sleep(300);
    await click(app, readTree(app), 'button', 'Mulai belajar');
    const catalog = await waitForTree(app, hasHeading('Kursus'), 'the catalog');
    assert.ok(JSON.stringify(catalog).includes('Ayu'), 'the typed name is not the learner shown');
    await screenshot(app, 'desktop-3-catalog.png');

    app.child.kill('SIGTERM');  // SDL turns it into a quit event: the window closes normally
    const end = await app.exited;
    assert.deepEqual(end, { code: 0, signal: null }, app.log());
  } finally {
    app.child.kill('SIGKILL');
  }

  const again = start('again');
  try {
    const tree = await waitForTree(again, hasHeading('Kursus'), 'the catalog after a restart');
    assert.equal(tree.lang, 'id');
    assert.ok(JSON.stringify(tree).includes('Ayu'), 'the learner is not shown after a restart');
  } finally {
    again.child.kill('SIGTERM');
    await again.exited;
  }
});
