#!/usr/bin/env bash
#
# Relay benchmark (issue: village relay). Ten village rooms take 1,000 proxy cases each, decided
# by their towns; measured on the towns' side: relay latency (village acceptance to the town's
# arrival, p50/p99) and drain rate,
#   1. in one container (transport "local"),
#   2. between two containers over HTTP (villages in one, towns in the other),
#   3. the time to drain the backlog built while the town container is down for OUTAGE seconds
#      (villages keep taking 1 case/s each meanwhile).
# Run from the repository root after `mvn install`:
#
#   assemblies/yizhan-bench/relay-bench.sh [CASES_PER_VILLAGE] [OUTAGE_SECONDS]
#
set -euo pipefail
cases="${1:-1000}"
outage="${2:-300}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/bench-lib.sh"
(cd "$root" && mvn -B -q -Pbench -pl assemblies/yizhan-bench package)
villages="T1V1,T1V2,T1V3,T1V4,T2V1,T2V2,T2V3,T2V4,T3V1,T3V2"
cp="$here/target/classes:$(cat "$here/target/classpath.txt")"
java_run() { "$JAVA_HOME/bin/java" -Dderby.stream.error.file="$here/target/derby.log" -cp "$cp" "$@"; }
report="$here/target/relay-report.md"
source "$here/relay-lib.sh"

echo "## 1. in one container" | tee "$report"
one="$here/target/relay-one"
prepare "$one" 8591
start_distribution "$one" 8591 "$one/console.log" > /dev/null
java_run org.yizhan.bench.RelayLoad "http://localhost:8591/api/v1" "$villages" "$cases" | tee -a "$report"
drained "http://localhost:8591/api/v1"
stop_distribution "$one"
java_run org.yizhan.bench.RelayLatency "$one/data/yizhan/derby" | tee -a "$report"

echo "## 2. two containers over HTTP" | tee -a "$report"
vdir="$here/target/relay-village"; tdir="$here/target/relay-town"
start_pair "$vdir" "$tdir"
java_run org.yizhan.bench.RelayLoad "http://localhost:8691/api/v1" "$villages" "$cases" | tee -a "$report"
drained "http://localhost:8691/api/v1"
stop_pair "$vdir" "$tdir"
java_run org.yizhan.bench.RelayLatency "$tdir/data/yizhan/derby" | tee -a "$report"

echo "## 3. town container down for $outage s, villages taking 1 case/s each" | tee -a "$report"
start_pair "$vdir" "$tdir"
"$tdir/bin/stop" >/dev/null 2>&1; wait "$town_pid" 2>/dev/null || true
java_run org.yizhan.bench.RelayLoad "http://localhost:8691/api/v1" "$villages" "$outage" 1 | tee -a "$report"
backlog=$(curl -fsS -u admin:demo "http://localhost:8691/api/v1/relay/status")
echo "backlog when the town returns: $backlog" | tee -a "$report"
up=$(start_distribution "$tdir" 8791 "$tdir/console-2.log"); town_pid=$karaf_pid
t0=$(date +%s.%N)
drained "http://localhost:8691/api/v1"
drain=$(echo "$(date +%s.%N) - $t0" | bc)
printf "town back (boot %.1f s); backlog drained %.1f s after its API answered\n" "$up" "$drain" | tee -a "$report"
stop_pair "$vdir" "$tdir"
echo "report: $report"
