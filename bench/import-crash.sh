#!/usr/bin/env bash
# Crash test at full size: kill -9 in the middle of a 100,000-row import, import the same sheet
# again, and check that exactly 100,000 grievances exist, each row once (one intake key, one
# "received" event per grievance, no repeated reference number).
#   bench/import-crash.sh [ROWS] [BATCHES_BEFORE_KILL]   (default 2 of the 5 batches of 20,000 rows)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
kill_after="${2:-2}"
source bench/sheet.sh
db=var/import-crash.sqlite
rm -f "$db" "$db-wal" "$db-shm"
log=$(mktemp)
.build/release/danvan import "$sheet" --db "$db" --log-batches 2>"$log" >/dev/null &
pid=$!
while [ "$(grep -c committed "$log" || true)" -lt "$kill_after" ]; do
  kill -0 "$pid" 2>/dev/null || { echo "the import ended before the kill" >&2; exit 1; }
  sleep 0.05
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
before=$(sqlite3 "$db" "SELECT count(*) FROM grievances")
echo "killed with $before grievances stored (after $(grep -c committed "$log") committed batches were reported)"
summary=$(.build/release/danvan import "$sheet" --db "$db")
echo "second import: $summary"
sqlite3 "$db" <<SQL
SELECT 'grievances', count(*) FROM grievances;
SELECT 'intake keys', count(*) FROM intake_keys;
SELECT 'received events', count(*) FROM grievance_events WHERE type = 'received';
SELECT 'distinct reference numbers', count(DISTINCT json_extract(details, '$.reference')) FROM grievance_events WHERE type = 'received';
SELECT 'integrity', (SELECT integrity_check FROM pragma_integrity_check);
SQL
total=$(sqlite3 "$db" "SELECT count(*) FROM grievances")
distinct=$(sqlite3 "$db" "SELECT count(DISTINCT json_extract(details, '$.reference')) FROM grievance_events WHERE type = 'received'")
rm -f "$log"
if [ "$total" -eq "$rows" ] && [ "$distinct" -eq "$rows" ]; then echo "PASS: exactly $rows grievances, each row once"; else echo "FAIL"; exit 1; fi
