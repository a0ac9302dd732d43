package dev.pedigree.interchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.neo4j.driver.TransactionContext;

import dev.pedigree.common.InvalidInputException;
import dev.pedigree.lineage.ChangeLog;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Component;

/**
 * Batched, idempotent writes shared by every importer: {@code UNWIND} batches, each batch
 * one transaction (it commits whole), MERGE on id, so an interrupted import can simply be
 * re-run.
 */
@Component
class GraphWriter {

	static final int BATCH = 10_000;

	/**
	 * Concurrent write transactions of a bulk CREATE: two keep the engine busy on a
	 * two-core machine.
	 */
	static final int WRITERS = 2;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GraphWriter.class);

	private final Graph graph;

	private final CypherQueries cypher;

	private final ChangeLog changes;

	GraphWriter(Graph graph, CypherQueries cypher, ChangeLog changes) {
		this.graph = graph;
		this.cypher = cypher;
		this.changes = changes;
	}

	/**
	 * A model to upsert; {@code props} must not hold nulls (a null would erase a known
	 * fact).
	 */
	record ModelRow(String id, Map<String, Object> props, List<String> aliases, String developerId, String source,
			boolean placeholder) {

		static ModelRow placeholder(String id) {
			return new ModelRow(id, Map.of(), List.of(), null, null, true);
		}

		Map<String, Object> asMap() {
			Map<String, Object> row = new HashMap<>();
			row.put("id", this.id);
			row.put("props", withoutNulls(this.props));
			row.put("aliases", this.aliases);
			row.put("developerId", this.developerId);
			row.put("source", this.source);
			row.put("placeholder", this.placeholder);
			return row;
		}

		/** The complete property map of a new node, as the upsert would leave it. */
		Map<String, Object> asNewNode() {
			Map<String, Object> node = withoutNulls(this.props);
			node.put("id", this.id);
			if (this.placeholder) {
				node.put("placeholder", true);
			}
			node.put("sources", union(node.get("sources"), this.source == null ? List.of() : List.of(this.source)));
			if (node.containsKey("aliases") || !this.aliases.isEmpty() || this.source != null) {
				// Imports always record an alias list (possibly empty), as the upsert
				// does; a restored backup
				// keeps exactly what it had.
				node.put("aliases", union(node.get("aliases"), this.aliases));
			}
			if (this.developerId != null) {
				node.put("developerId", this.developerId);
			}
			StringBuilder search = new StringBuilder(this.id).append(' ')
				.append(node.getOrDefault("name", "").toString());
			((List<?>) node.getOrDefault("aliases", List.of())).forEach(a -> search.append(' ').append(a));
			node.put("searchText", search.toString().toLowerCase(java.util.Locale.ROOT));
			Map<String, Object> row = new HashMap<>();
			row.put("props", node);
			row.put("developerId", this.developerId);
			return row;
		}

	}

	record DerivationRow(String child, String parent, Map<String, Object> props) {

		Map<String, Object> asMap() {
			return Map.of("child", this.child, "parent", this.parent, "props", withoutNulls(this.props));
		}

	}

	record OrganizationRow(String id, Map<String, Object> props, List<String> aliases, String source) {

		Map<String, Object> asMap() {
			Map<String, Object> row = new HashMap<>();
			row.put("id", this.id);
			row.put("props", withoutNulls(this.props));
			row.put("aliases", this.aliases);
			row.put("source", this.source);
			return row;
		}

	}

	void organizations(List<OrganizationRow> rows, ImportReport report) {
		long start = System.nanoTime();
		batches(rows.stream().map(OrganizationRow::asMap).toList(), "interchange/upsert-organizations", report,
				Progress.NONE);
		log.debug("upserted {} organizations: {} ms", rows.size(), (System.nanoTime() - start) / 1_000_000);
	}

	void models(List<ModelRow> rows, ImportReport report, Progress progress) {
		models(rows, null, report, progress);
	}

	/**
	 * @param existing the ids among {@code rows} known to exist, or null to look them up
	 */
	private void models(List<ModelRow> rows, java.util.Set<String> existing, ImportReport report, Progress progress) {
		// Last row wins for duplicate ids in one import, so a batch never races with
		// itself.
		Map<String, ModelRow> unique = new LinkedHashMap<>();
		rows.forEach(r -> unique.merge(r.id(), r, (a, b) -> b.placeholder() ? a : b));
		// New models take the CREATE fast path; only those that exist pay for the
		// comparing upsert.
		long start = System.nanoTime();
		if (existing == null) {
			existing = existingModelIds(unique.keySet());
			log.debug("existence check of {} models: {} ms", unique.size(), (System.nanoTime() - start) / 1_000_000);
		}
		List<Map<String, Object>> created = new ArrayList<>();
		List<Map<String, Object>> upserted = new ArrayList<>();
		for (ModelRow row : unique.values()) {
			if (existing.contains(row.id())) {
				upserted.add(row.asMap());
			}
			else {
				created.add(row.asNewNode());
			}
		}
		long written = created(created, "interchange/create-models", progress);
		report.counted(written, 0, written);
		log.debug("created {} models: {} ms", created.size(), (System.nanoTime() - start) / 1_000_000);
		batches(upserted, "interchange/upsert-models", report, progress);
	}

	/**
	 * @param guard the import's cycle guard, which knows the pairs the graph held before:
	 * new ones are CREATEd
	 */
	void derivations(List<DerivationRow> rows, CycleGuard guard, ImportReport report, Progress progress) {
		List<Map<String, Object>> created = new ArrayList<>();
		List<Map<String, Object>> upserted = new ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (DerivationRow row : rows) {
			boolean known = !guard.isNew(row.child(), row.parent());
			boolean repeated = !seen.add(row.child() + "\u0000" + row.parent());
			(known || repeated ? upserted : created).add(row.asMap());
		}
		long written = created(created, "interchange/create-derivations", progress, guard);
		report.counted(written, 0, written);
		for (int from = 0; from < upserted.size(); from += BATCH) {
			var batch = upserted.subList(from, Math.min(upserted.size(), from + BATCH));
			var counts = this.graph.write(tx -> {
				var result = tx.run(this.cypher.get("interchange/upsert-derivations"), Map.of("rows", batch)).single();
				logChange(tx, "interchange/upsert-derivations", batch);
				if (lockLineage(tx, guard)) {
					requireNoCycle(tx, batch);
				}
				return result;
			});
			report.counted(counts.get("created").asLong(), counts.get("updated").asLong(),
					counts.get("total").asLong());
			progress.advance(batch.size());
		}
	}

	/**
	 * A cycle guard that starts from the graph's derivation pairs as they are now, and
	 * from the number of transactions that had written derivations before.
	 */
	CycleGuard cycleGuard() {
		long version = this.graph
			.readBulk(tx -> tx.run(this.cypher.get("interchange/lineage-version")).single().get("version").asLong());
		return new CycleGuard(derivationPairs(), version);
	}

	/**
	 * Takes the lock every writer of derivations holds when it checks for cycles (curated
	 * writes too), so that their checks see this batch and this batch sees their edges. A
	 * batch takes it after writing, not before: the two batches in flight still execute
	 * side by side and queue only for the check and the commit.
	 * @return whether someone else wrote derivations since the guard read the graph, so
	 * that the batch must be checked against the graph itself
	 */
	private boolean lockLineage(TransactionContext tx, CycleGuard guard) {
		long earlier = tx.run(this.cypher.get("lineage/lock-lineage")).single().get("before").asLong();
		return guard.lineageLocked(earlier);
	}

	/**
	 * Fails the batch's transaction (nothing of it is written) when one of its edges
	 * closed a cycle together with edges others wrote while the import ran.
	 */
	private void requireNoCycle(TransactionContext tx, List<Map<String, Object>> batch) {
		var rows = batch.stream().map(r -> Map.of("child", r.get("child"), "parent", r.get("parent"))).toList();
		var cycle = tx.run(this.cypher.get("interchange/cycles-closed"), Map.of("rows", rows)).list();
		if (!cycle.isEmpty()) {
			var r = cycle.get(0);
			List<String> path = new ArrayList<>();
			path.add(r.get("child").asString());
			path.addAll(r.get("ids").asList(v -> v.asString()));
			throw new InvalidInputException("content",
					"Deriving '" + r.get("child").asString() + "' from '" + r.get("parent").asString()
							+ "' would close a cycle with derivations written while this import ran: "
							+ String.join(" -> ", path) + "; this batch was not written, earlier ones were;"
							+ " re-run the import to have it skip the edge");
		}
	}

	/**
	 * Runs CREATE batches, each one transaction, two at a time: while the database
	 * commits one batch the next is already executing, so neither the engine nor the
	 * client waits on the other. Returns the rows written.
	 */
	private long created(List<Map<String, Object>> rows, String query, Progress progress) {
		return created(rows, query, progress, null);
	}

	/**
	 * @param guard for derivations: each batch then takes the lineage lock first and is
	 * checked against the graph when others wrote derivations meanwhile
	 */
	private long created(List<Map<String, Object>> rows, String query, Progress progress, CycleGuard guard) {
		List<Future<?>> pending = new ArrayList<>();
		try (var writers = Executors.newFixedThreadPool(WRITERS)) {
			for (int from = 0; from < rows.size(); from += BATCH) {
				var batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
				pending.add(writers.submit(() -> {
					this.graph.write(tx -> {
						tx.run(this.cypher.get(query), Map.of("rows", batch)).consume();
						logChange(tx, query, batch);
						if (guard != null && lockLineage(tx, guard)) {
							requireNoCycle(tx, batch);
						}
						return null;
					});
					progress.advance(batch.size());
				}));
			}
			try {
				for (var batch : pending) {
					batch.get();
				}
			}
			catch (ExecutionException ex) {
				// Stop the batches not yet started (closing the pool would wait for
				// them); the committed ones
				// stand, and a re-run completes the import.
				pending.forEach(f -> f.cancel(false));
				throw ex.getCause() instanceof RuntimeException runtime ? runtime
						: new IllegalStateException(ex.getCause());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("import interrupted", ex);
		}
		return rows.size();
	}

	/** Existing derivation pairs, child → parents, for cycle checks before writing. */
	Map<String, List<String>> derivationPairs() {
		Map<String, List<String>> up = new HashMap<>();
		this.graph.readBulk(tx -> {
			tx.run(this.cypher.get("interchange/all-derivation-pairs"))
				.forEachRemaining(r -> up.computeIfAbsent(r.get("child").asString(), k -> new ArrayList<>(2))
					.add(r.get("parent").asString()));
			return null;
		});
		return up;
	}

	/**
	 * Ids that no import has described yet become placeholders (listed in the report)
	 * that a later import fills in.
	 */
	void placeholdersFor(java.util.Collection<String> ids, ImportReport report, Progress progress) {
		var known = existingModelIds(ids);
		List<ModelRow> placeholders = new ArrayList<>();
		for (String id : ids) {
			if (!known.contains(id)) {
				placeholders.add(ModelRow.placeholder(id));
				report.placeholder(id);
			}
		}
		// Created silently: the report lists them as placeholders rather than counting
		// them as created records.
		models(placeholders, java.util.Set.of(), new ImportReport("placeholders"), progress);
	}

	/**
	 * Model → dataset training links ({@code model}, {@code dataset}, {@code source});
	 * idempotent.
	 */
	void trainedOn(List<Map<String, Object>> rows, ImportReport report) {
		batches(rows, "interchange/upsert-trained-on", report, Progress.NONE);
	}

	/** Datasets and applications ({@code label}, {@code id}, {@code props}). */
	void assets(List<Map<String, Object>> rows, ImportReport report) {
		batches(rows, "interchange/upsert-assets", report, Progress.NONE);
	}

	/**
	 * Typed links between assets ({@code from}, {@code to}, {@code type}, {@code props}).
	 */
	void assetEdges(List<Map<String, Object>> rows, ImportReport report) {
		batches(rows, "interchange/upsert-asset-edges", report, Progress.NONE);
	}

	/**
	 * Backed-up relationships ({@code type}, {@code fromLabel}, {@code from},
	 * {@code toLabel}, {@code to}, {@code props}).
	 */
	void links(List<Map<String, Object>> rows, ImportReport report) {
		batches(rows, "interchange/upsert-links", report, Progress.NONE);
	}

	/**
	 * Revenue figures ({@code id}, {@code organizationId}, {@code props}); idempotent.
	 */
	void revenues(List<Map<String, Object>> rows, ImportReport report) {
		write("interchange/upsert-revenues", rows, report);
	}

	/** Licence catalogue rows ({@code id}, {@code props}); idempotent. */
	void licenses(List<Map<String, Object>> rows, ImportReport report) {
		write("interchange/upsert-licenses", rows, report);
	}

	java.util.Set<String> existingModelIds(java.util.Collection<String> ids) {
		java.util.Set<String> found = new java.util.HashSet<>();
		if (ids.isEmpty() || modelCount() == 0) {
			// The first load into an empty store (the bulk case) skips hundreds of index
			// look-ups.
			return found;
		}
		List<String> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += BATCH) {
			var batch = all.subList(from, Math.min(all.size(), from + BATCH));
			this.graph
				.read(this.cypher.get("interchange/existing-model-ids"), Map.of("ids", batch),
						r -> r.get("id").asString())
				.forEach(found::add);
		}
		return found;
	}

	/** From the count store: constant time. */
	private long modelCount() {
		return this.graph.read(this.cypher.get("interchange/model-count"), Map.of(), r -> r.get("n").asLong()).get(0);
	}

	List<org.neo4j.driver.Record> query(String name) {
		return this.graph.read(this.cypher.get(name), Map.of());
	}

	/**
	 * Appends the batch's models (or derivations' children) to the change log, in the
	 * batch's transaction.
	 */
	private void logChange(TransactionContext tx, String query, List<Map<String, Object>> batch) {
		switch (query) {
			case "interchange/create-models", "interchange/upsert-models" -> this.changes.append(tx,
					ChangeLog.Kind.MODELS_WRITTEN, batch.stream().map(GraphWriter::modelId).toList());
			case "interchange/create-derivations", "interchange/upsert-derivations" -> this.changes.append(tx,
					ChangeLog.Kind.DERIVATIONS_WRITTEN, batch.stream().map(r -> (String) r.get("child")).toList());
			default -> {
			}
		}
	}

	/** A model row's id: at the top of an upsert row, among a new node's properties. */
	private static String modelId(Map<String, Object> row) {
		Object id = row.get("id");
		return (String) (id != null ? id : ((Map<?, ?>) row.get("props")).get("id"));
	}

	private void batches(List<Map<String, Object>> rows, String query, ImportReport report, Progress progress) {
		for (int from = 0; from < rows.size(); from += BATCH) {
			var batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
			write(query, batch, report);
			progress.advance(batch.size());
		}
	}

	private void write(String query, List<Map<String, Object>> batch, ImportReport report) {
		if (batch.isEmpty()) {
			return;
		}
		var counts = this.graph.write(tx -> {
			var result = tx.run(this.cypher.get(query), Map.of("rows", batch)).single();
			logChange(tx, query, batch);
			return result;
		});
		report.counted(counts.get("created").asLong(), counts.get("updated").asLong(), counts.get("total").asLong());
	}

	/**
	 * A list property (as given in props, may be absent) with further values appended,
	 * without duplicates.
	 */
	private static List<Object> union(Object given, List<String> more) {
		var values = new java.util.LinkedHashSet<Object>(given instanceof List<?> list ? list : List.of());
		values.addAll(more);
		return List.copyOf(values);
	}

	static Map<String, Object> withoutNulls(Map<String, Object> map) {
		Map<String, Object> clean = new HashMap<>();
		map.forEach((k, v) -> {
			if (v != null) {
				clean.put(k, v);
			}
		});
		return clean;
	}

}
