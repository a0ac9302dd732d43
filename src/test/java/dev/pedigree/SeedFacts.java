package dev.pedigree;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The seeded graph as its sources state it, read independently of the importers: the Hub
 * nodes and edges and the Epoch AI rows of testdata/ (seed-data/ holds extracts of the
 * same files) and the curated files the seed ships (seed-data/organizations.csv,
 * revenues.csv, model-links.csv, model-identities.csv, licenses.csv). Only the documented
 * mapping rules are applied: a developer name resolves through organisation ids, names
 * and aliases (case, spaces, hyphens and underscores ignored) or becomes an organisation
 * of its own; an Epoch row's developer is its first organisation; an Epoch row whose name
 * is a model link's Epoch name is that Hub model; an Epoch base model is a FINETUNE
 * parent (an unknown one a placeholder {@code epoch/<slug>}).
 */
public final class SeedFacts {

	public record Organization(String id, String name, List<String> aliases, Double annualRevenueUsd,
			String revenueSource) {
	}

	public record Model(String id, String developerId, Set<String> aliases, String license, Double downloads,
			Double trainingComputeFlop, boolean placeholder) {
	}

	public record Derivation(String parent, String child, String relation, String source) {
	}

	private static SeedFacts loaded;

	private final Map<String, Organization> organizations = new LinkedHashMap<>();

	private final Map<String, String> organizationByAlias = new HashMap<>();

	private final Map<String, Model> models = new LinkedHashMap<>();

	private final List<Derivation> derivations = new ArrayList<>();

	private final Map<String, List<Derivation>> parents = new HashMap<>();

	private final Map<String, List<Derivation>> children = new HashMap<>();

	/**
	 * seed-data/licenses.csv: licence id → rank (permissive 3 … non-commercial 0), use
	 * restrictions.
	 */
	private final Map<String, CSVRecord> licences = new HashMap<>();

	public static synchronized SeedFacts load() {
		if (loaded == null) {
			loaded = new SeedFacts();
		}
		return loaded;
	}

