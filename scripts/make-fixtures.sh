#!/usr/bin/env bash
# Regenerates the real profiles heapgate is tested and demonstrated with:
#   __tests__/fixtures/go/<pattern>/<variant>.rate<R>.<heap|allocs>.pb.gz   (workloads/heapload)
#   __tests__/fixtures/go/cache/regressed.rate524288.heap.legacy.txt        (same run, debug=1 text)
#   __tests__/fixtures/node/...      (workloads/node, needs @datadog/pprof installed outside the repo)
#   __tests__/fixtures/tcmalloc/...  (workloads/tcmalloc, needs gperftools' libtcmalloc)
#   __tests__/fixtures/manifest.json (the exact command behind every file)
#   __tests__/fixtures/noisy/...     (workloads/noisyload, by scripts/make-noisy-fixtures.sh)
#   __tests__/fixtures/gobench/*.bench (workloads/gobench's go test -bench output, by scripts/make-bench-fixtures.sh)
#   examples/                        (copies of two fixture pairs for `npm run demo`)
#
# Usage: scripts/make-fixtures.sh [--out DIR] [--reruns N] [--go-only]
#   --out DIR    write the Go profiles and manifest under DIR instead of __tests__/fixtures, and leave
#                examples/ alone (for trying the workloads without touching committed files)
#   --reruns N   write N independent reruns of the good variant (good-rerun, good-rerun2, ...) and
#                N-1 of the regressed one (regressed-rerun2, ...), to check verdicts are not luck
#   --go-only    skip the Node and tcmalloc profiles (with --out only)
#
# Profiles carry time stamps and the runtime's own allocations, so a rerun is never byte-identical;
# everything else (inputs, seeds, sizes, flags, build) is fixed here.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/__tests__/fixtures"
reruns=1
go_only=0
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --reruns) reruns="$2"; shift 2 ;;
    --go-only) go_only=1; shift ;;
    *) echo "make-fixtures.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ "$reruns" =~ ^[1-9][0-9]*$ ]] ||
  { echo "make-fixtures.sh: --reruns needs a positive integer, not $reruns" >&2; exit 2; }
default_out=0
[ "$out" = "$root/__tests__/fixtures" ] && default_out=1
if [ "$default_out" = 1 ] && [ "$go_only" = 1 ]; then
  echo "make-fixtures.sh: --go-only needs --out (the committed manifest lists every producer)" >&2
  exit 2
fi
# missing WHAT HINT: the committed fixtures need every producer; a scratch --out run can do without.
missing() {
  if [ "$default_out" = 1 ]; then
    echo "make-fixtures.sh: $1 not found; $2" >&2
    exit 1
  fi
  echo "make-fixtures.sh: $1 not found; skipped" >&2
}

patterns=(builder append map pool convert cache)
rates=(1 524288)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Offline, dependency-free, reproducible build: no module proxy, no toolchain switch, no VCS stamp,
# no local paths in the binary (so profiles do not name this machine's directories).
export GOTOOLCHAIN=local GOPROXY=off GOSUMDB=off GOFLAGS=-mod=mod GOWORK=off
export GOCACHE="$work/gocache" GOPATH="$work/gopath"
export GOGC=100 GOMAXPROCS=2
unset GODEBUG
go_bin="${GO:-go}"
(cd "$root/workloads" && "$go_bin" build -trimpath -buildvcs=false -o "$work/heapload" ./heapload)
go_version="$("$go_bin" version)"

# total FILE TYPE: the total of one sample type, as pprof prints it.
total() {
  HOME="$work" PPROF_TMPDIR="$work" \
    "$go_bin" tool pprof -top -unit=B -symbolize=none -sample_index="$2" "$1" 2> /dev/null |
    sed -n 's/^Showing nodes accounting for .* of \(-\{0,1\}[0-9]*\)B\{0,1\} total$/\1/p'
}

# crosses_threshold BASE CURRENT OBJECTS_TYPE SPACE_TYPE SPACE_PERCENT SPACE_MIN: true when the
# objects total grew by more than 20% and 1000, or the space total by more than SPACE_PERCENT and
# SPACE_MIN bytes (the default rules' thresholds).
crosses_threshold() {
  local bo co bs cs
  bo="$(total "$1" "$3")"; co="$(total "$2" "$3")"
  bs="$(total "$1" "$4")"; cs="$(total "$2" "$4")"
  awk -v bo="$bo" -v co="$co" -v bs="$bs" -v cs="$cs" -v pct="$5" -v min="$6" 'BEGIN {
    exit !((co - bo >= 1000 && co > 1.2 * bo) || (cs - bs >= min && cs > (1 + pct / 100) * bs)) }'
}

