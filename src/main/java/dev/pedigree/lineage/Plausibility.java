package dev.pedigree.lineage;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a declared parent can have produced its child, judged on their sizes:
 * fine-tuning, continued pre-training and safety removal keep a model's parameters (give
 * or take an extended vocabulary or an added vision tower), so a child far smaller or
 * larger than its declared parent was probably made from another model — a 32B "distill"
 * declared a fine-tune of a 671B model. Quantizations and adapters change the weights'
 * storage, not the model's size; merges and distillations may change it by design: those
 * are never questioned. A warning is a finding beside the derivation, never a change to
 * it.
 */
public final class Plausibility {

	/** Below this share of the parent's parameters a "fine-tune" is doubtful. */
	public static final double MIN_RATIO = 0.5;

	/** Above this multiple of the parent's parameters a "fine-tune" is doubtful. */
	public static final double MAX_RATIO = 2.0;

	static final Set<Relation> SIZE_KEEPING = Set.of(Relation.FINETUNE, Relation.CONTINUED_PRETRAINING,
			Relation.SAFETY_REMOVAL);

	// A quantization or an adapter by its name, whatever relation was declared: packed
	// low-bit weights and adapter
	// files count fewer parameters than the model has (an MLX 4-bit upload of a 32B model
	// stores 5B "parameters").
	private static final Pattern QUANTIZED_OR_ADAPTER = Pattern.compile(
			"(?<![a-z0-9])(?:\\d{1,2}[-_]?bits?|gguf|gptq|awq|exl2|int[48]|fp8|nf4|bnb|q\\d_k(?:_[msl])?|lora|qlora)(?![a-z])",
			Pattern.CASE_INSENSITIVE);

	private Plausibility() {
	}

	/**
	 * @return the warning, or empty when the sizes fit the relation or one is unknown
	 */
	public static Optional<String> sizeWarning(Relation relation, SourcedFigure parent, SourcedFigure child) {
		return sizeWarning(relation, parent, child, null);
	}

	/**
	 * @param childId the child's id: a name that says quantization or adapter (4bit,
	 * GGUF, AWQ, LoRA…) excepts it like the declared relation would
	 * @return the warning, or empty when the sizes fit the relation or one is unknown
	 */
	public static Optional<String> sizeWarning(Relation relation, SourcedFigure parent, SourcedFigure child,
			String childId) {
		if (relation == null || !SIZE_KEEPING.contains(relation) || parent == null || child == null
				|| parent.value() <= 0 || child.value() <= 0) {
			return Optional.empty();
		}
		if (childId != null && QUANTIZED_OR_ADAPTER.matcher(childId.substring(childId.lastIndexOf('/') + 1)).find()) {
			return Optional.empty();
		}
		double ratio = child.value() / parent.value();
		if (ratio >= MIN_RATIO && ratio <= MAX_RATIO) {
			return Optional.empty();
		}
		return Optional.of(String.format(Locale.ROOT,
				"size: declared a %s of a %s-parameter model (%s) but has %s parameters (%s), %s the parent's;"
						+ " a %s keeps its parent's size, so the declared parent is doubtful (a distillation, or"
						+ " made from another model?)",
				relation.name().toLowerCase(Locale.ROOT).replace('_', ' '), human(parent.value()), provenance(parent),
				human(child.value()), provenance(child),
				ratio < 1 ? String.format(Locale.ROOT, "%.2g times", ratio)
						: String.format(Locale.ROOT, "%.3g times", ratio),
				relation.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
	}

	static String human(double parameters) {
		if (parameters >= 1e12) {
			return trim(parameters / 1e12) + "T";
		}
		if (parameters >= 1e9) {
			return trim(parameters / 1e9) + "B";
		}
		return trim(parameters / 1e6) + "M";
	}

	private static String trim(double value) {
		String s = String.format(Locale.ROOT, "%.1f", value);
		return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
	}

	private static String provenance(SourcedFigure count) {
		return count.estimated() ? count.source() + ", estimated" : count.source();
	}

}
