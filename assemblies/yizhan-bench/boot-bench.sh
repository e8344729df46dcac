#!/usr/bin/env bash
#
# Boot benchmark: unpacks the built distribution into a fresh folder, then starts it RUNS times
# (the first on an empty data/ folder, the rest on the database the first one made) and reports
# for each start the seconds from `bin/karaf server` to GET /api/v1/health answering UP, and the
# container's resident memory (RSS) after IDLE seconds of idling. Prints the figures and writes
# assemblies/yizhan-bench/target/boot-report.md. Run it from the repository root after `mvn install`:
#
#   assemblies/yizhan-bench/boot-bench.sh [RUNS] [IDLE]
#
set -euo pipefail
runs="${1:-3}"
idle="${2:-30}"
port=8191
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/bench-lib.sh"
work="$here/target/boot"
unpack_distribution "$work" "$port"

report="$here/target/boot-report.md"
{
  echo "| run | database | boot to health UP (s) | RSS after ${idle} s idle (MB) |"
  echo "| --- | --- | --- | --- |"
} > "$report"

for i in $(seq 1 "$runs"); do
    db=$([ "$i" = 1 ] && echo "new" || echo "existing")
    boot=$(start_distribution "$work" "$port" "$work/console-$i.log")
    sleep "$idle"
    rss=$(rss_mb "$work")
    printf 'run %d (%s database): boot to health UP %.1f s, RSS %d MB\n' "$i" "$db" "$boot" "$rss"
    printf '| %d | %s | %.1f | %d |\n' "$i" "$db" "$boot" "$rss" >> "$report"
    stop_distribution "$work"
done
echo "report: $report"
