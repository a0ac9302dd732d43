package dev.pedigree.ecosystem;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.pedigree.Curation;
import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;
import dev.pedigree.SeedFacts;
import dev.pedigree.TestData;
import dev.pedigree.lineage.FamilyAnswers;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ecosystem analytics over GraphQL/HTTP, checked against an independent computation from
 * edges.csv.
 */
@PedigreeServerTest
class EcosystemTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "google/gemma-7b", "meta-llama/Llama-2-7b-chat-hf" })
	void family_numbers_match_what_edges_csv_implies(String root) {
		var edges = TestData.huggingFaceEdges();
		Map<String, Integer> members = TestData.reachable(edges, root, true);
		Set<String> family = new java.util.HashSet<>(members.keySet());
		family.add(root);
		Map<String, Integer> byRelation = new TreeMap<>();
		Set<String> withChildren = new java.util.HashSet<>();
		Set<String> external = new java.util.HashSet<>();
		for (var e : edges) {
			withChildren.add(e.parent());
			if (members.containsKey(e.child())) {
				if (family.contains(e.parent())) {
					byRelation.merge(e.relation().toUpperCase(Locale.ROOT), 1, Integer::sum);
				}
				else {
					external.add(e.child());
				}
			}
		}
		Map<Integer, Long> byDepth = members.values()
			.stream()
			.collect(Collectors.groupingBy(d -> d, TreeMap::new, Collectors.counting()));
		var dates = TestData.huggingFaceCreationDates();
		// Undated members are counted in an explicit UNKNOWN month: left out, they made
		// gemma-7b's growth curve cover 348 of its 3,564 members without saying so.
		Map<String, Long> byMonth = members.keySet()
			.stream()
			.collect(Collectors.groupingBy(id -> dates.containsKey(id) ? dates.get(id).substring(0, 7) : "UNKNOWN",
					TreeMap::new, Collectors.counting()));

		var report = GraphQlClient.anonymous(this.port)
			.documentName("ecosystem")
			.variable("id", root)
			.execute()
			.path("ecosystem")
			.entity(Map.class)
			.get();

		assertThat(report.get("totalDescendants")).isEqualTo(members.size());
		assertThat(report.get("maxDepth")).isEqualTo(members.values().stream().max(Integer::compare).orElse(0));
		assertThat(report.get("leaves"))
			.isEqualTo((int) members.keySet().stream().filter(id -> !withChildren.contains(id)).count());
		assertThat(report.get("externalMerges")).isEqualTo(external.size());
		assertThat(toMap((List<Map<String, Object>>) report.get("byRelation"), "relation")).isEqualTo(byRelation);
		assertThat(toMap((List<Map<String, Object>>) report.get("byDepth"), "depth")).isEqualTo(byDepth.entrySet()
			.stream()
			.collect(Collectors.toMap(e -> e.getKey().toString(), e -> e.getValue().intValue(), (a, b) -> a,
					TreeMap::new)));
		assertThat(toMap((List<Map<String, Object>>) report.get("byMonth"), "month")).isEqualTo(byMonth.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().intValue(), (a, b) -> a, TreeMap::new)));
		var months = ((List<Map<String, Object>>) report.get("byMonth")).stream()
			.map(m -> (String) m.get("month"))
			.toList();
		assertThat(months.get(months.size() - 1)).as("the undated bucket comes after the months").isEqualTo("UNKNOWN");
		assertThat(months.subList(0, months.size() - 1)).isSorted();
		// Hub authors map one-to-one onto organisations here (none of these authors is an
		// alias of another).
		Map<String, Long> byAuthor = members.keySet()
			.stream()
			.collect(Collectors.groupingBy(id -> id.substring(0, id.indexOf('/')), Collectors.counting()));
		List<Long> expectedTop = byAuthor.values()
			.stream()
			.sorted(java.util.Comparator.reverseOrder())
			.limit(500)
			.toList();
		List<Long> actualTop = ((List<Map<String, Object>>) report.get("byOrganization")).stream()
			.map(o -> ((Integer) o.get("count")).longValue())
			.toList();
		assertThat(actualTop).isEqualTo(expectedTop);
		Map<String, Integer> childrenCount = new HashMap<>();
		edges.forEach(e -> {
			if (members.containsKey(e.parent()))
				childrenCount.merge(e.parent(), 1, Integer::sum);
		});
		int mostChildren = childrenCount.values().stream().max(Integer::compare).orElse(0);
		var hubs = (List<Map<String, Object>>) report.get("topByChildren");
		if (mostChildren > 0) {
			assertThat(((Number) hubs.get(0).get("value")).intValue()).isEqualTo(mostChildren);
		}
		// Organisations by name, hubs and most downloaded members by id, safety reach, as
		// the sources say.
		var seed = SeedFacts.load();
		assertThat((List<Map<String, Object>>) report.get("byOrganization"))
			.extracting(o -> o.get("organization"), o -> ((Integer) o.get("count")).longValue())
			.containsExactlyElementsOf(seed.byDeveloper(members.keySet())
				.stream()
				.limit(500)
				.map(e -> org.assertj.core.groups.Tuple.tuple(e.getKey(), e.getValue()))
				.toList());
		assertThat(hubs)
			.extracting(h -> (String) ((Map<?, ?>) h.get("model")).get("id"), h -> ((Number) h.get("value")).intValue())
			.containsExactlyElementsOf(childrenCount.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue(java.util.Comparator.reverseOrder())
					.thenComparing(Map.Entry.comparingByKey()))
				.limit(3)
				.map(e -> org.assertj.core.groups.Tuple.tuple(e.getKey(), e.getValue()))
				.toList());
		java.util.function.ToDoubleFunction<String> downloads = id -> seed.model(id).downloads() == null ? 0
				: seed.model(id).downloads();
		assertThat((List<Map<String, Object>>) report.get("topByDownloads"))
			.extracting(h -> (String) ((Map<?, ?>) h.get("model")).get("id"),
					h -> ((Number) h.get("value")).doubleValue())
			.containsExactlyElementsOf(members.keySet()
				.stream()
				.sorted(java.util.Comparator.comparingDouble(downloads).reversed().thenComparing(id -> id))
				.limit(3)
				.map(id -> org.assertj.core.groups.Tuple.tuple(id, downloads.applyAsDouble(id)))
				.toList());
		// README: safety removal by name signals on Hub ids ("abliterated", "uncensored",
		// "refusal-attack", "jailbreak"); these families hold no tag or training-set
		// signal.
		var removal = java.util.regex.Pattern.compile("abliterat|uncensor|refusal[-_ ]?attack|jailbr(?:ea|o)k",
				java.util.regex.Pattern.CASE_INSENSITIVE);
		List<String> unsafe = members.keySet()
			.stream()
			.filter(id -> removal.matcher(id).find()
					&& seed.parents(id).stream().anyMatch(d -> !removal.matcher(d.parent()).find()))
			.toList();
		var safety = (Map<String, Object>) report.get("safety");
		assertThat(safety.get("removedOrDegraded")).isEqualTo(unsafe.size());
		assertThat(((Number) safety.get("downloads")).doubleValue())
			.isEqualTo(unsafe.stream().mapToDouble(downloads).sum());
		assertThat(((Number) safety.get("totalDownloads")).doubleValue())
			.isEqualTo(members.keySet().stream().mapToDouble(downloads).sum());
	}

	/**
	 * A large family's summary is kept between requests (FamilyAnswers.KEPT_FROM), and a
	 * write inside the family drops it: the next report counts the new member and its
	 * derivation.
	 */
	@Test
	void a_kept_report_of_a_large_family_is_dropped_by_a_write_inside_it() {
		String prefix = "test/eco-kept-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		String base = prefix + "-base";
		int size = FamilyAnswers.KEPT_FROM + 10;
		StringBuilder edges = new StringBuilder("parent_id,child_id,relation\n");
		StringBuilder nodes = new StringBuilder("model_id\n" + base + "\n");
		for (int i = 0; i < size; i++) {
			edges.append(base).append(',').append(prefix).append("-ft-").append(i).append(",finetune\n");
			nodes.append(prefix).append("-ft-").append(i).append('\n');
		}
		importRecords("HF_EDGES", edges.toString());
		importRecords("HF_NODES", nodes.toString());
		String query = "query($id: ID!) { ecosystem(rootId: $id) { totalDescendants maxDepth leaves "
				+ "byRelation { relation count } byDepth { depth count } } }";
		Map<String, Object> before = Map.of("totalDescendants", size, "maxDepth", 1, "leaves", size, "byRelation",
				List.of(Map.of("relation", "FINETUNE", "count", size)), "byDepth",
				List.of(Map.of("depth", 1, "count", size)));
		for (int i = 0; i < 2; i++) {
			GraphQlClient.anonymous(this.port)
				.document(query)
				.variable("id", base)
				.execute()
				.path("ecosystem")
				.entity(Map.class)
				.isEqualTo(before);
		}

		importRecords("HF_EDGES",
				"parent_id,child_id,relation\n" + prefix + "-ft-0," + prefix + "-ft-0-gguf,quantized\n");
		importRecords("HF_NODES", "model_id\n" + prefix + "-ft-0-gguf\n");

		GraphQlClient.anonymous(this.port)
			.document(query)
			.variable("id", base)
			.execute()
			.path("ecosystem")
			.entity(Map.class)
			.isEqualTo(Map.of("totalDescendants", size + 1, "maxDepth", 2, "leaves", size, "byRelation",
					List.of(Map.of("relation", "FINETUNE", "count", size), Map.of("relation", "QUANTIZED", "count", 1)),
					"byDepth", List.of(Map.of("depth", 1, "count", size), Map.of("depth", 2, "count", 1))));
	}

	private void importRecords(String format, String content) {
		Curation.importRecords(this.port, format, content);
	}

	@Test
	void licence_drift_flags_permissive_children_of_restricting_parents() {
		var drift = (Map<String, Object>) GraphQlClient.anonymous(this.port)
			.documentName("ecosystem")
			.variable("id", "meta-llama/Llama-2-7b-chat-hf")
			.execute()
			.path("ecosystem.licenseDrift")
			.entity(Map.class)
			.get();
		var flagged = (List<Map<String, Object>>) drift.get("flagged");
		assertThat(flagged).isNotEmpty().allSatisfy(f -> {
			assertThat(f.get("drift")).isEqualTo("MORE_PERMISSIVE");
			assertThat(f.get("parentLicense")).isIn("llama2", "llama3", "llama3.1", "llama3.2", "llama3.3", "gemma",
					"openrail", "creativeml-openrail-m", "cc-by-nc-4.0");
		});
		var edges = TestData.huggingFaceEdges();
		assertThat((Integer) drift.get("flaggedCount")).isPositive();
		// Exactly the derivations seed-data/licenses.csv flags, each with its endpoints'
		// licences.
		var seed = SeedFacts.load();
		var members2 = TestData.reachable(edges, "meta-llama/Llama-2-7b-chat-hf", true);
		var inside = seed.inside("meta-llama/Llama-2-7b-chat-hf", members2.keySet());
		assertThat(drift.get("flaggedCount"))
			.isEqualTo((int) inside.stream().filter(seed::licenceDriftFlagged).count());
		assertThat(flagged).hasSize(5).allSatisfy(f -> {
			var derivation = (Map<String, Map<String, String>>) f.get("derivation");
			var parent = seed.model(derivation.get("parent").get("id"));
			var child = seed.model(derivation.get("child").get("id"));
			assertThat(f.get("parentLicense")).isEqualTo(parent.license());
			assertThat(f.get("childLicense")).isEqualTo(child.license());
		});
		int classified = ((List<Map<String, Object>>) drift.get("byKind")).stream()
			.mapToInt(k -> (Integer) k.get("count"))
			.sum();
		Map<String, Integer> members = TestData.reachable(edges, "meta-llama/Llama-2-7b-chat-hf", true);
		assertThat(classified).isEqualTo((int) edges.stream()
			.filter(e -> members.containsKey(e.child())
					&& (members.containsKey(e.parent()) || e.parent().equals("meta-llama/Llama-2-7b-chat-hf")))
			.count());
	}

	// UNKNOWN said why: each licence id the catalogue lacks (or none recorded) with the
	// derivations it leaves unclassified, recounted from the seed's files.
	@Test
	void licence_drift_says_which_licences_leave_derivations_unknown() {
		String root = "meta-llama/Llama-2-7b-chat-hf";
		var drift = (Map<String, Object>) GraphQlClient.anonymous(this.port)
			.document("query($id: ID!) { ecosystem(rootId: $id) { licenseDrift(first: 500) { byKind { kind count } "
					+ "unknownBecause { catalogueSize unclassified { license derivations } } } } }")
			.variable("id", root)
			.execute()
			.path("ecosystem.licenseDrift")
			.entity(Map.class)
			.get();
		var seed = SeedFacts.load();
		var inside = seed.inside(root, TestData.reachable(TestData.huggingFaceEdges(), root, true).keySet());
		Map<String, Integer> expected = new java.util.HashMap<>();
		for (var d : inside) {
			Set<String> gaps = new java.util.HashSet<>();
			for (String licence : java.util.Arrays.asList(seed.model(d.child()).license(),
					seed.model(d.parent()).license())) {
				if (!seed.catalogued(licence)) {
					gaps.add(licence);
				}
			}
			gaps.forEach(g -> expected.merge(g, 1, Integer::sum));
		}
		var because = (Map<String, Object>) drift.get("unknownBecause");
		assertThat((Integer) because.get("catalogueSize")).isPositive();
		Map<String, Integer> actual = new java.util.HashMap<>();
		((List<Map<String, Object>>) because.get("unclassified"))
			.forEach(u -> actual.put((String) u.get("license"), (Integer) u.get("derivations")));
		assertThat(expected).isNotEmpty();
		assertThat(actual).isEqualTo(expected);
		var counts = ((List<Map<String, Object>>) because.get("unclassified")).stream()
			.map(u -> (Integer) u.get("derivations"))
			.toList();
		assertThat(counts).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		int unknown = ((List<Map<String, Object>>) drift.get("byKind")).stream()
			.filter(k -> k.get("kind").equals("UNKNOWN"))
			.mapToInt(k -> (Integer) k.get("count"))
			.sum();
		assertThat(unknown).isEqualTo((int) inside.stream()
			.filter(d -> !seed.catalogued(seed.model(d.child()).license())
					|| !seed.catalogued(seed.model(d.parent()).license()))
			.count());
		// A model nothing derives from: nothing unclassified, not an error (a reviewer
		// found the walk's empty result failed the field).
		Set<String> parents = TestData.huggingFaceEdges().stream().map(e -> e.parent()).collect(Collectors.toSet());
		String leaf = TestData.huggingFaceEdges()
			.stream()
			.map(e -> e.child())
			.filter(id -> !parents.contains(id))
			.findFirst()
			.orElseThrow();
		assertThat((Map<String, Object>) GraphQlClient.anonymous(this.port)
			.document("query($id: ID!) { ecosystem(rootId: $id) { licenseDrift { unknownBecause { catalogueSize "
					+ "unclassified { license } } } } }")
			.variable("id", leaf)
			.execute()
			.path("ecosystem.licenseDrift.unknownBecause")
			.entity(Map.class)
			.get()).containsEntry("unclassified", List.of())
			.containsEntry("catalogueSize", because.get("catalogueSize"));
	}

	// Every member in one row, one without a developer under UNKNOWN (a reviewer found
	// VGG16's one member missing: byOrganization was empty beside totalDescendants 1).
	@Test
	void members_by_organisation_add_up_to_the_family() {
		for (String root : List.of("university-of-oxford/vgg16", "mistralai/Mistral-Small-24B-Base-2501")) {
			var report = GraphQlClient.anonymous(this.port)
				.document("query($id: ID!) { ecosystem(rootId: $id) { totalDescendants "
						+ "byOrganization(first: 500) { organization name count } } }")
				.variable("id", root)
				.execute()
				.path("ecosystem")
				.entity(Map.class)
				.get();
			var rows = (List<Map<String, Object>>) report.get("byOrganization");
			assertThat(rows.stream().mapToInt(o -> (Integer) o.get("count")).sum()).as(root)
				.isEqualTo(report.get("totalDescendants"));
			// Each organisation by its recorded spelling beside its id.
			var seed = SeedFacts.load();
			assertThat(rows).allSatisfy(o -> {
				if (o.get("organization").equals("UNKNOWN")) {
					assertThat(o.get("name")).isNull();
				}
				else if (seed.organization((String) o.get("organization")) != null) {
					assertThat(o.get("name")).isEqualTo(seed.organization((String) o.get("organization")).name());
				}
				else {
					assertThat(o.get("name")).isNotNull();
				}
			});
		}
	}

	// A family's downloads are its foundation's and its members' (a reviewer found the
	// foundation's own figure ranked alone: Kokoro's 2M downloads left its family out).
	@Test
	void foundations_ranked_by_downloads_count_the_whole_family() {
		List<Map<String, Object>> top = GraphQlClient.anonymous(this.port)
			.document("{ topFoundations(first: 5, orderBy: DOWNLOADS) { model { id downloads } downloads "
					+ "ecosystem(maxDepth: 50) { safety { totalDownloads } } } }")
			.execute()
			.path("topFoundations")
			.entityList(Map.class)
			.get()
			.stream()
			.map(m -> (Map<String, Object>) m)
			.toList();
		assertThat(top).hasSize(5).allSatisfy(f -> {
			Number own = (Number) ((Map<String, Object>) f.get("model")).get("downloads");
			Number members = (Number) ((Map<String, Object>) ((Map<String, Object>) f.get("ecosystem")).get("safety"))
				.get("totalDownloads");
			assertThat(((Number) f.get("downloads")).doubleValue())
				.isEqualTo((own == null ? 0 : own.doubleValue()) + members.doubleValue());
		});
		assertThat(top).extracting(f -> ((Number) f.get("downloads")).doubleValue())
			.isSortedAccordingTo(java.util.Comparator.reverseOrder());
		// No downloads of its own, its child hexgrad/Kokoro-82M about two million.
		assertThat(top).extracting(f -> ((Map<String, Object>) f.get("model")).get("id"))
			.contains("yl4579/StyleTTS2-LJSpeech");
	}

	@Test
	void top_foundations_and_organisation_roles() {
		var response = GraphQlClient.anonymous(this.port)
			.document(
					"{ topFoundations(first: 3) { model { id } descendants } organization(id: \"meta\") { role { foundations derivedFromOthers derivedFromOwn } } }")
			.execute();
		response.path("topFoundations[0].model.id").entity(String.class).isEqualTo("google/gemma-7b");
		response.path("topFoundations[0].descendants")
			.entity(Integer.class)
			.isEqualTo(TestData.reachable(TestData.huggingFaceEdges(), "google/gemma-7b", true).size());
		response.path("organization.role.foundations").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());
		// All three, and Meta's foundations exactly: the sources' and those other tests
		// registered (ids test/…) in this shared server.
		var seed = SeedFacts.load();
		List<String> top = seed.models()
			.stream()
			.filter(m -> seed.parents(m.id()).isEmpty() && !seed.children(m.id()).isEmpty())
			.map(m -> Map.entry(m.id(), seed.descendants(m.id(), 50).size()))
			.sorted(Map.Entry.<String, Integer>comparingByValue(java.util.Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.limit(3)
			.map(e -> e.getKey() + " " + e.getValue())
			.toList();
		assertThat(response.path("topFoundations").entityList(Map.class).get())
			.extracting(f -> ((Map<?, ?>) f.get("model")).get("id") + " " + f.get("descendants"))
			.containsExactlyElementsOf(top);
		// Meta's foundations: the sources' own, plus only models that tests and fixtures
		// registered in this shared server (test/…, Fixture …).
		var counts = GraphQlClient.anonymous(this.port)
			.document("{ organization(id: \"meta\") { role { foundations } } "
					+ "roots: models(filter: {developerId: \"meta\", hasParents: false, includePlaceholders: true}, "
					+ "first: 500) { totalCount edges { node { id name } } } }")
			.execute();
		List<Map> roots = counts.path("roots.edges[*].node").entityList(Map.class).get();
		counts.path("roots.totalCount").entity(Integer.class).isEqualTo(roots.size());
		counts.path("organization.role.foundations").entity(Integer.class).isEqualTo(roots.size());
		Set<String> sourced = seed.models()
			.stream()
			.filter(m -> "meta".equals(m.developerId()) && seed.parents(m.id()).isEmpty())
			.map(SeedFacts.Model::id)
			.collect(Collectors.toSet());
		assertThat(roots).extracting(r -> (String) r.get("id")).containsAll(sourced);
		assertThat(roots).filteredOn(r -> !sourced.contains(r.get("id")))
			.allSatisfy(r -> assertThat((String) r.get("id")).as("not in the sources: a test's own model")
				.matches(id -> id.startsWith("test/") || ((String) r.get("name")).startsWith("Fixture")));
	}

	private static Map<String, Integer> toMap(List<Map<String, Object>> rows, String key) {
		return rows.stream()
			.collect(Collectors.toMap(r -> r.get(key).toString(), r -> (Integer) r.get("count"), (a, b) -> a,
					TreeMap::new));
	}

}
