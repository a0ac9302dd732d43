package dev.pedigree.regulation;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.pedigree.lineage.Relation;

/**
 * California SB 53. A frontier developer trained (or initiated training of) a foundation
 * model with more than 1e26 operations, counting the original training run and the
 * fine-tuning or material modifications the developer applies to a preceding foundation
 * model (§22757.11(h)–(i)): so a developer's own chain of models accumulates. A third
 * party that fine-tunes another developer's model with ≤ 1e26 operations of its own is
 * presumed not a frontier developer by it, (h) counting the computing power "the person
 * has used"; the reasons name the cumulative reading of (i)(2) as the contrary argument.
 * A large frontier developer had, with its affiliates, more than US$500 million annual
 * gross revenues in the preceding calendar year (§22757.11(j)).
 */
@Component
class CaliforniaSb53Rules implements JurisdictionRules {

	/** When the transparency report is owed, in §22757.12(c)(1)'s and (c)(2)'s words. */
	private static final String WHEN_DEPLOYING = "'Before, or concurrently with, deploying a new frontier model or a "
			+ "substantially modified version of an existing frontier model'";

	/**
	 * §22757.15(a), named wherever the Attorney General's enforcement is: it provides the
	 * civil penalty against a large frontier developer and names no other person.
	 */
	private static final String PENALTY_LIMIT = "§22757.15 provides a civil penalty against a large frontier developer "
			+ "and names no other person: 'A large frontier developer "
			+ "that fails to publish or transmit a compliant document required to be published or transmitted under this "
			+ "chapter, makes a statement in violation of subdivision (e) of Section 22757.12, fails to report an "
			+ "incident as required by Section 22757.13, or fails to comply with its own frontier AI framework shall be "
			+ "subject to a civil penalty' (§22757.15(a))";

	/**
	 * Where the date SB 53 is applied from comes from: the chaptered text states no
	 * effective or operative date for SEC. 2 or SEC. 4, so 2026-01-01 is derived from the
	 * Governor's signature (29 September 2025) and Cal. Const. art. IV, §8(c)(1): the
	 * 90-day period ends on 28 December 2025, and the next 1 January is 2026-01-01.
	 */
	static final String START_SOURCE = "the chaptered text states no effective or operative date for "
			+ "the duties it imposes on frontier developers in the chapters it adds to the Business and Professions "
			+ "Code (Chapter 25.1, SEC. 2) or the Labor Code (Chapter 5.1, SEC. 4); the date is derived: SB 53 was signed by the Governor on 29 September 2025 (Governor "
			+ "of California press release of 29 September 2025), and 'a statute enacted at a regular session shall "
			+ "go into effect on January 1 next following a 90-day period from the date of enactment of the "
			+ "statute' (California Constitution, art. IV, §8(c)(1), as quoted at "
			+ "https://www.calcorporatelaw.com/2015/09/just-when-does-that-law-take-effect); the 90 days end on 28 "
			+ "December 2025";

	/**
	 * Why a deployment before the date this tool applies SB 53 from is presumed to owe no
	 * report: this tool's reading of §22757.12(c), not (c)'s words. (c) ties the report
	 * to deploying "a new frontier model or a substantially modified version of an
	 * existing frontier model" and says nothing of deployments before the chapter
	 * applies; the act defines neither "new" nor "existing". The reading rests on
	 * §22757.12(a)(6), which speaks of frontier models "substantially modified enough to
	 * require disclosures pursuant to subdivision (c)"; against it, that making the model
	 * available to new third parties is itself "deploying" (§22757.11(e)(1)), read
	 * liberally (SEC. 5(b)). {@code owed} quotes (c)'s words.
	 */
	private static String notReached(LocalDate start, String owed) {
		return owed + "; on this tool's reading, a deployment made before " + start + " (the date this tool applies "
				+ "SB 53 from; " + START_SOURCE + ") is not one (c) reaches, and the model is thereafter 'an existing "
				+ "frontier model', for which a report is owed on deploying 'a substantially modified version' of it, "
				+ "as §22757.12(a)(6), for a large frontier developer's framework, speaks of frontier models "
				+ "'substantially modified enough to require disclosures pursuant to subdivision (c)'; the act has no "
				+ "transition clause for frontier models deployed before it applies and defines neither 'new' nor "
				+ "'existing'; against this reading: that making the model available to new third parties on or after "
				+ start + " is 'deploying' it, 'to make a frontier model available to a third party for use, "
				+ "modification, copying, or combination with other software' (§22757.11(e)(1)), and that a model for "
				+ "which no report was ever published under (c) is still 'a new frontier model', the act to be "
				+ "'liberally construed to effectuate its purposes' (SEC. 5(b))";
	}

