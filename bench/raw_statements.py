#!/usr/bin/env python3
"""Cypher files of cypher/queries run through the official Neo4j Python driver, without Pedigree.

  python3 bench/raw_statements.py --uri bolt://127.0.0.1:7687 --password … --requests 25 \
      --params '{"ids": ["synth-lab91/base0382-70b"], "sources": null, "asOf": null, "includeUndated": true}' \
      cypher/queries/ecosystem/summary.cypher

One request runs the files in order (e.g. two statements that one GraphQL request ran), one auto-commit transaction
per statement as Pedigree's reads do, with the same parameters; `{{maxDepth}}` is bound to --max-depth. Prints
latency percentiles of whole requests: the floor a service on this database can approach for the same answer.
"""
import argparse
import json
import time

from neo4j import GraphDatabase

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--uri", required=True)
    parser.add_argument("--user", default="neo4j")
    parser.add_argument("--password", required=True)
    parser.add_argument("--params", required=True, help="the statements' parameters as a JSON object")
    parser.add_argument("--max-depth", default="10")
    parser.add_argument("--requests", type=int, default=25)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    params = json.loads(args.params)
    texts = [open(f).read().replace("{{maxDepth}}", args.max_depth) for f in args.files]
    with GraphDatabase.driver(args.uri, auth=(args.user, args.password),
                              notifications_min_severity="OFF") as driver, driver.session() as session:
        def request():
            for text in texts:
                list(session.run(text, params))
        for _ in range(args.warmup):
            request()
        latencies = []
        for _ in range(args.requests):
            start = time.perf_counter()
            request()
            latencies.append((time.perf_counter() - start) * 1000)
    latencies.sort()
    pct = lambda p: latencies[min(len(latencies) - 1, int(round(p * (len(latencies) - 1))))]
    print(f"raw {' + '.join(f.split('/')[-1] for f in args.files)} n={len(latencies)} "
          f"p50={pct(0.5):.1f} ms p95={pct(0.95):.1f} ms max={latencies[-1]:.1f} ms")
