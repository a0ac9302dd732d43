package dev.pedigree.lineage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a source says about one derivation {@code child -> parent}: the only shape in
 * which a {@code DERIVED_FROM} between models reaches the graph ({@link LineageWrites}
 * writes it, refusing or skipping one that would close a cycle). Every component between
 * {@code relation} and {@code mitigates} is stored as the relationship property of the
 * same name when it is not null; enums are stored by name.
 *
 * @param origin where the fact was read ({@code file:line}), named in reports; not stored
 * @param relation what the source declares (never rewritten by a heuristic)
 * @param confidence how far the source is trusted (curated 1.0, the Hub 0.9, …)
 * @param incomplete a merge the source names only one parent of
 * @param safetyEffect the safety claim, with its own {@code safetySource} and
 * {@code safetyConfidence}
 * @param curated a curator's fact, which no import overwrites
 * @param restored every property of a restored backup, verbatim
 */
public record DerivationFacts(String child, String parent, String origin, Relation relation, String source,
		Double confidence, Boolean incomplete, Double computeFlop, String date, String note, SafetyEffect safetyEffect,
		String safetySource, Double safetyConfidence, CapabilityEffect capabilityEffect, Boolean curated,
		List<String> mitigates, String resolvedFrom, String resolution, Double resolutionConfidence,
		Map<String, Object> restored) {

	private static final RecordShape<DerivationFacts> SHAPE = RecordShape.of(DerivationFacts.class);

	/** The positions of the stored components. */
	private static final int[] PROPERTIES = SHAPE.indexesExcept(Set.of("child", "parent", "origin", "restored"));

	public DerivationFacts {
		restored = restored == null ? Map.of() : restored;
	}

	public static Builder of(String child, String parent) {
		return new Builder(child, parent);
	}

	/** The stored properties this fact sets. */
	public Map<String, Object> properties() {
		Map<String, Object> props = new HashMap<>();
		this.restored.forEach((k, v) -> {
			if (v != null) {
				props.put(k, v);
			}
		});
		for (int property : PROPERTIES) {
			Object value = SHAPE.get(this, property);
			if (value != null) {
				props.put(SHAPE.name(property), value instanceof Enum<?> e ? e.name() : value);
			}
		}
		return props;
	}

	/** A row of the derivation statements. */
	Map<String, Object> asRow() {
		return Map.of("child", this.child, "parent", this.parent, "props", properties());
	}

	/** Sets the facts a source gives; everything left unset is unknown. */
	public static final class Builder {

		private final String child;

		private final String parent;

		private String origin;

		private Relation relation;

		private String source;

		private Double confidence;

		private Boolean incomplete;

		private Double computeFlop;

		private String date;

		private String note;

		private SafetyEffect safetyEffect;

		private String safetySource;

		private Double safetyConfidence;

		private CapabilityEffect capabilityEffect;

		private Boolean curated;

		private List<String> mitigates;

		private String resolvedFrom;

		private String resolution;

		private Double resolutionConfidence;

		private Map<String, Object> restored = Map.of();

		private Builder(String child, String parent) {
			this.child = child;
			this.parent = parent;
		}

		public Builder origin(String origin) {
			this.origin = origin;
			return this;
		}

		public Builder relation(Relation relation) {
			this.relation = relation;
			return this;
		}

		public Builder source(String source) {
			this.source = source;
			return this;
		}

		public Builder confidence(Double confidence) {
			this.confidence = confidence;
			return this;
		}

		public Builder incomplete(Boolean incomplete) {
			this.incomplete = incomplete;
			return this;
		}

		public Builder computeFlop(Double computeFlop) {
			this.computeFlop = computeFlop;
			return this;
		}

		public Builder date(String date) {
			this.date = date;
			return this;
		}

		public Builder note(String note) {
			this.note = note;
			return this;
		}

		/**
		 * A safety claim with its own provenance, apart from the derivation's source and
		 * confidence.
		 */
		public Builder safety(SafetyEffect effect, String source, Double confidence) {
			this.safetyEffect = effect;
			this.safetySource = source;
			this.safetyConfidence = confidence;
			return this;
		}

		public Builder capabilityEffect(CapabilityEffect capabilityEffect) {
			this.capabilityEffect = capabilityEffect;
			return this;
		}

		public Builder curated(Boolean curated) {
			this.curated = curated;
			return this;
		}

		public Builder mitigates(List<String> mitigates) {
			this.mitigates = mitigates;
			return this;
		}

		/**
		 * The parent was named {@code name} by the source and found under another id by
		 * entity resolution ({@code method}, {@code confidence}: {@link ModelNames}).
		 */
		public Builder resolvedFrom(String name, String method, Double confidence) {
			this.resolvedFrom = name;
			this.resolution = method;
			this.resolutionConfidence = confidence;
			return this;
		}

		public Builder restored(Map<String, Object> restored) {
			this.restored = restored;
			return this;
		}

		public DerivationFacts build() {
			return new DerivationFacts(this.child, this.parent, this.origin, this.relation, this.source,
					this.confidence, this.incomplete, this.computeFlop, this.date, this.note, this.safetyEffect,
					this.safetySource, this.safetyConfidence, this.capabilityEffect, this.curated, this.mitigates,
					this.resolvedFrom, this.resolution, this.resolutionConfidence, this.restored);
		}

	}

}
