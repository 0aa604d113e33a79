// run.mjs — the benchmark's measurements (tools/bench.sh builds everything first, then runs this).
// Prints one table and writes it, with the machine, the date and the details, to docs/benchmarks.md.
//
//   node --experimental-websocket tests/bench/run.mjs --dist DIR --reference DIR --pack-tool FILE
//        --make-device FILE [--out FILE] [--loads N] [--fuzz-summary FILE] [--wasm-breakdown FILE]
//        [--names DIR --web-build DIR]   (siaga.js/.wasm linked with names, and build/web: frame profile)
//
// [SECTION] Set-up
// [SECTION] Measurements
// [SECTION] Table and report
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { constants, brotliCompressSync, gzipSync } from 'node:zlib';
import { startServer } from '../../tools/serve.mjs';
import { clickWidget, settle } from '../browser/lib.mjs';
import { PHONE, SLOW_LINK, VIEWPORT, coldLoads, driveAndCollectFrameTimes, idleCost, load, openBrowser, withLoadedPage } from './browser.mjs';
import { distWithPack, scaledContent, syntheticContent } from './content.mjs';
import { makeClassifier } from './wasm-breakdown.mjs';

// [SECTION] Set-up ------------------------------------------------------------------------------------

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const options = { out: join(ROOT, 'docs/benchmarks.md'), loads: '10' };
for (let i = 2; i < process.argv.length; i += 2) options[process.argv[i].replace(/^--/, '').replace(/-(.)/g, (_, c) => c.toUpperCase())] = process.argv[i + 1];
for (const required of ['dist', 'reference', 'packTool', 'makeDevice'])
  if (!options[required]) throw new Error(`run.mjs: --${required.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())} is required`);
const LOADS = Number(options.loads);
const IDLE_SECONDS = 10;
const SCALE_LOADS = 3;
const PROFILES = 50;
const WORK = join(ROOT, 'build/bench/work');
const started = Date.now();
const log = (...args) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...args);

const median = (values) => {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values, p) => {  // nearest rank
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] : null;
};

