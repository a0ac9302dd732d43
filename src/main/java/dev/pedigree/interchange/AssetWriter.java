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

	/** Model → dataset training links. */
	WriteCounts trainedOn(List<TrainingSetFacts> rows) {
		return batches(rows.stream().map(TrainingSetFacts::asRow).toList(), "interchange/upsert-trained-on");
	}

	/** Datasets and applications (and a backup's other nodes). */
	WriteCounts assets(List<AssetFacts> rows) {
		return batches(rows.stream().map(AssetFacts::asRow).toList(), "interchange/upsert-assets");
	}

	/** Typed links between assets. */
	WriteCounts assetEdges(List<AssetLinkFacts> rows) {
		return batches(rows.stream().map(AssetLinkFacts::asRow).toList(), "interchange/upsert-asset-edges");
	}

	/** Backed-up relationships. */
	WriteCounts links(List<LinkFacts> rows) {
		return batches(rows.stream().map(LinkFacts::asRow).toList(), "interchange/upsert-links");
	}

	/** Revenue figures. */
	WriteCounts revenues(List<RevenueFacts> rows) {
		return batches(rows.stream().map(RevenueFacts::asRow).toList(), "interchange/upsert-revenues");
	}

	/** Licence catalogue rows. */
	WriteCounts licenses(List<LicenseFacts> rows) {
		return batches(rows.stream().map(LicenseFacts::asRow).toList(), "interchange/upsert-licenses");
	}

	/**
	 * The typed facts become rows of the Cypher statement's parameter here and only here.
	 */
	private WriteCounts batches(List<Map<String, Object>> rows, String query) {
		var total = WriteCounts.NONE;
		for (int from = 0; from < rows.size(); from += BATCH) {
			var batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
			var counts = this.graph
				.batch(() -> this.graph.write(tx -> tx.run(this.cypher.get(query), Map.of("rows", batch)).single()));
			total = total.plus(new WriteCounts(counts.get("created").asLong(), counts.get("updated").asLong(),
					counts.get("total").asLong()));
		}
		return total;
	}

}
