#!/usr/bin/env bash
# Regenerates __tests__/fixtures/node-heapprof/: V8 sampling heap profiles written by Node's own
# `node --heap-prof` for workloads/node/heap-prof-service.mjs, gzipped.
#   <variant>.interval<R>.heapprofile.gz
#   variants: good, good-rerun (a second run of the same code), leak; R: 32768 and 524288 (the default)
# Needs Node (`. scripts/env.sh` puts Node 24 first on the PATH).
# Usage: scripts/make-node-heapprof-fixtures.sh [--out DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/__tests__/fixtures/node-heapprof"
if [ "${1:-}" = "--out" ]; then out="$2"; fi
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
run() { # name variant interval
  local name="$1.interval$3.heapprofile"
  node --expose-gc --heap-prof --heap-prof-interval "$3" --heap-prof-dir "$work" --heap-prof-name "$name" \
    "$root/workloads/node/heap-prof-service.mjs" --variant "$2" --requests 20000 --seed 1 >/dev/null
  gzip -9 -n -c "$work/$name" >"$out/$name.gz"
}
for interval in 32768 524288; do
  run good good "$interval"
  run good-rerun good "$interval"
  run leak leak "$interval"
done
echo "node: $(node --version)"
ls -l "$out"
