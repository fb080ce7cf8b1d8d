#!/usr/bin/env bash
# Stops the cluster scripts/ci/start-postgres.sh started (QP_PG_DIR, QP_PG_BIN from its output)
# and removes its folder.
set -euo pipefail
dir=${1:-${QP_PG_DIR:?run start-postgres.sh first, or give its folder}}
bin=${QP_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
# Only ever remove a folder that holds a cluster.
[ -f "$dir/data/PG_VERSION" ] || { echo "stop-postgres: $dir holds no cluster" >&2; exit 1; }
if [ -f "$dir/data/postmaster.pid" ]; then
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2
  else
    "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2
  fi
fi
rm -rf "$dir" "$dir.initdb.log"
