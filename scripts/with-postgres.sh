#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster (initdb in a temp dir), exported as TEST_DATABASE_URL.
# The cluster is stopped and deleted when the command ends, whatever its outcome.
set -euo pipefail
if [ -n "${TEST_DATABASE_URL:-}" ]; then exec "$@"; fi

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
BIN="$(find_bin)"
if [ -z "$BIN" ]; then
  SUDO=""; [ "$(id -u)" != "0" ] && SUDO="sudo"
  echo "Installing PostgreSQL from Debian's packages…"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends postgresql >/dev/null 2>&1 || {
    $SUDO apt-get update >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends postgresql >/dev/null
  }
  BIN="$(find_bin)"
fi

DIR="$(mktemp -d /tmp/ledger-pg.XXXXXX)"
PORT="${PG_TEST_PORT:-$(( 20000 + RANDOM % 20000 ))}"
# initdb refuses to run as root: run the cluster as the postgres user then.
AS=()
if [ "$(id -u)" = "0" ]; then chown postgres "$DIR"; AS=(runuser -u postgres --); fi
"${AS[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres -A trust --no-sync >/dev/null
"${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
cleanup() {
  "${AS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
"$@"
