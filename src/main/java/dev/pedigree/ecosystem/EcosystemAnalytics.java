package dev.pedigree.ecosystem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;

import dev.pedigree.common.Limits;
import dev.pedigree.common.NotFoundException;
import dev.pedigree.common.InvalidInputException;
import dev.pedigree.lineage.Derivation;
import dev.pedigree.lineage.DerivationSource;
import dev.pedigree.lineage.FamilyAnswers;
import dev.pedigree.lineage.LineageQueries;
import dev.pedigree.lineage.ModelView;
import dev.pedigree.lineage.PointInTime;
import dev.pedigree.lineage.OrganizationView;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;

/** Family statistics, licence drift and safety reach of a root's downstream ecosystem. */
@Service
public class EcosystemAnalytics {

	private final Graph graph;

	private final CypherQueries cypher;

	private final Limits limits;

	private final LineageQueries lineage;

	private final FamilyAnswers kept;

	/** The question a summary answers: one per roots, depth, sources and date. */
	private record SummaryKey(List<String> rootIds, int maxDepth, List<String> sources, PointInTime at) {
	}

	EcosystemAnalytics(Graph graph, CypherQueries cypher, Limits limits, LineageQueries lineage, FamilyAnswers kept) {
		this.graph = graph;
		this.cypher = cypher;
		this.limits = limits;
		this.lineage = lineage;
		this.kept = kept;
	}

	/**
	 * @param byDepth non-placeholder descendants per depth, from the same traversal
	 * @param byRelation derivations inside the family by relation, from the same
	 * traversal
	 * @param members the family's members, placeholders included (what the traversal
	 * walked)
	 */
	public record Summary(int totalDescendants, int maxDepth, int leaves, int externalMerges, List<DepthCount> byDepth,
			List<RelationCount> byRelation, int members) {
	}

	/** Derivation edges of one relation ({@code UNKNOWN} when the edge has none). */
	public record RelationCount(String relation, int count) {
	}

	/** Members at one depth (1 = direct derivatives). */
	public record DepthCount(int depth, int count) {
	}

	/** Members whose primary developer is this organisation ({@code UNKNOWN} = none). */
	/** Members one organisation developed: its id ({@code UNKNOWN} = none) and name. */
	public record OrganizationCount(String organization, String name, int count) {
	}

	/** Members created in one month (YYYY-MM; {@code UNKNOWN} = undated). */
	public record MonthCount(String month, int count) {
	}

	/** Derivations of one licence drift kind. */
	public record DriftCount(String kind, int count) {
	}

	public record Ranked(ModelView model, double value) {
	}

	public record Drift(Derivation derivation, String drift, boolean flagged, String parentLicense,
			String childLicense) {
	}

	/**
	 * The family's licence changes; {@code report} and {@code first} stay for what a
	 * client asks of them only when selected ({@link #licenseGaps}).
	 */
	public record LicenseDrift(List<DriftCount> byKind, List<Drift> flagged, int flaggedCount, EcosystemReport report,
			Integer first) {
	}

	/**
	 * A licence id the catalogue does not hold (null: no licence recorded) and the
	 * derivations it leaves UNKNOWN.
	 */
	public record UnclassifiedLicense(String license, int derivations) {
	}

	/** What leaves derivations UNKNOWN, and how many licences the catalogue holds. */
	public record LicenseGaps(List<UnclassifiedLicense> unclassified, int catalogueSize) {
	}

	public record Safety(int removedOrDegraded, double downloads, double totalDownloads, double shareOfDownloads) {
	}

	public record FoundationStat(ModelView model, int descendants, double downloads) {
	}

	public record OrganizationStat(OrganizationView organization, int models, double downloads, int derivatives) {
	}

	public record OrganizationRole(int foundations, int derivedFromOthers, int derivedFromOwn) {
	}

	public EcosystemReport report(String rootId, Integer maxDepth, List<DerivationSource> sources) {
		return report(rootId, maxDepth, sources, PointInTime.NOW);
	}

	/**
	 * The report of {@code rootId} as the graph stood at {@code at}; a root released
	 * after that date (or undated, when undated models are left out) did not exist then:
	 * NOT_FOUND.
	 */
	public EcosystemReport report(String rootId, Integer maxDepth, List<DerivationSource> sources, PointInTime at) {
		var root = this.lineage.model(rootId);
		if (root == null) {
			throw new NotFoundException("rootId", "No model with id '" + rootId + "'");
		}
		at.requireExists(root);
		return report(List.of(root.id()), maxDepth, sources, at);
	}

