#!/usr/bin/env python3
"""split-wasm.py IN.wasm PRIMARY.wasm SECONDARY.wasm — moves the facilitator's code out of the portal.

IN is the linked portal with its function names (emcc --profiling-funcs -sSPLIT_MODULE=1 leaves it as
siaga.wasm.orig). The doors into the facilitator's code are the functions named in DOORS
(src/app/facilitator_code.h explains them; C++ calls them only through door(), so they are functions of
their own). Everything reachable from a door and from nothing else stays out of the first download:

  kept  = what the exports and every function-table entry reach by direct calls, not going through a door
  moved = what the doors reach by direct calls, minus kept

A function in the table is kept even if only the facilitator uses it: any call_indirect could reach it.
binaryen's wasm-split then writes PRIMARY (with placeholders in place of the moved functions) and
SECONDARY (which the page instantiates against PRIMARY's exports: web/bridge/facilitator.js); both
lose their name sections. Prints what moved.
"""
import re
import subprocess
import sys
import tempfile
from pathlib import Path

DOORS = [
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


def main():
    args = [a for a in sys.argv[1:] if a != '--keep-names']
    keep_names = len(args) != len(sys.argv) - 1  # the benchmark's copy: the same split, names kept
    source, primary, secondary = args[:3]
    nodes, edges, roots = call_graph(source)
    doors = {n for n in nodes if any(re.match(d, unescape(n)) for d in DOORS)}
    missing = [d for d in DOORS if not any(re.match(d, unescape(n)) for n in doors)]
    if missing:
        sys.exit(f'split-wasm: no function matches {missing}: is it still called through door()?')
    kept = reach(roots - doors, edges, doors)
    moved = reach(doors, edges, set()) - kept
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp, 'moved.txt')
        listing.write_text(''.join(name + '\n' for name in sorted(moved)))
        split_p, split_s = Path(tmp, 'p.wasm'), Path(tmp, 's.wasm')
        subprocess.run(['wasm-split', source, '--split', f'--split-funcs=@{listing}',
                        '--enable-mutable-globals', '--enable-sign-ext',
                        '--placeholder-namespace=placeholder', '--import-namespace=primary',
                        '-o1', str(split_p), '-o2', str(split_s), *(['-g'] if keep_names else [])], check=True)
        for built, out in ((split_p, primary), (split_s, secondary)):
            strip = ['-g', '--strip-producers'] if keep_names else ['--strip-debug', '--strip-producers']
            subprocess.run(['wasm-opt', str(built), '--enable-mutable-globals', '--enable-sign-ext', *strip, '-o', out], check=True)
    print(f'split-wasm: {len(moved)} of {len(nodes)} functions moved to {Path(secondary).name} '
          f'({len(doors)} doors; {len(kept)} kept as reachable from the exports and the table)')


if __name__ == '__main__':
    main()
