#!/usr/bin/env python3
"""The statements of a Pedigree search page sent through the official Neo4j Python driver, without Pedigree.

  python3 bench/raw_search.py --uri bolt://127.0.0.1:7687 --password … --terms /tmp/bench-data/params/search_terms.txt \
      --size 10 --requests 1000

Runs, per search term, what lineage/ModelSearch runs for a first page of `--size` (the same files of
cypher/queries/lineage, the same order: models-search.cypher over every match (after its probe of the most downloaded
models); when that overflows, band by band,
a bounded walk of the searchKey index first for the prefix and substring bands when the probe saw enough of the
band's matches for it to fill the page (models-search-walk.cypher), then
those bands tier by download tier (models-search-tiers.cypher, and models-search-scan.cypher from a tier with too many
candidates); the exact band from its narrow lookups, else models-search-scan.cypher), one auto-commit transaction per
statement as Pedigree's reads do,
and prints latency percentiles: the floor a service on this database can approach for the same answer.
"""
import argparse
import pathlib
import re
import statistics
import time

from neo4j import GraphDatabase

CANDIDATES = 2000
BAND_CANDIDATES = 10000
WALK = 2000
PROBE = 200
DENSE = 2
HERE = pathlib.Path(__file__).resolve().parent.parent / "cypher" / "queries" / "lineage"
FILTERS = dict(developerId=None, license=None, relation=None, safetyEffect=None, tag=None, hasParents=None,
               includePlaceholders=False)


def after(key):
    """A cursor's key as lineage/CodePointOrder passes it; here only "" or a tier's digits, so nothing to correct."""
    assert key.isascii()
    return dict(afterKey=key, afterKeyFloor=key, afterKeyFlips=[])


def needles(search, band):
    if band == "all":
        return dict(contains=[search])
    if band == 2:
        return dict(contains=[search])
    if band == 1:
        return dict(contains=[" " + search, "/" + search])
    return dict(contains=[" " + search + " ", "/" + search + " ", "/" + search + "/"])


def load(name):
    """A query file with its {{include …}} expressions, as lineage's CypherQueries renders it."""
    def fragment(match):
        lines = (HERE.parent / (match.group(1) + ".cypher")).read_text().splitlines()
        return " ".join(l.strip() for l in lines if l.strip() and not l.strip().startswith("//"))
    return re.sub(r"\{\{include ([a-z-]+/[a-z0-9-]+)}}", fragment, (HERE / name).read_text())


def page(session, search, limit, text, scan, walk, tiers):
    def candidates(band, lo, hi, want):
        params = dict(FILTERS, search=search, candidates=CANDIDATES if band == "all" else BAND_CANDIDATES, minRank=lo, maxRank=hi, afterRank=lo,
                      **after(""), limit=want, probe=PROBE if band == "all" else 0, dense=DENSE,
                      **needles(search, band))
        record = session.run(text, params).single()
        return record["overflow"], record["rows"], {1: record["seenPrefix"], 2: record["seenSubstring"]}

    overflow, rows, seen = candidates("all", 0, 2, limit)
    if not overflow:
        return rows
    rows = []
    for rank in range(3):
        if len(rows) >= limit:
            break
        want = limit - len(rows)
        if rank > 0:
            walked = list(session.run(walk, dict(FILTERS, search=search, rank=rank, **after(""), limit=want, walk=WALK))) \
                if seen[rank] * WALK >= want * PROBE else []
            if len(walked) == want:
                rows += walked
                continue
            band = []
            for row in session.run(tiers, dict(FILTERS, search=search, rank=rank, **after(""), limit=want,
                                               candidates=BAND_CANDIDATES, **needles(search, rank))):
                if row["model"] is None:
                    band += list(session.run(scan, dict(FILTERS, search=search, rank=rank, **after(row["key"]),
                                                        limit=want - len(band))))
                    break
                band.append(row)
            rows += band
            continue
        band = candidates(rank, rank, rank, want)
        if band[0]:
            rows += list(session.run(scan, dict(FILTERS, search=search, rank=rank, **after(""), limit=want)))
        else:
            rows += band[1]
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--uri", required=True)
    parser.add_argument("--user", default="neo4j")
    parser.add_argument("--password", required=True)
    parser.add_argument("--terms", required=True)
    parser.add_argument("--size", type=int, default=10)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--warmup", type=int, default=200)
    args = parser.parse_args()
    terms = [line.strip() for line in open(args.terms) if line.strip()]
    text = (HERE / "models-search.cypher").read_text()
    scan = (HERE / "models-search-scan.cypher").read_text()
    walk = (HERE / "models-search-walk.cypher").read_text()
    tiers = load("models-search-tiers.cypher")
    with GraphDatabase.driver(args.uri, auth=(args.user, args.password)) as driver, driver.session() as session:
        for i in range(args.warmup):
            page(session, terms[i % len(terms)], args.size + 1, text, scan, walk, tiers)
        latencies = []
        began = time.perf_counter()
        for i in range(args.requests):
            start = time.perf_counter()
            page(session, terms[i % len(terms)], args.size + 1, text, scan, walk, tiers)
            latencies.append((time.perf_counter() - start) * 1000)
        elapsed = time.perf_counter() - began
    latencies.sort()
    pct = lambda p: latencies[min(len(latencies) - 1, int(len(latencies) * p))]
    print(f"raw search size={args.size} n={len(latencies)} rate={len(latencies) / elapsed:.0f}/s "
          f"p50={statistics.median(latencies):.2f} ms p95={pct(0.95):.2f} ms p99={pct(0.99):.2f} ms")