	private SeedFacts() {
		// An organisation shows its latest sourced revenue (seed-data/revenues.csv).
		Map<String, CSVRecord> revenue = new HashMap<>();
		for (var r : csv(Path.of("seed-data/revenues.csv"))) {
			revenue.merge(r.get("organization_id"), r,
					(a, b) -> a.get("period_end").compareTo(b.get("period_end")) >= 0 ? a : b);
		}
		for (var r : csv(Path.of("seed-data/organizations.csv"))) {
			List<String> aliases = r.get("aliases").isBlank() ? List.of() : List.of(r.get("aliases").split("\\|"));
			CSVRecord latest = revenue.get(r.get("id"));
			var organization = new Organization(r.get("id"), r.get("name"), aliases,
					latest == null ? null : Double.valueOf(latest.get("revenue_usd")),
					latest == null ? null : latest.get("source"));
			this.organizations.put(organization.id(), organization);
			this.organizationByAlias.putIfAbsent(aliasKey(organization.id()), organization.id());
			this.organizationByAlias.putIfAbsent(aliasKey(organization.name()), organization.id());
			aliases.forEach(a -> this.organizationByAlias.putIfAbsent(aliasKey(a), organization.id()));
		}
		for (var r : csv(Path.of("seed-data/licenses.csv"))) {
			this.licences.put(r.get("id"), r);
		}
		Map<String, String> modelByName = new HashMap<>();
		Map<String, Set<String>> aliases = new HashMap<>();
		for (var r : csv(Path.of("seed-data/model-links.csv"))) {
			modelByName.putIfAbsent(aliasKey(r.get("epoch_name")), r.get("hub_id"));
			aliases.computeIfAbsent(r.get("hub_id"), k -> new LinkedHashSet<>()).add(r.get("epoch_name"));
		}
		Map<String, Double> compute = new HashMap<>();
		Map<String, String> developers = new LinkedHashMap<>();
		// Curated identities of models Epoch AI names as a base without a row of their
		// own.
		for (var r : csv(Path.of("seed-data/model-identities.csv"))) {
			modelByName.putIfAbsent(aliasKey(r.get("name")), r.get("model_id"));
			aliases.computeIfAbsent(r.get("model_id"), k -> new LinkedHashSet<>()).add(r.get("name"));
			developers.put(r.get("model_id"), r.get("developer"));
		}
		for (var r : csv(TestData.root().resolve("huggingface/nodes.csv"))) {
			developers.put(r.get("model_id"), resolveOrganization(r.get("author")));
		}
		for (var r : csv(TestData.root().resolve("huggingface/edges.csv"))) {
			addDerivation(new Derivation(r.get("parent_id"), r.get("child_id"),
					r.get("relation").toUpperCase(Locale.ROOT), "hf:" + r.get("sources")));
		}
		record EpochRow(String id, String bases) {
		}
		List<EpochRow> epochRows = new ArrayList<>();
		Set<String> seenNames = new java.util.HashSet<>();
		for (var r : csv(TestData.root().resolve("epoch-ai/notable_ai_models.csv"))) {
			String name = blankToNull(r.get("Model"));
			if (name == null || !seenNames.add(aliasKey(name))) {
				continue;
			}
			Double flop;
			try {
				flop = blankToNull(r.get("Training compute (FLOP)")) == null ? null
						: Double.valueOf(r.get("Training compute (FLOP)"));
			}
			catch (NumberFormatException ex) {
				continue; // the importer rejects the row
			}
			String developer = null;
			for (String organization : r.get("Organization").split(",")) {
				if (!organization.isBlank()) {
					String id = resolveOrganization(organization.strip());
					developer = developer == null ? id : developer;
				}
			}
			String id = modelByName.get(aliasKey(name));
			if (id == null) {
				id = (developer == null ? "unknown" : developer) + "/" + slug(name);
				modelByName.put(aliasKey(name), id);
			}
			developers.putIfAbsent(id, developer);
			aliases.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(name);
			if (flop != null) {
				compute.put(id, flop);
			}
			epochRows.add(new EpochRow(id, r.get("Base model")));
		}
		Set<String> placeholders = new java.util.HashSet<>();
		for (EpochRow row : epochRows) {
			if (row.bases() == null || row.bases().isBlank()) {
				continue;
			}
			Set<String> bases = new LinkedHashSet<>();
			for (String base : row.bases().split(",")) {
				if (!base.isBlank()) {
					String parent = modelByName.get(aliasKey(base.strip()));
					if (parent == null) {
						parent = "epoch/" + slug(base);
						modelByName.put(aliasKey(base.strip()), parent);
						placeholders.add(parent);
					}
					bases.add(parent);
				}
			}
			bases.forEach(parent -> addDerivation(new Derivation(parent, row.id(), "FINETUNE", "epoch")));
		}
		Map<String, CSVRecord> hub = new HashMap<>();
		for (var r : csv(TestData.root().resolve("huggingface/nodes.csv"))) {
			hub.put(r.get("model_id"), r);
		}
		Set<String> ids = new LinkedHashSet<>(developers.keySet());
		ids.addAll(placeholders);
		for (String id : ids) {
			CSVRecord row = hub.get(id);
			this.models.put(id,
					new Model(id, developers.get(id), aliases.getOrDefault(id, Set.of()),
							row == null ? null : blankToNull(row.get("license")),
							row == null || row.get("downloads").isBlank() ? null : Double.valueOf(row.get("downloads")),
							compute.get(id), placeholders.contains(id)));
		}
	}

	public Model model(String id) {
		Model model = this.models.get(id);
		if (model == null) {
			throw new IllegalArgumentException("no model " + id + " in the seed's sources");
		}
		return model;
	}

	public java.util.Collection<Model> models() {
		return this.models.values();
	}

	public Organization organization(String id) {
		return this.organizations.get(id);
	}

	/** The developer's name: the curated one, else the name it was first given. */
	public String developerName(String modelId) {
		String id = model(modelId).developerId();
		return id == null ? null : this.organizations.get(id).name();
	}

	public List<Derivation> derivations() {
		return this.derivations;
	}

	public List<Derivation> parents(String child) {
		return this.parents.getOrDefault(child, List.of());
	}

	public List<Derivation> children(String parent) {
		return this.children.getOrDefault(parent, List.of());
	}

	/**
	 * Every model reachable downwards within {@code maxDepth}, at its smallest depth, in
	 * page order (depth, then id).
	 */
	public Map<String, Integer> descendants(String root, int maxDepth) {
		return reach(root, maxDepth, true);
	}

