#!/usr/bin/env bash
# HTTP benchmark: danvan's server beside a Hummingbird 2 + GRDB peer, on one database.
#
#   bench/http.sh [N]          N grievances (default 200,000)
#
# 1. Builds danvan release (under `flock $SWIFT_BUILD_LOCK`, default /tmp/swift-build.lock, so
#    it never overlaps another build on the machine).
# 2. Makes a database of N grievances: the sheet of bench/make-sheet.py taken in by
#    `danvan import` (kept as var/bench-http-N.sqlite, made again when the binary is newer),
#    copied to var/bench-http-run.sqlite for the run, so registrations never pile up.
# 3. Picks a tracking code from the middle of the table with sqlite3.
# 4. The peer (`Peer DB PORT`, built from ../shared/peers/hummingbird-grdb, see its README;
#    $PEER, default /tmp/peer-build/peer/.build/release/Peer): `GET /trivial`, `GET /g/CODE`.
# 5. `danvan serve --db DB --port P`: `GET /healthz`, `GET /api/v1/grievances/CODE` as a
#    supervisor, and registrations (`POST /api/v1/grievances`, bench/wrk/register.lua) as a
#    registrar. Skipped, with a message, while this danvan has no `serve` command.
# 6. The GET again while bench/http_crowd.py holds 2,000 idle keep-alive connections and 200
#    clients sending a request head a byte a second, with the server's memory before and during.
# 7. A table: requests/s and p99 latency per endpoint (wrk -t2 -c64 -d10s --latency, each after
#    a 2-second warm-up), with non-2xx answers and socket errors.
#
# Environment: DANVAN (default .build/release/danvan), PEER, PEER_PORT (18081), DANVAN_PORT (18082), DURATION (10s), WARMUP (2s; 0 for
# none), CONNECTIONS (64), THREADS (2), SWIFT_BUILD_LOCK. wrk comes from Debian's package `wrk`.
# Traffic goes to 127.0.0.1 only, for DURATION per endpoint.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-200000}"
peer="${PEER:-/tmp/peer-build/peer/.build/release/Peer}"
peer_port="${PEER_PORT:-18081}"
danvan_port="${DANVAN_PORT:-18082}"
duration="${DURATION:-10s}"
warmup="${WARMUP:-2s}"
connections="${CONNECTIONS:-64}"
threads="${THREADS:-2}"
lock="${SWIFT_BUILD_LOCK:-/tmp/swift-build.lock}"

scripts/ensure-deps
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk is missing: sudo apt-get install -y wrk" >&2; exit 1
  fi
fi
echo "building danvan (release)…" >&2
flock "$lock" swift build -c release >/dev/null
danvan="${DANVAN:-.build/release/danvan}"

mkdir -p var
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# --- The database -------------------------------------------------------------------------
pristine="var/bench-http-$count.sqlite"
if [ ! -f "$pristine" ] || [ "$danvan" -nt "$pristine" ]; then
  sheet="var/bench-sheet-$count.csv"
  [ -f "$sheet" ] || { echo "writing $sheet…" >&2; python3 bench/make-sheet.py "$count" "$sheet"; }
  echo "importing $count rows into $pristine…" >&2
  rm -f "$pristine" "$pristine-wal" "$pristine-shm"
  "$danvan" import "$sheet" --db "$pristine.part" >&2
  sqlite3 "$pristine.part" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
  mv "$pristine.part" "$pristine"
  rm -f "$pristine.part-wal" "$pristine.part-shm"
fi
db=var/bench-http-run.sqlite
rm -f "$db" "$db-wal" "$db-shm"
cp "$pristine" "$db"
stored=$(sqlite3 "$db" "SELECT count(*) FROM grievances;")
code=$(sqlite3 "$db" "SELECT tracking_code FROM grievances ORDER BY id LIMIT 1 OFFSET $((stored / 2));")
[ -n "$code" ] || { echo "no grievance in $db" >&2; exit 1; }
echo "database: $db, $stored grievances; tracking code $code" >&2

