#!/usr/bin/env python3
"""split-wasm.py IN.wasm PRIMARY.wasm LESSONS.wasm FACILITATOR.wasm — cuts two modules out of the portal.

IN is the linked portal with its function names (emcc --profiling-funcs -sSPLIT_MODULE=1 leaves it as
siaga.wasm.orig). Each module is entered only through its doors, functions that C++ calls only through
door() (src/core/door.h), so they are functions of their own; src/app/code_module.h explains both:

  LESSONS      the lesson code: Markdown, quizzes and the screens that draw them (LESSON_DOORS)
  FACILITATOR  the facilitator's tools (FACILITATOR_DOORS; src/app/facilitator_code.h)

  kept        = what the exports and every function-table entry reach by direct calls, through no door
  lessons     = what the lesson doors reach, not through a facilitator door, minus kept
  facilitator = what the facilitator doors reach, not through a lesson door, minus kept and lessons

A function in the table is kept even if only a module uses it: any call_indirect could reach it. What
both modules reach goes with the lessons, which the facilitator's code is made ready after. binaryen's
wasm-split (which writes one secondary module at a time) cuts the lessons out of IN, then the
facilitator's code out of what is left: PRIMARY keeps placeholders in the table for both, and each
secondary module, instantiated against PRIMARY's exports (web/bridge/code.js), writes its functions
over them. The outputs lose their name sections. Prints what moved.
"""
import re
import subprocess
import sys
import tempfile
from pathlib import Path

LESSON_DOORS = [
    r'siaga::parse_module\(',
    r'siaga::parse_markdown\(',
    r'siaga::ui::draw_module\(',
    r'siaga::ui::draw_quiz\(',
    r'siaga::ui::draw_blocks\(',
    r'siaga::import_bank\(',
]

FACILITATOR_DOORS = [
    r'siaga::apply_facilitator_action\(',
    r'siaga::take_facilitator_file\(',
    r'siaga::ui::draw_facilitator\(',
    r'siaga::ui::draw_plans\(',
    r'siaga::ui::draw_projector\(',
]


def unescape(name):  # for matching DOORS; binaryen's own names keep the escapes
    return re.sub(r'\\([0-9a-f]{2})', lambda m: chr(int(m.group(1), 16)), name)


def call_graph(wasm):
    dot = subprocess.run(['wasm-opt', wasm, '--print-call-graph', '-o', '/dev/null'],
                         check=True, capture_output=True, text=True).stdout
    nodes, edges, roots = set(), {}, set()
    node_re = re.compile(r'^\s*"((?:[^"\\]|\\.)*)" \[style="([^"]*)"(?:, fillcolor="([^"]*)")?\];$')
    edge_re = re.compile(r'^\s*"((?:[^"\\]|\\.)*)" -> "((?:[^"\\]|\\.)*)"')
    in_key = False
    for line in dot.splitlines():
        if 'subgraph cluster_key' in line:
            in_key = True
        if in_key:
            if line.strip() == '}':
                in_key = False
            continue
        m = edge_re.match(line)
        if m:
            edges.setdefault(m.group(1), set()).add(m.group(2))
            continue
        m = node_re.match(line)
        if m:
            name, style, colour = m.group(1), m.group(2), m.group(3)
            if colour == 'turquoise':
                continue  # an import
            nodes.add(name)
            if colour == 'gray' or 'rounded' in style:
                roots.add(name)  # an export, or a function-table entry
    return nodes, edges, roots


def reach(starts, edges, stop):
    seen, todo = set(), [s for s in starts if s not in stop]
    while todo:
        f = todo.pop()
        if f in seen:
            continue
        seen.add(f)
        todo.extend(g for g in edges.get(f, ()) if g not in stop and g not in seen)
    return seen


# [SECTION] Short names for the exports the split made ---------------------------------------------------
# wasm-split names each export it adds for a secondary module after the function: with the names kept
# (-g, which the second split needs to find its functions), those are whole C++ signatures, about 265 KB
# of export names in siaga.wasm and as much again as the modules' imports. Each such export gets a short
# name instead, in the primary's export section and in the "primary" imports of both modules alike; the
# exports the glue (siaga.js) uses keep theirs.

def leb(data, i):
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7f) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def uleb(value):
    out = bytearray()
    while True:
        byte = value & 0x7f
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def sections(data):
    i, found = 8, []
    while i < len(data):
        sid = data[i]
        size, start = leb(data, i + 1)
        found.append((sid, start, start + size))
        i = start + size
    return found


def read_name(data, i):
    n, i = leb(data, i)
    return data[i:i + n].decode(), i + n


def write_name(name):
    raw = name.encode()
    return uleb(len(raw)) + raw


def export_names(data):
    for sid, start, end in sections(data):
        if sid == 7:
            count, i = leb(data, start)
            names = []
            for _ in range(count):
                name, i = read_name(data, i)
                _, i = leb(data, i + 1)  # kind, index
                names.append(name)
            return names
    return []


