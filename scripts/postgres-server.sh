#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for tests, owned by the caller: `start` creates a cluster in
# $KEYDESK_PG_DIR (default /tmp/keydesk-pg), listening on 127.0.0.1:$KEYDESK_PG_PORT (default 55432),
# trust authentication, and prints its DATABASE_URL; `stop` stops it and removes the cluster.
# Needs Debian's postgresql package (apt-get install -y postgresql). Run as root it runs the
# server as the postgres user, since PostgreSQL refuses to run as root.
set -euo pipefail
DIR="${KEYDESK_PG_DIR:-/tmp/keydesk-pg}"
PORT="${KEYDESK_PG_PORT:-55432}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -n "$BIN" ] || { echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2; exit 1; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    if [ -f "$DIR/data/postmaster.pid" ]; then
      as_owner "$BIN/pg_ctl" -D "$DIR/data" stop -m fast >/dev/null || true
    fi
    rm -rf "$DIR" && mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    as_owner "$BIN/initdb" -D "$DIR/data" -U keydesk --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
    echo "postgresql://keydesk@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    if [ -f "$DIR/data/postmaster.pid" ]; then as_owner "$BIN/pg_ctl" -D "$DIR/data" stop -m fast >/dev/null; fi
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
