// content.mjs — content for the benchmark that is not in content/: the real English courses copied
// ×N with renamed course ids, and a synthetic catalog of many modules. Each tree is packed with the
// project's own siaga-pack (so it passes the same checks as real content) and served from a COPY of
// the built portal with that pack in place of content-en.pack.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constants, brotliCompressSync } from 'node:zlib';

// English content ×copies: copy 1 keeps the real ids, copy k renames each course to "<id>-x<k>".
export async function scaledContent(contentDir, outDir, copies) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'en'), { recursive: true });
  await cp(join(contentDir, 'en', 'ui.po'), join(outDir, 'en', 'ui.po'));
  const courses = (await readdir(join(contentDir, 'en'), { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  for (let k = 1; k <= copies; k++) {
    for (const course of courses) {
      const id = k === 1 ? course : `${course}-x${k}`;
      const target = join(outDir, 'en', id);
      await cp(join(contentDir, 'en', course), target, { recursive: true });
      if (k === 1) continue;
      const coursePath = join(target, 'course.md');
      const text = await readFile(coursePath, 'utf8');
      await writeFile(coursePath, text.replace(/^id:\s*\S+/m, `id: ${id}`).replace(/^title:\s*(.*)$/m, `title: $1 (copy ${k})`));
    }
  }
  return outDir;
}

const WORDS = ('migrant worker consular mission embassy shelter evacuation register document passport crisis ' +
  'conflict earthquake flood recruiter contract wage debt protection referral hotline family community ' +
  'officer facilitator interview evidence victim survivor assistance return reintegration partner agency').split(' ');

function sentence(seed, length) {
  const words = [];
  let state = (seed * 2654435761) >>> 0;
  for (let i = 0; i < length; i++) {
    state = (state * 1664525 + 1013904223) >>> 0;  // a small LCG: varied but the same every run
    words.push(WORDS[(state >>> 16) % WORDS.length]);
  }
  const text = words.join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
}

function paragraph(seed, sentences = 4) {
  return Array.from({ length: sentences }, (_, i) => sentence(seed + i * 7, 9 + ((seed + i) % 8))).join(' ');
}

// A synthetic catalog: `courses` courses of `modulesPerCourse` modules, each module a few sections of
// paragraphs, a list and a callout (about 2.5 KB of Markdown).
export async function syntheticContent(contentDir, outDir, { courses, modulesPerCourse }) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'en'), { recursive: true });
  await cp(join(contentDir, 'en', 'ui.po'), join(outDir, 'en', 'ui.po'));
  for (let c = 1; c <= courses; c++) {
    const course = `synthetic-${String(c).padStart(2, '0')}`;
    const dir = join(outDir, 'en', course);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'course.md'), [
      '---', `id: ${course}`, `title: Synthetic course ${c}`, `summary: ${sentence(c, 14)}`,
      'audience: benchmark', 'pass: 70', 'certificate: no', '---', paragraph(c, 3), '',
    ].join('\n'));
    for (let m = 1; m <= modulesPerCourse; m++) {
      const seed = c * 1000 + m;
      const sections = [1, 2, 3].map((s) => [
        `## ${sentence(seed + s, 4).slice(0, -1)} {#part-${s}}`, '', paragraph(seed + s * 11), '',
        `- ${sentence(seed + s, 6)}`, `- ${sentence(seed + s + 1, 7)}`, `- ${sentence(seed + s + 2, 5)}`, '',
        '> [!TIP]', `> ${sentence(seed + s * 5, 12)}`, '', paragraph(seed + s * 13, 3), '',
      ].join('\n'));
      await writeFile(join(dir, `${String(m).padStart(3, '0')}-module-${m}.md`), [
        '---', `id: module-${m}`, `title: Module ${m} of course ${c}`, `summary: ${sentence(seed, 12)}`,
        `minutes: ${5 + (m % 20)}`, 'tags: topic:synthetic', '---', paragraph(seed, 2), '', ...sections,
      ].join('\n'));
    }
  }
  return outDir;
}

// Packs `contentTree` with siaga-pack and makes `outDist`, a copy of `dist` serving its packs as the
// English ones (with brotli copies, quality 5: transfer size does not matter on loopback).
export async function distWithPack(dist, packTool, contentTree, outDist) {
  const packDir = `${outDist}.pack`;
  await rm(packDir, { recursive: true, force: true });
  execFileSync(packTool, [contentTree, packDir], { stdio: ['ignore', 'ignore', 'pipe'] });
  await rm(outDist, { recursive: true, force: true });
  await cp(dist, outDist, { recursive: true });
  // The language pack (interface words and course indexes) and every course's own pack of lessons.
  let packBytes = 0, coursePackBytes = 0;
  for (const name of (await readdir(packDir)).filter((f) => /^(content|course)-en.*\.pack$/.test(f))) {
    const pack = await readFile(join(packDir, name));
    await writeFile(join(outDist, name), pack);
    await writeFile(join(outDist, `${name}.br`), brotliCompressSync(pack, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }));
    await rm(join(outDist, `${name}.gz`), { force: true });
    if (name === 'content-en.pack') packBytes = pack.length; else coursePackBytes += pack.length;
  }
  await rm(packDir, { recursive: true, force: true });
  return { dist: outDist, packBytes, coursePackBytes };
}
