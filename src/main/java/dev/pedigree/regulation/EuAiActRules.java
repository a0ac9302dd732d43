package dev.pedigree.regulation;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * EU AI Act, GPAI chapter: provider test (generative and above 1e23 FLOP; systemic risk
 * above 1e25, Art. 51(2)) and the modifier test of the Commission guidelines (more than a
 * third of the original compute makes the modifier the provider of the modified model; a
 * third of 1e23 where the original compute is unknown).
 */
@Component
class EuAiActRules implements JurisdictionRules {

	@Override
	public String jurisdiction() {
		return "EU";
	}

	@Override
	public RegulatoryRole evaluate(PartyFacts party, RuleSet rules, LocalDate asOf) {
		List<PartyFacts.ParentFacts> others = party.parents().stream().filter(p -> !p.sameDeveloper()).toList();
		if (others.isEmpty()) {
			var verdict = new Verdict();
			party.parents()
				.forEach(p -> verdict.reason("fine-tune of its own model " + p.parent().id()
						+ ": the original provider's later modifications stay its own"));
			return providerTest(party, rules, asOf, verdict);
		}
		RegulatoryRole strongest = null;
		for (var parent : others) {
			RegulatoryRole role = modifierTest(party, parent, rules, asOf);
			if (strongest == null || rank(role.role()) > rank(strongest.role())) {
				strongest = role;
			}
		}
		return strongest;
	}

	private RegulatoryRole providerTest(PartyFacts party, RuleSet rules, LocalDate asOf, Verdict verdict) {
		double gpai = rules.threshold("gpaiTrainingComputeFlop");
		double systemic = rules.threshold("systemicRiskTrainingComputeFlop");
		var model = party.model();
		Double compute = party.cumulativeComputeFlop();
		verdict
			.figure("trainingComputeFlop of " + model.id(), compute, gpai,
					"Commission GPAI guidelines (indicative criterion)")
			.figure("trainingComputeFlop of " + model.id(), compute, systemic, "Art. 51(2)");
		if (compute == null) {
			return verdict
				.reason("training compute of " + model.id() + " is unknown: the GPAI criterion cannot be applied")
				.role("UNDETERMINED", rules, asOf, null, false, null);
		}
		if (party.computeBasis() != null) {
			verdict.reason("compute: " + party.computeBasis());
		}
		if (model.generative() == null) {
			return verdict.reason("modality of " + model.id() + " is unknown: cannot tell whether it is generative")
				.role("UNDETERMINED", rules, asOf, null, false, null);
		}
		if (!model.generative()) {
			return verdict.reason(model.id() + " is not generative (modality " + model.modality() + ")")
				.role("NOT_GPAI", rules, asOf, null, false, null);
		}
		LocalDate appliesFrom = appliesFrom(model.releaseDate(), rules, verdict);
		boolean openWeights = "OPEN_WEIGHTS".equals(model.access());
		if (compute > systemic) {
			return verdict
				.reason(String.format(
						"%.3g FLOP > %.0e: systemic risk presumed (Art. 51(2)); notify within two weeks (Art. 52)",
						compute, systemic))
				.role("GPAI_PROVIDER_SYSTEMIC_RISK", rules, asOf, appliesFrom, false, "the model");
		}
		if (compute > gpai) {
			return verdict
				.reason(String.format("generative and %.3g FLOP > %.0e: general-purpose AI model", compute, gpai))
				.role("GPAI_PROVIDER", rules, asOf, appliesFrom, openWeights, "the model");
		}
		return verdict.reason(String.format("%.3g FLOP ≤ %.0e: below the indicative GPAI criterion", compute, gpai))
			.role("NOT_GPAI", rules, asOf, null, false, null);
	}

