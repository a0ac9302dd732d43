#!/usr/bin/env python3
"""The ecosystem report of a large family right after writes inside it (issue 12).

  python3 bench/ecosystem_writes.py --url http://127.0.0.1:18210/graphql --token TOKEN \
      --root synth-lab91/base0382-70b --rounds 30 [--bolt 17710 --password PW]

Each round writes inside the family, then times the first report after the writes (summary, byRelation, byDepth: the
`ecosystem` document of graphql_bench.py) and the one after it, on one keep-alive connection. The writes cycle
through three kinds, each a curator's mutation: a new model derived from a direct derivative of the root (a new
member at depth 2: registerModel, then recordDerivation), a derivation between two direct derivatives (a merge that
reaches a member by a second path: no new member) and the retraction of that derivation. With --bolt, the last
report is compared with summary.cypher run through the Python driver (a recount by the statement). Prints each
round and p50/p95 of both series. Writes stay in the store: run it on a copy.
"""
import argparse
import http.client
import json
import statistics
import sys
import time
import urllib.parse

REPORT = ("query($id: ID!) { ecosystem(rootId: $id) { totalDescendants maxDepth leaves externalMerges "
          "byRelation { relation count } byDepth { depth count } } }")


class Client:

    def __init__(self, url, token):
        self.url = urllib.parse.urlparse(url)
        self.token = token
        self.conn = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=120)

    def post(self, query, variables, curator=False):
        headers = {"Content-Type": "application/json"}
        if curator:
            headers["Authorization"] = "Bearer " + self.token
        start = time.perf_counter()
        self.conn.request("POST", self.url.path, json.dumps({"query": query, "variables": variables}), headers)
        body = json.loads(self.conn.getresponse().read())
        elapsed = time.perf_counter() - start
        if body.get("errors"):
            raise SystemExit("error: " + json.dumps(body["errors"])[:500])
        return body["data"], elapsed


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def recount(bolt, password, root, summary_file):
    from neo4j import GraphDatabase
    text = open(summary_file).read().replace("{{maxDepth}}", "10")
    with GraphDatabase.driver(f"bolt://127.0.0.1:{bolt}", auth=("neo4j", password)) as driver:
        with driver.session() as session:
            r = session.run(text, {"ids": [root], "sources": None, "asOf": None, "includeUndated": True}).single()
    return {
        "totalDescendants": r["totalDescendants"], "maxDepth": r["maxDepth"], "leaves": r["leaves"],
        "externalMerges": r["externalMerges"],
        "byRelation": sorted((c["relation"] or "UNKNOWN", c["count"]) for c in r["byRelation"]),
        "byDepth": sorted((c["depth"], c["count"]) for c in r["byDepth"]),
    }


def normalised(report):
    figures = {k: report[k] for k in ("totalDescendants", "maxDepth", "leaves", "externalMerges")}
    figures["byRelation"] = sorted((c["relation"], c["count"]) for c in report["byRelation"])
    figures["byDepth"] = sorted((c["depth"], c["count"]) for c in report["byDepth"])
    return figures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--bolt")
    ap.add_argument("--password")
    ap.add_argument("--summary", default="cypher/queries/ecosystem/summary.cypher")
    args = ap.parse_args()
    client = Client(args.url, args.token)
    data, _ = client.post("query($id: ID!) { model(id: $id) { descendants(first: 200) { edges { node { depth "
                          "model { id } } } } } }", {"id": args.root})
    direct = [e["node"]["model"]["id"] for e in data["model"]["descendants"]["edges"] if e["node"]["depth"] == 1]
    run = time.strftime("%H%M%S")
    first, second = [], []
    merge = None
    for i in range(args.rounds):
        kind = ("member", "merge", "retract")[i % 3]
        if kind == "member":
            child = f"eco-bench/{run}-{i}"
            client.post("mutation($id: ID!, $name: String!) { registerModel(input: {id: $id, name: $name}) { id } }",
                        {"id": child, "name": child}, curator=True)
            client.post("mutation($c: ID!, $p: ID!) { recordDerivation(input: {childId: $c, parentIds: [$p], "
                        "relation: FINETUNE}) { relation } }", {"c": child, "p": direct[i % len(direct)]},
                        curator=True)
        elif kind == "merge":
            merge = (direct[(i + 1) % len(direct)], direct[(i + 2) % len(direct)])
            client.post("mutation($c: ID!, $p: ID!) { recordDerivation(input: {childId: $c, parentIds: [$p], "
                        "relation: FINETUNE}) { relation } }", {"c": merge[0], "p": merge[1]}, curator=True)
        else:
            client.post("mutation($c: ID!, $p: ID!) { retractDerivation(childId: $c, parentId: $p, reason: \"bench\") "
                        "{ childId } }", {"c": merge[0], "p": merge[1]}, curator=True)
        report, t1 = client.post(REPORT, {"id": args.root})
        _, t2 = client.post(REPORT, {"id": args.root})
        first.append(t1 * 1000)
        second.append(t2 * 1000)
        print(f"round {i} {kind}: first {t1 * 1000:.0f} ms, second {t2 * 1000:.0f} ms, "
              f"totalDescendants {report['ecosystem']['totalDescendants']}", flush=True)
    for name, series in (("first after the writes", first), ("the request after", second)):
        print(f"{name}: n={len(series)} p50 {statistics.median(series):.1f} ms p95 {percentile(series, 95):.1f} ms "
              f"max {max(series):.1f} ms")
    if args.bolt:
        got = normalised(report["ecosystem"])
        want = recount(args.bolt, args.password, args.root, args.summary)
        print("recount by summary.cypher:", "equal" if got == want else f"DIFFERENT\n  served {got}\n  recount {want}")
        if got != want:
            sys.exit(1)


if __name__ == "__main__":
    main()