	@Override
	public String jurisdiction() {
		return "US-CA";
	}

	@Override
	public RegulatoryRole evaluate(PartyFacts party, RuleSet rules, LocalDate asOf) {
		double frontier = rules.threshold("frontierTrainingComputeOps");
		var verdict = new Verdict();
		var model = party.model();
		Compute own = party.ownCompute();
		Compute cumulative = party.cumulativeCompute();
		String developer = party.organization() == null ? "its developer" : party.organization().name();
		LocalDate start = rules.date("obligationsApplyFrom");
		if (asOf.isBefore(start)) {
			verdict.reason("this tool applies SB 53 from " + start + " (" + START_SOURCE + "): at " + asOf
					+ " its duties were not yet in force");
		}
		List<String> teachers = party.parents()
			.stream()
			.filter(p -> p.derivation().relation() == Relation.DISTILLATION)
			.map(p -> p.parent().id())
			.toList();
		if (!teachers.isEmpty()) {
			// SB 53 has no rule for a teacher's compute: leaving it out is a reading.
			verdict.reason("the compute used to train the teacher " + String.join(" and ", teachers) + " of "
					+ model.id()
					+ " is not counted: SB 53 sets no rule for distillation (§22757.11(i)(2) counts 'the original "
					+ "training run' and the modifications 'the developer applies to a preceding foundation "
					+ "model'); this tool leaves it out as the European Commission's AI Act guidelines do (C(2025) "
					+ "5045 final, para 122: it 'need not be included'), which do not interpret SB 53, so a verdict "
					+ "resting on that is presumed; the teacher's forward passes that produced the student's training "
					+ "data are counted here only as far as the figure recorded for " + model.id()
					+ " holds them (those guidelines " + "count such passes for non-public synthetic data, para 119)");
		}
		// Roles are per model; "frontier developer" describes a person (§22757.11(h)).
		String perModel = "; this is about " + model.id() + ": whether " + developer
				+ " is a frontier developer (§22757.11(h)) depends on all the models it trained";
		String estimate = "; the compute figure is an estimate or derived (see its source)";
		if (own.known()) {
			verdict.figure(EuAiActRules.figure("compute " + developer + " itself used along its chain to " + model.id(),
					own, frontier, "§22757.11(i) (frontier model)", false, Quantities.Unit.OPERATIONS));
			if (own.source() != null) {
				verdict.reason("compute: " + own.source());
			}
		}
		if (cumulative.known() && (!own.known() || !cumulative.flop().equals(own.flop()))) {
			verdict.figure(EuAiActRules.figure("cumulative training compute of " + model.id(), cumulative, frontier,
					"§22757.11(i)(2)", false, Quantities.Unit.OPERATIONS));
		}
		if (own.known() && own.flop() > frontier) {
			if (Boolean.FALSE.equals(model.generative())) {
				return verdict.reason(String.format("%s trained %s with %s operations of its own > %s, but it does "
						+ "not generate language, images or video (domain %s): whether it is a foundation model, "
						+ "'designed for generality of output' and 'adaptable to a wide range of distinctive tasks' "
						+ "(§22757.11(f)), is not recorded", developer, model.id(),
						Quantities.power(own.flop(), frontier), Quantities.power(frontier, own.flop()),
						model.modality()))
					.undetermined(rules, asOf);
			}
			// Being a foundation model (§22757.11(f)) is not a recorded fact: its
			// generative
			// tasks make it a presumption at best.
			verdict.reason(String.format("%s trained %s with %s operations of its own > %s, counting 'the original "
					+ "training run and … any subsequent fine-tuning, reinforcement learning, or other material "
					+ "modifications the developer applies to a preceding foundation model' (§22757.11(i)(2)): a "
					+ "frontier model, so %s is a frontier developer (§22757.11(h)); presumed a foundation model "
					+ "(§22757.11(f)) from its generative tasks%s%s", developer, model.id(),
					Quantities.power(own.flop(), frontier), Quantities.power(frontier, own.flop()), developer,
					ownMergeNote(party, developer, true), own.firm() ? "" : estimate));
			return large(party, rules, asOf, verdict, Basis.PRESUMED);
		}
		if (own.known()) {
			if (own.noTraining()) {
				// Counting the preceding model's compute, the model may be a frontier
				// model; the developer of a step that trains nothing has not trained it
				// (§22757.11(h)): this tool's reading, which the reason names.
				return verdict
					.reason(developer + " spent no training compute of its own on " + model.id()
							+ ": not a frontier developer by " + model.id()
							+ " (§22757.11(h)); presumed from the kind of step"
							+ (cumulative.known() && cumulative.flop() > frontier ? String.format(
									"; %s, %s may be a frontier model, but %s has not 'trained, "
											+ "or initiated the training of' it nor 'used' that computing power "
											+ "(§22757.11(h)). That is this tool's reading of §22757.11(h): a "
											+ "calibration-based quantization or an abliteration could be argued to be "
											+ "one of the 'other material modifications the developer applies' "
											+ "(§22757.11(i)(2))",
									counting(party, cumulative, frontier), model.id(), developer) : "")
							+ perModel)
					.role("NOT_FRONTIER", Basis.PRESUMED, rules, asOf, Verdict.Duties.none());
			}
			if (cumulative.known() && cumulative.flop() > frontier) {
				return notFrontierOnOwnCompute(party, rules, asOf, verdict, own, cumulative, frontier, perModel);
			}
			Basis basis = own.firm() && teachers.isEmpty() ? Basis.ESTABLISHED : Basis.PRESUMED;
			return verdict
				.reason(String.format("%s operations ≤ %s: not a frontier model (§22757.11(i))%s%s%s",
						Quantities.power(own.flop(), frontier), Quantities.power(frontier, own.flop()),
						ownMergeNote(party, developer, false), own.firm() ? "" : estimate, perModel))
				.role("NOT_FRONTIER", basis, rules, asOf, Verdict.Duties.none());
		}
		if (cumulative.known() && cumulative.flop() <= frontier) {
			Basis basis = cumulative.firm() && teachers.isEmpty() ? Basis.ESTABLISHED : Basis.PRESUMED;
			return verdict
				.reason(String.format(
						"all the compute that produced %s, %s operations, is ≤ %s, so the "
								+ "developer's own share is too: not a frontier model (§22757.11(i))%s%s",
						model.id(), Quantities.power(cumulative.flop(), frontier),
						Quantities.power(frontier, cumulative.flop()), cumulative.firm() ? "" : estimate, perModel))
				.role("NOT_FRONTIER", basis, rules, asOf, Verdict.Duties.none());
		}
		// SB 53 counts "integer or floating-point operations" (§22757.11(i)(1)) and sets
		// no
		// method; the tokens use the EU guidelines' approximation and say so.
		String exceed = "the developer's own training compute would have to exceed " + Quantities.power(frontier)
				+ " integer or floating-point operations (§22757.11(i)(1)–(2), on this reading of (i)(2))";
		verdict.figure(new Figure("compute " + developer + " itself used for " + model.id(), null, frontier,
				"§22757.11(i)", null, false, false, false, exceed + EuAiActRules.tokens(frontier,
						EuAiActRules.sizing(model, EuAiActRules.trainingParents(party)), true),
				Quantities.Unit.OPERATIONS));
		verdict.reason("the compute " + developer + " itself used for " + model.id() + " is unknown: the "
				+ "frontier-model test (§22757.11(i)) cannot be applied; it decides: " + exceed);
		if (cumulative.known() && cumulative.flop() > frontier) {
			// The reading, its grounds and the contrary reading are those of the branch
			// where the own compute is known: only the own figure is missing.
			verdict.reason(String.format(
					"on this tool's reading, as where the own compute is known, %s's own compute decides: if it used "
							+ "or intends to use more than %s operations to train %s, and %s is a foundation model "
							+ "(§22757.11(f), (i)(1)), %s is a frontier developer by %s (§22757.11(h)); at %s or less "
							+ "it is not (NOT_FRONTIER, presumed): %s",
					developer, Quantities.power(frontier), model.id(), model.id(), developer, model.id(),
					Quantities.power(frontier), reading(party, developer)));
			verdict.reason(contrary(party, cumulative, frontier, developer));
			verdict.reason("it decides: the compute " + developer + " itself used for " + model.id() + ", and "
					+ decides() + perModel);
		}
		return verdict.undetermined(rules, asOf);
	}

