package dev.pedigree.risk;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.pedigree.common.InvalidInputException;
import dev.pedigree.lineage.ChangeLog;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;

/** Curated records of risk findings and incidents on models. */
@Service
public class RiskRecords {

	static final List<String> CATEGORIES = List.of("CBRN", "CYBER", "NCII", "CSAM", "DECEPTION", "AUTONOMY", "OTHER");

	private final Graph graph;

	private final CypherQueries cypher;

	private final ChangeLog changes;

	RiskRecords(Graph graph, CypherQueries cypher, ChangeLog changes) {
		this.graph = graph;
		this.cypher = cypher;
		this.changes = changes;
	}

	public record FindingInput(String modelId, String category, String severity, String summary, LocalDate date,
			String sourceUrl) {
	}

	public Finding record(FindingInput input, boolean incident) {
		if (input.modelId() == null || input.modelId().isBlank()) {
			throw new InvalidInputException("modelId", "modelId is required");
		}
		if (input.category() == null || !CATEGORIES.contains(input.category())) {
			throw new InvalidInputException("category",
					"category must be one of " + CATEGORIES + ", was '" + input.category() + "'");
		}
		if (input.summary() == null || input.summary().isBlank()) {
			throw new InvalidInputException("summary", "summary is required");
		}
		Map<String, Object> properties = new HashMap<>();
		properties.put("category", input.category());
		properties.put("summary", input.summary());
		if (input.severity() != null) {
			properties.put("severity", input.severity());
		}
		if (input.date() != null) {
			properties.put("date", input.date().toString());
		}
		if (input.sourceUrl() != null) {
			properties.put("sourceUrl", input.sourceUrl());
		}
		String id = (incident ? "incident/" : "finding/") + UUID.randomUUID();
		var found = this.graph.write(tx -> {
			var rows = tx
				.run(this.cypher.get(incident ? "risk/record-incident" : "risk/record-finding"),
						Map.of("modelId", input.modelId(), "id", id, "properties", properties))
				.list();
			if (!rows.isEmpty()) {
				this.changes.append(tx, ChangeLog.Kind.FINDING_RECORDED, List.of(input.modelId()));
			}
			return rows;
		});
		if (found.isEmpty()) {
			throw new InvalidInputException("modelId", "No model with id '" + input.modelId() + "'");
		}
		return Finding.from(found.get(0).get("finding").asNode(), incident ? "Incident" : "RiskFinding");
	}

}
