package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Who wrote a fact and when, from the change log, for all models or derivations of a
 * level at once.
 */
@Controller
class HistoryController {

	/** One entry of the change log. */
	record Change(String id, ChangeLog.Kind kind, String at, String writer) {
	}

	private final Graph graph;

	private final CypherQueries cypher;

	private final Retractions retractions;

	HistoryController(Graph graph, CypherQueries cypher, Retractions retractions) {
		this.graph = graph;
		this.cypher = cypher;
		this.retractions = retractions;
	}

	@MutationMapping
	Retractions.RetractedDerivation retractDerivation(@Argument String childId, @Argument String parentId,
			@Argument String reason) {
		return this.retractions.retract(childId, parentId, reason);
	}

	@BatchMapping(typeName = "Model", field = "retractedParents")
	Map<ModelView, List<Retractions.RetractedDerivation>> retractedParents(List<ModelView> models) {
		var byChild = this.retractions.retractedParents(models.stream().map(ModelView::id).toList());
		Map<ModelView, List<Retractions.RetractedDerivation>> result = new LinkedHashMap<>();
		models.forEach(m -> result.put(m, byChild.getOrDefault(m.id(), List.of())));
		return result;
	}

	@BatchMapping(typeName = "Model", field = "history")
	Map<ModelView, List<Change>> modelHistory(List<ModelView> models) {
		var byKey = history(models.stream().map(ModelView::id).toList(), false);
		Map<ModelView, List<Change>> result = new LinkedHashMap<>();
		models.forEach(m -> result.put(m, byKey.getOrDefault(m.id(), List.of())));
		return result;
	}

	@BatchMapping(typeName = "Derivation", field = "history")
	Map<Derivation, List<Change>> derivationHistory(List<Derivation> derivations) {
		var byKey = history(derivations.stream().map(d -> ChangeLog.derivationKey(d.childId(), d.parentId())).toList(),
				true);
		Map<Derivation, List<Change>> result = new LinkedHashMap<>();
		derivations.forEach(
				d -> result.put(d, byKey.getOrDefault(ChangeLog.derivationKey(d.childId(), d.parentId()), List.of())));
		return result;
	}

	private Map<String, List<Change>> history(Collection<String> keys, boolean derivations) {
		Map<String, List<Change>> byKey = new HashMap<>();
		this.graph.read(this.cypher.get("lineage/history"),
				Map.of("keys", List.copyOf(keys), "derivations", derivations), r -> {
					byKey.computeIfAbsent(r.get("key").asString(), k -> new ArrayList<>())
						.add(new Change(r.get("id").asString(), ChangeLog.Kind.valueOf(r.get("kind").asString()),
								r.get("at").asZonedDateTime().toOffsetDateTime().toString(),
								r.get("writer").isNull() ? "unknown" : r.get("writer").asString()));
					return null;
				});
		return byKey;
	}

}