# --- Helpers ------------------------------------------------------------------------------
# Waits until URL answers (any status) or PID exits; 60 s at most.
wait_for() {
  local url=$1 pid=$2
  for _ in $(seq 1 600); do
    if curl -s -o /dev/null --max-time 1 "$url"; then return 0; fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
port_free() { ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/"; }

results="$work/results.tsv"
: >"$results"
# measure SERVER ENDPOINT [wrk options…] URL [-- script arguments]: a warm-up, then the measured
# run, whose output is kept for the table.
measure() {
  local server=$1 endpoint=$2; shift 2
  if [ "$warmup" != 0 ]; then wrk -t"$threads" -c"$connections" -d"$warmup" "$@" >/dev/null; fi
  local out="$work/wrk-$(echo "$server-$endpoint" | tr -c 'a-zA-Z0-9' '_').txt"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$@" >"$out"
  printf '%s\t%s\t%s\n' "$server" "$endpoint" "$out" >>"$results"
  echo "  $server $endpoint: $(grep 'Requests/sec' "$out")" >&2
}

# --- The peer -----------------------------------------------------------------------------
if [ -x "$peer" ]; then
  port_free "$peer_port" || { echo "port $peer_port is taken: set PEER_PORT" >&2; exit 1; }
  "$peer" "$db" "$peer_port" >"$work/peer.log" 2>&1 &
  peer_pid=$!
  pids+=("$peer_pid")
  wait_for "http://127.0.0.1:$peer_port/trivial" "$peer_pid" || { cat "$work/peer.log" >&2; echo "the peer did not start" >&2; exit 1; }
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$peer_port/g/$code")
  [ "$status" = 200 ] || { echo "peer: GET /g/$code answered $status" >&2; exit 1; }
  echo "peer (Hummingbird 2 + GRDB) on port $peer_port" >&2
  measure peer "GET /trivial" "http://127.0.0.1:$peer_port/trivial"
  measure peer "GET /g/CODE" "http://127.0.0.1:$peer_port/g/$code"
  kill "$peer_pid"; wait "$peer_pid" 2>/dev/null || true
  pids=()
else
  echo "no peer at $peer: build it as ../shared/peers/README.md says, or set PEER; measuring danvan alone" >&2
fi

# --- danvan -------------------------------------------------------------------------------
danvan_ran=0
set +e
probe=$("$danvan" serve --help 2>&1 >/dev/null)
probe_status=$?
set -e
if [ "$probe_status" -eq 2 ] && [[ "$probe" == *"chưa được xây dựng"* ]]; then
  echo "danvan: bỏ qua — 'danvan serve' chưa được xây dựng ở phiên bản này (skipped: this danvan has no serve command yet)" >&2
else
  password="bench-$(date +%s)-mat-khau"
  printf '%s\n' "$password" >"$work/password"
  "$danvan" user add bench --role supervisor --password-file "$work/password" --db "$db" >/dev/null
  "$danvan" user add bench-intake --role registrar --unit mttq-bay-hien --password-file "$work/password" --db "$db" >/dev/null
  port_free "$danvan_port" || { echo "port $danvan_port is taken: set DANVAN_PORT" >&2; exit 1; }
  "$danvan" serve --db "$db" --port "$danvan_port" >"$work/serve.log" 2>&1 &
  serve_pid=$!
  pids+=("$serve_pid")
  base="http://127.0.0.1:$danvan_port"
  wait_for "$base/healthz" "$serve_pid" || { cat "$work/serve.log" >&2; echo "danvan serve did not start" >&2; exit 1; }
  echo "danvan serve on port $danvan_port: $(head -1 "$work/serve.log")" >&2
  login() {
    curl -s --fail-with-body -X POST "$base/api/v1/session" -H 'Content-Type: application/json' \
      --data "{\"login\":\"$1\",\"password\":\"$password\"}" |
      python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
  }
  token=$(login bench) || { echo "danvan: logging in as bench failed" >&2; exit 1; }
  intake_token=$(login bench-intake) || { echo "danvan: logging in as bench-intake failed" >&2; exit 1; }
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base/api/v1/grievances/$code")
  [ "$status" = 200 ] || { echo "danvan: GET /api/v1/grievances/$code answered $status" >&2; exit 1; }
  measure danvan "GET /healthz" "$base/healthz"
  measure danvan "GET /api/v1/grievances/CODE" -H "Authorization: Bearer $token" "$base/api/v1/grievances/$code"
  before=$(sqlite3 "$db" "SELECT count(*) FROM grievances;")
  measure danvan "POST /api/v1/grievances" -s bench/wrk/register.lua "$base" -- "$intake_token"
  after=$(sqlite3 "$db" "SELECT count(*) FROM grievances;")
  echo "  registered: $((after - before)) grievances stored during the warm-up and the run" >&2
  # The same GET while 2,000 idle keep-alive connections and 200 clients sending a byte a second are held.
  python3 bench/http_crowd.py 127.0.0.1 "$danvan_port" "/api/v1/grievances/$code" "$token" --pid "$serve_pid" \
    --duration "${duration%s}" >"$work/crowd.txt"
  sed 's/^/  /' "$work/crowd.txt" >&2
  kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true
  pids=()
  danvan_ran=1
fi

# --- The table ----------------------------------------------------------------------------
python3 - "$results" "$count" "$duration" "$connections" "$threads" <<'PY'
import re, sys
results, count, duration, connections, threads = sys.argv[1:]
def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]
rows = []
for line in open(results):
    server, endpoint, path = line.rstrip("\n").split("\t")
    text = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    total = re.search(r"(\d+) requests in", text).group(1)
    rows.append((server, endpoint, f"{rps:,.0f}", f"{ms(*p99.groups()):.2f}" if p99 else "?", total,
                 non2xx.group(1) if non2xx else "0", "+".join(errors.groups()) if errors else "0"))
print(f"HTTP on 127.0.0.1: {int(count):,} grievances; wrk -t{threads} -c{connections} -d{duration} --latency")
header = ("server", "endpoint", "requests/s", "p99 ms", "requests", "non-2xx", "socket errors")
widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
for row in rows:
    print("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |")
PY
[ "$danvan_ran" = 1 ] || echo "(danvan: skipped, 'danvan serve' chưa được xây dựng)"
