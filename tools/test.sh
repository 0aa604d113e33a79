#!/usr/bin/env bash
# test.sh — command two of the README: installs what is missing, then runs every test:
#   1. native unit tests of the core (doctest, under ctest)
#   2. the content checker over the real courses (siaga-lint)
#   3. the desktop window on a virtual X display (Xvfb, xdotool clicks and typing)
#   4. a short run of every fuzz target (libFuzzer + ASan + UBSan)
#   5. the release web build, then browser tests in Debian's Chromium (playwright-core, node:test)
# Exits non-zero on any failure. Screenshots and logs go to test-output/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jobs=$(nproc)
"$root/tools/install-deps.sh"

rm -rf test-output
echo "== native unit tests"
[[ -f build/native/CMakeCache.txt ]] || cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j"$jobs"
ctest --test-dir build/native --output-on-failure

echo "== content check"
build/native/siaga-lint content

echo "== desktop window"
mkdir -p test-output
node --test --test-reporter=spec tests/desktop/*.test.mjs

echo "== fuzzing (short)"
"$root/tools/fuzz.sh" "${SIAGA_FUZZ_SECONDS:-10}"

echo "== web build"
"$root/tools/build-web.sh"

echo "== browser tests"
mkdir -p test-output
node --test --test-concurrency=1 --test-reporter=spec tests/browser/*.test.mjs
