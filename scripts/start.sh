#!/usr/bin/env bash
# Sets up and runs Switchboard on this machine: dependencies, NATS + PostgreSQL, the JetStream
# streams, every service's migrations, then every service (Ctrl-C stops them all gracefully).
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
# Local defaults: the servers scripts/infra.sh provides. Every other setting has a default in the
# services' config (see README "Configuration"); override any of them in the environment.
export DATABASE_URL=${DATABASE_URL:-postgres://switchboard:switchboard@127.0.0.1:5432/switchboard}
export NATS_URL=${NATS_URL:-nats://127.0.0.1:4222}

bash scripts/ensure-deps.sh
bash scripts/infra.sh

echo "[start] declaring JetStream streams"
npm run --silent provision-streams

mapfile -t services < <(npx nx show projects --with-target serve 2>/dev/null | sort)
if [ "${#services[@]}" -eq 0 ]; then
  echo "[start] no services in apps/ yet: the infrastructure is up and the streams are declared."
  exit 0
fi
echo "[start] migrating: ${services[*]}"
npx nx run-many -t migrate --projects="$(IFS=,; echo "${services[*]}")" --outputStyle=static
echo "[start] starting: ${services[*]}"
exec npx nx run-many -t serve --projects="$(IFS=,; echo "${services[*]}")" --parallel="${#services[@]}" --outputStyle=stream
