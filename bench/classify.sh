#!/usr/bin/env bash
# `danvan classify` end to end: N JSON lines (default 200,000) of ~230-character Vietnamese
# texts from corpus/train.tsv through the release build, output counted; texts/s on all cores
# and on one thread, then `danvan bench classify` (the model alone, one thread) beside them.
# Build first: swift build -c release. Usage: bench/classify.sh [N]
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

run() {
    local label="$1"; shift
    local start end lines
    start=$(date +%s%N)
    lines=$("$danvan" classify "$@" <"$input" | wc -l)
    end=$(date +%s%N)
    [ "$lines" -eq "$count" ] || { echo "expected $count lines of output, got $lines" >&2; exit 1; }
    awk -v n="$count" -v ns="$((end - start))" -v label="$label" \
        'BEGIN { printf "classify %s: %d texts in %.2f s = %d texts/s\n", label, n, ns / 1e9, n / (ns / 1e9) }'
}

run "end to end, one thread per core" 
run "end to end, --threads 1" --threads 1
"$danvan" bench classify
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
