package dev.pedigree.regulation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One jurisdiction's rules as data ({@code seed-data/regulations/*.yaml}): thresholds,
 * dates, duties per role, and the texts (with their version) the verdicts cite.
 */
public record RuleSet(String id, String jurisdiction, String name, String version, String source, List<String> sources,
		String guidelines, Map<String, Double> thresholds, Map<String, String> dates, List<String> unionCountries,
		Map<String, List<ObligationRule>> obligations) {

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
	 * A duty attached to a role. {@code openSourceExempt}: lifted by the open-source
	 * exemption (Art. 53(2), 54(6)) when it applies; {@code outsideUnionOnly}: only for
	 * providers established outside the Union (Art. 54); {@code newDeploymentsOnly}: owed
	 * on deploying "a new frontier model or a substantially modified version of an
	 * existing frontier model" (SB 53 §22757.12(c), the transparency report);
	 * {@code scope}: what the duty covers where it differs from the role's (a modifier's
	 * Art. 53 duties cover the modification, its Art. 52 and 55 duties the modified
	 * model).
	 */
	public record ObligationRule(String id, String article, String summary, Boolean openSourceExempt,
			Boolean outsideUnionOnly, Boolean newDeploymentsOnly, String scope) {

		boolean exemptable() {
			return Boolean.TRUE.equals(this.openSourceExempt);
		}

		boolean outsideUnion() {
			return Boolean.TRUE.equals(this.outsideUnionOnly);
		}

		boolean onDeployment() {
			return Boolean.TRUE.equals(this.newDeploymentsOnly);
		}

	}

}
