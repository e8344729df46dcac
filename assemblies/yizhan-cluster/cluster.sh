#!/usr/bin/env bash
#
# Several Yizhan nodes on one machine, as a county runs them on several: PostgreSQL (Debian's
# server), an Artemis broker, two Yizhan nodes and HAProxy (Debian's) in front, each its own
# process with its own ports, folder and etc/.
#
#   assemblies/yizhan-cluster/cluster.sh start          # all of it, in demo mode; returns when HAProxy serves
#   assemblies/yizhan-cluster/cluster.sh status         # what runs, and which node runs the scheduled work
#   assemblies/yizhan-cluster/cluster.sh kill node-a    # kill -9 one node (a crash); 'start' brings it back
#   assemblies/yizhan-cluster/cluster.sh stop           # stops all of it (the data stays; 'clean' removes it)
#   assemblies/yizhan-cluster/cluster.sh db             # PostgreSQL alone (role and database made), e.g. to move
#                                                       # a Derby installation into (yizhan:database-copy)
#   assemblies/yizhan-cluster/cluster.sh upgrade NEW.tar.gz   # rolling upgrade: one node at a time out of HAProxy,
#                                                       # stopped, replaced by the new release, started, put back
#
# Needs: Java 17, Debian's postgresql and haproxy packages (apt-get install postgresql haproxy),
# the Artemis broker's tarball in the Maven repository (the build's integration tests fetch it),
# and the Yizhan distribution (built when missing).
#
# Ports, from YIZHAN_CLUSTER_PORT (default 25000): +0 HAProxy (the county's address), +1 PostgreSQL,
# +2 Artemis, +3 HAProxy's runtime API (local only), +10/+11/+12 node-a HTTP/SSH/HTTPS, +20/+21/+22 node-b. Folder: YIZHAN_CLUSTER_DIR
# (default assemblies/yizhan-cluster/target/cluster). YIZHAN_TARBALL names the distribution to
# unpack, YIZHAN_DEMO_HISTORY_DAYS how many days of demo history to make (the nodes' default: 28).
#
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dir="${YIZHAN_CLUSTER_DIR:-$here/target/cluster}"
base="${YIZHAN_CLUSTER_PORT:-25000}"
lb_port=$base
pg_port=$((base + 1))
mq_port=$((base + 2))
lb_admin_port=$((base + 3))
nodes="node-a node-b"
artemis_version=2.40.0
artemis_tarball="${ARTEMIS_TARBALL:-$HOME/.m2/repository/org/apache/activemq/apache-artemis/$artemis_version/apache-artemis-$artemis_version-bin.tar.gz}"

if [ -z "${JAVA_HOME:-}" ]; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi
export JAVA_HOME

say() { echo "[cluster] $*"; }
die() { echo "[cluster] $*" >&2; exit 1; }

node_port() {   # node-a -> 10, node-b -> 20
    case "$1" in node-a) echo $((base + 10));; node-b) echo $((base + 20));; *) die "no node '$1' (node-a, node-b)";; esac
}

