package dev.pedigree.interchange.huggingface;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.pedigree.interchange.Csv;
import dev.pedigree.interchange.FactBatch;
import dev.pedigree.interchange.FormatParser;
import dev.pedigree.interchange.ImportFormat;
import dev.pedigree.interchange.ParseContext;
import dev.pedigree.lineage.DerivationFacts;
import dev.pedigree.lineage.Relation;

import org.springframework.stereotype.Component;

/**
 * The Hub's family trees flattened to an edge list
 * ({@code parent_id,child_id,relation[,sources]}); models known only by id become
 * placeholders.
 */
@Component
class HubEdgeList implements FormatParser {

	@Override
	public ImportFormat format() {
		return ImportFormat.HF_EDGES;
	}

	@Override
	public FactBatch parse(List<Input> inputs, ParseContext context) {
		Input input = inputs.get(0);
		var batch = new FactBatch("hf-edges", input.name());
		var rows = Csv.read(input.reader(), input.name(), List.of("parent_id", "child_id", "relation"));
		record Edge(long line, String child, String parent, Relation relation, String sources) {
		}
		List<Edge> edges = new java.util.ArrayList<>();
		Map<String, Integer> mergeParents = new HashMap<>();
		for (var row : rows) {
			String parent = row.get("parent_id");
			String child = row.get("child_id");
			String relationText = row.get("relation");
			if (parent == null || child == null) {
				batch.reject(input.name(), row.line(), "parent_id and child_id are required");
				continue;
			}
			Relation relation = Relation.fromSource(relationText);
			if (relation == null) {
				batch.reject(input.name(), row.line(),
						"unknown relation '" + relationText + "' for " + child + " <- " + parent);
				continue;
			}
			var edge = new Edge(row.line(), HubIds.normalise(child), HubIds.normalise(parent), relation,
					row.get("sources"));
			edges.add(edge);
			if (relation == Relation.MERGE) {
				mergeParents.merge(edge.child(), 1, Integer::sum);
			}
		}
		for (Edge e : edges) {
			var derivation = DerivationFacts.of(e.child(), e.parent())
				.origin(input.name() + ":" + e.line())
				.relation(e.relation())
				.source(e.sources() == null ? "hf" : "hf:" + e.sources())
				.confidence(HubIds.HUB_CONFIDENCE)
				// A Hub merge that names a single parent is kept, flagged as incomplete.
				.incomplete(e.relation() == Relation.MERGE && mergeParents.get(e.child()) < 2);
			batch.derivation(derivation.build());
		}
		return batch;
	}

}
