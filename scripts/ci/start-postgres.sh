#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for the integration tests and prints the
# environment to export (nothing else goes to stdout):
#
#   eval "$(scripts/ci/start-postgres.sh)"     # then run the tests
#   scripts/ci/stop-postgres.sh                # stops it and removes its folder
#
# Uses Debian's `postgresql` server binaries (any version under /usr/lib/postgresql); run as
# root it runs the server as the `postgres` user. The cluster lives in a fresh folder under
# /tmp (or $QP_PG_DIR), listens on 127.0.0.1 only, on a free port (or $QP_PG_PORT), and has one
# superuser `qp` with a random password. Backstage's TestDatabases reads the printed
# BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING.
set -euo pipefail

log() { echo "start-postgres: $*" >&2; }

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  log "no PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql)"
  exit 1
fi
major=$(basename "$(dirname "$bin")")

dir=${QP_PG_DIR:-$(mktemp -d /tmp/qp-postgres.XXXXXX)}
mkdir -p "$dir"
port=${QP_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')

# The server refuses to run as root: hand the folder to `postgres` and run its tools as that user.
as_owner() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  chown postgres:postgres "$dir"
  as_owner() { runuser -u postgres -- "$@"; }
fi

printf '%s\n' "$password" > "$dir.pw"
chmod 600 "$dir.pw"
[ "$(id -u)" = 0 ] && chown postgres "$dir.pw"
as_owner "$bin/initdb" -D "$dir/data" --username=qp --pwfile="$dir.pw" \
  --auth-host=scram-sha-256 --auth-local=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir.initdb.log" 2>&1 || {
  cat "$dir.initdb.log" >&2
  log "initdb failed"
  exit 1
}
rm -f "$dir.pw"
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/data -c max_connections=200 -c fsync=off" start >&2 || {
  cat "$dir/data/server.log" >&2 || true
  log "the server did not start"
  exit 1
}
log "PostgreSQL $major on 127.0.0.1:$port, data in $dir/data"

url="postgresql://qp:$password@127.0.0.1:$port"
echo "export BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING='$url'"
echo "export QP_PG_DIR='$dir'"
echo "export QP_PG_BIN='$bin'"
