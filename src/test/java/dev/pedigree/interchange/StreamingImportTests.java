package dev.pedigree.interchange;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.pedigree.PedigreeServerTest;
import dev.pedigree.lineage.LineageWrites;
import dev.pedigree.storage.Graph;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: the large formats are read and written chunk by chunk, so an import's memory
 * is one chunk, not the file. A file of several chunks must import exactly as one chunk:
 * the same report (a rejection's line in a later chunk, a cycle whose edges stand in
 * three chunks, a merge whose parents stand in two, a record repeated chunks later) and
 * the same graph; and a re-run changes nothing.
 */
@PedigreeServerTest
class StreamingImportTests {

	/** Three records a chunk: the files below are four chunks. */
	private static final int SMALL = 3;

	@Autowired
	List<FormatParser> parsers;

	@Autowired
	LineageWrites lineage;

	@Autowired
	AssetWriter assets;

	@Autowired
	DeferredIndexes indexes;

	@Autowired
	Graph graph;

	@Test
	void an_edge_list_of_several_chunks_imports_as_one_chunk_does() {
		String edges = """
				parent_id,child_id,relation
				P/a,P/b,finetune
				P/b,P/c,finetune
				P/x,P/y,merge
				,P/c,finetune
				P/c,P/d,adapter
				P/d,P/e,quantized
				P/e,P/a,finetune
				P/z,P/y,merge
				P/a,P/b,finetune
				P/q,P/r,distilled-ish
				P/m,P/n,merge
				""";
		String whole = "whole-" + UUID.randomUUID().toString().substring(0, 8);
		String chunked = "chunked-" + UUID.randomUUID().toString().substring(0, 8);
		var one = pipeline(Integer.MAX_VALUE).importContent(ImportFormat.HF_EDGES, edges.replace("P/", whole + "/"));
		var four = pipeline(SMALL).importContent(ImportFormat.HF_EDGES, edges.replace("P/", chunked + "/"));

		assertThat(four.rejected()).extracting(ImportReport.Rejection::record).containsExactly(5L, 11L);
		assertThat(four.cycles())
			.containsExactly(("content:8: P/a -> P/e -> P/d -> P/c -> P/b -> P/a").replace("P/", chunked + "/"));
		assertThat(summary(four, chunked)).isEqualTo(summary(one, whole));
		assertThat(derivations(chunked)).isEqualTo(derivations(whole))
			.contains("y <- x merge incomplete=false", "y <- z merge incomplete=false", "n <- m merge incomplete=true")
			.hasSize(7);

		var again = pipeline(SMALL).importContent(ImportFormat.HF_EDGES, edges.replace("P/", chunked + "/"));
		assertThat(again.created()).isZero();
		assertThat(again.updated()).isZero();
		assertThat(again.placeholders()).isEmpty();
		assertThat(derivations(chunked)).isEqualTo(derivations(whole));
	}

	@Test
	void a_node_list_of_several_chunks_imports_as_one_chunk_does() {
		String nodes = """
				model_id,author,downloads
				P/m1,P-org,10
				P/m2,,20
				Q/m3,,30
				P/m4,P-org,-5
				Q/m5,Q-org,50
				P/m6,,60
				R/m7,,70
				,P-org,80
				P/m9,,90
				""";
		String whole = "w" + UUID.randomUUID().toString().substring(0, 8);
		String chunked = "c" + UUID.randomUUID().toString().substring(0, 8);
		var one = pipeline(Integer.MAX_VALUE).importContent(ImportFormat.HF_NODES, prefixed(nodes, whole));
		var three = pipeline(SMALL).importContent(ImportFormat.HF_NODES, prefixed(nodes, chunked));

		assertThat(three.rejected()).extracting(ImportReport.Rejection::record).containsExactly(5L, 9L);
		assertThat(three.created()).isEqualTo(7);
		assertThat(summary(three, chunked)).isEqualTo(summary(one, whole));
		assertThat(developers(chunked)).isEqualTo(developers(whole)).hasSize(7);
	}

	/**
	 * Session 30: a node list over an edge list's placeholders is all comparing upserts,
	 * which run two batches at a time (any two rows make two batches), in order of
	 * developer. Each model is filled once, linked once to its developer, and a re-run
	 * changes nothing.
	 */
	@Test
	void a_node_list_over_an_edge_lists_placeholders_fills_each_model_once() {
		String prefix = "f" + UUID.randomUUID().toString().substring(0, 8);
		StringBuilder edges = new StringBuilder("parent_id,child_id,relation\n");
		StringBuilder nodes = new StringBuilder("model_id,author,downloads\n");
		List<String> expected = new java.util.ArrayList<>();
		for (int i = 0; i < 40; i++) {
			// Five organisations, their models interleaved in the file.
			String org = prefix + "o" + (i % 5);
			String id = org + "/m" + i;
			if (i > 0) {
				String parent = i < 5 ? prefix + "o0/m0" : org + "/m" + (i - 5);
				edges.append(parent).append(',').append(id).append(",finetune\n");
			}
			nodes.append(id).append(',').append(org).append(',').append(i * 10).append('\n');
			expected.add(id.replace(prefix, "") + " by " + org.replace(prefix, "") + " " + (i * 10));
		}
		pipeline(Integer.MAX_VALUE).importContent(ImportFormat.HF_EDGES, edges.toString());
		long placeholders = this.graph
			.read("MATCH (m:Model) WHERE m.id STARTS WITH $prefix AND m.placeholder RETURN count(m) AS n",
					Map.of("prefix", prefix), r -> r.get("n").asLong())
			.get(0);
		assertThat(placeholders).isEqualTo(40);

		var filled = pipeline(Integer.MAX_VALUE).importContent(ImportFormat.HF_NODES, nodes.toString());
		assertThat(filled.rejected()).isEmpty();
		assertThat(filled.created()).isZero();
		assertThat(filled.updated()).isEqualTo(40);
		assertThat(developers(prefix)).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(this.graph.read("""
				MATCH (m:Model) WHERE m.id STARTS WITH $prefix
				RETURN count(m) AS models, sum(CASE WHEN m.placeholder THEN 1 ELSE 0 END) AS placeholders,
				       sum(COUNT { (m)-[:DEVELOPED_BY]->() }) AS links,
				       sum(CASE WHEN m.developerId = split(m.id, '/')[0] THEN 1 ELSE 0 END) AS developerIds""",
				Map.of("prefix", prefix),
				r -> r.get("models").asLong() + " models, " + r.get("placeholders").asLong() + " placeholders, "
						+ r.get("links").asLong() + " links, " + r.get("developerIds").asLong() + " developer ids"))
			.containsExactly("40 models, 0 placeholders, 40 links, 40 developer ids");

		var again = pipeline(Integer.MAX_VALUE).importContent(ImportFormat.HF_NODES, nodes.toString());
		assertThat(again.updated()).isZero();
		assertThat(again.unchanged()).isEqualTo(40);
	}

