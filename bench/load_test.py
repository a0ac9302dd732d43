#!/usr/bin/env python3
"""Load test: many clients, a mixed read workload with nested fields, for minutes (standard library only).

  python3 bench/load_test.py --url http://localhost:8080/graphql --clients 64 --duration 300

Against a running Pedigree with the shipped seed (the ids are read from the service first). Each client keeps one
HTTP/1.1 keep-alive connection and sends requests back to back, each time the next kind of the mix below with
the next id; every document stays within the documented limits (page sizes, depth, max-query-cost). An error is any
response that is not HTTP 200 or has an "errors" member (OVERLOADED and QUERY_TIMEOUT included). Prints per-kind and
overall counts, errors, rate and p50/p95/p99/max latency (ms) and exits 1 on any error. Not a unit test: the figures
depend on the machine (docs/benchmarks.md).
"""
import argparse
import http.client
import itertools
import json
import threading
import time
import urllib.parse

MIX = {
    # A model page: facts, developer, its parents, the first page of its children with each child's own count.
    "model-page": ("query($id: ID!) { model(id: $id) { id name downloads license developer { id name } "
                   "parents { relation safetyEffect parent { id developer { name } } } "
                   "children(first: 20) { totalCount edges { node { relation child { id downloads "
                   "developer { name } children(first: 5) { totalCount edges { node { child { id } } } } } } } } } }",
                   "leaf_or_mid"),
    "ancestors": ("query($id: ID!) { model(id: $id) { ancestors { depth model { id developer { name } } via { relation source } } "
                  "foundations { id trainingComputeFlop } } }", "leaf"),
    "descendants": ("query($id: ID!) { model(id: $id) { descendants(first: 50, maxDepth: 5) { totalCount truncated "
                    "pageInfo { hasNextPage endCursor } edges { node { depth model { id downloads } via { relation } } } } } }",
                    "root"),
    "grouped": ("query($id: ID!) { model(id: $id) { childrenByRelation(first: 8) { relation count children { "
                "edges { node { child { id downloads } } } } } } }", "root"),
    "search": ("query($q: String!) { models(filter: {nameContains: $q}, first: 20) { totalCount "
               "edges { node { id name developer { id } parents { relation parent { id } } } } } }", "term"),
    "liability": ("query($id: ID!) { liabilityTrace(modelId: $id) { parties { depth organization { name } "
                  "roles { jurisdiction role basis } } accountabilityGaps { status downloads } } }", "leaf"),
    "organization": ("query($id: ID!) { organization(id: $id) { name aliases models(first: 10) { totalCount "
                     "edges { node { id children(first: 3) { totalCount } } } } } }", "org"),
    "ecosystem": ("query($id: ID!) { ecosystem(rootId: $id) { totalDescendants maxDepth byRelation { relation count } "
                  "byDepth { depth count } } }", "small_root"),
}


def post(conn, path, query, variables):
    body = json.dumps({"query": query, "variables": variables})
    conn.request("POST", path, body, {"Content-Type": "application/json"})
    response = conn.getresponse()
    return response.status, response.read()


def ids(url):
    parsed = urllib.parse.urlparse(url)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=120)
    for attempt in range(3):  # the first request after a start may pass the read budget on a busy machine
        status, body = post(conn, parsed.path, QUERY_IDS, {})
        if json.loads(body).get("data", {}).get("roots"):
            break
    return parse_ids(body)


QUERY_IDS = """{
      roots: topFoundations(first: 12, orderBy: DESCENDANTS) { model { id } descendants }
      leaves: models(filter: {hasParents: true}, first: 200) { edges { node { id } } }
      orgs: topOrganizations(first: 20, orderBy: DERIVATIVES) { organization { id } }
    }"""


def parse_ids(body):
    data = json.loads(body)["data"]
    roots = [r["model"]["id"] for r in data["roots"]]
    small = [r["model"]["id"] for r in data["roots"] if r["descendants"] < 1500] or roots
    leaves = [e["node"]["id"] for e in data["leaves"]["edges"]]
    return {
        "root": roots, "small_root": small, "leaf": leaves, "leaf_or_mid": leaves + roots,
        "org": [o["organization"]["id"] for o in data["orgs"]],
        "term": ["llama", "mistral", "gemma", "qwen", "deepseek", "gguf", "abliterated", "instruct", "7b", "phi"],
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://localhost:8080/graphql")
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--duration", type=int, default=300, help="seconds of measured load")
    parser.add_argument("--warmup", type=int, default=30, help="seconds of unmeasured load first")
    args = parser.parse_args()
    parsed = urllib.parse.urlparse(args.url)
    params = ids(args.url)
    kinds = list(MIX)
    lock = threading.Lock()
    results = {k: [] for k in kinds}
    errors = {k: 0 for k in kinds}
    samples = []
    began = time.perf_counter()
    measure_from = began + args.warmup
    stop_at = measure_from + args.duration

    def client(n):
        conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=120)
        mine = {k: [] for k in kinds}
        bad = {k: 0 for k in kinds}
        for i in itertools.count(n):
            now = time.perf_counter()
            if now >= stop_at:
                break
            kind = kinds[i % len(kinds)]
            query, source = MIX[kind]
            values = params[source]
            value = values[(i * 7919 + n) % len(values)]
            variables = {"q": value} if source == "term" else {"id": value}
            start = time.perf_counter()
            try:
                status, body = post(conn, parsed.path, query, variables)
                failed = status != 200 or b'"errors"' in body
                if failed and len(samples) < 5:
                    samples.append(f"{kind} {value}: {status} {body[:300]!r}")
            except Exception as ex:  # a dropped connection is an error too
                failed = True
                if len(samples) < 5:
                    samples.append(f"{kind} {value}: {ex!r}")
                conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=120)
            elapsed = (time.perf_counter() - start) * 1000
            if start >= measure_from:
                mine[kind].append(elapsed)
                bad[kind] += failed
        with lock:
            for k in kinds:
                results[k].extend(mine[k])
                errors[k] += bad[k]

    threads = [threading.Thread(target=client, args=(c,)) for c in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    def line(name, latencies, errs):
        latencies = sorted(latencies)
        pct = lambda p: latencies[min(len(latencies) - 1, int(len(latencies) * p))]
        return (f"{name:14s} n={len(latencies):7d} errors={errs} rate={len(latencies) / args.duration:7.1f}/s "
                f"p50={pct(0.50):8.1f} p95={pct(0.95):8.1f} p99={pct(0.99):8.1f} max={latencies[-1]:8.1f} ms")

    print(f"clients={args.clients} duration={args.duration}s warmup={args.warmup}s")
    for k in kinds:
        print(line(k, results[k], errors[k]))
    everything = [x for k in kinds for x in results[k]]
    total_errors = sum(errors.values())
    print(line("all", everything, total_errors))
    for s in samples:
        print("error sample:", s)
    raise SystemExit(1 if total_errors else 0)


if __name__ == "__main__":
    main()
