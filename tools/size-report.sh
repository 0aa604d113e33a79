#!/usr/bin/env bash
# size-report.sh DIST — raw, gzip -9 and brotli -q 11 size of every shipped file, and the first-load
# total (everything the page fetches to show the catalog in one language).
set -euo pipefail
dist=$1
printf '%-26s %10s %10s %10s\n' file raw gzip brotli
total_raw=0 total_gz=0 total_br=0
first_raw=0 first_gz=0 first_br=0
rtl_raw=0 rtl_gz=0 rtl_br=0
for f in "$dist"/*; do
  case "$f" in *.br|*.gz) continue ;; esac
  name=$(basename "$f")
  raw=$(stat -c %s "$f")
  gz=$(stat -c %s "$f.gz" 2>/dev/null || gzip -9 -n -c "$f" | wc -c)
  br=$(stat -c %s "$f.br" 2>/dev/null || brotli -q 11 -c "$f" | wc -c)
  printf '%-26s %10d %10d %10d\n' "$name" "$raw" "$gz" "$br"
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
  # First load: one language (English here; the other languages' packs come only when chosen), its
  # catalog without lessons (course-*.pack come when a course is opened); the
  # italic face is fetched when a lesson first opens.
  # The right-to-left shaper and its faces come only for Dari/Farsi and Arabic (web/bridge/rtl.js).
  case "$name" in rtl-shaper.*|NotoSansArabicUI-*)
    rtl_raw=$((rtl_raw + raw)) rtl_gz=$((rtl_gz + gz)) rtl_br=$((rtl_br + br)); continue ;; esac
  # Latin Extended-A (NotoSans-LatinExt.ttf) comes only when a name with such a letter is shown.
  # scorm.js is loaded only when an LMS launched the package (web/loader.js, ?scorm=1), and
  # siaga-lessons.wasm with the first course opened, siaga-facilitator.wasm when a facilitator screen
  # first opens (web/bridge/code.js).
  case "$name" in content-en.pack) ;; content-*.pack|course-*.pack|NotoSans-Italic.ttf|NotoSans-LatinExt.ttf|scorm.js|siaga-lessons.wasm|siaga-facilitator.wasm) continue ;; esac
  first_raw=$((first_raw + raw)) first_gz=$((first_gz + gz)) first_br=$((first_br + br))
done
printf '%-26s %10d %10d %10d\n' "all files" "$total_raw" "$total_gz" "$total_br"
printf '%-26s %10d %10d %10d\n' "first load (en)" "$first_raw" "$first_gz" "$first_br"
printf '%-26s %10d %10d %10d\n' "rtl extra (fa/ar)" "$rtl_raw" "$rtl_gz" "$rtl_br"
