#!/usr/bin/env bash
# Latency harness: runs each GraphQL request N times against a running Pedigree (default localhost:8080) and prints
# p50/p95 in milliseconds. Needs curl and python3. The 10-deep chain for liabilityTrace is created with the curator
# token (start the service with PEDIGREE_SECURITY_CURATOR_TOKEN=$TOKEN).
#   bench/latency.sh [base-url] [runs]
set -euo pipefail
BASE=${1:-http://localhost:8080}
RUNS=${2:-200}
TOKEN=${PEDIGREE_SECURITY_CURATOR_TOKEN:-bench-token}

post() { curl -s -o /dev/null -w '%{time_total}\n' "$BASE/graphql" -H 'Content-Type: application/json' -d "$1"; }
write() { curl -s "$BASE/graphql" -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" -d "$1" >/dev/null; }

measure() {
  local name=$1 body=$2
  for _ in $(seq 1 20); do post "$body" >/dev/null; done   # warm-up
  for _ in $(seq 1 "$RUNS"); do post "$body"; done | python3 -c "
import sys, statistics
t = sorted(float(x) * 1000 for x in sys.stdin)
print(f'$name: n={len(t)} p50={statistics.median(t):.1f} ms p95={t[int(len(t) * 0.95) - 1]:.1f} ms')"
}

# A 10-deep chain of fine-tunes (11 models) for the liability trace.
for i in $(seq 0 10); do
  write "{\"query\":\"mutation { registerModel(input: {id: \\\"bench/chain-$i\\\", name: \\\"chain $i\\\", developerId: \\\"meta\\\", trainingComputeFlop: 1e24}) { id } }\"}"
done
for i in $(seq 1 10); do
  write "{\"query\":\"mutation { recordDerivation(input: {childId: \\\"bench/chain-$i\\\", parentIds: [\\\"bench/chain-$((i-1))\\\"], relation: FINETUNE, computeFlop: 1e21}) { relation } }\"}"
done

measure "ancestors of a leaf quantization (mradermacher/medinote-7b-GGUF)" \
  '{"query":"{ model(id: \"mradermacher/medinote-7b-GGUF\") { ancestors { depth model { id } via { relation } } } }"}'
measure "descendants of google/gemma-7b, first 100 + totalCount" \
  '{"query":"{ model(id: \"google/gemma-7b\") { descendants(first: 100) { totalCount edges { node { depth model { id } } } } } }"}'
measure "descendants of meta-llama/Llama-2-7b, first 20" \
  '{"query":"{ model(id: \"meta-llama/Llama-2-7b\") { descendants { edges { node { depth model { id } } } } } }"}'
measure "liabilityTrace of a 10-deep chain" \
  '{"query":"{ liabilityTrace(modelId: \"bench/chain-10\") { parties { depth organization { id } roles { jurisdiction role } } } }"}'
