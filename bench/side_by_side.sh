#!/usr/bin/env bash
# Issue 12's side-by-side protocol in one start: Pedigree on a copy of a 500k store (embedded, statement path), the raw
# Java driver and @neo4j/graphql 7.6 on Pedigree's embedded Bolt port, the same ids for all three.
#   bench/side_by_side.sh OUT_DIR
# Needs: a store holding the standard 500k graph (python3 bench/generate.py --out DATA; ./pedigree import --format
# hf-edges DATA/edges.csv, then --format hf-nodes DATA/models.csv, with --pedigree.embedded.data-dir=STORE; then one
# start of the server on it so the seed is in), and the peer harness built from ../shared/bench/peer (its
# scripts/build.sh: rawbench and gql under $PEER_WORK). Nothing else may run on the machine meanwhile.
# Protocol: warm-up (WARM rounds of 20 s per question at 32 clients on Pedigree, one each for the raw driver and the
# peer), then two alternated rounds per question: 32 clients for 20 s (autocannon for GraphQL, rawbench for the
# driver; throughput), then 1 client for 15 s (lat.mjs, a keep-alive client, for GraphQL; rawbench; latency). The
# giant family (q2giant) is measured after the other questions' rounds; every measurement starts on an idle server.
# Writes OUT_DIR/results.jsonl and OUT_DIR/run.txt (ready time, the jar's sha256); bench/side_by_side_table.py prints
# the table and the ratios. A measurement that prints no result stops the run (the server and the peer are stopped).
set -euo pipefail
OUT=${1:?usage: bench/side_by_side.sh OUT_DIR}
here="$(cd "$(dirname "$0")/.." && pwd)"
JAR=${PEDIGREE_JAR:-$here/target/pedigree.jar}
STORE=${STORE:?set STORE to a store holding the 500k graph}
DATA=${DATA:?set DATA to the generator output (its params/ holds the ids)}
PEER_SRC=${PEER_SRC:-$here/../shared/bench/peer}
PEER_WORK=${PEER_WORK:-${TMPDIR:-/tmp}/peerbench}
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}
JAVA=${JAVA:-java}
major=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1)
[ "${major:-0}" -ge 21 ] 2>/dev/null || { echo "needs a JDK 21 or newer: set JAVA or JAVA_HOME ($JAVA is ${major:-unknown})" >&2; exit 1; }
WARM=${WARM:-4}
# The database's page cache: 2g holds the 500k store; 3g the 2M one (its store is about 3 GiB).
PAGE_CACHE=${PAGE_CACHE:-2g}
QUESTIONS=${QUESTIONS:-"q1 q3 q2small"}
# ECOSYSTEM=1: after the questions, two rounds of the giant family's ecosystem report (summary, byRelation, byDepth),
# Pedigree only (neither the raw harness nor the peer has the report), 150 requests at 1 client each.
ECOSYSTEM=${ECOSYSTEM:-0}
PEER=${PEER:-1}
HTTP_PORT=${HTTP_PORT:-18080}
BOLT_PORT=${BOLT_PORT:-17687}
URL=http://127.0.0.1:$HTTP_PORT/graphql
mkdir -p "$OUT"
results=$OUT/results.jsonl
: >"$results"
copy=$OUT/store
[ "$(cd "$STORE" && pwd)" != "$(mkdir -p "$copy" && cd "$copy" && pwd)" ] || { echo "STORE must not be OUT_DIR/store" >&2; exit 1; }
rm -rf "$copy"
cp -a "$STORE" "$copy"

# The launcher runs the chosen jar as it is (PEDIGREE_JAR: no start-up cache) on the raw harness's JDK, with its
# JVM flags; the launcher execs the JVM, so $! is the server's process.
[ -f "$JAR" ] || { echo "no jar at $JAR: build it (./mvnw -DskipTests package) or set PEDIGREE_JAR" >&2; exit 1; }
java_home=$(dirname "$(dirname "$(readlink -f "$(command -v "$JAVA")")")")
[ -x "$java_home/bin/java" ] || { echo "cannot tell the JDK of $JAVA (a wrapper?): set JAVA to a JDK's bin/java" >&2; exit 1; }
# SERVER_JAVA_OPTS adds JVM flags of the server's (e.g. -XX:+UseG1GC: the launcher's collector otherwise).
JAVA_HOME=$java_home PEDIGREE_JAR=$JAR PEDIGREE_AOT=off PEDIGREE_JAVA_OPTS="-Xmx2g ${SERVER_JAVA_OPTS:-}" "$here/pedigree" \
  --pedigree.embedded.data-dir="$copy" --pedigree.embedded.bolt-port="$BOLT_PORT" \
  --server.port="$HTTP_PORT" --pedigree.embedded.page-cache="$PAGE_CACHE" --pedigree.limits.kept-answers-ttl=0 \
  >"$OUT/server.log" 2>&1 &
