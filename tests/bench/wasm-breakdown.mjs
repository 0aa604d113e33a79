// wasm-breakdown.mjs — what siaga.wasm is made of: code bytes per group of functions (Dear ImGui,
// SDL2, md4c, the portal's own code, the C++ library...), static data, and the rest, as a Markdown table.
//
//   node tests/bench/wasm-breakdown.mjs RELEASE.wasm NAMED.wasm WEB_BUILD_DIR
//
// NAMED.wasm is the same link with --profiling-funcs (tools/bench.sh makes it): identical code plus a
// "name" section. WEB_BUILD_DIR (build/web) holds the objects and libraries of that link, which say
// where each function comes from. Also exports makeClassifier() for grouping the functions of a CPU
// profile the same way (tests/bench/run.mjs).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, brotliCompressSync } from 'node:zlib';

// Where each function comes from: the defined function symbols (llvm-nm, demangled) of every object
// and library of the portal's link (build/web: CMake's objects1 and linkLibs.rsp lists), first strong
// definition wins. nlohmann::json and std:: templates are named by their namespace, since every user
// instantiates them; anything in no listed file comes from Emscripten's libc, libc++ and emmalloc.
const LIBRARY_GROUPS = [
  [/libsiaga_core\.a$/, 'Siaga core (src/core)'],
  [/libsiaga_app\.a$/, 'Siaga app (src/app)'],
  [/libimgui\.a$/, 'Dear ImGui'],
  [/libsdl2\.a$/, 'SDL2'],
  [/libmd4c\.a$/, 'md4c (Markdown parser)'],
  [/\.o$/, 'Siaga UI, main loop, platform (src/ui, src/main.cpp, src/platform)'],
];
export const RUNTIME = 'C runtime, libc++ and emmalloc (Emscripten)';

