// files.js — files leaving and entering the page: downloads (a Blob link), the file picker for imports
// (size-limited here, before C++ sees them; the result waits for C++ in takePicked), and printing.
(function (bridge) {
  const MAX_IMPORT_BYTES = 1024 * 1024;
  let picked = null;
  function take(purpose, file) {
    if (file.size > MAX_IMPORT_BYTES) {
      picked = { purpose, name: file.name, error: 'too-large' };
      bridge.wake();
      return;
    }
    file.arrayBuffer().then((buffer) => { picked = { purpose, name: file.name, bytes: new Uint8Array(buffer) }; bridge.wake(); },
                            () => { picked = { purpose, name: file.name, error: 'unreadable' }; bridge.wake(); });
  }
  function pickFile(purpose, accept) {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => { if (input.files && input.files[0]) take(purpose, input.files[0]); });
    input.click();
  }
  // A file dropped on the page arrives like a picked one, with purpose "dropped"; C++ decides what it
  // is for from the screen it lands on (the facilitator screen opens it as a question bank).
  window.addEventListener('dragover', (e) => { if (e.dataTransfer && e.dataTransfer.types.includes('Files')) e.preventDefault(); });
  window.addEventListener('drop', (e) => {
    const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
    if (!file) return;
    e.preventDefault();
    take('dropped', file);
  });
  function download(name, mime, bytes) {
    const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // Printing: A self-contained page (built and escaped in C++, src/core/printable.cpp) printed from a
  // hidden frame. The frame inherits this page's Content Security Policy; the page's one <style> is
  // allowed there by its hash (index.html). Where the frame cannot print, the page is downloaded.
  function printDocument(title, html) {
    const old = document.getElementById('print-frame');
    if (old) old.remove();
    const fallback = () => download(title.replace(/[\\/:*?"<>|]+/g, '-') + '.html', 'text/html', html);
    const frame = document.createElement('iframe');
    frame.id = 'print-frame';
    frame.title = title;
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.className = 'print-frame';
    frame.addEventListener('load', () => {
      const win = frame.contentWindow;
      try {
        if (!win || typeof win.print !== 'function') throw new Error('no print');
        win.focus();
        win.print();  // returns when the print window closes
      } catch (e) {
        fallback();
      }
      // Keys belong to the portal again (the frame took the focus to print).
      document.getElementById('canvas').focus();
    }, { once: true });
    frame.srcdoc = html;
    document.body.appendChild(frame);
  }

  Object.assign(bridge, {
    download,
    pickFile,
    printDocument,
    takePicked() { const p = picked; picked = null; return p; },
  });
})(window.SiagaBridge);
