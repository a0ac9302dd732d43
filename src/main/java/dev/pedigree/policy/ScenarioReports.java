package dev.pedigree.policy;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * A scenario's result as Markdown (tables and a text chart of growth) or CSV (one row per
 * tier).
 */
@Component
public class ScenarioReports {

	public String markdown(ScenarioEvaluation.ScenarioResult result) {
		var s = result.scenario();
		var md = new StringBuilder();
		md.append("### ").append(s.name()).append(" (`").append(s.id()).append("`)\n\n");
		if (s.description() != null) {
			md.append(s.description()).append("\n\n");
		}
		s.sources().forEach(source -> md.append("- source: ").append(source).append('\n'));
		md.append(String.format(Locale.ROOT,
				"%nGraph %s: %,d models, %,d downloads; %,d models without a release date %s.%n%n",
				result.asOf() == null ? "as it is now" : "as of " + result.asOf(), result.totalModels(),
				result.totalDownloads(), result.undatedModels(), result.includeUndated() ? "counted in" : "left out"));
		md.append("| tier | covers | organisations | models | downloads | share of downloads | undecided |\n")
			.append("|---|---|---|---|---|---|---|\n");
		for (var t : result.tiers()) {
			md.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %,d | %.2f%% | %,d |%n", t.id(), t.covers(),
					t.organizations(), t.models(), t.downloads(), 100 * t.downloadShare(), t.undecided()));
		}
		md.append(String.format(Locale.ROOT,
				"%nSafety-removing or -degrading descendants no tier covers: %,d (%,d downloads)%s%n",
				result.uncoveredSafetyRemoving(), result.uncoveredSafetyRemovingDownloads(),
				result.topUncovered().isEmpty() ? "." : "; most used:"));
		result.topUncovered()
			.forEach(u -> md.append(String.format(Locale.ROOT, "- %s (from %s, %,d downloads)%n", u.model(), u.parent(),
					u.downloads())));
		for (var t : result.tiers()) {
			md.append("\n**").append(t.id()).append("** — ").append(t.name() == null ? "" : t.name()).append("\n\n");
			if (!t.topFoundations().isEmpty()) {
				md.append("Foundations accounting for most of it: ")
					.append(String.join(", ",
							t.topFoundations().stream().map(f -> f.foundation() + " (" + f.models() + ")").toList()))
					.append("\n\n");
			}
			md.append("Growth (models covered per month, running total):\n\n```\n")
				.append(chart(t.growth()))
				.append("```\n");
		}
		return md.toString();
	}

	/** A text bar chart of the running total, one line per month. */
	static String chart(List<ScenarioEvaluation.MonthCount> growth) {
		if (growth.isEmpty()) {
			return "(nothing covered)\n";
		}
		int max = growth.stream().mapToInt(ScenarioEvaluation.MonthCount::cumulative).max().orElse(1);
		var out = new StringBuilder();
		for (var m : growth) {
			int width = max == 0 ? 0 : (int) Math.round(40.0 * m.cumulative() / max);
			out.append(String.format(Locale.ROOT, "%-8s %s %d (+%d)%n", m.month(), "█".repeat(Math.max(width, 1)),
					m.cumulative(), m.models()));
		}
		return out.toString();
	}

	public String csv(ScenarioEvaluation.ScenarioResult result) {
		var csv = new StringBuilder(
				"scenario,as_of,include_undated,tier,covers,organizations,models,downloads,download_share,undecided,uncovered_safety_removing\n");
		for (var t : result.tiers()) {
			csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%d,%d,%d,%.6f,%d,%d%n", result.scenario().id(),
					result.asOf() == null ? "" : result.asOf(), result.includeUndated(), t.id(), t.covers(),
					t.organizations(), t.models(), t.downloads(), t.downloadShare(), t.undecided(),
					result.uncoveredSafetyRemoving()));
		}
		return csv.toString();
	}

}