pg_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# PostgreSQL refuses to run as root: as root, its commands run as the postgres user, on a folder it can reach
as_pg() {
    if [ "$(id -u)" = 0 ]; then
        /usr/sbin/runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_dir() {
    if [ "$(id -u)" = 0 ]; then echo "/var/tmp/yizhan-cluster-$base/pg"; else echo "$dir/pg"; fi
}

alive() {   # a pid file whose process runs
    [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

wait_for() {   # what, seconds, command...
    local what=$1 seconds=$2; shift 2
    local until=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        [ $SECONDS -lt $until ] || die "$what did not come within $seconds s"
        sleep 1
    done
}

start_pg() {
    local bin data
    bin="$(pg_bin)"
    [ -n "$bin" ] || die "PostgreSQL is not installed: apt-get install postgresql"
    data="$(pg_dir)/data"
    if [ ! -f "$data/PG_VERSION" ]; then
        mkdir -p "$(pg_dir)"
        [ "$(id -u)" != 0 ] || chown postgres "$(pg_dir)"
        as_pg "$bin/initdb" -D "$data" --auth-host=scram-sha-256 --auth-local=trust -U postgres -E UTF8 --locale=C >/dev/null
        fresh=1
    fi
    if ! as_pg "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; then
        as_pg "$bin/pg_ctl" start -D "$data" -w -t 120 -l "$(pg_dir)/server.log" -o "-p $pg_port -h 127.0.0.1 -k $(pg_dir)" >/dev/null
    fi
    if [ "${fresh:-0}" = 1 ]; then
        # the role and the database, as docs/operations.md has them
        as_pg "$bin/psql" -h "$(pg_dir)" -p "$pg_port" -U postgres -q \
            -c "CREATE USER yizhan PASSWORD 'yizhan-db'" -c "CREATE DATABASE yizhan OWNER yizhan ENCODING 'UTF8'"
    fi
    say "PostgreSQL on 127.0.0.1:$pg_port (database yizhan, log $(pg_dir)/server.log)"
}

start_artemis() {
    local mq="$dir/artemis"
    if [ ! -x "$mq/instance/bin/artemis" ]; then
        [ -f "$artemis_tarball" ] || die "no Artemis broker at $artemis_tarball (run the build's integration tests once, or set ARTEMIS_TARBALL)"
        mkdir -p "$mq/home"
        tar xzf "$artemis_tarball" -C "$mq/home" --strip-components=1
        "$mq/home/bin/artemis" create --silent --user yizhan --password yizhan-broker --require-login --no-web \
            --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
            --default-port "$mq_port" "$mq/instance" >/dev/null
    fi
    if ! alive "$mq/pid"; then
        nohup "$mq/instance/bin/artemis" run >"$mq/broker.log" 2>&1 &
        echo $! >"$mq/pid"
    fi
    wait_for "Artemis" 120 bash -c "exec 3<>/dev/tcp/127.0.0.1/$mq_port"
    say "Artemis on tcp://127.0.0.1:$mq_port (user yizhan)"
}

tarball() {
    local t="${YIZHAN_TARBALL:-}"
    [ -n "$t" ] || t="$(ls "$root"/assemblies/yizhan-karaf/target/yizhan-karaf-*.tar.gz 2>/dev/null | head -n 1 || true)"
    if [ -z "$t" ]; then
        say "building the distribution (mvn install -DskipTests) ..."
        (cd "$root" && mvn -B -q install -DskipTests)
        t="$(ls "$root"/assemblies/yizhan-karaf/target/yizhan-karaf-*.tar.gz | head -n 1)"
    fi
    echo "$t"
}

set_cfg() {   # file key value: replace the key's line, or add it
    local file=$1 key=$2 value=$3
    if grep -q "^$key *=" "$file" 2>/dev/null; then
        sed -i "s|^$key *=.*|$key = $value|" "$file"
    else
        echo "$key = $value" >>"$file"
    fi
}

unpack_node() {
    local name=$1 home="$dir/$1" port
    port=$(node_port "$name")
    [ ! -x "$home/bin/karaf" ] || return 0
    mkdir -p "$home"
    tar xzf "$(tarball)" -C "$home" --strip-components=1
    # the data source's four settings, and nothing else, make it a PostgreSQL node
    cat >"$home/etc/org.ops4j.datasource-yizhan.cfg" <<CFG
osgi.jdbc.driver.name = PostgreSQL JDBC Driver
url = jdbc:postgresql://127.0.0.1:$pg_port/yizhan
user = yizhan
password = yizhan-db
dataSourceName = yizhan
pool = dbcp2
CFG
    set_cfg "$home/etc/org.yizhan.platform.cfg" demo true
    set_cfg "$home/etc/org.yizhan.platform.cfg" node "$name"
    [ -z "${YIZHAN_DEMO_HISTORY_DAYS:-}" ] || set_cfg "$home/etc/org.yizhan.platform.cfg" demoHistoryDays "$YIZHAN_DEMO_HISTORY_DAYS"
    set_cfg "$home/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$port"
    set_cfg "$home/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port.secure $((port + 2))
    set_cfg "$home/etc/org.apache.karaf.shell.cfg" sshPort $((port + 1))
    # the broker, for relay over JMS once yizhan-relay-jms is installed
    set_cfg "$home/etc/org.yizhan.relay.jms.cfg" brokerUrl "tcp://127.0.0.1:$mq_port"
    set_cfg "$home/etc/org.yizhan.relay.jms.cfg" user yizhan
    set_cfg "$home/etc/org.yizhan.relay.jms.cfg" password yizhan-broker
    # one hash-chain key for the county: a history one node sealed verifies on every other
    cp "$dir/yizhan-chain.key" "$home/etc/yizhan-chain.key"
    chmod 600 "$home/etc/yizhan-chain.key"
}

start_node() {
    local name=$1 home="$dir/$1"
    if alive "$home/node.pid"; then
        return 0
    fi
    nohup "$home/bin/karaf" server >>"$dir/$name-console.log" 2>&1 &
    echo $! >"$home/node.pid"
    say "$name starting (http://127.0.0.1:$(node_port "$name"), ssh port $(( $(node_port "$name") + 1 )), log $home/data/log/karaf.log)"
}

start_haproxy() {
    local cfg="$dir/haproxy/haproxy.cfg"
    command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || die "HAProxy is not installed: apt-get install haproxy"
    mkdir -p "$dir/haproxy"
    cat >"$cfg" <<CFG
# The county's address: the nodes behind it, each checked by its health answer.
global
    maxconn 2000
    # the runtime API (local only): a rolling upgrade takes one node out and puts it back
    stats socket ipv4@127.0.0.1:$lb_admin_port level admin
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    # a request whose connection failed goes to the other node (it never reached the first)
    retries 3
    option redispatch
frontend yizhan
    bind 127.0.0.1:$lb_port
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET /api/v1/health
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
    server node-a 127.0.0.1:$(node_port node-a) check
    server node-b 127.0.0.1:$(node_port node-b) check
CFG
    alive "$dir/haproxy/pid" || "$(command -v haproxy || echo /usr/sbin/haproxy)" -f "$cfg" -D -p "$dir/haproxy/pid"
    say "HAProxy on http://127.0.0.1:$lb_port (config $cfg)"
}

health() {   # port -> the health answer
    curl -fsS -m 5 "http://127.0.0.1:$1/api/v1/health"
}

cmd_start() {
    mkdir -p "$dir"
    start_pg
    start_artemis
    if [ ! -f "$dir/yizhan-chain.key" ]; then
        (umask 077; printf 'key=%s\nkeyed=cases,audit\n' "$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" >"$dir/yizhan-chain.key")
    fi
    for n in $nodes; do unpack_node "$n"; done
    for n in $nodes; do start_node "$n"; done
    for n in $nodes; do
        wait_for "$n" 300 health "$(node_port "$n")"
        say "$n up: $(health "$(node_port "$n")")"
    done
    start_haproxy
    wait_for "HAProxy" 60 health "$lb_port"
    say "ready: curl -s http://127.0.0.1:$lb_port/api/v1/health   (demo users, password 'demo')"
}

cmd_status() {
    local bin
    bin="$(pg_bin)"
    if [ -n "$bin" ] && [ -d "$(pg_dir)/data" ] && as_pg "$bin/pg_ctl" status -D "$(pg_dir)/data" >/dev/null 2>&1; then
        say "postgresql  running  127.0.0.1:$pg_port"
    else
        say "postgresql  stopped"
    fi
    if alive "$dir/artemis/pid"; then say "artemis     running  127.0.0.1:$mq_port"; else say "artemis     stopped"; fi
    for n in $nodes; do
        if alive "$dir/$n/node.pid"; then
            say "$n      running  127.0.0.1:$(node_port "$n")  $(health "$(node_port "$n")" 2>/dev/null || echo '(not answering)')"
        else
            say "$n      stopped"
        fi
    done
    if alive "$dir/haproxy/pid"; then say "haproxy     running  127.0.0.1:$lb_port"; else say "haproxy     stopped"; fi
}

cmd_kill() {
    local name=${1:-} pid
    node_port "$name" >/dev/null
    alive "$dir/$name/node.pid" || die "$name is not running"
    pid="$(cat "$dir/$name/node.pid")"
    # bin/karaf runs java as its child: kill both at once, as a crash would
    pkill -9 -P "$pid" 2>/dev/null || true
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$dir/$name/node.pid"
    say "$name killed (kill -9)"
}

stop_node() {   # bin/stop, and kill -9 what has not ended within 60 s
    local n=$1 pid until=$((SECONDS + 60))
    alive "$dir/$n/node.pid" || return 0
    "$dir/$n/bin/stop" >/dev/null 2>&1 || true
    pid="$(cat "$dir/$n/node.pid")"
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $until ]; do sleep 1; done
    kill -0 "$pid" 2>/dev/null && { pkill -9 -P "$pid" || true; kill -9 "$pid" || true; }
    rm -f "$dir/$n/node.pid"
    say "$n stopped"
}

lb() {   # one command to HAProxy's runtime API; prints its answer
    exec 3<>"/dev/tcp/127.0.0.1/$lb_admin_port"
    echo "$*" >&3
    cat <&3
    exec 3<&-
}

lb_field() {   # node, column of 'show stat' (5 = current sessions, 18 = status)
    lb "show stat" | awk -F, -v n="$1" -v c="$2" '$1 == "nodes" && $2 == n { print $c }'
}

drained() { [ "$(lb_field "$1" 5)" = 0 ]; }
lb_up() { [ "$(lb_field "$1" 18)" = UP ]; }

steady() {   # port: the health answer UP three times in a row, a second apart
    local i
    for i in 1 2 3; do
        health "$1" | grep -q '"status":"UP"' || return 1
        [ $i = 3 ] || sleep 1
    done
}

cmd_upgrade() {
    local new=${1:-} n
    [ -f "$new" ] || die "usage: cluster.sh upgrade yizhan-karaf-NEW.tar.gz"
    alive "$dir/haproxy/pid" || die "HAProxy is not running: cluster.sh start first"
    new="$(readlink -f "$new")"
    for n in $nodes; do
        lb "set server nodes/$n state maint" >/dev/null
        wait_for "$n's last requests" 60 drained "$n"
        say "$n out of HAProxy, no request in flight"
        stop_node "$n"
        rm -rf "$dir/$n.previous"
        mv "$dir/$n" "$dir/$n.previous"
        YIZHAN_TARBALL="$new" unpack_node "$n"
        start_node "$n"
        wait_for "$n" 300 steady "$(node_port "$n")"
        lb "set server nodes/$n state ready" >/dev/null
        wait_for "$n back in HAProxy" 60 lb_up "$n"
        say "$n upgraded and serving: $(health "$(node_port "$n")") (the old release in $dir/$n.previous)"
    done
}

cmd_stop() {
    if alive "$dir/haproxy/pid"; then kill "$(cat "$dir/haproxy/pid")"; rm -f "$dir/haproxy/pid"; say "haproxy stopped"; fi
    for n in $nodes; do stop_node "$n"; done
    if alive "$dir/artemis/pid"; then
        kill "$(cat "$dir/artemis/pid")"
        rm -f "$dir/artemis/pid"
        say "artemis stopped"
    fi
    local bin
    bin="$(pg_bin)"
    if [ -n "$bin" ] && [ -d "$(pg_dir)/data" ] && as_pg "$bin/pg_ctl" status -D "$(pg_dir)/data" >/dev/null 2>&1; then
        as_pg "$bin/pg_ctl" stop -D "$(pg_dir)/data" -m fast -w >/dev/null
        say "postgresql stopped"
    fi
}

case "${1:-}" in
    start) cmd_start ;;
    db) start_pg ;;
    upgrade) cmd_upgrade "${2:-}" ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    kill) cmd_kill "${2:-}" ;;
    clean) cmd_stop; rm -rf "$dir" "$(pg_dir)"; [ "$(id -u)" != 0 ] || rmdir "$(dirname "$(pg_dir)")" 2>/dev/null || true; say "removed $dir" ;;
    *) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
