#!/usr/bin/env bash
#
# Builds Yizhan if needed and starts it in the foreground, in demo mode, with embedded Derby.
#
#   assemblies/yizhan-karaf/run.sh           # Karaf console in this terminal (type 'shutdown -f' to stop)
#   assemblies/yizhan-karaf/run.sh server    # no console; stop with Ctrl-C
#
# The demo installation lives in assemblies/yizhan-karaf/target/demo. Its database
# (target/demo/data/yizhan) is kept when a newer build is unpacked; `mvn clean` removes it.
#
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ -z "${JAVA_HOME:-}" ]; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    export JAVA_HOME
fi

tarball="$(ls "$here"/target/yizhan-karaf-*.tar.gz 2>/dev/null | head -n 1 || true)"
stale=""
if [ -n "$tarball" ]; then
    stale="$(find "$root/pom.xml" "$root/bundles" "$root/features" "$here/pom.xml" "$here/src" \
        -newer "$tarball" -type f -not -path '*/target/*' -print -quit)"
fi
if [ -z "$tarball" ] || [ -n "$stale" ]; then
    echo "[yizhan] building the distribution (mvn install -DskipTests) ..."
    (cd "$root" && mvn -B -q install -DskipTests)
    tarball="$(ls "$here"/target/yizhan-karaf-*.tar.gz | head -n 1)"
fi

home="$here/target/demo"
if [ ! -x "$home/bin/karaf" ] || [ "$tarball" -nt "$home/.unpacked" ]; then
    echo "[yizhan] unpacking $(basename "$tarball") into $home"
    keep=""
    if [ -d "$home/data/yizhan" ]; then
        keep="$(mktemp -d)"
        mv "$home/data/yizhan" "$keep/"
    fi
    rm -rf "$home"
    mkdir -p "$home"
    tar xzf "$tarball" -C "$home" --strip-components=1
    if [ -n "$keep" ]; then
        mkdir -p "$home/data"
        mv "$keep/yizhan" "$home/data/"
        rmdir "$keep"
    fi
    touch "$home/.unpacked"
fi

# Demo mode: the demo county network and users (password 'demo').
sed -i 's/^demo = .*/demo = true/' "$home/etc/org.yizhan.platform.cfg"

echo "[yizhan] starting: API http://localhost:8181/api/v1/health  console: bin/client -u admin -p demo"
exec "$home/bin/karaf" "$@"
