#!/usr/bin/env bash
#
# Scale-out benchmark on PostgreSQL: the full-case benchmark (full-case-bench.sh's shape) through
# HAProxy with two nodes, then with one (the other stopped), at CLIENTS_LIST clients (default
# "8 32"), on the cluster of assemblies/yizhan-cluster/cluster.sh (its own ports, an empty demo
# county). Prints each run's RESULT line: cases/s, p50, p90, p99 (ms), JVM CPU ms per case (all
# nodes), RSS MiB (largest node), failures, delivery mismatches. Run from the repository root
# after `mvn install`; needs what cluster.sh needs:
#
#   assemblies/yizhan-bench/cluster-bench.sh [WARMUP] [MEASURED]
#
set -euo pipefail
warmup="${1:-1500}"
measured="${2:-4000}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export YIZHAN_CLUSTER_PORT="${YIZHAN_CLUSTER_PORT:-26000}"
export YIZHAN_CLUSTER_DIR="$here/target/cluster"
export YIZHAN_DEMO_HISTORY_DAYS=0
cluster="$root/assemblies/yizhan-cluster/cluster.sh"
if [ -z "${JAVA_HOME:-}" ]; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    export JAVA_HOME
fi

(cd "$root" && mvn -B -q -Pbench -pl assemblies/yizhan-bench package)
"$cluster" clean >/dev/null
trap '"$cluster" clean >/dev/null' EXIT
"$cluster" start
lb="http://127.0.0.1:$YIZHAN_CLUSTER_PORT/api/v1"

bench() {   # label clients pids
    echo "== $1, $2 clients"
    "$JAVA_HOME/bin/java" -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" org.yizhan.bench.FullCaseBench \
        "$lb" "$2" "$warmup" "$measured" "$3" | tee -a "$here/target/cluster-bench.txt"
}
jvm() { pgrep -f "karaf.base=$YIZHAN_CLUSTER_DIR/$1" | head -n 1; }
: >"$here/target/cluster-bench.txt"
for c in ${CLIENTS_LIST:-8 32}; do
    bench "two nodes behind HAProxy" "$c" "$(jvm node-a),$(jvm node-b)"
done
"$cluster" kill node-b
# HAProxy takes node-b out after two failed health checks (2 s); meanwhile it resends the
# connections that fail to node-a, and the warm-up phase absorbs it
for c in ${CLIENTS_LIST:-8 32}; do
    bench "one node behind HAProxy" "$c" "$(jvm node-a)"
done
