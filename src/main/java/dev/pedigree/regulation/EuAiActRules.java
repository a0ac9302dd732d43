package dev.pedigree.regulation;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.pedigree.lineage.ModelView;
import dev.pedigree.lineage.Relation;

/**
 * EU AI Act, Chapter V, read with the Commission's GPAI guidelines (the version named in
 * the rule set). Who is a provider: the developer of a model that meets the indicative
 * criterion of para 17 (generative, above 1e23 FLOP), with systemic risk above 1e25 (Art.
 * 51(2)); its own later development stays the same model's lifecycle (para 23); another
 * actor's modification makes it a provider only above one third of the original model's
 * compute (para 63, fallback para 64), and of a systemic-risk model then (para 70).
 * Quantisations train nothing, nor do merges unless they declare a step's compute; a
 * distillation teacher's compute need not be included (para 122) and is left out. A merge
 * of others' models is read both as their modification and as a model its merger
 * develops, and decided only where the readings agree. Almost every verdict rests on an
 * indicative criterion, so it is PRESUMED; figures within the estimate tolerance (para
 * 123) of a threshold are not decided by it.
 */
@Component
class EuAiActRules implements JurisdictionRules {

	private static final String GUIDELINES = "guidelines";

	/** The modality half of the indicative criterion, in para 17's words. */
	private static final String GENERATES = "'can generate language (whether in the form of text or audio), "
			+ "text-to-image or text-to-video'";

	/**
	 * A systemic-risk modifier's duties by their scope: para 68 quotes recital 109
	 * without qualification; para 70, where it applies, adds the systemic-risk duties
	 * without displacing it (a reading: the guidelines do not say so of this case in
	 * terms).
	 */
	private static final String SYSTEMIC_MODIFIER_SCOPE = "Art. 52(1) and 55 attach to the modified model; the Art. 53 "
			+ "duties are read as limited to the modification, as para 68 says quoting recital 109 ('in the case of a "
			+ "modification or fine-tuning of a model, the obligations for providers of general-purpose AI models "
			+ "should be limited to that modification or fine-tuning')";

	private static final String SCOPE_BESIDE_PARA_70 = SYSTEMIC_MODIFIER_SCOPE + ", which para 70 does not displace (a "
			+ "reading: the guidelines do not say so of a systemic-risk modification in terms)";

	private static final String SCOPE_WITHOUT_PARA_70 = SYSTEMIC_MODIFIER_SCOPE
			+ " (a reading: the guidelines do not say so of this case in terms)";

	/** Where Chapter V's date of application is: Art. 113's lettered exceptions. */
	private static final String POINT_B = "Art. 113, third paragraph, point (b)";

	/**
	 * Duties a provider owes before placing, with their own words: the note a date caveat
	 * adds to them.
	 */
	private static final java.util.Map<String, String> BEFORE_PLACING = java.util.Map.of("Art. 52(1)",
			"Art. 52(1) is owed earlier: the provider notifies the Commission 'without delay and in any event within "
					+ "two weeks after that requirement is met or it becomes known that it will be met', and 'a "
					+ "notification may be required before training is complete, if the provider can reasonably "
					+ "foresee that the requirement that leads to the presumption of the model having high-impact "
					+ "capabilities is reasonably likely to be met' (guidelines section 2.3.2, paras 30–31)",
			"Art. 54(1)",
			"Art. 54(1) is owed earlier: 'Prior to placing a general-purpose AI model on the Union "
					+ "market, providers established in third countries shall, by written mandate, appoint an "
					+ "authorised representative which is established in the Union'");

	@Override
	public String jurisdiction() {
		return "EU";
	}

	@Override
	public RegulatoryRole evaluate(PartyFacts party, RuleSet rules, LocalDate asOf) {
		var verdict = new Verdict();
		List<PartyFacts.ParentFacts> training = party.parents()
			.stream()
			.filter(p -> p.derivation().relation() != Relation.DISTILLATION)
			.toList();
		for (var teacher : party.parents()) {
			if (teacher.derivation().relation() == Relation.DISTILLATION) {
				verdict.reason("distilled from " + teacher.parent().id() + ": the compute used to train the teacher "
						+ "'need not be included' in the student's cumulative compute (" + GUIDELINES + " para 122, "
						+ "'compute used to train parent model(s) used in distillation') and is left out here; forward passes generating non-public synthetic data count towards the "
						+ "student (para 119); " + developerName(teacher) + " holds no duty for the student's weights "
						+ "through this rule");
			}
		}
		if (training.isEmpty()) {
			if (!party.parents().isEmpty()) {
				verdict.reason(party.model().id() + " is not initialised from another model's weights: a new model, "
						+ "judged on its own compute");
			}
			return providerTest(party, rules, asOf, verdict);
		}
		List<PartyFacts.ParentFacts> own = training.stream().filter(PartyFacts.ParentFacts::sameDeveloper).toList();
		if (!own.isEmpty()) {
			verdict.reason(party.model().id() + " is later development of its provider's own model "
					+ own.get(0).parent().id() + " (lifecycle from " + party.lifecycleOrigin() + "): 'any subsequent "
					+ "development of the model downstream of this large pre-training run performed by the provider … "
					+ "forms part of the same model's lifecycle' (" + GUIDELINES
					+ " para 23); judged on its cumulative compute");
			training.stream()
				.filter(p -> !p.sameDeveloper())
				.forEach(p -> verdict.reason("it also combines weights of " + p.parent().id()
						+ ", whose training compute counts: 'the training compute used to train the combined model "
						+ "weights should be included in the estimation of the cumulative training compute of the model' ("
						+ GUIDELINES + " Annex A.1, para 121)"));
			return providerTest(party, rules, asOf, verdict);
		}
		RegulatoryRole strongest = null;
		// In id order, so that of two parents giving the same role the same one's
		// reasons are kept every time.
		// A merge is decided only where the readings agree: an open question about one
		// merged model outranks a role another reached on one reading only.
		boolean merge = training.stream().anyMatch(p -> p.derivation().relation() == Relation.MERGE);
		for (var parent : training.stream().sorted(java.util.Comparator.comparing(p -> p.parent().id())).toList()) {
			RegulatoryRole role = modifierTest(party, parent, rules, asOf);
			if (strongest == null || rank(role.role(), merge) > rank(strongest.role(), merge)) {
				strongest = role;
			}
		}
		if (strongest != null && !verdict.isEmpty()) {
			return verdict.prepend(strongest);
		}
		return strongest;
	}

