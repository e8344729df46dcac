#!/usr/bin/env bash
#
# Window-module benchmark: steady load on other windows while a window module is uninstalled,
# installed and upgraded. Starts a fresh demo-mode distribution; wrk keeps CLIENTS connections
# creating civil-affairs and other cases (never agriculture) for SECONDS as the steady-state
# baseline; then runs the same load again while the console uninstalls yizhan-window-agriculture,
# installs it again and updates its bundle in place (the upgrade path), each a few seconds apart.
# Reports failed requests and p50/p99 latency for both runs. Run from the repository root after
# `mvn install` (apt-get install -y wrk):
#
#   assemblies/yizhan-bench/window-bench.sh [CLIENTS] [SECONDS]
#
set -euo pipefail
clients="${1:-8}"
seconds="${2:-30}"
port=8391
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/bench-lib.sh"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
mkdir -p "$here/target"
work="$here/target/window"
unpack_distribution "$work" "$port"
boot=$(start_distribution "$work" "$port" "$work/console.log")
trap 'stop_distribution "$work"' EXIT
printf 'distribution up in %.1f s\n' "$boot"
url="http://localhost:$port"
console() { echo "$1" | "$work/bin/client" -a $((port + 1)) -u admin -p demo -b > /dev/null 2>&1; }

wrk -t2 -c"$clients" -d"${WARMUP:-60}s" -s "$here/cases.lua" "$url" > /dev/null     # warm-up
wrk -t2 -c"$clients" -d"${seconds}s" --latency -s "$here/cases.lua" "$url" > "$here/target/window-steady.txt"

wrk -t2 -c"$clients" -d"${seconds}s" --latency -s "$here/cases.lua" "$url" > "$here/target/window-changing.txt" &
wrk_pid=$!
step=$((seconds / 4))
sleep "$step"; console "feature:uninstall yizhan-window-agriculture"; echo "uninstalled yizhan-window-agriculture"
sleep "$step"; console "feature:install yizhan-window-agriculture"; echo "installed yizhan-window-agriculture"
sleep "$step"; console "bundle:update yizhan-window-agriculture"; echo "updated (upgraded in place) yizhan-window-agriculture"
wait "$wrk_pid"

row() {
    local f="$1" name="$2"
    local rps p50 p99 bad
    rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$f")
    p50=$(sed -n 's/^ *50% *\([0-9.]*[mu]*s\).*/\1/p' "$f")
    p99=$(sed -n 's/^ *99% *\([0-9.]*[mu]*s\).*/\1/p' "$f")
    bad=$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$f"); bad=${bad:-0}
    errs=$(sed -n 's/^ *Socket errors: \(.*\)/\1/p' "$f"); errs=${errs:-none}
    echo "| $name | $clients | $rps | $p50 | $p99 | $bad | $errs |"
}
{
    echo "| load on other windows | clients | requests/s | p50 | p99 | failed (non-2xx) | socket errors |"
    echo "| --- | --- | --- | --- | --- | --- | --- |"
    row "$here/target/window-steady.txt" "steady state"
    row "$here/target/window-changing.txt" "during uninstall, install, upgrade"
} | tee "$here/target/window-report.md"
echo "report: $here/target/window-report.md"
