package dev.pedigree.lineage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which described model a name from another source means. A name matches exactly (an id
 * in any case, a name, an alias such as the curated identities of
 * {@code seed-data/model-identities.csv}) or after normalisation: case, accents,
 * punctuation and version separators do not matter, parenthesised parts count as words
 * ("Qwen2.5-Coder (32B)" = "Qwen2.5-Coder-32B"), letters and digits split ("LLaMA-7B" =
 * "llama 7b", "Llama3.1" = "Llama 3.1"), and a Hub id is compared by its name part
 * ({@code meta-llama/Llama-3.1-8B} = "Llama 3.1-8B") — but a bare name without a version
 * or size ("AST", "Hugging Face") only where the source names the developer: a bare word
 * names a family, a product or a dataset, and any Hub user's repository may carry it.
 * Several models with one normalised name are told apart by their developer where the
 * source names one, else by lineage (the one the others derive from: re-uploads and
 * quantizations name their original); what stays ambiguous is never guessed.
 */
public final class ModelNames {

	/** An exact id, name or alias match. */
	public static final String EXACT = "exact";

	/** Same normalised name and the same developer. */
	public static final String NORMALISED_DEVELOPER = "normalised-name+developer";

	/** Same normalised name, the only original among the models of that name. */
	public static final String NORMALISED = "normalised-name";