	private RegulatoryRole providerTest(PartyFacts party, RuleSet rules, LocalDate asOf, Verdict verdict) {
		double gpai = rules.threshold("gpaiTrainingComputeFlop");
		double systemic = rules.threshold("systemicRiskTrainingComputeFlop");
		double tolerance = rules.threshold("estimateTolerance");
		var model = party.model();
		Compute compute = party.cumulativeCompute();
		if (party.systemicRiskDesignation() != null) {
			verdict.reason(model.id() + " is recorded as a general-purpose AI model with systemic risk: "
					+ party.systemicRiskDesignation() + " (Art. 51(1), 52)");
			return verdict.role("GPAI_PROVIDER_SYSTEMIC_RISK", Basis.ESTABLISHED, rules, asOf,
					duties(party, rules, verdict, true, "the model", lifecycleDate(party), lifecycle(party)));
		}
		if (!compute.known() && Boolean.FALSE.equals(model.generative())) {
			// The criterion needs both halves: a model that generates none of the
			// named outputs fails it whatever its compute.
			return verdict.reason("the training compute of " + model.id() + " is unknown, but it is recorded as a "
					+ "model that cannot generate language (whether in the form of text or audio), text-to-image or "
					+ "text-to-video" + domain(model) + ": the indicative criterion (" + GUIDELINES + " para 17) is "
					+ "not met whatever its compute, which indicates it is not a general-purpose AI model; rebuttable "
					+ "if it exceptionally displays significant generality (para 20)")
				.role("NOT_GPAI", Basis.PRESUMED, rules, asOf, Verdict.Duties.none());
		}
		if (!compute.known()) {
			verdict.figure(new Figure("training compute of " + model.id(), null, gpai,
					GUIDELINES + " para 17 (indicative criterion)", null, false, false, false,
					bound(gpai, sizing(model, trainingParents(party)), "training compute"), Quantities.Unit.FLOP));
			return verdict
				.reason("the training compute of " + model.id() + " is unknown: the indicative criterion (training "
						+ "compute greater than " + Quantities.power(gpai) + " FLOP and it " + GENERATES + ", "
						+ GUIDELINES + " para 17) cannot be applied; it decides: above " + Quantities.power(gpai)
						+ " FLOP a generative model is " + "presumed general-purpose"
						+ tokens(gpai, sizing(model, trainingParents(party)), false) + ", above "
						+ Quantities.power(systemic) + " FLOP systemic risk is presumed (Art. 51(2))")
				.undetermined(rules, asOf);
		}
		verdict.figure(figure("cumulative training compute of " + model.id(), compute, gpai,
				GUIDELINES + " para 17 (indicative criterion)", near(compute.flop(), gpai, tolerance)));
		verdict.figure(figure("cumulative training compute of " + model.id(), compute, systemic,
				"Art. 51(2) (presumption of high-impact capabilities)", near(compute.flop(), systemic, tolerance)));
		if (compute.source() != null) {
			verdict.reason("compute: " + compute.source());
		}
		if (model.generative() == null && compute.flop() <= gpai && !near(compute.flop(), gpai, tolerance)) {
			return verdict
				.reason(String.format("%s FLOP ≤ %s: below the indicative criterion (%s para 17) whatever %s's "
						+ "modality, which is not recorded; indicated not to be a general-purpose AI model (the "
						+ "criterion is indicative; rebuttable if it exceptionally displays significant generality, "
						+ "para 20)", Quantities.power(compute.flop(), gpai), Quantities.power(gpai, compute.flop()),
						GUIDELINES, model.id()))
				.role("NOT_GPAI", Basis.PRESUMED, rules, asOf, Verdict.Duties.none());
		}
		if (model.generative() == null) {
			return verdict
				.reason("whether " + model.id() + " " + GENERATES
						+ " is not recorded: the modality half of the indicative criterion (" + GUIDELINES
						+ " para 17) cannot be applied")
				.undetermined(rules, asOf);
		}
		if (!model.generative()) {
			return verdict
				.reason(model.id()
						+ " is recorded as a model that cannot generate language (whether in the form of text "
						+ "or audio), text-to-image or text-to-video" + domain(model) + ": the indicative criterion ("
						+ GUIDELINES
						+ " para 17) indicates it is not a general-purpose AI model; rebuttable if it exceptionally "
						+ "displays significant generality (para 20)")
				.role("NOT_GPAI", Basis.PRESUMED, rules, asOf, Verdict.Duties.none());
		}
		if (near(compute.flop(), systemic, tolerance)) {
			verdict.reason(String
				.format("%s FLOP is within the %.0f%% estimate tolerance (%s para 123) of the %s FLOP systemic-risk "
						+ "threshold (Art. 51(2)), and far above the indicative criterion: presumed a general-purpose "
						+ "AI model (%s para 17); whether it is presumed to have high-impact capabilities turns on the "
						+ "provider's own compute estimate: if that exceeds %s FLOP, the provider notifies the "
						+ "Commission (Art. 52(1): 'without delay and in any event within two weeks after that "
						+ "requirement is met or it becomes known that it will be met') and owes Art. 55's duties from "
						+ "the moment the condition is met; it may present with its notification arguments that the "
						+ "model exceptionally does not present systemic risks (Art. 52(2)), but presenting them does "
						+ "not suspend those duties, which end only if and when the Commission accepts the arguments "
						+ "(%s section 2.3.3, para 41's indents, the second printed '(42)': on rejection 'presenting "
						+ "arguments with the notification does not suspend providers' obligations'; on acceptance the "
						+ "provider is no longer subject to them 'from the moment when it is informed of the acceptance "
						+ "decision'); the duties of every provider "
						+ "of a general-purpose AI model (Art. 53, 54) are owed on either reading and are listed (the "
						+ "open-source exemption lifts Art. 53(1)(a)–(b) and 54 only without systemic risk, Art. "
						+ "53(2), 54(6); an exemption listed below is on the reading without systemic risk)",
						Quantities.power(compute.flop(), systemic), tolerance * 100, GUIDELINES,
						Quantities.power(systemic, compute.flop()), GUIDELINES, Quantities.power(systemic),
						GUIDELINES));
			return verdict.undetermined(rules, asOf, "GPAI_PROVIDER",
					duties(party, rules, verdict, false, "the model", lifecycleDate(party), lifecycle(party)),
					"presumed a general-purpose AI model (para 17), with or without systemic risk");
		}
		if (compute.flop() > systemic) {
			verdict.reason(String.format("generative and %s FLOP > %s: presumed to have high-impact capabilities "
					+ "(Art. 51(2)), hence a general-purpose AI model with systemic risk; the provider notifies the "
					+ "Commission within two weeks (Art. 52(1)) and may rebut the presumption with 'sufficiently "
					+ "substantiated arguments' (Art. 52(2))", Quantities.power(compute.flop(), systemic),
					Quantities.power(systemic, compute.flop())));
			return verdict.role("GPAI_PROVIDER_SYSTEMIC_RISK", Basis.PRESUMED, rules, asOf,
					duties(party, rules, verdict, true, "the model", lifecycleDate(party), lifecycle(party)));
		}
		if (near(compute.flop(), gpai, tolerance)) {
			return verdict.reason(String.format(
					"%s FLOP is within the %.0f%% estimate tolerance (%s para 123) of the %s FLOP indicative "
							+ "threshold (para 17): not decided by it; the provider's own compute estimate, or the "
							+ "model's generality (para 20), decides",
					Quantities.power(compute.flop(), gpai), tolerance * 100, GUIDELINES,
					Quantities.power(gpai, compute.flop())))
				.undetermined(rules, asOf);
		}
		if (compute.flop() > gpai) {
			verdict.reason(String.format(
					"generative and %s FLOP > %s: presumed a general-purpose AI model (%s "
							+ "para 17, an indicative criterion, rebuttable under para 20)",
					Quantities.power(compute.flop(), gpai), Quantities.power(gpai, compute.flop()), GUIDELINES));
			return verdict.role("GPAI_PROVIDER", Basis.PRESUMED, rules, asOf,
					duties(party, rules, verdict, false, "the model", lifecycleDate(party), lifecycle(party)));
		}
		return verdict
			.reason(String.format("%s FLOP ≤ %s: below the indicative criterion (%s para 17); not a "
					+ "general-purpose AI model unless it exceptionally displays significant generality (para 20)",
					Quantities.power(compute.flop(), gpai), Quantities.power(gpai, compute.flop()), GUIDELINES))
			.role("NOT_GPAI", Basis.PRESUMED, rules, asOf, Verdict.Duties.none());
	}

