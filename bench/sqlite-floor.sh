#!/usr/bin/env bash
# SQLite's own floor for what an import stores: the grievances, events and intake keys of an
# N-row import (default 300,000), copied into an empty file of the same schema with one
# `INSERT … SELECT` per table, 20,000 grievances per transaction as the import commits, foreign
# keys on (which also rules out SQLite's transfer shortcut, so every row and index entry is built
# as an insert would build it). Nothing is parsed, located or classified: the CPU it prints per row
# is what storing alone costs, to set beside `danvan import --timings`.
#   bench/sqlite-floor.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-300000}"
scripts/ensure-deps
swift build -c release >/dev/null
mkdir -p var
sheet="var/bench-sheet-$rows.csv"
[ -f "$sheet" ] || python3 bench/make-sheet.py "$rows" "$sheet"
source_db="var/bench-floor-source-$rows.sqlite"
if [ ! -f "$source_db" ]; then
    .build/release/danvan import "$sheet" --db "$source_db" >/dev/null
    sqlite3 "$source_db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
fi
python3 - "$source_db" "$rows" <<'PY'
import json, os, resource, subprocess, sys
source, rows = sys.argv[1], int(sys.argv[2])
target = "var/bench-floor-copy.sqlite"
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(target + suffix):
        os.remove(target + suffix)
schema = subprocess.run(["sqlite3", source, "SELECT sql || ';' FROM sqlite_master WHERE sql IS NOT NULL "
                         "AND name NOT LIKE 'sqlite_%' ORDER BY type = 'table' DESC, rowid"],
                        check=True, capture_output=True, text=True).stdout
page = subprocess.run(["sqlite3", source, "PRAGMA page_size"], check=True, capture_output=True, text=True).stdout.strip()
version = subprocess.run(["sqlite3", source, "PRAGMA user_version"], check=True, capture_output=True, text=True).stdout.strip()
subprocess.run(["sqlite3", target], input=f"PRAGMA page_size={page};\nPRAGMA journal_mode=WAL;\n{schema}\n"
               f"PRAGMA user_version={version};\n", check=True, capture_output=True, text=True)
count = int(subprocess.run(["sqlite3", source, "SELECT count(*) FROM grievances"], check=True,
                           capture_output=True, text=True).stdout)
top = int(subprocess.run(["sqlite3", source, "SELECT max(id) FROM grievances"], check=True,
                         capture_output=True, text=True).stdout)
script = ["PRAGMA synchronous=NORMAL;", "PRAGMA cache_size=-131072;", "PRAGMA foreign_keys=ON;",
          f"ATTACH '{source}' AS src;"]
for low in range(0, top, 20000):
    high = low + 20000
    script += ["BEGIN;",
               f"INSERT INTO main.grievances SELECT * FROM src.grievances WHERE id > {low} AND id <= {high};",
               f"INSERT INTO main.grievance_events SELECT * FROM src.grievance_events WHERE grievance_id > {low} AND grievance_id <= {high};",
               f"INSERT INTO main.intake_keys SELECT * FROM src.intake_keys WHERE grievance_id > {low} AND grievance_id <= {high};",
               "COMMIT;"]
before = resource.getrusage(resource.RUSAGE_CHILDREN)
subprocess.run(["sqlite3", target], input="\n".join(script) + "\n", check=True, capture_output=True, text=True)
after = resource.getrusage(resource.RUSAGE_CHILDREN)
copied = int(subprocess.run(["sqlite3", target, "SELECT count(*) FROM grievances"], check=True,
                            capture_output=True, text=True).stdout)
if copied != count:
    sys.exit(f"copied {copied} of {count} grievances")
user, system = after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime
print(json.dumps({"benchmark": "sqlite set-based copy", "grievances": count, "user_seconds": round(user, 2),
                  "system_seconds": round(system, 2),
                  "cpu_microseconds_per_grievance": round((user + system) / count * 1e6, 1)}))
PY
