#!/usr/bin/env bash
# Routing benchmark: 1,000,000 generated drafts through routing-rules/ on one thread.
# Prints decisions/s for deciding alone, then with every Vietnamese explanation rendered too.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps
swift build -c release >/dev/null
.build/release/danvan bench route --count "${1:-1000000}"
.build/release/danvan bench route --count "${1:-1000000}" --explain