async function serve(dir) {
  const server = await startServer(dir, 0);
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

// Storage of a device with `count` learners (tests/bench/make_device.cpp), the first one signed in.
async function deviceRecords(pack, count) {
  const file = join(WORK, `device-${count}.json`);
  execFileSync(options.makeDevice, [pack, String(count), file]);
  const records = JSON.parse(await readFile(file, 'utf8'));
  records['siaga.session'] = JSON.stringify({ profile: 'pbench0000', at: Date.now() });
  // What the portal remembered at the learner's last visit: the loader fetches it with the program.
  records['siaga.prefetch'] = JSON.stringify({ assets: ['content-en.pack'], version: 1 });
  return records;
}

// The address of every module in a pack: files content/en/<course>/<NN-name>.md, id in the front matter.
async function moduleRoutes(packFile) {
  const text = (await readFile(packFile)).toString('latin1');
  const routes = [];
  const re = /content\/en\/([^/\n]+)\/\d+-[^\n]*\.md\n\d+\n---\r?\nid: *([^\r\n]+)/g;
  for (let m; (m = re.exec(text));) routes.push(`#/course/${m[1]}/module/${m[2].trim()}`);
  return routes;
}

// The language pack carries each course's index only (its lessons are in course-<lang>-<course>.pack):
// make_device and the save test need every module, so English's course packs are joined into one pack.
async function fullPack(dist) {
  const header = Buffer.from('SIAGA-PACK 1\n');
  const parts = [header];
  for (const name of (await readdir(dist)).filter((f) => /^course-en-.*\.pack$/.test(f)).sort())
    parts.push((await readFile(join(dist, name))).subarray(header.length));
  const file = join(WORK, 'content-en-full.pack');
  await writeFile(file, Buffer.concat(parts));
  return file;
}

// [SECTION] Measurements ----------------------------------------------------------------------------

// raw / gzip -9 / brotli -q 11 of each file the page asked for before it was ready.
async function transfer(root, requested) {
  const files = [];
  const seen = new Map();
  for (const path of requested) seen.set(path, (seen.get(path) || 0) + 1);
  for (const [path, times] of seen) {
    const name = path === '/' ? 'index.html' : decodeURIComponent(path.slice(1));
    let bytes;
    try { bytes = await readFile(join(root, name)); } catch { continue; }  // 404s (favicon.ico) move no content
    files.push({
      name, times, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24,
                                                    [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
    });
  }
  files.sort((a, b) => b.brotli - a.brotli);
  const total = (key) => files.reduce((sum, f) => sum + f[key], 0);
  return { files, raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') };
}

async function loadTimes(url, { catalog, storage }) {
  const result = {};
  for (const slow of [false, true]) {
    const runs = await coldLoads(url, { count: LOADS, catalog, slow, storage,
                                        onEach: (r, i) => log(`  ${slow ? 'slow' : 'loopback'} load ${i + 1}/${LOADS}: first frame ${r.firstDraw.toFixed(0)} ms` +
                                                              (catalog ? `, catalog ${r.catalog.toFixed(0)} ms` : '')) });
    result[slow ? 'slow' : 'fast'] = runs;
  }
  return result;
}

// Opens `hash` (then runs `prepare`, e.g. a click), reports what the screen shows (its first headings
// and its widgets), then moves the mouse and scrolls, and returns the CPU time of each frame drawn.
// Percentiles of the portal's own frame clock (wall time) and of the main thread's CPU time of the
// same frames (from a trace): see "Frame" in the notes.
const frameCell = (f) => `${f.p50.toFixed(2)} / ${f.p95.toFixed(2)} (${f.max.toFixed(1)}) ms; CPU ${f.cpuP50.toFixed(2)} / ${f.cpuP95.toFixed(2)} (${f.cpuMax.toFixed(1)}) ms`;
function frameFigures(times, threadTimes) {
  return { frames: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times),
           cpuFrames: threadTimes.length, cpuP50: percentile(threadTimes, 50), cpuP95: percentile(threadTimes, 95),
           cpuMax: Math.max(...threadTimes) };
}

async function frameCost(url, hash, storage, prepare = null) {
  return withLoadedPage(url + hash, { storage }, async ({ page, session }) => {
    if (prepare) {
      await prepare(page);
      await settle(page);
    }
    const screen = await page.evaluate(() => {
      const nodes = [...document.querySelectorAll('#mirror > *')];
      const count = (role) => nodes.filter((n) => (n.getAttribute('role') || n.tagName.toLowerCase()) === role).length;
      return { headings: nodes.filter((n) => n.getAttribute('role') === 'heading').slice(1, 3).map((n) => n.textContent.trim()),
               nodes: nodes.length, buttons: count('button'), radios: count('radio'), checkboxes: count('checkbox'), textboxes: count('input') };
    });
    const { times, threadTimes, glQueryMsPerFrame, glQueryByPerFrame } = await driveAndCollectFrameTimes(page, { session });
    return { screen, ...frameFigures(times, threadTimes), glQueryMsPerFrame, glQueryByPerFrame };
  });
}

// Where the page's main thread spends its time while frames are drawn: a CDP CPU profile (sampled every
// 0.1 ms) of the portal linked with function names (same code), grouped by origin like the wasm
// breakdown. Returns Markdown.
async function frameProfile(url, hash, storage, classify) {
  return withLoadedPage(url + hash, { storage }, async ({ page, session }) => {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 100 });
    await session.send('Profiler.start');
    const { drawn } = await driveAndCollectFrameTimes(page, { moves: 40 });
    const { profile } = await session.send('Profiler.stop');
    const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    const groups = new Map();
    const functions = new Map();
    let busy = 0;
    let program = 0;
    profile.samples.forEach((id, i) => {
      const { functionName: name, url: script } = frames.get(id);
      const ms = (profile.timeDeltas[i] || 0) / 1000;
      if (name === '(idle)') return;
      if (name === '(program)') { program += ms; return; }
      let group;
      if (name === '(garbage collector)') group = 'JS garbage collector';
      else if (script.startsWith('wasm://')) group = /^(js-to-wasm|wasm-to-js)/.test(name) ? 'JS ↔ wasm call wrappers' : `wasm: ${classify(name)}`;
      else if (!script && /^(getParameter|isEnabled|getError)$/.test(name)) group = 'WebGL state queries (getParameter, isEnabled, getError)';
      else if (!script) group = 'other native calls (WebGL drawing, DOM)';
      else if (script.endsWith('/siaga.js')) group = 'Emscripten JS glue (siaga.js: GL wrappers, events, main loop)';
      else if (script.endsWith('/bridge.js')) group = 'bridge.js (accessibility mirror, storage)';
      else group = 'other JS (page scripts, benchmark hooks)';
      busy += ms;
      groups.set(group, (groups.get(group) || 0) + ms);
      functions.set(name || '(anonymous)', (functions.get(name || '(anonymous)') || 0) + ms);
    });
    const rows = [...groups].sort((a, b) => b[1] - a[1])
      .map(([group, total]) => `| ${group} | ${(total / drawn).toFixed(2)} | ${(total / busy * 100).toFixed(1)} % |`);
    const top = [...functions].sort((a, b) => b[1] - a[1]).slice(0, 10)
      .map(([name, total]) => `| ${name.replace(/\|/g, '\\|').slice(0, 90)} | ${(total / drawn).toFixed(2)} |`);
    return [`${drawn} frames drawn on \`${hash}\` while profiling (mouse moves and scrolls). Time in JS, wasm and the`,
      `browser functions they call: ${(busy / drawn).toFixed(2)} ms per drawn frame (all work of the page's main thread, not`,
      `only inside frames). Not included: V8's "(program)", ${(program / drawn).toFixed(1)} ms per drawn frame, its label for`,
      'everything outside JS and wasm, waiting included (layout and paint of the page, the event loop).',
      '', '| Where | ms per drawn frame | share |', '|---|---|---|', ...rows,
      '', 'Top functions by self time:', '', '| Function | ms per drawn frame |', '|---|---|', ...top].join('\n');
  });
}

// The first lesson a refugee learner opens: the refugee orientation course's first module. Its first
// section heading is read from the content, so the wait is for the lesson itself, not the "downloading"
// notice. Returns its route and heading.
async function firstLesson() {
  const dir = join(ROOT, 'content/en/refugee-orientation');
  const file = (await readdir(dir)).filter((f) => /^\d\d-.*\.md$/.test(f)).sort()[0];
  const text = await readFile(join(dir, file), 'utf8');
  const id = /^id:\s*(\S+)/m.exec(text)[1];
  const heading = /^## (.*?)\s*\{#[^}]*\}\s*$/m.exec(text)[1];
  return { hash: `#/course/refugee-orientation/module/${id}`, heading };
}

