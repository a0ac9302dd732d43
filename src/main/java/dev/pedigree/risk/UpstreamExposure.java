package dev.pedigree.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.pedigree.common.Limits;
import dev.pedigree.common.NotFoundException;
import dev.pedigree.common.Page;
import dev.pedigree.common.PageRequest;
import dev.pedigree.lineage.Derivation;
import dev.pedigree.lineage.LineageQueries;
import dev.pedigree.lineage.ModelView;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;

/**
 * The policy view of a foundation model: which descendants removed or degraded safety or
 * raised capability, and how widely they are used.
 */
@Service
public class UpstreamExposure {

	private final Graph graph;

	private final CypherQueries cypher;

	private final Limits limits;

	private final LiabilityTracing tracing;

	private final LineageQueries lineage;

	UpstreamExposure(Graph graph, CypherQueries cypher, Limits limits, LiabilityTracing tracing,
			LineageQueries lineage) {
		this.graph = graph;
		this.cypher = cypher;
		this.limits = limits;
		this.tracing = tracing;
		this.lineage = lineage;
	}

	/**
	 * @throws NotFoundException for an unknown foundation, like every report-style root
	 * (an empty page would read as "no exposure")
	 */
	private void requireFoundation(String foundationId) {
		if (this.lineage.model(foundationId) == null) {
			throw new NotFoundException("foundationId", "No model with id '" + foundationId + "'");
		}
	}

	/**
	 * Only the descendants whose own safety-removing or capability-raising derivation no
	 * party holds a duty for ({@code GAP}) or may not ({@code POSSIBLE}), counted
	 * exactly: each candidate is traced, so this costs one ancestry read per exposed
	 * descendant.
	 */
	public Page<ExposureEntry> accountabilityGaps(String foundationId, Integer first, String after, LocalDate asOf) {
		requireFoundation(foundationId);
		List<ExposureEntry> gaps = this.graph
			.read(this.cypher.get("risk/upstream-exposure"),
					Map.of("id", foundationId, "offset", 0L, "limit", Integer.MAX_VALUE), UpstreamExposure::entry)
			.stream()
			.filter(e -> {
				String status = gapStatus(e, asOf);
				return "GAP".equals(status) || "POSSIBLE".equals(status);
			})
			.toList();
		return Page.read(
				PageRequest.of(this.limits, first, after), (offset, limit) -> gaps
					.subList((int) Math.min(offset, gaps.size()), (int) Math.min(offset + limit, gaps.size())),
				gaps::size);
	}

	/** The accountability-gap status of the descendant's own derivation, or null. */
	public String gapStatus(ExposureEntry entry, LocalDate asOf) {
		return this.tracing.trace(entry.model().id(), asOf)
			.accountabilityGaps()
			.stream()
			.filter(g -> g.model().id().equals(entry.model().id()))
			.map(AccountabilityGap::status)
			.findFirst()
			.orElse(null);
	}

	public Page<ExposureEntry> of(String foundationId, Integer first, String after) {
		requireFoundation(foundationId);
		return Page.read(PageRequest.of(this.limits, first, after),
				(offset, limit) -> this.graph.read(this.cypher.get("risk/upstream-exposure"),
						Map.of("id", foundationId, "offset", offset, "limit", limit), UpstreamExposure::entry),
				() -> this.graph.total(this.cypher.get("risk/upstream-exposure-count"), Map.of("id", foundationId)));
	}

	private static ExposureEntry entry(org.neo4j.driver.Record r) {
		ModelView model = ModelView.from(r.get("model").asNode());
		return new ExposureEntry(model, r.get("depth").asInt(), r.get("path").asList(v -> v.asString()),
				Derivation.from(r.get("via").asRelationship(), model.id(), r.get("parentId").asString()),
				r.get("organizationId").isNull() ? null : r.get("organizationId").asString(), model.downloads());
	}

}
