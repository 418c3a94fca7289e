#!/usr/bin/env bash
# Import benchmark: a sheet of N rows (default 1,000,000) written by Python's csv module
# (bench/make-sheet.py), taken in end to end by `danvan import` (parse, locate, classify, route,
# store, one transaction per 20,000 records or a tenth of the database, up to 100,000), then the same file loaded by `sqlite3 .import` into a bare table
# for comparison. Prints one JSON line per tool with rows/s.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
scripts/ensure-deps
swift build -c release >/dev/null
mkdir -p var
sheet="var/bench-sheet-$rows.csv"
[ -f "$sheet" ] || python3 bench/make-sheet.py "$rows" "$sheet"
db=var/bench-import.sqlite
rm -f "$db" "$db-wal" "$db-shm"
start=$(date +%s.%N)
summary=$(.build/release/danvan import "$sheet" --db "$db" --timings)
end=$(date +%s.%N)
python3 - "$summary" "$start" "$end" "$rows" <<'PY'
import json, sys
summary, start, end, rows = json.loads(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
seconds = end - start
print(json.dumps({"benchmark": "import csv", "rows": rows, "seconds": round(seconds, 1),
                  "rows_per_second": int(rows / seconds), **summary}))
PY
plain=var/bench-sqlite-import.sqlite
rm -f "$plain"
start=$(date +%s.%N)
sqlite3 "$plain" ".mode csv" ".import $sheet petitions"
end=$(date +%s.%N)
python3 -c "import json,sys; s=float(sys.argv[2])-float(sys.argv[1]); print(json.dumps({'benchmark': 'sqlite3 .import', 'rows': int(sys.argv[3]), 'seconds': round(s, 1), 'rows_per_second': int(int(sys.argv[3]) / s)}))" "$start" "$end" "$rows"