	/**
	 * One report over several roots (e.g. a base model and its chat model, separate trees
	 * on the Hub): a model reached from more than one counts once.
	 */
	public EcosystemReport familyReport(List<String> rootIds, Integer maxDepth, List<DerivationSource> sources,
			PointInTime at) {
		List<String> roots = rootIds.stream().distinct().toList();
		if (roots.isEmpty()) {
			throw new InvalidInputException("rootIds", "rootIds must name at least one model");
		}
		var known = this.lineage.models(roots);
		var unknown = roots.stream().filter(id -> !known.containsKey(id)).toList();
		if (!unknown.isEmpty()) {
			throw new NotFoundException("rootIds", "No model with id "
					+ unknown.stream().map(id -> "'" + id + "'").collect(java.util.stream.Collectors.joining(", ")));
		}
		known.values().forEach(at::requireExists);
		return report(roots, maxDepth, sources, at);
	}

	/** The report of a root known to exist (a foundation just read from the graph). */
	public EcosystemReport report(List<String> rootIds, Integer maxDepth, List<DerivationSource> sources,
			PointInTime at) {
		int depth = this.limits.depth(maxDepth).value();
		List<String> prefixes = DerivationSource.derivationPrefixes(sources);
		return new EcosystemReport(rootIds, depth, prefixes, at,
				once(() -> summary(new EcosystemReport(rootIds, depth, prefixes, at, null))));
	}

	/**
	 * {@code compute} run at most once: its value, or the failure it threw, answers every
	 * later call (the summary fields of one request share one statement, also when it
	 * fails, e.g. past its time budget).
	 */
	static <T> java.util.function.Supplier<T> once(java.util.function.Supplier<T> compute) {
		return new java.util.function.Supplier<>() {

			private T value;

			private RuntimeException failure;

			private boolean done;

			@Override
			public synchronized T get() {
				if (!this.done) {
					try {
						this.value = compute.get();
					}
					catch (RuntimeException ex) {
						this.failure = ex;
					}
					this.done = true;
				}
				if (this.failure != null) {
					throw this.failure;
				}
				return this.value;
			}

		};
	}

	/**
	 * What a report describes: its date, whether undated models counted, and how many
	 * undated models its family holds with them counted in (the ones it included, or left
	 * out).
	 *
	 * @param asOf the date, null for now
	 * @param includeUndated whether undated models counted as present
	 * @param undatedModels undated members of the family (within the report's depth and
	 * sources, through models released by the date or undated); 0 for now
	 */
	public record ReportPointInTime(java.time.LocalDate asOf, boolean includeUndated, int undatedModels) {
	}

	public ReportPointInTime pointInTime(EcosystemReport report) {
		if (report.at().now()) {
			return new ReportPointInTime(null, true, 0);
		}
		Map<String, Object> params = new HashMap<>(new PointInTime(report.at().asOf(), true).parameters());
		params.put("ids", report.rootIds());
		params.put("sources", report.sources());
		String text = this.cypher.get("ecosystem/undated").replace("{{maxDepth}}", Integer.toString(report.maxDepth()));
		int undated = this.graph.read(text, params, r -> r.get("undated").asInt()).stream().findFirst().orElse(0);
		return new ReportPointInTime(report.at().asOf(), report.at().includeUndated(), undated);
	}

	/**
	 * The summary of a report: kept for a family of at least
	 * {@value FamilyAnswers#KEPT_FROM} members (lineage's rules, {@link FamilyAnswers}).
	 * Of every source, now: counted from the family's image (one statement reads the
	 * family's models and derivations), which a write inside the family updates from the
	 * models it linked or described ({@link FamilyImage}); with sources or a date:
	 * counted by the summary statement, and counted again after a write inside.
	 */
	private Summary summary(EcosystemReport report) {
		var key = new SummaryKey(report.rootIds(), report.maxDepth(), report.sources(), report.at());
		if (report.sources() != null || !report.at().now()) {
			return this.kept.get(key, report.rootIds(), () -> compute(report),
					summary -> summary.members() >= FamilyAnswers.KEPT_FROM);
		}
		// Every source, now: counted from the family's image, which a write inside the
		// family updates from the models it touched.
		return this.kept
			.get(key, report.rootIds(), () -> image(report),
					image -> image.summary().members() >= FamilyAnswers.KEPT_FROM,
					(image, scopes) -> image.after(scopes, this::models))
			.summary();
	}

