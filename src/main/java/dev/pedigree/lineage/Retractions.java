package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;

import dev.pedigree.common.InvalidInputException;
import dev.pedigree.common.NotFoundException;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;

/**
 * Withdraws derivation claims without forgetting them: a retracted claim leaves the
 * lineage (traversals no longer see it) and is kept, with who retracted it, when and why.
 */
@Service
public class Retractions {

	/** A claim as it was, and its retraction. */
	public record RetractedDerivation(String childId, String parentId, Relation relation, String source,
			Double confidence, String retractedAt, String retractedBy, String reason) {

		static RetractedDerivation from(Record r) {
			var x = r.get("retracted").asRelationship();
			return new RetractedDerivation(r.get("childId").asString(), r.get("parentId").asString(),
					x.get("relation").isNull() ? Relation.OTHER : Relation.valueOf(x.get("relation").asString()),
					x.get("source").isNull() ? null : x.get("source").asString(),
					x.get("confidence").isNull() ? null : x.get("confidence").asDouble(), time(x.get("retractedAt")),
					x.get("retractedBy").asString(), x.get("retractionReason").asString());
		}

	}

	/**
	 * A stored time: a datetime as written, or its text as a restored backup keeps it.
	 */
	private static String time(org.neo4j.driver.Value value) {
		return value.type().name().equals("DATE_TIME") ? value.asZonedDateTime().toOffsetDateTime().toString()
				: value.asString();
	}

	private final Graph graph;

	private final CypherQueries cypher;

	private final ChangeLog changes;

	Retractions(Graph graph, CypherQueries cypher, ChangeLog changes) {
		this.graph = graph;
		this.cypher = cypher;
		this.changes = changes;
	}

	public RetractedDerivation retract(String childId, String parentId, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("reason", "A retraction needs a reason");
		}
		String writer = this.changes.writer();
		// Both ends: the derivation leaves the families of the parent and its ancestors.
		var scope = new Graph.Scope(java.util.Set.of(String.valueOf(childId), String.valueOf(parentId)),
				java.util.Set.of());
		return this.graph.write(scope, tx -> {
			var rows = tx
				.run(this.cypher.get("lineage/retract-derivation"), Map.of("child", String.valueOf(childId), "parent",
						String.valueOf(parentId), "writer", writer, "reason", reason.strip()))
				.list();
			if (rows.isEmpty()) {
				throw new NotFoundException("parentId",
						"No derivation of '" + childId + "' from '" + parentId + "' to retract");
			}
			this.changes.append(tx, ChangeLog.Kind.DERIVATION_RETRACTED, List.of(childId),
					List.of(ChangeLog.derivationKey(childId, parentId)), writer);
			return RetractedDerivation.from(rows.get(0));
		});
	}

	public Map<String, List<RetractedDerivation>> retractedParents(Collection<String> childIds) {
		Map<String, List<RetractedDerivation>> byChild = new HashMap<>();
		this.graph.read(this.cypher.get("lineage/retracted-parents"), Map.of("ids", List.copyOf(childIds)), r -> {
			var retracted = RetractedDerivation.from(r);
			byChild.computeIfAbsent(retracted.childId(), k -> new ArrayList<>()).add(retracted);
			return null;
		});
		return byChild;
	}

}