	/**
	 * Own compute ≤ the threshold < cumulative compute. §22757.11(h) makes a frontier
	 * developer of a person that "has used, or intends to use" enough computing power to
	 * train the frontier model, measured against subdivision (i), whose (i)(2) counts
	 * "the original training run" and the modifications "the developer applies to a
	 * preceding foundation model". Whether another developer's original run counts toward
	 * what a modifier "has used" is the dispute; this tool reads it as not, with the
	 * act's finding of "avoiding burdening smaller companies behind the frontier" (SEC.
	 * 1(k)). A contested reading, so PRESUMED, naming the cumulative reading with its
	 * figure and the act's rule of liberal construction (SEC. 5(b)) as the argument
	 * against.
	 */
	private static RegulatoryRole notFrontierOnOwnCompute(PartyFacts party, RuleSet rules, LocalDate asOf,
			Verdict verdict, Compute own, Compute cumulative, double frontier, String perModel) {
		var model = party.model();
		String developer = party.organization() == null ? "its developer" : party.organization().name();
		String estimates = own.firm() && cumulative.firm() ? ""
				: "; a compute figure is an estimate or derived (see its source)";
		verdict.reason(String.format(
				"%s's own compute for %s is %s operations ≤ %s: not a frontier developer by %s "
						+ "(§22757.11(h)), presumed on this tool's reading: %s%s",
				developer, model.id(), Quantities.power(own.flop(), frontier), Quantities.power(frontier, own.flop()),
				model.id(), reading(party, developer), estimates));
		verdict.reason(contrary(party, cumulative, frontier, developer));
		verdict.reason("it decides: " + decides() + perModel);
		return verdict.role("NOT_FRONTIER", Basis.PRESUMED, rules, asOf, Verdict.Duties.none());
	}