	private RegulatoryRole modifierTest(PartyFacts party, PartyFacts.ParentFacts parent, RuleSet rules,
			LocalDate asOf) {
		double gpai = rules.threshold("gpaiTrainingComputeFlop");
		double systemic = rules.threshold("systemicRiskTrainingComputeFlop");
		double fraction = rules.threshold("modifierComputeFraction");
		double tolerance = rules.threshold("estimateTolerance");
		var verdict = new Verdict();
		String p = parent.parent().id();
		String child = party.model().id();
		Compute original = parent.parentCompute();
		boolean designated = parent.parentSystemicRiskDesignation() != null;
		if (parent.parentOrganization() == null) {
			verdict.reason("the developer of " + p + " is not known: " + child
					+ " is treated as another actor's modification of it");
		}
		if (!designated && original.known() && !Boolean.FALSE.equals(parent.parent().generative())
				&& near(original.flop(), gpai, tolerance) && Boolean.FALSE.equals(party.model().generative())) {
			verdict.reason(String.format("whether %s (%s FLOP, within the estimate tolerance of %s, %s para 123) "
					+ "is a general-purpose AI model is not decided, but it does not matter here: %s itself does not "
					+ "generate language, images or video, so it is judged as a model of its own", p,
					Quantities.power(original.flop(), gpai), Quantities.power(gpai, original.flop()), GUIDELINES,
					child));
			return providerTest(party, rules, asOf, verdict);
		}
		if (!designated && original.known() && !Boolean.FALSE.equals(parent.parent().generative())
				&& near(original.flop(), gpai, tolerance)) {
			verdict.figure(figure("training compute of the original model " + p, original, gpai,
					GUIDELINES + " para 17 (indicative criterion)", true));
			return verdict.reason(String.format("%s's %s FLOP is within the %.0f%% estimate tolerance (%s para "
					+ "123) of the indicative criterion's %s FLOP: whether it is a general-purpose AI model, and so "
					+ "whether the modifier criterion (para 63) applies to %s, is not decided by the figure", p,
					Quantities.power(original.flop(), gpai), tolerance * 100, GUIDELINES,
					Quantities.power(gpai, original.flop()), child))
				.undetermined(rules, asOf);
		}
		if (!designated && original.known()
				&& (original.flop() <= gpai || Boolean.FALSE.equals(parent.parent().generative()))) {
			verdict.reason(String.format("%s is not presumed a general-purpose AI model (%s FLOP, generative: %s; "
					+ "%s para 17): the modifier criterion (para 63) concerns modifications of general-purpose AI "
					+ "models, so %s is judged as a model of its own", p, Quantities.power(original.flop()),
					parent.parent().generative(), GUIDELINES, child));
			RegulatoryRole ownStep = ownStepReadings(party, parent, rules, asOf, verdict);
			return ownStep != null ? ownStep : providerTest(party, rules, asOf, verdict);
		}
		Compute merged = party.cumulativeCompute();
		if (!designated && !original.known() && parent.derivation().relation() == Relation.MERGE && merged.known()
				&& merged.flop() <= gpai && !near(merged.flop(), gpai, tolerance)) {
			// A merged model's figure counts each merged model's (para 121): none of
			// them can be above it.
			verdict.reason(String.format("%s's training compute is not recorded, but it is counted in %s's cumulative "
					+ "compute, %s FLOP ≤ %s (%s para 121): %s is not presumed a general-purpose AI model (para 17), "
					+ "and the modifier criterion (para 63) concerns modifications of general-purpose AI models, so "
					+ "%s is judged as a model of its own on its cumulative compute", p, child,
					Quantities.power(merged.flop(), gpai), Quantities.power(gpai, merged.flop()), GUIDELINES, p,
					child));
			return providerTest(party, rules, asOf, verdict);
		}
		boolean systemicOriginal = designated || (original.known() && original.flop() > systemic);
		boolean systemicUndecided = !designated && original.known() && near(original.flop(), systemic, tolerance);
		double threshold;
		if (original.known()) {
			threshold = original.flop() * fraction;
			verdict
				.figure(figure("training compute of the original model " + p, original, systemic, "Art. 51(2)", false));
		}
		else if (designated) {
			threshold = systemic * fraction;
			verdict.reason("the training compute of " + p + " is unknown and " + p
					+ " is recorded as a systemic-risk model (" + parent.parentSystemicRiskDesignation()
					+ "): the threshold is " + share(fraction) + " of " + Quantities.power(systemic) + " FLOP ("
					+ GUIDELINES + " para 64: for a modifier who 'cannot be expected "
					+ "to know this value … and cannot estimate it')");
		}
		else {
			threshold = gpai * fraction;
			verdict.reason("the training compute of " + p + " is unknown and no notification or designation of " + p
					+ " as a systemic-risk model is recorded: where para 64's condition holds, the fallback threshold "
					+ "applies, " + share(fraction) + " of " + Quantities.power(gpai) + " FLOP (" + GUIDELINES
					+ " para 64: 'if the downstream modifier cannot be "
					+ "expected to know this value … and cannot estimate it … the threshold should be replaced'); any "
					+ "original that meets the indicative criterion (para 17) has more than " + Quantities.power(gpai)
					+ " FLOP, so a modification below the " + "fallback stays below " + share(fraction)
					+ " of the original; if " + p + " is in fact a model with systemic risk, which the graph does not "
					+ "record, para 64 sets " + share(fraction) + " of " + Quantities.power(systemic)
					+ " FLOP instead");
		}
		Compute modification = parent.modificationCompute();
		String test = original.known()
				? GUIDELINES + " para 63 (" + share(fraction) + " of the original model's training compute)"
				: GUIDELINES + " para 64 (fallback threshold)";
		// A derived difference carries the uncertainty of the figures it is taken from.
		boolean near = modification.known() && !modification.noTraining()
				&& (modification.derived() && party.cumulativeCompute().known()
						? Math.abs(modification.flop() - threshold) <= tolerance * party.cumulativeCompute().flop()
						: near(modification.flop(), threshold, tolerance));
		verdict.figure(new Figure("compute of the modification " + child + " ← " + p, modification.flop(), threshold,
				test, modification.source(), modification.derived(), modification.estimated(), near,
				modification.known() ? null : bound(threshold, sizedOf(party, parent), "modification"),
				Quantities.Unit.FLOP));
		if (!modification.known()) {
			return verdict
				.reason("the compute of the modification " + child + " ← " + p + " (" + parent.derivation().relation()
						+ ") is unknown: the criterion of " + share(fraction) + " of the "
						+ "original's compute cannot be applied; it decides: the modification would have to exceed "
						+ Quantities.power(threshold) + " FLOP" + tokens(threshold, sizedOf(party, parent), false)
						+ " to make its developer the provider of " + child)
				.undetermined(rules, asOf);
		}
		verdict.reason("modification compute: " + modification.source()
				+ (modification.derived() ? " (meaningful only if the source built the child's figure on the "
						+ "parent's; its uncertainty is that of the two figures)" : ""));
		if (near) {
			return verdict.reason(String.format("the modification's %s FLOP is within the %.0f%% estimate tolerance "
					+ "(%s para 123) of the threshold %s: not decided by it; the modifier's own compute estimate "
					+ "decides", Quantities.power(modification.flop(), threshold), tolerance * 100, GUIDELINES,
					Quantities.power(threshold, modification.flop())))
				.undetermined(rules, asOf);
		}
		DateProxy released = DateProxy.of(party.model().id(), date(party.model().releaseDate()),
				party.model().releaseDateSource(), party.model().sources());
		if (parent.derivation().relation() == Relation.MERGE && !systemicOriginal && modification.flop() <= threshold
				&& !Boolean.FALSE.equals(party.model().generative())) {
			String counts = GUIDELINES + " Annex A.1, para 121: 'the training compute used to train the combined "
					+ "model weights should be included in the estimation of the cumulative training compute of the "
					+ "model'"
					+ (modification.noTraining() ? ""
							: "; the merge step's own training after combining them counts as compute 'directly "
									+ "contributing to parameter updates' (para 119)");
			String undecided = "; whether combining other providers' weights is a 'modification' in the sense of "
					+ "paras 60–63 the guidelines do not say, so the role is not decided";
			if (merged.known() && merged.flop() > systemic) {
				return verdict.reason(String.format(
						"the compute used to train the merged weights counts in the "
								+ "merged model's cumulative compute (%s): %s FLOP > %s, while %s is not above it%s",
						counts, Quantities.power(merged.flop(), systemic), Quantities.power(systemic, merged.flop()), p,
						undecided))
					.undetermined(rules, asOf);
			}
			if (merged.known() && near(merged.flop(), systemic, tolerance)) {
				return verdict.reason(String.format("the merged model's cumulative compute (%s), %s FLOP, is within "
						+ "the %.0f%% estimate tolerance (%s para 123) of %s: whether it is presumed to have systemic "
						+ "risk is not decided by the figure%s", counts, Quantities.power(merged.flop(), systemic),
						tolerance * 100, GUIDELINES, Quantities.power(systemic, merged.flop()), undecided))
					.undetermined(rules, asOf);
			}
			double upper = mergeUpperBound(party, modification);
			if (!merged.known() && !Double.isNaN(upper) && upper > systemic * (1 - tolerance)) {
				return verdict.reason(String.format("the merged models' figures share ancestors whose own compute "
						+ "is not recorded, so the merged model's cumulative compute (%s) cannot be worked out: it is "
						+ "at most their sum%s, %s FLOP, which is not below %s by the estimate tolerance (%s para "
						+ "123)%s", counts,
						modification.noTraining()
								? " (the merge step itself taken to train nothing: no compute is " + "declared for it)"
								: " and the merge step's declared compute",
						Quantities.power(upper, systemic), Quantities.power(systemic, upper), GUIDELINES, undecided))
					.undetermined(rules, asOf);
			}
		}
		String thresholdWords = original.known() ? share(fraction) + " of the original's compute"
				: share(fraction) + " of " + Quantities.power(designated ? systemic : gpai)
						+ " FLOP, para 64's fallback" + (designated ? " for a systemic-risk original" : "");
		if (modification.flop() > threshold && !original.known() && !designated) {
			// Paras 60-64 concern modifications of a general-purpose AI model: the
			// fallback stands in for its compute, not for whether it is one.
			verdict.reason(String.format("the modification of %s used %s FLOP > %s, %s, which stands in for %s of "
					+ "the original's compute where the modifier 'cannot be expected to know this value … and cannot "
					+ "estimate it'", p, Quantities.power(modification.flop(), threshold),
					Quantities.power(threshold, modification.flop()), thresholdWords, share(fraction)));
			if (parent.parent().parameters() != null) {
				verdict.reason(String.format("%s's parameter count is recorded (%s), which with its training data "
						+ "size may allow an estimate of its compute (%s Annex A.2), so the fallback's condition ('cannot "
						+ "estimate it') may not hold: %s of that estimate would decide", p,
						ParameterCounts.describe(parent.parent()), GUIDELINES, share(fraction)));
			}
			verdict.reason("whether " + p + " is a general-purpose AI model is itself not decided (its training "
					+ "compute is not recorded, so the indicative criterion of " + GUIDELINES + " para 17 cannot be "
					+ "applied), and the modifier criterion (paras 60–64) concerns modifications of general-purpose "
					+ "AI models: if " + p + " is one, " + developerOf(party) + " is presumed the provider of the "
					+ "modified model (paras 62–64); if not, " + child + " is judged as a model of its own on its "
					+ "cumulative compute, which is at least the modification's "
					+ Quantities.power(modification.flop()) + " FLOP; it decides: " + p
					+ "'s training compute (para 17), or other evidence that it is a "
					+ "general-purpose AI model (para 20)");
			// Either way presumed a provider of a general-purpose AI model: the modified
			// model's, or, as a model of its own, one above the indicative criterion
			// (which
			// needs generative output, and a figure beyond the tolerance).
			if (modification.flop() > gpai && !near(modification.flop(), gpai, tolerance)
					&& Boolean.TRUE.equals(party.model().generative())) {
				boolean systemicEither = modification.flop() > systemic
						&& !near(modification.flop(), systemic, tolerance);
				verdict.reason(String.format("on either reading %s's developer is presumed to provide a "
						+ "general-purpose AI model%s: "
						+ "its cumulative compute is above %s FLOP (para 17%s); the duties of a modifier-provider, "
						+ "limited to the modification (para 68), are owed on either reading and are listed; as a model "
						+ "of its own they would extend to the whole model", child,
						systemicEither ? " with systemic risk" : "", Quantities.power(systemicEither ? systemic : gpai),
						systemicEither ? "; Art. 51(2)" : ""));
				return verdict.undetermined(rules, asOf,
						systemicEither ? "MODIFIER_PROVIDER_SYSTEMIC_RISK" : "MODIFIER_PROVIDER",
						duties(party, rules, verdict, systemicEither, "the modification", released, null),
						"a provider of a general-purpose AI model" + (systemicEither ? " with systemic risk" : "")
								+ " whether or not " + p + " is a general-purpose AI model");
			}
			return verdict.undetermined(rules, asOf);
		}
		if (modification.flop() > threshold) {
			verdict.reason(String.format(
					"%s of %s used %s FLOP > %s, %s: presumed a significant "
							+ "change (%s paras 62–63), so %s's developer %s the provider of the modified model",
					parent.derivation().relation() == Relation.MERGE ? "read as their modification, the merge"
							: "the modification",
					p, Quantities.power(modification.flop(), threshold),
					Quantities.power(threshold, modification.flop()), thresholdWords, GUIDELINES, child,
					parent.derivation().relation() == Relation.MERGE ? "would become" : "becomes"));
			if (parent.derivation().relation() == Relation.MERGE) {
				verdict.reason("a merge is tested against one third of each merged model's compute, the strongest "
						+ "role kept: this tool's reading, as the guidelines' criterion names one 'original model'");
				double step = modification.flop();
				if (!Boolean.TRUE.equals(party.model().generative()) || step <= gpai || near(step, gpai, tolerance)) {
					// As a model its merger develops, para 17 may take the step's own
					// figure: it, or the model's output, may make nobody a provider.
					String own;
					if (Boolean.FALSE.equals(party.model().generative())) {
						own = "it is recorded as a model that cannot generate the outputs para 17 names, so that reading "
								+ "makes no provider";
					}
					else if (near(step, gpai, tolerance)) {
						own = String.format(
								"read as the merge step's own, %s FLOP is within the estimate tolerance of "
										+ "10^23 (para 123), so para 17 is not decided by it",
								Quantities.power(step, gpai));
					}
					else if (step <= gpai) {
						own = String.format("read as the merge step's own, %s FLOP, at most 10^23, that reading makes "
								+ "no provider", Quantities.power(step, gpai));
					}
					else {
						own = String.format(
								"read as the merge step's own, %s FLOP, above 10^23, that reading makes "
										+ "its developer a provider only if %s %s, which is not recorded",
								Quantities.power(step, gpai), child, GENERATES);
					}
					return verdict.reason(String.format("on the reading that %s is a model its merger develops itself "
							+ "(Art. 3(3); %s para 23 names 'merging of model weights'), para 17 may take 'the total "
							+ "amount of compute directly contributing to parameter updates in the model' (para 118): "
							+ "%s; whether a merge of other providers' weights is their modification (paras 60–65) or "
							+ "such a model the guidelines do not say, so the role is not decided; it decides: which "
							+ "reading holds%s", child, GUIDELINES, own,
							party.model().generative() == null ? ", and whether " + child + " " + GENERATES : ""))
						.undetermined(rules, asOf);
				}
			}
			if (systemicUndecided) {
				return verdict.reason(String.format("%s's %s FLOP is within the estimate tolerance of %s (%s para "
						+ "123): whether the modified model is presumed to have systemic risk (para 70) is not decided "
						+ "by the figure", p, Quantities.power(original.flop(), systemic),
						Quantities.power(systemic, original.flop()), GUIDELINES))
					.undetermined(rules, asOf);
			}
			if (systemicOriginal) {
				verdict.reason(systemicStanding(parent, systemic)
						+ ": the modified model 'is presumed to have high-impact " + "capabilities as well' ("
						+ GUIDELINES + " para 70), so Art. 52(1) notification and Art. 55 "
						+ "duties apply to the modified model; rebuttable under Art. 52(2)");
				verdict.reason("the modifier 'must comply with the obligations for providers of general-purpose AI "
						+ "models with systemic risk' (" + GUIDELINES + " para 70); " + SCOPE_BESIDE_PARA_70);
				return verdict.role("MODIFIER_PROVIDER_SYSTEMIC_RISK", Basis.PRESUMED, rules, asOf,
						duties(party, rules, verdict, true, "the modification", released, null));
			}
			if (merged.known() && near(merged.flop(), systemic, tolerance)) {
				return verdict.reason(String.format("the modified model's cumulative compute, %s FLOP, is within the "
						+ "estimate tolerance of %s (%s para 123): whether it is presumed to have systemic risk "
						+ "(Art. 51(2)) is not decided by the figure", Quantities.power(merged.flop(), systemic),
						Quantities.power(systemic, merged.flop()), GUIDELINES))
					.undetermined(rules, asOf);
			}
			if (merged.known() && merged.flop() > systemic) {
				verdict.figure(figure("cumulative training compute of " + child, merged, systemic,
						"Art. 51(2) (presumption of high-impact capabilities)", false));
				verdict.reason(String.format("the modified model's cumulative compute, %s FLOP (a modified model "
						+ "starts from the original's weights; on this tool's reading it is created 'through integrating "
						+ "pre-existing model weights, for example through weight initialisation', so 'the training "
						+ "compute used to train the combined model weights should be included in the estimation of the "
						+ "cumulative training compute of the model', %s Annex A.1, para 121), is above %s: presumed to have high-impact "
						+ "capabilities (Art. 51(2)), so Art. 52(1) notification and Art. 55 duties apply; rebuttable "
						+ "under Art. 52(2)", Quantities.power(merged.flop(), systemic), GUIDELINES,
						Quantities.power(systemic, merged.flop())));
				// Para 70 is about an original with systemic risk; this one is not.
				verdict.reason("the guidelines do not address a modification that takes a model without systemic "
						+ "risk above " + Quantities.power(systemic) + " FLOP (para 70 concerns originals with "
						+ "systemic risk): on the presumption of Art. 51(2) " + SCOPE_WITHOUT_PARA_70);
				return verdict.role("MODIFIER_PROVIDER_SYSTEMIC_RISK", Basis.PRESUMED, rules, asOf,
						duties(party, rules, verdict, true, "the modification", released, null));
			}
			verdict.reason("its duties are limited to the modification (" + GUIDELINES + " para 68) and include "
					+ "Art. 54 where it applies (para 69)");
			return verdict.role("MODIFIER_PROVIDER", Basis.PRESUMED, rules, asOf,
					duties(party, rules, verdict, false, "the modification", released, null));
		}
		if (parent.derivation().relation() == Relation.MERGE) {
			// A merge of others' weights read as a model its merger develops itself
			// (para 23 names merging among the ways a provider develops a model): its
			// training compute for para 17 is read here as the merge step's own (para
			// 118), its cumulative compute (para 121) counting for systemic risk only.
			double step = modification.noTraining() ? 0 : modification.flop();
			String readings = "whether a merge of other providers' weights is their modification (paras 60–65; para "
					+ "23: 'Different considerations apply if another actor modifies the model') or a model its "
					+ "merger develops itself the guidelines do not say";
			String ownReading = "on the reading that " + child + " is a model its merger develops itself (Art. 3(3); "
					+ GUIDELINES + " para 23 names 'merging of model weights' among the ways a provider may develop a "
					+ "model), its figure for the indicative criterion (para 17) is, where it is not a model with "
					+ "systemic risk, 'the total amount of compute directly contributing to parameter updates in the "
					+ "model' (para 118), its own step's compute or its cumulative compute counting the merged weights "
					+ "(para 121), the one para 118 uses to assess systemic risk";
			if (systemicOriginal && !Boolean.FALSE.equals(party.model().generative())) {
				return verdict.reason(String.format("%s; its cumulative compute counts %s's, above %s FLOP (para 121): "
						+ "on that reading it is presumed to have high-impact capabilities (Art. 51(2)) if it is a "
						+ "general-purpose AI model, which its own training compute may not indicate (para 17) but "
						+ "its generality may (para 20); as a modification of %s below one third, %s would not be "
						+ "the provider (paras 63, 65); %s, so the role is not decided; it decides: which reading holds",
						ownReading, p, Quantities.power(systemic), p, developerOf(party), readings))
					.undetermined(rules, asOf);
			}
			boolean stepMeets = step > gpai && !near(step, gpai, tolerance);
			if ((stepMeets || near(step, gpai, tolerance)) && !Boolean.FALSE.equals(party.model().generative())) {
				verdict.reason(String.format(
						"as a modification of %s, the merge step's %s FLOP ≤ %s (%s): %s would "
								+ "not be considered the provider under the indicative criterion (para 63)",
						p, Quantities.power(step, threshold), Quantities.power(threshold, step), thresholdWords,
						developerOf(party)));
				String criterion = stepMeets
						? String.format("the merge step's %s FLOP is above 10^23: the indicative criterion would "
								+ "indicate that %s is a general-purpose AI model (para 17; rebuttable, para 20)%s, "
								+ "whose provider %s would be if it places it on the market (Art. 3(3))",
								Quantities.power(step, gpai), child,
								Boolean.TRUE.equals(party.model().generative()) ? ""
										: " if it " + GENERATES + ", which is not recorded",
								developerOf(party))
						: String.format("the merge step's %s FLOP is within the estimate tolerance of 10^23 (para "
								+ "123): whether the indicative criterion (para 17) is met is not decided by the figure",
								Quantities.power(step, gpai));
				return verdict
					.reason(String.format(
							"%s; %s; %s, so the role is not decided; it decides: which " + "reading holds%s",
							ownReading, criterion, readings,
							party.model().generative() == null ? ", and whether " + child + " " + GENERATES : ""))
					.undetermined(rules, asOf);
			}
			if (Boolean.FALSE.equals(party.model().generative())) {
				verdict.reason(ownReading + ": " + child + " is recorded as a model that cannot generate the outputs "
						+ "para 17 names, so that reading makes no provider either");
			}
			else {
				// The step's own figure and the cumulative one tell para 17 apart here.
				verdict.reason(String.format(
						"as a modification of %s, the merge step's %s ≤ %s (%s): %s would not be "
								+ "considered the provider under the indicative criterion (para 63)",
						p, step == 0 ? "no training compute" : Quantities.power(step, threshold) + " FLOP",
						Quantities.power(threshold, step), thresholdWords, developerOf(party)));
				return verdict.reason(String.format("as a model its merger develops itself (Art. 3(3); %s para 23 "
						+ "names 'merging of model weights' among the ways a provider may develop a model), %s; %s, so "
						+ "the role is not decided; it decides: which reading holds%s", GUIDELINES,
						twoFigures(child, step, merged, true, gpai, tolerance), readings,
						party.model().generative() == null ? ", and whether " + child + " " + GENERATES : ""))
					.undetermined(rules, asOf);
			}
		}
		if (modification.noTraining()) {
			verdict
				.reason("a step without training compute cannot exceed " + share(fraction) + " of " + p + "'s compute");
		}
		else {
			verdict.reason(String.format("the modification of %s used %s FLOP ≤ %s (%s)", p,
					Quantities.power(modification.flop(), threshold), Quantities.power(threshold, modification.flop()),
					thresholdWords));
		}
		verdict.reason("presumed not a significant change in generality, capabilities or systemic risk (" + GUIDELINES
				+ " paras 62–63, an indicative criterion): " + developerOf(party) + " does not become a provider; "
				+ "the provider of " + p + " is not the provider of this third party's variant either, and no "
				+ "Chapter V duty attaches to the variant's weights through this rule");
		var safety = parent.derivation().safetyEffect();
		if (safety == dev.pedigree.lineage.SafetyEffect.REMOVED
				|| safety == dev.pedigree.lineage.SafetyEffect.DEGRADED) {
			// The compute criterion is indicative: a step recorded as removing safeguards
			// is the kind of change para 62's test names besides compute.
			verdict.reason("the derivation is recorded as having " + safety.name().toLowerCase(java.util.Locale.ROOT)
					+ " safety ("
					+ (parent.derivation().safetySource() == null ? "source not recorded"
							: parent.derivation().safetySource())
					+ "): para 62's test is 'a significant change "
					+ "in the model's generality, capabilities, or systemic risk' and the compute criterion is only "
					+ "indicative (para 63), so evidence of a significant change in the model's capabilities (or, "
					+ "for a model with systemic risk, in its systemic risk) may rebut this presumption; 'a "
					+ "case-by-case assessment will always be necessary' (para 9)");
		}
		if (systemicUndecided) {
			verdict.reason("whether " + p + " is a systemic-risk model is not decided by its figure (within the "
					+ "estimate tolerance of " + Quantities.power(systemic) + ", " + GUIDELINES + " para 123)");
		}
		else if (systemicOriginal) {
			verdict.reason(systemicStanding(parent, systemic)
					+ ": para 65 gives the reason a modifier above the threshold "
					+ "takes on the duties of Art. 55, that the original's provider 'cannot reasonably foresee' the "
					+ "change in systemic risk such a modification brings; of a modification below it the guidelines "
					+ "name no duty of the original's provider for the variant's weights, and the modifier is not a "
					+ "provider (" + GUIDELINES + " para 65)");
		}
		return verdict.role("DOWNSTREAM_MODIFIER", Basis.PRESUMED, rules, asOf, Verdict.Duties.none());
	}

