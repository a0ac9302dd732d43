package dev.pedigree.regulation;

import java.util.regex.Pattern;

import dev.pedigree.lineage.Derivation;
import dev.pedigree.lineage.ModelView;
import dev.pedigree.lineage.Relation;

/**
 * A compute figure with its provenance: the source's own estimate, derived from other
 * figures, or a modification presumed to involve no training at all.
 *
 * @param flop the figure; null when unknown
 * @param estimated the source reports it as an estimate (Epoch AI confidence other than
 * "Confident", a name-based guess)
 * @param derived computed from other figures (a difference or a sum), not reported
 * @param noTraining a modification that updates no weights by training (quantisation,
 * merging, abliteration): 0 by the nature of the step
 * @param source where it came from, in words an investigator can check
 */
public record Compute(Double flop, boolean estimated, boolean derived, boolean noTraining, String source) {

	public static final Compute UNKNOWN = new Compute(null, false, false, false, null);

	// Abliteration/orthogonalisation edits weights along a refusal direction found by
	// forward passes on a few hundred prompts: no gradient training.
	private static final Pattern WEIGHT_EDIT = Pattern.compile("(abliterat|orthogonali[sz])", Pattern.CASE_INSENSITIVE);

	public boolean known() {
		return this.flop != null;
	}

	/**
	 * Reported as a firm figure: not an estimate, not derived, not presumed from the kind
	 * of step.
	 */
	public boolean firm() {
		return known() && !this.estimated && !this.derived && !this.noTraining;
	}

	/** A model's own reported figure (Epoch AI's confidence decides "estimated"). */
	public static Compute reported(ModelView model, String confidence, String url) {
		if (model.trainingComputeFlop() == null) {
			return UNKNOWN;
		}
		// Epoch AI's figures are its own estimates (rated Confident/Likely/Speculative),
		// not
		// the developer's reported compute.
		boolean estimate = confidence != null || model.sources().contains("epoch");
		String source = "training compute of " + model.id()
				+ (estimate
						? " as estimated by Epoch AI" + (confidence == null ? "" : " (confidence: " + confidence + ")")
						: " as recorded")
				+ (url == null ? "" : ", " + url);
		return new Compute(model.trainingComputeFlop(), estimate, false, false, source);
	}

	/**
	 * The compute a modification child ← parent used: the derivation's declared figure;
	 * else none for steps that train nothing; else the difference of the child's and the
	 * parent's cumulative compute where both are known (derived); else unknown.
	 */
	public static Compute modification(ModelView child, Compute childCumulative, Derivation derivation,
			Compute parentCumulative, int trainingParents) {
		if (derivation.computeFlop() != null) {
			return new Compute(derivation.computeFlop(), true, false, false,
					"compute of the derivation " + child.id() + " ← " + derivation.parentId() + " as declared by "
							+ (derivation.source() == null ? "its source" : derivation.source()));
		}
		if (derivation.relation() == Relation.QUANTIZED) {
			return new Compute(0.0, false, false, true,
					"a quantization re-encodes the parent's weights at lower precision without training");
		}
		if (derivation.relation() == Relation.MERGE) {
			return new Compute(0.0, false, false, true,
					"a merge combines existing weights without gradient training (no training compute declared)");
		}
		if (WEIGHT_EDIT.matcher(child.id()).find() || WEIGHT_EDIT.matcher(child.name()).find()) {
			return new Compute(0.0, true, false, true, "the name of " + child.id()
					+ " says abliteration: weights edited along a refusal direction found by forward passes, without gradient training");
		}
		if (trainingParents == 1 && childCumulative.known() && parentCumulative.known() && !childCumulative.derived()) {
			double difference = childCumulative.flop() - parentCumulative.flop();
			if (difference >= 0) {
				return new Compute(difference, true, true, false,
						String.format("derived: cumulative compute of %s (%s) minus that of %s (%s)", child.id(),
								Quantities.power(childCumulative.flop()), derivation.parentId(),
								Quantities.power(parentCumulative.flop())));
			}
		}
		return UNKNOWN;
	}

}
