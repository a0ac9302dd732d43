package dev.pedigree.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

import dev.pedigree.common.NotFoundException;
import dev.pedigree.lineage.CapabilityEffect;
import dev.pedigree.lineage.Derivation;
import dev.pedigree.lineage.LineageQueries;
import dev.pedigree.lineage.ModelView;
import dev.pedigree.lineage.OrganizationView;
import dev.pedigree.lineage.PointInTime;
import dev.pedigree.lineage.Relation;
import dev.pedigree.lineage.SafetyEffect;
import dev.pedigree.regulation.Compute;
import dev.pedigree.regulation.PartyFacts;
import dev.pedigree.regulation.Quantities;
import dev.pedigree.regulation.RegulatoryRole;
import dev.pedigree.regulation.RuleEvaluation;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;

/**
 * Walks a model's ancestry in one read, works out for every model on the way its
 * cumulative compute, the compute of the step that made it and the share its own
 * developer spent, then classifies every organisation under every rule set and flags the
 * modifications no duty covers.
 */
@Service
public class LiabilityTracing {

	/** Roles that carry a duty for the model's own weights. */
	private static final Set<String> DUTY_BEARING = Set.of("GPAI_PROVIDER", "GPAI_PROVIDER_SYSTEMIC_RISK",
			"MODIFIER_PROVIDER", "MODIFIER_PROVIDER_SYSTEMIC_RISK", "FRONTIER_DEVELOPER", "LARGE_FRONTIER_DEVELOPER");

	private final Graph graph;

	private final CypherQueries cypher;

	private final RuleEvaluation rules;

	private final LineageQueries lineage;

	LiabilityTracing(Graph graph, CypherQueries cypher, RuleEvaluation rules, LineageQueries lineage) {
		this.graph = graph;
		this.cypher = cypher;
		this.rules = rules;
		this.lineage = lineage;
	}

	public LiabilityTrace trace(String modelId, LocalDate asOf) {
		return trace(modelId, asOf, PointInTime.NOW);
	}

	/**
	 * The trace with the rules in force on {@code asOf}, over the graph as it stood at
	 * {@code graph}: ancestors released later, and findings dated later, are invisible. A
	 * model released after that date did not exist then: NOT_FOUND.
	 */
	public LiabilityTrace trace(String modelId, LocalDate asOf, PointInTime graph) {
		Ancestry ancestry = ancestry(modelId, graph);
		ModelView traced = ancestry.entries().get(0).model();
		graph.requireExists(traced);
		List<ResponsibleParty> parties = new ArrayList<>();
		List<UnattributedModel> unattributed = new ArrayList<>();
		Map<String, List<RegulatoryRole>> rolesByModel = new HashMap<>();
		for (Entry e : ancestry.entries()) {
			if (e.organization() == null) {
				unattributed.add(new UnattributedModel(e.model(), e.via(), e.depth(),
						this.rules.withoutDeveloper(e.model().id(), asOf, null)));
				continue;
			}
			List<RegulatoryRole> roles = this.rules.evaluate(ancestry.facts(e.model().id()), asOf, null);
			rolesByModel.put(e.model().id(), roles);
			parties.add(new ResponsibleParty(e.organization(), e.model(), e.via(), e.depth(), e.parents(), roles));
		}
		// Read with the ancestry; nearest first, then the latest (undated first), then by
		// id.
		List<InheritedFinding> findings = new ArrayList<>();
		for (Entry e : ancestry.entries()) {
			e.findings()
				.forEach(f -> findings.add(new InheritedFinding(f, e.model(), e.depth(), e.path(), e.depth() > 0)));
		}
		findings.sort(java.util.Comparator.comparingInt(InheritedFinding::depth)
			.thenComparing(f -> f.finding().date(),
					java.util.Comparator.nullsFirst(java.util.Comparator.<String>reverseOrder()))
			.thenComparing(f -> f.finding().id()));
		// A derivation the date leaves out changes the verdict: the child is judged as an
		// original, not as a modification (guidelines para 63); say so rather than hide
		// it.
		List<String> leftOut = new ArrayList<>();
		for (Entry e : ancestry.entries()) {
			for (String[] parent : e.leftOut()) {
				leftOut.add("the derivation of " + e.model().id() + " from " + parent[0] + " is left out: "
						+ (parent[1] == null ? parent[0] + " has no recorded release date and includeUndated is false"
								: parent[0] + "'s recorded release date " + parent[1] + " is after asOf "
										+ graph.asOf())
						+ "; " + e.model().id() + " is judged without it (as a modification of " + parent[0]
						+ " it would be judged under guidelines para 63)");
			}
		}
		return new LiabilityTrace(traced, parties, unattributed, findings, gaps(ancestry, rolesByModel),
				asOf.toString(), graph, leftOut, ancestry.entries().stream().map(Entry::model).toList());
	}

