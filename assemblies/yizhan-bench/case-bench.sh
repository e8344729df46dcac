#!/usr/bin/env bash
#
# Case throughput benchmark. Starts a fresh demo-mode distribution and drives it with CLIENTS
# concurrent HTTP connections (wrk) that create cases with complete materials — each accepted
# at once, with its receipt and promised date — for SECONDS after a warm-up; checks through the
# API that every request made its case; then has CLIENTS threads insert the same rows with plain
# JDBC into an embedded Derby database with the same durability (the floor for this machine),
# and reports cases/s, p50/p99 latency and the ratio. Run from the repository root after
# `mvn install` (wrk comes from Debian: apt-get install -y wrk). WARMUP (default 60) sets the
# seconds of load before measuring, so the container runs JIT-compiled code as it would in service:
#
#   assemblies/yizhan-bench/case-bench.sh [CLIENTS] [SECONDS]
#
set -euo pipefail
clients="${1:-8}"
seconds="${2:-30}"
port=8291
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/bench-lib.sh"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

(cd "$root" && mvn -B -q -Pbench -pl assemblies/yizhan-bench package)
work="$here/target/case"
unpack_distribution "$work" "$port"
boot=$(start_distribution "$work" "$port" "$work/console.log")
trap 'stop_distribution "$work"' EXIT
printf 'distribution up in %.1f s\n' "$boot"
url="http://localhost:$port"
total() { curl -fsS -u admin:demo "$url/api/v1/cases?size=1" | sed 's/.*"total":\([0-9]*\).*/\1/'; }

wrk -t2 -c"$clients" -d"${WARMUP:-60}s" -s "$here/cases.lua" "$url" > /dev/null   # warm-up (JIT, pools, caches)
before=$(total)
wrk -t2 -c"$clients" -d"${seconds}s" --latency -s "$here/cases.lua" "$url" > "$here/target/wrk.txt"
after=$(total)
cat "$here/target/wrk.txt"
requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$here/target/wrk.txt")
bad=$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$here/target/wrk.txt"); bad=${bad:-0}
created=$((after - before))
rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$here/target/wrk.txt")
p50=$(sed -n 's/^ *50% *\([0-9.]*[mu]*s\).*/\1/p' "$here/target/wrk.txt")
p99=$(sed -n 's/^ *99% *\([0-9.]*[mu]*s\).*/\1/p' "$here/target/wrk.txt")
echo "requests answered: $requests, failed: $bad, cases created (GET /cases total): $created"
if [ "$bad" != 0 ] || [ "$created" -lt "$requests" ]; then echo "some requests made no case" >&2; exit 1; fi

cd "$here"
floor=$("$JAVA_HOME/bin/java" -Dderby.stream.error.file=target/derby.log -cp "target/classes:$(cat target/classpath.txt)" org.yizhan.bench.CaseBench "$clients" "$seconds" \
    | tee /dev/stderr | sed -n 's/^FLOOR //p')
read -r frate fp50 fp99 ffail <<< "$floor"
ratio=$(echo "scale=1; 100 * $rps / $frate" | bc)
echo "REST reaches ${ratio}% of the plain-JDBC floor (target: at least 30%)"
cat > "$here/target/case-report.md" <<REPORT
| path | clients | cases/s | p50 | p99 | failed |
| --- | --- | --- | --- | --- | --- |
| REST POST /api/v1/cases (wrk) | $clients | $rps | $p50 | $p99 | $bad |
| plain JDBC, same rows | $clients | $frate | ${fp50}ms | ${fp99}ms | $ffail |

REST reaches ${ratio}% of the plain-JDBC floor ($seconds s measured per path, after warm-up).
REPORT
echo "report: $here/target/case-report.md"
