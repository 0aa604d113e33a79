// browser.mjs — the benchmark's browser side: cold page loads in Debian's Chromium (a fresh profile,
// hence an empty cache and no service worker, every time), an optional slow link emulated through the
// DevTools protocol for the page AND its service worker, timestamps taken inside the page, frame costs,
// and what an idle page costs.
//
// Both pages (the portal and the reference example) are measured with the same in-page hooks, so
// "first frame" means the same thing for both: the first WebGL draw call of the page.
//
// [SECTION] In-page hooks
// [SECTION] DevTools protocol beside Playwright
// [SECTION] Cold loads
// [SECTION] Frames and idle cost
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { launch, settle } from '../browser/lib.mjs';

// 400 kbit/s each way and 400 ms round trip, as issue 9 asks.
export const SLOW_LINK = { offline: false, latency: 400, downloadThroughput: 400 * 1024 / 8, uploadThroughput: 400 * 1024 / 8 };
export const VIEWPORT = { width: 1280, height: 800 };
// A cheap phone's screen, as Lighthouse's mobile preset emulates it (412x823 CSS pixels at density
// 1.75, touch): the font atlas is rasterised at the screen's density, so a phone's start costs more
// than a laptop's on the same CPU.
export const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

// [SECTION] In-page hooks ---------------------------------------------------------------------------
// Runs before any script of the page. Times are performance.now(): milliseconds since navigation start.
// - firstDraw: the first WebGL draw call (first frame); drawFrames: animation frames that drew anything;
// - catalog: the first published accessibility tree holding the heading "Courses" (the portal's
//   catalog is drawn and can be clicked);
// - packTaken / packParsed: the content pack handed to C++, and the next document-language change,
//   which the portal makes once the pack is parsed into a catalog (web/siaga_library.js);
// - storage: the start of each read and the end of each write of a progress record;
// - glQueryMs / glQueries: time spent in WebGL state queries (getParameter, isEnabled, getError).
function pageHooks() {
  const bench = window.__bench = {
    firstDraw: null, drawFrames: 0, ticks: 0, catalog: null, packTaken: null, packParsed: null, storage: [],
    glQueryMs: 0, glQueries: 0, glQueryBy: {},
  };
  let lastDrawTick = -1;
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => raf((time) => { bench.ticks++; callback(time); });
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    for (const name of ['drawElements', 'drawArrays']) {
      const draw = proto[name];
      proto[name] = function (...args) {
        if (bench.firstDraw === null) bench.firstDraw = performance.now();
        if (lastDrawTick !== bench.ticks) {
          lastDrawTick = bench.ticks;
          bench.drawFrames++;
          console.timeStamp('siaga-draw');  // marks, in a trace, the animation frame as one that drew
        }
        return draw.apply(this, args);
      };
    }
  }
  // GL state queries can be synchronous round trips to the GPU process: time them apart.
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    for (const name of ['getParameter', 'isEnabled', 'getError']) {
      const query = proto[name];
      proto[name] = function (...args) {
        const started = performance.now();
        try { return query.apply(this, args); } finally {
          const ms = performance.now() - started;
          const key = args.length ? `${name}(0x${Number(args[0]).toString(16).padStart(4, '0')})` : `${name}()`;
          bench.glQueryMs += ms;
          bench.glQueries++;
          bench.glQueryBy[key] = (bench.glQueryBy[key] || 0) + ms;
        }
      };
    }
  }
  window.addEventListener('siaga-tree', () => {
    if (bench.catalog !== null) return;
    for (const el of document.querySelectorAll('#mirror [role=heading]'))
      if (el.textContent.trim() === 'Courses') { bench.catalog = performance.now(); return; }
  });
  const lang = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'lang');
  Object.defineProperty(HTMLElement.prototype, 'lang', {
    configurable: true, get: lang.get,
    set(value) {
      if (this === document.documentElement && bench.packTaken !== null && bench.packParsed === null) bench.packParsed = performance.now();
      lang.set.call(this, value);
    },
  });
  // The page's bridge is made in parts (web/bridge/*.js: core.js creates window.SiagaBridge, the others
  // add their functions to it), so each hooked function is wrapped whenever it is set, not only if it
  // is there when the object is.
  const hook = (object, name, wrap) => {
    let wrapped = typeof object[name] === 'function' ? wrap(object[name]) : undefined;
    Object.defineProperty(object, name, {
      configurable: true, enumerable: true, get: () => wrapped,
      set(fn) { wrapped = typeof fn === 'function' ? wrap(fn) : fn; },
    });
  };
  let bridge;
  Object.defineProperty(window, 'SiagaBridge', {
    configurable: true, get: () => bridge,
    set(value) {
      bridge = value;
      hook(value, 'takeAsset', (takeAsset) => function (name) {
        const bytes = takeAsset.call(this, name);
        if (bytes && /^content-.*\.pack$/.test(name) && bench.packTaken === null) bench.packTaken = performance.now();
        return bytes;
      });
      hook(value, 'storageGet', (storageGet) => function (key) {
        if (String(key).startsWith('siaga.progress.')) bench.storage.push({ key, op: 'get', at: performance.now() });
        return storageGet.call(this, key);
      });
      hook(value, 'storageSet', (storageSet) => function (key, text) {
        const started = performance.now();
        const result = storageSet.call(this, key, text);
        if (String(key).startsWith('siaga.progress.'))
          bench.storage.push({ key, op: 'set', at: performance.now(), setMs: performance.now() - started, bytes: text.length, result });
        return result;
      });
    },
  });
}