	/**
	 * The roles of a model's own developer; UNDETERMINED, saying what would decide them,
	 * when none is recorded.
	 */
	public List<RegulatoryRole> obligations(String modelId, LocalDate asOf, String jurisdiction) {
		if (jurisdiction != null && !this.rules.jurisdictions().contains(jurisdiction)) {
			// A typo would otherwise read as "no duties".
			throw new dev.pedigree.common.InvalidInputException("jurisdiction",
					"No rule set is loaded for jurisdiction '"
							+ (jurisdiction.length() > 40 ? jurisdiction.substring(0, 40) + "…" : jurisdiction)
							+ "'; loaded: " + String.join(", ", this.rules.jurisdictions()));
		}
		Ancestry ancestry = ancestry(modelId);
		if (ancestry.entries().get(0).organization() == null) {
			return this.rules.withoutDeveloper(modelId, asOf, jurisdiction);
		}
		return this.rules.evaluate(ancestry.facts(modelId), asOf, jurisdiction);
	}

	/**
	 * Safety-removing, safety-degrading or capability-raising derivations in the chain
	 * whose modified weights no party holds a duty for. A systemic-risk original's
	 * provider is taken to cover changes below the threshold in its own Art. 55
	 * assessment (guidelines para 65).
	 */
	private static List<AccountabilityGap> gaps(Ancestry ancestry, Map<String, List<RegulatoryRole>> rolesByModel) {
		List<AccountabilityGap> gaps = new ArrayList<>();
		for (Entry e : ancestry.entries()) {
			for (Derivation d : e.parents()) {
				boolean risky = d.safetyEffect() == SafetyEffect.REMOVED || d.safetyEffect() == SafetyEffect.DEGRADED
						|| d.capabilityEffect() == CapabilityEffect.INCREASED;
				if (!risky) {
					continue;
				}
				String effect = d.safetyEffect() == SafetyEffect.REMOVED ? "removed safety"
						: d.safetyEffect() == SafetyEffect.DEGRADED ? "degraded safety" : "increased capability";
				List<RegulatoryRole> roles = rolesByModel.getOrDefault(e.model().id(), List.of());
				List<RegulatoryRole> holding = roles.stream().filter(r -> DUTY_BEARING.contains(r.role())).toList();
				if (!holding.isEmpty()) {
					continue;
				}
				List<RegulatoryRole> parentRoles = rolesByModel.getOrDefault(d.parentId(), List.of());
				boolean foreseen = parentRoles.stream()
					.anyMatch(r -> r.role().equals("GPAI_PROVIDER_SYSTEMIC_RISK")
							|| r.role().equals("MODIFIER_PROVIDER_SYSTEMIC_RISK"))
						&& roles.stream().anyMatch(r -> r.role().equals("DOWNSTREAM_MODIFIER"));
				if (foreseen) {
					gaps.add(new AccountabilityGap(d, e.model(), "FORESEEN", e.model().downloads(), e.model().id()
							+ " ← " + d.parentId() + " (" + d.relation() + ") " + effect
							+ " below the threshold of a systemic-risk "
							+ "original: by implication of guidelines para 65 (a contrario) a change its provider is expected "
							+ "to foresee in its Art. 55 assessment; no duty attaches to the variant's weights themselves"));
					continue;
				}
				List<String> undetermined = roles.stream()
					.filter(RegulatoryRole::undetermined)
					.map(RegulatoryRole::jurisdiction)
					.toList();
				String who = e.organization() == null ? "the developer of " + e.model().id() + " is not known"
						: e.organization().name() + " holds " + (roles.isEmpty() ? "no role" : String.join(", ",
								roles.stream().map(r -> r.role() + " (" + r.jurisdiction() + ")").toList()));
				String status = e.organization() == null || !undetermined.isEmpty() ? "POSSIBLE" : "GAP";
				String reason = e.model().id() + " ← " + d.parentId() + " (" + d.relation() + ") " + effect
						+ (d.safetySource() == null ? "" : " (signal: " + d.safetySource() + ")") + "; " + who
						+ (status.equals("GAP")
								? ": no party holds a duty for the modified weights under any loaded rule set, and the "
										+ "original's provider is not the provider of this variant"
								: ": whether anyone holds a duty for the modified weights is undetermined"
										+ (undetermined.isEmpty() ? "" : " in " + String.join(", ", undetermined)));
				gaps.add(new AccountabilityGap(d, e.model(), status, e.model().downloads(), reason));
			}
		}
		return gaps;
	}

