package dev.pedigree.lineage;

import java.util.List;

/**
 * What a batch of derivations did.
 *
 * @param cycles edges skipped because they would have closed a cycle, each as
 * {@code origin: child -> parent -> … -> child}
 * @param placeholders models the derivations named without any source describing them,
 * created as placeholders
 * @param unknownModels derivations not written because they name a model that does not
 * exist (when placeholders were not wanted)
 * @param retracted derivations not written because a curator retracted the claim (the
 * retraction wins until a curator records the derivation again), each with when and why
 * @param vanished derivations not written because a model they name left the store while
 * the import ran (a name resolution running at the same time merged a placeholder into
 * the model it names)
 */
public record DerivationOutcome(WriteCounts counts, List<String> cycles, List<String> placeholders,
		List<DerivationFacts> unknownModels, List<Retracted> retracted, List<DerivationFacts> vanished) {

	/** An imported derivation left out because its claim was retracted. */
	public record Retracted(DerivationFacts derivation, String retractedAt, String reason) {
	}

}
