#!/usr/bin/env python3
"""The project's standard benchmark graph generator (the same program, seed and defaults as the team's shared
bench/generate.py; reads the Hub lineage from testdata/huggingface). Builds the benchmark data set: the real Hugging Face lineage (nodes.csv/edges.csv) plus a synthetic
scale-up to ~500k models / ~500k DERIVED_FROM edges, and samples query parameters.

Outputs (in OUT dir): models.csv (model_id,name,downloads), edges.csv (parent_id,child_id,relation),
params/q1_leaves.txt, params/q2_small_roots.txt, params/q2_giant_root.txt, params/q3_models.txt, stats.json
"""
import argparse, csv, json, math, os, random, collections

ap = argparse.ArgumentParser()
ap.add_argument("--hf", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "testdata", "huggingface"))
ap.add_argument("--out", default="bench-data")
ap.add_argument("--total-models", type=int, default=500_000)
ap.add_argument("--roots", type=int, default=1000)
ap.add_argument("--giant", type=int, default=60_000, help="descendants in the giant family")
ap.add_argument("--seed", type=int, default=42)
a = ap.parse_args()
rnd = random.Random(a.seed)
os.makedirs(os.path.join(a.out, "params"), exist_ok=True)

# ---------- real data ----------
models = {}   # id -> (name, downloads)
edges = []    # (child, parent, relation)
with open(os.path.join(a.hf, "nodes.csv")) as f:
    for r in csv.DictReader(f):
        mid = r["model_id"]
        dl = int(float(r["downloads"])) if r["downloads"] else 0
        models[mid] = (mid.split("/", 1)[-1], dl)
with open(os.path.join(a.hf, "edges.csv")) as f:
    for r in csv.DictReader(f):
        for k in ("parent_id", "child_id"):
            if r[k] not in models:
                models[r[k]] = (r[k].split("/", 1)[-1], 0)
        edges.append((r["child_id"], r["parent_id"], r["relation"]))
real_models, real_edges = len(models), len(edges)

# ---------- synthetic family sizes (heavy tailed, one giant) ----------
n_desc = a.total_models - real_models - a.roots            # synthetic non-root models
rest = n_desc - a.giant
sigma, cap = 2.0, a.giant // 2                             # log-normal (heavy tailed), others below half the giant
zs = [rnd.gauss(0, 1) for _ in range(a.roots - 1)]
def sizes_for(scale):
    return [min(cap, max(1, int(scale * math.exp(sigma * z)))) for z in zs]
lo, hi = 0.01, 10_000.0
for _ in range(100):                                       # bisection on the scale (median) to hit the total
    mid = (lo + hi) / 2
    if sum(sizes_for(mid)) < rest: lo = mid
    else: hi = mid
fam_sizes = sizes_for(hi)
fam_sizes[fam_sizes.index(max(fam_sizes))] += rest - sum(fam_sizes)   # exact total (tiny correction)
fam_sizes = [a.giant] + fam_sizes
rnd.shuffle(fam_sizes)
giant_idx = fam_sizes.index(a.giant)

REL = ["adapter", "finetune", "quantized", "merge"]
REL_W = [0.45, 0.35, 0.17, 0.03]
PARENT_OK = {"root": 1.0, "finetune": 1.0, "merge": 1.0, "adapter": 0.10, "quantized": 0.01}
DEPTH_ACCEPT = [1.0, 1.0, 0.6, 0.25, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08]   # parent depth -> accept prob (max child depth 10)
SUFFIX = {"adapter": "lora", "finetune": "ft", "quantized": "GGUF", "merge": "merge"}
n_orgs = 40_000
def dl_root(): return int(10 ** rnd.gauss(4.5, 1.0))
def dl_child(): return max(0, int(10 ** rnd.gauss(1.0, 1.2)) - 1)