manifest_entries=()
tools=("\"go\": \"$go_version\"")
# record FILE COMMAND...: remembers the command (relative to $out) that wrote FILE.
record() {
  local file="$1"; shift
  local cmd="$*"
  manifest_entries+=("    {\"file\": \"$file\", \"command\": \"${cmd//\"/\\\"}\"}")
}

mkdir -p "$out/go"
for pattern in "${patterns[@]}"; do
  mkdir -p "$out/go/$pattern"
  variants=(good regressed good-rerun)
  for ((i = 2; i <= reruns; i++)); do variants+=("good-rerun$i" "regressed-rerun$i"); done
  for variant in "${variants[@]}"; do
    run_variant="${variant%%-rerun*}"
    for rate in "${rates[@]}"; do
      base="go/$pattern/$variant.rate$rate"
      args=(-pattern "$pattern" -variant "$run_variant" -rate "$rate"
        -heap "$base.heap.pb.gz" -allocs "$base.allocs.pb.gz")
      if [ "$pattern" = cache ] && [ "$variant" = regressed ] && [ "$rate" = 524288 ]; then
        args+=(-legacy "$base.heap.legacy.txt")
      fi
      (cd "$out" && "$work/heapload" "${args[@]}")
      for f in "$base.heap.pb.gz" "$base.allocs.pb.gz"; do record "$f" "heapload ${args[*]}"; done
      if [ "$pattern" = cache ] && [ "$variant" = regressed ] && [ "$rate" = 524288 ]; then
        record "$base.heap.legacy.txt" "heapload ${args[*]}"
      fi
    done
  done
done

# Go benchmarks: `go test -bench -benchmem -memprofile` of workloads/benchload. Two runs of the same
# code (b.N differs between them) and one regressed run.
mkdir -p "$out/gobench"
for run in good good-rerun regressed; do
  regressed_env=0
  [ "$run" = regressed ] && regressed_env=1
  (cd "$root/workloads" && REGRESSED=$regressed_env "$go_bin" test ./benchload -run '^$' -bench . -benchmem \
    -memprofilerate 1 -memprofile "$out/gobench/$run.rate1.mem.pb.gz" -o "$work/benchload.test" \
    > /dev/null)
  bench_cmd="REGRESSED=$regressed_env go test ./benchload -run '^\$' -bench . -benchmem -memprofilerate 1"
  record "gobench/$run.rate1.mem.pb.gz" "$bench_cmd -memprofile gobench/$run.rate1.mem.pb.gz (in workloads/)"
done

if [ "$go_only" = 0 ]; then
  # Node: @datadog/pprof is not a dependency of heapgate; install it outside the repository first:
  #   npm install --prefix /tmp/ddpprof @datadog/pprof
  ddpprof="${DDPPROF_DIR:-/tmp/ddpprof}/node_modules/@datadog/pprof"
  if [ -d "$ddpprof" ]; then
    mkdir -p "$out/node"
    tools+=("\"node\": \"$(node --version)\""
      "\"@datadog/pprof\": \"$(node -p "require('$ddpprof/package.json').version")\"")
    node_run() {
      (cd "$out" &&
        node "$root/workloads/node/heap-profile.mjs" --pprof "$ddpprof" --variant "$1" --out "$2" > /dev/null)
    }
    node_cmd="node workloads/node/heap-profile.mjs --pprof $ddpprof"
    node_run regressed node/cache.regressed.heap.pb.gz
    record node/cache.regressed.heap.pb.gz "$node_cmd --variant regressed --out node/cache.regressed.heap.pb.gz"
    # good and good-rerun: pairs of runs of the same code are made until the rerun's totals grew past
    # a default threshold through sampling alone (V8 samples by allocated bytes, like Go): what a
    # sampling-aware gate must not fail on.
    for ((i = 1; ; i++)); do
      node_run good node/cache.good.heap.pb.gz
      node_run good node/cache.good-rerun.heap.pb.gz
      if crosses_threshold "$out/node/cache.good.heap.pb.gz" "$out/node/cache.good-rerun.heap.pb.gz" \
        inuse_objects inuse_space 15 262144; then break; fi
      [ "$i" -lt 20 ] || { echo "make-fixtures.sh: no pair of Node runs crossed a threshold" >&2; exit 1; }
    done
    pair_note="pair $i: the first in which good-rerun's totals grew past a default threshold over good"
    for v in good good-rerun; do
      record "node/cache.$v.heap.pb.gz" "$node_cmd --variant good --out node/cache.$v.heap.pb.gz ($pair_note)"
    done
  else
    missing "$ddpprof" "npm install --prefix /tmp/ddpprof @datadog/pprof (or set DDPPROF_DIR)"
  fi

  # tcmalloc: gperftools writes legacy text heap profiles; pprof converts them to protobuf,
  # symbolizing the binary with binutils. apt-get install google-perftools libgoogle-perftools-dev
  if [ -e /usr/include/gperftools/heap-profiler.h ] && command -v c++ >/dev/null; then
    mkdir -p "$out/tcmalloc"
    tools+=("\"gperftools\": \"$(dpkg-query -W -f '${Version}' libgoogle-perftools-dev 2>/dev/null || echo unknown)\"")
    (cd "$work" && c++ -O1 -g -fno-omit-frame-pointer -o tcload "$root/workloads/tcmalloc/tcload.cc" -ltcmalloc)
    tc_build="c++ -O1 -g -fno-omit-frame-pointer -o tcload workloads/tcmalloc/tcload.cc -ltcmalloc"
    for variant in good regressed; do
      # Every allocation (heap profiler): alloc_* and inuse_* columns.
      (cd "$work" && "$work/tcload" "$variant" profile "tc.$variant" > /dev/null 2>&1)
      cp "$work/tc.$variant.0001.heap" "$out/tcmalloc/$variant.heapprofile.txt"
      record "tcmalloc/$variant.heapprofile.txt" \
        "$tc_build && tcload $variant profile tc.$variant (file tc.$variant.0001.heap)"
      # tcmalloc's own sampling, one sample per 512 KiB: objects and space, inuse only.
      (cd "$work" && TCMALLOC_SAMPLE_PARAMETER=524288 "$work/tcload" "$variant" sample "tc.$variant.heapz" > /dev/null)
      cp "$work/tc.$variant.heapz" "$out/tcmalloc/$variant.heapz.txt"
      record "tcmalloc/$variant.heapz.txt" \
        "$tc_build && TCMALLOC_SAMPLE_PARAMETER=524288 tcload $variant sample tc.$variant.heapz"
      for kind in heapprofile heapz; do
        f="tcmalloc/$variant.$kind.pb.gz"
        (cd "$work" && HOME="$work" PPROF_TMPDIR="$work" \
          "$go_bin" tool pprof -proto -output "$out/$f" ./tcload "$out/tcmalloc/$variant.$kind.txt" 2> /dev/null)
        record "$f" "go tool pprof -proto -output $f tcload tcmalloc/$variant.$kind.txt"
      done
    done
  else
    missing "gperftools or a C++ compiler" "apt-get install -y g++ google-perftools libgoogle-perftools-dev"
  fi
