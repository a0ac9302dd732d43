package dev.pedigree.lineage;

import dev.pedigree.common.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.TransactionContext;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;

/**
 * Curated writes. Each is validated completely and runs in one transaction, so a rejected
 * write changes nothing.
 */
@Service
public class LineageWrites {

	/** Confidence of a curated fact; heuristics and imports stay below it. */
	public static final double CURATED_CONFIDENCE = 1.0;

	private final Graph graph;

	private final CypherQueries cypher;

	private final ChangeLog changes;

	LineageWrites(Graph graph, CypherQueries cypher, ChangeLog changes) {
		this.graph = graph;
		this.cypher = cypher;
		this.changes = changes;
	}

	public ModelView registerModel(RegisterModelInput input) {
		require(input.id(), "id");
		require(input.name(), "name");
		nonNegative(input.trainingComputeFlop(), "trainingComputeFlop");
		nonNegative(input.parameters(), "parameters");
		if (input.releaseDate() != null) {
			date(input.releaseDate(), "releaseDate");
		}
		if (input.access() != null && !List.of("OPEN_WEIGHTS", "API", "CLOSED", "GATED").contains(input.access())) {
			throw new InvalidInputException("access",
					"access must be one of OPEN_WEIGHTS, API, CLOSED, GATED, was '" + input.access() + "'");
		}
		Map<String, Object> properties = new HashMap<>();
		properties.put("name", input.name());
		putIfPresent(properties, "trainingComputeFlop", input.trainingComputeFlop());
		putIfPresent(properties, "parameters", input.parameters());
		putIfPresent(properties, "releaseDate", input.releaseDate());
		putIfPresent(properties, "access", input.access());
		putIfPresent(properties, "license", input.license());
		putIfPresent(properties, "pipelineTag", input.pipelineTag());
		putIfPresent(properties, "modality", input.modality());
		putIfPresent(properties, "generative", input.generative());
		putIfPresent(properties, "aliases", input.aliases());
		putIfPresent(properties, "sourceUrl", input.sourceUrl());
		Map<String, Object> params = new HashMap<>();
		params.put("id", input.id().strip());
		params.put("properties", properties);
		params.put("developerId", input.developerId());
		return this.graph.write(tx -> {
			if (input.developerId() != null
					&& tx.run("MATCH (o:Organization {id: $id}) RETURN o", Map.of("id", input.developerId()))
						.list()
						.isEmpty()) {
				throw new InvalidInputException("developerId", "No organization with id '" + input.developerId() + "'");
			}
			var model = ModelView
				.from(tx.run(this.cypher.get("lineage/register-model"), params).single().get("model").asNode());
			this.changes.append(tx, ChangeLog.Kind.MODELS_WRITTEN, List.of(model.id()));
			return model;
		});
	}

	public List<Derivation> recordDerivation(RecordDerivationInput input) {
		require(input.childId(), "childId");
		if (input.parentIds() == null || input.parentIds().isEmpty()) {
			throw new InvalidInputException("parentIds", "parentIds must name at least one parent");
		}
		if (input.relation() == null) {
			throw new InvalidInputException("relation", "relation is required");
		}
		var parents = new LinkedHashSet<>(input.parentIds());
		if (parents.contains(input.childId())) {
			throw new InvalidInputException("parentIds",
					"A model cannot derive from itself: '" + input.childId() + "' is among its parentIds");
		}
		if (input.relation() == Relation.MERGE && parents.size() < 2) {
			throw new InvalidInputException("parentIds",
					"A curated MERGE needs two or more distinct parents, got " + parents.size());
		}
		nonNegative(input.computeFlop(), "computeFlop");
		if (input.date() != null) {
			date(input.date(), "date");
		}
		Map<String, Object> properties = new HashMap<>();
		properties.put("relation", input.relation().name());
		properties.put("source", input.source() == null || input.source().isBlank() ? "manual" : input.source());
		properties.put("confidence", CURATED_CONFIDENCE);
		properties.put("curated", true);
		putIfPresent(properties, "computeFlop", input.computeFlop());
		putIfPresent(properties, "date", input.date());
		putIfPresent(properties, "note", input.note());
		putIfPresent(properties, "mitigates", input.mitigates());
		if (input.safetyEffect() != null) {
			properties.put("safetyEffect", input.safetyEffect().name());
			properties.put("safetySource", "curated");
			properties.put("safetyConfidence", 1.0);
		}
		putIfPresent(properties, "capabilityEffect",
				input.capabilityEffect() == null ? null : input.capabilityEffect().name());
		properties.put("incomplete", false);
		return this.graph.write(tx -> {
			// Before the cycle check, in the same transaction: serialises it with every
			// other
			// writer of derivations.
			tx.run(this.cypher.get("lineage/lock-lineage")).consume();
			requireExisting(tx, List.of(input.childId()), "childId");
			requireExisting(tx, List.copyOf(parents), "parentIds");
			List<Derivation> written = new ArrayList<>();
			for (String parent : parents) {
				var cycle = tx
					.run(this.cypher.get("lineage/cycle-path"), Map.of("parent", parent, "child", input.childId()))
					.list();
				if (!cycle.isEmpty()) {
					List<String> path = new ArrayList<>();
					path.add(input.childId());
					path.addAll(cycle.get(0).get("ids").asList(v -> v.asString()));
					throw new InvalidInputException("parentIds", "Deriving '" + input.childId() + "' from '" + parent
							+ "' would close a cycle: " + String.join(" -> ", path));
				}
				written
					.add(LineageQueries.derivation(tx
						.run(this.cypher.get("lineage/record-derivation"),
								Map.of("child", input.childId(), "parent", parent, "properties", properties))
						.single()));
			}
			this.changes.append(tx, ChangeLog.Kind.DERIVATIONS_WRITTEN, List.of(input.childId()));
			return written;
		});
	}

	private void requireExisting(TransactionContext tx, List<String> ids, String field) {
		var missing = tx.run(this.cypher.get("lineage/existing-ids"), Map.of("ids", ids))
			.list(r -> r.get("exists").asBoolean() ? null : r.get("id").asString())
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
		if (!missing.isEmpty()) {
			throw new InvalidInputException(field, "Unknown model" + (missing.size() > 1 ? "s" : "") + ": "
					+ String.join(", ", missing) + " (register " + (missing.size() > 1 ? "them" : "it") + " first)");
		}
	}

	private static void require(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, field + " is required and must not be blank");
		}
	}

	private static void nonNegative(Double value, String field) {
		if (value != null && (value < 0 || value.isNaN() || value.isInfinite())) {
			throw new InvalidInputException(field, field + " must be a finite number >= 0, was " + value);
		}
	}

	private static void date(String value, String field) {
		try {
			LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, field + " must be an ISO date (YYYY-MM-DD), was '" + value + "'");
		}
	}

	private static void putIfPresent(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
