#!/usr/bin/env bash
# The giant family's first page (issue 12) across a start and writes: starts `java -jar JAR` on STORE (curator token
# bench-curator), waits for readiness (after the start-up warm-up, unless the extra arguments turn it off), then times
# single requests of `model(id: ROOT) { descendants(first: 100) { totalCount edges { node { depth model { id } } } } }`
# with curl: the first after the start, the first after a registerModel of a family member, after a registerModel and a
# recordDerivation outside the family, after a recordDerivation below a member and one from the root itself; then warm
# percentiles with bench/graphql_bench.py, and stops the server. Every line says the load average. The writes stay in
# STORE: run it on a copy. PAGE_CACHE sets the database's page cache (2g; 3g for the 2M store). Needs curl, jq, python3.
#   bench/giant_first_page.sh JAR STORE ROOT [HTTP_PORT] [BOLT_PORT] [extra server arguments, e.g. --pedigree.warmup.requests=0]
set -uo pipefail
JAR=$1; STORE=$2; ROOT=$3; P=${4:-18250}; B=${5:-17750}; shift $(( $# < 5 ? $# : 5 ))
JAVA=${JAVA:-java}
HERE=$(cd "$(dirname "$0")" && pwd)
Q='query($id: ID!) { model(id: $id) { descendants(first: 100) { totalCount edges { node { depth model { id } } } } } }'
OUT=$(mktemp)
load() { cut -d' ' -f1 /proc/loadavg; }
page() {
  local t
  t=$(curl -s -o "$OUT" -w '%{time_total}' "localhost:$P/graphql" -H 'Content-Type: application/json' \
    -d "$(jq -nc --arg q "$Q" --arg id "$ROOT" '{query:$q,variables:{id:$id}}')")
  echo "$1: ${t} s, totalCount $(jq -r '.data.model.descendants.totalCount' "$OUT"), load $(load)"
}
write() { curl -s "localhost:$P/graphql" -H 'Content-Type: application/json' -H 'Authorization: Bearer bench-curator' \
  -d "$(jq -nc --arg q "$1" '{query:$q}')" | grep -q '"errors"' && echo "write failed: $1"; }
if curl -s -o /dev/null "localhost:$P/actuator/health"; then echo "a server already answers on $P"; exit 1; fi
$JAVA --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --enable-native-access=ALL-UNNAMED -Xmx2g -jar "$JAR" \
  --pedigree.embedded.data-dir="$STORE" --pedigree.embedded.bolt-port="$B" --server.port="$P" \
  --pedigree.seed.enabled=false --pedigree.embedded.page-cache="${PAGE_CACHE:-2g}" --pedigree.security.curator-token=bench-curator \
  "$@" > "$OUT.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$OUT"' EXIT
until curl -s "localhost:$P/actuator/health/readiness" 2>/dev/null | grep -q UP; do
  sleep 0.1; kill -0 $pid 2>/dev/null || { echo "the server stopped: $OUT.log"; exit 1; }
done
echo "ready, load $(load); $(grep -o 'Warm-up:.*' "$OUT.log" | head -1)"
page "first request after the start"
page "second"
N=$(date +%s%N)
MEMBER=$(jq -r '.data.model.descendants.edges[5].node.model.id' "$OUT")
write "mutation { registerModel(input: {id: \"$MEMBER\", name: \"renamed $N\"}) { id } }"
page "first after registerModel of a member ($MEMBER)"
write "mutation { registerModel(input: {id: \"giant-bench/out-$N\", name: \"out $N\"}) { id } }"
page "first after registerModel outside"
write "mutation { registerModel(input: {id: \"giant-bench/outp-$N\", name: \"outp $N\"}) { id } }"
write "mutation { recordDerivation(input: {childId: \"giant-bench/out-$N\", parentIds: [\"giant-bench/outp-$N\"], relation: FINETUNE}) { relation } }"
page "first after recordDerivation outside (between two new models)"
write "mutation { registerModel(input: {id: \"giant-bench/in-$N\", name: \"in $N\"}) { id } }"
write "mutation { recordDerivation(input: {childId: \"giant-bench/in-$N\", parentIds: [\"$MEMBER\"], relation: FINETUNE}) { relation } }"
page "first after recordDerivation below the member"
page "second"
write "mutation { registerModel(input: {id: \"giant-bench/in2-$N\", name: \"in2 $N\"}) { id } }"
write "mutation { recordDerivation(input: {childId: \"giant-bench/in2-$N\", parentIds: [\"$ROOT\"], relation: FINETUNE}) { relation } }"
page "first after recordDerivation from the root"
echo "$ROOT" > "$OUT.root"
echo "warm, load $(load):"
python3 "$HERE/graphql_bench.py" --url "http://localhost:$P/graphql" --query descendants-first-page \
  --params "$OUT.root" --requests 400 --clients 1 | tail -1
echo "load after: $(load)"
