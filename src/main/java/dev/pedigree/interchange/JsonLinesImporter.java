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
 * Restores the whole-graph JSON Lines backup written by {@code export --format jsonl}: organisations, models (with
 * every property, sources and placeholder flag as exported) and derivations.
 */
@Component
class JsonLinesImporter {

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
				}
				else if ("model".equals(type) && record.get("id") instanceof String id) {
					props.remove("id");
					Object developer = props.remove("developerId");
					boolean placeholder = Boolean.TRUE.equals(props.remove("placeholder"));
					models.add(new GraphWriter.ModelRow(id, props, List.of(),
							developer instanceof String d ? d : null, null, placeholder));
				}
				else if ("derivation".equals(type) && record.get("child") instanceof String child
						&& record.get("parent") instanceof String parent) {
					derivations.add(new GraphWriter.DerivationRow(child, parent, props));
					derivationLines.add(new long[] { number });
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
		var guard = new CycleGuard(this.writer.derivationPairs());
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
		var known = this.writer.existingModelIds(accepted.stream()
			.flatMap(d -> java.util.stream.Stream.of(d.child(), d.parent())).distinct().toList());
		for (var d : accepted) {
			if (!known.contains(d.child()) || !known.contains(d.parent())) {
				report.reject(file, 0, "derivation " + d.child() + " <- " + d.parent() + " names a model the file does not contain");
			}
		}
		this.writer.derivations(accepted.stream().filter(d -> known.contains(d.child()) && known.contains(d.parent()))
			.toList(), guard, report, progress);
		return report;
	}

}
