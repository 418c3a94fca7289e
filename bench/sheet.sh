# Sourced by the benchmarks that take in a sheet, from the repository's top with $rows set: makes
# sure of the tools, builds the release binary and writes var/bench-sheet-$rows.csv with
# bench/make-sheet.py unless it is there already. Sets $sheet.
scripts/ensure-deps
swift build -c release >/dev/null
mkdir -p var
sheet="var/bench-sheet-$rows.csv"
[ -f "$sheet" ] || python3 bench/make-sheet.py "$rows" "$sheet"