// [SECTION] DevTools protocol beside Playwright -------------------------------------------------------
// Playwright gives CDP sessions for pages only. A service worker has its own network stack in the
// DevTools sense, so the slow link must be set on it too, or its install-time downloads would bypass
// the emulation. This client talks to the browser target over --remote-debugging-port (loopback) and
// throttles every service worker as it starts (it waits for us before running its script).
class BrowserCdp {
  static async connect(profileDir) {
    const [port, path] = (await readFile(`${profileDir}/DevToolsActivePort`, 'utf8')).trim().split('\n');
    if (typeof WebSocket !== 'function') throw new Error('run node with --experimental-websocket (tools/bench.sh does)');
    const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`);
    await new Promise((ok, fail) => { socket.onopen = ok; socket.onerror = () => fail(new Error('cannot reach DevTools')); });
    return new BrowserCdp(socket);
  }

  constructor(socket) {
    this.socket = socket;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.id && this.pending.has(message.id)) {
        const { ok, fail } = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) fail(new Error(message.error.message)); else ok(message.result);
      } else if (message.method) {
        for (const listener of this.listeners) listener(message);
      }
    };
  }

  send(method, params = {}, sessionId = undefined) {
    const id = this.nextId++;
    return new Promise((ok, fail) => {
      this.pending.set(id, { ok, fail });
      this.socket.send(JSON.stringify({ id, method, params, sessionId }));
    });
  }

  // Applies `conditions` (null = none) and a disabled cache to every service worker that starts.
  async throttleServiceWorkers(conditions) {
    this.listeners.push(async ({ method, params }) => {
      if (method !== 'Target.attachedToTarget') return;
      const session = params.sessionId;
      try {
        await this.send('Network.enable', {}, session);
        await this.send('Network.setCacheDisabled', { cacheDisabled: true }, session);
        if (conditions) await this.send('Network.emulateNetworkConditions', conditions, session);
      } catch {
        // The worker went away meanwhile (a failed install, the browser closing): nothing to throttle.
      } finally {
        await this.send('Runtime.runIfWaitingForDebugger', {}, session).catch(() => {});
      }
    });
    await this.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true,
                                              filter: [{ type: 'service_worker' }] });
  }

  close() { this.socket.close(); }
}

// [SECTION] Cold loads ------------------------------------------------------------------------------

// Puts `records` into localStorage before the page's first script runs, once per browser profile (a
// device that already has learners on it). Cheap next to a load: one setItem per record.
function seedStorage(records) {
  if (localStorage.getItem('bench.seeded')) return;
  for (const [key, value] of Object.entries(records)) localStorage.setItem(key, value);
  localStorage.setItem('bench.seeded', '1');
}

// A fresh browser with an empty profile (empty cache, no service worker), the hooks installed, the
// link set (slow or loopback) and, if given, localStorage records seeded.
// cpu: a CPU slowdown factor for the page (DevTools Emulation.setCPUThrottlingRate), 1 = none.
// screen: PHONE for a phone's screen; the default is a 1280x800 window at density 1.
export async function openBrowser({ slow = false, storage = null, cpu = 1, screen = null } = {}) {
  const browser = await launch({ viewport: VIEWPORT, ...(screen || {}), extraArgs: ['--remote-debugging-port=0'] });
  const cdp = await BrowserCdp.connect(browser.profileDir);
  await cdp.throttleServiceWorkers(slow ? SLOW_LINK : null);
  const { page, context } = browser;
  if (storage) await context.addInitScript(seedStorage, storage);
  await context.addInitScript(pageHooks);
  const session = await context.newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (slow) await session.send('Network.emulateNetworkConditions', SLOW_LINK);
  await session.send('Performance.enable');
  if (cpu > 1) await session.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return { ...browser, session, async close() { cdp.close(); await browser.close(); } };
}

// Navigates and waits for the first frame and (portal) the catalog. Returns the page's timestamps, the
// wasm heap size and the paths the page requested before it was ready.
// firstInput: once the catalog shows, click an empty spot of it at once and report the first-input
// delay (Event Timing: from the press to its handler starting) and the main thread's busy time so far
// (Performance.getMetrics TaskDuration, which includes the throttling).
export async function load(browser, url, { catalog = false, slow = false, firstInput = false } = {}) {
  const { page } = browser;
  const requested = [];
  const onRequest = (request) => requested.push(new URL(request.url()).pathname);
  page.on('request', onRequest);
  await page.goto(url, { waitUntil: 'commit', timeout: 60000 });
  try {
    await page.waitForFunction((wantCatalog) => window.__bench && __bench.firstDraw !== null && (!wantCatalog || __bench.catalog !== null),
                               catalog, { timeout: slow ? 240000 : 60000, polling: 50 });
  } catch (error) {
    const seen = await page.evaluate(() => [...document.querySelectorAll('#mirror [role=heading]')].map((h) => h.textContent).join(' / '))
      .catch(() => '?');
    throw new Error(`${url}: ${catalog ? 'the catalog' : 'a first frame'} did not show (headings on screen: ${seen || 'none'}; ` +
                    `console errors: ${browser.problems.join(' | ') || 'none'}): ${error.message}`);
  }
  page.off('request', onRequest);
  let input = {};
  if (firstInput) {
    const metrics = await browser.session.send('Performance.getMetrics');
    const task = metrics.metrics.find((m) => m.name === 'TaskDuration');
    const size = page.viewportSize() || VIEWPORT;
    await page.mouse.click(size.width - 8, size.height - 8);
    const delay = await page.evaluate(() => new Promise((ok) => {
      new PerformanceObserver((list) => {
        const entry = list.getEntries()[0];
        ok(entry ? entry.processingStart - entry.startTime : null);
      }).observe({ type: 'first-input', buffered: true });
      setTimeout(() => ok(null), 5000);
    }));
    input = { mainThreadMs: task ? task.value * 1000 : null, firstInputDelay: delay };
  }
  const marks = await page.evaluate(() => ({
    firstDraw: __bench.firstDraw, catalog: __bench.catalog, packTaken: __bench.packTaken, packParsed: __bench.packParsed,
    heapBytes: window.Module && Module.HEAP8 ? Module.HEAP8.length : null,
    loaderStart: performance.getEntriesByName('siaga-load-start')[0]?.startTime ?? null,
    // What crossed the wire (encoded bodies plus headers) for the document and each resource.
    documentBytes: performance.getEntriesByType('navigation')[0]?.transferSize ?? null,
    resources: performance.getEntriesByType('resource').map((e) => ({
      path: new URL(e.name).pathname, initiator: e.initiatorType, start: e.startTime, end: e.responseEnd, bytes: e.transferSize })),
  }));
  return { ...marks, ...input, requested };
}

// `count` cold loads of one page, each in a new browser. Returns the list of results.
export async function coldLoads(url, { count, catalog = false, slow = false, storage = null, cpu = 1, screen = null, onEach = () => {} }) {
  const results = [];
  for (let i = 0; i < count; i++) {
    const browser = await openBrowser({ slow, storage, cpu, screen });
    try {
      const result = await load(browser, url, { catalog, slow, firstInput: cpu > 1 });
      if (browser.problems.length) result.problems = [...browser.problems];
      results.push(result);
      onEach(result, i);
    } finally {
      await browser.close();
    }
  }
  return results;
}

// A fresh browser with `url` loaded (and the catalog shown, when asked) and settled: the portal has
// stopped drawing; another page gets two seconds. Runs `work(browser)`, then closes the browser.
export async function withLoadedPage(url, { storage = null, catalog = false, portal = true } = {}, work) {
  const browser = await openBrowser({ storage });
  try {
    await load(browser, url, { catalog });
    if (portal) await settle(browser.page); else await browser.page.waitForTimeout(2000);
    return await work(browser);
  } finally {
    await browser.close();
  }
}

// [SECTION] Frames and idle cost ------------------------------------------------------------------------

// Moves the mouse over the page and scrolls now and then, as a reader does, and returns the CPU time
// (ms, measured by the portal itself) of every frame drawn meanwhile (the last 512 at most), and the
// mean time per frame spent in WebGL state queries, in all and by query.
// With a CDP `session`, also the main thread's own CPU time of every animation frame that drew
// (threadTimes): a DevTools trace gives each frame's callback its wall time and its thread time, and
// only the thread time leaves out the moments the thread waited for a core. On a two-core machine the
// GPU process (SwiftShader, several threads) runs beside the page and takes the core now and then, which
// the portal's own clock counts as frame time.
export async function driveAndCollectFrameTimes(page, { moves = 60, scrollEvery = 8, session = null } = {}) {
  await settle(page);
  const before = await page.evaluate(() => ({ frames: Module._siaga_frames_drawn(), glQueryMs: __bench.glQueryMs,
                                               glQueryBy: { ...__bench.glQueryBy } }));
  const events = [];
  let traced = null;
  if (session) {
    const collect = (e) => events.push(...e.value);
    session.on('Tracing.dataCollected', collect);
    traced = new Promise((resolve) => session.once('Tracing.tracingComplete', () => { session.off('Tracing.dataCollected', collect); resolve(); }));
    await session.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] },
                                          transferMode: 'ReportEvents' });
  }
  for (let i = 0; i < moves; i++) {
    const x = 40 + (i * 97) % (VIEWPORT.width - 80);
    const y = 40 + (i * 61) % (VIEWPORT.height - 80);
    await page.mouse.move(x, y);
    if (i % scrollEvery === scrollEvery - 1) await page.mouse.wheel(0, i % (scrollEvery * 4) === scrollEvery * 4 - 1 ? -900 : 300);
    await page.waitForTimeout(120);
  }
  await settle(page);
  let threadTimes = null;
  if (session) {
    await session.send('Tracing.end');
    await traced;
    threadTimes = drawnFrameThreadTimes(events);
  }
  const result = await page.evaluate((start) => {
    const drawn = Module._siaga_frames_drawn() - start.frames;
    const times = [];
    for (let i = 0; i < Math.min(drawn, 512); i++) times.push(Module._siaga_frame_ms(i));
    const glQueryByPerFrame = Object.entries(__bench.glQueryBy)
      .map(([query, ms]) => [query, drawn ? (ms - (start.glQueryBy[query] || 0)) / drawn : 0]).sort((a, b) => b[1] - a[1]);
    return { times: times.filter((t) => t >= 0), drawn, glQueryMsPerFrame: drawn ? (__bench.glQueryMs - start.glQueryMs) / drawn : null,
             glQueryByPerFrame };
  }, before);
  return { ...result, threadTimes };
}

// The thread time (ms) of every animation-frame callback of the page's main thread that drew: one
// holding the 'siaga-draw' time stamp the hooks leave at a frame's first draw call.
function drawnFrameThreadTimes(events) {
  const frames = events.filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X' && e.tdur !== undefined);
  const stamps = events.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'siaga-draw');
  return frames.filter((f) => stamps.some((s) => s.tid === f.tid && s.ts >= f.ts && s.ts <= f.ts + f.dur))
    .map((f) => f.tdur / 1000);
}

let clockTicks = 0;
// CPU seconds used so far by the Chromium of this profile: the browser process and all its
// descendants (renderer, GPU/SwiftShader, network, zygotes), from /proc.
export async function chromiumCpuSeconds(profileDir) {
  clockTicks ||= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const processes = new Map();
  const roots = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      processes.set(Number(name), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
      const command = await readFile(`/proc/${name}/cmdline`, 'utf8');
      if (command.includes(`--user-data-dir=${profileDir}`) && !command.includes('--type=')) roots.push(Number(name));
    } catch { /* the process ended meanwhile */ }
  }
  const children = new Map();
  for (const [pid, { parent }] of processes) children.set(parent, [...(children.get(parent) || []), pid]);
  let ticks = 0;
  const stack = [...roots];
  while (stack.length) {
    const pid = stack.pop();
    ticks += processes.get(pid)?.ticks || 0;
    stack.push(...(children.get(pid) || []));
  }
  return roots.length ? ticks / clockTicks : null;
}

async function mainThreadSeconds(session) {
  const { metrics } = await session.send('Performance.getMetrics');
  const value = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { task: value('TaskDuration'), script: value('ScriptDuration') };
}

// What `seconds` without any input cost: frames drawn (in-page count of animation frames that drew),
// the renderer main thread's busy time (CDP Performance.getMetrics TaskDuration and ScriptDuration
// deltas), and the CPU time of all the browser's processes (/proc).
export async function idleCost(browser, seconds) {
  const { page, session, profileDir } = browser;
  const counters = () => page.evaluate(() => ({
    drawFrames: __bench.drawFrames,
    portalFrames: window.SiagaBridge && SiagaBridge.framesDrawn ? SiagaBridge.framesDrawn() : null,
  }));
  const before = { ...(await counters()), main: await mainThreadSeconds(session), cpu: await chromiumCpuSeconds(profileDir) };
  const started = Date.now();
  await new Promise((ok) => setTimeout(ok, seconds * 1000));
  const elapsed = (Date.now() - started) / 1000;
  const after = { ...(await counters()), main: await mainThreadSeconds(session), cpu: await chromiumCpuSeconds(profileDir) };
  return {
    seconds: elapsed,
    frames: after.drawFrames - before.drawFrames,
    portalFrames: before.portalFrames === null ? null : after.portalFrames - before.portalFrames,
    mainThreadMs: (after.main.task - before.main.task) * 1000,
    scriptMs: (after.main.script - before.main.script) * 1000,
    cpuPercent: before.cpu === null ? null : (after.cpu - before.cpu) / elapsed * 100,
  };
}
