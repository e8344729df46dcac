# Shared by the relay benchmarks: containers with four villages per town, a pair relaying over
# HTTP, and waiting for the relay to drain. Source it after bench-lib.sh; needs $villages.

prepare() {   # prepare DIR PORT: a demo container with 4 villages per town
    unpack_distribution "$1" "$2"
    echo "demoExtraVillagesPerTown = 2" >> "$1/etc/org.yizhan.platform.cfg"
}

# link_keys VILLAGE_DIR TOWN_DIR: a relay link key for every village and its town, written into
# both sides' etc/yizhan-links.properties as yizhan:link-create / link-import would
link_keys() {
    local now v t key
    now=$(date +%s000)
    (umask 077; : > "$1/etc/yizhan-links.properties"; : > "$2/etc/yizhan-links.properties")
    for v in ${villages//,/ }; do
        t=${v%V*}
        key=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
        echo "$v>$t=$key,$now" >> "$1/etc/yizhan-links.properties"
        echo "$t>$v=$key,$now" >> "$2/etc/yizhan-links.properties"
    done
}

# drained URL: waits until no case of the village side is travelling and nothing is pending
drained() {
    for _ in $(seq 1 36000); do
        s=$(curl -fsS -u admin:demo "$1/relay/status" 2>/dev/null || echo '{}')
        if echo "$s" | grep -q '"pending":0,' && echo "$s" | grep -q '"relaying":0'; then return 0; fi
        sleep 0.2
    done
    echo "not drained: $s" >&2; return 1
}

start_pair() {   # start_pair VILLAGE_DIR TOWN_DIR: villages on 8691, towns on 8791, over HTTP
    prepare "$1" 8691
    prepare "$2" 8791
    for t in T1 T2 T3; do echo "center.$t = http://localhost:8791/api/v1" >> "$1/etc/org.yizhan.relay.cfg"; done
    for v in ${villages//,/ }; do echo "center.$v = http://localhost:8691/api/v1" >> "$2/etc/org.yizhan.relay.cfg"; done
    link_keys "$1" "$2"
    start_distribution "$1" 8691 "$1/console.log" > /dev/null; village_pid=$karaf_pid
    start_distribution "$2" 8791 "$2/console.log" > /dev/null; town_pid=$karaf_pid
}
stop_pair() {
    "$1/bin/stop" >/dev/null 2>&1 || true; "$2/bin/stop" >/dev/null 2>&1 || true
    wait "$village_pid" "$town_pid" 2>/dev/null || true
}