	/**
	 * Another party's model judged as a model of its own (its original is not presumed a
	 * general-purpose AI model): para 17 takes, for a model without systemic risk, "the
	 * total amount of compute directly contributing to parameter updates in the model"
	 * (para 118), which may be read as the step's own compute or as the cumulative
	 * compute counting the weights it integrates (para 121). Null where both figures tell
	 * para 17 the same (the cumulative one then decides, providerTest).
	 */
	private RegulatoryRole ownStepReadings(PartyFacts party, PartyFacts.ParentFacts parent, RuleSet rules,
			LocalDate asOf, Verdict verdict) {
		double gpai = rules.threshold("gpaiTrainingComputeFlop");
		double tolerance = rules.threshold("estimateTolerance");
		Compute modification = parent.modificationCompute();
		Compute cumulative = party.cumulativeCompute();
		if (Boolean.FALSE.equals(party.model().generative()) || !modification.known() || !cumulative.known()) {
			return null;
		}
		double step = modification.noTraining() ? 0 : modification.flop();
		if (step > gpai && !near(step, gpai, tolerance) || cumulative.flop() <= gpai
				|| near(cumulative.flop(), gpai, tolerance)) {
			return null;
		}
		String child = party.model().id();
		boolean merge = parent.derivation().relation() == Relation.MERGE;
		return verdict
			.reason(String.format("%s; so the role is not decided; it decides: which figure para 17 takes%s",
					twoFigures(child, step, cumulative, merge, gpai, tolerance),
					party.model().generative() == null ? ", and whether " + child + " " + GENERATES : ""))
			.undetermined(rules, asOf);
	}

