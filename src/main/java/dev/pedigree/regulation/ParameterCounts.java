package dev.pedigree.regulation;

import java.util.Optional;

import dev.pedigree.lineage.ModelView;
import dev.pedigree.lineage.SourcedFigure;

/**
 * How a model's parameter count is printed in verdicts and reports: beside the figure,
 * where it comes from and whether it is an estimate.
 */
public final class ParameterCounts {

	private ParameterCounts() {
	}

	/**
	 * A parameter count as every text prints it: the figure, where it comes from and
	 * whether it is an estimate ("7.00B parameters (reported: counted from the weights
	 * …)", "56.0B parameters (estimated: read from “8x7B” in its name; an upper bound
	 * …)"). A guess from a name is not a count.
	 */
	public static String describe(ModelView model) {
		SourcedFigure figure = model.parameterCount();
		String where = switch (figure.source()) {
			case SourcedFigure.SAFETENSORS -> "counted from the weights, the Hub's safetensors total";
			case SourcedFigure.EPOCH -> "Epoch AI's figure";
			case SourcedFigure.MANUAL -> "a curator's figure";
			case SourcedFigure.NAME ->
				nameSize(model)
					.map(size -> "read from “" + size.text() + "” in its name"
							+ (size.experts()
									? "; an upper bound: a mixture of experts shares layers between its experts" : ""))
					.orElse("read from its name");
			default -> null;
		};
		String count = Quantities.count(figure.value()) + " parameters (";
		if (where == null) {
			return count + "source not recorded" + (figure.estimated() ? ", an estimate" : "") + ")";
		}
		return count + (figure.estimated() ? "estimated: " : "reported: ") + where + ")";
	}

	/**
	 * Whether the count was read from a name that multiplies an expert count ("8x7B"):
	 * the true count is lower.
	 */
	public static boolean upperBound(ModelView model) {
		return SourcedFigure.NAME.equals(model.parameterCount().source())
				&& nameSize(model).map(SourcedFigure.NameSize::experts).orElse(false);
	}

	/** Whether the count is a guess read from the model's name, not a sourced figure. */
	public static boolean fromName(ModelView model) {
		return model.parameterCount() != null && SourcedFigure.NAME.equals(model.parameterCount().source());
	}

	/** The size a name-read count came from, read as the size checks read it. */
	private static Optional<SourcedFigure.NameSize> nameSize(ModelView model) {
		return SourcedFigure.sizeInName(model.id()).or(() -> SourcedFigure.sizeInName(model.name()));
	}

}
