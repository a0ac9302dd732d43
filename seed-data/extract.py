#!/usr/bin/env python3
"""Copies the facts (ids, names, relations, dates, figures) of ../shared/data into seed-data/, dropping prose.

Run from the repository root:  python3 seed-data/extract.py ../shared/data seed-data
The output keeps each source's own format (same headers), so Pedigree's importers read both.
"""
import csv
import sys
from pathlib import Path

src, out = Path(sys.argv[1]), Path(sys.argv[2])

HF_NODE_COLUMNS = ["model_id", "author", "created_at", "downloads", "likes", "license", "pipeline_tag",
                   "library_name"]
HF_EDGE_COLUMNS = ["parent_id", "child_id", "relation", "sources"]
EPOCH_COLUMNS = ["Model", "Organization", "Publication date", "Domain", "Task", "Parameters",
                 "Training compute (FLOP)", "Confidence", "Link", "Organization categorization",
                 "Country (of organization)", "Base model", "Finetune compute (FLOP)", "Model accessibility",
                 "Frontier model"]


def copy_columns(source, target, columns):
    with open(source, newline="", encoding="utf-8") as f, open(target, "w", newline="", encoding="utf-8") as g:
        reader = csv.DictReader(f)
        writer = csv.DictWriter(g, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in reader:
            writer.writerow({c: row.get(c, "") for c in columns})


copy_columns(src / "huggingface/nodes.csv", out / "huggingface/nodes.csv", HF_NODE_COLUMNS)
copy_columns(src / "huggingface/edges.csv", out / "huggingface/edges.csv", HF_EDGE_COLUMNS)
copy_columns(src / "epoch-ai/notable_ai_models.csv", out / "epoch-ai/notable_ai_models.csv", EPOCH_COLUMNS)