// From a catalog loaded cold to `lesson` on screen: the time from the route change until its heading is
// in the accessibility tree, and every path the page requested from navigation until then.
async function lessonOpen(url, storage, lesson) {
  const browser = await openBrowser({ storage });
  try {
    const atCatalog = await load(browser, url, { catalog: true });
    const requested = [...atCatalog.requested];
    const onRequest = (request) => requested.push(new URL(request.url()).pathname);
    browser.page.on('request', onRequest);
    const ms = await browser.page.evaluate(async ({ hash, heading }) => {
      const start = performance.now();
      location.hash = hash;
      const shown = () => [...document.querySelectorAll('#mirror [role=heading]')].some((h) => h.textContent.trim() === heading);
      while (!shown()) {
        if (performance.now() - start > 60000) throw new Error(`the lesson heading '${heading}' did not show`);
        await new Promise((ok) => setTimeout(ok, 10));
      }
      return performance.now() - start;
    }, lesson);
    browser.page.off('request', onRequest);
    return { ms, requested };
  } finally {
    await browser.close();
  }
}

async function scale(copies, storage, lesson) {
  const tree = await scaledContent(join(ROOT, 'content'), join(WORK, `content-x${copies}`), copies);
  const { dist, packBytes, coursePackBytes } = await distWithPack(options.dist, options.packTool, tree, join(WORK, `dist-x${copies}`));
  const { server, url } = await serve(dist);
  try {
    const runs = await coldLoads(url, { count: SCALE_LOADS, catalog: true, storage });
    const lessons = [];
    for (let i = 0; i < SCALE_LOADS; i++) lessons.push((await lessonOpen(url, storage, lesson)).ms);
    return {
      copies, packBytes, coursePackBytes, lesson: median(lessons),
      catalog: median(runs.map((r) => r.catalog)),
      parse: median(runs.map((r) => (r.packParsed !== null && r.packTaken !== null ? r.packParsed - r.packTaken : null))),
      heap: median(runs.map((r) => r.heapBytes)),
    };
  } finally {
    server.close();
    await rm(tree, { recursive: true, force: true });
    await rm(dist, { recursive: true, force: true });
  }
}

// Signs in one of `PROFILES` learners (each with a full record), opens every module once — each
// opening moves the module's resume point, which the portal saves at once — and times each save:
// from its read of the stored record (save_progress merges what another tab may have written) to the
// end of the write. localStorage.setItem alone is reported too.
async function storageSaves(url, records, routes) {
  return withLoadedPage(url, { storage: records, catalog: true }, async ({ page }) => {
    for (const route of routes) {
      await page.evaluate((hash) => { location.hash = hash; }, route);
      await settle(page, 250);
    }
    const events = await page.evaluate(() => __bench.storage);
    const saves = [];
    let lastGet = null;
    for (const event of events) {
      if (event.op === 'get') lastGet = event;
      else if (lastGet && lastGet.key === event.key) {
        saves.push({ ms: event.at - lastGet.at, setMs: event.setMs, bytes: event.bytes, ok: event.result === 0 });
        lastGet = null;
      }
    }
    const stored = await page.evaluate(() => {
      let chars = 0;
      for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i); chars += k.length + localStorage.getItem(k).length; }
      return { keys: localStorage.length, chars };
    });
    return { routes: routes.length, saves, stored };
  });
}

// Bytes that crossed the wire before the page was ready (document + resources finished by then).
function wireBytes(run) {
  const ready = run.catalog ?? run.firstDraw;
  return (run.documentBytes || 0) + run.resources.filter((r) => r.end <= ready).reduce((sum, r) => sum + r.bytes, 0);
}

// The moments of a load, in order (ms since navigation); the same for every run of a page.
function phases(run, portal) {
  if (!portal) {
    const wasm = run.resources.find((r) => r.path.endsWith('.wasm'));
    return [['index.wasm downloaded', wasm ? wasm.end : null], ['first frame', run.firstDraw]];
  }
  const fetched = run.resources.filter((r) => r.initiator === 'fetch' && (run.packTaken === null || r.end <= run.packTaken));
  return [
    ['loader started (mark siaga-load-start)', run.loaderStart],
    ['its files downloaded (wasm, JS, fonts, pack)', fetched.length ? Math.max(...fetched.map((r) => r.end)) : null],
    ['C++ took the content pack (wasm compiled, runtime up)', run.packTaken],
    ['pack parsed into the catalog', run.packParsed],
    ['first frame', run.firstDraw],
    ['catalog interactive', run.catalog],
  ];
}

function phaseTable(loads, portal) {
  const rows = phases(loads.fast[0], portal).map(([label], i) => {
    const at = (runs) => median(runs.map((r) => phases(r, portal)[i][1]));
    return `| ${label} | ${ms(at(loads.fast))} | ${ms(at(loads.slow))} |`;
  });
  return ['| Moment (median, ms since navigation) | loopback | slow link |', '|---|---|---|', ...rows].join('\n');
}

// [SECTION] Table and report ----------------------------------------------------------------------------

const GL_NAMES = { '0c10': 'SCISSOR_BOX', '0ba2': 'VIEWPORT', '80c8': 'BLEND_DST_RGB', '80c9': 'BLEND_SRC_RGB',
                   '80ca': 'BLEND_DST_ALPHA', '80cb': 'BLEND_SRC_ALPHA', '8009': 'BLEND_EQUATION_RGB', '883d': 'BLEND_EQUATION_ALPHA',
                   '84e0': 'ACTIVE_TEXTURE', '8b8d': 'CURRENT_PROGRAM', '8069': 'TEXTURE_BINDING_2D', '8919': 'SAMPLER_BINDING',
                   '8894': 'ARRAY_BUFFER_BINDING', '85b5': 'VERTEX_ARRAY_BINDING', '0be2': 'BLEND', '0b44': 'CULL_FACE',
                   '0b71': 'DEPTH_TEST', '0b90': 'STENCIL_TEST', '0c11': 'SCISSOR_TEST', '8d69': 'PRIMITIVE_RESTART_FIXED_INDEX' };
