package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.context.ContextSnapshotFactory;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

import org.neo4j.driver.TransactionContext;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Component;

/**
 * The batched half of {@link LineageWrites}: {@code UNWIND} batches of 10,000 rows, each
 * one transaction (it commits whole), MERGE on id, so an interrupted import can simply be
 * re-run. New models and derivations take a CREATE fast path, two transactions in flight;
 * existing ones the comparing upsert (models two in flight as well).
 */
@Component
class BulkWrites {

	static final int BATCH = 10_000;

	/**
	 * Concurrent write transactions of a bulk write (new models and derivations, updates
	 * of stored models): two keep the engine busy on a two-core machine.
	 */
	static final int WRITERS = 2;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BulkWrites.class);

	private final Graph graph;

	private final CypherQueries cypher;

	private final ChangeLog changes;

	BulkWrites(Graph graph, CypherQueries cypher, ChangeLog changes) {
		this.graph = graph;
		this.cypher = cypher;
		this.changes = changes;
	}

	WriteCounts organizations(List<OrganizationFacts> rows) {
		return upserts(rows.stream().map(OrganizationFacts::asRow).toList(), "lineage/upsert-organizations", null,
				n -> {
				});
	}

	/**
	 * @param existing the ids among {@code rows} known to exist, or null to look them up
	 */
	WriteCounts models(List<ModelFacts> rows, Set<String> existing, LongConsumer progress) {
		// Last row wins for duplicate ids in one import, so a batch never races with
		// itself.
		Map<String, ModelFacts> unique = new LinkedHashMap<>();
		rows.forEach(r -> unique.merge(r.id(), r, (a, b) -> b.placeholder() ? a : b));
		// New models take the CREATE fast path; only those that exist pay for the
		// comparing upsert.
		long start = System.nanoTime();
		if (existing == null) {
			existing = existingModelIds(unique.keySet());
		}
		List<Map<String, Object>> created = new ArrayList<>();
		List<Map<String, Object>> upserted = new ArrayList<>();
		for (ModelFacts row : unique.values()) {
			if (existing.contains(row.id())) {
				upserted.add(row.asUpsert());
			}
			else {
				created.add(row.asNewNode());
			}
		}
		inParallel(created, progress, (tx, batch) -> {
			tx.run(this.cypher.get("lineage/create-models"), Map.of("rows", batch)).consume();
			this.changes.append(tx, ChangeLog.Kind.MODELS_WRITTEN,
					batch.stream().map(r -> (String) ((Map<?, ?>) r.get("props")).get("id")).toList());
			return batch.size();
		});
		log.debug("created {} models: {} ms", created.size(), (System.nanoTime() - start) / 1_000_000);
		// The comparing upserts run two at a time too (a node list over an edge list's
		// placeholders is all upserts). A batch that links a model to its developer holds
		// that organisation's lock until it commits: in input order the two batches in
		// flight shared many and waited on each other (session 30: no faster than one
		// at a time); in order of developer they share at most the one at their border.
		// A developer with more rows than one of those batches would fill batch after
		// batch that each wait for the one before (session 30: slower than one at a time
		// when one had 40 % of the rows), so its rows go one batch at a time, after the
		// others.
		var split = DeveloperSplit.of(upserted);
		List<Map<String, Object>> shared = split.shared();
		List<Map<String, Object>> apart = split.apart();
		var total = new WriteCounts(created.size(), 0, created.size());
		String writer = this.changes.writer();
		for (var done : inParallel(shared, progress, (tx, batch) -> {
			var counts = counts(tx.run(this.cypher.get("lineage/upsert-models"), Map.of("rows", batch)).single());
			this.changes.append(tx, ChangeLog.Kind.MODELS_WRITTEN,
					batch.stream().map(r -> (String) r.get("id")).toList(), List.of(), writer);
			return counts;
		})) {
			total = total.plus(done);
		}
		total = total.plus(upserts(apart, "lineage/upsert-models", ChangeLog.Kind.MODELS_WRITTEN, progress));
		return total;
	}

	/**
	 * Updates of stored models split for {@link #models}: {@code shared} (two batches at
	 * a time, in order of developer, rows without one first) and {@code apart} (the rows
	 * of each developer with more rows than one of those batches, one batch at a time).
	 * The rows are counted per developer whether or not their model still needs the link,
	 * so a re-run sends a large developer's rows one at a time, as before session 30.
	 */
	record DeveloperSplit(List<Map<String, Object>> shared, List<Map<String, Object>> apart) {

		static DeveloperSplit of(List<Map<String, Object>> rows) {
			int batch = balancedBatch(rows.size());
			Map<String, Integer> perDeveloper = new HashMap<>();
			rows.forEach(r -> perDeveloper.merge((String) r.get("developerId"), 1, Integer::sum));
			List<Map<String, Object>> shared = new ArrayList<>();
			List<Map<String, Object>> apart = new ArrayList<>();
			for (var row : rows) {
				String developer = (String) row.get("developerId");
				(developer != null && perDeveloper.get(developer) > batch ? apart : shared).add(row);
			}
			shared.sort(Comparator.comparing(r -> (String) r.get("developerId"),
					Comparator.nullsFirst(Comparator.naturalOrder())));
			return new DeveloperSplit(shared, apart);
		}

	}

	/**
	 * What the derivation batches of one import share across its chunks: what the store
	 * held when it began, the lineage lock's count, and the edges taken back (by
	 * committed batches, merged on the import's thread).
	 */
	final class DerivationRun {

		private final LockState lock = new LockState(lineageVersion());

		private final boolean stored = count("lineage/derivation-count") > 0;

		private final Set<String> dropped = new HashSet<>();

	}

	/**
	 * What one batch of derivations did, built inside its transaction and taken into the
	 * import's outcome only once the transaction committed: the driver runs a batch again
	 * after a transient failure (a deadlock, a failed commit), and
	 * {@link Graph#write(Graph.Scope, org.neo4j.driver.TransactionCallback)} after a node
	 * vanished, and only the run that committed says what the store holds.
	 *
	 * @param cycles the edges taken back, as {@code origin: path}
	 * @param vanished the edges not written because a model they name left the store
	 * @param dropped the edges taken back, by {@link #key}
	 */
	private record BatchOutcome(WriteCounts counts, List<String> cycles, List<DerivationFacts> vanished,
			Set<String> dropped) {
	}

	DerivationRun derivationRun() {
		return new DerivationRun();
	}

	/**
	 * Writes derivations that passed the import's own cycle check: {@code firsts} the
	 * import names for the first time, {@code repeats} it named before. Against the
	 * stored graph, each batch (in its transaction, holding the lineage lock, after
	 * writing) asks {@code cycles-closed.cypher} about its new edges, and takes back any
	 * that closed a cycle: only when the store held derivations before the import or
	 * anyone else wrote some meanwhile, since otherwise the stored ones are this import's
	 * own, already checked. Each batch's outcome is taken in once its transaction
	 * committed ({@link BatchOutcome}).
	 * @param cycles receives each edge taken back, as {@code origin: path}
	 * @param vanished receives each edge of {@code firsts} not written because a model it
	 * names left the store after the import found it there (a name resolution running
	 * meanwhile merged a placeholder into the model it names)
	 */
	WriteCounts derivations(DerivationRun run, List<DerivationFacts> firsts, List<DerivationFacts> repeats,
			List<String> cycles, List<DerivationFacts> vanished, LongConsumer progress) {
		var total = WriteCounts.NONE;
		// In input order, each batch as its committed run left it.
		for (var batch : inParallel(firsts, progress, (tx, batch) -> writeFirsts(tx, batch, run.stored, run.lock))) {
			total = total.plus(batch.counts());
			cycles.addAll(batch.cycles());
			vanished.addAll(batch.vanished());
			run.dropped.addAll(batch.dropped());
		}
		List<Map<String, Object>> again = repeats.stream()
			.filter(r -> !run.dropped.contains(key(r.child(), r.parent())))
			.map(DerivationFacts::asRow)
			.toList();
		return total.plus(upserts(again, "lineage/upsert-derivations", ChangeLog.Kind.DERIVATIONS_WRITTEN, progress));
	}

	private BatchOutcome writeFirsts(TransactionContext tx, List<DerivationFacts> batch, boolean stored,
			LockState lock) {
		Set<String> known = new HashSet<>();
		List<Map<String, Object>> rows = batch.stream().map(DerivationFacts::asRow).toList();
		if (stored) {
			tx.run(this.cypher.get("lineage/existing-derivations"), Map.of("rows", pairs(rows)))
				.forEachRemaining(r -> known.add(key(r.get("child").asString(), r.get("parent").asString())));
		}
		List<DerivationFacts> fresh = new ArrayList<>();
		List<Map<String, Object>> created = new ArrayList<>();
		List<Map<String, Object>> upserted = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			boolean exists = known.contains(key(batch.get(i).child(), batch.get(i).parent()));
			(exists ? upserted : created).add(rows.get(i));
			if (!exists) {
				fresh.add(batch.get(i));
			}
		}
		long written = tx.run(this.cypher.get("lineage/create-derivations"), Map.of("rows", created))
			.single()
			.get("created")
			.asLong();
		List<DerivationFacts> gone = (written < created.size()) ? unwritten(tx, fresh, created) : List.of();
		fresh.removeAll(gone);
		var counts = new WriteCounts(written, 0, written);
		if (!upserted.isEmpty()) {
			counts = counts
				.plus(counts(tx.run(this.cypher.get("lineage/upsert-derivations"), Map.of("rows", upserted)).single()));
		}
		List<DerivationFacts> appended = gone.isEmpty() ? batch
				: batch.stream().filter(d -> !gone.contains(d)).toList();
		this.changes.append(tx, ChangeLog.Kind.DERIVATIONS_WRITTEN,
				appended.stream().map(DerivationFacts::child).toList(),
				appended.stream().map(d -> ChangeLog.derivationKey(d.child(), d.parent())).toList(),
				this.changes.writer());
		var held = tx.run(this.cypher.get("lineage/lock-lineage"), Map.of("holder", lock.run())).single();
		String previous = held.get("previous").isNull() ? null : held.get("previous").asString();
		List<String> cycles = new ArrayList<>();
		Set<String> dropped = new HashSet<>();
		if (lock.mustCheck(held.get("before").asLong(), previous) || stored) {
			int taken = takeBackCycles(tx, fresh, cycles, dropped);
			counts = new WriteCounts(counts.created() - taken, counts.updated(), counts.total() - taken, counts.kept());
		}
		return new BatchOutcome(counts, cycles, gone, dropped);
	}

	/**
	 * The new edges a batch did not write: the {@code CREATE} matches both ends by id and
	 * writes nothing for a row whose model is gone (a placeholder merged into the model
	 * it names by a resolution that committed after the import found it). Asked only when
	 * the statement wrote fewer edges than it was given: which pairs now have an edge, in
	 * this transaction.
	 */
	private List<DerivationFacts> unwritten(TransactionContext tx, List<DerivationFacts> fresh,
			List<Map<String, Object>> created) {
		Set<String> written = new HashSet<>();
		tx.run(this.cypher.get("lineage/existing-derivations"), Map.of("rows", pairs(created)))
			.forEachRemaining(r -> written.add(key(r.get("child").asString(), r.get("parent").asString())));
		return fresh.stream().filter(d -> !written.contains(key(d.child(), d.parent()))).toList();
	}

	/**
	 * Asks about the batch's new edges, last first (the later edge is the one that closes
	 * a cycle), until none closes one; each that does is deleted again.
	 */
	private int takeBackCycles(TransactionContext tx, List<DerivationFacts> fresh, List<String> cycles,
			Set<String> dropped) {
		List<DerivationFacts> candidates = new ArrayList<>(fresh);
		Collections.reverse(candidates);
		int taken = 0;
		while (!candidates.isEmpty()) {
			var found = tx
				.run(this.cypher.get("lineage/cycles-closed"), Map.of("rows",
						candidates.stream().map(d -> Map.of("child", d.child(), "parent", d.parent())).toList()))
				.list();
			if (found.isEmpty()) {
				return taken;
			}
			String child = found.get(0).get("child").asString();
			String parent = found.get(0).get("parent").asString();
			var edge = candidates.stream()
				.filter(d -> d.child().equals(child) && d.parent().equals(parent))
				.findFirst()
				.orElseThrow();
			tx.run(this.cypher.get("lineage/drop-derivation"), Map.of("child", child, "parent", parent)).consume();
			List<String> path = new ArrayList<>();
			path.add(child);
			path.addAll(found.get(0).get("ids").asList(v -> v.asString()));
			cycles.add((edge.origin() == null ? "" : edge.origin() + ": ") + String.join(" -> ", path));
			dropped.add(key(child, parent));
			candidates.remove(edge);
			taken++;
		}
		return taken;
	}

	/**
	 * Whether anyone else took the lineage lock since the import began, read from the
	 * lock itself in each batch's transaction: nobody took it since (its count is still
	 * the one the import read first), or the last to take it was a batch of this import
	 * (the lock names its holder). Anything else means someone else wrote derivations
	 * meanwhile, and every batch from then on is checked against the stored graph. Only
	 * committed holders are seen, so a batch retried after a failed commit counts once,
	 * as in the store.
	 */
	static final class LockState {

		private final long version;

		private final String run = java.util.UUID.randomUUID().toString();

		private volatile boolean othersWrote;

		LockState(long version) {
			this.version = version;
		}

		/** The lock's holder to record: this import run. */
		String run() {
			return this.run;
		}

		/**
		 * @param earlierHolders how many took the lock before this batch
		 * @param previous the run of the last holder (null: not an import)
		 */
		synchronized boolean mustCheck(long earlierHolders, String previous) {
			if (earlierHolders != this.version && !this.run.equals(previous)) {
				this.othersWrote = true;
			}
			return this.othersWrote;
		}

	}

	Set<String> existingModelIds(Collection<String> ids) {
		Set<String> found = new HashSet<>();
		if (ids.isEmpty() || count("lineage/model-count") == 0) {
			// The first load into an empty store (the bulk case) skips hundreds of index
			// look-ups.
			return found;
		}
		List<String> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += BATCH) {
			var batch = all.subList(from, Math.min(all.size(), from + BATCH));
			this.graph
				.read(this.cypher.get("lineage/existing-model-ids"), Map.of("ids", batch), r -> r.get("id").asString())
				.forEach(found::add);
		}
		return found;
	}

	/**
	 * The retracted claims among {@code rows}, by {@code child -> parent} key: none to
	 * look up when the store holds no retraction (the count store answers that).
	 */
	Map<String, DerivationOutcome.Retracted> retracted(List<DerivationFacts> derivations) {
		Map<String, DerivationOutcome.Retracted> found = new HashMap<>();
		if (derivations.isEmpty() || count("lineage/retraction-count") == 0) {
			return found;
		}
		Map<String, DerivationFacts> byKey = new HashMap<>();
		derivations.forEach(r -> byKey.putIfAbsent(key(r.child(), r.parent()), r));
		List<DerivationFacts> all = List.copyOf(byKey.values());
		for (int from = 0; from < all.size(); from += BATCH) {
			var batch = all.subList(from, Math.min(all.size(), from + BATCH));
			var rows = batch.stream()
				.map(d -> Map.<String, Object>of("child", d.child(), "parent", d.parent()))
				.toList();
			for (var r : this.graph.read(this.cypher.get("lineage/retracted-pairs"), Map.of("rows", rows))) {
				String key = key(r.get("child").asString(), r.get("parent").asString());
				found.put(key,
						new DerivationOutcome.Retracted(byKey.get(key),
								r.get("retractedAt").isNull() ? null : r.get("retractedAt").asString(),
								r.get("reason").isNull() ? null : r.get("reason").asString()));
			}
		}
		return found;
	}

	/**
	 * A whole-store lookup of an import (every organisation's names, every aliased
	 * model): bulk work, not held to the interactive read budget (on the 2M store after
	 * its import, the aliased models' scan took 5.3 s on a cold page cache).
	 */
	List<org.neo4j.driver.Record> query(String name) {
		String statement = this.cypher.get(name);
		return this.graph.readBulk(tx -> tx.run(statement).list());
	}

	private long lineageVersion() {
		return this.graph
			.readBulk(tx -> tx.run(this.cypher.get("lineage/lineage-version")).single().get("version").asLong());
	}

	/** From the count store: constant time. */
	long modelCount() {
		return count("lineage/model-count");
	}

	/** From the count store: constant time. */
	private long count(String query) {
		return this.graph.read(this.cypher.get(query), Map.of(), r -> r.get("n").asLong()).get(0);
	}

	/**
	 * Runs batches, each one transaction, two at a time: while the database commits one
	 * batch the next is already executing, so neither the engine nor the client waits on
	 * the other.
	 */
	private <T, R> List<R> inParallel(List<T> rows, LongConsumer progress, BatchWork<T, R> work) {
		List<Future<R>> pending = new ArrayList<>();
		// After a failure no further batch starts (one already running may still commit):
		// the committed ones stand, and a re-run completes the import.
		var failed = new AtomicBoolean();
		// The batches run on other threads: they carry the caller's context along (who is
		// writing, for the change log).
		var context = ContextSnapshotFactory.builder().build().captureAll();
		int size = balancedBatch(rows.size());
		try (var writers = Executors.newFixedThreadPool(WRITERS)) {
			for (int from = 0; from < rows.size(); from += size) {
				var batch = rows.subList(from, Math.min(rows.size(), from + size));
				pending.add(writers.submit(context.wrap(() -> {
					if (failed.get()) {
						return null;
					}
					try {
						R done = this.graph.batch(() -> this.graph.write(tx -> work.write(tx, batch)));
						progress.accept(batch.size());
						return done;
					}
					catch (RuntimeException | Error ex) {
						failed.set(true);
						throw ex;
					}
				})));
			}
			try {
				List<R> done = new ArrayList<>();
				for (var batch : pending) {
					done.add(batch.get());
				}
				return done;
			}
			catch (ExecutionException ex) {
				// Stop the batches not yet started (closing the pool would wait for
				// them);
				// the committed ones stand, and a re-run completes the import.
				pending.forEach(f -> f.cancel(false));
				throw ex.getCause() instanceof RuntimeException runtime ? runtime
						: new IllegalStateException(ex.getCause());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("import interrupted", ex);
		}
	}

	/**
	 * The size of {@code rows} batches of at most {@link #BATCH} that keep every writer
	 * busy to the end: a number of batches that {@link #WRITERS} divides, all of about
	 * one size. Five batches of 10,000 on two writers left one writer idle for the fifth
	 * (a fifth of each import chunk's time); six of about 8,300 do not.
	 */
	static int balancedBatch(int rows) {
		if (rows == 0) {
			return BATCH;
		}
		int batches = (rows + BATCH - 1) / BATCH;
		batches = (batches + WRITERS - 1) / WRITERS * WRITERS;
		return Math.max(1, (rows + batches - 1) / batches);
	}

	@FunctionalInterface
	private interface BatchWork<T, R> {

		/** One batch's work, in its transaction: what it did, as a value. */
		R write(TransactionContext tx, List<T> batch);

	}

	/**
	 * Comparing upserts, one batch after the other.
	 * @param change what the change log records of each batch (null: nothing)
	 */
	private WriteCounts upserts(List<Map<String, Object>> rows, String query, ChangeLog.Kind change,
			LongConsumer progress) {
		var total = WriteCounts.NONE;
		for (int from = 0; from < rows.size(); from += BATCH) {
			var batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
			total = total.plus(this.graph.batch(() -> this.graph.write(tx -> {
				var counts = counts(tx.run(this.cypher.get(query), Map.of("rows", batch)).single());
				if (change != null) {
					// The models written, or the children of the derivations written.
					this.changes.append(tx, change,
							batch.stream()
								.map(r -> (String) (r.containsKey("child") ? r.get("child") : r.get("id")))
								.toList(),
							batch.stream()
								.filter(r -> r.containsKey("child"))
								.map(r -> ChangeLog.derivationKey((String) r.get("child"), (String) r.get("parent")))
								.toList(),
							this.changes.writer());
				}
				return counts;
			})));
			progress.accept(batch.size());
		}
		return total;
	}

	private static WriteCounts counts(org.neo4j.driver.Record r) {
		return new WriteCounts(r.get("created").asLong(), r.get("updated").asLong(), r.get("total").asLong(),
				r.containsKey("kept") ? r.get("kept").asList(org.neo4j.driver.Value::asString) : List.of());
	}

	private static List<Map<String, Object>> pairs(List<Map<String, Object>> rows) {
		return rows.stream().map(r -> Map.of("child", r.get("child"), "parent", r.get("parent"))).toList();
	}

	static String key(String child, String parent) {
		return child + "\u0000" + parent;
	}

}
