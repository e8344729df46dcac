#!/usr/bin/env bash
#
# Full-case benchmark: CLIENTS clients (the three town clerks in turn) each run whole cases back to
# back — create with complete materials (accepted at once), read, approve, read, deliver — on a
# fresh demo-mode distribution; WARMUP cases first (JIT, pools, caches), then MEASURED cases.
# Prints cases/s, p50/p90/p99 per case, the JVM's CPU ms per case and its RSS after the load, and
# checks through the API that every measured case was delivered exactly once. PROFILE=<file.jfr>
# records a Java Flight Recorder profile of the measured phase. Run from the
# repository root after `mvn install`:
#
#   assemblies/yizhan-bench/full-case-bench.sh [CLIENTS] [WARMUP] [MEASURED]
#
set -euo pipefail
clients="${1:-8}"
warmup="${2:-1500}"
measured="${3:-5000}"
port=8293
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/bench-lib.sh"

(cd "$root" && mvn -B -q -Pbench -pl assemblies/yizhan-bench package)
work="$here/target/full-case"
unpack_distribution "$work" "$port"
boot=$(start_distribution "$work" "$port" "$work/console.log")
trap 'stop_distribution "$work"' EXIT
printf 'distribution up in %.1f s\n' "$boot"
jvm=$(pgrep -f "karaf.base=$work" | head -n 1)
[ -n "$jvm" ] || { echo "no JVM found for $work" >&2; exit 1; }
"$JAVA_HOME/bin/java" -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" org.yizhan.bench.FullCaseBench \
    "http://localhost:$port/api/v1" "$clients" "$warmup" "$measured" "$jvm" | tee "$here/target/full-case.txt"
