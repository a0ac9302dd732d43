package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;

/**
 * Resolves placeholders — names a source referenced without describing them (Epoch AI's
 * "Base model", Ecosystem Graphs' dependencies) — to the described model they name
 * ({@link ModelNames}): their derivations move to it, each recording how it was resolved
 * ({@code resolution}: the method; {@code resolutionConfidence}) and the placeholder it
 * came from ({@code resolvedFrom}). A name that fits several models stays a placeholder
 * and becomes a conflict, never a guess; a name no source describes stays a placeholder.
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
	 * @param remaining placeholders left
	 */
	public record Outcome(List<Resolved> resolved, List<String> conflicts, long remaining) {
	}

	/** One resolved placeholder. */
	public record Resolved(String placeholder, String name, ModelNames.Match match) {
	}

	public Outcome resolveAll() {
		var placeholders = this.graph.read(this.cypher.get("lineage/placeholders"), Map.of());
		if (placeholders.isEmpty()) {
			return new Outcome(List.of(), List.of(), 0);
		}
		var names = new ModelNames(this.graph.read(this.cypher.get("lineage/resolution-candidates"), Map.of(),
				r -> new ModelNames.Candidate(r.get("id").asString(),
						r.get("name").isNull() ? null : r.get("name").asString(),
						r.get("aliases").asList(v -> v.asString()),
						r.get("developerId").isNull() ? null : r.get("developerId").asString())));
		List<Resolved> resolved = new ArrayList<>();
		List<String> conflicts = new ArrayList<>();
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
			if (outcome != null && outcome.resolved()) {
				resolved.add(new Resolved(id, name, outcome.match()));
			}
			else if (outcome != null && outcome.conflict()) {
				String source = p.get("source").isNull() ? "unknown source" : p.get("source").asString();
				conflicts.add("'" + name + "' (" + id + ", named by " + source + ") fits " + outcome.ambiguous().size()
						+ " models: " + String.join(", ", outcome.ambiguous()) + "; left a placeholder");
			}
		}
		if (!resolved.isEmpty()) {
			var rows = resolved.stream()
				.map(r -> Map.<String, Object>of("placeholder", r.placeholder(), "target", r.match().id(), "method",
						r.match().method(), "confidence", r.match().confidence()))
				.toList();
			this.graph.write(tx -> {
				tx.run(this.cypher.get("lineage/move-placeholders"), Map.of("rows", rows)).consume();
				this.changes.append(tx, ChangeLog.Kind.MODELS_WRITTEN,
						resolved.stream().map(r -> r.match().id()).toList());
				return null;
			});
		}
		return new Outcome(resolved, conflicts, placeholders.size() - resolved.size());
	}

	private Set<String> derivedAmong(Collection<String> ids) {
		return new HashSet<>(this.graph.read(this.cypher.get("lineage/derived-among"), Map.of("ids", List.copyOf(ids)),
				r -> r.get("id").asString()));
	}

}
