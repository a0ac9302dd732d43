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

		MODELS_WRITTEN, DERIVATIONS_WRITTEN, FINDING_RECORDED

	}

	private final CypherQueries cypher;

	ChangeLog(CypherQueries cypher) {
		this.cypher = cypher;
	}

	/** Appends a change naming the models it touched (for derivations: the children). */
	public void append(TransactionContext tx, Kind kind, Collection<String> modelIds) {
		if (modelIds.isEmpty()) {
			return;
		}
		tx.run(this.cypher.get("lineage/append-change"),
				Map.of("kind", kind.name(), "modelIds", List.copyOf(new LinkedHashSet<>(modelIds))))
			.consume();
	}

}
