package dev.pedigree.ecosystem;

import java.util.function.Supplier;

/**
 * The question "what grew from this root?". Each field of the report is its own single
 * Cypher aggregation, run only when a client selects it; the four summary figures and
 * byDepth share one traversal ({@code summary}, computed once).
 */
public record EcosystemReport(String rootId, int maxDepth, Supplier<EcosystemAnalytics.Summary> summary) {
}
