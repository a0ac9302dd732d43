package dev.pedigree.interchange;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import dev.pedigree.common.InvalidInputException;
import dev.pedigree.common.Limits;
import dev.pedigree.common.NotFoundException;
import dev.pedigree.lineage.LineageQueries;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;

/** Writes a model's family, or the whole graph, in the formats other tools read. */
@Service
public class Exporters {

	private final Graph graph;

	private final CypherQueries cypher;

	private final Limits limits;

	private final LineageQueries lineage;

	private final Map<ExportFormat, FamilyWriter> writers;

	Exporters(Graph graph, CypherQueries cypher, Limits limits, LineageQueries lineage, List<FamilyWriter> writers) {
		this.graph = graph;
		this.cypher = cypher;
		this.limits = limits;
		this.lineage = lineage;
		this.writers = new HashMap<>();
		writers.forEach(w -> this.writers.put(w.format(), w));
	}

	/** What an export wrote. */
	public record ExportSummary(ExportFormat format, int models, int derivations, int otherNodes, int otherLinks) {

		@Override
		public String toString() {
			String others = this.otherNodes + this.otherLinks == 0 ? ""
					: String.format(", %,d other nodes, %,d other relationships", this.otherNodes, this.otherLinks);
			return String.format("%s export: %,d models, %,d derivations%s", this.format.cliName(), this.models,
					this.derivations, others);
		}

	}

	public String exportTo(ExportRequest request, Path out) {
		try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out))) {
			return export(request, stream) + " -> " + out.toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public ExportSummary export(ExportRequest request, OutputStream out) {
		var export = prepare(request);
		try {
			export.writeTo(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return export.summary();
	}

	/**
	 * Reads what an export will write (and fails, for an unknown model, before anything
	 * is written); {@link Prepared#writeTo} then streams it.
	 */
	public Prepared prepare(ExportRequest request) {
		FamilyWriter writer = this.writers.get(request.format());
		if (writer == null) {
			throw new InvalidInputException("format",
					"The " + request.format().cliName() + " exporter is not available");
		}
		Family family = request.modelId() == null ? wholeGraph() : family(request);
		return new Prepared(writer, family,
				new ExportSummary(request.format(), family.models().size(), family.derivations().size(),
						request.format() == ExportFormat.JSONL ? family.others().size() : 0,
						request.format() == ExportFormat.JSONL ? family.links().size() : 0));
	}

	/** An export read from the graph, ready to be written. */
	public static final class Prepared {

		private final FamilyWriter writer;

		private final Family family;

		private final ExportSummary summary;

		private Prepared(FamilyWriter writer, Family family, ExportSummary summary) {
			this.writer = writer;
			this.family = family;
			this.summary = summary;
		}

		/** Writes the export as it is produced (nothing is buffered here). */
		public void writeTo(OutputStream out) throws IOException {
			this.writer.write(this.family, out);
			out.flush();
		}

		public ExportSummary summary() {
			return this.summary;
		}

		/** The stored id of the model whose family this is (null: the whole graph). */
		public String root() {
			return this.family.root();
		}

	}

	Family family(ExportRequest request) {
		var depth = this.limits.depth(request.depth());
		Map<String, Object> params = new HashMap<>();
		params.put("id", request.modelId());
		params.put("up", request.direction() != Direction.DOWN);
		params.put("down", request.direction() != Direction.UP);
		String query = this.cypher.get("interchange/family").replace("{{maxDepth}}", Integer.toString(depth.value()));
		List<Record> rows = this.graph.readBulk(tx -> tx.run(query, params).list());
		String id = request.modelId();
		if (rows.isEmpty()) {
			// Any case, or an alias, as model(id:) takes it.
			id = this.lineage.resolveModelId(request.modelId());
			if (id != null) {
				params.put("id", id);
				rows = this.graph.readBulk(tx -> tx.run(query, params).list());
			}
		}
		if (rows.isEmpty()) {
			throw new NotFoundException("model", "No model with id '" + request.modelId() + "'");
		}
		return toFamily(id, rows);
	}

	Family wholeGraph() {
		List<Record> rows = this.graph.readBulk(tx -> tx.run(this.cypher.get("interchange/all-models")).list());
		List<Map<String, Object>> organizations = this.graph
			.readBulk(tx -> tx.run(this.cypher.get("interchange/all-organizations"))
				.list(r -> properties(r.get("organization").asNode().asMap(Exporters::plain))));
		List<Family.Node> others = this.graph.readBulk(tx -> tx.run(this.cypher.get("interchange/all-other-nodes"))
			.list(r -> new Family.Node(r.get("label").asString(), r.get("id").asString(),
					properties(r.get("node").asNode().asMap(Exporters::plain)))));
		List<Family.Link> links = this.graph.readBulk(tx -> tx.run(this.cypher.get("interchange/all-other-links"))
			.list(r -> new Family.Link(r.get("type").asString(), r.get("fromLabel").asString(),
					r.get("from").asString(), r.get("toLabel").asString(), r.get("to").asString(),
					properties(r.get("properties").asMap(Exporters::plain)))));
		var models = toFamily(null, rows);
		return new Family(null, models.models(), models.derivations(), organizations, others, links);
	}

	private static Family toFamily(String root, List<Record> rows) {
		List<Family.Member> models = new ArrayList<>(rows.size());
		List<Family.Edge> edges = new ArrayList<>();
		for (Record r : rows) {
			var node = r.get("model").asNode();
			String id = node.get("id").asString();
			List<Map<String, Object>> datasets = r.get("datasets").asList(d -> d.asMap(Exporters::plain));
			models.add(new Family.Member(id, properties(node.asMap(Exporters::plain)), datasets));
			for (Value parent : r.get("parents").values()) {
				if (!parent.isNull()) {
					edges.add(new Family.Edge(id, parent.get("parentId").asString(),
							properties(parent.get("rel").asRelationship().asMap(Exporters::plain))));
				}
			}
		}
		return new Family(root, models, edges);
	}

	/**
	 * Keeps every fact but the derived search keys, in key order so exports are stable
	 * and diffable.
	 */
	private static Map<String, Object> properties(Map<String, Object> raw) {
		Map<String, Object> clean = new java.util.TreeMap<>(raw);
		clean.remove("searchText");
		clean.remove("searchKey");
		return clean;
	}

	/** Neo4j values as plain JSON-friendly Java values (temporal types as ISO text). */
	static Object plain(Value value) {
		Object object = value.asObject();
		if (object instanceof String || object instanceof Number || object instanceof Boolean || object == null) {
			return object;
		}
		if (object instanceof List<?> list) {
			return value.asList(Exporters::plain);
		}
		return object.toString();
	}

	/** One export format. */
	public interface FamilyWriter {

		ExportFormat format();

		void write(Family family, OutputStream out) throws IOException;

	}

}
