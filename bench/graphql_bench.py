#!/usr/bin/env python3
"""GraphQL-over-HTTP load generator for Pedigree (standard library only).

  python3 bench/graphql_bench.py --url http://localhost:8080/graphql --query ancestors \
      --params ../bench-data/params/q1_leaves.txt --requests 2000 --clients 1

Each client keeps one HTTP/1.1 connection and sends requests back to back, cycling through the parameter ids.
Prints requests/s and latency percentiles (ms). Bounded in count; loopback only.
"""
import argparse
import http.client
import json
import statistics
import threading
import time
import urllib.parse

QUERIES = {
    "ancestors": "query($id: ID!) { model(id: $id) { ancestors { depth model { id } via { relation } } } }",
    "parents": "query($id: ID!) { model(id: $id) { parents { relation parent { id } } } }",
    "descendants-first-page": "query($id: ID!) { model(id: $id) { descendants(first: 100) { totalCount "
                              "edges { node { depth model { id } } } } } }",
    "liability": "query($id: ID!) { liabilityTrace(modelId: $id) { parties { depth organization { id } "
                 "roles { jurisdiction role } } } }",
    "grouped-first-view": "query($id: ID!) { model(id: $id) { id downloads ancestors(maxDepth: 10) { depth model { id } } "
                          "childrenByRelation(first: 8) { relation count children { pageInfo { hasNextPage endCursor } "
                          "edges { node { relation source safetyEffect child { id downloads releaseDate } } } } } } }",
    "children-by-downloads": "query($id: ID!) { model(id: $id) { children(first: 20, orderBy: DOWNLOADS) { totalCount "
                             "edges { node { relation child { id downloads } } } } } }",
    "descendants-by-downloads": "query($id: ID!) { model(id: $id) { descendants(maxDepth: 50, first: 20, orderBy: DOWNLOADS) "
                                "{ totalCount edges { node { depth model { id downloads } } } } } }",
    "descendants-first-page-no-total": "query($id: ID!) { model(id: $id) { descendants(first: 100) { "
                                       "edges { node { depth model { id } } } } } }",
    # The explorer's autocomplete and a search page; the parameter file holds search terms (bench/search_terms.py).
    # Issue 12's other argument combinations (relation filters, small depths, later pages); `after` comes from a
    # parameter file of JSON lines ({"id": ..., "after": ...}) whose cursors the same server handed out.
    "ancestors-relations-1": "query($id: ID!) { model(id: $id) { ancestors(relations: [FINETUNE]) "
                             "{ depth model { id } via { relation } } } }",
    "ancestors-relations-2": "query($id: ID!) { model(id: $id) { ancestors(relations: [FINETUNE, ADAPTER]) "
                             "{ depth model { id } via { relation } } } }",
    "ancestors-depth-2": "query($id: ID!) { model(id: $id) { ancestors(maxDepth: 2) { depth model { id } via { relation } } } }",
    "descendants-relations": "query($id: ID!) { model(id: $id) { descendants(relations: [ADAPTER], first: 100) { totalCount "
                             "edges { node { depth model { id } } } } } }",
    "descendants-depth-1": "query($id: ID!) { model(id: $id) { descendants(maxDepth: 1, first: 100) { totalCount "
                           "edges { node { depth model { id } } } } } }",
    "descendants-depth-2": "query($id: ID!) { model(id: $id) { descendants(maxDepth: 2, first: 100) { totalCount "
                           "edges { node { depth model { id } } } } } }",
    "descendants-after-20": "query($id: ID!, $after: String) { model(id: $id) { descendants(first: 20, after: $after) { "
                            "totalCount pageInfo { hasNextPage endCursor } edges { node { depth model { id } } } } } }",
    "descendants-after-100": "query($id: ID!, $after: String) { model(id: $id) { descendants(first: 100, after: $after) { "
                             "totalCount pageInfo { hasNextPage endCursor } edges { node { depth model { id } } } } } }",
    "children-after-20": "query($id: ID!, $after: String) { model(id: $id) { children(first: 20, after: $after) { "
                         "pageInfo { hasNextPage endCursor } edges { node { relation child { id } } } } } }",
    "children-first-100": "query($id: ID!) { model(id: $id) { children(first: 100) { totalCount "
                          "edges { node { relation child { id } } } } } }",
    # Arguments new since the issue was filed (asOf: the model and every lineage field below it as of that date).
    "ancestors-as-of": "query($id: ID!) { model(id: $id, asOf: \"2025-01-01\") { ancestors { depth model { id } via { relation } } } }",
    "descendants-as-of": "query($id: ID!) { model(id: $id, asOf: \"2025-01-01\") { descendants(first: 100) { totalCount "
                         "edges { node { depth model { id } } } } } }",
    "children-relations": "query($id: ID!) { model(id: $id) { children(first: 20, relations: [ADAPTER]) { "
                          "edges { node { relation child { id } } } } } }",
    "autocomplete": "query($id: String!) { models(filter: { nameContains: $id }, first: 10) "
                    "{ edges { node { id name aliases } } } }",
    "search-page": "query($id: String!) { models(filter: { nameContains: $id }, first: 20) "
                   "{ pageInfo { hasNextPage endCursor } edges { node { id name downloads } } } }",
    "ecosystem": "query($id: ID!) { ecosystem(rootId: $id) { totalDescendants maxDepth leaves externalMerges "
                 "byRelation { relation count } byDepth { depth count } } }",
    # The report's fields other than the summary, each its own walk of the family (none of them kept).
    "ecosystem-other-fields": "query($id: ID!) { ecosystem(rootId: $id) { byMonth { month count } "
                              "byOrganization(first: 20) { organization count } topByChildren(first: 10) { model { id } value } "
                              "topByDownloads(first: 10) { model { id } value } safety { removedOrDegraded shareOfDownloads } "
                              "licenseDrift(first: 5) { byKind { kind count } flaggedCount } } }",
}


def run(url, query, ids, requests, clients):
    parsed = urllib.parse.urlparse(url)
    latencies, errors, lock = [], [0], threading.Lock()
    per_client = requests // clients

    def client(offset):
        conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
        mine = []
        for i in range(per_client):
            body = json.dumps({"query": QUERIES[query], "variables": ids[(offset + i) % len(ids)]})
            start = time.perf_counter()
            conn.request("POST", parsed.path, body, {"Content-Type": "application/json"})
            response = conn.getresponse()
            payload = response.read()
            mine.append((time.perf_counter() - start) * 1000)
            if response.status != 200 or b'"errors"' in payload:
                with lock:
                    errors[0] += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(c * 7919,)) for c in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    latencies.sort()
    pct = lambda p: latencies[min(len(latencies) - 1, int(len(latencies) * p))]
    print(f"{query} clients={clients} n={len(latencies)} errors={errors[0]} rate={len(latencies) / elapsed:.0f}/s "
          f"p50={statistics.median(latencies):.2f} ms p95={pct(0.95):.2f} ms p99={pct(0.99):.2f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://localhost:8080/graphql")
    parser.add_argument("--query", choices=sorted(QUERIES), required=True)
    parser.add_argument("--params", required=True, help="file with one model id, or one JSON object of variables, a line")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=100)
    args = parser.parse_args()
    # One model id a line, or one JSON object of variables a line (e.g. {"id": ..., "after": ...}).
    ids = [json.loads(line) if line.startswith("{") else {"id": line.strip()} for line in open(args.params) if line.strip()]
    if args.warmup:
        run(args.url, args.query, ids, min(args.warmup, args.requests), 1)
    run(args.url, args.query, ids, args.requests, args.clients)
