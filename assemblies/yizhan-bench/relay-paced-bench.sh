#!/usr/bin/env bash
#
# Relay latency at a load the towns keep up with: ten village rooms each take RATE proxy cases
# per second for SECONDS, in one container and then over HTTP between two; prints the relay
# latency (village acceptance to the town's arrival) p50/p99. Run from the repository root after
# `mvn install`:
#
#   assemblies/yizhan-bench/relay-paced-bench.sh [RATE] [SECONDS]
#
set -euo pipefail
rate="${1:-3}"
seconds="${2:-60}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/bench-lib.sh"
(cd "$root" && mvn -B -q -Pbench -pl assemblies/yizhan-bench package)
villages="T1V1,T1V2,T1V3,T1V4,T2V1,T2V2,T2V3,T2V4,T3V1,T3V2"
cp="$here/target/classes:$(cat "$here/target/classpath.txt")"
java_run() { "$JAVA_HOME/bin/java" -Dderby.stream.error.file="$here/target/derby.log" -cp "$cp" "$@"; }
source "$here/relay-lib.sh"
report="$here/target/relay-paced-report.md"
cases=$((rate * seconds))

echo "## one container, 10 rooms x $rate cases/s for $seconds s" | tee "$report"
one="$here/target/relay-paced-one"
prepare "$one" 8591
start_distribution "$one" 8591 "$one/console.log" > /dev/null
java_run org.yizhan.bench.RelayLoad "http://localhost:8591/api/v1" "$villages" "$cases" "$rate" | tee -a "$report"
drained "http://localhost:8591/api/v1"
stop_distribution "$one"
java_run org.yizhan.bench.RelayLatency "$one/data/yizhan/derby" | tee -a "$report"

echo "## two containers over HTTP, 10 rooms x $rate cases/s for $seconds s" | tee -a "$report"
vdir="$here/target/relay-paced-village"; tdir="$here/target/relay-paced-town"
start_pair "$vdir" "$tdir"
java_run org.yizhan.bench.RelayLoad "http://localhost:8691/api/v1" "$villages" "$cases" "$rate" | tee -a "$report"
drained "http://localhost:8691/api/v1"
stop_pair "$vdir" "$tdir"
java_run org.yizhan.bench.RelayLatency "$tdir/data/yizhan/derby" | tee -a "$report"
echo "report: $report"