	/**
	 * This tool's reading of §22757.11(h) for a developer that modifies another
	 * developer's foundation model, with its grounds: (h) measures what "the person has
	 * used" against (i), and another developer's original run is read as not counting
	 * toward it (SEC. 1(k)).
	 */
	private static String reading(PartyFacts party, String developer) {
		List<String> preceding = party.parents()
			.stream()
			.filter(p -> !p.sameDeveloper() && p.derivation().relation() != Relation.DISTILLATION)
			.map(p -> p.parent().id())
			.toList();
		String original = preceding.isEmpty() ? "the other developer's foundation model its chain starts from"
				: String.join(" and ", preceding);
		return String.format("a frontier developer is 'a person who has trained, or initiated the training of, a "
				+ "frontier model, with respect to which the person has used, or intends to use, at least as much "
				+ "computing power to train the frontier model as would meet the technical specifications found in "
				+ "subdivision (i)' (§22757.11(h)); §22757.11(i)(2) says the quantity 'shall include computing for the "
				+ "original training run and for any subsequent fine-tuning, reinforcement learning, or other material "
				+ "modifications the developer applies to a preceding foundation model'. (h) measures what 'the person "
				+ "has used' against (i), so the dispute is whether the original training run of %s, which another "
				+ "developer ran, counts toward what %s 'has used': this tool reads it as not, in line with the act's "
				+ "finding of a need to track the frontier 'while avoiding burdening smaller companies behind the "
				+ "frontier' (SEC. 1(k))", original, developer);
	}

