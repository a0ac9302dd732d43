package dev.pedigree.regulation;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * California SB 53: a frontier model is trained with more than 1e26 operations, counting
 * the original training and later fine-tuning or material modification (so cumulative
 * compute along the chain); a large frontier developer also had more than US$500M annual
 * revenue. No sourced revenue = the large-developer test is undetermined.
 */
@Component
class CaliforniaSb53Rules implements JurisdictionRules {

	@Override
	public String jurisdiction() {
		return "US-CA";
	}

	@Override
	public RegulatoryRole evaluate(PartyFacts party, RuleSet rules, LocalDate asOf) {
		double frontier = rules.threshold("frontierTrainingComputeOps");
		double largeRevenue = rules.threshold("largeDeveloperRevenueUsd");
		LocalDate appliesFrom = rules.date("obligationsApplyFrom");
		var verdict = new Verdict();
		Double compute = party.cumulativeComputeFlop();
		verdict.figure("cumulative training compute of " + party.model().id(), compute, frontier,
				"§22757.11 (frontier model)");
		if (compute == null) {
			return verdict
				.reason("cumulative training compute of " + party.model().id()
						+ " is unknown: the frontier-model test cannot be applied")
				.role("UNDETERMINED", rules, asOf, null, false, null);
		}
		if (party.computeBasis() != null) {
			verdict.reason("compute: " + party.computeBasis());
		}
		if (compute <= frontier) {
			return verdict.reason(String.format("%.3g operations ≤ %.0e: not a frontier model", compute, frontier))
				.role("NOT_FRONTIER", rules, asOf, null, false, null);
		}
		verdict.reason(String.format("%.3g operations > %.0e (including fine-tuning and modifications): frontier model",
				compute, frontier));
		Double revenue = party.organization().annualRevenueUsd();
		verdict.figure("annual revenue of " + party.organization().id(), revenue, largeRevenue,
				"§22757.11 (large frontier developer)");
		if (revenue == null) {
			verdict.reason("no sourced annual revenue for " + party.organization().name()
					+ ": the large-frontier-developer test is undetermined; frontier-developer duties apply at least");
			RegulatoryRole partial = verdict.role("FRONTIER_DEVELOPER", rules, asOf, appliesFrom, false, "the model");
			return new RegulatoryRole(partial.jurisdiction(), "UNDETERMINED", partial.reasons(), partial.obligations(),
					partial.ruleSet(), partial.ruleSetVersion(), partial.asOf(), partial.figures());
		}
		if (revenue > largeRevenue) {
			return verdict
				.reason(String.format("annual revenue US$%.3g > US$%.0e (%s)", revenue, largeRevenue,
						party.organization().revenueSource()))
				.role("LARGE_FRONTIER_DEVELOPER", rules, asOf, appliesFrom, false, "the model");
		}
		return verdict.reason(String.format("annual revenue US$%.3g ≤ US$%.0e", revenue, largeRevenue))
			.role("FRONTIER_DEVELOPER", rules, asOf, appliesFrom, false, "the model");
	}

}
