// trace-answer.mjs — counts the calls from a click on a quiz answer on the canvas to the write in
// localStorage: signs a learner in, opens the MICIC first module's quiz, clicks its first answer on the
// canvas with the real mouse, and prints the call stack at the localStorage.setItem that saves the
// learner's progress, innermost first, with a count.
//
// Needs a build whose wasm keeps its function names and is not inlined, so that each source-level call
// is one frame:  emcmake cmake -S . -B build/web-trace -DCMAKE_BUILD_TYPE=Debug -DSIAGA_WEB_OPT=-O0
//   -DSIAGA_WEB_LTO=OFF -DSIAGA_WEB_CLOSURE=OFF -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs ...
// then:  SIAGA_DIST=build/web-trace/dist node tools/trace-answer.mjs
import { serve, launch, waitForPortal, createLearner, findByRole, clickWidget, mirror } from '../tests/browser/lib.mjs';

const QUIZ = '#/course/micic/module/why-micic/section/check';
// Emscripten's own main-loop runner: the browser's animation callback down to the portal's frame.
const RUNTIME = new Set(['browserIterationFunc', 'callUserCallback', 'Object.runIter', 'Browser_mainLoop_runner']);

// A C++ frame's name without template arguments, parameters and return type: the name a reader looks for.
function simplify(name) {
  let out = name.replace(/\(anonymous namespace\)/g, '{anonymous}');
  for (let previous = ''; previous !== out;) {
    previous = out;
    out = out.replace(/<[^<>]*>/g, '').replace(/\([^()]*\)/g, '()');
  }
  return out.replace(/^(?:decltype\(\)|auto) /, '').replace(/ const$/, '');
}
const served = await serve();
const b = await launch();
try {
  await b.page.addInitScript(() => {
    Error.stackTraceLimit = 200;
    const original = Storage.prototype.setItem;
    window.__siagaWrites = [];
    Storage.prototype.setItem = function (key, value) {
      window.__siagaWrites.push({ key, stack: new Error().stack });
      return original.call(this, key, value);
    };
  });
  await b.page.goto(served.url);
  await waitForPortal(b.page);
  await createLearner(b.page, 'Trace');
  await b.page.goto(served.url + QUIZ);
  await findByRole(b.page, 'heading', 'Check your understanding');
  const start = mirror(b.page).getByRole('button', { name: 'Start the quiz', exact: true });
  if (await start.count()) await clickWidget(b.page, 'button', 'Start the quiz');
  const radio = mirror(b.page).getByRole('radio').first();
  await radio.waitFor({ state: 'attached', timeout: 20000 });
  const answer = await radio.getAttribute('aria-label') || await radio.textContent();
  await b.page.waitForTimeout(500);
  await b.page.evaluate(() => { window.__siagaWrites = []; });
  await clickWidget(b.page, 'radio', answer);
  await b.page.waitForFunction(() => window.__siagaWrites.some((w) => w.key.startsWith('siaga.progress.')),
    null, { timeout: 20000 });
  const write = await b.page.evaluate(() => window.__siagaWrites.find((w) => w.key.startsWith('siaga.progress.')));
  // "    at name (file:line:col)" lines; the first is the wrapper installed above, not the portal's.
  const frames = write.stack.split('\n').slice(2).map((line) => line.trim().replace(/^at /, ''))
    .map((line) => line.replace(/\s*\((?:https?|wasm):\/\/[^)]*\)$/, '').replace(/ \(http[^)]*\)$/, ''));
  const short = frames.map(simplify);
  const kinds = short.map((f) => (RUNTIME.has(f) ? 'emscripten' : /std::__2::/.test(f) ? 'std' : 'siaga'));
  console.log(`answer clicked on the canvas: ${answer}`);
  console.log(`write: localStorage.setItem("${write.key}")`);
  short.forEach((f, i) => console.log(`${String(i + 1).padStart(3)}  ${kinds[i].padEnd(10)} ${f}`));
  const count = (kind) => kinds.filter((k) => k === kind).length;
  console.log(`calls on the stack at localStorage.setItem: ${frames.length} (the portal's own ${count('siaga')}, ` +
              `C++ standard library ${count('std')}, Emscripten's main-loop runner ${count('emscripten')})`);
} finally {
  await b.close();
  served.server.close();
}
