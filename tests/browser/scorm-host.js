// scorm-host.js — the LMS side of the SCORM browser test: scorm-again's SCORM 1.2 runtime as
// window.API, seeded like an LMS would (learner, entry, suspend data kept from the last session), with
// every call the course makes recorded in siagaHost.log, and the course (the SCO) in an iframe.
'use strict';
window.siagaHost = (function () {
  const log = [];  // { call, args, result, error, cmi (after commits and finish) }
  let api = null;

  // The data model as the LMS holds it (write-only elements such as session_time included).
  function snapshot() { return JSON.parse(JSON.stringify(api.renderCMIToJSONObject())); }

  function start({ launch, suspendData = '', learner = 'learner-1' }) {
    api = new Scorm12API({ autocommit: false, logLevel: 5 });
    const core = { student_id: learner, student_name: 'Tester, Ana', entry: suspendData ? 'resume' : 'ab-initio' };
    if (suspendData) core.lesson_status = 'incomplete';
    api.loadFromJSON({ core, suspend_data: suspendData });
    for (const name of ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit']) {
      const original = api[name];
      api[name] = function (...args) {
        const result = original.apply(api, args);
        const entry = { call: name, args, result: String(result), error: String(api.LMSGetLastError()) };
        if (name === 'LMSCommit' || name === 'LMSFinish') entry.cmi = snapshot();
        log.push(entry);
        return result;
      };
    }
    window.API = api;
    document.getElementById('state').textContent = 'Course launched: ' + launch;
    document.getElementById('sco').src = launch;
  }

  // The learner leaves the course: the LMS replaces the SCO's page, which then gets pagehide.
  function unload() { document.getElementById('sco').src = 'about:blank'; }

  return { start, unload, log, cmi: () => snapshot() };
})();
