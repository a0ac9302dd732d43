#!/usr/bin/env python3
"""The table of bench/side_by_side.sh's results, with Pedigree's ratios to the raw driver and to @neo4j/graphql.

  python3 bench/side_by_side_table.py OUT_DIR/results.jsonl

32 clients: requests/s (autocannon for GraphQL, rawbench for the driver). 1 client: p50 / p95 in ms (lat.mjs, a
keep-alive client, for GraphQL; rawbench for the driver). "·" separates round 1 and round 2.
"""
import json
import sys

NAMES = {"q1": "ancestors", "q3": "parents", "q2small": "small family", "q2giant": "giant family"}


def clients(row):
    return row.get("concurrency", row.get("conc"))


def main(path):
    rows = [json.loads(line) for line in open(path) if line.strip()]

    def find(system, question, count, round_):
        for row in rows:
            if (row["sys"], row["q"], row["round"], clients(row)) == (system, question, round_, count):
                return row
        return None

    def measured(row):
        # A measurement whose every request failed counts as missing.
        return row if row is not None and (row.get("count", row.get("n")) or 0) > 0 else None

    def p50(row):
        return None if row is None else row.get("p50", row.get("p50_ms"))

    def p95(row):
        return None if row is None else row.get("p95", row.get("p95_ms"))

    print("| question | raw driver | @neo4j/graphql | Pedigree | Pedigree / raw | Pedigree / peer |")
    print("|---|---|---|---|---|---|")
    for question, name in NAMES.items():
        if not any(row["q"] == question for row in rows):
            continue
        throughput, latency = [], []
        for round_ in (1, 2):
            got = {s: measured(find(s, question, 32, round_)) for s in ("raw", "peer", "pedigree")}
            one = {s: measured(find(s, question, 1, round_)) for s in ("raw", "peer", "pedigree")}
            throughput.append(got)
            latency.append(one)

        def cells(values):
            return " · ".join("—" if v is None else v for v in values)

        def rps(system):
            return cells([f"{r[system]['rps']:,.0f}" if r[system] else None for r in throughput])

        def ratio(other):
            return cells([f"{r['pedigree']['rps'] / r[other]['rps']:.2f}" if r["pedigree"] and r[other] else None
                          for r in throughput])

        def lat(system):
            return cells([f"{p50(r[system]):.2f} / {p95(r[system]):.2f}" if r[system] else None for r in latency])

        def gap():
            return cells([f"{p50(r['pedigree']) - p50(r['raw']):+.2f} ms" if r["pedigree"] and r["raw"] else None
                          for r in latency])

        print(f"| {name}, 32 clients, req/s | {rps('raw')} | {rps('peer')} | {rps('pedigree')} | "
              f"**{ratio('raw')}** | {ratio('peer')} |")
        print(f"| {name}, 1 client p50 / p95, ms | {lat('raw')} | {lat('peer')} | {lat('pedigree')} | {gap()} | |")
        errors = sum((row.get("errors") or row.get("errs") or 0) for row in rows if row["q"] == question)
        if errors:
            print(f"| {name}: {errors} failed requests | | | | | |")
    reports = [row for row in rows if row["q"] == "ecosystem"]
    if reports:
        print()
        print("| giant family's ecosystem report, Pedigree only, 1 client | p50 / p95 / p99, ms | requests | errors |")
        print("|---|---|---|---|")
        for row in sorted(reports, key=lambda r: r["round"]):
            print(f"| round {row['round']} | {row['p50']:.2f} / {row['p95']:.2f} / {row['p99']:.2f} | {row['n']} | "
                  f"{row['errors']} |")


if __name__ == "__main__":
    main(sys.argv[1])
