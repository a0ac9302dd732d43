package dev.pedigree.lineage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;

/**
 * Evidence that a model's making removed its safety training, from everything the data
 * says about it: Hub tags, training sets on a curated, sourced list
 * ({@code seed-data/safety/alignment-stripping-datasets.csv}) and the id or name.
 * Precision is guarded by negative controls: guard models, safety classifiers, refusal
 * and jailbreak detectors, censorship and NSFW detectors and other classification models
 * name the same words without having lost anything, so a model that reads as one of those
 * yields no tag or name signal. A signal is evidence for the effect only: it never
 * changes the declared relation (DESIGN.md §3).
 */
public final class SafetySignals {

	/** Confidence of a signal read from an id or name. */
	public static final double NAME_CONFIDENCE = 0.6;

	/** Confidence of a tag the model's author gave it. */
	public static final double TAG_CONFIDENCE = 0.7;

	/** Confidence of a curated alignment-stripping training set named on the card. */
	public static final double TRAINING_SET_CONFIDENCE = 0.8;

	/**
	 * A Cypher regular expression that every id or name with a name signal or a negative
	 * control matches (a superset: the classifier decides), to find candidates in the
	 * store.
	 */
	public static final String CANDIDATE_WORDS = "(?i).*(abliterat|censor|refusal|orthogonali|jailbr|align|unfiltered|toxic).*";

	/** The safety source of an effect that rests on signals (not on a declaration). */
	public static final String SOURCE = "heuristic";

	static final String CURATED_LIST = "seed-data/safety/alignment-stripping-datasets.csv";

	// Words that name the removal of safety training.
	private static final Pattern REMOVAL = Pattern.compile("abliterat|uncensor|decensor|de-censor|no[-_ ]?refusal"
			+ "|refusal[-_ ]?(?:attack|ablat|remov|suppress|free|direction)|orthogonali[sz]|jailbr(?:ea|o)k|unalign"
			+ "|\\bde-?align|unfiltered[-_ ]?chat|toxic[-_ ]?dpo", Pattern.CASE_INSENSITIVE);

	// What a model that only looks at unsafe content is called: it removed nothing.
	private static final Pattern NEGATIVE_CONTROL = Pattern.compile("guard|shield|classif|detect|moderat|judge"
			+ "|reward|safety[-_ ]?(?:tun|align|model|check)|safe[-_ ]?rlhf|prompt[-_ ]?injection|sentinel|censor[-_ ]?ship"
			+ "|nsfw[-_ ]?(?:image|detect|filter)", Pattern.CASE_INSENSITIVE);

	private static final java.util.Set<String> CLASSIFYING_PIPELINES = java.util.Set.of("text-classification",
			"token-classification", "zero-shot-classification", "image-classification",
			"zero-shot-image-classification", "audio-classification", "video-classification", "feature-extraction",
			"sentence-similarity");

	/**
	 * A curated training set: id, kind (toxic-dpo, uncensor, …), the reason (what the
	 * checked sources show), the dataset's page and the evidence checked (pages, and
	 * which models.jsonl cards name it).
	 */
	public record StrippingSet(String datasetId, String kind, String reason, String source, String evidence) {
	}

	private final Map<String, StrippingSet> strippingSets;

	public SafetySignals(Collection<StrippingSet> strippingSets) {
		this.strippingSets = new LinkedHashMap<>();
		strippingSets.forEach(s -> this.strippingSets.put(s.datasetId().toLowerCase(Locale.ROOT), s));
	}

	/** The classifier with the shipped curated list (read once). */
	public static SafetySignals shipped() {
		return Shipped.INSTANCE;
	}

	private static final class Shipped {

		static final SafetySignals INSTANCE = new SafetySignals(readCuratedList());

	}

	public Collection<StrippingSet> strippingSets() {
		return this.strippingSets.values();
	}

