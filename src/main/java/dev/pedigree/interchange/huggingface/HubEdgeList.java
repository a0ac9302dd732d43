package dev.pedigree.interchange.huggingface;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.pedigree.interchange.Chunks;
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
 * placeholders. Pedigree's own CSV export is such a list with more columns: its
 * {@code source}, {@code confidence}, {@code computeFlop} and {@code incomplete} are read
 * back as they were written (its safety and capability effects are not: without their
 * source and evidence they would read as declared).
 */
@Component
class HubEdgeList implements FormatParser {

	@Override
	public ImportFormat format() {
		return ImportFormat.HF_EDGES;
	}

	@Override
	public FactBatch parse(List<Input> inputs, ParseContext context) {
		List<FactBatch> all = new ArrayList<>(1);
		parse(inputs, context, Integer.MAX_VALUE, all::add);
		return all.get(0);
	}

	/**
	 * Two passes: the first reads the file as CSV (a file that is not writes nothing) and
	 * counts each child's merge parents (a merge naming one is incomplete, wherever the
	 * others stand in the file); the second hands the edges on chunk by chunk.
	 */
	@Override
	public void parse(List<Input> inputs, ParseContext context, int chunkSize, Consumer<FactBatch> sink) {
		Input input = inputs.get(0);
		Map<String, Integer> mergeParents = new HashMap<>();
		try (Reader first = input.reread()) {
			Csv.forEach(first, input.name(), COLUMNS, row -> {
				Edge edge = edge(row);
				if (edge != null && edge.relation() == Relation.MERGE) {
					mergeParents.merge(edge.child(), 1, Integer::sum);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		var chunks = new Chunks(chunkSize, sink, () -> new FactBatch("hf-edges", input.name()));
		Csv.forEach(input.reader(), input.name(), COLUMNS, row -> {
			Edge e = edge(row);
			Double confidence;
			Double compute;
			String column = "confidence";
			try {
				confidence = Csv.number(row.get(column));
				column = "computeFlop";
				compute = Csv.number(row.get(column));
			}
			catch (IllegalArgumentException ex) {
				chunks.batch()
					.reject(input.name(), row.line(), row.get("child_id") + " <- " + row.get("parent_id") + ": "
							+ column + " must be a finite number >= 0, was '" + row.get(column) + "'");
				chunks.read();
				return;
			}
			String incomplete = row.get("incomplete");
			if (incomplete != null && !incomplete.equals("true") && !incomplete.equals("false")) {
				chunks.batch()
					.reject(input.name(), row.line(), row.get("child_id") + " <- " + row.get("parent_id")
							+ ": incomplete must be true or false, was '" + incomplete + "'");
				chunks.read();
				return;
			}
			if (e == null) {
				reject(row, input.name(), chunks.batch());
			}
			else if (confidence != null && confidence > 1) {
				chunks.batch()
					.reject(input.name(), row.line(), e.child() + " <- " + e.parent() + ": confidence must be "
							+ "between 0 and 1, was " + row.get("confidence"));
			}
			else {
				String exported = row.get("source");
				chunks.batch()
					.derivation(DerivationFacts.of(e.child(), e.parent())
						.origin(input.name() + ":" + row.line())
						.relation(e.relation())
						.source(exported != null ? exported : e.sources() == null ? "hf" : "hf:" + e.sources())
						.confidence(confidence != null ? confidence : HubIds.HUB_CONFIDENCE)
						.computeFlop(compute)
						// A Hub merge that names a single parent is kept, flagged as
						// incomplete.
						.incomplete(incomplete != null ? Boolean.parseBoolean(incomplete)
								: e.relation() == Relation.MERGE && mergeParents.get(e.child()) < 2)
						.build());
			}
			chunks.read();
		});
		chunks.end();
	}

	private static final List<String> COLUMNS = List.of("parent_id", "child_id", "relation");

	private record Edge(String child, String parent, Relation relation, String sources) {
	}

	/** The row's edge, null when it is malformed ({@link #reject} says why). */
	private static Edge edge(Csv.Row row) {
		String parent = row.get("parent_id");
		String child = row.get("child_id");
		Relation relation = Relation.fromSource(row.get("relation"));
		if (parent == null || child == null || relation == null) {
			return null;
		}
		return new Edge(HubIds.normalise(child), HubIds.normalise(parent), relation, row.get("sources"));
	}

	private static void reject(Csv.Row row, String file, FactBatch batch) {
		if (row.get("parent_id") == null || row.get("child_id") == null) {
			batch.reject(file, row.line(), "parent_id and child_id are required");
		}
		else {
			batch.reject(file, row.line(), "unknown relation '" + row.get("relation") + "' for " + row.get("child_id")
					+ " <- " + row.get("parent_id"));
		}
	}

}
