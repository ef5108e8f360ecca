#!/usr/bin/env bash
# Runs every test tier of every project against the real NATS and PostgreSQL servers:
#   typecheck, lint (with the module boundaries), unit, integration and end-to-end specs.
# Ends with one line: "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

bash scripts/ensure-deps.sh || exit 1
bash scripts/infra.sh || exit 1

rm -rf tmp/test-results
targets=${TEST_TARGETS:-typecheck,lint,test,int,e2e}
npx nx run-many -t "$targets" --outputStyle=static --parallel="${TEST_PARALLEL:-2}"
status=$?

node tools/jest/summarize.js || status=1
exit $status
