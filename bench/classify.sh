#!/usr/bin/env bash
# `danvan classify` end to end: N JSON lines (default 200,000) of ~230-character Vietnamese
# texts from corpus/train.tsv through the release build, on all cores and on one thread, then
# `danvan bench classify` (the model alone, one thread, 300-character letters) beside them.
# Each run prints its CPU time and what the rest of the machine used meanwhile: the machine is
# shared, and a figure taken while another build runs says little.
# Build first: swift build -c release. Usage: bench/classify.sh [N]   (DANVAN=path for another binary)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-200000}"
danvan="${DANVAN:-.build/release/danvan}"
[ -x "$danvan" ] || { echo "build first: swift build -c release" >&2; exit 1; }
mkdir -p var
input="var/bench-classify-$count.jsonl"
[ -s "$input" ] || python3 bench/make-classify-input.py "$count" "$input"
cat "$input" >/dev/null  # from the page cache in every run
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"

busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }  # all CPUs, in ticks

run() {
    local label="$1"; shift
    local before after times
    before=$(busy)
    times=$( { TIMEFORMAT='%R %U %S'; time "$danvan" classify "$@" <"$input" >/dev/null; } 2>&1 | tail -1)
    after=$(busy)
    awk -v n="$count" -v label="$label" -v t="$times" -v ticks="$((after - before))" -v hz="$(getconf CLK_TCK)" 'BEGIN {
        split(t, x, " "); wall = x[1]; cpu = x[2] + x[3]; others = ticks / hz - cpu; if (others < 0) others = 0
        printf "classify %s: %d texts in %.2f s = %d texts/s (%.2f cores busy; the rest of the machine used %.1f s of CPU meanwhile)\n",
            label, n, wall, n / wall, cpu / wall, others }'
}

run "end to end, one thread per core"
run "end to end, --threads 1" --threads 1
"$danvan" bench classify
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