	/**
	 * The contrary reading of (i)(2), with its figure, and who could argue it: the
	 * Attorney General, whose §22757.15 penalty names a large frontier developer and no
	 * other person.
	 */
	private static String contrary(PartyFacts party, Compute cumulative, double frontier, String developer) {
		var model = party.model();
		String foundation = Boolean.FALSE.equals(model.generative())
				? "if it is a foundation model (§22757.11(f)), which is not recorded for a model that does not "
						+ "generate language, images or video"
				: "presumed a foundation model (§22757.11(f)) from its generative tasks";
		return String.format("the contrary reading: %s, %s is a frontier model (%s), and the Attorney General could "
				+ "argue that %s, having trained it, is a frontier developer (§22757.11(h)) with the duties of one, SB "
				+ "53 to be read under its SEC. 5(b): 'This act shall be liberally construed to effectuate its "
				+ "purposes'; %s", counting(party, cumulative, frontier), model.id(), foundation, developer,
				PENALTY_LIMIT);
	}

	/**
	 * Who decides the reading: a court, or the Attorney General, who alone brings the
	 * civil action for §22757.15's penalty; and, under Labor Code §1107.1, the court or
	 * the body of an administrative proceeding.
	 */
	private static String decides() {
		return "whether a court, or the Attorney General, who alone may bring the civil action to recover §22757.15's "
				+ "penalty ('shall be recovered in a civil action brought only by the Attorney General', §22757.15(b)), "
				+ "a penalty §22757.15(a) provides against a large frontier developer, reads §22757.11(h) and (i)(2) "
				+ "as this tool does for a developer that modifies another developer's foundation model; the question "
				+ "may also be decided in 'a civil action or administrative proceeding brought pursuant to' Labor Code "
				+ "§1107.1 (§1107.1(h)(1); see (f), (g)), by the court or, in an administrative proceeding, by a body "
				+ "the section does not name; for that chapter, 'Frontier developer' 'has the meaning defined in "
				+ "Section 22757.11 of the Business and Professions Code' (Labor Code §1107(e))";
	}

	/**
	 * The reading of §22757.11(i)(2) that counts the preceding model's compute, with the
	 * figure it gives (> the threshold). A merge's figure sums the merged models' compute
	 * as the EU guidelines count "the training compute used to train the combined model
	 * weights" (C(2025) 5045 final, Annex A.1, para 121): (i)(2) speaks of "a preceding
	 * foundation model" and has no rule for several.
	 */
	private static String counting(PartyFacts party, Compute cumulative, double frontier) {
		String figure = Quantities.power(cumulative.flop(), frontier) + " operations > "
				+ Quantities.power(frontier, cumulative.flop());
		List<String> training = party.parents()
			.stream()
			.filter(p -> p.derivation().relation() != Relation.DISTILLATION)
			.map(p -> p.parent().id())
			.toList();
		if (training.size() > 1) {
			return "counting the merged models' compute, summed as the European Commission's AI Act guidelines "
					+ "(C(2025) 5045 final, Annex A.1, para 121), which do not interpret SB 53, count 'the training "
					+ "compute used to train the combined model weights' in a merged model's cumulative compute (SB 53 sets no "
					+ "rule: §22757.11(i)(2) speaks of 'a preceding foundation model'), " + figure;
		}
		// The figure is what is recorded, which may hold more than (i)(2) counts: the
		// original training run and the modifications "the developer applies".
		String counts = "(i)(2) counts that run and the modifications 'the developer applies'";
		if (training.isEmpty() || !cumulative.derived()) {
			return "counting the preceding model's original training run under §22757.11(i)(2), with the figure this "
					+ "tool has, all compute recorded for " + party.model().id() + ": " + figure + " (which may exceed "
					+ (training.isEmpty() ? "the preceding model's" : training.get(0) + "'s")
					+ " original training run and this step, while " + counts + ")";
		}
		return "counting the preceding model's original training run under §22757.11(i)(2), with the figure this tool "
				+ "has, all compute recorded for " + training.get(0) + " plus this step: " + figure + " (what is "
				+ "recorded for " + training.get(0) + " may exceed its original training run, while " + counts + ")";
	}