	private Ancestry ancestry(String modelId) {
		return ancestry(modelId, PointInTime.NOW);
	}

	private Ancestry ancestry(String modelId, PointInTime graph) {
		Map<String, Object> params = new HashMap<>(graph.parameters());
		params.put("id", modelId);
		List<Entry> entries = this.graph.read(this.cypher.get("risk/ancestry"), params, LiabilityTracing::entry);
		if (entries.isEmpty()) {
			String canonical = this.lineage.resolveModelId(modelId);
			if (canonical != null && !canonical.equals(modelId)) {
				return ancestry(canonical, graph);
			}
		}
		if (entries.isEmpty()) {
			throw new NotFoundException("modelId", "No model with id '" + modelId + "'");
		}
		Map<String, Entry> byId = new HashMap<>();
		entries.forEach(e -> byId.put(e.model().id(), e));
		return new Ancestry(entries, byId, new HashMap<>(), new HashMap<>());
	}

	private static Entry entry(Record r) {
		Node node = r.get("model").asNode();
		ModelView model = ModelView.from(node);
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
		// Training parents first, so a party's madeBy is the step that made its weights.
		parents.sort((a, b) -> Boolean.compare(a.relation() == Relation.DISTILLATION,
				b.relation() == Relation.DISTILLATION));
		PartyFacts.Licence licence = null;
		if (!r.get("licence").isNull()) {
			Node l = r.get("licence").asNode();
			licence = new PartyFacts.Licence(l.get("id").asString(), text(l.get("name")),
					text(l.get("openSourceExemption")), text(l.get("exemptionNote")), text(l.get("sourceUrl")));
		}
		else if (model.license() != null) {
			licence = new PartyFacts.Licence(model.license(), model.license(), null, null, null);
		}
		List<PartyFacts.Revenue> revenues = r.get("revenues")
			.asList(v -> new PartyFacts.Revenue(v.get("fiscalYear").asInt(), v.get("periodEnd").asString(),
					v.get("amountUsd").asDouble(), text(v.get("source"))));
		Compute reported = Compute.reported(model, text(node.get("computeConfidence")), text(node.get("epochUrl")));
		List<Finding> findings = new ArrayList<>();
		for (var f : r.get("findings").asList(v -> v)) {
			if (!f.isNull()) {
				findings.add(Finding.from(f.get("finding").asNode(), f.get("kind").asString()));
			}
		}
		return new Entry(model, r.get("depth").asInt(), via, organization, parents, licence, revenues, reported,
				text(node.get("systemicRiskDesignation")), findings, r.get("path").asList(Value::asString),
				r.get("leftOut").asList(v -> new String[] { v.get("id").asString(), text(v.get("date")) }));
	}

	private static String text(Value value) {
		return value == null || value.isNull() ? null : value.asString();
	}

	private record Entry(ModelView model, int depth, Derivation via, OrganizationView organization,
			List<Derivation> parents, PartyFacts.Licence licence, List<PartyFacts.Revenue> revenues, Compute reported,
			String systemicRiskDesignation, List<Finding> findings, List<String> path, List<String[]> leftOut) {

		List<Derivation> training() {
			return this.parents.stream().filter(d -> d.relation() != Relation.DISTILLATION).toList();
		}

	}

