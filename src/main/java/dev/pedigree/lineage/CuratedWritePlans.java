package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;
import dev.pedigree.storage.StatementPlans;

import org.springframework.stereotype.Component;

/**
 * The statements of a curated {@code registerModel} and {@code recordDerivation}, with
 * the checks that follow them (sizes, safety signals) and the change log, for the warm-up
 * to plan: its requests only read. Each with the parameter shapes those writes send,
 * built by the same methods: ids of one model (a registration, a derivation's child, one
 * parent) and of two (a merge's parents; a derivation's ends), a developer (of either
 * length organisation ids have) or none, and a token's caller as the writer, as GraphQL
 * writes name it (the CLI has no curated writes; its imports run statements of their
 * own). Each statement planned costs the warm-up about 0.1 s; a shape not planned here is
 * planned on its first use, as before.
 */
@Component
class CuratedWritePlans implements StatementPlans {

	/**
	 * A writer as GraphQL writes name it: {@code curator-token} for the configured token,
	 * {@code <name> (token <id>)} for an issued one; 11 to 100 characters, one size
	 * class.
	 */
	private static final String CALLER = "curator (token 0123456789)";

	/**
	 * Organisation ids of the two size classes they come in (the seed's {@code meta},
	 * {@code google}, {@code mistral-ai}; {@code stability-ai},
	 * {@code tsinghua-university}).
	 */
	private static final List<String> DEVELOPERS = List.of("org", "an-organisation");

	private final CypherQueries cypher;

	private final ChangeLog changes;

	CuratedWritePlans(CypherQueries cypher, ChangeLog changes) {
		this.cypher = cypher;
		this.changes = changes;
	}

	@Override
	public List<Graph.Statement> statements(String model, String other) {
		List<Graph.Statement> plans = new ArrayList<>();
		Map<String, Object> properties = ModelFacts.of(model).name(model).build().properties();
		// registerModel
		plans.add(first(get("lineage/resolve-model-id"), Map.of("id", model)));
		List<String> developers = new ArrayList<>(DEVELOPERS);
		developers.add(null);
		for (String developer : developers) {
			if (developer != null) {
				plans.add(first(LineageWrites.ORGANIZATION_EXISTS, Map.of("id", developer)));
			}
			plans.add(first(get("lineage/register-model"),
					LineageWrites.registerParameters(model, properties, developer)));
		}
		// recordDerivation: everything after the lock, which writes
		plans.add(first(get("lineage/lock-lineage"), LineageWrites.NOT_AN_IMPORT));
		for (List<String> ids : List.of(List.of(model), List.of(model, other))) {
			plans.add(afterAWrite(get("lineage/existing-ids"), Map.of("ids", ids)));
		}
		plans.add(afterAWrite(get("lineage/sizes-of"), Map.of("ids", List.of(other, model))));
		plans.add(afterAWrite(get("lineage/cycles-closed"), LineageWrites.cycleParameters(other, model)));
		plans.add(afterAWrite(get("lineage/record-derivation"),
				LineageWrites.derivationParameters(model, other, new HashMap<>(properties))));
		// The checks after both (SizeChecks.of, SafetyChecks.of), their reads and the
		// writes they make when a warning or signal changes, for one derivation (a model
		// registered again with several derivations plans its larger lists on first use).
		plans.add(
				new Graph.Statement(get("lineage/size-candidates-of"), Map.of("ids", List.of(model)), Graph.Runs.READ));
		plans.add(new Graph.Statement(get("lineage/safety-candidates-of"),
				SafetyChecks.candidateParameters(List.of(model)), Graph.Runs.READ));
		Map<String, Object> row = Map.of("child", model, "parent", other, "warnings", List.of());
		plans.add(first(get("lineage/set-warnings"), Map.of("rows", List.of(row))));
		Map<String, Object> signals = new HashMap<>(
				Map.of("child", model, "parent", other, "signals", List.of(), "heuristic", true, "confidence", 0.5));
		signals.put("effect", null);
		signals.put("source", null);
		plans.add(first(get("lineage/set-safety-signals"), Map.of("rows", List.of(signals))));
		// The change log of each: a model written, a derivation written (with its key),
		// the checks' derivations (without), each after the write it logs.
		String derivation = ChangeLog.derivationKey(model, other);
		plans.add(afterAWrite(this.changes.statement(),
				ChangeLog.parameters(ChangeLog.Kind.MODELS_WRITTEN, List.of(model), List.of(), CALLER)));
		plans.add(afterAWrite(this.changes.statement(),
				ChangeLog.parameters(ChangeLog.Kind.DERIVATIONS_WRITTEN, List.of(model), List.of(derivation), CALLER)));
		// A merge's: a derivation key for each parent.
		plans.add(afterAWrite(this.changes.statement(), ChangeLog.parameters(ChangeLog.Kind.DERIVATIONS_WRITTEN,
				List.of(model), List.of(derivation, ChangeLog.derivationKey(model, model)), CALLER)));
		return plans;
	}

	private String get(String name) {
		return this.cypher.get(name);
	}

	/** A statement its write transaction runs before anything in it wrote. */
	private static Graph.Statement first(String cypher, Map<String, Object> parameters) {
		return new Graph.Statement(cypher, parameters, Graph.Runs.WRITE);
	}

	/**
	 * A statement its write transaction runs after a write: the database plans it apart.
	 */
	private static Graph.Statement afterAWrite(String cypher, Map<String, Object> parameters) {
		return new Graph.Statement(cypher, parameters, Graph.Runs.AFTER_A_WRITE);
	}

}
