#!/usr/bin/env bash
# serve.sh — command one of the README: installs what is missing, builds the portal (release) and
# serves it on 127.0.0.1 until interrupted. Set SIAGA_PORT to choose the port (default: any free one).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/install-deps.sh"
"$root/tools/build-web.sh"
exec node "$root/tools/serve.mjs" "$root/build/web/dist"
