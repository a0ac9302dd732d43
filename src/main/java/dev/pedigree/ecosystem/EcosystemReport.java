package dev.pedigree.ecosystem;

import java.util.List;

import dev.pedigree.lineage.PointInTime;
import java.util.function.Supplier;

/**
 * The question "what grew from these roots?" (one root for {@code ecosystem}, several for
 * {@code familyReport}), along derivations of {@code sources} (null = every source, else
 * derivation source prefixes). Each field of the report is its own single Cypher
 * aggregation, run only when a client selects it; the four summary figures, byDepth and
 * byRelation share one traversal ({@code summary}, computed once per request, also when
 * it fails, and kept for a large family under lineage's {@code FamilyAnswers}: updated by
 * a write inside the family, see {@link FamilyImage}). {@code at}: the graph as it stood
 * on a date (models released later are not reached), or now.
 */
public record EcosystemReport(List<String> rootIds, int maxDepth, List<String> sources, PointInTime at,
		Supplier<EcosystemAnalytics.Summary> summary) {

	/** The first root: the one root of an {@code ecosystem} report. */
	public String rootId() {
		return this.rootIds.get(0);
	}

}
