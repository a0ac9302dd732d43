package dev.pedigree.interchange.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.pedigree.interchange.AssetFacts;
import dev.pedigree.interchange.FactBatch;
import dev.pedigree.interchange.FormatParser;
import dev.pedigree.interchange.ImportFormat;
import dev.pedigree.interchange.LinkFacts;
import dev.pedigree.interchange.ParseContext;
import dev.pedigree.lineage.DerivationFacts;
import dev.pedigree.lineage.ModelFacts;
import dev.pedigree.lineage.OrganizationFacts;

import org.springframework.stereotype.Component;

/**
 * Restores the whole-graph JSON Lines backup written by {@code export --format jsonl}:
 * organisations, models (with every property, sources and placeholder flag as exported),
 * derivations, then every other node (datasets, applications, licences, risk findings,
 * incidents) and relationship, by label and id.
 */
@Component
class BackupRestore implements FormatParser {

	/**
	 * Node labels a backup restores besides organisations and models: Pedigree's own
	 * vocabulary, nothing else.
	 */
	static final List<String> OTHER_LABELS = Stream.of(AssetFacts.Label.values()).map(AssetFacts.Label::label).toList();

	static final List<String> LINK_ENDS = Stream.concat(Stream.of("Model", "Organization"), OTHER_LABELS.stream())
		.toList();

	static final List<String> LINK_TYPES = List.of("TRAINED_ON", "GENERATED_BY", "USES", "DERIVED_FROM", "DEVELOPED_BY",
			"HAS_FINDING", "INVOLVED_IN", "LICENSED_UNDER", "SUCCEEDED_BY", "REPORTED", "RETRACTED_DERIVATION");

	private final JsonMapper json;

	BackupRestore(JsonMapper json) {
		this.json = json;
	}

	@Override
	public ImportFormat format() {
		return ImportFormat.JSONL;
	}

	@Override
	public FactBatch parse(List<Input> inputs, ParseContext context) {
		Input input = inputs.get(0);
		var batch = new FactBatch("jsonl", input.name()).rejectUnknownModels();
		List<OrganizationFacts> organizations = new ArrayList<>();
		List<LinkFacts> links = new ArrayList<>();
		List<Long> linkLines = new ArrayList<>();
		Set<String> present = new HashSet<>();
		try (BufferedReader lines = new BufferedReader(input.reader())) {
			long number = 0;
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				number++;
				if (!line.isBlank()) {
					record(line, input.name(), number, batch, organizations, present, links, linkLines);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		batch.countedOrganizations(organizations);
		// A backup is self-contained: a link to a node it does not hold would silently
		// match nothing.
		for (int i = 0; i < links.size(); i++) {
			var link = links.get(i);
			boolean from = present.contains(link.fromLabel() + "\u0000" + link.from());
			boolean to = present.contains(link.toLabel() + "\u0000" + link.to());
			if (from && to) {
				batch.link(link);
			}
			else {
				batch.reject(input.name(), linkLines.get(i),
						"link " + link.type() + " names a " + (from ? link.toLabel() : link.fromLabel()) + " '"
								+ (from ? link.to() : link.from()) + "' the file does not contain");
			}
		}
		return batch;
	}

	@SuppressWarnings("unchecked")
	private void record(String line, String file, long number, FactBatch batch, List<OrganizationFacts> organizations,
			Set<String> present, List<LinkFacts> links, List<Long> linkLines) {
		Map<String, Object> record;
		try {
			record = this.json.readValue(line, Map.class);
		}
		catch (JacksonException ex) {
			batch.reject(file, number, "not a JSON object: " + ex.getOriginalMessage());
			return;
		}
		Object type = record.get("type");
		Map<String, Object> props = record.get("properties") instanceof Map<?, ?> p
				? new HashMap<>((Map<String, Object>) p) : null;
		if (props == null) {
			batch.reject(file, number, "a record needs an object 'properties'");
		}
		else if ("organization".equals(type) && props.get("id") instanceof String id) {
			props.remove("id");
			organizations.add(OrganizationFacts.restored(id, props));
			present.add("Organization\u0000" + id);
		}
		else if ("model".equals(type) && record.get("id") instanceof String id) {
			props.remove("id");
			Object developer = props.remove("developerId");
			boolean placeholder = Boolean.TRUE.equals(props.remove("placeholder"));
			batch.model(ModelFacts.of(id)
				.developerId(developer instanceof String d ? d : null)
				.placeholder(placeholder)
				.restored(props)
				.build());
			present.add("Model\u0000" + id);
		}
		else if ("derivation".equals(type) && record.get("child") instanceof String child
				&& record.get("parent") instanceof String parent) {
			batch.derivation(DerivationFacts.of(child, parent).origin(file + ":" + number).restored(props).build());
		}
		else if ("node".equals(type) && record.get("id") instanceof String id
				&& record.get("label") instanceof String label) {
			if (!OTHER_LABELS.contains(label)) {
				batch.reject(file, number,
						"node " + id + ": unknown label '" + label + "' (one of " + OTHER_LABELS + ")");
				return;
			}
			props.remove("id");
			batch.asset(AssetFacts.restored(AssetFacts.Label.of(label), id, props));
			present.add(label + "\u0000" + id);
		}
		else if ("link".equals(type) && record.get("relationship") instanceof String relationship
				&& record.get("fromLabel") instanceof String fromLabel && record.get("from") instanceof String from
				&& record.get("toLabel") instanceof String toLabel && record.get("to") instanceof String to) {
			if (!LINK_TYPES.contains(relationship) || !LINK_ENDS.contains(fromLabel) || !LINK_ENDS.contains(toLabel)) {
				batch.reject(file, number, "link " + from + " -> " + to + ": unknown relationship or label '"
						+ relationship + "' (" + fromLabel + " -> " + toLabel + ")");
				return;
			}
			if (relationship.equals("DERIVED_FROM") && fromLabel.equals("Model") && toLabel.equals("Model")) {
				// Only lineage writes derivations between models, cycle-checked.
				batch.reject(file, number, "link " + from + " -> " + to
						+ ": a derivation between models is a 'derivation' record, not a link");
				return;
			}
			links.add(new LinkFacts(relationship, fromLabel, from, toLabel, to, props));
			linkLines.add(number);
		}
		else {
			batch.reject(file, number, "unknown record type '" + type + "' or missing id");
		}
	}

}
