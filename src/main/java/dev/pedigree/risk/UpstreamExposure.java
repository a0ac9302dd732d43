package dev.pedigree.risk;

import java.util.Map;

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
		return RelayConnection.page(this.limits, first, after,
				(offset, limit) -> this.graph.read(this.cypher.get("risk/upstream-exposure"),
						Map.of("id", foundationId, "offset", offset, "limit", limit), UpstreamExposure::entry),
				() -> this.graph.total(this.cypher.get("risk/upstream-exposure-count"), Map.of("id", foundationId)));
	}

	private static ExposureEntry entry(org.neo4j.driver.Record r) {
		ModelView model = ModelView.from(r.get("model").asNode());
		return new ExposureEntry(model, r.get("depth").asInt(), r.get("path").asList(v -> v.asString()),
				Derivation.from(r.get("via").asRelationship(), model.id(), r.get("parentId").asString()),
				r.get("organizationId").isNull() ? null : r.get("organizationId").asString(), model.downloads());
	}

}
