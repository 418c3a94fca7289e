#!/usr/bin/env bash
# Storage benchmark: 1,000,000 grievances with their "received" events, 1,000 per transaction,
# into a fresh SQLite file (WAL, synchronous=NORMAL). Prints one JSON line with rows/s and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps
swift build -c release >/dev/null
exec .build/release/danvan bench store --count "${1:-1000000}" --batch "${2:-1000}" --db var/bench-store.sqlite
