#!/usr/bin/env bash
# Fuzzes every parser of outside data with libFuzzer (clang, AddressSanitizer, UndefinedBehaviorSanitizer).
#
#   tools/fuzz.sh [seconds]      each target runs for `seconds` (default 30)
#
# Targets: content (module and course files, quiz fences, ui.po files, content packs; fuzz_content.cpp)
# and data (stored progress, learner profiles and settings, progress exports, result codes, pasted
# code lists, result files, certificate references, the answer grid of paper tests, routes from the
# address bar; fuzz_data.cpp) and
# the app's start-up from a device's stored records (settings, learners, session, progress; fuzz_device.cpp).
# Configures build/fuzz with clang and -DSIAGA_FUZZ=ON, builds the fuzz_* targets, makes a seed corpus
# from the real content/ files and tests/core/fixtures (module files, the insides of their quiz
# fences, ui.po files, and one content pack per language) and, for the data targets, with the core's
# own writers (fuzz_seeds), then runs each target. Seeds are made fresh every run, never committed;
# what the fuzzer learns stays in build/fuzz/corpus. Exits non-zero when any target finds a crash, a
# hang, a leak or a broken promise; the input that triggers it is saved in build/fuzz/artifacts/.
# Writes build/fuzz/summary.md: how long each target ran, how many inputs, and whether it found anything
# (tools/bench.sh copies it into docs/benchmarks.md).
set -euo pipefail
seconds=${1:-30}
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: tools/fuzz.sh [seconds]" >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build/fuzz"
content_targets=(module gift po pack)
data_targets=(progress profiles export settings session result_code scan result_file certificate paper_grid bank plans route device)
targets=("${content_targets[@]}" "${data_targets[@]}")

CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSIAGA_FUZZ=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}" fuzz_seeds

# --- Seeds: fresh from the real content and the fixtures -------------------------------------------
seeds="$build/seeds"
rm -rf "$seeds"
mkdir -p "${targets[@]/#/$seeds/}" "$build/artifacts"
mapfile -t markdown < <(find "$root/content" "$root/tests/core/fixtures" -name '*.md' -type f 2>/dev/null | sort)
mapfile -t po_files < <(find "$root/content" "$root/tests/core/fixtures" -name '*.po' -type f 2>/dev/null | sort)
n=0
for file in "${markdown[@]}"; do
  n=$((n + 1))
  cp "$file" "$seeds/module/$n.md"
  # Each ```quiz fence's inside becomes one GIFT seed.
  awk -v out="$seeds/gift/$n" '
    /^ ? ? ?(```|~~~)quiz/ { inside = 1; count++; next }
    inside && /^ ? ? ?(```|~~~)[ \t]*$/ { inside = 0; next }
    inside { print > (out "-" count ".gift") }
  ' "$file"
done
# Question banks as a facilitator opens them: the Moodle-style fixture and every quiz fence's GIFT.
cp "$root"/tests/browser/fixtures/*.gift "$seeds/bank/"
cp "$seeds"/gift/*.gift "$seeds/bank/" 2>/dev/null || true
for file in "${po_files[@]}"; do
  n=$((n + 1))
  cp "$file" "$seeds/po/$n.po"
done

# A pack holds "<path>\n<length>\n<bytes>\n" per file after the header (see src/core/content.h).
write_pack() {
  local out=$1 base=$2
  shift 2
  printf 'SIAGA-PACK 1\n' > "$out"
  for file in "$@"; do
    printf '%s\n%s\n' "content/${file#"$base"/}" "$(stat -c %s "$file")" >> "$out"
    cat "$file" >> "$out"
    printf '\n' >> "$out"
  done
}
# Small packs (libFuzzer works best on inputs of a few kilobytes): for each module, the English and
# every translated copy with their course.md, so check_catalog compares real languages.
for module in "$root"/content/en/*/[0-9]*.md; do
  [[ -f "$module" ]] || continue
  relative=${module#"$root"/content/en/}
  files=()
  for lang_dir in "$root"/content/*/; do
    course_md="$lang_dir$(dirname "$relative")/course.md"
    [[ -f "$course_md" ]] && files+=("$course_md")
    [[ -f "$lang_dir$relative" ]] && files+=("$lang_dir$relative")
  done
  n=$((n + 1))
  write_pack "$seeds/pack/$n.pack" "$root/content" "${files[@]}"
done
n=$((n + 1))
mapfile -t files < <(find "$root/content" -name ui.po -type f | sort)
((${#files[@]})) && write_pack "$seeds/pack/$n.pack" "$root/content" "${files[@]}"
printf 'SIAGA-PACK 1\n' > "$seeds/pack/empty.pack"

# Data seeds: written by the core itself, in the current formats; plus the schema 1 progress fixture.
"$build/tests/fuzz/fuzz_seeds" "$seeds"
for fixture in "$root"/tests/core/fixtures/progress-*.json; do
  [[ -f "$fixture" ]] && cp "$fixture" "$seeds/progress/"
done

# --- Run ---------------------------------------------------------------------------------------------
failed=()
summary="$build/summary.md"
rows=()
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  dict="$root/tests/fuzz/content.dict"
  [[ " ${data_targets[*]} " == *" $target "* ]] && dict="$root/tests/fuzz/data.dict"
  echo "fuzz.sh: fuzz_$target for ${seconds}s"
  started=$(date +%s)
  if ! "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -dict="$dict" \
      -artifact_prefix="$build/artifacts/$target-" "$corpus" "$seeds/$target" > "$build/fuzz_$target.log" 2>&1; then
    failed+=("$target")
    result="FOUND A PROBLEM (build/fuzz/artifacts/$target-*)"
    echo "fuzz.sh: fuzz_$target FOUND A PROBLEM; see $build/fuzz_$target.log and $build/artifacts/" >&2
    grep -E "^(==[0-9]+==ERROR|SUMMARY|.*runtime error)" "$build/fuzz_$target.log" | head -5 >&2 || true
  else
    result="no finding"
    grep -E "stat::number_of_executed_units|cov:" "$build/fuzz_$target.log" | tail -2 || true
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/fuzz_$target.log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$build/fuzz_$target.log" | tail -1 | cut -d' ' -f2)
  rows+=("| fuzz_$target | ${seconds} s | $(( $(date +%s) - started )) s | ${runs:-?} | ${cov:-?} | $(find "$corpus" -type f | wc -l) | $result |")
done
{
  echo "Last run of \`tools/fuzz.sh $seconds\`: $(date -u '+%Y-%m-%d %H:%M') UTC on $(nproc) cores, one target at a time"
  echo "(libFuzzer, AddressSanitizer + UndefinedBehaviorSanitizer, seeds fresh from content/ and the core's writers,"
  echo "the corpus kept from earlier runs in build/fuzz/corpus)."
  echo
  echo "| Target | fuzzed for | wall time (with corpus loading) | inputs run | coverage (edges) | corpus files | result |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} > "$summary"
if ((${#failed[@]})); then
  echo "fuzz.sh: findings in: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz.sh: no findings"
