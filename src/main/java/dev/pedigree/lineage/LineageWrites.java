package dev.pedigree.lineage;

import dev.pedigree.common.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

import org.neo4j.driver.TransactionContext;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.stereotype.Service;

/**
 * The one writer of {@code Model}, {@code Organization} and {@code DERIVED_FROM} between
 * models. Curated writes ({@link #registerModel}, {@link #recordDerivation}) are
 * validated completely and run in one transaction, so a rejected write changes nothing;
 * batches of {@link ModelFacts}, {@link DerivationFacts} and {@link OrganizationFacts}
 * (imports, the seed) are written by {@link BulkWrites}. The rules about these facts live
 * here and nowhere else: ids ({@link Slugs}), the organisation directory, the search key
 * ({@code cypher/queries/lineage/search-text.cypher}, the one expression every model
 * write includes), placeholders, and the no-cycle rule ({@link CycleGuard} over an
 * import's own edges, {@code cycles-closed.cypher} against the stored graph).
 */
@Service
public class LineageWrites {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LineageWrites.class);

	/** Confidence of a curated fact; heuristics and imports stay below it. */
	public static final double CURATED_CONFIDENCE = 1.0;

	/**
	 * The lineage lock's holder of a curated write: none, which an import running
	 * meanwhile tells from its own batches (lock-lineage.cypher).
	 */
	static final Map<String, Object> NOT_AN_IMPORT = java.util.Collections.singletonMap("holder", null);

	/** Whether a curated model's developer is stored. */
	static final String ORGANIZATION_EXISTS = "MATCH (o:Organization {id: $id}) RETURN o";

	private final Graph graph;

	private final CypherQueries cypher;

	private final ChangeLog changes;

	private final BulkWrites bulk;

	private final PlaceholderResolution placeholders;

	private final SafetyChecks safetyChecks;

	private final SizeChecks sizeChecks;

	LineageWrites(Graph graph, CypherQueries cypher, ChangeLog changes, BulkWrites bulk,
			PlaceholderResolution placeholders, SafetyChecks safetyChecks, SizeChecks sizeChecks) {
		this.graph = graph;
		this.cypher = cypher;
		this.changes = changes;
		this.bulk = bulk;
		this.placeholders = placeholders;
		this.safetyChecks = safetyChecks;
		this.sizeChecks = sizeChecks;
	}

	/** What to do with a derivation that names a model nobody described. */
	public enum UnknownModels {

		/** Create the model as a placeholder (listed) that a later import fills in. */
		PLACEHOLDER,
		/** Leave the derivation out (a backup is self-contained). */
		REJECT

	}

	/** Organisations, upserted: a write only adds aliases, sources and missing facts. */
	public WriteCounts organizations(List<OrganizationFacts> organizations) {
		return this.bulk.organizations(organizations);
	}

	/** Models, upserted; new ones are created in bulk. */
	public WriteCounts models(List<ModelFacts> models, LongConsumer progress) {
		return this.bulk.models(models, null, progress);
	}

	/**
	 * One import's models and derivations written chunk by chunk, with the same outcome
	 * as writing all of them at once.
	 */
	public ImportWrites importWrites() {
		return new ImportWrites();
	}

	/**
	 * The lineage writes of one import, in chunks. Kept from one chunk to the next, and
	 * nothing else: the import's own edges ({@link CycleGuard}, which also tells a
	 * repeated record), the models it found stored or wrote, and what the store held when
	 * it began.
	 */
	public final class ImportWrites {

		private final CycleGuard guard = new CycleGuard();

		/**
		 * The models (by {@link CycleGuard#numberOf}) an earlier chunk's derivations
		 * found stored or created: not looked up again.
		 */
		private final java.util.BitSet stored = new java.util.BitSet();

		/**
		 * Whether the store held models when the import began; without any, a model the
		 * import has not written ({@link #written}) does not exist, and the first load of
		 * a store looks nothing up.
		 */
		private final boolean modelsBefore = LineageWrites.this.bulk.modelCount() > 0;

		private final IdHashes written = new IdHashes();

		/**
		 * The models (by number) this import created as placeholders: no facts of their
		 * own.
		 */
		private final java.util.BitSet created = new java.util.BitSet();

		/**
		 * Both ends, and the children, of every derivation this import wrote (or tried
		 * to).
		 */
		private final java.util.BitSet ends = new java.util.BitSet();

		private final java.util.BitSet children = new java.util.BitSet();

		/** Read when the first derivation is written. */
		private BulkWrites.DerivationRun run;

		private ImportWrites() {
		}

		/** The next chunk's models, upserted; new ones are created in bulk. */
		public WriteCounts models(List<ModelFacts> models, LongConsumer progress) {
			return LineageWrites.this.bulk.models(models, existing(models.stream().map(ModelFacts::id).toList()),
					progress);
		}

		/**
		 * The next chunk's placeholders a source names with what little it knows (a name,
		 * an alias): created or filled in like any model, not counted as records of the
		 * import.
		 */
		public void placeholders(List<ModelFacts> placeholders, LongConsumer progress) {
			models(placeholders, progress);
		}

		/**
		 * The stored ones among ids the chunk writes (null: look them all up), and the
		 * ids are taken as written.
		 */
		private Set<String> existing(java.util.Collection<String> ids) {
			if (this.modelsBefore) {
				return null;
			}
			var existing = LineageWrites.this.bulk
				.existingModelIds(ids.stream().filter(this.written::mayContain).toList());
			ids.forEach(this.written::add);
			return existing;
		}

		/**
		 * The next chunk's derivations, in input order: an edge that would close a cycle
		 * (with the input's earlier edges or with stored derivations) is skipped and
		 * listed, never written; a claim a curator retracted is left out and listed (the
		 * retraction wins until a curator records the derivation again).
		 */
		public DerivationOutcome derivations(List<DerivationFacts> derivations, UnknownModels unknown,
				LongConsumer progress) {
			if (derivations.isEmpty()) {
				return new DerivationOutcome(WriteCounts.NONE, List.of(), List.of(), List.of(), List.of(), List.of());
			}
			var bulk = LineageWrites.this.bulk;
			if (this.run == null) {
				this.run = bulk.derivationRun();
			}
			List<String> cycles = new ArrayList<>();
			List<DerivationFacts> firsts = new ArrayList<>();
			List<DerivationFacts> repeats = new ArrayList<>();
			List<DerivationFacts> accepted = new ArrayList<>();
			Set<String> endpoints = new LinkedHashSet<>();
			// A retracted claim is not part of the input's lineage either: left out
			// before the input's own cycle check.
			long start = System.nanoTime();
			var retractions = bulk.retracted(derivations);
			List<DerivationOutcome.Retracted> retracted = new ArrayList<>();
			for (DerivationFacts d : derivations) {
				var retraction = retractions.get(BulkWrites.key(d.child(), d.parent()));
				if (retraction != null) {
					retracted.add(new DerivationOutcome.Retracted(d, retraction.retractedAt(), retraction.reason()));
					continue;
				}
				if (this.guard.contains(d.child(), d.parent())) {
					repeats.add(d);
				}
				else {
					var cycle = this.guard.accept(d.child(), d.parent());
					if (cycle != null) {
						cycles.add((d.origin() == null ? "" : d.origin() + ": ") + String.join(" -> ", cycle));
						continue;
					}
					firsts.add(d);
				}
				accepted.add(d);
				endpoints.add(d.child());
				endpoints.add(d.parent());
				this.children.set(this.guard.numberOf(d.child()));
				this.ends.set(this.guard.numberOf(d.child()));
				this.ends.set(this.guard.numberOf(d.parent()));
			}
			long checked = System.nanoTime();
			List<String> placeholders = new ArrayList<>();
			List<DerivationFacts> missing = new ArrayList<>();
			if (unknown == UnknownModels.PLACEHOLDER) {
				List<String> unsure = endpoints.stream()
					.filter(id -> !this.stored.get(this.guard.numberOf(id)))
					.toList();
				var known = existing(unsure);
				if (known == null) {
					known = bulk.existingModelIds(unsure);
				}
				List<ModelFacts> rows = new ArrayList<>();
				for (String id : unsure) {
					if (!known.contains(id)) {
						rows.add(ModelFacts.placeholder(id));
						placeholders.add(id);
						this.created.set(this.guard.numberOf(id));
					}
				}
				// Created silently: the report lists them as placeholders rather than
				// counting them as created records.
				bulk.models(rows, Set.of(), progress);
				endpoints.forEach(id -> this.stored.set(this.guard.numberOf(id)));
			}
			else {
				var known = bulk.existingModelIds(endpoints);
				java.util.function.Predicate<DerivationFacts> unknownEnd = d -> !known.contains(d.child())
						|| !known.contains(d.parent());
				accepted.stream().filter(unknownEnd).forEach(missing::add);
				firsts.removeIf(unknownEnd);
				repeats.removeIf(unknownEnd);
			}
			long ends = System.nanoTime();
			List<DerivationFacts> vanished = new ArrayList<>();
			var counts = bulk.derivations(this.run, firsts, repeats, cycles, vanished, progress);
			log.debug("derivations: own cycle check {} ms, endpoints {} ms, edges {} ms", (checked - start) / 1_000_000,
					(ends - checked) / 1_000_000, (System.nanoTime() - ends) / 1_000_000);
			// Only what the committed run of each batch did: a batch the driver ran again
			// (a deadlock, a failed commit) reports nothing of the run rolled back.
			return new DerivationOutcome(counts, List.copyOf(cycles), placeholders, missing, retracted,
					List.copyOf(vanished));
		}

		/**
		 * {@link LineageWrites#settle} for an import that described no model, only
		 * derivations and the placeholders they name (an edge list): the same outcome,
		 * looking only where it could have changed. Safety signals rest on a child's own
		 * facts (name, tags, training sets) and its id, so among this import's
		 * derivations only those whose child was stored before, or whose child's id has a
		 * candidate word, can gain one; a placeholder it created has no size, so only
		 * derivations touching a model stored before can gain or lose a size warning; and
		 * no size is estimated, since no described model was written (every import
		 * settles its own). Into an empty store this asks about the few children whose
		 * ids have a candidate word instead of reading every derivation twice.
		 */
		public Settled settleLinked() {
			var words = java.util.regex.Pattern.compile(SafetySignals.CANDIDATE_WORDS);
			List<String> safety = new ArrayList<>();
			List<String> sized = new ArrayList<>();
			for (int n = this.ends.nextSetBit(0); n >= 0; n = this.ends.nextSetBit(n + 1)) {
				String id = this.guard.idOf(n);
				boolean placeholder = this.created.get(n);
				if (!placeholder) {
					sized.add(id);
				}
				if (this.children.get(n) && (!placeholder || words.matcher(id).matches())) {
					safety.add(id);
				}
			}
			long start = System.nanoTime();
			// Two checks that share only the derivations they read (safety signals and
			// size warnings are different properties), each on its own thread: one
			// statement keeps one core busy, and a 500k edge list over stored models
			// settled in 23 s on one.
			var context = io.micrometer.context.ContextSnapshotFactory.builder().build().captureAll();
			long[] times = new long[2];
			java.util.concurrent.Future<Long> signals;
			SizeChecks.Outcome sizes = null;
			RuntimeException failed = null;
			// Closing the pool waits for the safety checks, also when the size checks
			// failed: they never run on into a session the caller has closed.
			try (var pool = java.util.concurrent.Executors.newSingleThreadExecutor()) {
				signals = pool.submit(context.wrap(() -> {
					long n = 0;
					for (int from = 0; from < safety.size(); from += BulkWrites.BATCH) {
						n += LineageWrites.this.safetyChecks
							.of(safety.subList(from, Math.min(safety.size(), from + BulkWrites.BATCH)));
					}
					times[0] = System.nanoTime() - start;
					return n;
				}));
				try {
					long warned = 0;
					long cleared = 0;
					for (int from = 0; from < sized.size(); from += BulkWrites.BATCH) {
						var outcome = LineageWrites.this.sizeChecks
							.of(sized.subList(from, Math.min(sized.size(), from + BulkWrites.BATCH)));
						warned += outcome.warned();
						cleared += outcome.cleared();
					}
					times[1] = System.nanoTime() - start;
					sizes = new SizeChecks.Outcome(0, warned, cleared);
				}
				catch (RuntimeException ex) {
					failed = ex;
				}
			}
			long signalled = 0;
			try {
				signalled = signals.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failed = firstOf(failed, new IllegalStateException("settle interrupted", ex));
			}
			catch (java.util.concurrent.ExecutionException ex) {
				failed = firstOf(failed, ex.getCause() instanceof RuntimeException runtime ? runtime
						: new IllegalStateException(ex.getCause()));
			}
			if (failed != null) {
				throw failed;
			}
			log.debug("settled an edge list: {} children for safety ({} ms), {} models for sizes ({} ms)",
					safety.size(), times[0] / 1_000_000, sized.size(), times[1] / 1_000_000);
			return new Settled(new PlaceholderResolution.Outcome(List.of(), List.of()), signalled, sizes);
		}

	}

	/**
	 * The first of two failures, carrying the second as suppressed (none lost when both
	 * checks of a settle fail).
	 */
	private static RuntimeException firstOf(RuntimeException first, RuntimeException second) {
		if (first == null) {
			return second;
		}
		if (second != first) {
			first.addSuppressed(second);
		}
		return first;
	}

	/**
	 * What written facts imply, once they are in (after an import or the seed): names
	 * sources gave as display names resolve to the models they mean
	 * ({@link PlaceholderResolution}, when {@code resolveNames}), safety signals are read
	 * from the stored facts ({@link SafetyChecks}), sizes are estimated from names and
	 * checked against declared parents ({@link SizeChecks}).
	 */
	public Settled settle(boolean resolveNames) {
		long start = System.nanoTime();
		var resolution = resolveNames ? this.placeholders.resolveAll()
				: new PlaceholderResolution.Outcome(List.of(), List.of());
		long resolved = System.nanoTime();
		long signalled = this.safetyChecks.all();
		long checked = System.nanoTime();
		var sizes = this.sizeChecks.all();
		log.debug("settle: names {} ms, safety {} ms, sizes {} ms", (resolved - start) / 1_000_000,
				(checked - resolved) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
		return new Settled(resolution, signalled, sizes);
	}

	/** What {@link #settle} did. */
	public record Settled(PlaceholderResolution.Outcome resolution, long safetySignalsChanged,
			SizeChecks.Outcome sizes) {
	}

	/** The organisations known now, to resolve a source's developer names against. */
	public OrganizationDirectory organizationDirectory() {
		return new OrganizationDirectory(this.bulk.query("lineage/all-organization-names"));
	}

	/** Every model that has aliases, with them: another source's name for it. */
	public List<ModelAliases> modelAliases() {
		return this.bulk.query("lineage/model-aliases")
			.stream()
			.map(r -> new ModelAliases(r.get("id").asString(), r.get("aliases").asList(v -> v.asString())))
			.toList();
	}

	/** A model and the names other sources give it. */
	public record ModelAliases(String id, List<String> aliases) {
	}

	/** The ids among {@code ids} that name a stored model. */
	public Set<String> existingModelIds(java.util.Collection<String> ids) {
		return this.bulk.existingModelIds(ids);
	}

	public ModelView registerModel(RegisterModelInput input) {
		require(input.id(), "id");
		require(input.name(), "name");
		storable("id", input.id().strip(), TextLimits.ID);
		TextLimits.controlCharacter(input.id().strip()).ifPresent(problem -> {
			throw new InvalidInputException("id", problem);
		});
		storable("name", input.name(), TextLimits.TEXT);
		storable("license", input.license(), TextLimits.TEXT);
		storable("developerId", input.developerId(), TextLimits.ID);
		TextLimits.problem(input.id().strip(), input.name(), null, input.aliases()).ifPresent(problem -> {
			throw new InvalidInputException("aliases", problem);
		});
		nonNegative(input.trainingComputeFlop(), "trainingComputeFlop");
		nonNegative(input.parameters(), "parameters");
		if (input.access() != null && !List.of("OPEN_WEIGHTS", "API", "CLOSED", "GATED").contains(input.access())) {
			throw new InvalidInputException("access",
					"access must be one of OPEN_WEIGHTS, API, CLOSED, GATED, was '" + input.access() + "'");
		}
		Map<String, Object> properties = ModelFacts.of(input.id().strip())
			.name(input.name())
			.trainingComputeFlop(input.trainingComputeFlop(), SourcedFigure.MANUAL, false)
			.parameters(input.parameters(), SourcedFigure.MANUAL, false)
			.releaseDate(isoDate(input.releaseDate()), DateSources.MANUAL)
			.access(input.access())
			.license(input.license())
			.pipelineTag(input.pipelineTag())
			.modality(input.modality())
			.generative(input.generative())
			.sourceUrl(input.sourceUrl())
			.build()
			.properties();
		// A curator's alias list replaces the model's.
		putIfPresent(properties, "aliases", input.aliases());
		Map<String, Object> params = registerParameters(input.id().strip(), properties, input.developerId());
		// Only this model's own facts (and its developer link): no derivation changes.
		var scope = new Graph.Scope(Set.of(), Set.of(input.id().strip()));
		ModelView registered = this.graph.write(scope, tx -> {
			// Reads match an id in any case (the Hub's ids are one model in any case), so
			// a
			// second model whose id differs only in case could never be read apart.
			List<String> sameInAnyCase = tx
				.run(this.cypher.get("lineage/resolve-model-id"), Map.of("id", input.id().strip()))
				.list(r -> r.get("byId").asBoolean() ? r.get("id").asString() : null)
				.stream()
				.filter(java.util.Objects::nonNull)
				.toList();
			if (!sameInAnyCase.isEmpty() && !sameInAnyCase.contains(input.id().strip())) {
				String stored = sameInAnyCase.get(0);
				throw new InvalidInputException("id", "A model with id '" + stored + "' is stored; ids that differ only"
						+ " in case name one model (as on the Hub): register '" + stored + "' to update it");
			}
			if (input.developerId() != null
					&& tx.run(ORGANIZATION_EXISTS, Map.of("id", input.developerId())).list().isEmpty()) {
				throw new InvalidInputException("developerId", "No organization with id '" + input.developerId() + "'");
			}
			var model = ModelView
				.from(tx.run(this.cypher.get("lineage/register-model"), params).single().get("model").asNode());
			this.changes.append(tx, ChangeLog.Kind.MODELS_WRITTEN, List.of(model.id()));
			return model;
		});
		// A new size can make a declared parent doubtful, or clear a doubt; a new name
		// can
		// carry a signal.
		this.sizeChecks.of(List.of(registered.id()));
		this.safetyChecks.of(List.of(registered.id()));
		return registered;
	}

	public List<Derivation> recordDerivation(RecordDerivationInput input) {
		require(input.childId(), "childId");
		if (input.parentIds() == null || input.parentIds().isEmpty()) {
			throw new InvalidInputException("parentIds", "parentIds must name at least one parent");
		}
		if (input.relation() == null) {
			throw new InvalidInputException("relation", "relation is required");
		}
		storable("childId", input.childId(), TextLimits.ID);
		input.parentIds().forEach(parent -> storable("parentIds", parent, TextLimits.ID));
		if (input.mitigates() != null) {
			input.mitigates().forEach(id -> storable("mitigates", id, TextLimits.ID));
		}
		var parents = new LinkedHashSet<>(input.parentIds());
		if (parents.contains(input.childId())) {
			throw new InvalidInputException("parentIds",
					"A model cannot derive from itself: '" + input.childId() + "' is among its parentIds");
		}
		if (input.relation() == Relation.MERGE && parents.size() < 2) {
			throw new InvalidInputException("parentIds",
					"A curated MERGE needs two or more distinct parents, got " + parents.size());
		}
		nonNegative(input.computeFlop(), "computeFlop");
		// A derivation declared as safety removal removed safety unless the curator says
		// otherwise (the schema's default).
		SafetyEffect safety = input.safetyEffect() == null && input.relation() == Relation.SAFETY_REMOVAL
				? SafetyEffect.REMOVED : input.safetyEffect();
		Map<String, Object> properties = DerivationFacts.of(input.childId(), null)
			.relation(input.relation())
			.source(input.source() == null || input.source().isBlank() ? "manual" : input.source())
			.confidence(CURATED_CONFIDENCE)
			.curated(true)
			.computeFlop(input.computeFlop())
			.date(isoDate(input.date()))
			.note(input.note())
			.mitigates(input.mitigates())
			.safety(safety, safety == null ? null : "curated", safety == null ? null : CURATED_CONFIDENCE)
			.capabilityEffect(input.capabilityEffect())
			.incomplete(false)
			.build()
			.properties();
		Set<String> linked = new java.util.HashSet<>(parents);
		linked.add(input.childId());
		List<Derivation> recorded = this.graph.write(new Graph.Scope(linked, Set.of()), tx -> {
			// Before the cycle check, in the same transaction: serialises it with every
			// other
			// writer of derivations.
			tx.run(this.cypher.get("lineage/lock-lineage"), NOT_AN_IMPORT).consume();
			requireExisting(tx, List.of(input.childId()), "childId");
			requireExisting(tx, List.copyOf(parents), "parentIds");
			if (input.mitigates() != null && !input.mitigates().isEmpty()) {
				var unknown = tx.run(this.cypher.get("lineage/existing-mitigated"), Map.of("ids", input.mitigates()))
					.list(r -> r.get("exists").asBoolean() ? null : r.get("id").asString())
					.stream()
					.filter(java.util.Objects::nonNull)
					.toList();
				if (!unknown.isEmpty()) {
					throw new InvalidInputException("mitigates", "No risk finding or incident with id"
							+ (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown) + " (record it first)");
				}
			}
			Map<String, SourcedFigure> sizes = new HashMap<>();
			List<String> ends = new ArrayList<>(parents);
			ends.add(input.childId());
			tx.run(this.cypher.get("lineage/sizes-of"), Map.of("ids", ends))
				.forEachRemaining(r -> sizes.put(r.get("id").asString(),
						r.get("parameters").isNull() ? null
								: new SourcedFigure(r.get("parameters").asDouble(),
										r.get("source").isNull() ? "unknown" : r.get("source").asString(),
										!r.get("estimated").isNull() && r.get("estimated").asBoolean())));
			List<Derivation> written = new ArrayList<>();
			for (String parent : parents) {
				var cycle = tx.run(this.cypher.get("lineage/cycles-closed"), cycleParameters(parent, input.childId()))
					.list();
				if (!cycle.isEmpty()) {
					List<String> path = new ArrayList<>();
					path.add(input.childId());
					path.addAll(cycle.get(0).get("ids").asList(v -> v.asString()));
					throw new InvalidInputException("parentIds", "Deriving '" + input.childId() + "' from '" + parent
							+ "' would close a cycle: " + String.join(" -> ", path));
				}
				written.add(LineageQueries.derivation(tx
					.run(this.cypher.get("lineage/record-derivation"),
							derivationParameters(input.childId(), parent,
									withWarnings(properties, Plausibility.sizeWarning(input.relation(),
											sizes.get(parent), sizes.get(input.childId()), input.childId()))))
					.single()));
			}
			this.changes.append(tx, ChangeLog.Kind.DERIVATIONS_WRITTEN, List.of(input.childId()),
					parents.stream().map(p -> ChangeLog.derivationKey(input.childId(), p)).toList(),
					this.changes.writer());
			return written;
		});
		// What the child's own facts say about safety (a curator's effect wins; without
		// one, a heuristic effect may follow from the signals).
		if (this.safetyChecks.of(List.of(input.childId())) == 0) {
			return recorded;
		}
		var parentIds = new java.util.HashSet<>(parents);
		return this.graph
			.read(this.cypher.get("lineage/parents"), Map.of("ids", List.of(input.childId())),
					LineageQueries::derivation)
			.stream()
			.filter(d -> parentIds.contains(d.parentId()))
			.toList();
	}

	/** The parameters of {@code lineage/register-model}, also as the warm-up plans it. */
	static Map<String, Object> registerParameters(String id, Map<String, Object> properties, String developerId) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		params.put("properties", properties);
		params.put("developerId", developerId);
		return params;
	}

	/**
	 * The parameters of {@code lineage/cycles-closed} for one curated derivation, also as
	 * the warm-up plans it.
	 */
	static Map<String, Object> cycleParameters(String parent, String child) {
		return Map.of("rows", List.of(Map.of("parent", parent, "child", child)));
	}

	/**
	 * The parameters of {@code lineage/record-derivation}, also as the warm-up plans it.
	 */
	static Map<String, Object> derivationParameters(String child, String parent, Map<String, Object> properties) {
		return Map.of("child", child, "parent", parent, "properties", properties);
	}

	/**
	 * The properties of one parent's derivation with its size warning (a curated claim is
	 * kept as stated; the warning stands beside it), or without one.
	 */
	private static Map<String, Object> withWarnings(Map<String, Object> properties,
			java.util.Optional<String> warning) {
		Map<String, Object> props = new HashMap<>(properties);
		props.put("warnings", warning.map(List::of).orElse(null));
		return props;
	}

	private void requireExisting(TransactionContext tx, List<String> ids, String field) {
		var missing = tx.run(this.cypher.get("lineage/existing-ids"), Map.of("ids", ids))
			.list(r -> r.get("exists").asBoolean() ? null : r.get("id").asString())
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
		if (!missing.isEmpty()) {
			throw new InvalidInputException(field,
					"Unknown model" + (missing.size() > 1 ? "s" : "") + ": " + String.join(", ", missing)
							+ " (register " + (missing.size() > 1 ? "them" : "it")
							+ " first; writes match ids exactly, in their stored case)");
		}
	}

	private static void require(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, field + " is required and must not be blank");
		}
	}

	private static void storable(String field, String value, int limit) {
		TextLimits.tooLong(field, value, limit).ifPresent(problem -> {
			throw new InvalidInputException(field, problem);
		});
	}

	private static void nonNegative(Double value, String field) {
		figureOutOfRange(field, value).ifPresent(problem -> {
			throw new InvalidInputException(field, problem);
		});
	}

	/**
	 * Why a figure (parameters, compute) cannot be stored, if it cannot: not finite,
	 * negative, or the largest double, which a larger number is read as (1e400 in JSON,
	 * an Epoch AI row) — a figure nobody gave, which every verdict would compare.
	 */
	public static java.util.Optional<String> figureOutOfRange(String field, Double value) {
		if (value == null || (Double.isFinite(value) && value >= 0 && value < Double.MAX_VALUE)) {
			return java.util.Optional.empty();
		}
		return java.util.Optional
			.of(field + " must be a finite number >= 0 below " + Double.MAX_VALUE + ", was " + value);
	}

	/** Dates are stored as ISO strings (YYYY-MM-DD), as every importer stores them. */
	private static String isoDate(LocalDate date) {
		return date == null ? null : date.toString();
	}

	private static void putIfPresent(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