	/**
	 * The two figures para 17 may take for a model built on others' weights: its own
	 * step's (para 118 read narrowly) and its cumulative compute (para 121).
	 */
	private static String twoFigures(String child, double step, Compute cumulative, boolean merge, double gpai,
			double tolerance) {
		String stepWords = step == 0
				? "none (a step without training), which indicates it is not a general-purpose " + "AI model"
				: near(step, gpai, tolerance)
						? Quantities.power(step, gpai) + " FLOP, within the estimate tolerance of 10^23 (para 123), "
								+ "which does not decide it"
						: Quantities.power(step, gpai) + " FLOP, at most 10^23, which indicates it is not a "
								+ "general-purpose AI model";
		String cumulativeWords = !cumulative.known()
				? "which is not recorded, and above " + Quantities.power(gpai) + " FLOP would indicate one"
				: near(cumulative.flop(), gpai, tolerance)
						? Quantities.power(cumulative.flop(), gpai) + " FLOP, within the estimate tolerance of 10^23 "
								+ "(para 123), which does not decide it"
						: Quantities.power(cumulative.flop(), gpai) + " FLOP, above "
								+ Quantities.power(gpai, cumulative.flop()) + ", which would indicate one";
		return String.format("which figure the indicative criterion (%s para 17) takes for %s the guidelines do not "
				+ "say of a model built on others' weights: 'the total amount of compute directly contributing to "
				+ "parameter updates in the model' (para 118, for a model without systemic risk), read as its own "
				+ "step's, %s; or its cumulative compute, counting the weights it %s (para 121: %s), %s, whose "
				+ "provider its developer would be if it places it on the market (Art. 3(3))", GUIDELINES, child,
				stepWords, merge ? "merges" : "starts from",
				merge ? "'created by combining model weights, for example via model weight merging'"
						: "'through integrating pre-existing model weights'",
				cumulativeWords);
	}

