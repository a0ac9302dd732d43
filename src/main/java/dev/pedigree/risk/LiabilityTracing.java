package dev.pedigree.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;

import dev.pedigree.graphql.NotFoundException;
import dev.pedigree.lineage.Derivation;
import dev.pedigree.lineage.ModelView;
import dev.pedigree.lineage.OrganizationView;
import dev.pedigree.regulation.PartyFacts;
import dev.pedigree.regulation.RegulatoryRole;
import dev.pedigree.regulation.RuleEvaluation;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;

/**
 * Walks a model's ancestry in one read, derives cumulative compute along the chain where
 * a model's own figure is missing, and classifies every organisation on the way under
 * every rule set.
 */
@Service
public class LiabilityTracing {

	private final Graph graph;

	private final CypherQueries cypher;

	private final RuleEvaluation rules;

	LiabilityTracing(Graph graph, CypherQueries cypher, RuleEvaluation rules) {
		this.graph = graph;
		this.cypher = cypher;
		this.rules = rules;
	}

	public LiabilityTrace trace(String modelId, LocalDate asOf) {
		Ancestry ancestry = ancestry(modelId);
		List<ResponsibleParty> parties = new ArrayList<>();
		for (Entry e : ancestry.entries()) {
			if (e.organization() == null) {
				continue;
			}
			List<RegulatoryRole> roles = this.rules.evaluate(ancestry.facts(e.model().id()), asOf, null);
			parties.add(new ResponsibleParty(e.organization(), e.model(), e.via(), e.depth(), roles));
		}
		List<InheritedFinding> findings = this.graph.read(this.cypher.get("risk/findings"), Map.of("id", modelId),
				r -> new InheritedFinding(Finding.from(r.get("finding").asNode(), r.get("kind").asString()),
						ancestry.byId().get(r.get("recordedOn").asString()).model(), r.get("depth").asInt(),
						r.get("path").asList(v -> v.asString()), r.get("depth").asInt() > 0));
		return new LiabilityTrace(ancestry.entries().get(0).model(), parties, findings, asOf.toString());
	}

	/** The roles of a model's own developer (empty when it has none). */
	public List<RegulatoryRole> obligations(String modelId, LocalDate asOf, String jurisdiction) {
		Ancestry ancestry = ancestry(modelId);
		if (ancestry.entries().get(0).organization() == null) {
			return List.of();
		}
		return this.rules.evaluate(ancestry.facts(modelId), asOf, jurisdiction);
	}

	private Ancestry ancestry(String modelId) {
		List<Entry> entries = this.graph.read(this.cypher.get("risk/ancestry"), Map.of("id", modelId),
				LiabilityTracing::entry);
		if (entries.isEmpty()) {
			throw new NotFoundException("modelId", "No model with id '" + modelId + "'");
		}
		Map<String, Entry> byId = new HashMap<>();
		entries.forEach(e -> byId.put(e.model().id(), e));
		return new Ancestry(entries, byId, new HashMap<>());
	}

	private static Entry entry(Record r) {
		ModelView model = ModelView.from(r.get("model").asNode());
		Derivation via = r.get("via").isNull() ? null
				: Derivation.from(r.get("via").asRelationship(), r.get("viaChild").asString(), model.id());
		OrganizationView organization = r.get("organization").isNull() ? null
				: OrganizationView.from(r.get("organization").asNode());
		List<Derivation> parents = new ArrayList<>();
		for (var p : r.get("parents").asList(v -> v)) {
			if (!p.isNull()) {
				parents.add(Derivation.from(p.get("rel").asRelationship(), model.id(), p.get("parentId").asString()));
			}
		}
		return new Entry(model, r.get("depth").asInt(), via, organization, parents);
	}

	private record Entry(ModelView model, int depth, Derivation via, OrganizationView organization,
			List<Derivation> parents) {
	}

	private record Compute(Double flop, String basis) {
	}

	private record Ancestry(List<Entry> entries, Map<String, Entry> byId, Map<String, Compute> computed) {

		PartyFacts facts(String id) {
			Entry e = this.byId.get(id);
			Compute own = compute(id);
			List<PartyFacts.ParentFacts> parents = new ArrayList<>();
			for (Derivation d : e.parents()) {
				Entry parent = this.byId.get(d.parentId());
				boolean sameDeveloper = parent.organization() != null && e.organization() != null
						&& parent.organization().id().equals(e.organization().id());
				parents.add(new PartyFacts.ParentFacts(parent.model(), compute(d.parentId()).flop(), d, sameDeveloper));
			}
			return new PartyFacts(e.model(), e.organization(), own.flop(), own.basis(), parents);
		}

		/**
		 * A model's cumulative compute: its own figure, else its single parent's plus the
		 * modification's.
		 */
		Compute compute(String id) {
			Compute known = this.computed.get(id);
			if (known != null) {
				return known;
			}
			this.computed.put(id, new Compute(null, null)); // guards against a cycle in
															// corrupt data
			Entry e = this.byId.get(id);
			Compute result;
			if (e.model().trainingComputeFlop() != null) {
				result = new Compute(e.model().trainingComputeFlop(), null);
			}
			else if (e.parents().size() == 1 && e.parents().get(0).computeFlop() != null
					&& compute(e.parents().get(0).parentId()).flop() != null) {
				Derivation d = e.parents().get(0);
				double parent = compute(d.parentId()).flop();
				result = new Compute(parent + d.computeFlop(),
						String.format("cumulative %.3g = %s's %.3g + modification %.3g", parent + d.computeFlop(),
								d.parentId(), parent, d.computeFlop()));
			}
			else {
				result = new Compute(null, null);
			}
			this.computed.put(id, result);
			return result;
		}

	}

}
