#!/usr/bin/env bash
# Import benchmark: a sheet of N rows (default 1,000,000) written by Python's csv module
# (bench/make-sheet.py), taken in end to end by `danvan import` (parse, locate, classify, route,
# store, one transaction per 20,000 records or a tenth of the database, up to 100,000), then the
# same file loaded by `sqlite3 .import` into a bare table for comparison. Prints one JSON line per
# tool with rows/s; the import's line also gives each stage's CPU seconds and the figure of
# `danvan bench classify` run just before it, since the machine's speed drifts.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
source bench/sheet.sh
db=var/bench-import.sqlite
rm -f "$db" "$db-wal" "$db-shm"
# The machine's speed drifts: a classification figure taken just before says how fast it ran.
calibration=$(.build/release/danvan bench classify --count 100000 | tail -1)
timings=$(mktemp)
trap 'rm -f "$timings"' EXIT
start=$(date +%s.%N)
# A failed import shows its message (kept in the timings file with the stage lines) before the script stops.
summary=$(.build/release/danvan import "$sheet" --db "$db" --timings 2>"$timings") || { cat "$timings" >&2; exit 1; }
end=$(date +%s.%N)
python3 - "$summary" "$start" "$end" "$rows" "$timings" "$calibration" <<'PY'
import json, re, sys
summary, start, end, rows = json.loads(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
# "prepare: 123.6 s wall, 79.11 s CPU" for each stage, from --timings.
stages = {f"{name}_cpu_seconds": float(cpu) for name, cpu in
          re.findall(r"^(\w+): [\d.]+ s wall, ([\d.]+) s CPU", open(sys.argv[5]).read(), re.M) if name != "waiting"}
seconds = end - start
print(json.dumps({"benchmark": "import csv", "rows": rows, "seconds": round(seconds, 1),
                  "rows_per_second": int(rows / seconds), **summary, **stages,
                  "classifications_per_second_before": json.loads(sys.argv[6])["classifications_per_second"]}))
PY
plain=var/bench-sqlite-import.sqlite
rm -f "$plain"
start=$(date +%s.%N)
sqlite3 "$plain" ".mode csv" ".import $sheet petitions"
end=$(date +%s.%N)
python3 -c "import json,sys; s=float(sys.argv[2])-float(sys.argv[1]); print(json.dumps({'benchmark': 'sqlite3 .import', 'rows': int(sys.argv[3]), 'seconds': round(s, 1), 'rows_per_second': int(int(sys.argv[3]) / s)}))" "$start" "$end" "$rows"
