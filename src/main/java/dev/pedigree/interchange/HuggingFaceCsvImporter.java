package dev.pedigree.interchange;

import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pedigree.lineage.Relation;

import org.springframework.stereotype.Component;

/**
 * The Hub's family trees flattened to CSV: the node list
 * ({@code model_id,author,created_at,downloads,…}, also the benchmark's
 * {@code model_id,name,downloads}) and the edge list
 * ({@code parent_id,child_id,relation[,sources]}).
 */
@Component
class HuggingFaceCsvImporter {

	static final String SOURCE = "huggingface";

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HuggingFaceCsvImporter.class);

	/** Hub-declared lineage: trusted, but below a curated fact. */
	static final double HUB_CONFIDENCE = 0.9;

	private final GraphWriter writer;

	HuggingFaceCsvImporter(GraphWriter writer) {
		this.writer = writer;
	}

	ImportReport importNodes(Reader reader, String file, Progress progress) {
		var report = new ImportReport("hf-nodes");
		var rows = Csv.read(reader, file, List.of("model_id"));
		var organizations = new OrganizationDirectory(this.writer.query("interchange/all-organization-names"));
		List<GraphWriter.ModelRow> models = new ArrayList<>();
		for (var row : rows) {
			String id = row.get("model_id");
			if (id == null) {
				report.reject(file, row.line(), "model_id is empty");
				continue;
			}
			Map<String, Object> props = new HashMap<>();
			try {
				props.put("name", row.get("name") != null ? row.get("name") : id);
				props.put("downloads", integer(row.get("downloads")));
				props.put("likes", integer(row.get("likes")));
				props.put("releaseDate", date(row.get("created_at")));
			}
			catch (IllegalArgumentException ex) {
				report.reject(file, row.line(), id + ": " + ex.getMessage());
				continue;
			}
			props.put("license", row.get("license"));
			props.put("pipelineTag", row.get("pipeline_tag"));
			props.put("libraryName", row.get("library_name"));
			props.put("sourceUrl", "https://huggingface.co/" + id);
			String author = row.get("author") != null ? row.get("author")
					: (id.contains("/") ? id.substring(0, id.indexOf('/')) : null);
			String developer = author == null ? null : organizations.resolve(author, "hub-account", null, SOURCE);
			models.add(new GraphWriter.ModelRow(id, props, List.of(), developer, SOURCE, false));
		}
		this.writer.organizations(organizations.newOrganizations(), new ImportReport("organizations"));
		this.writer.models(models, report, progress);
		return report;
	}

	ImportReport importEdges(Reader reader, String file, Progress progress) {
		var report = new ImportReport("hf-edges");
		long start = System.nanoTime();
		var rows = Csv.read(reader, file, List.of("parent_id", "child_id", "relation"));
		record Edge(long line, String child, String parent, Relation relation, String sources) {
		}
		List<Edge> edges = new ArrayList<>();
		Map<String, Integer> mergeParents = new HashMap<>();
		for (var row : rows) {
			String parent = row.get("parent_id");
			String child = row.get("child_id");
			String relationText = row.get("relation");
			if (parent == null || child == null) {
				report.reject(file, row.line(), "parent_id and child_id are required");
				continue;
			}
			Relation relation = Relation.fromSource(relationText);
			if (relation == null) {
				report.reject(file, row.line(),
						"unknown relation '" + relationText + "' for " + child + " <- " + parent);
				continue;
			}
			edges.add(new Edge(row.line(), normalise(child), normalise(parent), relation, row.get("sources")));
			if (relation == Relation.MERGE) {
				mergeParents.merge(normalise(child), 1, Integer::sum);
			}
		}
		log.debug("parsed {} edges: {} ms", edges.size(), (System.nanoTime() - start) / 1_000_000);
		var guard = this.writer.cycleGuard();
		Set<String> endpoints = new HashSet<>();
		List<GraphWriter.DerivationRow> accepted = new ArrayList<>();
		for (Edge e : edges) {
			var cycle = guard.accept(e.child(), e.parent());
			if (cycle != null) {
				report.cycle(file + ":" + e.line() + ": " + String.join(" -> ", cycle));
				continue;
			}
			endpoints.add(e.child());
			endpoints.add(e.parent());
			Map<String, Object> props = new HashMap<>();
			props.put("relation", e.relation().name());
			props.put("source", e.sources() == null ? "hf" : "hf:" + e.sources());
			props.put("confidence", HUB_CONFIDENCE);
			props.put("incomplete", e.relation() == Relation.MERGE && mergeParents.get(e.child()) < 2);
			if (SafetyHeuristics.removedBy(e.child(), e.parent())) {
				props.put("safetyEffect", "REMOVED");
				props.put("safetySource", SafetyHeuristics.SOURCE);
				props.put("safetyConfidence", SafetyHeuristics.CONFIDENCE);
			}
			accepted.add(new GraphWriter.DerivationRow(e.child(), e.parent(), props));
		}
		log.debug("cycle-checked {} edges: {} ms", accepted.size(), (System.nanoTime() - start) / 1_000_000);
		this.writer.placeholdersFor(endpoints, report, progress);
		log.debug("placeholders written: {} ms", (System.nanoTime() - start) / 1_000_000);
		this.writer.derivations(accepted, guard, report, progress);
		log.debug("derivations written: {} ms", (System.nanoTime() - start) / 1_000_000);
		return report;
	}

	/** Hub ids may come as URLs ({@code https://huggingface.co/org/name}). */
	static String normalise(String id) {
		String s = id.strip();
		for (String prefix : List.of("https://huggingface.co/", "http://huggingface.co/", "huggingface.co/", "hf.co/",
				"https://hf.co/")) {
			if (s.regionMatches(true, 0, prefix, 0, prefix.length())) {
				s = s.substring(prefix.length());
			}
		}
		while (s.endsWith("/")) {
			s = s.substring(0, s.length() - 1);
		}
		return s;
	}

	private static Long integer(String value) {
		if (value == null) {
			return null;
		}
		try {
			long n = (long) Double.parseDouble(value);
			if (n < 0) {
				throw new IllegalArgumentException("negative count " + value);
			}
			return n;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("not a number: '" + value + "'");
		}
	}

	/** Hub timestamps ({@code 2025-01-29 08:29:22+00:00}) reduced to their date. */
	static String date(String value) {
		if (value == null) {
			return null;
		}
		String day = value.length() >= 10 ? value.substring(0, 10) : value;
		try {
			LocalDate parsed = LocalDate.parse(day);
			if (parsed.getYear() < 1950 || parsed.isAfter(LocalDate.now().plusDays(1))) {
				throw new IllegalArgumentException("impossible date '" + value + "'");
			}
			return parsed.toString();
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new IllegalArgumentException("not a date: '" + value + "'");
		}
	}

}