const glName = (query) => query.replace(/\(0x([0-9a-f]{4})\)/, (all, hex) => (GL_NAMES[hex] ? `(${GL_NAMES[hex]})` : all));
const kb = (bytes) => (bytes === null || bytes === undefined ? '—' : `${(bytes / 1000).toFixed(1)} KB`);
const mb = (bytes) => (bytes === null || bytes === undefined ? '—' : `${(bytes / 1048576).toFixed(1)} MiB`);
const ms = (value, digits = 0) => (value === null || value === undefined ? '—' : `${value.toFixed(digits)} ms`);
const ratio = (a, b) => (a === null || b === null || a === undefined || b === undefined || b === 0 ? '—' : `${(a / b).toFixed(2)}`);
const spread = (runs, key) => {
  const values = runs.map((r) => r[key]).filter((v) => v !== null);
  return values.length ? `${ms(median(values))} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})` : '—';
};
const verdict = (ok) => (ok ? 'met' : 'MISSED');

function table(rows) {
  const header = ['Measure', 'Siaga', 'Reference (ImGui example)', 'Siaga ÷ reference', 'Target'];
  const lines = [header, header.map(() => '---'), ...rows];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

async function machine() {
  const cpu = cpus()[0]?.model?.trim() || 'unknown';
  const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const emcc = (() => { try { return `Emscripten ${execFileSync('emcc', ['-dumpversion'], { encoding: 'utf8' }).trim()}`; } catch { return 'Emscripten (version unknown)'; } })();
  const memory = (await readFile('/proc/meminfo', 'utf8')).match(/MemTotal:\s+(\d+)/)[1];
  const commit = (() => {
    try {
      const head = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
      const dirty = execFileSync('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src', 'web', 'cmake', 'content'], { encoding: 'utf8' }).trim();
      return dirty ? `${head} + uncommitted changes` : head;
    } catch { return 'unknown'; }
  })();
  return { cpu, nproc, chromium, emcc, memory: `${(Number(memory) / 1048576).toFixed(1)} GiB`, node: process.version, commit };
}

async function optionalText(file) {
  if (!file) return null;
  try { return (await readFile(file, 'utf8')).trim(); } catch { return null; }
}

// Timings need a quiet machine: wait (at most 5 minutes) for the 1-minute load average to drop below
// 1, and record what it was, so a reader can judge the figures.
async function quietMachine() {
  for (let i = 0; i < 30 && loadavg()[0] >= 1; i++) {
    if (i === 0) log(`waiting up to 5 min for a quieter machine (load average ${loadavg()[0].toFixed(2)})`);
    await new Promise((ok) => setTimeout(ok, 10000));
  }
  return loadavg()[0];
}

// --- Run -----------------------------------------------------------------------------------------------
await mkdir(WORK, { recursive: true });
const about = await machine();
const date = new Date();
log(`machine: ${about.cpu}, ${about.nproc} cores, ${about.chromium}`);
const waitStarted = Date.now();
const loadBefore = await quietMachine();
const waited = (Date.now() - waitStarted) / 1000;

const portal = await serve(options.dist);
const reference = await serve(options.reference);
const pack = await fullPack(options.dist);
const learner = await deviceRecords(pack, 1);  // a returning learner: the catalog shows without a sign-in

log(`cold loads of the portal (${LOADS} loopback, ${LOADS} slow link)`);
const portalLoads = await loadTimes(portal.url, { catalog: true, storage: learner });
// The same slow-link loads without the service worker (sw.js removed from a copy, so registering fails):
// how much its install-time precache, sharing the link, delays the catalog.
const withoutWorker = join(WORK, 'dist-no-sw');
await rm(withoutWorker, { recursive: true, force: true });
await cp(options.dist, withoutWorker, { recursive: true });
for (const file of ['sw.js', 'sw.js.br', 'sw.js.gz']) await rm(join(withoutWorker, file), { force: true });
const noWorker = await serve(withoutWorker);
const noWorkerLoads = Math.max(3, Math.ceil(LOADS / 2));
log(`slow-link loads of the portal without its service worker (${noWorkerLoads})`);
const portalSlowNoWorker = await coldLoads(noWorker.url, { count: noWorkerLoads, catalog: true, slow: true, storage: learner });
noWorker.server.close();

log(`cold loads of the portal with the CPU slowed 4× (DevTools Emulation.setCPUThrottlingRate), loopback (${LOADS})`);
const throttled = await coldLoads(portal.url, { count: LOADS, catalog: true, storage: learner, cpu: 4,
                                                onEach: (r, i) => log(`  4× CPU load ${i + 1}/${LOADS}: catalog ${r.catalog.toFixed(0)} ms, main thread ${r.mainThreadMs?.toFixed(0)} ms, first input delay ${r.firstInputDelay?.toFixed(1)} ms`) });

log(`the same on a phone's screen (${PHONE.viewport.width}x${PHONE.viewport.height}, density ${PHONE.deviceScaleFactor}) (${LOADS})`);
const throttledPhone = await coldLoads(portal.url, { count: LOADS, catalog: true, storage: learner, cpu: 4, screen: PHONE,
                                                     onEach: (r, i) => log(`  4× CPU phone load ${i + 1}/${LOADS}: catalog ${r.catalog.toFixed(0)} ms, main thread ${r.mainThreadMs?.toFixed(0)} ms`) });

const lesson = await firstLesson();
log(`first lesson (${lesson.hash}) from a cold catalog (${LOADS} loads)`);
const lessonRuns = [];
for (let i = 0; i < LOADS; i++) lessonRuns.push(await lessonOpen(portal.url, learner, lesson));
const lessonFiles = await transfer(options.dist, lessonRuns[0].requested);

