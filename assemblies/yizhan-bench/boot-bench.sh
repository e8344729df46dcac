#!/usr/bin/env bash
#
# Boot benchmark: unpacks the built distribution into a fresh folder, then starts it RUNS times
# (the first on an empty data/ folder, the rest on the database the first one made) and reports
# for each start the seconds from `bin/karaf server` to GET /api/v1/health answering UP, and the
# container's resident memory (RSS) after IDLE seconds of idling. Prints the figures and writes
# target/boot-report.md. Run it from the repository root after `mvn install`:
#
#   assemblies/yizhan-bench/boot-bench.sh [RUNS] [IDLE]
#
set -euo pipefail
runs="${1:-3}"
idle="${2:-30}"
port=8191
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tarball="$(ls "$root"/assemblies/yizhan-karaf/target/yizhan-karaf-*.tar.gz | head -n 1)"
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
work="$here/target/boot"
rm -rf "$work"; mkdir -p "$work"
tar xzf "$tarball" -C "$work" --strip-components=1
sed -i "s/^org.osgi.service.http.port.*/org.osgi.service.http.port = $port/" "$work/etc/org.ops4j.pax.web.cfg"
sed -i 's/^sshPort.*/sshPort = 8192/' "$work/etc/org.apache.karaf.shell.cfg"
sed -i 's/^rmiRegistryPort.*/rmiRegistryPort = 8193/; s/^rmiServerPort.*/rmiServerPort = 8194/' "$work/etc/org.apache.karaf.management.cfg"
sed -i 's/^demo = .*/demo = true/' "$work/etc/org.yizhan.platform.cfg"

report="$here/target/boot-report.md"
{
  echo "| run | database | boot to health UP (s) | RSS after ${idle} s idle (MB) |"
  echo "| --- | --- | --- | --- |"
} > "$report"

for i in $(seq 1 "$runs"); do
    db=$([ "$i" = 1 ] && echo "new" || echo "existing")
    start=$(date +%s.%N)
    "$work/bin/karaf" server > "$work/console-$i.log" 2>&1 &
    pid=$!
    up=""
    for _ in $(seq 1 1200); do
        if curl -fsS -m 2 "http://localhost:$port/api/v1/health" 2>/dev/null | grep -q '"status":"UP"'; then
            up=$(date +%s.%N); break
        fi
        sleep 0.1
    done
    if [ -z "$up" ]; then echo "run $i: health never came UP"; kill -9 $pid; exit 1; fi
    boot=$(echo "$up - $start" | bc)
    sleep "$idle"
    jvm=$(pgrep -f "karaf.base=$work" | head -n 1)
    rss=$(( $(ps -o rss= -p "$jvm") / 1024 ))
    printf 'run %d (%s database): boot to health UP %.1f s, RSS %d MB\n' "$i" "$db" "$boot" "$rss"
    printf '| %d | %s | %.1f | %d |\n' "$i" "$db" "$boot" "$rss" >> "$report"
    "$work/bin/stop" >/dev/null 2>&1 || true
    wait $pid || true
done
echo "report: $report"
