package dev.pedigree.lineage;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.types.Node;

import dev.pedigree.PedigreeServerTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The path of a new Model property (CONTRIBUTING.md): every component of
 * {@link ModelFacts} reaches the node through both import statements (create-models for a
 * new model, upsert-models for a known one), under its own name unless listed here, and
 * every component of {@link ModelView} reads it back. A component that is not stored, or
 * not read, fails here; a component of a type with no test value asks for one.
 */
@PedigreeServerTest
class ModelPropertiesTests {

	private static final String ID = "fixture-props/every-property";

	private static final String DEVELOPER = "fixture-props-developer";

	/** The ModelFacts components not stored under their own name, checked one by one. */
	private static final Set<String> CONTROL = Set.of("id", "aliases", "developerId", "source", "placeholder",
			"explanations", "restored");

	@Autowired
	LineageWrites writes;

	@Autowired
	Driver driver;

	@Test
	void every_component_of_model_facts_is_stored_and_every_component_of_model_view_reads_it() {
		this.writes
			.organizations(List.of(OrganizationFacts.named(DEVELOPER, "Fixture Props", null, null, List.of(), "test")));
		try {
			// Round 1 creates the model, round 2 changes every value of the known model.
			for (int round = 1; round <= 2; round++) {
				ModelFacts facts = distinctFacts(round);
				this.writes.models(List.of(facts), n -> {
				});
				Node node = storedNode();
				assertStored(facts, node, round);
				assertRead(facts, node, ModelView.from(node));
			}
		}
		finally {
			this.driver.executableQuery("MATCH (m:Model {id: $id}) DETACH DELETE m")
				.withParameters(Map.of("id", ID))
				.execute();
			this.driver.executableQuery("MATCH (o:Organization {id: $id}) DETACH DELETE o")
				.withParameters(Map.of("id", DEVELOPER))
				.execute();
		}
	}

