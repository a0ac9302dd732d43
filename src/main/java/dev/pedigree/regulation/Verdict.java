package dev.pedigree.regulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects reasons and figures while a rule set is evaluated, then produces the role with
 * its duties.
 */
final class Verdict {

	private final List<String> reasons = new ArrayList<>();

	private final List<Figure> figures = new ArrayList<>();

	Verdict reason(String reason) {
		this.reasons.add(reason);
		return this;
	}

	Verdict figure(String name, Double value, Double threshold, String article) {
		this.figures.add(new Figure(name, value, threshold, article));
		return this;
	}

	RegulatoryRole role(String role, RuleSet rules, LocalDate asOf, LocalDate appliesFrom, boolean openWeights,
			String scope) {
		List<Obligation> obligations = new ArrayList<>();
		for (var rule : rules.obligationsOf(role)) {
			if (rule.exemptForOpenWeights() && openWeights) {
				continue;
			}
			obligations.add(new Obligation(rule.id(), rule.article(), rule.summary(),
					appliesFrom == null ? null : appliesFrom.toString(),
					appliesFrom != null && !asOf.isBefore(appliesFrom), scope));
		}
		if (openWeights && rules.obligationsOf(role).stream().anyMatch(RuleSet.ObligationRule::exemptForOpenWeights)) {
			this.reasons
				.add("open-weights model: exempt from the documentation duties of Art. 53(1)(a)-(b) (Art. 53(2))");
		}
		return new RegulatoryRole(rules.jurisdiction(), role, List.copyOf(this.reasons), obligations, rules.id(),
				rules.version(), asOf.toString(), List.copyOf(this.figures));
	}

}