	/**
	 * Session 30: the rows of a developer with more rows than a batch (here 10,001 of
	 * 10,007 stored models: two batches of 5,004) go one batch at a time, after the
	 * others run two at a time ({@code BulkBatchTests} checks the split): every model is
	 * still filled and linked once, and the counts add up.
	 */
	@Test
	void a_developer_with_more_models_than_a_batch_is_filled_as_the_others() {
		String prefix = "g" + UUID.randomUUID().toString().substring(0, 8);
		int large = 10_001;
		StringBuilder edges = new StringBuilder("parent_id,child_id,relation\n");
		StringBuilder nodes = new StringBuilder("model_id,author,downloads\n");
		for (int i = 0; i < large + 6; i++) {
			String org = prefix + (i < large ? "big" : "small" + (i % 3));
			String id = prefix + "m/" + i;
			edges.append(prefix).append("m/root,").append(id).append(",finetune\n");
			nodes.append(id).append(',').append(org).append(",1\n");
		}
		pipeline(Integer.MAX_VALUE).importContent(ImportFormat.HF_EDGES, edges.toString());

		var filled = pipeline(Integer.MAX_VALUE).importContent(ImportFormat.HF_NODES, nodes.toString());
		assertThat(filled.rejected()).isEmpty();
		assertThat(filled.created()).isZero();
		assertThat(filled.updated()).isEqualTo(large + 6);
		assertThat(this.graph.read(
				"""
						MATCH (m:Model)-[:DEVELOPED_BY]->(o:Organization) WHERE m.id STARTS WITH $prefix
						WITH o.id AS developer, count(m) AS models, sum(CASE WHEN m.placeholder THEN 1 ELSE 0 END) AS placeholders
						RETURN developer, models, placeholders ORDER BY developer""",
				Map.of("prefix", prefix),
				r -> r.get("developer").asString().replace(prefix, "") + " " + r.get("models").asLong() + " "
						+ r.get("placeholders").asLong()))
			.containsExactly("big 10001 0", "small0 2 0", "small1 2 0", "small2 2 0");

		var again = pipeline(Integer.MAX_VALUE).importContent(ImportFormat.HF_NODES, nodes.toString());
		assertThat(again.updated()).isZero();
		assertThat(again.unchanged()).isEqualTo(large + 6);
	}

	private ImportPipeline pipeline(int chunkSize) {
		return new ImportPipeline(this.parsers, this.lineage, this.assets, this.indexes, chunkSize);
	}

	private static String prefixed(String nodes, String prefix) {
		return nodes.replace("P/", prefix + "p/")
			.replace("Q/", prefix + "q/")
			.replace("R/", prefix + "r/")
			.replace("P-org", prefix + "p")
			.replace("Q-org", prefix + "q");
	}

	/** The report without its time, its prefix taken out. */
	private static String summary(ImportReport report, String prefix) {
		return report.summary().replaceAll(", [0-9.]+ s\n", "\n").replace(prefix, "");
	}

	private List<String> derivations(String prefix) {
		return this.graph.read("""
				MATCH (c:Model)-[r:DERIVED_FROM]->(p:Model) WHERE c.id STARTS WITH $prefix
				RETURN c.id AS child, p.id AS parent, r.relation AS relation, r.incomplete AS incomplete
				ORDER BY child, parent""", Map.of("prefix", prefix + "/"),
				r -> r.get("child").asString().substring(prefix.length() + 1) + " <- "
						+ r.get("parent").asString().substring(prefix.length() + 1) + " "
						+ r.get("relation").asString().toLowerCase() + " incomplete="
						+ r.get("incomplete").asBoolean(false));
	}

	private List<String> developers(String prefix) {
		return this.graph.read("""
				MATCH (m:Model) WHERE m.id STARTS WITH $prefix
				OPTIONAL MATCH (m)-[:DEVELOPED_BY]->(o:Organization)
				RETURN m.id AS id, o.id AS developer, m.downloads AS downloads ORDER BY id""", Map.of("prefix", prefix),
				r -> r.get("id").asString().replace(prefix, "") + " by "
						+ r.get("developer").asString("-").replace(prefix, "") + " " + r.get("downloads").asLong(-1));
	}

}