root_ids = []
fam_members = []   # per family: list of eligible-parent ids (for cross-family merges)
depth = {}
for k, size in enumerate(fam_sizes):
    base = f"base{k:04d}"
    rid = f"synth-lab{k % 97}/{base}-{rnd.choice(['1b','3b','7b','8b','13b','70b'])}"
    models[rid] = (rid.split("/")[1], dl_root()); depth[rid] = 0
    root_ids.append(rid)
    slots = [rid] * 3                                       # preferential-attachment slots (eligible parents)
    eligible = [rid]
    made = 0
    def new_child(parent_pick, rel, extra_parent=None):
        global_id = f"user{rnd.randrange(n_orgs)}/{base}-{SUFFIX[rel]}-{k}-{len(models)}"
        models[global_id] = (global_id.split("/")[1], dl_child())
        return global_id
    # optional long chain (iterated fine-tunes), makes depth up to 10 exist
    if size >= 20 and rnd.random() < 0.3:
        L = rnd.randint(5, 10); p = rid
        for _ in range(min(L, size - made)):
            c = new_child(p, "finetune"); edges.append((c, p, "finetune")); depth[c] = depth[p] + 1
            slots.append(c); eligible.append(c); p = c; made += 1
    while made < size:
        rel = rnd.choices(REL, REL_W)[0]
        if rnd.random() < 0.35:
            p = rid
        else:
            for _ in range(20):
                p = rnd.choice(slots)
                if depth[p] < 10 and rnd.random() < DEPTH_ACCEPT[depth[p]]: break
            else:
                p = rid
        c = new_child(p, rel)
        edges.append((c, p, rel)); d = depth[p] + 1
        slots.append(p)                                     # rich get richer
        if rel == "merge":                                  # second parent
            if rnd.random() < 0.85 or k == 0:
                p2 = rnd.choice(eligible)
            else:
                p2 = rnd.choice(root_ids[:-1] + [rid])
            if p2 != p and p2 != c:
                edges.append((c, p2, rel)); d = min(d, depth[p2] + 1)
        depth[c] = d
        if rnd.random() < PARENT_OK[rel] and d < 10:
            slots.append(c); eligible.append(c)
        made += 1

# ---------- write data ----------
with open(os.path.join(a.out, "models.csv"), "w", newline="") as f:
    w = csv.writer(f); w.writerow(["model_id", "name", "downloads"])
    for mid, (name, dl) in models.items(): w.writerow([mid, name, dl])
with open(os.path.join(a.out, "edges.csv"), "w", newline="") as f:
    w = csv.writer(f); w.writerow(["parent_id", "child_id", "relation"])   # same columns as ../data/huggingface/edges.csv
    for child, parent, rel in edges: w.writerow([parent, child, rel])

# ---------- graph stats + parameter sampling ----------
children = collections.defaultdict(list); parents = collections.defaultdict(list)
for c, p, r in edges: children[p].append(c); parents[c].append(p)
def descendants(root, maxd=10):
    seen = {root: 0}; frontier = [root]
    for d in range(1, maxd + 1):
        nxt = []
        for x in frontier:
            for c in children[x]:
                if c not in seen: seen[c] = d; nxt.append(c)
        frontier = nxt
    return len(seen) - 1
all_roots = [m for m in models if not parents[m] and children[m]]
desc = {r: descendants(r) for r in all_roots}
leaves = [m for m in models if parents[m] and not children[m]]
def ancestors_depth(m, maxd=10):
    seen = {m: 0}; frontier = [m]
    for d in range(1, maxd + 1):
        nxt = []
        for x in frontier:
            for p in parents[x]:
                if p not in seen: seen[p] = d; nxt.append(p)
        frontier = nxt
    return len(seen) - 1, max(seen.values())
q1 = rnd.sample(leaves, 2000)
small = [r for r, n in desc.items() if 10 <= n <= 100]
q2s = rnd.sample(small, min(500, len(small)))
giant_root = max(desc, key=desc.get)
nonroots = [m for m in models if parents[m]]
q3 = rnd.sample(nonroots, 2000)
P = os.path.join(a.out, "params")
for name, ids in [("q1_leaves", q1), ("q2_small_roots", q2s), ("q2_giant_root", [giant_root]), ("q3_models", q3)]:
    with open(os.path.join(P, name + ".txt"), "w") as f: f.write("\n".join(ids) + "\n")
rels = collections.Counter(r for _, _, r in edges)
q1stats = [ancestors_depth(m) for m in q1]
depth_hist = collections.Counter(min(depth.get(m, 0), 10) for m in depth)
fam_hist = sorted(desc.values(), reverse=True)
stats = {
    "models": len(models), "edges": len(edges), "real_models": real_models, "real_edges": real_edges,
    "synthetic_roots": a.roots, "roots_with_children_total": len(all_roots), "leaves": len(leaves),
    "relation_mix": {k: round(v / len(edges), 4) for k, v in rels.items()},
    "synthetic_depth_hist": dict(sorted(depth_hist.items())),
    "largest_families": fam_hist[:10], "median_family": fam_hist[len(fam_hist) // 2],
    "families_lt10": sum(1 for x in fam_hist if x < 10),
    "giant_root": giant_root, "giant_descendants": desc[giant_root],
    "q2_small_roots": len(q2s), "q2_small_desc_mean": round(sum(desc[r] for r in q2s) / len(q2s), 1),
    "q1_ancestors_mean": round(sum(x[0] for x in q1stats) / len(q1stats), 2),
    "q1_maxdepth_hist": dict(sorted(collections.Counter(x[1] for x in q1stats).items())),
    "q3_parents_mean": round(sum(len(parents[m]) for m in q3) / len(q3), 3),
}
with open(os.path.join(a.out, "stats.json"), "w") as f: json.dump(stats, f, indent=1)
print(json.dumps(stats, indent=1))