	@Test
	void each_typed_setter_of_the_builder_sets_its_own_component_and_a_copy_keeps_them_all() {
		ModelFacts all = distinctFacts(3);
		assertThat(all.with().build()).isEqualTo(all);
		int setters = 0;
		for (Method setter : ModelFacts.Builder.class.getMethods()) {
			if (setter.getParameterCount() != 1 || setter.getReturnType() != ModelFacts.Builder.class) {
				continue;
			}
			RecordComponent component = component(setter.getName());
			Object value = valueOf(component, 4);
			try {
				ModelFacts built = ((ModelFacts.Builder) setter.invoke(ModelFacts.of(ID), value)).build();
				assertThat(component.getAccessor().invoke(built)).as(setter.getName()).isEqualTo(value);
				// Nothing else changed from a builder with only the id.
				for (RecordComponent other : ModelFacts.class.getRecordComponents()) {
					if (!Set.of(component.getName(), "id").contains(other.getName())) {
						assertThat(other.getAccessor().invoke(built)).as(setter.getName() + " → " + other.getName())
							.isEqualTo(other.getAccessor().invoke(ModelFacts.of(ID).build()));
					}
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new AssertionError(setter.toString(), ex);
			}
			setters++;
		}
		assertThat(setters).isGreaterThan(20);
	}

	/** Every component of ModelFacts set to a value of its own, different each round. */
	private static ModelFacts distinctFacts(int round) {
		List<Object> arguments = new ArrayList<>();
		for (RecordComponent component : ModelFacts.class.getRecordComponents()) {
			arguments.add(switch (component.getName()) {
				case "id" -> ID;
				case "aliases" -> List.of("Every Property " + round);
				case "developerId" -> DEVELOPER;
				case "source" -> "source-" + round;
				case "placeholder" -> false;
				case "explanations" -> Map.of("access", "why-" + round);
				case "restored" -> Map.of("restoredOnly", "kept-" + round);
				default -> valueOf(component, round);
			});
		}
		try {
			return (ModelFacts) ModelFacts.class.getDeclaredConstructors()[0].newInstance(arguments.toArray());
		}
		catch (ReflectiveOperationException ex) {
			throw new AssertionError(ex);
		}
	}

	/** A value of the component's type that no other component or round has. */
	private static Object valueOf(RecordComponent component, int round) {
		String name = component.getName();
		int salt = List.of(ModelFacts.class.getRecordComponents())
			.stream()
			.map(RecordComponent::getName)
			.toList()
			.indexOf(name) * 10 + round;
		Type type = component.getGenericType();
		if (type == String.class) {
			return name + "-" + round;
		}
		if (type == Double.class) {
			return salt + 0.5;
		}
		if (type == Long.class) {
			return (long) salt;
		}
		if (type == Boolean.class) {
			return salt % 2 == 0;
		}
		if (type == boolean.class) {
			return round % 2 == 0;
		}
		if (type instanceof ParameterizedType list && list.getRawType() == List.class
				&& list.getActualTypeArguments()[0] == String.class) {
			return List.of(name + "-" + round + "-a", name + "-" + round + "-b");
		}
		if (type instanceof ParameterizedType map && map.getRawType() == Map.class) {
			return Map.of(name + "-key", name + "-" + round);
		}
		return fail("no test value for " + type + " (" + name + "): add one here");
	}

	private Node storedNode() {
		return this.driver.executableQuery("MATCH (m:Model {id: $id}) RETURN m")
			.withParameters(Map.of("id", ID))
			.execute()
			.records()
			.get(0)
			.get("m")
			.asNode();
	}

	private static void assertStored(ModelFacts facts, Node node, int round) {
		for (RecordComponent component : ModelFacts.class.getRecordComponents()) {
			String name = component.getName();
			if (!CONTROL.contains(name)) {
				assertThat(node.get(name).asObject()).as("stored " + name).isEqualTo(value(component, facts));
			}
		}
		assertThat(node.get("id").asString()).isEqualTo(ID);
		// Aliases and sources accumulate over the rounds.
		assertThat(node.get("aliases").asList()).contains("Every Property " + round).hasSize(round);
		assertThat(node.get("sources").asList()).contains("source-" + round).hasSize(round);
		assertThat(node.get("developerId").asString()).isEqualTo(DEVELOPER);
		assertThat(node.get("placeholder").isNull()).isTrue();
		assertThat(node.get("accessExplanation").asString()).isEqualTo("why-" + round);
		assertThat(node.get("restoredOnly").asString()).isEqualTo("kept-" + round);
	}

	private static void assertRead(ModelFacts facts, Node node, ModelView view) {
		Map<String, Object> stored = new LinkedHashMap<>();
		for (RecordComponent component : ModelFacts.class.getRecordComponents()) {
			if (!CONTROL.contains(component.getName())) {
				stored.put(component.getName(), value(component, facts));
			}
		}
		for (RecordComponent component : ModelView.class.getRecordComponents()) {
			String name = component.getName();
			Object expected = switch (name) {
				case "id" -> ID;
				case "aliases", "sources" -> node.get(name).asList();
				case "developerId" -> DEVELOPER;
				case "placeholder" -> false;
				case "parameterCount" ->
					new SourcedFigure(facts.parameters(), facts.parametersSource(), facts.parametersEstimated());
				case "trainingCompute" -> new SourcedFigure(facts.trainingComputeFlop(), facts.trainingComputeSource(),
						facts.trainingComputeEstimated());
				default -> {
					if (!stored.containsKey(name)) {
						fail("ModelView." + name + " is no stored ModelFacts component: say here what it reads");
					}
					yield stored.get(name);
				}
			};
			assertThat(value(component, view)).as("read " + name).isEqualTo(expected);
		}
	}

	private static Object value(RecordComponent component, Record record) {
		try {
			return component.getAccessor().invoke(record);
		}
		catch (ReflectiveOperationException ex) {
			throw new AssertionError(ex);
		}
	}

	private static RecordComponent component(String name) {
		for (RecordComponent component : ModelFacts.class.getRecordComponents()) {
			if (component.getName().equals(name)) {
				return component;
			}
		}
		return fail("Builder." + name + " sets no component of ModelFacts");
	}

}
