package dev.pedigree.lineage;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.TransactionContext;

import dev.pedigree.storage.CypherQueries;

import org.springframework.stereotype.Component;

/**
 * The lineage's outbox: every write of models, derivations or findings appends what it
 * changed, in its own transaction, so that whoever reacts to changes (watchlists) sees
 * exactly the committed ones — also those of an import run by the CLI in another process
 * or of another instance — and never one that was rolled back.
 */
@Component
public class ChangeLog {

	/**
	 * What a change did; watch conditions decide by it which of its models to look at.
	 */
	public enum Kind {

		MODELS_WRITTEN, DERIVATIONS_WRITTEN, DERIVATION_RETRACTED, FINDING_RECORDED

	}

	private final CypherQueries cypher;

	private final Writers writers;

	ChangeLog(CypherQueries cypher, org.springframework.beans.factory.ObjectProvider<Writers> writers) {
		this.cypher = cypher;
		this.writers = writers.getIfAvailable(() -> Writers::localUser);
	}

	/**
	 * Who is writing now; an import captures it before handing batches to other threads.
	 */
	public String writer() {
		return this.writers.current();
	}

	/**
	 * Appends a change naming the models it touched (for derivations: the children), by
	 * the current writer.
	 */
	public void append(TransactionContext tx, Kind kind, Collection<String> modelIds) {
		append(tx, kind, modelIds, List.of(), writer());
	}

	/**
	 * Appends a change.
	 * @param derivations for derivations, {@code child <- parent} of each
	 * @param writer who wrote it ({@link #writer()} on the thread that took the request)
	 */
	public void append(TransactionContext tx, Kind kind, Collection<String> modelIds, Collection<String> derivations,
			String writer) {
		if (modelIds.isEmpty()) {
			return;
		}
		tx.run(statement(), parameters(kind, modelIds, derivations, writer)).consume();
	}

	String statement() {
		return this.cypher.get("lineage/append-change");
	}

	/** The parameters of {@code lineage/append-change}, also as the warm-up plans it. */
	static Map<String, Object> parameters(Kind kind, Collection<String> modelIds, Collection<String> derivations,
			String writer) {
		return Map.of("kind", kind.name(), "modelIds", List.copyOf(new LinkedHashSet<>(modelIds)), "derivations",
				List.copyOf(new LinkedHashSet<>(derivations)), "writer", writer);
	}

	/** How a derivation is named in the change log. */
	public static String derivationKey(String child, String parent) {
		return child + " <- " + parent;
	}

}