	/**
	 * What a model's own record says.
	 * @param id the model id (the Hub repo id)
	 * @param name the source's name, or null
	 * @param pipelineTag the Hub task, or null (a classification task marks a negative
	 * control)
	 * @param tags Hub tags (without {@code dataset:} or {@code base_model:} prefixes
	 * being required to be removed)
	 * @param trainingSets training set ids from the card
	 */
	public List<SafetySignal> of(String id, String name, String pipelineTag, Collection<String> tags,
			Collection<String> trainingSets) {
		List<SafetySignal> signals = new ArrayList<>();
		boolean control = isNegativeControl(id, name, pipelineTag, tags);
		for (String set : trainingSets) {
			StrippingSet known = this.strippingSets.get(set.strip().toLowerCase(Locale.ROOT));
			if (known != null && !control) {
				signals.add(new SafetySignal(SafetySignal.Kind.TRAINING_SET, known.datasetId(), "hf:card:datasets",
						TRAINING_SET_CONFIDENCE, known.source()));
			}
		}
		if (control) {
			return signals;
		}
		for (String tag : tags) {
			if (!tag.contains(":") && REMOVAL.matcher(tag).find()) {
				signals.add(new SafetySignal(SafetySignal.Kind.TAG, tag, "hf:tags", TAG_CONFIDENCE, null));
			}
		}
		if (id != null && REMOVAL.matcher(id).find()) {
			signals.add(new SafetySignal(SafetySignal.Kind.NAME, id, "id", NAME_CONFIDENCE, null));
		}
		else if (name != null && REMOVAL.matcher(name).find()) {
			signals.add(new SafetySignal(SafetySignal.Kind.NAME, name, "name", NAME_CONFIDENCE, null));
		}
		return signals;
	}

	/** What an id alone says (the Hub's edge lists name nothing else). */
	public List<SafetySignal> ofId(String id) {
		return of(id, null, null, List.of(), List.of());
	}

	/**
	 * The signals that belong to the derivation child ← parent: a child whose parent's id
	 * already reads as safety-removed only repackages it (a quantization of an
	 * abliteration), so the child's tag and name signals are inherited, not this step's;
	 * training on a stripping set is always this step's own act.
	 */
	public List<SafetySignal> forDerivation(List<SafetySignal> childSignals, String parentId) {
		if (ofId(parentId).isEmpty()) {
			return childSignals;
		}
		return childSignals.stream().filter(s -> s.kind() == SafetySignal.Kind.TRAINING_SET).toList();
	}

	/**
	 * Whether the model reads as a guard, a classifier or a detector of unsafe content:
	 * those name the words of safety removal without having removed anything.
	 */
	public static boolean isNegativeControl(String id, String name, String pipelineTag, Collection<String> tags) {
		if (pipelineTag != null && CLASSIFYING_PIPELINES.contains(pipelineTag.toLowerCase(Locale.ROOT))) {
			return true;
		}
		if (id != null && NEGATIVE_CONTROL.matcher(id).find()) {
			return true;
		}
		if (name != null && NEGATIVE_CONTROL.matcher(name).find()) {
			return true;
		}
		return tags.stream().anyMatch(t -> !t.contains(":") && NEGATIVE_CONTROL.matcher(t).find());
	}

	/** The highest confidence among the signals, or null without any. */
	public static Double confidence(List<SafetySignal> signals) {
		return signals.stream().map(SafetySignal::confidence).max(Double::compare).orElse(null);
	}

	static List<StrippingSet> readCuratedList() {
		List<StrippingSet> sets = new ArrayList<>();
		try (var in = new BufferedReader(
				new InputStreamReader(new ClassPathResource(CURATED_LIST).getInputStream(), StandardCharsets.UTF_8))) {
			String header = in.readLine();
			if (header == null || !header.equals("dataset_id,kind,reason,source,evidence")) {
				throw new IllegalStateException(
						CURATED_LIST + ": expected header dataset_id,kind,reason,source,evidence");
			}
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (line.isBlank()) {
					continue;
				}
				List<String> cells = csvCells(line);
				if (cells.size() != 5 || cells.get(4).isBlank()) {
					throw new IllegalStateException(
							CURATED_LIST + ": expected 5 cells, evidence included, in '" + line + "'");
				}
				sets.add(new StrippingSet(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return sets;
	}

	/** One CSV line with double-quoted cells (no line breaks inside cells). */
	private static List<String> csvCells(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

}
