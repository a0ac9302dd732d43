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

}
