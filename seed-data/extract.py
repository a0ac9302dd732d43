#!/usr/bin/env python3
"""Copies the facts (ids, names, relations, dates, figures) of ../shared/data into seed-data/, dropping prose.

Run from the repository root:  python3 seed-data/extract.py testdata seed-data
The output keeps each source's own format (same headers), so Pedigree's importers read both.
"""
import csv
import gzip
import json
import sys
from pathlib import Path

import yaml

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


# The Hub's model-info records: their named facts only (no card prose, no file lists, no widget text). Lineage is
# left to edges.csv, the Hub's own tree with each edge's richer provenance (`list:children|tag`): the base_model:
# tags (the same 1,450 edges) and the card's base_model claims are dropped here; the 48 cards that name further
# parents mostly list unrelated models by hand (a user's "kenu" claiming gpt2 and DeepSeek-R1). An import of the
# full dump keeps them (tag edges and card claims).
HF_FACTS = ["id", "author", "created_at", "downloads", "likes", "gated", "library_name", "pipeline_tag", "tags"]
CARD_FACTS = ["license", "datasets"]


def hub_facts(source, target):
    opener = gzip.open if str(source).endswith(".gz") else open
    with opener(source, "rt", encoding="utf-8") as f, open(target, "w", encoding="utf-8", newline="\n") as g:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            facts = {k: record.get(k) for k in HF_FACTS if record.get(k) is not None}
            facts["tags"] = [t for t in facts.get("tags", []) if not t.startswith("base_model:")]
            total = (record.get("safetensors") or {}).get("total")
            if total is not None:
                facts["safetensors"] = {"total": total}
            card = yaml.safe_load(record["card_data"]) if record.get("card_data") else None
            if isinstance(card, dict):
                kept = {k: card[k] for k in CARD_FACTS if card.get(k) is not None}
                if kept:
                    facts["card_data"] = kept
            g.write(json.dumps(facts, ensure_ascii=False, sort_keys=True) + "\n")


hub_facts(src / "huggingface/models.jsonl.gz", out / "huggingface/models.jsonl")
