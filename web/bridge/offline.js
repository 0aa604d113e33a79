// offline.js — the service worker keeps every file of this version (web/sw.js); a newer version waits
// until the learner chooses to reload (their progress is saved as they go, so reloading loses nothing).
// The notice's words come from C++ in the learner's language (setPageText); English until it runs.
(function (bridge) {
  const text = { updateReady: 'A new version of Siaga is ready.', reload: 'Reload' };
  let waitingWorker = null;

  function showUpdate() {
    if (!waitingWorker) return;
    document.getElementById('update-text').textContent = text.updateReady;
    const button = document.getElementById('update-button');
    button.textContent = text.reload;
    button.onclick = () => waitingWorker.postMessage('skip-waiting');
    document.getElementById('update').hidden = false;
  }
  function offerUpdate(worker) {
    waitingWorker = worker;
    showUpdate();
  }

  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    let reloading = false;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (reloading || !window.siagaHadController) return;
      reloading = true;
      location.reload();
    });
    window.siagaHadController = !!navigator.serviceWorker.controller;
    navigator.serviceWorker.register('sw.js').then((registration) => {
      if (!registration) return;  // a browser that blocks workers may resolve with nothing
      const watch = (worker) => worker && worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && window.siagaHadController) offerUpdate(worker);
      });
      if (registration.waiting && window.siagaHadController) offerUpdate(registration.waiting);
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
    }, (error) => console.warn('offline support unavailable:', error.message));
  }

  bridge.setPageText = function (updateReady, reload) {
    text.updateReady = updateReady;
    text.reload = reload;
    showUpdate();  // already showing: now in the learner's language
  };
})(window.SiagaBridge);
