# Shared by the benchmark scripts: unpack, configure, start and stop a distribution.
# Source it; it sets $root and $JAVA_HOME.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"

# unpack_distribution DIR HTTP_PORT: a fresh demo-mode copy of the built tar.gz in DIR.
unpack_distribution() {
    local dir="$1" port="$2"
    local tarball
    # TARBALL=... benchmarks another build (e.g. an earlier commit's) with the same script
    tarball="${TARBALL:-$(ls "$root"/assemblies/yizhan-karaf/target/yizhan-karaf-*.tar.gz | head -n 1)}"
    rm -rf "$dir"; mkdir -p "$dir"
    tar xzf "$tarball" -C "$dir" --strip-components=1
    sed -i "s/^org.osgi.service.http.port = .*/org.osgi.service.http.port = $port/" "$dir/etc/org.ops4j.pax.web.cfg"
    # HTTPS on a port of its own, so two distributions (the relay pair) do not both take 8443
    sed -i "s/^org.osgi.service.http.port.secure.*/org.osgi.service.http.port.secure = $((port + 5))/" "$dir/etc/org.ops4j.pax.web.cfg"
    sed -i "s/^sshPort.*/sshPort = $((port + 1))/" "$dir/etc/org.apache.karaf.shell.cfg"
    sed -i 's/^demo = .*/demo = true/' "$dir/etc/org.yizhan.platform.cfg"
    # an empty demo county, so every run measures the same database
    echo "demoHistoryDays = 0" >> "$dir/etc/org.yizhan.platform.cfg"
    # PLATFORM_CFG="key = value" (lines) adds settings to etc/org.yizhan.platform.cfg, for experiments
    if [ -n "${PLATFORM_CFG:-}" ]; then printf '%s\n' "$PLATFORM_CFG" >> "$dir/etc/org.yizhan.platform.cfg"; fi
}

# start_distribution DIR PORT LOG: starts bin/karaf server in the background, waits for health UP
# (up to 120 s), and prints the seconds it took. Sets $karaf_pid.
start_distribution() {
    local dir="$1" port="$2" log="$3"
    local start up
    start=$(date +%s.%N)
    "$dir/bin/karaf" server > "$log" 2>&1 &
    karaf_pid=$!
    for _ in $(seq 1 1200); do
        if curl -fsS -m 2 "http://localhost:$port/api/v1/health" 2>/dev/null | grep -q '"status":"UP"'; then
            up=$(date +%s.%N); break
        fi
        sleep 0.1
    done
    if [ -z "${up:-}" ]; then
        echo "health never came UP; see $dir/data/log/karaf.log" >&2
        kill -9 "$karaf_pid" 2>/dev/null
        return 1
    fi
    echo "$up - $start" | bc
}

# stop_distribution DIR: bin/stop and wait for the JVM to end.
stop_distribution() {
    "$1/bin/stop" >/dev/null 2>&1 || true
    wait "${karaf_pid:-}" 2>/dev/null || true
    for _ in $(seq 1 600); do pgrep -f "karaf.base=$1" >/dev/null || break; sleep 0.1; done
}

# rss_mb DIR: resident memory of the distribution's JVM, in MB.
rss_mb() {
    local jvm
    jvm=$(pgrep -f "karaf.base=$1" | head -n 1)
    echo $(( $(ps -o rss= -p "$jvm") / 1024 ))
}
