package dev.pedigree.regulation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One jurisdiction's rules as data ({@code seed-data/regulations/*.yaml}): thresholds,
 * dates, duties per role.
 */
public record RuleSet(String id, String jurisdiction, String name, String version, String source,
		Map<String, Double> thresholds, Map<String, String> dates, Map<String, List<ObligationRule>> obligations) {

	public double threshold(String key) {
		Double value = this.thresholds.get(key);
		if (value == null) {
			throw new IllegalStateException("Rule set " + this.id + " lacks the threshold " + key);
		}
		return value;
	}

	public LocalDate date(String key) {
		String value = this.dates.get(key);
		if (value == null) {
			throw new IllegalStateException("Rule set " + this.id + " lacks the date " + key);
		}
		return LocalDate.parse(value);
	}

	public List<ObligationRule> obligationsOf(String role) {
		return this.obligations.getOrDefault(role, List.of());
	}

	/**
	 * A duty attached to a role; {@code openWeightsExempt} = Art. 53(2)-style exemption
	 * for open-weights models.
	 */
	public record ObligationRule(String id, String article, String summary, Boolean openWeightsExempt) {

		public boolean exemptForOpenWeights() {
			return Boolean.TRUE.equals(this.openWeightsExempt);
		}

	}

}