server=$!
gql=
cleanup() {
  [ -n "$gql" ] && kill "$gql" 2>/dev/null || true
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$copy"
}
trap cleanup EXIT
started=$(date +%s.%N)
until grep -q "Warm-up: \|Warm-up stopped\|Warm-up skipped" "$OUT/server.log"; do
  kill -0 "$server" 2>/dev/null || { echo "the server stopped; see $OUT/server.log" >&2; exit 1; }
  python3 -c "import sys, time; sys.exit(time.time() - $started > 600)" || { echo "not ready after 600 s" >&2; exit 1; }
  sleep 0.5
done
{
  echo "ready after $(python3 -c "import time; print(round(time.time() - $started, 1))") s"
  echo "page cache $PAGE_CACHE, store $STORE"
  echo "jar $JAR sha256 $(sha256sum "$JAR" | cut -d' ' -f1)"
  echo "server's collector: $(tr '\0' ' ' </proc/$server/cmdline | grep -o -- '-XX:+Use[A-Za-z0-9]*GC' | tail -1 || echo "the JVM's default")"
  echo "server and raw harness on $("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')"
} | tee "$OUT/run.txt"
# The embedded database's login (README, "Embedded database login"), for the two other systems.
user=$(sed -n 's/^username=//p' "$copy/bolt-credentials.properties")
password=$(sed -n 's/^password=//p' "$copy/bolt-credentials.properties")

if [ "$PEER" = 1 ]; then
  # The peer's server connects without credentials: run a copy that logs in.
  sed 's|neo4j.driver(\(.*\), undefined, {|neo4j.driver(\1, neo4j.auth.basic(process.env.NEO4J_USER, process.env.NEO4J_PASSWORD), {|' \
    "$PEER_SRC/gql/server.mjs" >"$PEER_WORK/gql/server-login.mjs"
  grep -q "neo4j.auth.basic" "$PEER_WORK/gql/server-login.mjs" || { echo "could not add the login to server.mjs" >&2; exit 1; }
  (cd "$PEER_WORK/gql" && CYPHER_DIR="$PEER_SRC/cypher" NODE_ENV=production NEO4J_URI="bolt://127.0.0.1:$BOLT_PORT" \
    NEO4J_USER="$user" NEO4J_PASSWORD="$password" exec node server-login.mjs >"$OUT/gql.log" 2>&1) &
  gql=$!
  for _ in $(seq 1 120); do
    grep -q "GQL READY" "$OUT/gql.log" 2>/dev/null && break
    kill -0 "$gql" 2>/dev/null || break
    sleep 0.5
  done
  grep -q "GQL READY" "$OUT/gql.log" 2>/dev/null || { echo "the peer did not start; see $OUT/gql.log" >&2; exit 1; }
fi

# One JSON line per measurement, tagged with the system, the question and the round.
tag() { sed "s/^{/{\"sys\":\"$1\",\"q\":\"$2\",\"round\":$3,/"; }
pedigree() { # QUESTION CLIENTS ROUND
  if [ "$2" = 1 ]; then
    (cd "$PEER_WORK/gql" && node lat.mjs "$URL" "pd$1" "$DATA/params" 1 15 5) | tag pedigree "$1" "$3"
  else
    (cd "$PEER_WORK/gql" && node loadgen.mjs --query "pd$1" --url "$URL" --params-dir "$DATA/params" \
      --concurrency "$2" --warmup 5 --duration 20 2>/dev/null) | grep '^{' | tail -1 | tag pedigree "$1" "$3"
  fi
}
peer() {
  if [ "$2" = 1 ]; then
    (cd "$PEER_WORK/gql" && node lat.mjs http://127.0.0.1:4000/ "$1" "$DATA/params" 1 15 5) | tag peer "$1" "$3"
  else
    (cd "$PEER_WORK/gql" && node loadgen.mjs --query "$1" --url http://127.0.0.1:4000/ --params-dir "$DATA/params" \
      --concurrency "$2" --warmup 5 --duration 20 2>/dev/null) | grep '^{' | tail -1 | tag peer "$1" "$3"
  fi
}
raw() { # QUESTION CLIENTS ROUND [WARMUP DURATION]
  local cypher params page=()
  case $1 in
    q1) cypher=q1_ancestors.cypher params=q1_leaves.txt ;;
    q3) cypher=q3_parents.cypher params=q3_models.txt ;;
    q2small) cypher=q2_descendants.cypher params=q2_small_roots.txt page=(--int first=100) ;;
    q2giant) cypher=q2_descendants.cypher params=q2_giant_root.txt page=(--int first=100) ;;
  esac
  "$JAVA" -Dneo4j.uri="bolt://127.0.0.1:$BOLT_PORT" -Dneo4j.user="$user" -Dneo4j.password="$password" -Xmx1g -XX:+UseG1GC \
    -cp "$PEER_WORK/rawbench/target/rawbench-1.0.jar:$PEER_WORK/rawbench/target/lib/*" peer.RawBench bench \
    --cypher "$PEER_SRC/cypher/$cypher" --params "$DATA/params/$params" --concurrency "$2" \
    --warmup "${4:-10}" --duration "${5:-20}" "${page[@]}" 2>/dev/null | grep '^{' | tag raw "$1" "$3"
}