log(`cold loads of the reference page (${LOADS} loopback, ${LOADS} slow link)`);
const referenceLoads = await loadTimes(reference.url, { catalog: false, storage: null });
log(`cold loads of the reference page with the CPU slowed 4× (${LOADS})`);
const referenceThrottled = await coldLoads(reference.url, { count: LOADS, cpu: 4 });

const portalFiles = await transfer(options.dist, portalLoads.fast[0].requested);
const precache = await (async () => {  // the service worker's install-time downloads (web/sw.js FILES)
  const worker = await readFile(join(options.dist, 'sw.js'), 'utf8').catch(() => '');
  const list = /const FILES = (\[[^\]]*\]);/.exec(worker);
  const names = list ? JSON.parse(list[1]).map((f) => (f === './' ? '/' : `/${f}`)) : [];
  const sizes = await transfer(options.dist, names);
  return { files: sizes.files.length, brotli: sizes.brotli };
})();
const referenceFiles = await transfer(options.reference, referenceLoads.fast[0].requested);

log(`idle ${IDLE_SECONDS} s: portal, reference`);
const portalIdle = await withLoadedPage(portal.url, { storage: learner, catalog: true }, (b) => idleCost(b, IDLE_SECONDS));
const referenceIdle = await withLoadedPage(reference.url, { portal: false }, (b) => idleCost(b, IDLE_SECONDS));

log('frame cost: synthetic catalog of 1,000 modules, long lesson, quiz');
const quizHash = '#/course/micic/module/why-micic/section/check';
// The same learner without any progress: the quiz offers "Start the quiz".
const newLearner = { 'siaga.profiles': learner['siaga.profiles'], 'siaga.session': learner['siaga.session'],
                     'siaga.prefetch': learner['siaga.prefetch'] };
const synthetic = await distWithPack(options.dist, options.packTool,
                                     await syntheticContent(join(ROOT, 'content'), join(WORK, 'content-synthetic'), { courses: 10, modulesPerCourse: 100 }),
                                     join(WORK, 'dist-synthetic'));
const syntheticServer = await serve(synthetic.dist);
// A Dari learner (issue 14): from the English catalog, choose دری / فارسی; the time until the portal
// shows Dari (the shaper module, the Arabic faces and the Dari pack fetched, the atlas rebuilt), the
// bytes that switch fetched (brotli, as the size report counts them), and the frame cost of the
// Dari lesson afterwards.
async function switchToDari(url, slow) {
  const browser = await openBrowser({ slow, storage: learner });
  try {
    await load(browser, url, { catalog: true, slow });
    await settle(browser.page);
    const requested = [];
    browser.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    const t0 = Date.now();
    await clickWidget(browser.page, 'button', 'دری / فارسی');
    await browser.page.waitForFunction(() => document.documentElement.lang === 'fa', null, { timeout: slow ? 240000 : 60000, polling: 50 });
    await settle(browser.page, 300);
    const switchMs = Date.now() - t0;
    const bytes = await transfer(options.dist, requested);
    let frameCostFa = null;
    if (!slow) {
      await browser.page.evaluate(() => { location.hash = '#/course/refugee-orientation/module/who-is-iom'; });
      await settle(browser.page);
      const { times, threadTimes } = await driveAndCollectFrameTimes(browser.page, { session: browser.session });
      frameCostFa = frameFigures(times, threadTimes);
    }
    return { switchMs, bytes, frameCostFa };
  } finally {
    await browser.close();
  }
}
log('Dari: switching from English (loopback, slow link)');
const dari = { fast: await switchToDari(portal.url, false), slow: await switchToDari(portal.url, true) };
log(`  loopback ${dari.fast.switchMs} ms, slow ${dari.slow.switchMs} ms, ${dari.fast.bytes.brotli} B brotli`);

const frames = [
  { name: 'catalog, 10 courses / 1,000 synthetic modules', ...(await frameCost(syntheticServer.url, '#/', learner)) },
  { name: 'course page, 100 synthetic modules', ...(await frameCost(syntheticServer.url, '#/course/synthetic-01', learner)) },
  { name: 'long lesson (counter-trafficking / indicators)', ...(await frameCost(portal.url, '#/course/counter-trafficking/module/indicators', learner)) },
  { name: 'quiz being taken (micic / why-micic / check, after "Start the quiz")',
    ...(await frameCost(portal.url, quizHash, newLearner, (page) => clickWidget(page, 'button', 'Start the quiz'))) },
  { name: 'quiz review (the same quiz, two attempts submitted)', ...(await frameCost(portal.url, quizHash, learner)) },
];
syntheticServer.server.close();
for (const f of frames) log(`  ${f.name}: ${f.frames} frames, p50 ${f.p50.toFixed(2)} ms, p95 ${f.p95.toFixed(2)} ms; thread CPU p50 ${f.cpuP50.toFixed(2)}, p95 ${f.cpuP95.toFixed(2)} ms`);

let profileText = null;
if (options.names && options.webBuild) {
  log('frame profile: long lesson, portal linked with function names');
  const namedDist = join(WORK, 'dist-names');
  await rm(namedDist, { recursive: true, force: true });
  await cp(options.dist, namedDist, { recursive: true });
  for (const file of ['siaga.js', 'siaga.wasm', 'siaga-lessons.wasm', 'siaga-facilitator.wasm']) {
    await cp(join(options.names, file), join(namedDist, file));
    for (const ext of ['.br', '.gz']) await rm(join(namedDist, file + ext), { force: true });
  }
  const named = await serve(namedDist);
  profileText = await frameProfile(named.url, '#/course/counter-trafficking/module/indicators', learner, makeClassifier(options.webBuild));
  named.server.close();
}