export function makeClassifier(webBuildDir) {
  const rsp = (name) => readFileSync(join(webBuildDir, 'CMakeFiles/siaga.dir', name), 'utf8').trim().split(/\s+/).filter(Boolean);
  const files = [...rsp('objects1'), ...rsp('linkLibs.rsp')].map((f) => join(webBuildDir, f));
  const origin = new Map();
  const weak = new Map();
  for (const file of files) {
    const group = LIBRARY_GROUPS.find(([pattern]) => pattern.test(file))?.[1] || 'other';
    const listing = execFileSync('llvm-nm', ['-C', '--defined-only', file], { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
    for (const line of listing.split('\n')) {
      const m = /^\S+ ([TtWw]) (.+)$/.exec(line);
      if (!m) continue;
      const map = m[1] === 'W' || m[1] === 'w' ? weak : origin;
      if (!map.has(m[2])) map.set(m[2], group);
    }
  }
  return (name) => {
    if (!name) return 'unnamed';
    if (/^([\w:<>, *&]+ )?nlohmann::/.test(name)) return 'nlohmann::json (templates)';
    if (/^([\w:<>, *&]+ )?std::/.test(name) && !/^siaga::/.test(name)) return 'C++ standard library (templates)';
    const plain = name.replace(/\.\d+$/, '');
    return origin.get(plain) || weak.get(plain) || RUNTIME;
  };
}

function reader(bytes) {
  let at = 0;
  return {
    get at() { return at; }, set at(v) { at = v; },
    byte: () => bytes[at++],
    u32() { let result = 0, shift = 0, b; do { b = bytes[at++]; result |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80); return result >>> 0; },
    name() { const n = this.u32(); const s = Buffer.from(bytes.subarray(at, at + n)).toString('utf8'); at += n; return s; },
  };
}

// Sections, function-import count, code body sizes and the name section's function names.
export function parseWasm(bytes) {
  const r = reader(bytes);
  r.at = 8;
  const sections = [];
  let imports = 0;
  const bodies = [];
  const spans = [];
  const names = new Map();
  while (r.at < bytes.length) {
    const sectionStart = r.at;
    const id = r.byte();
    const size = r.u32();
    const start = r.at;
    let label = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'][id] || `section ${id}`;
    if (id === 0) {
      const name = r.name();
      label = `custom "${name}"`;
      if (name === 'name') {
        while (r.at < start + size) {
          const sub = r.byte(), subSize = r.u32(), subStart = r.at;
          if (sub === 1) for (let n = r.u32(); n > 0; n--) { const index = r.u32(); names.set(index, r.name()); }
          r.at = subStart + subSize;
        }
      }
    } else if (id === 2) {
      for (let n = r.u32(); n > 0; n--) {
        r.name(); r.name();
        const kind = r.byte();
        if (kind === 0) { r.u32(); imports++; } else if (kind === 1) { r.byte(); const f = r.byte(); r.u32(); if (f & 1) r.u32(); }
        else if (kind === 2) { const f = r.byte(); r.u32(); if (f & 1) r.u32(); } else if (kind === 3) { r.byte(); r.byte(); }
      }
    } else if (id === 10) {
      for (let n = r.u32(); n > 0; n--) { const bodyStart = r.at; const bodySize = r.u32(); r.at += bodySize; bodies.push(r.at - bodyStart); spans.push([bodyStart, r.at]); }
    }
    sections.push({ label, size: start + size - sectionStart });
    r.at = start + size;
  }
  return { sections, imports, bodies, spans, names };
}

function demangle(names) {
  const list = [...names.values()];
  try {
    const out = execFileSync('c++filt', { input: list.join('\n'), encoding: 'utf8', maxBuffer: 64 << 20 }).split('\n');
    return new Map([...names.keys()].map((key, i) => [key, out[i] || list[i]]));
  } catch {
    return names;
  }
}

export function functionNames(namedWasm) {
  return demangle(parseWasm(namedWasm).names);
}

function breakdown(releasePath, namedPath, webBuildDir) {
  const release = readFileSync(releasePath);
  const named = readFileSync(namedPath);
  const r = parseWasm(release);
  const n = parseWasm(named);
  const names = demangle(n.names);
  const classify = makeClassifier(webBuildDir);
  const groups = new Map();
  n.bodies.forEach((size, i) => {
    const group = classify(names.get(i + n.imports));
    const g = groups.get(group) || { size: 0, count: 0, top: [], bytes: [] };
    g.size += size; g.count++; g.top.push([size, names.get(i + n.imports)]);
    g.bytes.push(named.subarray(...n.spans[i]));
    groups.set(group, g);
  });
  const codeRelease = r.bodies.reduce((a, b) => a + b, 0);
  const codeNamed = n.bodies.reduce((a, b) => a + b, 0);
  const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 } }).length;
  const lines = [];
  lines.push(`siaga.wasm: ${release.length} bytes raw, ${brotli(release)} brotli; ${r.bodies.length} functions, code ${codeRelease} bytes` +
             (codeNamed === codeRelease ? ' (the named link has the same code, byte for byte in size).' : ` (the named link's code: ${codeNamed} bytes).`));
  lines.push('');
  lines.push('Sections of the release file:');
  lines.push('');
  lines.push('| Section | bytes | share |');
  lines.push('|---|---|---|');
  for (const s of [...r.sections].sort((a, b) => b.size - a.size))
    lines.push(`| ${s.label} | ${s.size} | ${(s.size / release.length * 100).toFixed(1)} % |`);
  lines.push('');
  lines.push('Code by origin (function bodies of the named link; "brotli, group alone" compresses the group\'s bodies by themselves, so the column does not add up to the file):');
  lines.push('');
  lines.push('| Group | functions | code bytes | share of code | brotli, group alone | largest |');
  lines.push('|---|---|---|---|---|---|');
  for (const [group, g] of [...groups].sort((a, b) => b[1].size - a[1].size)) {
    const top = g.top.sort((a, b) => b[0] - a[0]).slice(0, 3).map(([size, name]) => `${String(name).replace(/\|/g, '\\|').slice(0, 60)} (${size})`).join('; ');
    lines.push(`| ${group} | ${g.count} | ${g.size} | ${(g.size / codeNamed * 100).toFixed(1)} % | ${brotli(Buffer.concat(g.bytes))} | ${top} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.length !== 5) {
    console.error('usage: node tests/bench/wasm-breakdown.mjs RELEASE.wasm NAMED.wasm WEB_BUILD_DIR');
    process.exit(2);
  }
  console.log(breakdown(process.argv[2], process.argv[3], process.argv[4]));
}
