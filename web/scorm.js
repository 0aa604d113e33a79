// scorm.js — the portal's side of a SCORM 1.2 LMS, when an LMS launched it (the package's launch
// address carries ?scorm=1&course=<id>). Finds the LMS's API object the standard way, starts the
// session, hands C++ the suspend data kept from last time, passes on what C++ reports (status, score,
// suspend data) with a commit each time, and ends the session when the page goes away.
// Without ?scorm=1, or when no API is found, it does nothing: the portal runs standalone as before.
// Nothing here throws: LMS errors are reported with console.warn, the learner keeps working.
'use strict';
window.SiagaScorm = (function () {
  const MAX_SUSPEND = 4096;  // cmi.suspend_data is a CMIString4096
  const STATUSES = ['incomplete', 'passed', 'failed', 'completed'];
  const params = new URLSearchParams(location.search);
  const courseId = /^[a-z0-9-]{1,64}$/.test(params.get('course') || '') ? params.get('course') : '';
  let api = null;
  let startedAt = 0;
  let resumeData = '';
  let finished = false;
  const sent = {};  // element -> the value last set, so a report sets only what changed

  // [discovery] The LMS puts `API` on one of the windows above this one, or on the opener's chain. A
  // window on another origin throws when read; it cannot hold an API this page can call anyway.
  function apiOn(win) {
    try {
      return win && win.API && typeof win.API.LMSInitialize === 'function' ? win.API : null;
    } catch (e) {
      return null;
    }
  }
  function parentOf(win) {
    try {
      return win.parent && win.parent !== win ? win.parent : null;
    } catch (e) {
      return null;
    }
  }
  function findAPI(win) {
    for (let tries = 0; win && tries <= 7; tries++, win = parentOf(win)) {
      const found = apiOn(win);
      if (found) return found;
    }
    return null;
  }

  // [calls] Every LMS call goes through here: the "true"/"false" answers are checked and failures
  // are explained with the LMS's own error text.
  function warnLastError(what) {
    let code = '?', text = '';
    try {
      code = String(api.LMSGetLastError());
      text = String(api.LMSGetErrorString(code));
    } catch (e) { /* the LMS cannot even say */ }
    console.warn('SCORM: ' + what + ' failed (' + code + (text ? ': ' + text : '') + ')');
  }
  function call(name, ...args) {
    try {
      if (String(api[name](...args)) === 'true') return true;
    } catch (e) {
      console.warn('SCORM: ' + name + ' threw: ' + (e && e.message));
      return false;
    }
    warnLastError(name + (args[0] ? '(' + args[0] + ')' : ''));
    return false;
  }
  function get(element) {
    try {
      const value = api.LMSGetValue(element);
      const code = String(api.LMSGetLastError());
      if (code === '0' || code === '') return String(value === null || value === undefined ? '' : value);
      warnLastError('LMSGetValue(' + element + ')');
    } catch (e) {
      console.warn('SCORM: LMSGetValue(' + element + ') threw: ' + (e && e.message));
    }
    return '';
  }
  // 'same' (already sent, no call), 'set' or 'failed'.
  function set(element, value) {
    value = String(value);
    if (sent[element] === value) return 'same';
    if (!call('LMSSetValue', element, value)) return 'failed';
    sent[element] = value;
    return 'set';
  }

  // cmi.core.session_time is a CMITimespan: HHHH:MM:SS.SS.
  function timespan(ms) {
    const centis = Math.min(Math.max(0, Math.round(ms / 10)), 9999 * 360000 + 359999);
    const two = (n) => String(n).padStart(2, '0');
    return String(Math.floor(centis / 360000)).padStart(4, '0') + ':' + two(Math.floor(centis / 6000) % 60) + ':' +
           two(Math.floor(centis / 100) % 60) + '.' + two(centis % 100);
  }

  function finish() {
    if (!api || finished) return;
    finished = true;
    set('cmi.core.session_time', timespan(Date.now() - startedAt));
    const done = sent['cmi.core.lesson_status'] === 'passed' || sent['cmi.core.lesson_status'] === 'completed';
    set('cmi.core.exit', done ? '' : 'suspend');
    call('LMSCommit', '');
    call('LMSFinish', '');
  }

  function start() {
    if (params.get('scorm') !== '1') return;
    const found = findAPI(window) || (function () {
      try { return window.opener ? findAPI(window.opener) : null; } catch (e) { return null; }
    })();
    if (!found) {
      console.warn('SCORM: launched as a SCORM package but no LMS API was found; running on its own');
      return;
    }
    api = found;
    if (!call('LMSInitialize', '')) {
      api = null;
      return;
    }
    startedAt = Date.now();
    if (!courseId) console.warn('SCORM: the launch address names no valid course');
    resumeData = get('cmi.suspend_data');
    const status = get('cmi.core.lesson_status');
    sent['cmi.core.lesson_status'] = status;
    if (status === '' || status === 'not attempted') {
      set('cmi.core.lesson_status', 'incomplete');
      call('LMSCommit', '');
    }
    // pagehide is the reliable one (also on phones and when the LMS removes the frame); beforeunload
    // only covers browsers that skip it. finish() runs once either way.
    window.addEventListener('pagehide', finish);
    window.addEventListener('beforeunload', finish);
  }
  start();

  return {
    connected() { return api !== null && !finished; },
    course() { return courseId; },
    resumeData() { return api ? resumeData : ''; },

    // { lessonStatus, scoreRaw (0..100, or < 0 for none), suspendData }. Sets what changed, then
    // commits. Returns true when everything was accepted.
    report(state) {
      if (!api || finished || !state) return false;
      let ok = true, changed = false;
      const mark = (result) => {
        if (result === 'set') changed = true;
        if (result === 'failed') ok = false;
      };
      const kept = sent['cmi.core.lesson_status'];
      if (STATUSES.includes(state.lessonStatus)) {
        // A pass the LMS already holds stays (e.g. when its suspend data could not be read this time).
        const downgrade = (kept === 'passed' || kept === 'completed') &&
                          (state.lessonStatus === 'incomplete' || state.lessonStatus === 'failed');
        if (!downgrade) mark(set('cmi.core.lesson_status', state.lessonStatus));
      } else if (state.lessonStatus !== undefined) {
        console.warn('SCORM: not a lesson status Siaga sends: ' + state.lessonStatus);
        ok = false;
      }
      const score = Number(state.scoreRaw);
      if (Number.isFinite(score) && score >= 0) {
        mark(set('cmi.core.score.min', '0'));
        mark(set('cmi.core.score.max', '100'));
        mark(set('cmi.core.score.raw', String(Math.min(100, Math.round(score)))));
      }
      if (typeof state.suspendData === 'string') {
        if (state.suspendData.length > MAX_SUSPEND) {
          console.warn('SCORM: suspend data of ' + state.suspendData.length + ' characters refused (the limit is ' +
                       MAX_SUSPEND + '); the LMS keeps the previous copy');
          ok = false;
        } else {
          mark(set('cmi.suspend_data', state.suspendData));
        }
      }
      if (changed && !call('LMSCommit', '')) ok = false;
      return ok;
    },
  };
})();