	/** The model's recorded domain, for a reason, or nothing where none is recorded. */
	private static String domain(ModelView model) {
		return model.modality() == null || model.modality().isBlank() ? "" : " (domain " + model.modality() + ")";
	}

	/**
	 * The most a merged model's cumulative compute can be when its parts' figures are
	 * known but their shared ancestry is not: their sum plus the merge step's declared
	 * training (NaN when a part's figure is unknown). A teacher's compute is left out
	 * (para 122).
	 */
	private static double mergeUpperBound(PartyFacts party, Compute modification) {
		double upper = modification.noTraining() ? 0 : modification.flop();
		for (var merging : party.parents()) {
			if (merging.derivation().relation() != Relation.DISTILLATION) {
				upper = merging.parentCompute().known() ? upper + merging.parentCompute().flop() : Double.NaN;
			}
		}
		return upper;
	}

	/**
	 * How the original is known to have systemic risk: recorded, or presumed from its
	 * compute (Art. 51(2)), which the provider may rebut (Art. 52(2)).
	 */
	private static String systemicStanding(PartyFacts.ParentFacts parent, double systemic) {
		String p = parent.parent().id();
		if (parent.parentSystemicRiskDesignation() != null) {
			return p + " is recorded as a systemic-risk model (" + parent.parentSystemicRiskDesignation() + ")";
		}
		return p + " is presumed to have high-impact capabilities ("
				+ Quantities.power(parent.parentCompute().flop(), systemic) + " FLOP > "
				+ Quantities.power(systemic, parent.parentCompute().flop()) + ", Art. 51(2)) "
				+ "and so classified as a model with systemic risk (Art. 51(1)(a)), rebuttable (Art. 52(2))";
	}

