package dev.pedigree.interchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * A large first load without the entries of indexes it does not read at every commit:
 * into a store without models, an import drops the text indexes of models' search texts
 * (every placeholder lands in two: {@code model_search_text} and its download tier's)
 * and, on the embedded store (this process's own), the range indexes on models too
 * ({@code model_search_key} takes an entry per model), loads, and recreates them, so
 * Neo4j populates each in one pass; the import is done when every index is ONLINE. With
 * an external database a search meanwhile reads the same models without the text indexes
 * (slower, same answer: no query names one); the range index it names in a hint stays
 * there. The statements that create them again are the store's own ({@code SHOW INDEXES}'
 * {@code createStatement}: type, provider and options as they were), and are kept in the
 * store with the names before any is dropped ({@code :__DeferredIndexes}), so a failed
 * import restores them, and so does the next start or import after a crash.
 */
@Component
public class DeferredIndexes {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeferredIndexes.class);

	/** The labels (and prefixes) of the node indexes an import may defer. */
	private static final List<String> LABELS = List.of("Model", "SearchTier");

	/**
	 * A named text index of a migration, and the label it indexes: what a marker of an
	 * earlier release (names only) is restored with.
	 */
	private static final Pattern CREATE_TEXT_INDEX = Pattern
		.compile("CREATE\\s+TEXT\\s+INDEX\\s+(\\w+)\\s+IF\\s+NOT\\s+EXISTS\\s+FOR\\s+\\(\\w+:(\\w+)\\)[^;]*");

	private final Graph graph;

	private final CypherQueries cypher;

	/** The index types an import may defer. */
	private final List<String> types;

	private final long fromRecords;

	private final int awaitSeconds;

	DeferredIndexes(Graph graph, CypherQueries cypher,
			@Value("${pedigree.import.defer-indexes-from:100000}") long fromRecords,
			@Value("${pedigree.import.index-wait:3600}") int awaitSeconds) {
		this.graph = graph;
		this.cypher = cypher;
		this.fromRecords = fromRecords;
		this.awaitSeconds = awaitSeconds;
		// Text indexes only: no query names one in a hint, and a text index takes any
		// string. Range indexes were tried (session 12): not shown to pay against main,
		// a search's hint on model_search_key fails while it is missing, and a string
		// longer than a range index holds would leave it FAILED after the load.
		this.types = List.of("TEXT");
	}

	/**
	 * Drops the deferrable indexes when an import of {@code records} records is a large
	 * first load (no model stored), first restoring any an earlier import left dropped.
	 * @return the deferral to end with {@link Deferral#restore()}, whatever the import's
	 * outcome
	 */
	Deferral deferFor(long records) {
		restore();
		if (records < this.fromRecords || modelCount() > 0) {
			return () -> {
			};
		}
		List<String> names = new ArrayList<>();
		List<String> statements = new ArrayList<>();
		this.graph.read(this.cypher.get("interchange/deferrable-indexes"),
				Map.of("types", this.types, "labels", LABELS), r -> {
					names.add(r.get("name").asString());
					statements.add(r.get("statement").asString());
					return null;
				});
		if (names.isEmpty()) {
			return () -> {
			};
		}
		// Recorded before the first drop, in a transaction of its own (a schema command
		// cannot share one with a data write).
		this.graph.writeBookkeeping(tx -> tx
			.run(this.cypher.get("interchange/defer-indexes"), Map.of("names", names, "statements", statements))
			.consume());
		this.graph.write(tx -> {
			for (String name : names) {
				tx.run(this.cypher.get("interchange/drop-index"), Map.of("name", name)).consume();
			}
			return names.size();
		});
		log.info("Import into an empty store: indexes {} populate after the load", names);
		return new Deferral() {

			@Override
			public void recreate() {
				DeferredIndexes.this.recreate();
			}

			@Override
			public void restore() {
				DeferredIndexes.this.restore();
			}

		};
	}

	/**
	 * A start after an import that did not end (a crash, a kill) recreates what it
	 * dropped before anything else uses the store.
	 */
	@EventListener(ApplicationStartedEvent.class)
	void restoreAfterCrash() {
		restore();
	}

	/**
	 * Recreates every index an import deferred that is not there (with the statement
	 * recorded when it was dropped), waits until all are ONLINE, and forgets them.
	 */
	public void restore() {
		List<String> names = recreate();
		if (names.isEmpty()) {
			return;
		}
		long start = System.nanoTime();
		this.graph
			.write(tx -> tx.run(this.cypher.get("interchange/await-indexes"), Map.of("seconds", this.awaitSeconds))
				.consume());
		this.graph.writeBookkeeping(tx -> tx.run(this.cypher.get("interchange/indexes-restored")).consume());
		log.info("Indexes {} online: {} ms after the last was recreated", names,
				(System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * Recreates every index an import deferred that is not there, without waiting: Neo4j
	 * populates them in the background ({@link #restore} waits and forgets them).
	 * @return the names deferred (none: nothing was)
	 */
	private List<String> recreate() {
		var marker = this.graph
			.read(this.cypher.get("interchange/deferred-indexes"), Map.of(),
					r -> List.of(r.get("names").asList(v -> v.asString()),
							r.get("statements").asList(v -> v.asString())))
			.get(0);
		List<String> names = marker.get(0);
		List<String> statements = marker.get(1);
		if (names.isEmpty()) {
			return names;
		}
		long start = System.nanoTime();
		Set<String> present = new HashSet<>(
				this.graph.read(this.cypher.get("interchange/index-names"), Map.of(), r -> r.get("name").asString()));
		List<String> missing = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			if (!present.contains(names.get(i))) {
				missing.add(recreating(names.get(i), (i < statements.size()) ? statements.get(i) : null));
			}
		}
		if (!missing.isEmpty()) {
			this.graph.write(tx -> {
				for (String statement : missing) {
					tx.run(statement).consume();
				}
				return missing.size();
			});
			log.info("Indexes recreated: {} ({} ms)", missing.size(), (System.nanoTime() - start) / 1_000_000);
		}
		return names;
	}

	/** What an import undoes when it ends. */
	interface Deferral {

		/**
		 * Starts populating the deferred indexes (Neo4j does in the background) while the
		 * import goes on with work that reads none of them.
		 */
		default void recreate() {
		}

		/** The deferred indexes are back and online. */
		void restore();

	}

	private long modelCount() {
		return this.graph.read(this.cypher.get("lineage/model-count"), Map.of(), r -> r.get("n").asLong()).get(0);
	}

	/**
	 * The statement that recreates index {@code name}: the schema migrations' own (ours,
	 * with IF NOT EXISTS, so two processes restoring at once both succeed); else the one
	 * kept on the marker, only if it creates a text index of that name on models or their
	 * tiers — the marker is data, and anyone who may write data must not get a statement
	 * of theirs run with schema rights.
	 */
	private static String recreating(String name, String kept) {
		String statement = deferrable(migrations()).get(name);
		if (statement != null || kept == null) {
			return (statement != null) ? statement : migrationStatement(name);
		}
		return fromKept(name, kept);
	}

	/**
	 * {@code kept}, made idempotent, if it creates a text index {@code name} of models.
	 */
	static String fromKept(String name, String kept) {
		Matcher text = KEPT_TEXT_INDEX.matcher(kept);
		if (!text.matches() || !text.group(1).equals(name)) {
			throw new IllegalStateException("An import deferred index " + name
					+ ", kept with a statement that is not a text index of models: recreate it by hand");
		}
		return "CREATE TEXT INDEX `" + name + "` IF NOT EXISTS " + text.group(2);
	}

	/** A text index of models or a download tier as {@code SHOW INDEXES} writes it. */
	private static final Pattern KEPT_TEXT_INDEX = Pattern
		.compile("CREATE TEXT INDEX `(\\w+)` (FOR \\(\\w+:`(?:Model|SearchTier\\d+)`\\) ON \\(\\w+\\.`\\w+`\\)"
				+ "(?: OPTIONS \\{indexConfig: \\{\\}, indexProvider: '[\\w.-]+'\\})?)");

	/**
	 * The statement of a schema migration that creates the index {@code name}, for a
	 * marker an earlier release left (names only, every one a text index of models or
	 * their download tiers).
	 */
	private static String migrationStatement(String name) {
		String statement = deferrable(migrations()).get(name);
		if (statement == null) {
			throw new IllegalStateException(
					"An import deferred index " + name + ", which no schema migration defines: recreate it by hand");
		}
		return statement;
	}

	/**
	 * The text indexes of the migrations on models and their download tiers, by name; a
	 * later migration's statement of a name replaces an earlier one's.
	 */
	static Map<String, String> deferrable(List<String> migrations) {
		Map<String, String> found = new LinkedHashMap<>();
		for (String script : migrations) {
			Matcher m = CREATE_TEXT_INDEX.matcher(script);
			while (m.find()) {
				String label = m.group(2);
				if (label.equals("Model") || label.startsWith("SearchTier")) {
					found.put(m.group(1), m.group().strip());
				}
			}
		}
		return found;
	}

	private static List<String> migrations() {
		try {
			Resource[] scripts = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:cypher/schema/V*__*.cypher");
			List<Resource> sorted = new ArrayList<>(List.of(scripts));
			sorted.sort(java.util.Comparator.comparing(Resource::getFilename));
			List<String> texts = new ArrayList<>();
			for (Resource script : sorted) {
				try (var in = script.getInputStream()) {
					texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
			return texts;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
