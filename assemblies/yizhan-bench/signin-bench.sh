#!/usr/bin/env bash
#
# Sign-in cost. Starts a fresh demo-mode distribution, seeds it with cases, and measures:
#  - the first request of each of nine demo staff accounts (a real sign-in: the password hash
#    is checked) against their second (the remembered sign-in);
#  - authenticated GET /api/v1/cases at CLIENTS connections (wrk), rotating over those accounts,
#    for SECONDS after a warm-up.
# Run it on this build and on an earlier one to compare (TARBALL=path/to/yizhan-karaf-*.tar.gz):
#
#   assemblies/yizhan-bench/signin-bench.sh [CLIENTS] [SECONDS]
#
set -euo pipefail
clients="${1:-8}"
seconds="${2:-30}"
port=8391
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/bench-lib.sh"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

work="$here/target/signin"
unpack_distribution "$work" "$port"
boot=$(start_distribution "$work" "$port" "$work/console.log")
trap 'stop_distribution "$work"' EXIT
printf 'distribution up in %.1f s\n' "$boot"
url="http://localhost:$port"

users="clerk-T1 clerk-T2 clerk-T3 agent-T1V1 agent-T1V2 agent-T2V1 agent-T2V2 agent-T3V1 agent-T3V2"
for u in $users; do
    first=$(curl -s -o /dev/null -w '%{time_total}' -u "$u:demo" "$url/api/v1/cases?size=1")
    second=$(curl -s -o /dev/null -w '%{time_total}' -u "$u:demo" "$url/api/v1/cases?size=1")
    echo "$u first request (sign-in) ${first}s, second (remembered) ${second}s"
done | tee "$work/signin.txt"
awk '{gsub("s,","",$5); gsub("s","",$8); f+=$5; s+=$8; n++} END {printf "mean first request %.1f ms, mean second %.1f ms\n", 1000*f/n, 1000*s/n}' "$work/signin.txt"

# the same cases to read on every run: SEED (default 270) cases, thirty per account (GET /cases answers a page of 20)
set -- $users
centers=(11 12 13 111 112 121 122 131 132)
for i in $(seq 0 $(( ${SEED:-270} - 1 ))); do
    k=$((i % 9)); u=$(echo $users | cut -d' ' -f$((k + 1)))
    curl -fsS -o /dev/null -u "$u:demo" -H 'Content-Type: application/json' -d '{"itemCode":"MZ-001","centerId":'"${centers[$k]}"',"applicant":{"name":"压测","idType":"RESIDENT_ID","idNumber":"11010519491231002X","phone":"13800000000"},"materials":["id-card","household-register","income-proof","property-statement"]}' "$url/api/v1/cases"
done
wrk -t2 -c"$clients" -d"${WARMUP:-20}s" -s "$here/cases-read.lua" "$url" > /dev/null
wrk -t2 -c"$clients" -d"${seconds}s" --latency -s "$here/cases-read.lua" "$url" | tee "$work/wrk.txt"
bad=$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$work/wrk.txt"); bad=${bad:-0}
rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$work/wrk.txt")
p50=$(sed -n 's/^ *50% *\([0-9.]*[mu]*s\).*/\1/p' "$work/wrk.txt")
p99=$(sed -n 's/^ *99% *\([0-9.]*[mu]*s\).*/\1/p' "$work/wrk.txt")
echo "GET /api/v1/cases, $clients clients: $rps requests/s, p50 $p50, p99 $p99, failed $bad"
[ "$bad" = 0 ] || { echo "some requests failed" >&2; exit 1; }
