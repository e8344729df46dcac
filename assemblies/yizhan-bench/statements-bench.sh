#!/usr/bin/env bash
#
# Statements per request: the SQL statements Derby executes for each request of a full case
# (create, read, approve, read, deliver), counted with Derby's own statement log on a fresh
# demo-mode distribution, one request at a time, after WARM warm cases. The relay dispatcher's
# outbox polls (a timer, not a request) are left out of the counts. Run from the repository root
# after `mvn install`:
#
#   assemblies/yizhan-bench/statements-bench.sh [WARM]
#
# VERBOSE=1 also prints each request's statements.
set -euo pipefail
warm="${1:-20}"
port=8297
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/bench-lib.sh"

work="$here/target/statements"
unpack_distribution "$work" "$port"
{
    echo "derby.language.logStatementText = true"
    echo "derby.stream.error.file = $work/data/derby-statements.log"
} >> "$work/etc/system.properties"
boot=$(start_distribution "$work" "$port" "$work/console.log")
trap 'stop_distribution "$work"' EXIT
printf 'distribution up in %.1f s\n' "$boot"

api="http://localhost:$port/api/v1"
log="$work/data/derby-statements.log"
n=0
new_case() {
    n=$((n + 1))
    local id
    id=$(printf '3301021990%02d%02d%03d' $(( (n / 28) % 12 + 1 )) $(( n % 28 + 1 )) $(( n % 1000 )))
    id="$id$(python3 -c "
w=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2]
s=sum(int(c)*k for c,k in zip('$id',w))
print('10X98765432'[s%11])")"
    printf '{"itemCode":"MZ-002","centerId":11,"applicant":{"name":"计数","idType":"RESIDENT_ID","idNumber":"%s"},"materials":["id-card","hardship-statement"]}' "$id"
}
req() {   # req METHOD PATH [BODY] -> prints the answer
    if [ -n "${3:-}" ]; then
        curl -fsS -u clerk-T1:demo -X "$1" -H 'Content-Type: application/json' -d "$3" "$api$2"
    else
        curl -fsS -u clerk-T1:demo -X "$1" "$api$2"
    fi
}
one_case() {
    local created number
    created=$(req POST /cases "$(new_case)")
    number=$(echo "$created" | sed 's/.*"number":"\([^"]*\)".*/\1/')
    echo "$number"
}
# statements executed since byte offset $1, without the outbox poll's
count_since() {
    tail -c +"$(( $1 + 1 ))" "$log" | grep -E 'Executing prepared statement|Begin executing' \
        | grep -v -i -E 'YZ_OUTBOX.*(NEXTATTEMPTATMILLIS|STATE *=)|SELECT .*FROM YZ_OUTBOX' || true
}
for _ in $(seq 1 "$warm"); do
    number=$(one_case)
    req GET "/cases/$number" > /dev/null
    req POST "/cases/$number/actions/approve" '{}' > /dev/null
    req GET "/cases/$number" > /dev/null
    req POST "/cases/$number/actions/deliver" '{}' > /dev/null
done
sleep 1
total=0
measure() {   # measure LABEL METHOD PATH [BODY]
    local before lines c
    before=$(stat -c %s "$log")
    answer=$(req "$2" "$3" "${4:-}")
    sleep 0.5
    lines=$(count_since "$before")
    c=$(printf '%s' "$lines" | grep -c . || true)
    total=$((total + c))
    printf '%-22s %3d statements\n' "$1" "$c"
    if [ -n "${VERBOSE:-}" ]; then printf '%s\n' "$lines" | sed 's/^.*statement: */    /' | cut -c1-160; fi
}
measure "POST /cases" POST /cases "$(new_case)"
number=$(echo "$answer" | sed 's/.*"number":"\([^"]*\)".*/\1/')
measure "GET /cases/{n}" GET "/cases/$number"
measure "POST .../approve" POST "/cases/$number/actions/approve" '{}'
measure "GET /cases/{n}" GET "/cases/$number"
measure "POST .../deliver" POST "/cases/$number/actions/deliver" '{}'
printf '%-22s %3d statements\n' "a full case" "$total"
