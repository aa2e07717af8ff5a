#!/usr/bin/env bash
# Regenerates __tests__/fixtures/own/: heap profiles (MemProfileRate 1) of workloads/catalog, a Go
# module of its own (example.com/catalog), whose cache stops evicting in the regressed runs.
#   <build>/<variant>.heap.pb.gz   build: trimpath (go build -trimpath) or abspath (without)
#                                  variant: good, good-rerun, regressed (-evict=false)
# Usage: scripts/make-own-code-fixtures.sh [--out DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/__tests__/fixtures/own"
if [ "${1:-}" = "--out" ]; then out="$2"; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export GOTOOLCHAIN=local GOPROXY=off GOSUMDB=off GOFLAGS=-mod=mod GOWORK=off
export GOCACHE="$work/gocache" GOPATH="$work/gopath" GOGC=100 GOMAXPROCS=2
for build in trimpath abspath; do
  mkdir -p "$out/$build"
  flags=(-buildvcs=false)
  if [ "$build" = trimpath ]; then flags+=(-trimpath); fi
  (cd "$root/workloads/catalog" && go build "${flags[@]}" -o "$work/catalog-$build" ./cmd/catalog)
  "$work/catalog-$build" -o "$out/$build/good.heap.pb.gz" >/dev/null
  "$work/catalog-$build" -o "$out/$build/good-rerun.heap.pb.gz" >/dev/null
  "$work/catalog-$build" -evict=false -o "$out/$build/regressed.heap.pb.gz" >/dev/null
done
echo "go: $(go version)"