	private RegulatoryRole modifierTest(PartyFacts party, PartyFacts.ParentFacts parent, RuleSet rules,
			LocalDate asOf) {
		double gpai = rules.threshold("gpaiTrainingComputeFlop");
		double systemic = rules.threshold("systemicRiskTrainingComputeFlop");
		double fraction = rules.threshold("modifierComputeFraction");
		var verdict = new Verdict();
		String p = parent.parent().id();
		Double parentCompute = parent.parentCumulativeComputeFlop();
		Double modification = parent.derivation().computeFlop();
		double threshold;
		boolean parentSystemic = false;
		if (parentCompute == null) {
			threshold = gpai * fraction;
			verdict.reason("training compute of " + p + " is unknown: " + p
					+ " is presumed general-purpose for this test and the guidelines' fallback threshold applies (one third of 1e23 FLOP); "
					+ "the role of " + p + "'s own developer is UNDETERMINED");
		}
		else {
			if (parentCompute <= gpai || Boolean.FALSE.equals(parent.parent().generative())) {
				verdict.reason(p + " is not a general-purpose AI model (" + String.format("%.3g", parentCompute)
						+ " FLOP, generative " + parent.parent().generative() + "): the modifier rule does not apply; "
						+ party.model().id() + " is assessed on its own compute");
				return providerTest(party, rules, asOf, verdict);
			}
			parentSystemic = parentCompute > systemic;
			threshold = parentCompute * fraction;
		}
		verdict.figure("computeFlop of " + party.model().id() + " <- " + p, modification, threshold,
				"Commission GPAI guidelines (one third of the original training compute)");
		verdict.figure("trainingComputeFlop of " + p, parentCompute, parentSystemic ? systemic : gpai,
				parentSystemic ? "Art. 51(2)" : "Commission GPAI guidelines (indicative criterion)");
		if (modification == null) {
			return verdict
				.reason("the compute of the modification " + party.model().id() + " <- " + p + " ("
						+ parent.derivation().relation() + ") is unknown: the one-third test cannot be applied")
				.role("UNDETERMINED", rules, asOf, null, false, null);
		}
		LocalDate appliesFrom = appliesFrom(party.model().releaseDate(), rules, verdict);
		if (modification > threshold) {
			verdict.reason(String.format(
					"modification of %s used %.3g FLOP > %.3g (one third of the original): "
							+ "the modifier becomes the provider of %s; its duties cover the modification only",
					p, modification, threshold, party.model().id()));
			if (parentSystemic) {
				verdict.reason(
						p + " has systemic risk: the modified model is presumed to have it too (Art. 55 duties apply)");
			}
			return verdict.role("MODIFIER_PROVIDER", rules, asOf, appliesFrom,
					"OPEN_WEIGHTS".equals(party.model().access()) && !parentSystemic, "the modification");
		}
		return verdict
			.reason(String.format(
					"modification of %s used %.3g FLOP ≤ %.3g (one third of the original): "
							+ "a downstream modifier; %s's provider remains the provider",
					p, modification, threshold, p))
			.role("DOWNSTREAM_MODIFIER", rules, asOf, null, false, null);
	}

	private static LocalDate appliesFrom(String releaseDate, RuleSet rules, Verdict verdict) {
		LocalDate start = rules.date("obligationsApplyFrom");
		if (releaseDate == null) {
			verdict.reason("release date unknown: duties taken to apply from " + start);
			return start;
		}
		if (LocalDate.parse(releaseDate).isBefore(rules.date("modelsPlacedBefore"))) {
			LocalDate legacy = rules.date("legacyModelsComplyBy");
			verdict.reason("placed on the market " + releaseDate + ", before " + start + ": duties apply from " + legacy
					+ " (Art. 111(3))");
			return legacy;
		}
		return start;
	}

	private static int rank(String role) {
		return switch (role) {
			case "MODIFIER_PROVIDER", "GPAI_PROVIDER_SYSTEMIC_RISK" -> 4;
			case "GPAI_PROVIDER" -> 3;
			case "UNDETERMINED" -> 2;
			case "DOWNSTREAM_MODIFIER" -> 1;
			default -> 0;
		};
	}

}