	/** The family of a report of every source, now, read whole. */
	private FamilyImage image(EcosystemReport report) {
		String text = this.cypher.get("ecosystem/family-image")
			.replace("{{maxDepth}}", Integer.toString(report.maxDepth()));
		return FamilyImage.read(report.rootIds(), report.maxDepth(),
				this.graph.read(text, Map.of("ids", report.rootIds()),
						r -> new FamilyImage.Read(r.get("id").asString(), member(r)), this.kept.budget()));
	}

	/** Models a write touched, as they are now (those that exist). */
	private List<FamilyImage.Read> models(java.util.Collection<String> ids) {
		return this.graph.read(this.cypher.get("ecosystem/family-image-models"), Map.of("ids", List.copyOf(ids)),
				r -> new FamilyImage.Read(r.get("id").asString(), member(r)));
	}

	private static FamilyImage.Member member(Record r) {
		return new FamilyImage.Member(r.get("placeholder").asBoolean(), r.get("parents")
			.asList(p -> new FamilyImage.Parent(p.get(0).asString(), p.get(1).isNull() ? null : p.get(1).asString())),
				r.get("derivatives").asLong());
	}

	/**
	 * byRelation's order: largest first, ties by relation, the unrecorded relation (null)
	 * last, then named {@code UNKNOWN}.
	 */
	static List<RelationCount> ordered(List<RelationCount> counts) {
		return counts.stream()
			.sorted(java.util.Comparator.comparingInt(RelationCount::count)
				.reversed()
				.thenComparing(RelationCount::relation, java.util.Comparator.nullsLast(String::compareTo)))
			.map(c -> c.relation() == null ? new RelationCount("UNKNOWN", c.count()) : c)
			.toList();
	}

	private Summary compute(EcosystemReport report) {
		Map<String, Object> params = new HashMap<>(report.at().parameters());
		params.put("ids", report.rootIds());
		params.put("sources", report.sources());
		// The family's budget, not an interactive read's: a large family's summary is
		// kept.
		Record r = this.graph
			.read(this.cypher.get("ecosystem/summary").replace("{{maxDepth}}", Integer.toString(report.maxDepth())),
					params, java.util.function.Function.identity(), this.kept.budget())
			.get(0);
		List<DepthCount> byDepth = r.get("byDepth")
			.asList(v -> new DepthCount(v.get("depth").asInt(), v.get("count").asInt()))
			.stream()
			.sorted(java.util.Comparator.comparingInt(DepthCount::depth))
			.toList();
		List<RelationCount> byRelation = ordered(r.get("byRelation")
			.asList(v -> new RelationCount(v.get("relation").isNull() ? null : v.get("relation").asString(),
					v.get("count").asInt())));
		return new Summary(r.get("totalDescendants").asInt(), r.get("maxDepth").asInt(), r.get("leaves").asInt(),
				r.get("externalMerges").asInt(), byDepth, byRelation, r.get("members").asInt());
	}

	public List<RelationCount> byRelation(EcosystemReport report) {
		return report.summary().get().byRelation();
	}

	public List<DepthCount> byDepth(EcosystemReport report) {
		return report.summary().get().byDepth();
	}

	public List<OrganizationCount> byOrganization(EcosystemReport report, Integer first) {
		return read("by-organization", report, Map.of("limit", this.limits.pageSize(first))).stream()
			.map(r -> new OrganizationCount(r.get("organization").asString(),
					r.get("name").isNull() ? null : r.get("name").asString(), r.get("count").asInt()))
			.toList();
	}

	public List<MonthCount> byMonth(EcosystemReport report) {
		return counts("by-month", report, "month", Map.of(), MonthCount::new);
	}

	public List<Ranked> topByDownloads(EcosystemReport report, Integer first) {
		return ranked("top-by-downloads", report, first);
	}

	public List<Ranked> topByChildren(EcosystemReport report, Integer first) {
		return ranked("top-by-children", report, first);
	}

	public LicenseDrift licenseDrift(EcosystemReport report, Integer first) {
		List<DriftCount> byKind = new java.util.ArrayList<>();
		List<Drift> flagged = new java.util.ArrayList<>();
		int flaggedCount = 0;
		for (Record r : read("license-drift", report, Map.of("limit", this.limits.pageSize(first)))) {
			String kind = r.get("drift").asString();
			byKind.add(new DriftCount(kind, r.get("count").asInt()));
			flaggedCount += r.get("flaggedCount").asInt();
			r.get("flagged")
				.asList(v -> v)
				.forEach(f -> flagged.add(new Drift(
						Derivation.from(f.get("via").asRelationship(), f.get("childId").asString(),
								f.get("parentId").asString()),
						kind, true, f.get("parentLicense").isNull() ? null : f.get("parentLicense").asString(),
						f.get("childLicense").isNull() ? null : f.get("childLicense").asString())));
		}
		flagged.sort(java.util.Comparator.comparing(d -> d.derivation().childId()));
		return new LicenseDrift(byKind, flagged.stream().limit(this.limits.pageSize(first)).toList(), flaggedCount,
				report, first);
	}