log(`scale: real content ×1, ×10, ×100 (${SCALE_LOADS} cold loads each)`);
const scales = [];
for (const copies of [1, 10, 100]) {
  scales.push(await scale(copies, learner, lesson));
  const s = scales.at(-1);
  log(`  ×${copies}: index ${kb(s.packBytes)}, catalog ${ms(s.catalog)}, parse ${ms(s.parse)}, first lesson ${ms(s.lesson)}, heap ${mb(s.heap)}`);
}

log(`storage: saving progress with ${PROFILES} learners on the device`);
const storage = await storageSaves(portal.url, await deviceRecords(pack, PROFILES), await moduleRoutes(pack));
portal.server.close();
reference.server.close();

// --- Table ----------------------------------------------------------------------------------------------
const firstLoadTarget = 280_000;
const saveTimes = storage.saves.map((s) => s.ms);
const rows = [
  ['First load: files requested before ready', `${portalFiles.files.length}`, `${referenceFiles.files.length}`, '', ''],
  ['First load: raw', kb(portalFiles.raw), kb(referenceFiles.raw), ratio(portalFiles.raw, referenceFiles.raw), ''],
  ['First load: gzip -9', kb(portalFiles.gzip), kb(referenceFiles.gzip), ratio(portalFiles.gzip, referenceFiles.gzip), ''],
  ['First load: brotli -q 11', kb(portalFiles.brotli), kb(referenceFiles.brotli), ratio(portalFiles.brotli, referenceFiles.brotli),
   `≤ 280 KB: ${verdict(portalFiles.brotli <= firstLoadTarget)}`],
  ['First load: bytes on the wire until ready (as served: brotli, with headers; median)', kb(median(portalLoads.fast.map(wireBytes))),
   kb(median(referenceLoads.fast.map(wireBytes))), ratio(median(portalLoads.fast.map(wireBytes)), median(referenceLoads.fast.map(wireBytes))), ''],
  ['… largest file (brotli)', `${portalFiles.files[0].name} ${kb(portalFiles.files[0].brotli)}`,
   `${referenceFiles.files[0].name} ${kb(referenceFiles.files[0].brotli)}`, ratio(portalFiles.files[0].brotli, referenceFiles.files[0].brotli), ''],
  [`Loopback: navigation → first frame (median of ${LOADS} cold loads, min–max)`, spread(portalLoads.fast, 'firstDraw'),
   spread(referenceLoads.fast, 'firstDraw'), ratio(median(portalLoads.fast.map((r) => r.firstDraw)), median(referenceLoads.fast.map((r) => r.firstDraw))), ''],
  ['Loopback: navigation → catalog interactive', spread(portalLoads.fast, 'catalog'), '—', '', ''],
  ['Slow link (400 kbit/s, 400 ms RTT): navigation → first frame', spread(portalLoads.slow, 'firstDraw'), spread(referenceLoads.slow, 'firstDraw'),
   ratio(median(portalLoads.slow.map((r) => r.firstDraw)), median(referenceLoads.slow.map((r) => r.firstDraw))), ''],
  ['Slow link: navigation → catalog interactive', spread(portalLoads.slow, 'catalog'), '—', '', ''],
  ['CPU 4× slower (loopback): navigation → catalog interactive', spread(throttled, 'catalog'), '—', '', ''],
  ['CPU 4× slower: main-thread work until the catalog is interactive (TaskDuration; reference: until its first frame)',
   spread(throttled, 'mainThreadMs'), spread(referenceThrottled, 'mainThreadMs'),
   ratio(median(throttled.map((r) => r.mainThreadMs)), median(referenceThrottled.map((r) => r.mainThreadMs))),
   `≤ 2,500 ms: ${verdict(median(throttled.map((r) => r.mainThreadMs)) <= 2500)}`],
  [`CPU 4× slower, a phone's screen (${PHONE.viewport.width}×${PHONE.viewport.height} at density ${PHONE.deviceScaleFactor}): main-thread work until the catalog is interactive`,
   spread(throttledPhone, 'mainThreadMs'), '—', '', `≤ 2,500 ms: ${verdict(median(throttledPhone.map((r) => r.mainThreadMs)) <= 2500)}`],
  ['CPU 4× slower: first-input delay of a click on the catalog as it appears', spread(throttled, 'firstInputDelay'), '—', '', ''],
  ['Dari learner: extra download when switching from English (brotli; shaper module, Arabic faces, Dari pack)',
   `${kb(dari.fast.bytes.brotli)} (${dari.fast.bytes.files.map((f) => f.name).join(', ')})`, '—', '', ''],
  ['Dari learner: time to switch to Dari (loopback / slow link)', `${ms(dari.fast.switchMs)} / ${ms(dari.slow.switchMs)}`, '—', '', ''],
  ['Frame p50 / p95 (max), portal clock; main-thread CPU: the first Dari lesson (refugee orientation, shaped right to left)',
   dari.fast.frameCostFa ? frameCell(dari.fast.frameCostFa) : '—', '—', '', ''],
  ['First lesson (refugee orientation, module 1): bytes until it shows, from navigation (brotli -q 11; the catalog\'s files and the course\'s pack)',
   kb(lessonFiles.brotli), '—', '', ''],
  [`First lesson: from the route change on the catalog until it shows (loopback, median of ${LOADS}, min–max; its course pack downloaded and parsed)`,
   spread(lessonRuns, 'ms'), '—', '', ''],
  ['Pack parse at start (loopback; the language pack: interface words and course indexes)',
   ms(median(portalLoads.fast.map((r) => (r.packParsed !== null && r.packTaken !== null ? r.packParsed - r.packTaken : null))), 1), '—', '', ''],
  ...frames.map((f) => [`Frame p50 / p95 (max), portal clock; main-thread CPU: ${f.name}, ${f.frames} frames [of which WebGL state queries, mean]`,
                        `${frameCell(f)} [${f.glQueryMsPerFrame.toFixed(2)} ms]`,
                        '—', '', `CPU p95 < 1 ms: ${verdict(f.cpuP95 < 1)}`]),
  [`Idle ${IDLE_SECONDS} s: frames drawn`, `${portalIdle.frames}`, `${referenceIdle.frames}`, '', `0: ${verdict(portalIdle.frames === 0)}`],
  [`Idle ${IDLE_SECONDS} s: renderer main thread busy (CDP TaskDuration)`, ms(portalIdle.mainThreadMs, 1), ms(referenceIdle.mainThreadMs, 1),
   ratio(portalIdle.mainThreadMs, referenceIdle.mainThreadMs), ''],
  [`Idle ${IDLE_SECONDS} s: CPU of all browser processes (/proc), % of one core`, `${portalIdle.cpuPercent.toFixed(1)} %`,
   `${referenceIdle.cpuPercent.toFixed(1)} %`, ratio(portalIdle.cpuPercent, referenceIdle.cpuPercent), ''],
  ...scales.map((s) => [`Scale ×${s.copies} (language pack ${kb(s.packBytes)}, course packs ${kb(s.coursePackBytes)}): catalog interactive / pack parse at start / first lesson shown / wasm heap`,
                        `${ms(s.catalog)} / ${ms(s.parse)} / ${ms(s.lesson)} / ${mb(s.heap)}`, '—', '', '']),
  [`Save progress, ${PROFILES} learners on the device (median / max of ${saveTimes.length} saves)`,
   saveTimes.length ? `${ms(median(saveTimes), 1)} / ${ms(Math.max(...saveTimes), 1)}` : 'not measured: no save seen', '—', '', ''],
];
const printed = table(rows);
console.log(printed);

