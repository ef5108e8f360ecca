#!/usr/bin/env bash
# Runs every benchmark against the local PostgreSQL and NATS (loopback) and prints a summary.
# Each script measures its raw baseline in the same run and cleans up its throwaway schema and
# streams. Tunables: BENCH_SECONDS, BENCH_CLIENTS, BENCH_RELAY_EVENTS, BENCH_CONSUME_MESSAGES.
set -euo pipefail
cd "$(dirname "$0")/.."
export SWC_NODE_PROJECT=tsconfig.base.json

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for bench in event-store-append subscription-holdback relay-publish transport-consume; do
  echo "=== bench/${bench}.bench.ts"
  timeout 150 node -r @swc-node/register "bench/${bench}.bench.ts" | tee -a "$results"
done

echo
echo "=== Summary (ratio to the raw baseline measured in the same run)"
grep '^RESULT ' "$results" | sed 's/^RESULT /  /'

# The crm and order services over HTTP (each started as its own process), each beside a bare Nest
# endpoint measured in the same run. Tunables: BENCH_CLIENTS, BENCH_ORDER_REQUESTS,
# BENCH_QUERY_REQUESTS, BENCH_CUSTOMERS.
service_results=$(mktemp)
trap 'rm -f "$results" "$service_results"' EXIT
for bench in order-commands customer-query; do
  echo "=== bench/${bench}.bench.ts"
  timeout 150 node -r @swc-node/register "bench/${bench}.bench.ts" | tee -a "$service_results"
done

echo
echo "=== Summary, services (throughput and latency beside the bare Nest endpoint)"
grep '^RESULT ' "$service_results" | sed 's/^RESULT /  /'

# The whole flow (all six processes): orders per second and POST → accepted-in-CRM latency at a
# fixed rate and at the maximum, beside raw JetStream publish → consume latency measured in the
# same run. Tunables: BENCH_FLOW_RATE, BENCH_FLOW_SECONDS, BENCH_FLOW_MAX_SECONDS, BENCH_CLIENTS,
# BENCH_FLOW_CUSTOMERS, BENCH_FLOW_POLL_MS.
flow_results=$(mktemp)
trap 'rm -f "$results" "$service_results" "$flow_results"' EXIT
echo "=== bench/flow.bench.ts"
timeout 400 node -r @swc-node/register bench/flow.bench.ts | tee -a "$flow_results"

echo
echo "=== Summary, the whole flow (order → ERP → accepted → CRM 360 view)"
grep '^RESULT ' "$flow_results" | sed 's/^RESULT /  /'