	/**
	 * What a merge of two or more of the developer's own models adds to its figure's
	 * reason: (i)(2) has no rule for merges, and counting each own model once is this
	 * tool's reading.
	 */
	private static String ownMergeNote(PartyFacts party, String developer, boolean above) {
		long own = party.parents()
			.stream()
			.filter(p -> p.sameDeveloper() && p.derivation().relation() == Relation.MERGE)
			.count();
		return own > 1 ? "; (i)(2) sets no rule for a merge: each of " + developer + "'s own merged models' compute "
				+ "is counted once, shared ancestors once, this tool's reading and the most the developer's own compute can count without "
				+ "counting one run twice, so a narrower reading "
				+ (above ? "could lower the figure" : "could only " + "lower it") : "";
	}

	/** §22757.11(j): revenues of the preceding calendar year decide "large". */
	private RegulatoryRole large(PartyFacts party, RuleSet rules, LocalDate asOf, Verdict verdict, Basis basis) {
		double threshold = rules.threshold("largeDeveloperRevenueUsd");
		int year = asOf.getYear() - 1;
		String name = party.organization() == null ? "the developer" : party.organization().name();
		List<PartyFacts.Revenue> figures = party.revenues()
			.stream()
			.filter(r -> coveredYear(r) <= year)
			.sorted(Comparator.comparing(PartyFacts.Revenue::periodEnd).reversed())
			.toList();
		if (figures.isEmpty()) {
			verdict.figure(new Figure("annual gross revenues of " + name + " (with affiliates) in " + year, null,
					threshold, "§22757.11(j) (large frontier developer)", null, false, false, false,
					"revenues above " + Quantities.usd(threshold) + " in calendar year " + year
							+ " make it a large frontier developer",
					Quantities.Unit.USD));
			verdict.reason("no sourced revenue figure for " + name + " in the graph: whether it is a large frontier "
					+ "developer (revenues with affiliates above " + Quantities.usd(threshold) + " in " + year
					+ ", §22757.11(j)) is "
					+ "undetermined; if it is, the framework, summaries of internal-use risk assessments 'every three months "
					+ "or pursuant to another reasonable schedule' (§22757.12(d)), anonymous internal channel and civil "
					+ "penalties of up to US$1 million per violation (§22757.15(a)) apply as well");
			return verdict.role("FRONTIER_DEVELOPER", basis, rules, asOf, duties(party, rules, verdict));
		}
		PartyFacts.Revenue figure = figures.get(0);
		LocalDate end = LocalDate.parse(figure.periodEnd());
		boolean calendarYear = end.getYear() == year && end.getMonthValue() == 12 && end.getDayOfMonth() == 31;
		boolean sameYear = coveredYear(figure) == year;
		verdict.figure(new Figure(
				"annual gross revenues of " + name + ", fiscal year " + figure.fiscalYear() + " ending "
						+ figure.periodEnd(),
				figure.amountUsd(), threshold, "§22757.11(j) (large frontier developer)", figure.source(), false, false,
				false, null, Quantities.Unit.USD));
		Basis revenueBasis = calendarYear ? Basis.ESTABLISHED : Basis.PRESUMED;
		// A fiscal year counts for the calendar year it mostly covers (NVIDIA's year
		// ending
		// 2025-01-26 is calendar 2024).
		String period = calendarYear ? "in calendar year " + year
				: sameYear
						? "in the fiscal year ending " + figure.periodEnd() + ", standing in for calendar year " + year
						: "in the fiscal year ending " + figure.periodEnd()
								+ ", the latest sourced figure, standing in for calendar year " + year;
		if (figure.amountUsd() > threshold) {
			verdict.reason(String.format(
					"annual gross revenues %s %s > %s (%s): a large frontier developer " + "(§22757.11(j))",
					Quantities.usd(figure.amountUsd(), threshold), period,
					Quantities.usd(threshold, figure.amountUsd()), figure.source()));
			return verdict.role("LARGE_FRONTIER_DEVELOPER", basis.and(revenueBasis), rules, asOf,
					duties(party, rules, verdict));
		}
		if (!calendarYear) {
			verdict.reason(String.format("the latest sourced revenues, %s for the fiscal year ending %s, are below "
					+ "%s, but the figure for calendar year %d is not in the graph: whether it is a large frontier "
					+ "developer is undetermined", Quantities.usd(figure.amountUsd(), threshold), figure.periodEnd(),
					Quantities.usd(threshold, figure.amountUsd()), year));
			return verdict.role("FRONTIER_DEVELOPER", basis, rules, asOf, duties(party, rules, verdict));
		}
		verdict.reason(String.format("annual gross revenues %s in %d ≤ %s: not a large frontier developer",
				Quantities.usd(figure.amountUsd(), threshold), year, Quantities.usd(threshold, figure.amountUsd())));
		return verdict.role("FRONTIER_DEVELOPER", basis, rules, asOf, duties(party, rules, verdict));
	}

