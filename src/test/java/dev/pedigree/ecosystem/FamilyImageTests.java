package dev.pedigree.ecosystem;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.pedigree.ecosystem.EcosystemAnalytics.DepthCount;
import dev.pedigree.ecosystem.EcosystemAnalytics.RelationCount;
import dev.pedigree.ecosystem.EcosystemAnalytics.Summary;
import dev.pedigree.storage.Graph;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A family image kept up to date through random writes (new models, derivations between
 * members and to models outside, retractions, placeholders described, models that join
 * with derivatives) answers what a count of the graph as written answers, or asks to be
 * read again; never a stale figure. The graph is held here, and so is the count (the
 * summary statement's rules, written out again).
 */
class FamilyImageTests {

	private static final String[] RELATIONS = { "FINETUNE", "MERGE", "QUANTIZED", null };

	/** child -> its derivations (parent, relation), as written. */
	private final Map<String, List<FamilyImage.Parent>> parents = new LinkedHashMap<>();

	private final Set<String> placeholders = new HashSet<>();

	@Test
	void random_writes_keep_the_image_equal_to_a_count() {
		int updated = 0;
		for (long seed = 1; seed <= 40; seed++) {
			// A depth limit of 3 cuts most of these families: the image is read again.
			int depthLimit = (seed % 4 == 0) ? 3 : 10;
			int steps = check(new Random(seed), depthLimit, (seed % 2 == 0) ? List.of("m0") : List.of("m0", "m1"));
			updated += (depthLimit == 10) ? steps : 0;
		}
		assertThat(updated).as("writes that updated an image of depth 10").isGreaterThan(30 * 60 / 2);
	}

	/** How many of the writes updated the image (the others read it again). */
	private int check(Random random, int depthLimit, List<String> roots) {
		this.parents.clear();
		this.placeholders.clear();
		int models = 60;
		for (int i = 0; i < models; i++) {
			this.parents.put("m" + i, new ArrayList<>());
			if (random.nextInt(4) == 0) {
				this.placeholders.add("m" + i);
			}
		}
		// Mostly a tree below m0, with merges; each derivation from an earlier model, so
		// no cycle.
		for (int i = 2; i < models; i++) {
			int edges = 1 + (random.nextInt(5) == 0 ? 1 : 0);
			for (int e = 0; e < edges; e++) {
				derive("m" + i, "m" + random.nextInt(i), random);
			}
		}
		FamilyImage image = FamilyImage.read(roots, depthLimit, read(roots, depthLimit));
		assertThat(image.summary()).isEqualTo(count(roots, depthLimit));
		int updated = 0;
		for (int step = 0; step < 60; step++) {
			Set<String> linked = new HashSet<>();
			Set<String> described = new HashSet<>();
			for (int w = 1 + random.nextInt(2); w > 0; w--) {
				write(random, linked, described);
			}
			FamilyImage next = image.after(List.of(new Graph.Scope(linked, described)), this::models);
			image = (next != null) ? next : FamilyImage.read(roots, depthLimit, read(roots, depthLimit));
			updated += (next != null) ? 1 : 0;
			assertThat(image.summary()).as("after step %d", step).isEqualTo(count(roots, depthLimit));
		}
		return updated;
	}

	private void write(Random random, Set<String> linked, Set<String> described) {
		List<String> ids = new ArrayList<>(this.parents.keySet());
		String a = ids.get(random.nextInt(ids.size()));
		String b = ids.get(random.nextInt(ids.size()));
		switch (random.nextInt(5)) {
			case 0 -> {
				// A new model below any model.
				String added = "n" + ids.size();
				this.parents.put(added, new ArrayList<>());
				derive(added, a, random);
				linked.add(added);
				linked.add(a);
			}
			case 1 -> {
				// A derivation between two models, when it makes no cycle.
				if (!a.equals(b) && !descends(b, a)) {
					derive(a, b, random);
					linked.add(a);
					linked.add(b);
				}
			}
			case 2 -> {
				List<FamilyImage.Parent> of = this.parents.get(a);
				if (!of.isEmpty()) {
					FamilyImage.Parent retracted = of.remove(random.nextInt(of.size()));
					linked.add(a);
					linked.add(retracted.id());
				}
			}
			case 3 -> {
				if (!this.placeholders.remove(a)) {
					this.placeholders.add(a);
				}
				described.add(a);
			}
			default -> {
				// A model of its own with a derivative, then below a model: a graft.
				String graft = "g" + ids.size();
				this.parents.put(graft, new ArrayList<>());
				this.parents.put(graft + "c", new ArrayList<>());
				derive(graft + "c", graft, random);
				derive(graft, a, random);
				linked.add(graft);
				linked.add(graft + "c");
				linked.add(a);
			}
		}
	}

	private void derive(String child, String parent, Random random) {
		this.parents.get(child).add(new FamilyImage.Parent(parent, RELATIONS[random.nextInt(RELATIONS.length)]));
	}

	private boolean descends(String model, String from) {
		return depths(List.of(from), Integer.MAX_VALUE).containsKey(model);
	}

	private Map<String, Integer> depths(List<String> roots, int depthLimit) {
		Map<String, List<String>> children = new HashMap<>();
		this.parents.forEach(
				(child, ps) -> ps.forEach(p -> children.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(child)));
		Map<String, Integer> depths = new HashMap<>();
		ArrayDeque<String> queue = new ArrayDeque<>();
		roots.forEach(root -> {
			depths.put(root, 0);
			queue.add(root);
		});
		while (!queue.isEmpty()) {
			String id = queue.poll();
			if (depths.get(id) < depthLimit) {
				for (String child : children.getOrDefault(id, List.of())) {
					if (!depths.containsKey(child)) {
						depths.put(child, depths.get(id) + 1);
						queue.add(child);
					}
				}
			}
		}
		return depths;
	}

	/** What family-image.cypher answers: the roots and the models within the limit. */
	private List<FamilyImage.Read> read(List<String> roots, int depthLimit) {
		return models(depths(roots, depthLimit).keySet());
	}

	/** What family-image-models.cypher answers. */
	private List<FamilyImage.Read> models(java.util.Collection<String> ids) {
		List<FamilyImage.Read> reads = new ArrayList<>();
		for (String id : ids) {
			if (this.parents.containsKey(id)) {
				long derivatives = this.parents.values()
					.stream()
					.flatMap(List::stream)
					.filter(p -> p.id().equals(id))
					.count();
				reads.add(new FamilyImage.Read(id, new FamilyImage.Member(this.placeholders.contains(id),
						List.copyOf(this.parents.get(id)), derivatives)));
			}
		}
		return reads;
	}

	/** The summary statement's figures, counted from the graph as written. */
	private Summary count(List<String> roots, int depthLimit) {
		Map<String, Integer> depths = depths(roots, depthLimit);
		Set<String> withDerivatives = new HashSet<>();
		this.parents.values().forEach(ps -> ps.forEach(p -> withDerivatives.add(p.id())));
		int total = 0;
		int reached = 0;
		int leaves = 0;
		int external = 0;
		int members = 0;
		Map<Integer, Integer> byDepth = new java.util.TreeMap<>();
		Map<String, Integer> byRelation = new HashMap<>();
		for (var entry : depths.entrySet()) {
			String id = entry.getKey();
			if (roots.contains(id)) {
				continue;
			}
			members++;
			reached = Math.max(reached, entry.getValue());
			boolean outside = false;
			for (FamilyImage.Parent p : this.parents.get(id)) {
				if (depths.containsKey(p.id())) {
					byRelation.merge(p.relation() == null ? "UNKNOWN" : p.relation(), 1, Integer::sum);
				}
				else {
					outside = true;
				}
			}
			if (!this.placeholders.contains(id)) {
				total++;
				byDepth.merge(entry.getValue(), 1, Integer::sum);
				leaves += withDerivatives.contains(id) ? 0 : 1;
				external += outside ? 1 : 0;
			}
		}
		List<DepthCount> depthCounts = new ArrayList<>();
		byDepth.forEach((d, n) -> depthCounts.add(new DepthCount(d, n)));
		List<RelationCount> relationCounts = new ArrayList<>();
		byRelation.forEach((relation, n) -> relationCounts.add(new RelationCount(relation, n)));
		relationCounts.sort(java.util.Comparator.comparingInt(RelationCount::count)
			.reversed()
			.thenComparing(RelationCount::relation));
		return new Summary(total, reached, leaves, external, depthCounts, relationCounts, members);
	}

}
