#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server beside it, for the
# feedback service's tests: a new cluster in a temporary folder, on a free
# loopback port, no password (trust, loopback only), removed afterwards.
#
#   scripts/postgres.sh cargo test -p portal-feedback
#
# The command gets PORTAL_TEST_POSTGRES=postgres://postgres@127.0.0.1:PORT
# (tests add the database name) and PORTAL_TEST_REQUIRE_POSTGRES=1.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
dir=$(mktemp -d /tmp/portal-postgres.XXXXXX)
port=$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")

# The server refuses to run as root: as root, run it as Debian's postgres user
# (from its own folder: the repository may be where that user cannot read).
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/sh -c "cd $dir && $*"
  else
    sh -c "$*"
  fi
}
if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi

stop() {
  as_owner "$bin/pg_ctl -D $dir/data -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

as_owner "$bin/initdb -D $dir/data -A trust -U postgres --no-sync" >"$dir.initdb.log" 2>&1 \
  || { cat "$dir.initdb.log"; exit 1; }
rm -f "$dir.initdb.log"
# fsync stays on: the tests check that what was answered is stored.
as_owner "$bin/pg_ctl -D $dir/data -w -l $dir/log -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200\" start" >/dev/null \
  || { cat "$dir/log"; exit 1; }

PORTAL_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port" PORTAL_TEST_REQUIRE_POSTGRES=1 "$@"
