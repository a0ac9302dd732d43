package dev.pedigree.interchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Restores the whole-graph JSON Lines backup written by {@code export --format jsonl}:
 * organisations, models (with every property, sources and placeholder flag as exported),
 * derivations, then every other node (datasets, applications, licences, risk findings,
 * incidents) and relationship, by label and id.
 */
@Component
class JsonLinesImporter {

	/**
	 * Node labels a backup restores besides organisations and models: Pedigree's own
	 * vocabulary, nothing else.
	 */
	static final List<String> OTHER_LABELS = List.of("Dataset", "Application", "License", "RiskFinding", "Incident",
			"Revenue");

	static final List<String> LINK_ENDS = java.util.stream.Stream
		.concat(java.util.stream.Stream.of("Model", "Organization"), OTHER_LABELS.stream())
		.toList();

	static final List<String> LINK_TYPES = List.of("TRAINED_ON", "GENERATED_BY", "USES", "DERIVED_FROM", "DEVELOPED_BY",
			"HAS_FINDING", "INVOLVED_IN", "LICENSED_UNDER", "SUCCEEDED_BY", "REPORTED");

	private final GraphWriter writer;

	private final JsonMapper json;

	JsonLinesImporter(GraphWriter writer, JsonMapper json) {
		this.writer = writer;
		this.json = json;
	}

	@SuppressWarnings("unchecked")
	ImportReport importBackup(Reader reader, String file, Progress progress) {
		var report = new ImportReport("jsonl");
		List<GraphWriter.OrganizationRow> organizations = new ArrayList<>();
		List<GraphWriter.ModelRow> models = new ArrayList<>();
		List<GraphWriter.DerivationRow> derivations = new ArrayList<>();
		List<long[]> derivationLines = new ArrayList<>();
		List<Map<String, Object>> nodes = new ArrayList<>();
		List<Map<String, Object>> links = new ArrayList<>();
		List<Long> linkLines = new ArrayList<>();
		java.util.Set<String> present = new java.util.HashSet<>();
		try (BufferedReader lines = new BufferedReader(reader)) {
			long number = 0;
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				Map<String, Object> record;
				try {
					record = this.json.readValue(line, Map.class);
				}
				catch (JacksonException ex) {
					report.reject(file, number, "not a JSON object: " + ex.getOriginalMessage());
					continue;
				}
				Object type = record.get("type");
				Map<String, Object> props = record.get("properties") instanceof Map<?, ?> p
						? new HashMap<>((Map<String, Object>) p) : null;
				if (props == null) {
					report.reject(file, number, "a record needs an object 'properties'");
					continue;
				}
				if ("organization".equals(type) && props.get("id") instanceof String id) {
					props.remove("id");
					organizations.add(new GraphWriter.OrganizationRow(id, props, List.of(), null));
					present.add("Organization\u0000" + id);
				}
				else if ("model".equals(type) && record.get("id") instanceof String id) {
					props.remove("id");
					Object developer = props.remove("developerId");
					boolean placeholder = Boolean.TRUE.equals(props.remove("placeholder"));
					models.add(new GraphWriter.ModelRow(id, props, List.of(), developer instanceof String d ? d : null,
							null, placeholder));
					present.add("Model\u0000" + id);
				}
				else if ("derivation".equals(type) && record.get("child") instanceof String child
						&& record.get("parent") instanceof String parent) {
					derivations.add(new GraphWriter.DerivationRow(child, parent, props));
					derivationLines.add(new long[] { number });
				}
				else if ("node".equals(type) && record.get("id") instanceof String id
						&& record.get("label") instanceof String label) {
					if (!OTHER_LABELS.contains(label)) {
						report.reject(file, number,
								"node " + id + ": unknown label '" + label + "' (one of " + OTHER_LABELS + ")");
						continue;
					}
					props.remove("id");
					nodes.add(Map.of("label", label, "id", id, "props", props));
					present.add(label + "\u0000" + id);
				}
				else if ("link".equals(type) && record.get("relationship") instanceof String relationship
						&& record.get("fromLabel") instanceof String fromLabel
						&& record.get("from") instanceof String from && record.get("toLabel") instanceof String toLabel
						&& record.get("to") instanceof String to) {
					if (!LINK_TYPES.contains(relationship) || !LINK_ENDS.contains(fromLabel)
							|| !LINK_ENDS.contains(toLabel)) {
						report.reject(file, number, "link " + from + " -> " + to + ": unknown relationship or label '"
								+ relationship + "' (" + fromLabel + " -> " + toLabel + ")");
						continue;
					}
					links.add(Map.of("type", relationship, "fromLabel", fromLabel, "from", from, "toLabel", toLabel,
							"to", to, "props", props));
					linkLines.add(number);
				}
				else {
					report.reject(file, number, "unknown record type '" + type + "' or missing id");
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.writer.organizations(organizations, report);
		this.writer.models(models, report, progress);
		var guard = this.writer.cycleGuard();
		List<GraphWriter.DerivationRow> accepted = new ArrayList<>();
		for (int i = 0; i < derivations.size(); i++) {
			var d = derivations.get(i);
			var cycle = guard.accept(d.child(), d.parent());
			if (cycle != null) {
				report.cycle(file + ":" + derivationLines.get(i)[0] + ": " + String.join(" -> ", cycle));
			}
			else {
				accepted.add(d);
			}
		}
		var known = this.writer.existingModelIds(
				accepted.stream().flatMap(d -> java.util.stream.Stream.of(d.child(), d.parent())).distinct().toList());
		for (var d : accepted) {
			if (!known.contains(d.child()) || !known.contains(d.parent())) {
				report.reject(file, 0,
						"derivation " + d.child() + " <- " + d.parent() + " names a model the file does not contain");
			}
		}
		this.writer.derivations(
				accepted.stream().filter(d -> known.contains(d.child()) && known.contains(d.parent())).toList(), guard,
				report, progress);
		this.writer.assets(nodes, report);
		// A backup is self-contained: a link to a node it does not hold would silently
		// match nothing.
		List<Map<String, Object>> complete = new ArrayList<>();
		for (int i = 0; i < links.size(); i++) {
			var link = links.get(i);
			String missing = List.of("from", "to")
				.stream()
				.filter(end -> !present.contains(link.get(end + "Label") + "\u0000" + link.get(end)))
				.findFirst()
				.orElse(null);
			if (missing == null) {
				complete.add(link);
			}
			else {
				report.reject(file, linkLines.get(i), "link " + link.get("type") + " names a "
						+ link.get(missing + "Label") + " '" + link.get(missing) + "' the file does not contain");
			}
		}
		this.writer.links(complete, report);
		return report;
	}

}