// --- docs/benchmarks.md -------------------------------------------------------------------------------
const fileRows = (files) => files.map((f) => `| ${f.name}${f.times > 1 ? ` (requested ${f.times}×)` : ''} | ${f.raw} | ${f.gzip} | ${f.brotli} |`).join('\n');
const fuzz = await optionalText(options.fuzzSummary);
const breakdown = await optionalText(options.wasmBreakdown);
const problems = [...portalLoads.fast, ...portalLoads.slow].flatMap((r) => r.problems || []);
const duration = ((Date.now() - started) / 60000).toFixed(1);
const loadAfter = loadavg()[0];
const md = `# Benchmarks

Generated by \`tools/bench.sh\` on ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC; do not edit by hand.

Machine: ${about.cpu}, ${about.nproc} cores (nproc), ${about.memory} RAM; ${about.chromium}, headless, WebGL 2
through SwiftShader (software rendering on the CPU); Node ${about.node}; ${about.emcc}. Source: ${about.commit}.
The measurements took ${duration} min after the builds${waited >= 10 ? `, ${waited.toFixed(0)} s of it waiting for a quieter machine` : ''}; the 1-minute load average was ${loadBefore.toFixed(2)} when they
started and ${loadAfter.toFixed(2)} when they ended (the benchmark's own browser included).

${printed}

KB = 1,000 bytes, MiB = 1,048,576 bytes. "Siaga ÷ reference" below 1 means Siaga is smaller or faster.

## What each line measures

- **First load**: every file the page requested from navigation until it was ready (Siaga: the catalog
  was interactive; reference: its first frame), as recorded in a cold loopback load, each compressed
  here with gzip -9 and brotli -q 11 (window 2^24). The service worker's background precache (every
  file of the version, for offline use) is not counted: it does not block the catalog (see "Load phases").
- **Loads**: ${LOADS} cold loads per line, each in a new Chromium with an empty profile (empty HTTP cache,
  no service worker yet), served by \`tools/serve.mjs\` on 127.0.0.1 with the precompressed brotli copies.
  "First frame" is the first WebGL draw call of the page, for both pages (a hook installed before any
  page script). "Catalog interactive" is the first published accessibility tree holding the heading
  "Courses". Siaga is loaded as a returning learner (one stored profile, a fresh session and the
  prefetch hint its last visit left, \`siaga.prefetch\`), since a
  first visit stops at "Who is learning?". The slow link is set with the DevTools protocol
  (\`Network.emulateNetworkConditions\`: latency ${SLOW_LINK.latency} ms, ${SLOW_LINK.downloadThroughput} bytes/s each way, cache
  disabled) on the page and on its service worker (which gets an emulated link of its own: see "Load phases").
  Pages load in a ${VIEWPORT.width}×${VIEWPORT.height} window at density 1, except the phone line: ${PHONE.viewport.width}×${PHONE.viewport.height}
  CSS pixels at density ${PHONE.deviceScaleFactor} with touch, the screen Lighthouse's mobile preset emulates (the portal rasterises its
  fonts at the screen's density, so its atlas there is larger). "CPU 4× slower" is DevTools'
  \`Emulation.setCPUThrottlingRate\` (rate 4) on the page; main-thread work is the renderer's \`Performance.getMetrics\`
  TaskDuration when the catalog is interactive (the reference page: at its first frame).
- **Frame**: two figures for every frame drawn while the mouse moves over the page and the wheel scrolls
  (${VIEWPORT.width}×${VIEWPORT.height}). *Portal clock*: Siaga's own measurement (\`_siaga_frame_ms\`: from new frame
  through the GL calls, the learner's actions and the accessibility mirror's update), wall-clock, which Chromium
  coarsens to 0.1 ms. *Main-thread CPU*: the thread time DevTools records for each animation-frame callback
  that drew (a trace of \`devtools.timeline\`; the callback holds the whole frame), which leaves out the
  moments the page's thread waited for a core or for the GPU process. On a machine of two cores the GPU
  process (SwiftShader, software WebGL) runs beside the page and the portal clock counts those waits; the
  target (CPU-side, excluding the GPU process) is checked on the thread time. Tracing adds a little to it.
  The synthetic catalog is 10 courses of 100 generated modules (about 3.8 KB of Markdown each).
- **Idle**: ${IDLE_SECONDS} s without input after the page settled (Siaga: its catalog, a learner signed in;
  the reference: its demo windows, as it starts). Frames = animation frames in which
  the page drew anything (same hook for both pages). Main thread = CDP \`Performance.getMetrics\`
  TaskDuration delta of the page's renderer. CPU = utime + stime from /proc of the browser process and
  all its descendants (renderer, GPU process with SwiftShader, utility processes), over the wall time.
- **First lesson**: a cold load of the catalog as above, then the route of the refugee orientation
  course's first module (\`${lesson.hash}\`); it is shown when its first section heading ("${lesson.heading}", read from
  the content) is in the accessibility tree. The bytes are every file requested from navigation until then,
  compressed as for the first load; the time runs from the route change, so it holds the course pack's
  download and parse.
- **Scale**: the real English content copied ×N with renamed course ids (N times as many courses),
  packed by siaga-pack; ${SCALE_LOADS} cold loopback loads each (medians). "Pack parse at start" runs from
  the moment the language pack is handed to C++ to the document-language change the portal makes once
  the catalog is built; it grows with the number of courses, since the catalog lists each one. "First
  lesson shown" is the first-lesson time above, which depends on one course only.
  Heap = \`Module.HEAP8.length\` once the catalog is interactive.
- **Save progress**: ${PROFILES} learners on the device, each with a full record (every section reached, two
  submitted attempts at every quiz; \`tests/bench/make_device.cpp\` writes them with the core's own
  serialisers), ${storage.stored.keys} keys / ${(storage.stored.chars / 1e6).toFixed(2)} M characters in localStorage. One learner
  opens each of ${storage.routes} modules; each opening moves the resume point and the portal saves at once.
  A save is timed from its read of the stored record (save_progress merges another tab's changes
  first) to the end of the write${saveTimes.length ? `; \`localStorage.setItem\` alone: median ${ms(median(storage.saves.map((s) => s.setMs)), 2)}, record ${kb(median(storage.saves.map((s) => s.bytes)))}` : ''}.

