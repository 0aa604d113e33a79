#!/usr/bin/env bash
# build-web.sh — builds the portal for the web in release mode into build/web/dist. Incremental: a
# second run fetches and rebuilds nothing that is already there.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jobs=$(nproc)

# Native tools first: siaga-pack checks the content and packs it for the page.
[[ -f build/native/CMakeCache.txt ]] || cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j"$jobs" --target siaga-lint siaga-pack

# Debian's Node does not search /usr/share/nodejs by itself, and Emscripten's tools need acorn from it.
export NODE_PATH=/usr/share/nodejs
# The Closure Compiler for the JS glue, from npm (package-lock.json; tools/install-deps.sh runs npm ci).
export EM_CLOSURE_COMPILER="$root/node_modules/google-closure-compiler-linux/compiler"
if [[ ! -x "$EM_CLOSURE_COMPILER" ]]; then
  echo "build-web: $EM_CLOSURE_COMPILER is missing; run tools/install-deps.sh (npm ci)" >&2
  exit 1
fi
if [[ ! -f build/web/CMakeCache.txt ]]; then
  emcmake cmake -S . -B build/web -DCMAKE_BUILD_TYPE=Release -DSIAGA_PACK="$root/build/native/siaga-pack" \
    "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch" >/dev/null
fi
cmake --build build/web -j"$jobs"
