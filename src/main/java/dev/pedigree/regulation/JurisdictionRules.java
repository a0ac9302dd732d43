package dev.pedigree.regulation;

import java.time.LocalDate;

/** The small predicate a jurisdiction adds to its rule-set file. */
interface JurisdictionRules {

	String jurisdiction();

	RegulatoryRole evaluate(PartyFacts party, RuleSet rules, LocalDate asOf);

}
