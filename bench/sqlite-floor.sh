#!/usr/bin/env bash
# SQLite's own cost for what an import stores: the grievances, events, coordinating units and
# intake keys of an N-row import (default 300,000), copied into an empty file of the same schema
# with one `INSERT … SELECT` per table, 20,000 grievances per transaction as the import commits,
# foreign keys on. The WHERE clause that cuts the batches keeps SQLite from its transfer shortcut,
# so every row and index entry is built as an insert builds it; keys go in grievance order, so
# their index is written in random order as in an import. Nothing is parsed, located or classified.
# The figure includes SQLite reading the rows back from the source file; a second pass copies the
# same batches into bare in-memory tables (no index, no constraint), an upper bound on that share
# (it also pays for the appends and for the memory the tables take, mostly as system time).
#   bench/sqlite-floor.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-300000}"
source bench/sheet.sh
source_db="var/bench-floor-source-$rows.sqlite"
if [ ! -f "$source_db" ]; then
    .build/release/danvan import "$sheet" --db "$source_db" >/dev/null
    sqlite3 "$source_db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
fi
python3 - "$source_db" "$rows" <<'PY'
import json, os, resource, subprocess, sys
source, rows = sys.argv[1], int(sys.argv[2])
target = "var/bench-floor-copy.sqlite"

def sql(database, text):
    return subprocess.run(["sqlite3", database], input=text, check=True, capture_output=True, text=True).stdout

# Each batch reads its keys through an index of the source's own (not part of the schema copied).
sql(source, "CREATE INDEX IF NOT EXISTS bench_keys_by_grievance ON intake_keys(grievance_id);")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(target + suffix):
        os.remove(target + suffix)
schema = sql(source, "SELECT sql || ';' FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
                     "AND name <> 'bench_keys_by_grievance' ORDER BY type = 'table' DESC, rowid;")
page = sql(source, "PRAGMA page_size;").strip()
version = sql(source, "PRAGMA user_version;").strip()
sql(target, f"PRAGMA page_size={page};\nPRAGMA journal_mode=WAL;\n{schema}\nPRAGMA user_version={version};\n")
count = int(sql(source, "SELECT count(*) FROM grievances;"))
top = int(sql(source, "SELECT max(id) FROM grievances;"))
tables = [("grievances", "id"), ("grievance_events", "grievance_id"),
          ("grievance_coordinating_units", "grievance_id"), ("intake_keys", "grievance_id")]

def batches(into):
    lines = []
    for low in range(0, top, 20000):
        lines.append("BEGIN;")
        for table, column in tables:
            lines.append(f"INSERT INTO {into(table)} SELECT * FROM src.{table} "
                         f"WHERE {column} > {low} AND {column} <= {low + 20000};")
        lines.append("COMMIT;")
    return lines

def timed(database, lines):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    sql(database, "\n".join(lines) + "\n")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime

setup = ["PRAGMA synchronous=NORMAL;", "PRAGMA cache_size=-131072;", "PRAGMA foreign_keys=ON;", "PRAGMA temp_store=MEMORY;",
         f"ATTACH '{source}' AS src;"]
user, system = timed(target, setup + batches(lambda table: f"main.{table}"))
for table, _ in tables:
    copied, expected = sql(target, f"SELECT count(*) FROM {table};"), sql(source, f"SELECT count(*) FROM {table};")
    if copied != expected:
        sys.exit(f"{table}: copied {copied.strip()} of {expected.strip()} rows")
bare = [f"CREATE TEMP TABLE bare_{table} AS SELECT * FROM src.{table} WHERE 0;" for table, _ in tables]
read_user, read_system = timed(":memory:", setup + bare + batches(lambda table: f"temp.bare_{table}"))
per = lambda seconds: round(seconds / count * 1e6, 1)
print(json.dumps({"benchmark": "sqlite set-based copy", "grievances": count, "user_seconds": round(user, 2),
                  "system_seconds": round(system, 2), "cpu_microseconds_per_grievance": per(user + system),
                  "bare_copy_cpu_microseconds_per_grievance": per(read_user + read_system),
                  "bare_copy_user_microseconds_per_grievance": per(read_user)}))
PY