fi

{
  echo "{"
  echo "  \"generator\": \"scripts/make-fixtures.sh\","
  echo "  \"tools\": {$(IFS=,; echo "${tools[*]}")},"
  echo "  \"heapload\": \"go build -trimpath -buildvcs=false ./heapload (in workloads/), env GOGC=100 GOMAXPROCS=2\","
  echo "  \"files\": ["
  for ((i = 0; i < ${#manifest_entries[@]}; i++)); do
    if [ $i -lt $((${#manifest_entries[@]} - 1)) ]; then
      echo "${manifest_entries[$i]},"
    else
      echo "${manifest_entries[$i]}"
    fi
  done
  echo "  ]"
  echo "}"
} > "$out/manifest.json"

if [ "$default_out" = 1 ]; then
  mkdir -p "$root/examples/regression" "$root/examples/no-change"
  cp "$out/go/cache/good.rate524288.heap.pb.gz" "$root/examples/regression/base.heap.pb.gz"
  cp "$out/go/cache/regressed.rate524288.heap.pb.gz" "$root/examples/regression/current.heap.pb.gz"
  # The no-change example shows sampling noise crossing a threshold: pairs of runs of the same code
  # are made until one has a total that grew past a default rule's percent and min (alloc_objects
  # +20% and 1000, or alloc_space +20% and 1 MiB), which heapgate must call inconclusive, not a failure.
  no_change=""
  for ((i = 1; i <= 20 && ${#no_change} == 0; i++)); do
    for side in base current; do
      (cd "$work" && "$work/heapload" -pattern append -variant good -rate 524288 -allocs "$side.allocs.pb.gz")
    done
    if crosses_threshold "$work/base.allocs.pb.gz" "$work/current.allocs.pb.gz" \
      alloc_objects alloc_space 20 1048576; then
      no_change="pair $i"
    fi
  done
  [ -n "$no_change" ] || { echo "make-fixtures.sh: no pair of runs crossed a threshold" >&2; exit 1; }
  cp "$work/base.allocs.pb.gz" "$work/current.allocs.pb.gz" "$root/examples/no-change/"
  echo "make-fixtures.sh: examples/no-change is $no_change" >&2
fi
if [ "$go_only" = 0 ]; then
  "$root/scripts/make-noisy-fixtures.sh" --out "$out/noisy"
fi
"$root/scripts/make-bench-fixtures.sh" --out "$out/gobench"
echo "make-fixtures.sh: wrote $out" >&2