	/** Dates, exemption and establishment of a provider's duties, with their reasons. */
	private Verdict.Duties duties(PartyFacts party, RuleSet rules, Verdict verdict, boolean systemic, String scope,
			DateProxy proxy, String lifecycle) {
		LocalDate placed = proxy.date();
		String what = lifecycle == null ? "placed on the market " + placed
				: "its lifecycle began with " + lifecycle + ", placed on the market " + placed;
		LocalDate start = rules.date("obligationsApplyFrom");
		LocalDate enforcement = rules.date("enforcementFrom");
		LocalDate cutOff = rules.date("modelsPlacedBefore");
		LocalDate appliesFrom;
		String dateCaveat = null;
		String legacy = "Art. 111(3): providers of general-purpose AI models 'that have been placed on the market before "
				+ words(cutOff)
				+ " shall take the necessary steps in order to comply with the obligations laid down in "
				+ "this Regulation by " + words(rules.date("legacyModelsComplyBy")) + "' (" + cutOff + ", "
				+ rules.date("legacyModelsComplyBy") + ")";
		String placing = "placing on the market is 'the first making available … on the Union market' (Art. 3(9)), "
				+ "making available 'the supply of … a general-purpose AI model for distribution or use on the Union "
				+ "market in the course of a commercial activity, whether in return for payment or free of charge' "
				+ "(Art. 3(10)); the guidelines' examples of placing include a model made available for the first "
				+ "time on the Union market 'via an application programming interface (API)', 'via a software library "
				+ "or package', 'via a cloud computing service' or 'by being copied onto a customer's own "
				+ "infrastructure', and one 'uploaded for the first time to a public catalogue, hub, or repository for "
				+ "direct download on the Union market' (para 53; they 'require case-by-case assessment', para 54)";
		String decides = "; it decides: the date " + proxy.modelId() + " was first made available on the Union market "
				+ "(Art. 3(9)–(10); guidelines para 53), through the Hub or any other channel";
		if (placed == null) {
			appliesFrom = start;
			verdict.reason("no release date: taken as placed on the market from " + start + " (" + POINT_B
					+ "); if it was placed earlier, compliance with its duties is due by "
					+ rules.date("legacyModelsComplyBy") + " (Art. 111(3))");
			dateCaveat = "no release date is recorded: applies from " + appliesFrom + " on the reading that it was "
					+ "placed on the market on or after " + cutOff + "; if placed before " + cutOff + ", by "
					+ rules.date("legacyModelsComplyBy") + " (Art. 111(3)); it decides: the date it was first made "
					+ "available on the Union market (Art. 3(9)–(10); guidelines para 53)";
		}
		else if (placed.isBefore(cutOff)) {
			appliesFrom = rules.date("legacyModelsComplyBy");
			verdict.reason(what + " (" + proxy.described() + ", standing in for the date of "
					+ "placing on the market), before " + start + ": compliance with its duties is due by "
					+ appliesFrom + " (Art. 111(3); for the whole lifecycle, " + GUIDELINES + " para 109)");
			if (!proxy.hub()) {
				// A publication or announcement can come before the weights or an API:
				// the
				// lenient date rests on the date being the placing.
				verdict.reason("date caveat: " + proxy.modelId() + "'s date " + placed + " is " + proxy.described()
						+ ", which can precede the first making available on the Union market (Art. 3(9)–(10); "
						+ GUIDELINES + " para 53): if " + proxy.modelId() + " was first made available there on or "
						+ "after " + cutOff + ", its duties are owed from placing on the market (" + POINT_B
						+ "; Art. 52(1) and 54(1) earlier), not from " + appliesFrom + "; it decides: the date "
						+ proxy.modelId() + " was first made available on the Union market");
			}
			if (proxy.hub()) {
				// The Hub's date bounds placing neither way: a repository created private
				// and published later, or a model first made available through another
				// channel. Only a later placing takes the model out of Art. 111(3).
				verdict.reason("date caveat: " + proxy.caveat() + ". " + legacy + "; " + placing + ": if "
						+ proxy.modelId() + " was placed on the market earlier through another channel, Art. 111(3) "
						+ "applies all the same; if it was first made available on the Union market on or after "
						+ cutOff + ", its duties are owed from placing on the market (" + POINT_B + "), Art. 52(1) "
						+ "and Art. 54(1) earlier, fines from " + enforcement + " or the infringement, whichever is "
						+ "later" + decides);
				dateCaveat = "compliance due by " + appliesFrom + " (Art. 111(3)) on the reading that "
						+ proxy.modelId() + " was placed on the market before " + cutOff
						+ ", from its Hub repository creation date " + placed
						+ (proxy.migrated() ? " (the Hub's migration date: created on or before it)" : "")
						+ "; if first made available on the Union market on or after " + cutOff
						+ " (Art. 3(9)–(10); guidelines para 53), through the Hub or any other channel, owed from "
						+ "placing on the market (" + POINT_B + "), fines from " + enforcement
						+ " or the infringement, whichever is later";
			}
		}
		else {
			appliesFrom = start;
			verdict.reason(what + " (" + proxy.described() + ", standing in for the date of "
					+ "placing on the market): Chapter V applies from " + start + " (" + POINT_B + ")");
			if (proxy.hub()) {
				// A Hub repository's creation is no lower bound on placing either: an API
				// or another channel may have come first, before the cut-off.
				verdict.reason("date caveat: " + proxy.caveat() + ". " + placing + ": a first making available "
						+ "through the Hub after " + placed + " leaves Chapter V applying from placing (" + POINT_B
						+ "); if " + proxy.modelId() + " was placed on the market before " + cutOff
						+ " through an API or another channel, " + legacy + decides);
				dateCaveat = "applies from " + appliesFrom + " on the reading that " + proxy.modelId()
						+ " was placed on the market on or after " + cutOff + ", from its Hub repository creation "
						+ "date " + placed + "; if first made available on the Union market before " + cutOff
						+ " (Art. 3(9)–(10); guidelines para 53) through an API or any other channel, by "
						+ rules.date("legacyModelsComplyBy") + " (Art. 111(3))";
			}
		}
		LocalDate enforceable = appliesFrom.isAfter(enforcement) ? appliesFrom : enforcement;
		verdict.reason("the Commission's enforcement powers, fines under Art. 101 included, apply from " + enforcement
				+ " (Art. 113, second paragraph; third paragraph, point (b) excepts Art. 101 from the earlier date; "
				+ GUIDELINES + " paras 106, 114)");
		var exemption = exemption(party, systemic);
		if (exemption.status() == Verdict.Exemption.NOT_APPLICABLE && exemption.note() != null) {
			verdict.reason("no open-source exemption: " + exemption.note());
		}
		Boolean outside = outsideUnion(party, rules);
		if (outside == null) {
			verdict.reason("the organisation's country is not known: whether Art. 54 applies is undetermined");
		}
		else if (outside) {
			verdict.reason(party.organization().name() + " is established outside the Union ("
					+ party.organization().country() + "): Art. 54 authorised representative"
					+ (exemption.status() == Verdict.Exemption.APPLIES ? " (lifted by Art. 54(6))" : ""));
		}
		return new Verdict.Duties(appliesFrom, enforceable, scope, exemption.status(), exemption.note(), outside, null,
				dateCaveat, false, dateCaveat == null ? java.util.Map.of() : BEFORE_PLACING);
	}

	private record ExemptionStatus(Verdict.Exemption status, String note) {
	}

	/**
	 * Art. 53(2), 54(6), recital 103, guidelines paras 76–91: a free and open-source
	 * licence, public weights, no monetisation; never for systemic risk.
	 */
	private static ExemptionStatus exemption(PartyFacts party, boolean systemic) {
		if (systemic) {
			return new ExemptionStatus(Verdict.Exemption.NOT_APPLICABLE,
					"it never applies to a general-purpose AI model with systemic risk (Art. 53(2); " + GUIDELINES
							+ " para 74)");
		}
		String access = party.model().access();
		if (access != null && !"OPEN_WEIGHTS".equals(access)) {
			return new ExemptionStatus(Verdict.Exemption.NOT_APPLICABLE, "the weights are not made publicly available"
					+ " (access " + access + "; Art. 53(2), " + GUIDELINES + " para 90)");
		}
		var licence = party.licence();
		if (licence != null && licence.openSourceExemption() != null) {
			String name = licence.name() == null ? licence.id() : licence.name();
			return switch (licence.openSourceExemption()) {
				case "qualifies" -> new ExemptionStatus(Verdict.Exemption.APPLIES,
						name + " is a free and open-source "
								+ "licence; presumed, as the graph holds no fact on monetisation (" + GUIDELINES
								+ " paras 85–89)");
				case "doubtful" ->
					new ExemptionStatus(Verdict.Exemption.DOUBTFUL, name + ": " + licence.exemptionNote());
				default -> new ExemptionStatus(Verdict.Exemption.NOT_APPLICABLE, name + ": " + licence.exemptionNote());
			};
		}
		String detail = party.model().accessDetail() == null ? ""
				: party.model().accessDetail().toLowerCase(Locale.ROOT);
		if (detail.contains("non-commercial")) {
			return new ExemptionStatus(Verdict.Exemption.NOT_APPLICABLE, "Epoch AI reports the weights as "
					+ "non-commercial: 'limitations to non-commercial or research-only use' disqualify a licence ("
					+ GUIDELINES + " para 83)");
		}
		if (detail.contains("unrestricted")) {
			return new ExemptionStatus(Verdict.Exemption.UNDETERMINED, "Epoch AI reports the weights as open and "
					+ "unrestricted, but the licence itself is not in the graph: whether it allows access, use, "
					+ "modification and distribution without restrictions of the kinds in " + GUIDELINES
					+ " para 83 decides, and monetisation is not known (paras 85–89)");
		}
		if (detail.contains("restricted")) {
			return new ExemptionStatus(Verdict.Exemption.UNDETERMINED, "Epoch AI reports the weights as open with "
					+ "restricted use; whether the restrictions disqualify the licence (" + GUIDELINES
					+ " para 83) or are safety-oriented (para 84) depends on the licence, which the graph does not hold");
		}
		return new ExemptionStatus(Verdict.Exemption.UNDETERMINED, "the licence of " + party.model().id()
				+ " is not known (Art. 53(2) needs a free and open-source licence)");
	}

