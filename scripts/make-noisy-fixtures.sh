#!/usr/bin/env bash
# Writes the noisy-workload profiles that heapgate's run-to-run noise estimate is measured on:
#   __tests__/fixtures/noisy/<workload>/<gc|nogc>.rate<R>/<good|regressed>-<i>.heap.pb.gz
#   __tests__/fixtures/noisy/manifest.json (the exact command behind every file)
# for each workload of workloads/noisyload (server, pool, ttlcache), with and without a runtime.GC()
# before the profile is written, at MemProfileRate 1 and at the default 524288. Called by
# scripts/make-fixtures.sh; runs on its own too.
#
# Usage: scripts/make-noisy-fixtures.sh [--out DIR] [--good N] [--regressed M]   (default 10 and 5)
#
# Every run is the same code with the same inputs: what differs between the good runs is what a
# service's runs differ by (GC timing, sync.Pool clearing, janitor ticks, connections in flight).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/__tests__/fixtures/noisy"
good=10
regressed=5
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --good) good="$2"; shift 2 ;;
    --regressed) regressed="$2"; shift 2 ;;
    *) echo "make-noisy-fixtures.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
for n in "$good" "$regressed"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "make-noisy-fixtures.sh: run counts must be positive integers" >&2; exit 2; }
done
mkdir -p "$out"
out="$(cd "$out" && pwd)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export GOTOOLCHAIN=local GOPROXY=off GOSUMDB=off GOFLAGS=-mod=mod GOWORK=off
export GOCACHE="$work/gocache" GOPATH="$work/gopath"
export GOGC=100 GOMAXPROCS=2
unset GODEBUG
go_bin="${GO:-go}"
(cd "$root/workloads" && "$go_bin" build -trimpath -buildvcs=false -o "$work/noisyload" ./noisyload)

entries=()
for workload in server pool ttlcache; do
  for gc in gc nogc; do
    for rate in 1 524288; do
      dir="$workload/$gc.rate$rate"
      mkdir -p "$out/$dir"
      # Good and regressed runs interleaved, so a drift of the machine hits both alike.
      for ((i = 1; i <= good; i++)); do
        for variant in good regressed; do
          if [ "$variant" = regressed ] && [ "$i" -gt "$regressed" ]; then continue; fi
          file="$dir/$variant-$i.heap.pb.gz"
          gc_flag=false
          [ "$gc" = gc ] && gc_flag=true
          args=(-workload "$workload" -variant "$variant" -rate "$rate" -gc="$gc_flag" -heap "$file")
          (cd "$out" && "$work/noisyload" "${args[@]}")
          entries+=("    {\"file\": \"$file\", \"command\": \"noisyload ${args[*]}\"}")
        done
      done
    done
  done
done

{
  echo "{"
  echo "  \"generator\": \"scripts/make-noisy-fixtures.sh\","
  echo "  \"go\": \"$("$go_bin" version)\","
  echo "  \"noisyload\": \"go build -trimpath -buildvcs=false ./noisyload (in workloads/), env GOGC=100 GOMAXPROCS=2\","
  echo "  \"files\": ["
  for ((i = 0; i < ${#entries[@]}; i++)); do
    if [ $i -lt $((${#entries[@]} - 1)) ]; then echo "${entries[$i]},"; else echo "${entries[$i]}"; fi
  done
  echo "  ]"
  echo "}"
} > "$out/manifest.json"
echo "make-noisy-fixtures.sh: wrote $out" >&2