	private record Ancestry(List<Entry> entries, Map<String, Entry> byId, Map<String, Compute> cumulative,
			Map<String, Compute> own) {

		PartyFacts facts(String id) {
			Entry e = this.byId.get(id);
			List<PartyFacts.ParentFacts> parents = new ArrayList<>();
			for (Derivation d : e.parents()) {
				Entry parent = this.byId.get(d.parentId());
				if (parent == null) {
					continue; // beyond the traversal's depth bound
				}
				parents.add(new PartyFacts.ParentFacts(parent.model(), parent.organization(), cumulative(d.parentId()),
						parent.systemicRiskDesignation(), d, sameDeveloper(e, parent), modification(e, d)));
			}
			String origin = lifecycleOrigin(e, new HashSet<>());
			return new PartyFacts(e.model(), e.organization(), cumulative(id), own(id), e.licence(), e.revenues(),
					this.byId.get(origin).model(), e.systemicRiskDesignation(), parents);
		}

		private static boolean sameDeveloper(Entry child, Entry parent) {
			return parent.organization() != null && child.organization() != null
					&& parent.organization().id().equals(child.organization().id());
		}

		/**
		 * The earliest model of the same provider this one descends from (itself if
		 * none).
		 */
		private String lifecycleOrigin(Entry e, Set<String> seen) {
			if (!seen.add(e.model().id())) {
				return e.model().id();
			}
			for (Derivation d : e.training()) {
				Entry parent = this.byId.get(d.parentId());
				if (parent != null && sameDeveloper(e, parent)) {
					return lifecycleOrigin(parent, seen);
				}
			}
			return e.model().id();
		}

		Compute modification(Entry child, Derivation d) {
			return Compute.modification(child.model(), cumulative(child.model().id()), d, cumulative(d.parentId()),
					child.training().size());
		}

		/**
		 * Cumulative compute: the model's reported figure; else its training parent's
		 * plus the step's own compute, where both are known; for a merge, the compute of
		 * every training ancestor counted once ({@link #merged}). A distillation
		 * teacher's compute never counts (para 122).
		 */
		Compute cumulative(String id) {
			Compute known = this.cumulative.get(id);
			if (known != null) {
				return known;
			}
			this.cumulative.put(id, Compute.UNKNOWN); // guards against a cycle in corrupt
														// data
			Entry e = this.byId.get(id);
			Compute result = e == null ? Compute.UNKNOWN : e.reported();
			if (e != null && !result.known() && e.training().size() > 1) {
				result = merged(e);
			}
			else if (e != null && !result.known() && e.training().size() == 1) {
				Derivation d = e.training().get(0);
				Compute parent = cumulative(d.parentId());
				Compute step = Compute.modification(e.model(), Compute.UNKNOWN, d, parent, 1);
				if (parent.known() && step.known()) {
					double sum = parent.flop() + step.flop();
					result = new Compute(sum, parent.estimated() || step.estimated(), true, false,
							String.format("derived: cumulative %s = %s's %s + %s", Quantities.power(sum), d.parentId(),
									Quantities.power(parent.flop()), step.noTraining() ? "no training"
											: String.format("the step's %s", Quantities.power(step.flop()))));
				}
			}
			this.cumulative.put(id, result);
			return result;
		}

		/**
		 * A merge's cumulative compute: "the training compute used to train the combined
		 * model weights" (guidelines Annex A.1, para 121), each model's part once, so two
		 * fine-tunes of one base count its compute once. Each training ancestor adds its
		 * own part: a foundation its figure, a fine-tune without a figure its step, a
		 * model with a reported figure that figure less what it was made from (itself
		 * counted once); a merge adds nothing. Where a part is not known that way
		 * ({@link #mergedByCovers}), a reported figure stands for its model and all it
		 * was made from.
		 */
		private Compute merged(Entry merge) {
			Set<String> closure = ancestors(merge);
			Map<String, Compute> known = new HashMap<>();
			double sum = 0;
			boolean estimated = false;
			List<String> parts = new ArrayList<>();
			for (String id : closure) {
				Entry a = this.byId.get(id);
				if (a == null) {
					return mergedByCovers(merge); // beyond the traversal's depth bound
				}
				Compute part = ownPart(a, known);
				if (!part.known()) {
					return mergedByCovers(merge);
				}
				if (part.flop() > 0) {
					parts.add(a.training().isEmpty() ? String.format("%s's %s", id, Quantities.power(part.flop()))
							: a.reported().known()
									? String.format("%s's own %s (its reported %s less what it was made from)", id,
											Quantities.power(part.flop()), Quantities.power(a.reported().flop()))
									: String.format("the step to %s's %s", id, Quantities.power(part.flop())));
				}
				sum += part.flop();
				estimated |= part.estimated();
			}
			return mergedCompute(merge, sum, estimated, parts);
		}

		/**
		 * What one model adds to the compute of everything made from it (unknown when not
		 * known), each model's part kept in {@code known} once worked out.
		 */
		private Compute ownPart(Entry a, Map<String, Compute> known) {
			Compute kept = known.get(a.model().id());
			if (kept != null) {
				return kept;
			}
			known.put(a.model().id(), Compute.UNKNOWN); // guards against a cycle in
														// corrupt data
			Compute part = Compute.UNKNOWN;
			if (a.training().isEmpty()) {
				part = a.reported();
			}
			else if (a.reported().known()) {
				double below = 0;
				boolean estimated = a.reported().estimated();
				for (String id : ancestors(a)) {
					Entry b = this.byId.get(id);
					Compute their = b == null ? Compute.UNKNOWN : ownPart(b, known);
					if (!their.known()) {
						below = Double.NaN;
						break;
					}
					below += their.flop();
					estimated |= their.estimated();
				}
				double own = a.reported().flop() - below;
				// A reported figure below its ancestors' is not a cumulative figure.
				part = Double.isNaN(own) || own < 0 ? Compute.UNKNOWN
						: new Compute(own, estimated, true, false, "reported less its ancestors'");
			}
			else if (a.training().size() > 1) {
				part = declaredStep(a);
			}
			else {
				part = Compute.modification(a.model(), Compute.UNKNOWN, a.training().get(0), Compute.UNKNOWN, 1);
			}
			known.put(a.model().id(), part);
			return part;
		}

		/**
		 * A merge's cumulative compute where not every part is known: walking up from the
		 * merged models, a reported figure stands for its model and all it was made from
		 * (the walk stops there); a model without one adds its step (a merge none). A
		 * reported model that another one reached descends from is counted in that one's
		 * figure; a step below a reported model is in its figure. Two reported figures
		 * that share an ancestor cannot be taken apart: unknown, as is any part unknown.
		 */
		private Compute mergedByCovers(Entry merge) {
			Map<String, Entry> reached = new java.util.LinkedHashMap<>();
			java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>();
			merge.training().forEach(d -> todo.add(d.parentId()));
			while (!todo.isEmpty()) {
				String id = todo.pop();
				if (reached.containsKey(id) || id.equals(merge.model().id())) {
					continue;
				}
				Entry a = this.byId.get(id);
				if (a == null) {
					return Compute.UNKNOWN; // beyond the traversal's depth bound
				}
				reached.put(id, a);
				if (!a.reported().known()) {
					a.training().forEach(d -> todo.add(d.parentId()));
				}
			}
			// What each reported figure includes: its model's training ancestors.
			Map<String, Set<String>> included = new HashMap<>();
			for (Entry a : reached.values()) {
				if (a.reported().known()) {
					included.put(a.model().id(), ancestors(a));
				}
			}
			Set<String> covered = new HashSet<>();
			included.values().forEach(covered::addAll);
			double sum = 0;
			boolean estimated = false;
			List<String> parts = new ArrayList<>();
			Set<String> counted = new HashSet<>();
			for (Entry a : reached.values()) {
				String id = a.model().id();
				if (covered.contains(id)) {
					continue;
				}
				Compute part;
				if (a.reported().known()) {
					for (String other : counted) {
						if (included.containsKey(other)
								&& !java.util.Collections.disjoint(included.get(other), included.get(id))) {
							return Compute.UNKNOWN;
						}
					}
					part = a.reported();
					parts.add(String.format("%s's %s", id, Quantities.power(part.flop())));
				}
				else if (a.training().isEmpty()) {
					return Compute.UNKNOWN;
				}
				else if (a.training().size() > 1) {
					part = declaredStep(a); // its parts are reached
					if (part.flop() > 0) {
						parts.add(
								String.format("the merge step to %s's declared %s", id, Quantities.power(part.flop())));
					}
				}
				else {
					part = Compute.modification(a.model(), Compute.UNKNOWN, a.training().get(0), Compute.UNKNOWN, 1);
					if (!part.known()) {
						return Compute.UNKNOWN;
					}
					if (!part.noTraining()) {
						parts.add(String.format("the step to %s's %s", id, Quantities.power(part.flop())));
					}
				}
				counted.add(id);
				sum += part.flop();
				estimated |= part.estimated();
			}
			return mergedCompute(merge, sum, estimated, parts);
		}

		/**
		 * A merge's cumulative compute: what the parts it combines add up to, and the
		 * compute its own step declares.
		 */
		private static Compute mergedCompute(Entry merge, double parts, boolean estimated, List<String> named) {
			Compute step = declaredStep(merge);
			double sum = parts + step.flop();
			List<String> all = new ArrayList<>(named);
			if (step.flop() > 0) {
				all.add(String.format("the merge step's declared %s", Quantities.power(step.flop())));
			}
			return new Compute(sum, estimated || step.flop() > 0 && step.estimated(), true, false,
					String.format(
							"derived: cumulative %s = %s, each model counted once (the compute used to train "
									+ "the merged weights counts, guidelines Annex A.1, para 121%s)",
							Quantities.power(sum), String.join(" + ", all),
							step.flop() > 0 ? "; the training after combining them is compute 'directly contributing "
									+ "to parameter updates', para 119" : ""));
		}

		/** The training ancestors of a model the trace reached, each once. */
		private Set<String> ancestors(Entry e) {
			Set<String> seen = new HashSet<>();
			java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>();
			e.training().forEach(d -> todo.add(d.parentId()));
			while (!todo.isEmpty()) {
				String id = todo.pop();
				Entry a = this.byId.get(id);
				if (seen.add(id) && a != null) {
					a.training().forEach(d -> todo.add(d.parentId()));
				}
			}
			return seen;
		}

		/**
		 * The compute the model's own developer spent along its own chain (SB 53
		 * §22757.11(i)(2)): for a chain that starts with the developer's own foundation,
		 * the cumulative compute; else the developer's steps, each step's compute plus
		 * its same-developer parents' share.
		 */
		Compute own(String id) {
			Compute known = this.own.get(id);
			if (known != null) {
				return known;
			}
			this.own.put(id, Compute.UNKNOWN);
			Entry e = this.byId.get(id);
			Compute result;
			if (e.training().isEmpty() || ownChainIsOwnFoundation(e)) {
				result = cumulative(id);
			}
			else if (e.training().stream().filter(d -> sameDeveloperParent(e, d)).count() > 1) {
				result = ownAcrossMerge(e);
			}
			else {
				double sum = 0;
				boolean estimated = false;
				List<String> parts = new ArrayList<>();
				for (Derivation d : e.training()) {
					Entry parent = this.byId.get(d.parentId());
					Compute step = modification(e, d);
					if (parent == null || !step.known()) {
						sum = Double.NaN;
						break;
					}
					if (e.training().size() == 1 || parts.isEmpty()) {
						sum += step.flop();
						estimated |= step.estimated();
						parts.add(step.noTraining() ? "no training in the step to " + e.model().id() : String
							.format("%s for the step to %s", Quantities.power(step.flop()), e.model().id()));
					}
					if (sameDeveloper(e, parent)) {
						Compute before = own(d.parentId());
						if (!before.known()) {
							sum = Double.NaN;
							break;
						}
						sum += before.flop();
						estimated |= before.estimated();
						parts.add(String.format("%s of its own for %s", Quantities.power(before.flop()), d.parentId()));
					}
				}
				result = Double.isNaN(sum) ? Compute.UNKNOWN
						: new Compute(sum, estimated, parts.size() > 1, sum == 0,
								"the developer's own compute: " + String.join(" + ", parts)
										+ "; other developers' models it builds on are not counted");
			}
			this.own.put(id, result);
			return result;
		}

		private boolean sameDeveloperParent(Entry e, Derivation d) {
			Entry parent = this.byId.get(d.parentId());
			return parent != null && sameDeveloper(e, parent);
		}

		/**
		 * A developer's merge of several of its own models: each of its own steps once,
		 * however many of the merged models were made from it (summed per merged model, a
		 * shared own ancestor's step counted once per path). Walking up the developer's
		 * own chain, a model whose chain is entirely its own stands for itself and all it
		 * was made from (its cumulative figure), and what one such figure includes is not
		 * counted again.
		 */
		private Compute ownAcrossMerge(Entry merge) {
			Map<String, Entry> steps = new java.util.LinkedHashMap<>();
			Map<String, Entry> covers = new java.util.LinkedHashMap<>();
			java.util.ArrayDeque<Entry> todo = new java.util.ArrayDeque<>(List.of(merge));
			while (!todo.isEmpty()) {
				Entry m = todo.pop();
				String id = m.model().id();
				if (steps.containsKey(id) || covers.containsKey(id)) {
					continue;
				}
				if (m != merge && (m.training().isEmpty() || ownChainIsOwnFoundation(m))) {
					covers.put(id, m);
					continue;
				}
				steps.put(id, m);
				for (Derivation d : m.training()) {
					Entry parent = this.byId.get(d.parentId());
					if (parent == null) {
						return Compute.UNKNOWN; // beyond the traversal's depth bound
					}
					if (sameDeveloper(m, parent)) {
						todo.add(parent);
					}
				}
			}
			Set<String> included = new HashSet<>();
			covers.values().forEach(c -> included.addAll(ancestors(c)));
			double sum = 0;
			boolean estimated = false;
			List<String> parts = new ArrayList<>();
			List<Entry> counted = covers.values().stream().filter(c -> !included.contains(c.model().id())).toList();
			// Two own chains that share a model (an own base under both): each model's
			// own
			// part once, as a merge's cumulative figure counts them; else each chain's
			// figure.
			Set<String> seen = new HashSet<>();
			boolean shared = false;
			for (Entry c : counted) {
				Set<String> chain = new HashSet<>(ancestors(c));
				chain.add(c.model().id());
				for (String id : chain) {
					shared |= !seen.add(id);
				}
			}
			if (shared) {
				Map<String, Compute> known = new HashMap<>();
				for (String id : seen) {
					Entry a = this.byId.get(id);
					Compute part = a == null ? Compute.UNKNOWN : ownPart(a, known);
					if (!part.known()) {
						return Compute.UNKNOWN;
					}
					sum += part.flop();
					estimated |= part.estimated();
				}
				parts.add(String.format("%s of its own for %s, each of their models once", Quantities.power(sum),
						String.join(", ", counted.stream().map(c -> c.model().id()).toList())));
			}
			else {
				for (Entry c : counted) {
					Compute figure = cumulative(c.model().id());
					if (!figure.known()) {
						return Compute.UNKNOWN;
					}
					sum += figure.flop();
					estimated |= figure.estimated();
					parts.add(String.format("%s of its own for %s", Quantities.power(figure.flop()), c.model().id()));
				}
			}
			for (Entry m : steps.values()) {
				if (included.contains(m.model().id())) {
					continue;
				}
				// A merge's step is one step, however many models it combines.
				Compute step = m.training().size() > 1 ? declaredStep(m) : modification(m, m.training().get(0));
				if (!step.known()) {
					return Compute.UNKNOWN;
				}
				sum += step.flop();
				estimated |= step.estimated();
				parts.add(step.noTraining() ? "no training in the step to " + m.model().id()
						: String.format("%s for the step to %s", Quantities.power(step.flop()), m.model().id()));
			}
			return new Compute(sum, estimated, parts.size() > 1, sum == 0,
					"the developer's own compute: " + String.join(" + ", parts)
							+ ", each of its steps once; other developers' models it builds on " + "are not counted");
		}

		/**
		 * Whether every training ancestor along the same developer's chain is its own. A
		 * model reached twice (two own fine-tunes of one own base, merged) is its own
		 * both times; only a model on its own path (a cycle in corrupt data) is not.
		 */
		private boolean ownChainIsOwnFoundation(Entry e) {
			return ownChainIsOwnFoundation(e, new HashSet<>(), new HashMap<>());
		}

		private boolean ownChainIsOwnFoundation(Entry e, Set<String> onPath, Map<String, Boolean> decided) {
			String id = e.model().id();
			Boolean known = decided.get(id);
			if (known != null) {
				return known;
			}
			if (!onPath.add(id)) {
				return false;
			}
			boolean own = true;
			for (Derivation d : e.training()) {
				Entry parent = this.byId.get(d.parentId());
				if (parent == null || !sameDeveloper(e, parent) || !ownChainIsOwnFoundation(parent, onPath, decided)) {
					own = false;
					break;
				}
			}
			onPath.remove(id);
			decided.put(id, own);
			return own;
		}

		/**
		 * The compute a merge's own step declares (its sources may give one: training
		 * after combining the weights); else none, as a merge combines existing weights.
		 */
		private static Compute declaredStep(Entry merge) {
			for (Derivation d : merge.training()) {
				if (d.computeFlop() != null) {
					return Compute.modification(merge.model(), Compute.UNKNOWN, d, Compute.UNKNOWN,
							merge.training().size());
				}
			}
			return new Compute(0.0, false, false, true, "a merge trains nothing");
		}

	}

}
