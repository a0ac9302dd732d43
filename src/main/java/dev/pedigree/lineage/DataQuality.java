package dev.pedigree.lineage;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;

/**
 * What the graph does not know, counted: placeholders by the source that referenced them,
 * described models without developer, licence, date, compute or parameters, and
 * derivations that are incomplete merges, rest on a heuristic safety signal, carry a
 * warning or lack compute — so a user can tell how far a trace or a report can be
 * trusted.
 */
@Service
public class DataQuality {

	public record Report(long models, long withoutDeveloper, long withoutLicense, long withoutDate, long withoutCompute,
			long withoutParameters, long derivations, long incompleteMerges, long heuristicSafetySignals,
			long derivationsWithoutCompute, long placeholders, List<PlaceholderGroup> placeholdersBySource,
			List<SourceCount> modelsBySource, long estimatedParameters, long derivationsWithSafetySignals,
			long derivationsWithWarnings) {
	}

	public record PlaceholderGroup(String source, long placeholders, List<String> examples) {
	}

	public record SourceCount(String source, long models) {
	}

	private final Graph graph;

	private final CypherQueries cypher;

	DataQuality(Graph graph, CypherQueries cypher) {
		this.graph = graph;
		this.cypher = cypher;
	}

	public Report report() {
		var r = this.graph.read(this.cypher.get("lineage/data-quality"), Map.of()).get(0);
		var groups = this.graph.read(this.cypher.get("lineage/placeholders-by-source"), Map.of(),
				g -> new PlaceholderGroup(g.get("source").asString(), g.get("placeholders").asLong(),
						g.get("examples").asList(v -> v.asString())));
		var sources = this.graph.read(this.cypher.get("lineage/models-by-source"), Map.of(),
				s -> new SourceCount(s.get("source").asString(), s.get("models").asLong()));
		return new Report(r.get("models").asLong(), r.get("withoutDeveloper").asLong(),
				r.get("withoutLicense").asLong(), r.get("withoutDate").asLong(), r.get("withoutCompute").asLong(),
				r.get("withoutParameters").asLong(), r.get("derivations").asLong(), r.get("incompleteMerges").asLong(),
				r.get("heuristicSafetySignals").asLong(), r.get("derivationsWithoutCompute").asLong(),
				r.get("placeholders").asLong(), groups, sources, r.get("estimatedParameters").asLong(),
				r.get("withSafetySignals").asLong(), r.get("withWarnings").asLong());
	}

	public String markdown(Report r) {
		var md = new StringBuilder("# Data quality\n\n| measure | count | share |\n|---|---|---|\n");
		row(md, "described models", r.models(), r.models());
		row(md, "… without a developer", r.withoutDeveloper(), r.models());
		row(md, "… without a licence", r.withoutLicense(), r.models());
		row(md, "… without a date", r.withoutDate(), r.models());
		row(md, "… without training compute", r.withoutCompute(), r.models());
		row(md, "… without a parameter count", r.withoutParameters(), r.models());
		row(md, "… whose parameter count is an estimate from the name", r.estimatedParameters(), r.models());
		row(md, "derivations", r.derivations(), r.derivations());
		row(md, "… merges naming only one parent (incomplete)", r.incompleteMerges(), r.derivations());
		row(md, "… whose safety effect rests on a heuristic", r.heuristicSafetySignals(), r.derivations());
		row(md, "… with safety-removal signals (tags, training sets, names)", r.derivationsWithSafetySignals(),
				r.derivations());
		row(md, "… with a warning (e.g. a declared parent whose size cannot have produced the child)",
				r.derivationsWithWarnings(), r.derivations());
		row(md, "… without modification compute", r.derivationsWithoutCompute(), r.derivations());
		row(md, "placeholders (referenced, not described)", r.placeholders(), r.placeholders());
		md.append("\n## Placeholders by the source that referenced them\n\n");
		r.placeholdersBySource()
			.forEach(g -> md.append("- ")
				.append(g.source())
				.append(": ")
				.append(g.placeholders())
				.append(" (e.g. ")
				.append(String.join(", ", g.examples().stream().limit(5).toList()))
				.append(")\n"));
		md.append("\n## Models per source\n\n");
		r.modelsBySource()
			.forEach(s -> md.append("- ").append(s.source()).append(": ").append(s.models()).append('\n'));
		return md.toString();
	}

	private static void row(StringBuilder md, String name, long count, long of) {
		md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f%% |%n", name, count, of == 0 ? 0 : 100.0 * count / of));
	}

}
