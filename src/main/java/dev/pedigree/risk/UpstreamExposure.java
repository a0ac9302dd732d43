package dev.pedigree.risk;

import java.util.HashMap;
import java.util.Map;

import dev.pedigree.graphql.Cursors;
import dev.pedigree.graphql.Limits;
import dev.pedigree.graphql.RelayConnection;
import dev.pedigree.lineage.Derivation;
import dev.pedigree.lineage.ModelView;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;

/**
 * The policy view of a foundation model: which descendants removed or degraded safety or
 * raised capability, and how widely they are used.
 */
@Service
public class UpstreamExposure {

	private final Graph graph;

	private final CypherQueries cypher;

	private final Limits limits;

	UpstreamExposure(Graph graph, CypherQueries cypher, Limits limits) {
		this.graph = graph;
		this.cypher = cypher;
		this.limits = limits;
	}

	public RelayConnection<ExposureEntry> of(String foundationId, Integer first, String after) {
		int size = this.limits.pageSize(first);
		long offset = Cursors.after(after);
		Map<String, Object> params = new HashMap<>();
		params.put("id", foundationId);
		params.put("offset", offset);
		params.put("limit", size + 1);
		var rows = this.graph.read(this.cypher.get("risk/upstream-exposure"), params, r -> {
			ModelView model = ModelView.from(r.get("model").asNode());
			return new ExposureEntry(model, r.get("depth").asInt(), r.get("path").asList(v -> v.asString()),
					Derivation.from(r.get("via").asRelationship(), model.id(), r.get("parentId").asString()),
					r.get("organizationId").isNull() ? null : r.get("organizationId").asString(), model.downloads());
		});
		return RelayConnection.of(rows, offset, size,
				() -> this.graph.read(this.cypher.get("risk/upstream-exposure-count"), Map.of("id", foundationId))
					.get(0)
					.get("total")
					.asInt(),
				() -> false);
	}

}