## First-load files

Siaga (bytes):

| File | raw | gzip -9 | brotli -q 11 |
|---|---|---|---|
${fileRows(portalFiles.files)}
| **total** | ${portalFiles.raw} | ${portalFiles.gzip} | ${portalFiles.brotli} |

Reference page, Dear ImGui's \`example_sdl2_opengl3\` built by \`tests/bench/reference/build.sh\` with its
own Makefile.emscripten (compile -Os; its link line has no optimisation flag, so the link is -O0 with
ASSERTIONS=1 and unminified JS; SDL2 built as Emscripten's port builds it, every subsystem on; font:
ImGui's built-in one):

| File | raw | gzip -9 | brotli -q 11 |
|---|---|---|---|
${fileRows(referenceFiles.files)}
| **total** | ${referenceFiles.raw} | ${referenceFiles.gzip} | ${referenceFiles.brotli} |

## Load phases

Siaga:

${phaseTable(portalLoads, true)}

On a first visit the service worker also precaches every file of the version (\`cache: 'reload'\`, so the
files the page already has are downloaded again): ${precache.files} files, ${kb(precache.brotli)} brotli. Without it (sw.js
removed from a copy), ${noWorkerLoads} slow-link loads showed the catalog after ${ms(median(portalSlowNoWorker.map((r) => r.catalog)))} (median; ${ms(median(portalLoads.slow.map((r) => r.catalog)))}
with it). The DevTools protocol throttles each target on its own, so the worker gets a 400 kbit/s link of its
own here; on a real link its downloads would share the page's bandwidth, which this emulation cannot show.

Reference page:

${phaseTable(referenceLoads, false)}
${breakdown ? `\n## What is in siaga.wasm\n\n${breakdown}\n` : ''}${profileText ? `\n## Where frame time goes\n\n${profileText}\n` : ''}
## Screens measured for frame cost

| Screen | headings seen | mirror nodes | buttons | radios | checkboxes | text fields |
|---|---|---|---|---|---|---|
${frames.map((f) => `| ${f.name} | ${f.screen.headings.join(' / ')} | ${f.screen.nodes} | ${f.screen.buttons} | ${f.screen.radios} | ${f.screen.checkboxes} | ${f.screen.textboxes} |`).join('\n')}

WebGL state queries during those frames, mean ms per drawn frame (the five slowest):

| Screen | slowest queries |
|---|---|
${frames.map((f) => `| ${f.name} | ${f.glQueryByPerFrame.slice(0, 5).map(([q, v]) => `${glName(q)} ${v.toFixed(2)}`).join('; ')} |`).join('\n')}

## Fuzzing

${fuzz || 'No fuzz run recorded on this machine (run `tools/fuzz.sh SECONDS`; it writes build/fuzz/summary.md).'}
${problems.length ? `\n## Console errors during the loads\n\n${[...new Set(problems)].map((p) => `- ${p}`).join('\n')}\n` : ''}`;
await mkdir(dirname(options.out), { recursive: true });
await writeFile(options.out, md);
log(`wrote ${options.out}`);