# The giant family's question runs after the others' two rounds, with its own warm-ups of the raw driver and the
# peer: their requests read the whole 60k family for seconds each, 32 at a time, and Pedigree's ancestors measured
# after them ran at 0.52-0.72x the raw driver's pace instead of about 1x (docs/benchmarks.md, session 27).
light=() heavy=()
for q in $QUESTIONS; do if [ "$q" = q2giant ]; then heavy+=("$q"); else light+=("$q"); fi; done
# A client's last requests may still run in the database after it stops (the peer's server goes on with the giant
# family's requests its load generator left, seconds of work at 32 clients): every measurement, and every warm-up of
# the other systems, starts once the server is idle (under a tenth of a core for a second, at most 60 s).
server_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
await_idle() {
  for _ in $(seq 1 60); do
    before=$(server_ticks); sleep 1
    [ $(( $(server_ticks) - before )) -lt $(( $(getconf CLK_TCK) / 10 )) ] && return
  done
  echo "the server was still busy after 60 s at $(date -u +%T)" >&2
}
warm_others() {
  for q in "$@"; do
    await_idle; raw "$q" 32 0 5 10 >/dev/null
    if [ "$PEER" = 1 ]; then await_idle; peer "$q" 32 0 >/dev/null; fi
  done
}
rounds() {
  for round in 1 2; do
    echo "round $round of $* from $(date -u +%T), load $(cut -d' ' -f1 /proc/loadavg)"
    for q in "$@"; do
      # Alternated: Pedigree first in round 1, last in round 2.
      if [ "$round" = 1 ]; then order="pedigree raw peer"; else order="raw peer pedigree"; fi
      for system in $order; do
        [ "$system" = peer ] && [ "$PEER" != 1 ] && continue
        await_idle; "$system" "$q" 32 "$round" >>"$results"
        # The raw harness's 1-client run: 5 s of warm-up, 15 s measured, as the keep-alive client's.
        await_idle
        if [ "$system" = raw ]; then raw "$q" 1 "$round" 5 15 >>"$results"; else "$system" "$q" 1 "$round" >>"$results"; fi
      done
    done
  done
}

echo "warm-up from $(date -u +%T)"
for _ in $(seq 1 "$WARM"); do for q in $QUESTIONS; do pedigree "$q" 32 0 >/dev/null; done; done
warm_others "${light[@]}"
await_idle
echo "idle after the warm-ups at $(date -u +%T)"
rounds "${light[@]}"
if [ ${#heavy[@]} -gt 0 ]; then
  warm_others "${heavy[@]}"
  rounds "${heavy[@]}"
fi
if [ "$ECOSYSTEM" = 1 ]; then
  for round in 1 2; do
    await_idle
    echo "ecosystem report, round $round, from $(date -u +%T)"
    python3 "$here/bench/graphql_bench.py" --url "$URL" --query ecosystem --params "$DATA/params/q2_giant_root.txt" \
      --requests 150 --warmup 10 --clients 1 | tail -1 | python3 -c '
import json, re, sys
line = sys.stdin.read()
got = dict(re.findall(r"(n|errors|p50|p95|p99)=([0-9.]+)", line))
if "n" not in got: sys.exit("no result from graphql_bench.py: " + line)
print(json.dumps({"sys": "pedigree", "q": "ecosystem", "round": int(sys.argv[1]), "concurrency": 1, "n": int(got["n"]),
                  "errors": int(got["errors"]), "p50": float(got["p50"]), "p95": float(got["p95"]), "p99": float(got["p99"])}))
' "$round" >>"$results"
  done
fi
echo "done at $(date -u +%T); python3 bench/side_by_side_table.py $results"
