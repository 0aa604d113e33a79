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
if [[ ! -f build/web/CMakeCache.txt ]]; then
  emcmake cmake -S . -B build/web -DCMAKE_BUILD_TYPE=Release -DSIAGA_PACK="$root/build/native/siaga-pack" \
    "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch" >/dev/null
fi
cmake --build build/web -j"$jobs"
