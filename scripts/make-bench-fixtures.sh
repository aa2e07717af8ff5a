#!/usr/bin/env bash
# Regenerates the Go benchmark output heapgate's benchmark comparison is tested with:
#   __tests__/fixtures/gobench/<variant>.count6.bench    (workloads/gobench, go test -bench -benchmem)
#   __tests__/fixtures/gobench/<variant>.count1.bench    (the same with -count 1)
#   __tests__/fixtures/gobench/<variant>.mixed.bench     (-count 6 without -benchmem: some benchmarks report memory)
#   __tests__/fixtures/gobench/<good|regressed>.memrun.{bench,mem.pb.gz}  (-count 4 with -memprofile)
#   __tests__/fixtures/gobench/bench-manifest.json     (the exact command behind every file)
# Named .bench rather than .txt: the profile fixture tests read every .txt there as a legacy profile.
# <variant>: good, good-rerun (a second, independent run of the same code) and regressed
# (HEAPGATE_VARIANT=regressed: every pattern in its bad form, the controls unchanged).
#
# Usage: scripts/make-bench-fixtures.sh [--out DIR]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/__tests__/fixtures/gobench"
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    *) echo "make-bench-fixtures.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Offline, dependency-free, reproducible build (as make-fixtures.sh); GOMAXPROCS fixed so the
# benchmark names carry the same -2 suffix on every machine.
export GOTOOLCHAIN=local GOPROXY=off GOSUMDB=off GOFLAGS=-mod=mod GOWORK=off
export GOCACHE="$work/gocache" GOPATH="$work/gopath"
export GOGC=100 GOMAXPROCS=2
unset GODEBUG
go_bin="${GO:-go}"
go_version="$("$go_bin" version)"
(cd "$root/workloads" && "$go_bin" test -c -trimpath -buildvcs=false -o "$work/gobench.test" ./gobench)

entries=()
for count in 6 1; do
  for variant in good good-rerun regressed; do
    env_variant="${variant%-rerun}"
    file="$variant.count$count.bench"
    # The test binary prints what go test -bench prints (go test adds an "ok" line with the timing);
    # -benchtime 100ms keeps a run short (b.N still differs between runs).
    (cd "$work" && HEAPGATE_VARIANT="$env_variant" ./gobench.test -test.run '^$' -test.bench . \
      -test.benchmem -test.count "$count" -test.benchtime 100ms) > "$out/$file"
    entries+=("    {\"file\": \"$file\", \"command\": \"HEAPGATE_VARIANT=$env_variant go test ./gobench -run '^\$' -bench . -benchmem -count $count -benchtime 100ms (in workloads/)\"}")
  done
done

# Without -benchmem: only the benchmarks that call b.ReportAllocs() (Builder, Append, Convert,
# MapHint) report B/op and allocs/op; CloneRecord and Checksum report ns/op only.
for variant in good good-rerun regressed; do
  env_variant="${variant%-rerun}"
  file="$variant.mixed.bench"
  (cd "$work" && HEAPGATE_VARIANT="$env_variant" ./gobench.test -test.run '^$' -test.bench . \
    -test.count 6 -test.benchtime 100ms) > "$out/$file"
  entries+=("    {\"file\": \"$file\", \"command\": \"HEAPGATE_VARIANT=$env_variant go test ./gobench -run '^\$' -bench . -count 6 -benchtime 100ms (in workloads/; no -benchmem)\"}")
done

# One run per variant with -memprofile too: the text and the profile of the same run, for the
# per-function attribution of B/op and allocs/op.
for variant in good regressed; do
  file="$variant.memrun.bench"
  (cd "$work" && HEAPGATE_VARIANT="$variant" ./gobench.test -test.run '^$' -test.bench . \
    -test.benchmem -test.count 4 -test.benchtime 100ms -test.memprofilerate 1 \
    -test.memprofile "$out/$variant.memrun.mem.pb.gz") > "$out/$file"
  cmd="HEAPGATE_VARIANT=$variant go test ./gobench -run '^\$' -bench . -benchmem -count 4 -benchtime 100ms"
  cmd="$cmd -memprofilerate 1 -memprofile gobench/$variant.memrun.mem.pb.gz (in workloads/)"
  entries+=("    {\"file\": \"$file\", \"command\": \"$cmd\"}")
  entries+=("    {\"file\": \"$variant.memrun.mem.pb.gz\", \"command\": \"$cmd\"}")
done

{
  echo "{"
  echo "  \"generator\": \"scripts/make-bench-fixtures.sh\","
  echo "  \"tools\": {\"go\": \"$go_version\"},"
  echo "  \"env\": \"GOGC=100 GOMAXPROCS=2\","
  echo "  \"files\": ["
  for ((i = 0; i < ${#entries[@]}; i++)); do
    if [ $i -lt $((${#entries[@]} - 1)) ]; then echo "${entries[$i]},"; else echo "${entries[$i]}"; fi
  done
  echo "  ]"
  echo "}"
} > "$out/bench-manifest.json"
