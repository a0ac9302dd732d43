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
 * A large first load without the text indexes' entries at every commit: into a store
 * without models, an import drops the text indexes of models' search texts (every
 * placeholder lands in two: {@code model_search_text} and its download tier's), loads,
 * and recreates them from the schema migrations' own statements, so Neo4j populates each
 * in one pass; the import is done when every index is ONLINE. A search meanwhile reads
 * the same models without the index (slower, same answer: no query names a text index).
 * The range indexes stay (a search names {@code model_search_key}, and they cost little
 * at commit). Which indexes are to come back is kept in the store before any is dropped
 * ({@code :__DeferredIndexes}), so a failed import restores them, and so does the next
 * start or import after a crash.
 */
@Component
public class DeferredIndexes {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeferredIndexes.class);

	/** A named text index of a migration, and the label it indexes. */
	private static final Pattern CREATE_TEXT_INDEX = Pattern
		.compile("CREATE\\s+TEXT\\s+INDEX\\s+(\\w+)\\s+IF\\s+NOT\\s+EXISTS\\s+FOR\\s+\\(\\w+:(\\w+)\\)[^;]*");

	private final Graph graph;

	private final CypherQueries cypher;

	/** Name → the migration's statement, for the indexes an import may defer. */
	private final Map<String, String> deferrable;

	private final long fromRecords;

	private final int awaitSeconds;

	DeferredIndexes(Graph graph, CypherQueries cypher,
			@Value("${pedigree.import.defer-indexes-from:100000}") long fromRecords,
			@Value("${pedigree.import.index-wait:3600}") int awaitSeconds) {
		this.graph = graph;
		this.cypher = cypher;
		this.fromRecords = fromRecords;
		this.awaitSeconds = awaitSeconds;
		this.deferrable = deferrable(migrations());
	}

	/**
	 * Drops the deferrable indexes when an import of {@code records} records is a large
	 * first load (no model stored), first restoring any an earlier import left dropped.
	 * @return the deferral to end with {@link Deferral#restore()}, whatever the import's
	 * outcome
	 */
	Deferral deferFor(long records) {
		restore();
		if (records < this.fromRecords || this.deferrable.isEmpty() || modelCount() > 0) {
			return () -> {
			};
		}
		Set<String> present = new HashSet<>(
				this.graph.read(this.cypher.get("interchange/index-names"), Map.of(), r -> r.get("name").asString()));
		List<String> names = this.deferrable.keySet().stream().filter(present::contains).toList();
		if (names.isEmpty()) {
			return () -> {
			};
		}
		// Recorded before the first drop, in a transaction of its own (a schema command
		// cannot share one with a data write).
		this.graph.writeBookkeeping(
				tx -> tx.run(this.cypher.get("interchange/defer-indexes"), Map.of("names", names)).consume());
		this.graph.write(tx -> {
			for (String name : names) {
				tx.run(this.cypher.get("interchange/drop-index"), Map.of("name", name)).consume();
			}
			return names.size();
		});
		log.info("Import into an empty store: search indexes {} populate after the load", names);
		return this::restore;
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
	 * Recreates every index an import deferred (the migration's statement, which does
	 * nothing if it exists), waits until all are ONLINE, and forgets them.
	 */
	public void restore() {
		List<String> names = this.graph
			.read(this.cypher.get("interchange/deferred-indexes"), Map.of(),
					r -> r.get("names").asList(v -> v.asString()))
			.get(0);
		if (names.isEmpty()) {
			return;
		}
		long start = System.nanoTime();
		this.graph.write(tx -> {
			for (String name : names) {
				String statement = this.deferrable.get(name);
				if (statement == null) {
					throw new IllegalStateException("An import deferred index " + name
							+ ", which no schema migration defines: recreate it by hand");
				}
				tx.run(statement).consume();
			}
			return names.size();
		});
		this.graph
			.write(tx -> tx.run(this.cypher.get("interchange/await-indexes"), Map.of("seconds", this.awaitSeconds))
				.consume());
		this.graph.writeBookkeeping(tx -> tx.run(this.cypher.get("interchange/indexes-restored")).consume());
		log.info("Search indexes {} recreated and online: {} ms", names, (System.nanoTime() - start) / 1_000_000);
	}

	/** What an import undoes when it ends. */
	@FunctionalInterface
	interface Deferral {

		void restore();

	}

	private long modelCount() {
		return this.graph.read(this.cypher.get("lineage/model-count"), Map.of(), r -> r.get("n").asLong()).get(0);
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
