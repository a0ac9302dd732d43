package dev.pedigree.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;
import dev.pedigree.security.SecurityTests;

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
		calls.put("retractDerivation", "mutation { retractDerivation(childId: \"google/gemma-7b-it\", "
				+ "parentId: \"google/gemma-7b\", reason: \"forbidden\") { childId } }");
		calls.put("createApiToken", "mutation { createApiToken(name: \"forbidden\", role: ADMIN) { secret } }");
		calls.put("revokeApiToken", "mutation { revokeApiToken(id: \"000000000000\", reason: \"forbidden\") { id } }");
		return calls;
	}

	@Test
	void every_mutation_needs_a_token_of_its_role_and_writes_nothing_without_it() {
		List<String> schemaMutations = GraphQlClient.anonymous(this.port)
			.document("{ __schema { mutationType { fields { name } } } }")
			.execute()
			.path("__schema.mutationType.fields[*].name")
			.entityList(String.class)
			.get();
		var calls = mutations();
		assertThat(calls.keySet()).as("a call for every mutation of the schema")
			.containsExactlyInAnyOrderElementsOf(schemaMutations);
		// No token: UNAUTHORIZED, as a GraphQL error beside the other fields' data.
		calls.forEach((mutation, document) -> GraphQlClient.anonymous(this.port)
			.document(document)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).as(mutation + " without a token")
				.singleElement()
				.satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.UNAUTHORIZED))));
		// A token too weak for the field: FORBIDDEN (the curator token for token
		// management,
		// a reader's for everything).
		String reader = SecurityTests.create(this.port, "mutation-access-reader", "READER");
		calls.forEach((mutation, document) -> bearer(reader).document(document)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).as(mutation + " with a READER token")
				.singleElement()
				.satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN))));
		for (String admin : List.of("createApiToken", "revokeApiToken")) {
			GraphQlClient.curator(this.port)
				.document(calls.get(admin))
				.execute()
				.errors()
				.satisfy(errors -> assertThat(errors).as(admin + " with the curator token")
					.singleElement()
					.satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN)));
		}
		// A credential that is not a valid token: 401 before anything runs, whatever was
		// asked.
		Map<String, String> invalid = Map.of("wrong token", "Bearer not-the-curator-token", "a prefix of the token",
				"Bearer " + PedigreeServerTest.TOKEN.substring(0, PedigreeServerTest.TOKEN.length() - 1),
				"the token without the Bearer scheme", PedigreeServerTest.TOKEN);
		invalid.forEach((who,
				header) -> calls.forEach((mutation, document) -> GraphQlClient.http(this.port)
					.post()
					.uri("/graphql")
					.header("Authorization", header)
					.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("query", document))
					.exchange()
					.expectStatus()
					.isUnauthorized()
					.expectHeader()
					.valueMatches("WWW-Authenticate", "Bearer.*")
					.expectBody()
					.jsonPath("$.errors[0].extensions.classification")
					.isEqualTo("UNAUTHORIZED")));
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
