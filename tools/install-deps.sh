#!/usr/bin/env bash
# Installs whatever this machine lacks to build and test Siaga: Debian packages (only those missing,
# so a second run does nothing) and the npm packages pinned in package-lock.json.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

packages=(
  cmake make g++ pkg-config          # native build of core, tests and tools
  emscripten binaryen                # the web build (Emscripten 3.1.6 on Debian 12)
  clang libclang-rt-14-dev           # libFuzzer with ASan + UBSan for the fuzz targets
  doctest-dev nlohmann-json3-dev     # unit tests; JSON for stored data
  fonts-noto-core python3-fonttools  # Noto Sans, subset at build time
  fonts-noto-ui-core                 # Noto Sans Arabic UI (Dari/Farsi, Arabic), subset at build time
  brotli gzip zip                    # precompressed files, size report, SCORM package
  chromium                           # browser tests (driven by playwright-core)
  libx11-dev libxext-dev libgl-dev   # the desktop window (SDL2 X11 video, OpenGL)
  xvfb xauth xdotool libgl1-mesa-dri # its test: a virtual X display, real clicks, software GL
  dpkg-dev ca-certificates           # apt-get source
)
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if (( ${#missing[@]} )); then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=(); (( EUID == 0 )) || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q "${missing[@]}"
fi

if [[ ! -d "$root/node_modules/playwright-core" || "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]]; then
  echo "install-deps: npm ci"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
fi