	private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9.]+");

	private static final Pattern LETTER_DIGIT = Pattern.compile("(?<=[a-z])(?=[0-9])");

	// A version or a size: a name that carries one names one model, not a family.
	private static final Pattern SPECIFIC = Pattern.compile("[0-9]");

	/** A described model as the index knows it. */
	public record Candidate(String id, String name, Collection<String> aliases, String developerId) {
	}

	/** How a name was resolved: the model, the method and how far it can be trusted. */
	public record Match(String id, String method, double confidence) {
	}

	/**
	 * The outcome for one name: a match, or the candidates it could not choose between
	 * (empty when nothing matched).
	 */
	public record Resolution(Match match, List<String> ambiguous) {

		public boolean resolved() {
			return this.match != null;
		}

		public boolean conflict() {
			return this.match == null && !this.ambiguous.isEmpty();
		}

	}

	private final Map<String, Set<Candidate>> exact = new HashMap<>();

	private final Map<String, Set<Candidate>> normalised = new HashMap<>();

	/** Normalised name parts of Hub-style ids ({@code owner/name}). */
	private final Map<String, Set<Candidate>> idNames = new HashMap<>();

	public ModelNames(Collection<Candidate> candidates) {
		for (Candidate c : candidates) {
			forms(c, new Forms() {

				@Override
				public void exact(String form) {
					add(ModelNames.this.exact, form, c);
				}

				@Override
				public void normalised(String key) {
					add(ModelNames.this.normalised, key, c);
				}

				@Override
				public void idName(String key) {
					add(ModelNames.this.idNames, key, c);
				}

			});
		}
	}

	/** The forms under which a candidate is found, by the look-up that finds it. */
	private interface Forms {

		/**
		 * Its id or a name or alias, in lower case ({@link #resolve}'s exact look-up).
		 */
		void exact(String form);

		/** The {@link #key} of a name or alias. */
		void normalised(String key);

		/** The {@link #key} of its id's name part ({@code owner/name}). */
		void idName(String key);

	}

	/**
	 * Every form of {@code c}: the one place both the index and {@link #relevantTo} read.
	 */
	private static void forms(Candidate c, Forms forms) {
		forms.exact(c.id().toLowerCase(Locale.ROOT));
		forms.idName(key(c.id().substring(c.id().lastIndexOf('/') + 1)));
		for (String name : names(c)) {
			forms.exact(name.strip().toLowerCase(Locale.ROOT));
			forms.normalised(key(name));
		}
	}

	/**
	 * Whether {@code candidate} can matter to resolving any of {@code names}: a
	 * resolution looks up only the exact and normalised forms of the name it is given, so
	 * an index of the candidates this keeps answers those names as an index of all would.
	 * It lets a resolution stream the whole store's models (two million after a Hub
	 * import) and keep the few that share a form with the names, instead of holding all.
	 */
	public static Predicate<Candidate> relevantTo(Collection<String> names) {
		Set<String> exactForms = new HashSet<>();
		Set<String> keys = new HashSet<>();
		for (String name : names) {
			exactForms.add(name.strip().toLowerCase(Locale.ROOT));
			keys.add(key(name));
		}
		keys.remove("");
		return c -> {
			boolean[] shares = { false };
			forms(c, new Forms() {

				@Override
				public void exact(String form) {
					shares[0] |= exactForms.contains(form);
				}

				@Override
				public void normalised(String key) {
					shares[0] |= keys.contains(key);
				}

				@Override
				public void idName(String key) {
					// resolve looks a name's key up among the ids' name parts too
					shares[0] |= keys.contains(key);
				}

			});
			return shares[0];
		};
	}

	private static List<String> names(Candidate c) {
		List<String> names = new ArrayList<>();
		if (c.name() != null) {
			names.add(c.name());
		}
		if (c.aliases() != null) {
			names.addAll(c.aliases());
		}
		return names;
	}

	private static void add(Map<String, Set<Candidate>> index, String key, Candidate c) {
		if (!key.isEmpty()) {
			index.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(c);
		}
	}

	/**
	 * The normalised form of a name: lower case without accents, words split at
	 * punctuation, spaces, parentheses and letter-digit boundaries, joined by '-'.
	 */
	public static String key(String name) {
		if (name == null) {
			return "";
		}
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT);
		List<String> words = new ArrayList<>();
		for (String word : SEPARATORS.split(ascii)) {
			String w = word.replaceAll("^\\.+|\\.+$", "");
			for (String part : LETTER_DIGIT.split(w)) {
				if (!part.isEmpty()) {
					words.add(part);
				}
			}
		}
		return String.join("-", words);
	}

	/**
	 * Resolves {@code name}.
	 * @param developerId the developer the source names with it, or null
	 * @param derivesFromAnother of several same-named candidates, those that derive from
	 * another of them (asked only when needed)
	 */
	public Resolution resolve(String name, String developerId,
			Function<Collection<String>, Set<String>> derivesFromAnother) {
		Set<Candidate> exactMatches = this.exact.getOrDefault(name.strip().toLowerCase(Locale.ROOT), Set.of());
		if (exactMatches.size() == 1) {
			return new Resolution(new Match(exactMatches.iterator().next().id(), EXACT, 1.0), List.of());
		}
		if (exactMatches.size() > 1) {
			return new Resolution(null, exactMatches.stream().map(Candidate::id).sorted().toList());
		}
		String key = key(name);
		Set<Candidate> matches = new LinkedHashSet<>(this.normalised.getOrDefault(key, Set.of()));
		if (developerId != null || SPECIFIC.matcher(key).find()) {
			matches.addAll(this.idNames.getOrDefault(key, Set.of()));
		}
		if (matches.isEmpty()) {
			return new Resolution(null, List.of());
		}
		if (developerId != null) {
			var same = matches.stream().filter(c -> developerId.equals(c.developerId())).toList();
			if (same.size() == 1) {
				return new Resolution(new Match(same.get(0).id(), NORMALISED_DEVELOPER, 0.9), List.of());
			}
			// A developer that none (or several) of the same-named models has: another
			// model
			// of the same name (Epoch AI's "o3" is not a Hub user's "o-3").
			return new Resolution(null,
					same.size() > 1 ? same.stream().map(Candidate::id).sorted().toList() : List.of());
		}
		List<String> ids = matches.stream().map(Candidate::id).distinct().sorted().toList();
		if (ids.size() == 1) {
			return new Resolution(new Match(ids.get(0), NORMALISED, 0.8), List.of());
		}
		Set<String> derived = derivesFromAnother.apply(ids);
		List<String> originals = ids.stream().filter(id -> !derived.contains(id)).toList();
		if (originals.size() == 1) {
			return new Resolution(new Match(originals.get(0), NORMALISED, 0.7), List.of());
		}
		return new Resolution(null, ids);
	}

}
