// gift.mjs — a small reader of the course files for the browser tests: the questions of a module's
// quiz (GIFT inside a ```quiz fence) with their right answers, read straight from content/, so a test
// can work out expected scores on its own instead of copying them from the portal.
// It understands what the courses use: single choice (=/~), multiple response (~%n%), true/false,
// matching (=a -> b), numeric {#n} and short answer {=word}.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

// Inline Markdown to the plain text the portal shows (and names its widgets with).
export function plain(text) {
  return text.replace(/\\(.)/g, '$1').replace(/\*\*(.+?)\*\*/g, '$1').replace(/\*(.+?)\*/g, '$1')
    .replace(/`(.+?)`/g, '$1').trim();
}

// The text before an unescaped " #" (feedback) in an option line.
function beforeFeedback(text) {
  const m = text.match(/^(.*?)(?<!\\)#/);
  return (m ? m[1] : text).trim();
}

function parseQuestion(id, text, body) {
  const q = { id, text: plain(text), type: null, options: [], pairs: [], truth: null, numbers: [], accepted: [] };
  const inline = body.trim();
  if (/^(TRUE|FALSE|T|F)\b/.test(inline)) {
    q.type = 'truefalse';
    q.truth = /^T/.test(inline);
    return q;
  }
  if (inline.startsWith('#') && !inline.startsWith('####')) {
    q.type = 'numeric';
    q.numbers = [Number(inline.slice(1).split(/\s|#/)[0].split(':')[0])];
    return q;
  }
  const lines = body.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('####'));
  if (lines.length === 1 && lines[0].startsWith('=') && !lines[0].includes('->')) {
    q.type = 'short';
    // Several accepted answers may share the line: =UNHCR =the UNHCR ... (split on unescaped '=').
    q.accepted = beforeFeedback(lines[0].slice(1)).split(/(?<!\\)=/).map((a) => plain(a)).filter(Boolean);
    return q;
  }
  for (const line of lines) {
    if (line.startsWith('=') && line.includes('->')) {
      const [left, right] = beforeFeedback(line.slice(1)).split('->').map((s) => plain(s));
      q.pairs.push({ left, right });
      continue;
    }
    const m = line.match(/^([=~])(?:%(-?\d+(?:\.\d+)?)%)?(.*)$/);
    if (!m) continue;
    const weight = m[1] === '=' ? 100 : m[2] !== undefined ? Number(m[2]) : 0;
    q.options.push({ text: plain(beforeFeedback(m[3])), weight });
  }
  if (q.pairs.length) q.type = 'matching';
  else if (lines.some((l) => /^~%\d/.test(l)) && !lines.some((l) => l.startsWith('='))) q.type = 'multiple';
  else q.type = 'single';
  return q;
}

// { moduleId, sections: [{id, quizId, kind, graded, questions}] } for one module file.
export async function readModule(course, file, lang = 'en') {
  const text = await readFile(join(ROOT, 'content', lang, course, file), 'utf8');
  const moduleId = text.match(/^id:\s*(\S+)/m)[1];
  const quizzes = [];
  let section = '';
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heading = lines[i].match(/^## .*\{#([a-z0-9-]+)\}\s*$/);
    if (heading) section = heading[1];
    const fence = lines[i].match(/^```quiz\s+(.*)$/);
    if (!fence) continue;
    const attrs = Object.fromEntries(fence[1].trim().split(/\s+/).map((a) => a.split('=')));
    let j = i + 1;
    const inner = [];
    while (!lines[j].startsWith('```')) inner.push(lines[j++]);
    i = j;
    const questions = [];
    const source = inner.join('\n');
    const re = /::([a-z0-9-]+)::\s*([^{]*)\{([^}]*)\}/g;
    for (let m = re.exec(source); m; m = re.exec(source)) questions.push(parseQuestion(m[1], m[2], m[3]));
    quizzes.push({ section, quizId: attrs.id, kind: attrs.kind || 'module', graded: attrs.graded !== 'no', questions });
  }
  return { moduleId, quizzes };
}

// The interface strings of one language (content/<lang>/ui.po): key (msgctxt) -> msgstr, so a test
// in another language finds its widgets by the words that language really shows.
export async function readUi(lang) {
  const text = await readFile(join(ROOT, 'content', lang, 'ui.po'), 'utf8');
  const unquote = (s) => JSON.parse(s);
  const strings = {};
  let key = null, field = null;
  for (const line of text.split('\n')) {
    let m;
    if ((m = line.match(/^msgctxt (".*")$/))) { key = unquote(m[1]); field = null; }
    else if ((m = line.match(/^msgstr (".*")$/)) && key !== null) { field = key; strings[key] = unquote(m[1]); }
    else if ((m = line.match(/^(".*")$/)) && field !== null) strings[field] += unquote(m[1]);
    else if (!line.startsWith('msgid') && !line.startsWith('"')) field = null;
  }
  return strings;
}

// A string with its {0}, {1} ... filled in, as the portal does.
export function fill(template, ...args) {
  return template.replace(/\{(\d+)\}/g, (_, i) => args[Number(i)]);
}
