# Shared by scripts/start and scripts/test (sourced after node-env.sh).

# Installs the workspace exactly as the lockfile says; fast when nothing changed.
qp_install() {
  local started=$SECONDS
  if ! yarn install --immutable >.cache/yarn-install.log 2>&1; then
    cat .cache/yarn-install.log >&2
    echo "quadlet-portal: yarn install failed (log above, also in .cache/yarn-install.log)" >&2
    return 1
  fi
  echo "quadlet-portal: dependencies ready ($((SECONDS - started)) s)" >&2
}

# The backend serves packages/app/dist; rebuild it when any frontend source is newer.
qp_build_app_if_stale() {
  local stamp=packages/app/dist/index.html
  if [ -f "$stamp" ] && [ -z "$(find packages/app/src packages/app/public plugins/*/src \
      -newer "$stamp" -type f -print -quit 2>/dev/null)" ] && [ -z "${QP_REBUILD:-}" ]; then
    return 0
  fi
  echo "quadlet-portal: building the frontend (under a minute)..." >&2
  yarn workspace app build >.cache/app-build.log 2>&1 || {
    tail -n 60 .cache/app-build.log >&2
    echo "quadlet-portal: frontend build failed (full log: .cache/app-build.log)" >&2
    return 1
  }
}
