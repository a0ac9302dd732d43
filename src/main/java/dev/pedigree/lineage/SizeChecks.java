package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.neo4j.driver.Record;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;

/**
 * Facts derived from other facts after a write: parameter counts estimated from names
 * where no source gives one ({@link SourcedFigure#parametersFromName}), and size warnings
 * on derivations whose declared parent cannot have produced the child
 * ({@link Plausibility}). Both are idempotent and never touch a figure a source gave.
 */
@Service
public class SizeChecks {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SizeChecks.class);

	static final String SIZE_PREFIX = "size:";

	private static final int BATCH = 10_000;

	private final Graph graph;

	private final CypherQueries cypher;

	private final ChangeLog changes;

	SizeChecks(Graph graph, CypherQueries cypher, ChangeLog changes) {
		this.graph = graph;
		this.cypher = cypher;
		this.changes = changes;
	}

	/** What one pass did. */
	public record Outcome(long estimated, long warned, long cleared) {
	}

	/** Estimates and checks the whole graph (after a seed or a bulk import). */
	public Outcome all() {
		long start = System.nanoTime();
		long estimated = estimateSizes();
		long estimatedAt = System.nanoTime();
		long[] warnings = warn(null);
		log.debug("sizes: estimated {} ms, checked {} ms", (estimatedAt - start) / 1_000_000,
				(System.nanoTime() - estimatedAt) / 1_000_000);
		return new Outcome(estimated, warnings[0], warnings[1]);
	}

	/** Checks the derivations touching {@code ids} (after a curated write). */
	public Outcome of(Collection<String> ids) {
		long[] warnings = warn(List.copyOf(ids));
		return new Outcome(0, warnings[0], warnings[1]);
	}

	/**
	 * Pages through the unsized models by id; each page's estimates are written on a
	 * second thread while the next page is read and its names are read for sizes (pages
	 * are disjoint ranges of ids, and a write sets only models of its own page), so the
	 * engine's read, the names and the write overlap instead of taking turns.
	 */
	private long estimateSizes() {
		long estimated = 0;
		String after = "";
		var context = io.micrometer.context.ContextSnapshotFactory.builder().build().captureAll();
		java.util.concurrent.Future<Long> writing = null;
		try (var writer = java.util.concurrent.Executors.newSingleThreadExecutor()) {
			while (true) {
				Map<String, Object> params = new HashMap<>(CodePointOrder.after(after));
				params.put("limit", BATCH);
				List<Record> page = this.graph.read(this.cypher.get("lineage/unsized-models"), params);
				if (page.isEmpty()) {
					break;
				}
				List<Map<String, Object>> rows = new ArrayList<>();
				for (Record r : page) {
					String id = r.get("id").asString();
					String name = r.get("name").isNull() ? null : r.get("name").asString();
					SourcedFigure.parametersFromName(id)
						.or(() -> SourcedFigure.parametersFromName(name))
						.ifPresent(size -> rows.add(Map.of("id", id, "parameters", size.value())));
					after = id;
				}
				estimated += done(writing);
				writing = rows.isEmpty() ? null : writer.submit(context.wrap(() -> estimate(rows)));
			}
			return estimated + done(writing);
		}
	}

	private long estimate(List<Map<String, Object>> rows) {
		var scope = new Graph.Scope(java.util.Set.of(),
				rows.stream().map(r -> (String) r.get("id")).collect(java.util.stream.Collectors.toSet()));
		return this.graph.write(scope, tx -> {
			long n = tx.run(this.cypher.get("lineage/set-estimated-sizes"), Map.of("rows", rows))
				.single()
				.get("estimated")
				.asLong();
			this.changes.append(tx, ChangeLog.Kind.MODELS_WRITTEN,
					rows.stream().map(r -> (String) r.get("id")).toList());
			return n;
		});
	}

	private static long done(java.util.concurrent.Future<Long> writing) {
		if (writing == null) {
			return 0;
		}
		try {
			return writing.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("size estimates interrupted", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * @return warned, cleared
	 */
	private long[] warn(List<String> ids) {
		String query = ids == null ? "lineage/size-candidates" : "lineage/size-candidates-of";
		Map<String, Object> params = ids == null ? Map.of() : Map.of("ids", ids);
		List<Map<String, Object>> changes = new ArrayList<>();
		long warned = 0;
		long cleared = 0;
		for (Record r : this.graph.readBulk(tx -> tx.run(this.cypher.get(query), params).list())) {
			List<String> before = r.get("warnings").isNull() ? List.of() : r.get("warnings").asList(v -> v.asString());
			List<String> after = new ArrayList<>(before.stream().filter(w -> !w.startsWith(SIZE_PREFIX)).toList());
			Relation relation = Relation.fromSource(r.get("relation").isNull() ? null : r.get("relation").asString());
			Plausibility.sizeWarning(relation, figure(r, "parent"), figure(r, "child"), r.get("child").asString())
				.ifPresent(after::add);
			if (!Objects.equals(before, after)) {
				changes.add(Map.of("child", r.get("child").asString(), "parent", r.get("parent").asString(), "warnings",
						after));
				if (after.size() > before.size()) {
					warned++;
				}
				else {
					cleared++;
				}
			}
		}
		for (int from = 0; from < changes.size(); from += BATCH) {
			var batch = changes.subList(from, Math.min(changes.size(), from + BATCH));
			this.graph.write(ends(batch), tx -> {
				tx.run(this.cypher.get("lineage/set-warnings"), Map.of("rows", batch)).consume();
				this.changes.append(tx, ChangeLog.Kind.DERIVATIONS_WRITTEN,
						batch.stream().map(r -> (String) r.get("child")).toList());
				return null;
			});
		}
		return new long[] { warned, cleared };
	}

	/** The derivations of {@code rows} (child, parent) as a write's scope. */
	static Graph.Scope ends(List<Map<String, Object>> rows) {
		java.util.Set<String> ends = new java.util.HashSet<>();
		rows.forEach(r -> {
			ends.add((String) r.get("child"));
			ends.add((String) r.get("parent"));
		});
		return new Graph.Scope(ends, java.util.Set.of());
	}

	private static SourcedFigure figure(Record r, String end) {
		if (r.get(end + "Parameters").isNull()) {
			return null;
		}
		return new SourcedFigure(r.get(end + "Parameters").asDouble(),
				r.get(end + "Source").isNull() ? "unknown" : r.get(end + "Source").asString(),
				!r.get(end + "Estimated").isNull() && r.get(end + "Estimated").asBoolean());
	}

}
