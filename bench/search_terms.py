#!/usr/bin/env python3
"""Search terms for `graphql_bench.py --query autocomplete|search-page` (standard library only).

  python3 bench/search_terms.py --models /tmp/bench-data/models.csv --out /tmp/bench-data/params/search_terms.txt

What a person types into the explorer's search box: for models drawn at random (seed 42) from the generator's
models.csv, the name part after "/" cut to 2, 3, 5 and 8 characters (autocomplete as it narrows) and the whole id
(a pasted id), mixed with words that match a large share of any Hub-like graph (gguf, lora, 7b, instruct, llama),
shuffled. Terms are lower-cased as the search does.
"""
import argparse
import csv
import random

COMMON = ["gguf", "lora", "7b", "instruct", "llama", "mistral", "qwen", "gemma", "merge", "ft"]

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--count", type=int, default=250, help="models drawn")
    args = parser.parse_args()
    random.seed(42)
    reservoir = []
    with open(args.models, newline="") as f:
        for n, row in enumerate(csv.DictReader(f)):
            if len(reservoir) < args.count:
                reservoir.append(row["model_id"])
            elif random.random() < args.count / (n + 1):
                reservoir[random.randrange(args.count)] = row["model_id"]
    terms = []
    for model_id in reservoir:
        name = model_id.split("/", 1)[-1].lower()
        terms += [name[:k] for k in (2, 3, 5, 8) if len(name) >= k] + [model_id.lower()]
    terms += COMMON * 10
    random.shuffle(terms)
    with open(args.out, "w") as out:
        out.write("\n".join(terms) + "\n")
    print(f"{len(terms)} terms -> {args.out}")
