package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.TransactionContext;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;

/**
 * Resolves placeholders — names a source referenced without describing them (Epoch AI's
 * "Base model", Ecosystem Graphs' dependencies) — to the described model they name
 * ({@link ModelNames}): their derivations move to it, each recording how it was resolved
 * ({@code resolution}: the method; {@code resolutionConfidence}) and the placeholder it
 * came from ({@code resolvedFrom}). A name that fits several models stays a placeholder
 * and becomes a conflict, never a guess; a name no source describes stays a placeholder;
 * so does one whose derivations would close a cycle at the model it names (a conflict
 * naming the cycle): moving derivations is writing them, under the lineage lock and the
 * no-cycle rule like every other write of derivations.
 */
@Service
public class PlaceholderResolution {

	private final Graph graph;

	private final CypherQueries cypher;

	private final ChangeLog changes;

	PlaceholderResolution(Graph graph, CypherQueries cypher, ChangeLog changes) {
		this.graph = graph;
		this.cypher = cypher;
		this.changes = changes;
	}

	/**
	 * What a pass did.
	 *
	 * @param resolved placeholders → model, with method and confidence
	 * @param conflicts names that fit several models, with the candidates
	 */
	public record Outcome(List<Resolved> resolved, List<String> conflicts) {
	}

	/** One resolved placeholder. */
	public record Resolved(String placeholder, String name, ModelNames.Match match) {
	}

	public Outcome resolveAll() {
		// Whole-store reads of an import's settle: bulk work, not held to a request's
		// read budget (on the 2M store after its import, the candidates took 5.8 s).
		String placeholdersQuery = this.cypher.get("lineage/placeholders");
		var placeholders = this.graph.readBulk(tx -> tx.run(placeholdersQuery).list());
		if (placeholders.isEmpty()) {
			return new Outcome(List.of(), List.of());
		}
		Set<String> wanted = new java.util.HashSet<>();
		for (var p : placeholders) {
			if (!p.get("name").isNull()) {
				wanted.add(p.get("name").asString());
			}
			wanted.addAll(p.get("aliases").asList(v -> v.asString()));
		}
		// Streamed, keeping only the models that share a form with a placeholder's name:
		// the store's two million models did not fit a 2 GiB heap as candidates.
		var relevant = ModelNames.relevantTo(wanted);
		String candidatesQuery = this.cypher.get("lineage/resolution-candidates");
		var names = new ModelNames(this.graph.readBulk(tx -> tx.run(candidatesQuery)
			.stream()
			.map(r -> new ModelNames.Candidate(r.get("id").asString(),
					r.get("name").isNull() ? null : r.get("name").asString(),
					r.get("aliases").asList(v -> v.asString()),
					r.get("developerId").isNull() ? null : r.get("developerId").asString()))
			.filter(relevant)
			.toList()));
		List<Resolved> resolved = new ArrayList<>();
		List<String> conflicts = new ArrayList<>();
		Map<String, String> sources = new java.util.HashMap<>();
		for (var p : placeholders) {
			String id = p.get("id").asString();
			Set<String> tried = new java.util.LinkedHashSet<>();
			if (!p.get("name").isNull()) {
				tried.add(p.get("name").asString());
			}
			tried.addAll(p.get("aliases").asList(v -> v.asString()));
			ModelNames.Resolution outcome = null;
			for (String name : tried) {
				outcome = names.resolve(name, null, this::derivedAmong);
				if (outcome.resolved() || outcome.conflict()) {
					break;
				}
			}
			String name = tried.isEmpty() ? id : tried.iterator().next();
			String source = p.get("source").isNull() ? "unknown source" : p.get("source").asString();
			sources.put(id, source);
			if (outcome != null && outcome.resolved()) {
				resolved.add(new Resolved(id, name, outcome.match()));
			}
			else if (outcome != null && outcome.conflict()) {
				conflicts.add("'" + name + "' (" + id + ", named by " + source + ") fits " + outcome.ambiguous().size()
						+ " models: " + String.join(", ", outcome.ambiguous()) + "; left a placeholder");
			}
		}
		if (resolved.isEmpty()) {
			return new Outcome(List.of(), conflicts);
		}
		var moves = this.graph.write(tx -> move(tx, resolved, sources));
		conflicts.addAll(moves.closing());
		return new Outcome(moves.moved(), conflicts);
	}

	/**
	 * Moves each resolved placeholder's derivations to its model, one placeholder after
	 * the other in one transaction, holding the lineage lock like every writer of
	 * derivations: each move is checked against the graph as committed before it and as
	 * the moves before it left it, and a placeholder whose move would close a cycle is
	 * left whole (none of its derivations move) and listed with the cycle.
	 * <p>
	 * An import batch writing an edge to a placeholder at the same time can deadlock with
	 * it: writing the edge takes a shared lock on the placeholder's relationships
	 * (Neo4j's record store) before the batch takes the lineage lock, and deleting the
	 * placeholder takes that lock exclusively after this takes the lineage lock. Neo4j
	 * takes it exclusively only to delete a node, so it cannot come first here; of the
	 * two, Neo4j ends the one holding fewer locks and the driver runs it again. Either
	 * way the outcome holds: run again, this moves the batch's committed edge too; the
	 * batch run again finds the placeholder gone and reports its edge as not written
	 * ({@link BulkWrites}), as it does when it waited for the placeholder's lock until
	 * this committed
	 * ({@link Graph#write(Graph.Scope, org.neo4j.driver.TransactionCallback)}).
	 */
	private Moves move(TransactionContext tx, List<Resolved> resolved, Map<String, String> sources) {
		// Before the cycle checks: serialises them with every other writer of
		// derivations.
		tx.run(this.cypher.get("lineage/lock-lineage"), LineageWrites.NOT_AN_IMPORT).consume();
		List<Resolved> moved = new ArrayList<>();
		List<String> closing = new ArrayList<>();
		for (var r : resolved) {
			var cycle = tx
				.run(this.cypher.get("lineage/placeholder-move-cycle"),
						Map.of("placeholder", r.placeholder(), "target", r.match().id()))
				.list();
			if (!cycle.isEmpty()) {
				List<String> path = cycle.get(0).get("ids").asList(v -> v.asString());
				closing.add("'" + r.name() + "' (" + r.placeholder() + ", named by " + sources.get(r.placeholder())
						+ ") is " + r.match().id() + " (" + r.match().method() + ", " + r.match().confidence()
						+ "), but moving its derivations there would close a cycle: " + String.join(" -> ", path)
						+ "; left a placeholder");
				continue;
			}
			long done = tx
				.run(this.cypher.get("lineage/move-placeholders"), Map.of("placeholder", r.placeholder(), "target",
						r.match().id(), "method", r.match().method(), "confidence", r.match().confidence()))
				.single()
				.get("resolved")
				.asLong();
			// Nothing when another pass resolved it first.
			if (done > 0) {
				moved.add(r);
			}
		}
		this.changes.append(tx, ChangeLog.Kind.MODELS_WRITTEN, moved.stream().map(r -> r.match().id()).toList());
		return new Moves(moved, closing);
	}

	/** What {@link #move} did: the placeholders moved, and those left for a cycle. */
	private record Moves(List<Resolved> moved, List<String> closing) {
	}

	private Set<String> derivedAmong(Collection<String> ids) {
		return new HashSet<>(this.graph.read(this.cypher.get("lineage/derived-among"), Map.of("ids", List.copyOf(ids)),
				r -> r.get("id").asString()));
	}

}
