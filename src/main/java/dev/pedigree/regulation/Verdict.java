package dev.pedigree.regulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects reasons and figures while a rule set is evaluated, then produces the role with
 * its basis and duties.
 */
final class Verdict {

	private final List<String> reasons = new ArrayList<>();

	private final List<Figure> figures = new ArrayList<>();

	Verdict reason(String reason) {
		this.reasons.add(reason);
		return this;
	}

	Verdict figure(Figure figure) {
		this.figures.add(figure);
		return this;
	}

	boolean isEmpty() {
		return this.reasons.isEmpty() && this.figures.isEmpty();
	}

	/** The role with this verdict's reasons and figures before its own. */
	RegulatoryRole prepend(RegulatoryRole role) {
		List<String> reasons = new ArrayList<>(this.reasons);
		reasons.addAll(role.reasons());
		List<Figure> figures = new ArrayList<>(this.figures);
		figures.addAll(role.figures());
		return new RegulatoryRole(role.jurisdiction(), role.role(), role.basis(), List.copyOf(reasons),
				role.obligations(), role.ruleSet(), role.ruleSetVersion(), role.asOf(), List.copyOf(figures));
	}

	/** An UNDETERMINED role: no duties, basis UNDETERMINED. */
	RegulatoryRole undetermined(RuleSet rules, LocalDate asOf) {
		return new RegulatoryRole(rules.jurisdiction(), "UNDETERMINED", Basis.UNDETERMINED, List.copyOf(this.reasons),
				List.of(), rules.id(), rules.version(), asOf.toString(), List.copyOf(this.figures));
	}

	/**
	 * An UNDETERMINED role that still lists the duties of {@code certainRole}, owed on
	 * every reading left open (a general-purpose AI model whether or not with systemic
	 * risk), each noted so.
	 */
	RegulatoryRole undetermined(RuleSet rules, LocalDate asOf, String certainRole, Duties duties, String why) {
		RegulatoryRole certain = role(certainRole, Basis.PRESUMED, rules, asOf, duties);
		List<Obligation> owed = certain.obligations()
			.stream()
			.map(o -> new Obligation(o.id(), o.article(), o.summary(), o.appliesFrom(), o.enforceableFrom(),
					o.inForce(), o.scope(), join("owed on either reading (" + why + ")", o.note())))
			.toList();
		return new RegulatoryRole(rules.jurisdiction(), "UNDETERMINED", Basis.UNDETERMINED, certain.reasons(), owed,
				rules.id(), rules.version(), asOf.toString(), certain.figures());
	}

	RegulatoryRole role(String role, Basis basis, RuleSet rules, LocalDate asOf, Duties duties) {
		if ("UNDETERMINED".equals(role)) {
			return undetermined(rules, asOf);
		}
		List<Obligation> obligations = new ArrayList<>();
		List<String> lifted = new ArrayList<>();
		for (var rule : rules.obligationsOf(role)) {
			String note = null;
			if (rule.outsideUnion()) {
				if (Boolean.FALSE.equals(duties.outsideUnion())) {
					continue;
				}
				if (duties.outsideUnion() == null) {
					note = "owed only by a provider established outside the Union; the organisation's country is not known";
				}
			}
			if (rule.exemptable()) {
				switch (duties.exemption()) {
					case APPLIES -> {
						lifted.add(rule.article());
						continue;
					}
					case DOUBTFUL -> note = join(note, "open-source exemption doubtful: " + duties.exemptionNote());
					case UNDETERMINED ->
						note = join(note, "open-source exemption undetermined: " + duties.exemptionNote());
					default -> {
					}
				}
			}
			LocalDate appliesFrom = duties.appliesFrom();
			boolean inForce = appliesFrom != null && !asOf.isBefore(appliesFrom);
			if (rule.onDeployment() && duties.notDueOnDeployment() != null) {
				note = join(note, duties.notDueOnDeployment());
				inForce = false;
			}
			// A date read from a Hub repository's creation may be wrong in a way that
			// changes when the duty applies: say so on the duty it dates.
			if (duties.dateCaveat() != null && (!duties.caveatOnDeploymentOnly() || rule.onDeployment())) {
				note = join(note, duties.dateCaveat());
				// A duty owed before the date the caveat is about says so in its own
				// words.
				String earlier = duties.dateCaveatByArticle().get(rule.article());
				if (earlier != null) {
					note = join(note, earlier);
				}
			}
			obligations.add(new Obligation(rule.id(), rule.article(), rule.summary(),
					appliesFrom == null ? null : appliesFrom.toString(),
					duties.enforceableFrom() == null ? null : duties.enforceableFrom().toString(), inForce,
					rule.scope() != null ? rule.scope() : duties.scope(), note));
		}
		if (!lifted.isEmpty()) {
			this.reasons.add("open-source exemption (" + duties.exemptionNote() + "): " + String.join(", ", lifted)
					+ " lifted (Art. 53(2), 54(6)); Art. 53(1)(c)–(d) stay (guidelines para 75)");
		}
		return new RegulatoryRole(rules.jurisdiction(), role, basis, List.copyOf(this.reasons), obligations, rules.id(),
				rules.version(), asOf.toString(), List.copyOf(this.figures));
	}

	private static String join(String a, String b) {
		return a == null ? b : a + "; " + b;
	}

	/** Open-source exemption status of a model (Art. 53(2), 54(6)). */
	enum Exemption {

		APPLIES, DOUBTFUL, UNDETERMINED, NOT_APPLICABLE

	}

	/**
	 * How a role's duties apply: dates, scope, exemption, establishment, and
	 * {@code notDueOnDeployment}: why the duties owed on deployment are presumed not due
	 * for this model (deployed before the date the rule set applies them from: the
	 * reading that presumes it and the contrary argument, with the words it rests on),
	 * null when they are due; {@code dateCaveat}: how the date they rest on may be wrong
	 * and what a right one would change (on every duty, or with
	 * {@code caveatOnDeploymentOnly} on the duties owed on deployment), and
	 * {@code dateCaveatByArticle}: what the caveat adds on a duty owed at another time
	 * (by its article).
	 */
	record Duties(LocalDate appliesFrom, LocalDate enforceableFrom, String scope, Exemption exemption,
			String exemptionNote, Boolean outsideUnion, String notDueOnDeployment, String dateCaveat,
			boolean caveatOnDeploymentOnly, java.util.Map<String, String> dateCaveatByArticle) {

		static Duties none() {
			return new Duties(null, null, null, Exemption.NOT_APPLICABLE, null, null, null, null, false,
					java.util.Map.of());
		}

	}

}