	private static int coveredYear(PartyFacts.Revenue revenue) {
		return LocalDate.parse(revenue.periodEnd()).minusMonths(6).getYear();
	}

	/**
	 * The duties' dates; a frontier model deployed before the date this tool applies them
	 * from is presumed to owe no transparency report for that deployment, so a deployment
	 * date read from a Hub repository's creation (which may precede its first
	 * publication) is flagged.
	 */
	private static Verdict.Duties duties(PartyFacts party, RuleSet rules, Verdict verdict) {
		LocalDate start = rules.date("obligationsApplyFrom");
		String released = party.model().releaseDate();
		LocalDate deployed = released == null ? null : LocalDate.parse(released.substring(0, 10));
		LocalDate before = deployed != null && deployed.isBefore(start) ? deployed : null;
		DateProxy proxy = DateProxy.of(party.model().id(), deployed, party.model().releaseDateSource(),
				party.model().sources());
		String caveat = null;
		if (deployed != null && proxy.hub()) {
			// The Hub's date bounds the deployment neither way: a repository created
			// private (or shared only to develop or evaluate the model) and published
			// later, or a model made available earlier through an API or elsewhere.
			String deploy = "The transparency report is owed " + WHEN_DEPLOYING + " (§22757.12(c)(1)), to deploy "
					+ "being 'to make a frontier model available to a third party for use, modification, copying, or "
					+ "combination with other software' (§22757.11(e)(1)), which names no channel (this tool reads "
					+ "an API, a download or any other channel alike), and not making it available 'for the primary "
					+ "purpose of developing or evaluating the frontier model' (§22757.11(e)(2)), as a private "
					+ "repository shared with collaborators to that end may be";
			String decides = "; it decides: the date " + proxy.modelId() + " was first deployed (§22757.11(e)), "
					+ "through the Hub or any other channel";
			String date = "the deployment date " + deployed + " is " + proxy.modelId()
					+ "'s Hub repository creation date"
					+ (proxy.migrated() ? " (the Hub's migration date: created on or before it)" : "");
			if (before != null) {
				verdict.reason("date caveat: " + proxy.caveat() + ". " + deploy + ": if " + proxy.modelId()
						+ " was first deployed on or after " + start + ", the report is owed for it" + decides);
				caveat = date + "; if first deployed (§22757.11(e)(1)–(2)) on or after " + start + ", this is owed";
			}
			else {
				verdict.reason("date caveat: " + proxy.caveat() + ". " + deploy + ": if " + proxy.modelId()
						+ " was first deployed before " + start + " through an API or another channel, the report "
						+ "is presumed not due for that deployment: "
						+ notReached(start, "the report is tied to "
								+ "deploying 'a new frontier model or a substantially modified version of an existing "
								+ "frontier model' (§22757.12(c)(1))")
						+ decides);
				caveat = date + "; if first deployed (§22757.11(e)(1)–(2)) before " + start
						+ " through an API or any other channel (the statute names none), presumed not due for that "
						+ "deployment";
			}
		}
		String notDue = before == null ? null : "presumed not due for this model: it was deployed on " + before + ": "
				+ notReached(start, "the report is owed " + WHEN_DEPLOYING + " (§22757.12(c)(1)–(2))");
		return new Verdict.Duties(start, start, "the developer and its frontier models",
				Verdict.Exemption.NOT_APPLICABLE, null, null, notDue, caveat, true, java.util.Map.of());
	}

}
