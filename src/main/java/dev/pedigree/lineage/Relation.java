package dev.pedigree.lineage;

/** How a child model was made from its parent, as the source declares it. */
public enum Relation {

	FINETUNE, ADAPTER, QUANTIZED, MERGE, DISTILLATION, CONTINUED_PRETRAINING, SAFETY_REMOVAL, OTHER;

	/**
	 * Maps the Hub's lower-case relation words ({@code finetune}, {@code adapter},
	 * {@code quantized}, …).
	 */
	public static Relation fromSource(String value) {
		if (value == null) {
			return null;
		}
		String v = value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
		return switch (v) {
			case "FINETUNE", "FINE_TUNE", "FINETUNED", "FINE_TUNED" -> FINETUNE;
			case "ADAPTER", "ADAPTERS", "LORA" -> ADAPTER;
			case "QUANTIZED", "QUANTIZATION", "QUANTISED", "QUANT" -> QUANTIZED;
			case "MERGE", "MERGES", "MERGED" -> MERGE;
			case "DISTILLATION", "DISTILLED" -> DISTILLATION;
			case "CONTINUED_PRETRAINING" -> CONTINUED_PRETRAINING;
			case "SAFETY_REMOVAL" -> SAFETY_REMOVAL;
			case "OTHER" -> OTHER;
			default -> null;
		};
	}

}
