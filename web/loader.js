// loader.js — shows a real progress bar while the portal's files download, then starts the
// WebAssembly module. Explains in plain words what is wrong when the browser cannot run it.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);

  function problem(en, id) {
    $('loading').hidden = true;
    $('problem-text').textContent = en;
    $('problem-text-id').textContent = id || '';
    $('problem').hidden = false;
  }
  window.SiagaProblem = problem;

  // The check is the portal's own context, made on its canvas and handed to the glue
  // (Module.preinitializedWebGLContext): a browser makes one WebGL context at start, not two. No depth,
  // stencil or multisampling: ImGui draws flat triangles, and a phone keeps that memory.
  const gl = $('canvas').getContext('webgl2', { alpha: false, depth: false, stencil: false, antialias: false,
                                                  premultipliedAlpha: true, preserveDrawingBuffer: false });
  if (!gl) {
    problem('Siaga needs a browser with WebGL 2 (for example a recent Chrome, Firefox, Edge or Safari). ' +
            'WebGL 2 seems to be missing or turned off here. Try updating the browser, or turning on hardware acceleration.',
            'Siaga memerlukan peramban dengan WebGL 2 (misalnya Chrome, Firefox, Edge, atau Safari versi terbaru). ' +
            'WebGL 2 tampaknya tidak tersedia atau dimatikan. Coba perbarui peramban atau aktifkan akselerasi perangkat keras.');
    return;
  }
  if (typeof WebAssembly !== 'object') {
    problem('Siaga needs a browser that supports WebAssembly. Please update your browser.',
            'Siaga memerlukan peramban yang mendukung WebAssembly. Silakan perbarui peramban Anda.');
    return;
  }

  const sizes = JSON.parse(document.body.dataset.files || '{}');  // raw sizes, written by the build
  // The italic face is not here: the portal asks for it when a lesson first needs it. Content comes
  // with the program when the portal said at its last start which files it needed (prefetchHint);
  // otherwise (a first visit) the portal, which chooses the language, asks for it once it runs.
  // LanguageNames.ttf: the few Arabic-script glyphs that name دری / فارسی and العربية in the menu.
  const wanted = ['siaga.wasm', 'siaga.js', 'NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'LanguageNames.ttf', 'languages.json']
    .filter((name) => name !== 'LanguageNames.ttf' || name in sizes).concat(SiagaBridge.prefetchHint().filter((name) => name in sizes));
  let total = wanted.reduce((sum, name) => sum + (sizes[name] || 0), 0);
  const received = {};
  const bar = $('loading-bar');
  const kb = (n) => Math.round(n / 1024) + ' KB';

  function showProgress() {
    const got = Object.values(received).reduce((a, b) => a + b, 0);
    bar.value = total ? Math.min(1, got / total) : 0;
    $('loading-bytes').textContent = kb(got) + ' / ' + kb(total);
  }

  function counted(name, got) {
    received[name] = got;
    showProgress();
  }
  const fetchCounting = (name) => SiagaBridge.fetchCounting(name, (got) => counted(name, got));

  // A first visit has no content prefetched: the portal asks for it as soon as it runs, and until it
  // has arrived the same bar goes on, with that file added to the total.
  SiagaBridge.startupProgress = (name, got) => {
    if ($('loading').hidden || !(name in sizes)) return;
    if (!(name in received)) total += sizes[name];
    $('loading-text').textContent = 'Loading the courses…';
    counted(name, got);
  };

  // The LMS side (scorm.js) only when an LMS launched the package (?scorm=1, tools/package-scorm.sh);
  // other visits do not download it. It must run before C++ asks whether an LMS is connected. If it
  // cannot load, the portal runs standalone and says so in the console.
  const scormReady = new URLSearchParams(location.search).get('scorm') !== '1' ? Promise.resolve()
    : new Promise((resolve) => {
      const script = document.createElement('script');
      script.src = 'scorm.js';
      script.onload = resolve;
      script.onerror = () => { console.warn('Siaga: scorm.js did not load; progress is not reported to the LMS.'); resolve(); };
      document.head.appendChild(script);
    });

  $('loading').hidden = false;
  showProgress();
  performance.mark('siaga-load-start');

  Promise.all([Promise.all(wanted.map((name) => fetchCounting(name).then((bytes) => [name, bytes]))), scormReady])
    .then(([files]) => {
      let wasm = null;
      for (const [name, bytes] of files) {
        if (name === 'siaga.wasm') wasm = bytes;
        else if (name !== 'siaga.js') SiagaBridge.addAsset(name, bytes);
      }
      $('loading-text').textContent = 'Starting…';
      window.Module = {
        canvas: $('canvas'),
        preinitializedWebGLContext: gl,
        instantiateWasm(imports, done) {
          WebAssembly.instantiate(wasm, imports).then((result) => {
            SiagaBridge.wasmExports = result.instance.exports;  // what the code modules link to (bridge/code.js)
            done(result.instance);
          }, (error) => {
            problem('Siaga could not start: ' + error.message, 'Siaga tidak dapat dimulai.');
          });
          return {};
        },
        // The lesson and facilitator code is instantiated before C++ calls into it (web/bridge/code.js);
        // a call that reached one of its placeholders first would be a bug, said plainly.
        loadSplitModule() { throw new Error('code of siaga-lessons.wasm or siaga-facilitator.wasm was called before it arrived'); },
        print: (text) => console.log(text),
        printErr: (text) => console.warn(text),
        onAbort: (what) => problem('Siaga stopped because of an internal error (' + what + '). Reload the page; your saved progress is kept.',
                                   'Siaga berhenti karena kesalahan internal. Muat ulang halaman; kemajuan yang tersimpan tetap ada.'),
      };
      SiagaBridge.attach(window.Module);
      const script = document.createElement('script');
      script.src = 'siaga.js';
      script.onerror = () => problem('Could not load siaga.js.', 'Gagal memuat siaga.js.');
      document.body.appendChild(script);
    })
    .catch((error) => {
      problem('Siaga could not download its files (' + error.message + '). Check the connection and reload the page.',
              'Siaga tidak dapat mengunduh berkasnya. Periksa koneksi, lalu muat ulang halaman.');
    });
})();
