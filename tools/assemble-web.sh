#!/usr/bin/env bash
# assemble-web.sh DIST SIAGA_PACK — completes the shipped folder next to siaga.js/siaga.wasm:
# subset fonts, content packs (siaga-pack refuses broken content), the page with the files' sizes
# for its progress bar, precompressed .br/.gz copies, and a size report (build/web/size-report.txt).
set -euo pipefail
dist=$1
pack_tool=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
cache="$(dirname "$dist")/font-cache"
mkdir -p "$dist" "$cache"

# Fonts: Noto Sans from fonts-noto-core, cut to the characters English, Indonesian and Somali text
# needs. Keep in step with glyph_ranges() in src/ui/fonts.cpp. Latin Extended-A (Ł, Ş, ğ, ő: names of
# learners from elsewhere; no course text uses it) is its own small face, NotoSans-LatinExt.ttf,
# fetched only when such a letter is on screen or typed (src/main.cpp), and drawn for every style.
unicodes="U+0020-007E,U+00A0-00FF,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2190-2193"
subset_face() {  # subset_face SOURCE-FACE OUT-NAME UNICODES
  local src=/usr/share/fonts/truetype/noto/NotoSans-$1.ttf out="$cache/$2"
  if [[ ! -f "$out" || "$src" -nt "$out" || "$0" -nt "$out" ]]; then
    /usr/bin/python3 -m fontTools.subset "$src" --unicodes="$3" --output-file="$out" \
      --no-hinting --layout-features='' --drop-tables+=GPOS,GSUB,GDEF,DSIG --name-IDs='0,1,2,3,4,5,6,13,14' \
      --notdef-outline
  fi
  cp "$out" "$dist/"
}
for face in Regular Bold Italic; do subset_face "$face" "NotoSans-$face.ttf" "$unicodes"; done
subset_face Regular NotoSans-LatinExt.ttf "U+0100-017F"

# The Arabic-script faces (Dari/Farsi, Arabic) with the private-use cmap the shaper's glyph codes use;
# fetched only with the shaper module (web/bridge/rtl.js).
arabic_out="$cache/NotoSansArabicUI-Regular.ttf"
if [[ ! -f "$arabic_out" || "$root/tools/make-arabic-font.py" -nt "$arabic_out" ]]; then
  /usr/bin/python3 "$root/tools/make-arabic-font.py" "$cache"
fi
cp "$cache"/NotoSansArabicUI-{Regular,Bold}.ttf "$dist/"

# Content packs, one per language. siaga-pack runs the author checks first and refuses broken content.
if [[ -n "$pack_tool" ]]; then
  rm -f "$dist"/content-*.pack "$dist"/course-*.pack
  "$pack_tool" "$root/content" "$dist" "$cache/NotoSansArabicUI-Regular.ttf"
  # The Arabic-script languages' names, shaped by siaga-pack, drawn from this small face on the first
  # screen (the whole face comes with the shaper module, only for those languages).
  /usr/bin/python3 "$root/tools/make-arabic-font.py" --names "$cache/NotoSansArabicUI-Regular.ttf" \
    "$dist/languages.json" "$dist/LanguageNames.ttf"
fi

# The bridge is written one concern per file (web/bridge/core.js lists them) and shipped as one file.
# Shipped without comment lines and indentation (safe for these files: no template literals), which
# more than pays for the split: the sources stay readable, the page stays small.
strip_js() { sed -E -e '/^[[:space:]]*\/\//d' -e 's/^[[:space:]]+//' "$@"; }
strip_js "$root"/web/bridge/{core,storage,assets,rtl,code,mirror,typing,offline,files}.js > "$dist/bridge.js.new"
cmp -s "$dist/bridge.js.new" "$dist/bridge.js" && rm "$dist/bridge.js.new" || mv "$dist/bridge.js.new" "$dist/bridge.js"
strip_js "$root/web/loader.js" > "$dist/loader.js.new"
cmp -s "$dist/loader.js.new" "$dist/loader.js" && rm "$dist/loader.js.new" || mv "$dist/loader.js.new" "$dist/loader.js"
cp "$root/web/siaga.css" "$root/web/scorm.js" "$root/web/siaga.webmanifest" "$dist/"
[[ -f "$dist/icon-512.png" && "$dist/icon-512.png" -nt "$root/tools/make-icons.py" ]] || python3 "$root/tools/make-icons.py" "$dist"

# The page carries the raw size of each file it loads, so the progress bar shows bytes of a known total.
files_json=$(cd "$dist" && for f in siaga.wasm siaga-lessons.wasm siaga-facilitator.wasm siaga.js NotoSans-*.ttf LanguageNames.ttf NotoSansArabicUI-*.ttf rtl-shaper.wasm content-*.pack course-*.pack languages.json; do
  [[ -f "$f" ]] && printf '"%s":%s,' "$f" "$(stat -c %s "$f")"; done)
files_json="{${files_json%,}}"
sed "s|@FILES@|$files_json|" "$root/web/index.html" > "$dist/index.html"

# The service worker precaches every file of this version; the version is a hash of them all, so any
# change to any file makes browsers fetch the new set (and offer the learner a reload).
shipped=$(cd "$dist" && ls | grep -v -E '\.(br|gz)$' | grep -v '^sw\.js$' | sort)
version=$(cd "$dist" && cat $shipped | sha256sum | cut -c1-16)
files_list=$(printf '"./",'; for f in $shipped; do printf '"%s",' "$f"; done)
sed -e "s|@VERSION@|$version|" -e "s|@FILES@|[${files_list%,}]|" "$root/web/sw.js" > "$dist/sw.js"

# Precompressed copies for servers that can send them (tools/serve.mjs does; see README).
for f in "$dist"/*; do
  case "$f" in *.br|*.gz) continue ;; esac
  [[ -f "$f.gz" && "$f.gz" -nt "$f" ]] || gzip -9 -n -k -f "$f"
  [[ -f "$f.br" && "$f.br" -nt "$f" ]] || brotli -q 11 -k -f "$f"
done

"$root/tools/size-report.sh" "$dist" | tee "$(dirname "$dist")/size-report.txt"
