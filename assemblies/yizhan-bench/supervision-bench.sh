#!/usr/bin/env bash
#
# Supervision benchmark: a distribution whose database holds ROWS open cases (1,000,000 by
# default, written straight into Derby with no alert level set); times the full pass
# (POST /api/v1/supervision/scan?full=true: sets every level from the dates, as after a start
# and once a day), then the incremental scan the scheduler runs every few minutes, the rates
# query over 60 days and the first page of red alerts, and reads the container's memory. Run
# from the repository root after `mvn install`:
#
#   assemblies/yizhan-bench/supervision-bench.sh [ROWS]
#
set -euo pipefail
rows="${1:-1000000}"
port=8491
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/bench-lib.sh"
(cd "$root" && mvn -B -q -Pbench -pl assemblies/yizhan-bench package)
work="$here/target/supervision"
unpack_distribution "$work" "$port"
start_distribution "$work" "$port" "$work/console-1.log" > /dev/null     # creates the schema
stop_distribution "$work"
"$JAVA_HOME/bin/java" -Dderby.stream.error.file="$here/target/derby.log" -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" org.yizhan.bench.FillCases \
    "$work/data/yizhan/derby" "$rows"
start_distribution "$work" "$port" "$work/console-2.log" > /dev/null
trap 'stop_distribution "$work"' EXIT
url="http://localhost:$port/api/v1"
scan() { curl -fsS -u supervisor:demo -X POST "$url/supervision/scan$1"; }
first=$(scan '?full=true'); echo "full pass:        $first"
just=$(scan '?full=true'); echo "full pass right after it: $just"
# Derby reclaims the index entries of a bulk change lazily; a restart (or the next day) finds them gone
stop_distribution "$work"
start_distribution "$work" "$port" "$work/console-3.log" > /dev/null
again=$(scan '?full=true'); echo "full pass again:  $again"
again2=$(scan '?full=true'); echo "full pass again:  $again2"
second=$(scan ''); echo "incremental scan: $second"
third=$(scan ''); echo "incremental scan: $third"
from=$(date -d '60 days ago' +%F); to=$(date +%F)
timed() { curl -fsS -u supervisor:demo -o /dev/null -w '%{time_total}' "$1" | awk '{printf "%d", $1 * 1000}'; }
rates_ms="$(timed "$url/supervision/rates?from=$from&to=$to"), $(timed "$url/supervision/rates?from=$from&to=$to")"
alerts_ms="$(timed "$url/supervision/alerts?level=RED&size=50"), $(timed "$url/supervision/alerts?size=50"), $(timed "$url/supervision/alerts?size=50&page=5000")"
rss=$(rss_mb "$work")
ms() { echo "$1" | sed 's/.*"millis":\([0-9]*\).*/\1/'; }
{
  echo "| open cases | first full pass (ms) | full pass right after (ms) | full pass, levels current (ms) | incremental scans (ms) | rates, 60 days (ms) | alerts: red page 1, all page 1, all page 5000 (ms) | container RSS (MB) |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  echo "| $rows | $(ms "$first") | $(ms "$just") | $(ms "$again"), $(ms "$again2") | $(ms "$second"), $(ms "$third") | $rates_ms | $alerts_ms | $rss |"
} | tee "$here/target/supervision-report.md"
