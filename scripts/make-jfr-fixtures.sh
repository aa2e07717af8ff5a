#!/usr/bin/env bash
# Regenerates __tests__/fixtures/jfr/: Java Flight Recorder allocation profiles of workloads/java/AllocLoad.java,
# converted to pprof by scripts/jfr-to-pprof.mjs in the layout of Pyroscope's JFR converter.
#   <variant>.alloc-in-new-tlab.pb.gz, <variant>.alloc-outside-tlab.pb.gz, <variant>.live.pb.gz
#   variants: good, good-rerun (a second run of the same code), regressed
# Needs a JDK (java, javac and jfr on PATH; Debian: openjdk-17-jdk-headless) and Node.
# Usage: scripts/make-jfr-fixtures.sh [--out DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/__tests__/fixtures/jfr"
if [ "${1:-}" = "--out" ]; then out="$2"; fi
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The JDK's profile settings with the two TLAB allocation events switched on (they are off by default).
java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
sed -E '/"jdk\.ObjectAllocation(InNewTLAB|OutsideTLAB)">/,/<\/event>/ s#(<setting name="enabled"[^>]*>)false#\1true#' \
  "$java_home/lib/jfr/profile.jfc" >"$work/alloc.jfc"
javac -d "$work/classes" "$root/workloads/java/AllocLoad.java"
run() { # variant mode seed
  java "-XX:StartFlightRecording:filename=$work/$1.jfr,settings=$work/alloc.jfc" -cp "$work/classes" \
    AllocLoad "$2" 40000 "$3" >/dev/null 2>&1
  node "$root/scripts/jfr-to-pprof.mjs" "$work/$1.jfr" "$out/$1"
}
run good good 1
run good-rerun good 1
run regressed regressed 1
echo "java: $(java -version 2>&1 | head -1)"