	public Map<String, Integer> ancestors(String id, int maxDepth) {
		return reach(id, maxDepth, false);
	}

	private Map<String, Integer> reach(String start, int maxDepth, boolean down) {
		Map<String, Integer> depth = new HashMap<>();
		var queue = new ArrayDeque<String>();
		depth.put(start, 0);
		queue.add(start);
		while (!queue.isEmpty()) {
			String node = queue.poll();
			if (depth.get(node) >= maxDepth) {
				continue;
			}
			for (Derivation d : down ? children(node) : parents(node)) {
				String next = down ? d.child() : d.parent();
				if (!depth.containsKey(next)) {
					depth.put(next, depth.get(node) + 1);
					queue.add(next);
				}
			}
		}
		depth.remove(start);
		Map<String, Integer> ordered = new LinkedHashMap<>();
		depth.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.forEach(e -> ordered.put(e.getKey(), e.getValue()));
		return ordered;
	}

	/**
	 * Organisation ids by the number of {@code members} they developed, largest first,
	 * ties by id; members without a developer under {@code UNKNOWN}.
	 */
	public List<Map.Entry<String, Long>> byDeveloper(java.util.Collection<String> members) {
		Map<String, Long> counts = new HashMap<>();
		members.stream()
			.map(this::model)
			.filter(m -> !m.placeholder())
			.forEach(m -> counts.merge(m.developerId() == null ? "UNKNOWN" : m.developerId(), 1L, Long::sum));
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.toList();
	}

	/**
	 * README: licence drift classifies each derivation through seed-data/licenses.csv
	 * (permissive > copyleft > restricted-use > non-commercial): UNKNOWN when either
	 * licence is not in the catalogue, else SAME, MORE_PERMISSIVE or MORE_RESTRICTIVE by
	 * rank.
	 */
	public String licenceDrift(Derivation derivation) {
		CSVRecord child = this.licences.get(model(derivation.child()).license());
		CSVRecord parent = this.licences.get(model(derivation.parent()).license());
		if (child == null || parent == null) {
			return "UNKNOWN";
		}
		int c = Integer.parseInt(child.get("rank"));
		int p = Integer.parseInt(parent.get("rank"));
		return c == p ? "SAME" : c > p ? "MORE_PERMISSIVE" : "MORE_RESTRICTIVE";
	}

	/** Whether seed-data/licenses.csv classifies the licence id (never null). */
	public boolean catalogued(String licence) {
		return licence != null && this.licences.containsKey(licence);
	}

	/**
	 * README: "flags a more permissive child of a parent whose licence restricts use".
	 */
	public boolean licenceDriftFlagged(Derivation derivation) {
		return licenceDrift(derivation).equals("MORE_PERMISSIVE") && Boolean
			.parseBoolean(this.licences.get(model(derivation.parent()).license()).get("use_restrictions"));
	}

	/**
	 * Derivations whose child is in {@code members} and whose parent is too or is the
	 * root.
	 */
	public List<Derivation> inside(String root, java.util.Collection<String> members) {
		Set<String> family = new java.util.HashSet<>(members);
		family.add(root);
		return this.derivations.stream()
			.filter(d -> members.contains(d.child()) && family.contains(d.parent()))
			.toList();
	}

	private void addDerivation(Derivation derivation) {
		this.derivations.add(derivation);
		this.parents.computeIfAbsent(derivation.child(), k -> new ArrayList<>()).add(derivation);
		this.children.computeIfAbsent(derivation.parent(), k -> new ArrayList<>()).add(derivation);
	}

	private String resolveOrganization(String name) {
		String id = this.organizationByAlias.get(aliasKey(name));
		if (id == null) {
			id = slug(name);
			this.organizationByAlias.put(aliasKey(name), id);
			this.organizations.putIfAbsent(id, new Organization(id, name.strip(), List.of(name.strip()), null, null));
		}
		return id;
	}

	static String aliasKey(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
	}

	static String slug(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		return slug.isEmpty() ? "unnamed" : slug;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static List<CSVRecord> csv(Path file) {
		try (Reader reader = Files.newBufferedReader(file)) {
			return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
