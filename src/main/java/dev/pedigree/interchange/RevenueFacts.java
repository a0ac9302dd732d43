package dev.pedigree.interchange;

import java.util.Map;

/**
 * An organisation's annual gross revenue (affiliates included) for one fiscal year, with
 * its source ({@link AssetWriter} writes it as a {@code Revenue} the organisation
 * {@code REPORTED}).
 *
 * @param periodEnd the last day of the fiscal year (ISO)
 */
public record RevenueFacts(String organizationId, long fiscalYear, String periodEnd, double amountUsd, String source) {

	/** The revenue figure's id: one per organisation and fiscal year. */
	public String id() {
		return this.organizationId + "/revenue-" + this.fiscalYear;
	}

	/** A row of {@code upsert-revenues.cypher}. */
	Map<String, Object> asRow() {
		return Map.of("id", id(), "organizationId", this.organizationId, "props", Map.of("fiscalYear", this.fiscalYear,
				"periodEnd", this.periodEnd, "amountUsd", this.amountUsd, "source", this.source));
	}

}