def rename_section(data, sid_wanted, rename):
    """Rewrites the export (7) or import (2) section with rename(module, name) applied."""
    out = bytearray(data[:8])
    for sid, start, end in sections(data):
        body = data[start:end]
        if sid == sid_wanted:
            count, i = leb(data, start)
            new = bytearray(uleb(count))
            for _ in range(count):
                if sid == 2:
                    module, i = read_name(data, i)
                    name, i = read_name(data, i)
                    desc_start = i
                    kind = data[i]
                    i += 1
                    if kind == 0: _, i = leb(data, i)                       # function: type index
                    elif kind == 1:                                         # table: type, limits
                        flags, i = leb(data, i + 1)
                        _, i = leb(data, i)
                        if flags & 1: _, i = leb(data, i)
                    elif kind == 2:                                         # memory: limits
                        flags, i = leb(data, i)
                        _, i = leb(data, i)
                        if flags & 1: _, i = leb(data, i)
                    else: i += 2                                            # global: type, mutability
                    new += write_name(module) + write_name(rename(module, name)) + data[desc_start:i]
                else:
                    name, i = read_name(data, i)
                    desc_start = i
                    _, i = leb(data, i + 1)
                    new += write_name(rename(None, name)) + data[desc_start:i]
            body = bytes(new)
        out += bytes([sid]) + uleb(len(body)) + body
    return bytes(out)


def shorten_split_exports(source, primary, secondaries):
    glue = set(export_names(Path(source).read_bytes()))
    data = Path(primary).read_bytes()
    taken, short = set(export_names(data)), {}
    counter = 0
    for name in export_names(data):
        if name in glue:
            continue
        while str(counter) in taken:
            counter += 1
        short[name] = str(counter)
        taken.add(str(counter))
    Path(primary).write_bytes(rename_section(data, 7, lambda _, name: short.get(name, name)))
    for secondary in secondaries:
        data = Path(secondary).read_bytes()
        Path(secondary).write_bytes(
            rename_section(data, 2, lambda module, name: short.get(name, name) if module == 'primary' else name))
    return len(short)


def find_doors(nodes, patterns):
    doors = {n for n in nodes if any(re.match(d, unescape(n)) for d in patterns)}
    missing = [d for d in patterns if not any(re.match(d, unescape(n)) for n in doors)]
    if missing:
        sys.exit(f'split-wasm: no function matches {missing}: is it still called through door()?')
    return doors


def split(source, moved, primary, secondary, tmp):
    """wasm-split with names kept (the next split finds its functions by them)."""
    listing = Path(tmp, 'moved.txt')
    listing.write_text(''.join(name + '\n' for name in sorted(moved)))
    subprocess.run(['wasm-split', source, '--split', f'--split-funcs=@{listing}',
                    '--enable-mutable-globals', '--enable-sign-ext',
                    '--placeholder-namespace=placeholder', '--import-namespace=primary',
                    '-o1', str(primary), '-o2', str(secondary), '-g'], check=True)


def main():
    args = [a for a in sys.argv[1:] if a != '--keep-names']
    keep_names = len(args) != len(sys.argv) - 1  # the benchmark's copy: the same split, names kept
    if len(args) != 4:
        sys.exit('usage: split-wasm.py [--keep-names] IN.wasm PRIMARY.wasm LESSONS.wasm FACILITATOR.wasm')
    source, primary, lessons_out, facilitator_out = args
    nodes, edges, roots = call_graph(source)
    lesson_doors = find_doors(nodes, LESSON_DOORS)
    facilitator_doors = find_doors(nodes, FACILITATOR_DOORS)
    doors = lesson_doors | facilitator_doors
    kept = reach(roots - doors, edges, doors)
    lessons = reach(lesson_doors, edges, facilitator_doors) - kept
    facilitator = reach(facilitator_doors, edges, lesson_doors) - kept - lessons
    with tempfile.TemporaryDirectory() as tmp:
        rest, lessons_wasm = Path(tmp, 'rest.wasm'), Path(tmp, 'lessons.wasm')
        split(source, lessons, rest, lessons_wasm, tmp)
        primary_wasm, facilitator_wasm = Path(tmp, 'primary.wasm'), Path(tmp, 'facilitator.wasm')
        split(rest, facilitator, primary_wasm, facilitator_wasm, tmp)
        strip = ['-g', '--strip-producers'] if keep_names else ['--strip-debug', '--strip-producers']
        for built, out in ((primary_wasm, primary), (lessons_wasm, lessons_out), (facilitator_wasm, facilitator_out)):
            subprocess.run(['wasm-opt', str(built), '--enable-mutable-globals', '--enable-sign-ext', *strip, '-o', out],
                           check=True)
    shortened = shorten_split_exports(source, primary, [lessons_out, facilitator_out])
    print(f'split-wasm: of {len(nodes)} functions, {len(lessons)} moved to {Path(lessons_out).name} '
          f'({len(lesson_doors)} doors), {len(facilitator)} to {Path(facilitator_out).name} '
          f'({len(facilitator_doors)} doors); {len(kept)} kept as reachable from the exports and the table; '
          f'{shortened} exports for them renamed short')


if __name__ == '__main__':
    main()