	public LicenseGaps licenseGaps(LicenseDrift drift) {
		Record r = read("license-gaps", drift.report(), Map.of("limit", this.limits.pageSize(drift.first()))).get(0);
		return new LicenseGaps(r.get("unclassified")
			.asList(v -> new UnclassifiedLicense(v.get("license").isNull() ? null : v.get("license").asString(),
					v.get("derivations").asInt())),
				r.get("catalogueSize").asInt());
	}

	public Safety safety(EcosystemReport report) {
		Record r = read("safety", report, Map.of()).get(0);
		double unsafe = r.get("unsafeDownloads").asDouble();
		double total = r.get("totalDownloads").asDouble();
		return new Safety(r.get("removedOrDegraded").asInt(), unsafe, total, total == 0 ? 0 : unsafe / total);
	}

	public List<FoundationStat> topFoundations(Integer first, String orderBy, PointInTime at) {
		Map<String, Object> params = new HashMap<>(at.parameters());
		params.put("limit", this.limits.pageSize(first));
		params.put("orderBy", orderBy == null ? "DESCENDANTS" : orderBy);
		return this.graph.read(this.cypher.get("ecosystem/top-foundations"), params,
				r -> new FoundationStat(ModelView.from(r.get("model").asNode()), r.get("descendants").asInt(),
						r.get("downloads").asDouble()));
	}

	/** The role of each organisation, by id, in one query. */
	public Map<String, OrganizationRole> roles(java.util.Collection<String> organizationIds) {
		Map<String, OrganizationRole> byId = new HashMap<>();
		this.graph.read(this.cypher.get("ecosystem/organization-role"), Map.of("ids", List.copyOf(organizationIds)))
			.forEach(r -> byId.put(r.get("id").asString(), new OrganizationRole(r.get("foundations").asInt(),
					r.get("derivedFromOthers").asInt(), r.get("derivedFromOwn").asInt())));
		return byId;
	}

	/**
	 * Organisations across the graph by models developed, their downloads or the
	 * derivatives others built on them; {@code sources} restricts models and derivations
	 * to those sources.
	 */
	public List<OrganizationStat> topOrganizations(Integer first, String orderBy, List<DerivationSource> sources,
			PointInTime at) {
		Map<String, Object> params = new HashMap<>(at.parameters());
		params.put("limit", this.limits.pageSize(first));
		params.put("orderBy", orderBy == null ? "MODELS" : orderBy);
		params.put("sources", DerivationSource.derivationPrefixes(sources));
		params.put("modelSources", DerivationSource.modelSources(sources));
		return this.graph.read(this.cypher.get("ecosystem/top-organizations"), params,
				r -> new OrganizationStat(OrganizationView.from(r.get("organization").asNode()),
						r.get("models").asInt(), r.get("downloads").asDouble(), r.get("derivatives").asInt()));
	}

	/**
	 * Rows of {@code key} and {@code count}; a null key is counted as {@code UNKNOWN}.
	 */
	private <C> List<C> counts(String query, EcosystemReport report, String key, Map<String, Object> extra,
			java.util.function.BiFunction<String, Integer, C> count) {
		return read(query, report, extra).stream()
			.map(r -> count.apply(r.get(key).isNull() ? "UNKNOWN" : r.get(key).asObject().toString(),
					r.get("count").asInt()))
			.toList();
	}

	private List<Ranked> ranked(String query, EcosystemReport report, Integer first) {
		return read(query, report, Map.of("limit", this.limits.pageSize(first))).stream()
			.map(r -> new Ranked(ModelView.from(r.get("model").asNode()), r.get("value").asDouble()))
			.toList();
	}

	private List<Record> read(String query, EcosystemReport report, Map<String, Object> extra) {
		Map<String, Object> params = new HashMap<>(extra);
		params.putAll(report.at().parameters());
		params.put("ids", report.rootIds());
		params.put("sources", report.sources());
		// Quantifier bounds must be literals; maxDepth is a server-clamped integer.
		String text = this.cypher.get("ecosystem/" + query)
			.replace("{{maxDepth}}", Integer.toString(report.maxDepth()));
		return this.graph.read(text, params);
	}

}
