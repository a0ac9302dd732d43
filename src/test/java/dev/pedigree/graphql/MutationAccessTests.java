package dev.pedigree.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README: "Writes need the curator token (Authorization: Bearer &lt;token&gt;)". Every
 * mutation of the schema, without a token and with a wrong one, answers FORBIDDEN and
 * writes nothing.
 */
@PedigreeServerTest
class MutationAccessTests {

	private static final String CHILD = "test/forbidden-child";

	private static final String PARENT = "test/forbidden-parent";

	@LocalServerPort
	int port;

	/** A valid call of each mutation (each would write if it were allowed). */
	static Map<String, String> mutations() {
		Map<String, String> calls = new LinkedHashMap<>();
		calls.put("registerModel", "mutation { registerModel(input: {id: \"" + CHILD + "\", name: \"x\"}) { id } }");
		calls.put("recordDerivation", "mutation { recordDerivation(input: {childId: \"google/gemma-7b-it\", "
				+ "parentIds: [\"meta-llama/Llama-2-7b\"], relation: FINETUNE}) { relation } }");
		calls.put("recordRiskFinding", "mutation { recordRiskFinding(input: {modelId: \"google/gemma-7b\", "
				+ "category: CYBER, summary: \"forbidden finding\"}) { id } }");
		calls.put("recordIncident", "mutation { recordIncident(input: {modelId: \"google/gemma-7b\", "
				+ "category: CYBER, summary: \"forbidden incident\"}) { id } }");
		calls.put("importRecords",
				"mutation { importRecords(format: HF_EDGES, content: \"parent_id,child_id,relation\\n" + PARENT + ","
						+ CHILD + ",finetune\\n\") { created } }");
		calls.put("createWatch", "mutation { createWatch(input: {subjectKind: MODEL, subjectId: \"google/gemma-7b\", "
				+ "conditions: [SAFETY_REMOVING_DESCENDANT]}) { watch { id } } }");
		calls.put("deleteWatch", "mutation { deleteWatch(id: \"watch/none\") }");
		return calls;
	}

	@Test
	void every_mutation_without_the_curator_token_or_with_a_wrong_one_is_forbidden_and_writes_nothing() {
		List<String> schemaMutations = GraphQlClient.anonymous(this.port)
			.document("{ __schema { mutationType { fields { name } } } }")
			.execute()
			.path("__schema.mutationType.fields[*].name")
			.entityList(String.class)
			.get();
		var calls = mutations();
		assertThat(calls.keySet()).as("a call for every mutation of the schema")
			.containsExactlyInAnyOrderElementsOf(schemaMutations);
		Map<String, HttpGraphQlTester> callers = Map.of("no token", GraphQlClient.anonymous(this.port), "wrong token",
				bearer("not-the-curator-token"), "a prefix of the token",
				bearer(PedigreeServerTest.TOKEN.substring(0, PedigreeServerTest.TOKEN.length() - 1)),
				"the token without the Bearer scheme",
				GraphQlClient.anonymous(this.port).mutate().header("Authorization", PedigreeServerTest.TOKEN).build());
		callers.forEach((who,
				caller) -> calls.forEach((mutation, document) -> caller.document(document)
					.execute()
					.errors()
					.satisfy(errors -> assertThat(errors).as(mutation + " with " + who)
						.singleElement()
						.satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN)))));
		var after = GraphQlClient.anonymous(this.port)
			.document("{ child: model(id: \"" + CHILD + "\") { id } parent: model(id: \"" + PARENT + "\") { id } "
					+ "tune: model(id: \"google/gemma-7b-it\") { parents { parent { id } } } "
					+ "trace: liabilityTrace(modelId: \"google/gemma-7b\") { findings { finding { summary } } } "
					+ "watches { subjectId } }")
			.execute();
		after.path("watches[*].subjectId")
			.entityList(String.class)
			.satisfies(subjects -> assertThat(subjects).doesNotContain("google/gemma-7b"));
		after.path("child").valueIsNull();
		after.path("parent").valueIsNull();
		after.path("tune.parents[*].parent.id").entityList(String.class).containsExactly("google/gemma-7b");
		after.path("trace.findings[*].finding.summary")
			.entityList(String.class)
			.satisfies(summaries -> assertThat(summaries).doesNotContain("forbidden finding", "forbidden incident"));
	}

	private HttpGraphQlTester bearer(String token) {
		return GraphQlClient.anonymous(this.port).mutate().header("Authorization", "Bearer " + token).build();
	}

}