	private static Boolean outsideUnion(PartyFacts party, RuleSet rules) {
		if (party.organization() == null || party.organization().country() == null
				|| party.organization().country().isBlank()) {
			return null;
		}
		String country = party.organization().country().split(",")[0].strip();
		return rules.unionCountries().stream().noneMatch(c -> c.equalsIgnoreCase(country));
	}

	/**
	 * The model the party's lifecycle began with, when it is not the party's own model.
	 */
	private static String lifecycle(PartyFacts party) {
		return party.lifecycleOrigin() == null || party.lifecycleOrigin().equals(party.model().id()) ? null
				: party.lifecycleOrigin();
	}

	/**
	 * The date a provider's model counts as placed on the market: its lifecycle's first
	 * model's (guidelines para 109), else its own.
	 */
	private static DateProxy lifecycleDate(PartyFacts party) {
		if (party.lifecycleModel() != null && party.lifecycleModel().releaseDate() != null) {
			ModelView origin = party.lifecycleModel();
			return DateProxy.of(origin.id(), date(origin.releaseDate()), origin.releaseDateSource(), origin.sources());
		}
		return DateProxy.of(party.model().id(), date(party.model().releaseDate()), party.model().releaseDateSource(),
				party.model().sources());
	}

	/** A date as the Regulation writes it: "2 August 2025". */
	private static String words(LocalDate date) {
		return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
	}

	private static LocalDate date(String value) {
		return value == null ? null : LocalDate.parse(value.substring(0, Math.min(10, value.length())));
	}

	/**
	 * The parameter count a modification's bound in tokens uses: the modified model's
	 * own, or its parent's where the parent's is sourced and the model's only read from
	 * its name.
	 */
	private static Sizing sizedOf(PartyFacts party, PartyFacts.ParentFacts parent) {
		return sizing(party.model(), List.of(parent));
	}

	static ModelView sized(ModelView model) {
		return model.parameterCount() == null || model.parameterCount().value() <= 0 ? null : model;
	}

	private static String developerOf(PartyFacts party) {
		return party.organization() == null ? "its developer" : party.organization().name();
	}

	private static String developerName(PartyFacts.ParentFacts parent) {
		return parent.parentOrganization() == null ? "the teacher's developer" : parent.parentOrganization().name();
	}

	/**
	 * Within the estimate tolerance: the true value of an estimate could lie on either
	 * side.
	 */
	static boolean near(double value, double threshold, double tolerance) {
		return value * (1 - tolerance) <= threshold && threshold <= value * (1 + tolerance);
	}

	static Figure figure(String name, Compute compute, double threshold, String article, boolean near) {
		return figure(name, compute, threshold, article, near, Quantities.Unit.FLOP);
	}

	static Figure figure(String name, Compute compute, double threshold, String article, boolean near,
			Quantities.Unit unit) {
		return new Figure(name, compute.flop(), threshold, article, compute.source(), compute.derived(),
				compute.estimated(), near, null, unit);
	}

	/**
	 * What would decide an unknown compute test, in FLOP and, where parameters are known,
	 * tokens.
	 */
	static String bound(double threshold, Sizing sizing, String what) {
		return "the " + what + " would have to exceed " + Quantities.power(threshold) + " FLOP"
				+ tokens(threshold, sizing, false);
	}

	/**
	 * A compute figure in training tokens for the parameter count {@code sizing} chose
	 * (null: none known), with the count's provenance and, where a name-read count was
	 * passed over, which and why; a count that is an upper bound makes the tokens a lower
	 * bound. 6·N·D is the guidelines' approximation for dense transformer language models
	 * (Annex A.2.2, para 132, written there C ≈ 6·P·D); SB 53 sets no counting method, so
	 * its texts say whose approximation it is.
	 */
	static String tokens(double flop, Sizing sizing, boolean sb53) {
		if (sizing == null) {
			return "";
		}
		ModelView sized = sizing.used();
		double tokens = flop / (6 * sized.parameterCount().value());
		String passedOver = sizing.passedOver() == null ? ""
				: " — used rather than " + sizing.passedOver().id() + "'s "
						+ ParameterCounts.describe(sizing.passedOver())
						+ ", as a sourced count wins over one read from a name —";
		String method = sb53
				? "by 6·N·D (N parameters, D training tokens), the approximation the EU Commission's GPAI guidelines "
						+ "give for 'some dense large language models based on the transformer architecture' (C ≈ 6·P·D, "
						+ "Annex A.2.2, para 132), not a method SB 53 sets"
				: "at 6·N·D (" + GUIDELINES + " Annex A.2.2, para 132: C ≈ 6·P·D for 'some dense large language models "
						+ "based on the transformer architecture')";
		return String.format("; with %s's %s%s that is %s %s training tokens %s", sized.id(),
				ParameterCounts.describe(sized), passedOver,
				ParameterCounts.upperBound(sized) ? "at least about" : "about", Quantities.count(tokens), method);
	}

	/**
	 * The parameter count a bound in tokens uses ({@code used}) and a count it passed
	 * over: the model's own count unless it was read from its name and a training
	 * parent's is sourced (a fine-tune, adapter or quantization keeps its parent's
	 * weights' shape, and a figure from the weights or a source wins over a guess from a
	 * name; a merge need not keep it: mixture-of-experts upcycling or depth up-scaling
	 * builds a larger model from its parents, so a merge keeps its own count, hedged as
	 * read from its name); else the model's own; else a parent's. Null when none is
	 * known.
	 */
	record Sizing(ModelView used, ModelView passedOver) {
	}

	static Sizing sizing(ModelView model, List<PartyFacts.ParentFacts> trainingParents) {
		ModelView own = sized(model);
		if (own != null && !ParameterCounts.fromName(own)) {
			return new Sizing(own, null);
		}
		for (PartyFacts.ParentFacts p : trainingParents) {
			ModelView parent = p.parent();
			if (p.derivation().relation() != Relation.MERGE && sized(parent) != null
					&& !ParameterCounts.fromName(parent)) {
				return new Sizing(parent, own);
			}
		}
		if (own != null) {
			return new Sizing(own, null);
		}
		return trainingParents.stream()
			.map(PartyFacts.ParentFacts::parent)
			.filter(p -> sized(p) != null)
			.findFirst()
			.map(p -> new Sizing(p, null))
			.orElse(null);
	}

	/** The models whose weights a party's model was trained from (not its teachers). */
	static List<PartyFacts.ParentFacts> trainingParents(PartyFacts party) {
		return party.parents().stream().filter(p -> p.derivation().relation() != Relation.DISTILLATION).toList();
	}

	/**
	 * A rule set's fraction in words ("one third" for the modifier criterion of
	 * guidelines para 63), so a changed rule file changes the text.
	 */
	static String share(double fraction) {
		List<String> words = List.of("one half", "one third", "one quarter");
		for (int n = 2; n <= 4; n++) {
			if (Math.abs(fraction * n - 1) < 1e-9) {
				return words.get(n - 2);
			}
		}
		return String.format("%.3g%%", fraction * 100);
	}

	/**
	 * For a merge, a provider role reached as a model of its own on its cumulative figure
	 * alone ranks below an open question about another merged model; a modifier-provider
	 * role (reached on both readings, the step above one third and above 1e23) above it.
	 */
	private static int rank(String role, boolean merge) {
		if (!merge) {
			return rank(role);
		}
		return switch (role) {
			case "MODIFIER_PROVIDER_SYSTEMIC_RISK" -> 6;
			case "MODIFIER_PROVIDER" -> 5;
			case "UNDETERMINED" -> 4;
			case "GPAI_PROVIDER_SYSTEMIC_RISK" -> 3;
			case "GPAI_PROVIDER" -> 2;
			case "DOWNSTREAM_MODIFIER" -> 1;
			default -> 0;
		};
	}

	private static int rank(String role) {
		return switch (role) {
			case "MODIFIER_PROVIDER_SYSTEMIC_RISK", "GPAI_PROVIDER_SYSTEMIC_RISK" -> 5;
			case "MODIFIER_PROVIDER" -> 4;
			case "GPAI_PROVIDER" -> 3;
			case "UNDETERMINED" -> 2;
			case "DOWNSTREAM_MODIFIER" -> 1;
			default -> 0;
		};
	}

}
