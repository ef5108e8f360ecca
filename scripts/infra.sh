#!/usr/bin/env bash
# Makes sure the two servers Switchboard needs are up on this machine:
#   NATS with JetStream at 127.0.0.1:4222 and PostgreSQL at 127.0.0.1:5432,
# then creates the `switchboard` role and database. Used by `npm start`, `npm test` and CI.
# Starts a server that is installed but stopped; installs it from Debian's packages when it is
# missing and we are root; otherwise stops and says exactly what to run.
set -euo pipefail

NATS_PORT=4222
PG_PORT=5432
NATS_STORE=${NATS_STORE_DIR:-/var/lib/nats-server}
NATS_LOG=${NATS_LOG_FILE:-/var/log/nats-server.log}

say() { printf '[infra] %s\n' "$*"; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() {
  for _ in $(seq 1 60); do port_open "$1" && return 0; sleep 0.5; done
  return 1
}
is_root() { [ "$(id -u)" = 0 ]; }
apt_updated=false
apt_install() {
  is_root || die "$1 is not installed. Run: sudo apt-get update && sudo apt-get install -y $*"
  if [ "$apt_updated" = false ]; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=true
  fi
  say "installing $* from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_nats() {
  if port_open "$NATS_PORT"; then say "NATS is up at 127.0.0.1:$NATS_PORT"; return; fi
  command -v nats-server >/dev/null || [ -x /usr/sbin/nats-server ] || apt_install nats-server
  local bin; bin=$(command -v nats-server || echo /usr/sbin/nats-server)
  is_root || [ -w "$(dirname "$NATS_STORE")" ] || die "NATS is installed but stopped. Run: sudo $bin -a 127.0.0.1 -p $NATS_PORT -js -sd $NATS_STORE &"
  mkdir -p "$NATS_STORE"
  say "starting NATS with JetStream (store $NATS_STORE, log $NATS_LOG)"
  if command -v start-stop-daemon >/dev/null; then
    start-stop-daemon --start --oknodo --background --exec "$bin" -- -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$NATS_STORE" -l "$NATS_LOG"
  else
    nohup "$bin" -a 127.0.0.1 -p "$NATS_PORT" -js -sd "$NATS_STORE" -l "$NATS_LOG" >/dev/null 2>&1 &
  fi
  wait_port "$NATS_PORT" || die "NATS did not start; see $NATS_LOG"
  say "NATS is up"
}

pg_version() { ls /etc/postgresql 2>/dev/null | sort -n | tail -n 1; }

ensure_postgres() {
  if port_open "$PG_PORT"; then
    say "PostgreSQL is up at 127.0.0.1:$PG_PORT"
  else
    [ -n "$(pg_version)" ] || apt_install postgresql postgresql-client
    local v; v=$(pg_version)
    [ -n "$v" ] || die "PostgreSQL is installed but has no cluster. Run: sudo pg_createcluster 15 main --start"
    is_root || die "PostgreSQL is installed but stopped. Run: sudo pg_ctlcluster $v main start"
    say "starting PostgreSQL $v"
    pg_ctlcluster --skip-systemctl-redirect "$v" main start 2>/dev/null || pg_ctlcluster "$v" main start
    wait_port "$PG_PORT" || die "PostgreSQL did not start; see /var/log/postgresql/"
    say "PostgreSQL is up"
  fi
  ensure_database
}

# psql as the postgres superuser: over TCP when trust auth allows it, else through the socket as
# the postgres OS user (Debian's default peer auth).
psql_admin() {
  if psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1 </dev/null; then
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -tAq "$@"
  elif is_root && command -v runuser >/dev/null; then
    runuser -u postgres -- psql -p "$PG_PORT" -d postgres -v ON_ERROR_STOP=1 -tAq "$@"
  else
    die "cannot reach PostgreSQL as its superuser. Run: sudo -u postgres psql -c \"CREATE ROLE switchboard LOGIN PASSWORD 'switchboard' CREATEDB\" -c 'CREATE DATABASE switchboard OWNER switchboard'"
  fi
}

ensure_database() {
  command -v psql >/dev/null || apt_install postgresql-client
  if [ "$(psql_admin -c "select 1 from pg_roles where rolname='switchboard'")" != 1 ]; then
    say "creating role switchboard"
    psql_admin -c "CREATE ROLE switchboard LOGIN PASSWORD 'switchboard' CREATEDB"
  fi
  if [ "$(psql_admin -c "select 1 from pg_database where datname='switchboard'")" != 1 ]; then
    say "creating database switchboard"
    psql_admin -c "CREATE DATABASE switchboard OWNER switchboard"
  fi
  say "database switchboard is ready (postgres://switchboard:switchboard@127.0.0.1:$PG_PORT/switchboard)"
}

ensure_nats
ensure_postgres
