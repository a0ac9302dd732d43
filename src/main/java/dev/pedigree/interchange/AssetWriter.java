package dev.pedigree.interchange;

import java.util.List;
import java.util.Map;

import dev.pedigree.lineage.WriteCounts;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Component;

/**
 * Batched, idempotent writes of the nodes and relationships imports bring besides lineage
 * (which {@link dev.pedigree.lineage.LineageWrites} owns): datasets, applications, their
 * links, training sets, licences, revenue figures and a backup's other relationships.
 * Each batch is one transaction; MERGE on id.
 */
@Component
class AssetWriter {

	private static final int BATCH = 10_000;

	private final Graph graph;

	private final CypherQueries cypher;

	AssetWriter(Graph graph, CypherQueries cypher) {
		this.graph = graph;
		this.cypher = cypher;
	}

	/**
	 * Model → dataset training links ({@code model}, {@code dataset}, {@code source}).
	 */
	WriteCounts trainedOn(List<Map<String, Object>> rows) {
		return batches(rows, "interchange/upsert-trained-on");
	}

	/** Datasets and applications ({@code label}, {@code id}, {@code props}). */
	WriteCounts assets(List<Map<String, Object>> rows) {
		return batches(rows, "interchange/upsert-assets");
	}

	/**
	 * Typed links between assets ({@code from}, {@code to}, {@code type}, {@code props}).
	 */
	WriteCounts assetEdges(List<Map<String, Object>> rows) {
		return batches(rows, "interchange/upsert-asset-edges");
	}

	/** Backed-up relationships. */
	WriteCounts links(List<Map<String, Object>> rows) {
		return batches(rows, "interchange/upsert-links");
	}

	/** Revenue figures ({@code id}, {@code organizationId}, {@code props}). */
	WriteCounts revenues(List<Map<String, Object>> rows) {
		return batches(rows, "interchange/upsert-revenues");
	}

	/** Licence catalogue rows ({@code id}, {@code props}). */
	WriteCounts licenses(List<Map<String, Object>> rows) {
		return batches(rows, "interchange/upsert-licenses");
	}

	private WriteCounts batches(List<Map<String, Object>> rows, String query) {
		var total = WriteCounts.NONE;
		for (int from = 0; from < rows.size(); from += BATCH) {
			var batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
			var counts = this.graph.write(tx -> tx.run(this.cypher.get(query), Map.of("rows", batch)).single());
			total = total.plus(new WriteCounts(counts.get("created").asLong(), counts.get("updated").asLong(),
					counts.get("total").asLong()));
		}
		return total;
	}

}
