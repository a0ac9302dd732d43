package dev.pedigree.regulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/**
 * Evaluates a party under every rule set (or one jurisdiction); one role per
 * jurisdiction.
 */
@Service
public class RuleEvaluation {

	private final RuleSets ruleSets;

	private final Map<String, JurisdictionRules> rules;

	RuleEvaluation(RuleSets ruleSets, List<JurisdictionRules> rules) {
		this.ruleSets = ruleSets;
		this.rules = rules.stream().collect(Collectors.toMap(JurisdictionRules::jurisdiction, Function.identity()));
	}

	public List<RegulatoryRole> evaluate(PartyFacts party, LocalDate asOf, String jurisdiction) {
		List<RegulatoryRole> roles = new ArrayList<>();
		for (String code : this.ruleSets.jurisdictions()) {
			if (jurisdiction != null && !jurisdiction.equals(code)) {
				continue;
			}
			JurisdictionRules predicate = this.rules.get(code);
			if (predicate != null) {
				roles.add(predicate.evaluate(party, this.ruleSets.get(code), asOf));
			}
		}
		return roles;
	}

	/** The jurisdictions of the loaded rule sets, in order. */
	public List<String> jurisdictions() {
		return this.ruleSets.jurisdictions().stream().sorted().toList();
	}

	/**
	 * The verdict for a model whose developer is not recorded: every role attaches to a
	 * person the rule names (the provider, the frontier developer), so under each rule
	 * set who holds a duty for the model, and which, is UNDETERMINED until its developer
	 * is recorded (the wording checked against Art. 3(3), guidelines paras 49, 51 and
	 * 60-63 and §22757.11(h) by a review); nothing is guessed from the model's figures.
	 */
	public List<RegulatoryRole> withoutDeveloper(String modelId, LocalDate asOf, String jurisdiction) {
		List<RegulatoryRole> roles = new ArrayList<>();
		for (String code : this.ruleSets.jurisdictions().stream().sorted().toList()) {
			if (jurisdiction != null && !jurisdiction.equals(code)) {
				continue;
			}
			RuleSet set = this.ruleSets.get(code);
			String who = switch (code) {
				case "EU" -> "the provider, who develops a general-purpose AI model or has it developed and places it"
						+ " on the market under its own name or trademark (AI Act Art. 3(3); guidelines para 49), which"
						+ " need not be its developer (para 51); whether a derived model is its provider's own later"
						+ " development ('performed by the provider or on behalf of the provider', para 23) or another actor's"
						+ " modification 'must be assessed on a case-by-cases basis', and 'an important factor in this"
						+ " assessment may be who has the control over the model's weights' (para 60, fn 12)";
				case "US-CA" -> "the frontier developer, a person who has trained, or initiated the training of, a"
						+ " frontier model for which that person has used, or intends to use, the computing power"
						+ " subdivision (i) requires (Bus. & Prof. Code §22757.11(h))";
				default -> "the person its rule set names";
			};
			roles.add(new RegulatoryRole(code, "UNDETERMINED", Basis.UNDETERMINED, List.of("No developer of " + modelId
					+ " is recorded. A role under the " + set.name() + " attaches to " + who
					+ "; without one, who holds a duty for this model, and which, is UNDETERMINED. Recording its"
					+ " developer (registerModel with developerId, or an import that names its author) is the first"
					+ " fact needed to decide it; compute, revenues or placing on the market may still leave it"
					+ " open."), List.of(), set.id(), set.version(), asOf.toString(), List.of()));
		}
		return roles;
	}

}
