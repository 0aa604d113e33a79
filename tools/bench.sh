#!/usr/bin/env bash
# bench.sh — the benchmark (issue 9): builds what it needs, measures, prints one table and writes it to
# docs/benchmarks.md with the machine and the date.
#
#   tools/bench.sh [--loads N]      N cold loads per load-time line (default 10)
#
# Builds: the portal (tools/build-web.sh, release), the reference page (Dear ImGui's own SDL2 +
# OpenGL3 Emscripten example from the same Debian source, tests/bench/reference/build.sh), a copy of
# the portal linked with function names (same objects and flags plus --profiling-funcs; for the
# breakdown of siaga.wasm only), and make-device (tests/bench/make_device.cpp). The measurements run on
# a snapshot of build/web/dist, so a rebuild meanwhile cannot mix two versions. Everything is served on
# 127.0.0.1 only. The figures are measured, never assumed: see docs/benchmarks.md for what each means.
# Fuzzing is separate (tools/fuzz.sh SECONDS); its last summary is copied into the report.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
loads=10
while (($#)); do
  case "$1" in
    --loads) loads=$2; shift 2 ;;
    *) echo "usage: tools/bench.sh [--loads N]" >&2; exit 2 ;;
  esac
done
[[ "$loads" =~ ^[1-9][0-9]*$ ]] || { echo "bench.sh: --loads needs a positive number" >&2; exit 2; }
started=$(date +%s)
bench="$root/build/bench"
mkdir -p "$bench"

echo "bench.sh: building the portal (tools/build-web.sh)"
tools/build-web.sh >"$bench/build-web.log" 2>&1 || { tail -30 "$bench/build-web.log" >&2; echo "bench.sh: the web build failed; see $bench/build-web.log" >&2; exit 1; }

echo "bench.sh: building the reference page (tests/bench/reference/build.sh)"
tests/bench/reference/build.sh "$bench/reference" >"$bench/reference-build.log" 2>&1 || {
  tail -30 "$bench/reference-build.log" >&2; echo "bench.sh: the reference build failed; see $bench/reference-build.log" >&2; exit 1; }

echo "bench.sh: snapshot of build/web/dist, and the same link with function names"
rm -rf "$bench/dist"
cp -r build/web/dist "$bench/dist"
export NODE_PATH=/usr/share/nodejs
export EM_CLOSURE_COMPILER="$root/node_modules/google-closure-compiler-linux/compiler"  # as tools/build-web.sh
# The portal's own link line (CMake wrote it), with names kept and another output: identical code.
names="$bench/names"
rm -rf "$names" && mkdir -p "$names"
link=$(sed -e "s| -o dist/siaga.js | -o $names/siaga.js --profiling-funcs |" build/web/CMakeFiles/siaga.dir/link.txt)
[[ "$link" == *"--profiling-funcs"* ]] || { echo "bench.sh: unexpected link line in build/web/CMakeFiles/siaga.dir/link.txt" >&2; exit 1; }
(cd build/web && eval "$link") >"$bench/names-link.log" 2>&1 || { tail -20 "$bench/names-link.log" >&2; exit 1; }
# The link leaves the whole module, names and all, in siaga.wasm.orig: split it as the build does
# (cmake/web.cmake), names kept, so its functions are the release siaga.wasm's, index for index.
/usr/bin/python3 tools/split-wasm.py --keep-names "$names/siaga.wasm.orig" "$names/siaga.wasm" "$names/siaga-lessons.wasm" "$names/siaga-facilitator.wasm" \
  >>"$bench/names-link.log" 2>&1 || { tail -20 "$bench/names-link.log" >&2; exit 1; }

echo "bench.sh: building make-device"
core_lib=build/native/src/core/libsiaga_core.a
cxx=$(sed -n 's/^CMAKE_CXX_COMPILER:FILEPATH=//p' build/native/CMakeCache.txt)
if [[ ! -x "$bench/make-device" || tests/bench/make_device.cpp -nt "$bench/make-device" || "$core_lib" -nt "$bench/make-device" ]]; then
  "${cxx:-c++}" -std=c++20 -O2 -Isrc -isystem build/native/json-include tests/bench/make_device.cpp \
    "$core_lib" build/native/libmd4c.a -o "$bench/make-device"
fi

fuzz_summary="$root/build/fuzz/summary.md"
node tests/bench/wasm-breakdown.mjs "$bench/dist/siaga.wasm" "$names/siaga.wasm" build/web > "$bench/wasm-breakdown.md"

echo "bench.sh: measuring (about 10 minutes with 10 loads per line, after waiting up to 5 for a quiet machine)"
node --experimental-websocket tests/bench/run.mjs --dist "$bench/dist" --reference "$bench/reference/web" \
  --names "$names" --web-build build/web --pack-tool build/native/siaga-pack --make-device "$bench/make-device" --loads "$loads" \
  --fuzz-summary "$fuzz_summary" --wasm-breakdown "$bench/wasm-breakdown.md" --out docs/benchmarks.md
echo "bench.sh: done in $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s; the table is in docs/benchmarks.md"
