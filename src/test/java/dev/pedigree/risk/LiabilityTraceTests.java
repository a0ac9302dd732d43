package dev.pedigree.risk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liability tracing over GraphQL/HTTP: real Epoch AI figures where they exist, a marked
 * fixture where not.
 */
@PedigreeServerTest
class LiabilityTraceTests {

	@LocalServerPort
	int port;

	@BeforeEach
	void load_the_fixture_scenario() throws IOException {
		String csv = new ClassPathResource("fixtures/epoch-liability-scenario.csv")
			.getContentAsString(StandardCharsets.UTF_8);
		GraphQlClient.curator(this.port)
			.documentName("importRecords")
			.variable("format", "EPOCH")
			.variable("content", csv)
			.execute()
			.path("importRecords.rejected")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void real_model_above_1e25_is_a_systemic_risk_gpai_whose_duties_start_in_2027() {
		var roles = rolesOf(trace("meta/llama-3-1-405b", "2026-11-27"), "meta/llama-3-1-405b");
		assertThat(role(roles, "EU").get("role")).isEqualTo("GPAI_PROVIDER_SYSTEMIC_RISK");
		assertThat((List<Map<String, Object>>) role(roles, "EU").get("obligations"))
			.allSatisfy(o -> assertThat(o).containsEntry("appliesFrom", "2027-08-02").containsEntry("inForce", false));
		assertThat(role(roles, "US-CA").get("role")).isEqualTo("NOT_FRONTIER");
	}

	@Test
	void real_model_above_1e26_without_sourced_revenue_is_undetermined_as_large_developer() {
		var roles = rolesOf(trace("openai/gpt-4-5", null), "openai/gpt-4-5");
		assertThat(role(roles, "US-CA").get("role")).isEqualTo("UNDETERMINED");
		assertThat((List<String>) role(roles, "US-CA").get("reasons"))
			.anyMatch(r -> r.contains("no sourced annual revenue"));
		assertThat(role(roles, "EU").get("role")).isEqualTo("GPAI_PROVIDER_SYSTEMIC_RISK");
	}

	@Test
	void real_fine_tune_far_below_a_third_is_a_downstream_modifier_even_against_the_fallback() {
		// SPHINX (Llama 2 13B): 4e21 FLOP of fine-tuning on "Llama 2-13B", a base Epoch
		// AI has no row (compute) for.
		var trace = trace("shanghai-ai-lab/sphinx-llama-2-13b", null);
		var eu = role(rolesOf(trace, "shanghai-ai-lab/sphinx-llama-2-13b"), "EU");
		assertThat(eu.get("role")).isEqualTo("DOWNSTREAM_MODIFIER");
		assertThat((List<String>) eu.get("reasons")).anyMatch(r -> r.contains("fallback threshold"));
	}

	@Test
	void a_provider_s_own_fine_tune_stays_its_own() {
		var roles = rolesOf(trace("deepseek-ai/DeepSeek-R1", null), "deepseek-ai/DeepSeek-R1");
		assertThat(role(roles, "EU").get("role")).isEqualTo("GPAI_PROVIDER");
		assertThat((List<String>) role(roles, "EU").get("reasons"))
			.anyMatch(r -> r.contains("its own model deepseek-ai/DeepSeek-V3"));
	}

	@Test
	void chain_of_three_organisations_with_a_heavy_tune_above_a_third() {
		var trace = trace("fixture-lab-gamma/fixture-light-tune", null);
		assertThat(partyOrganizations(trace)).containsExactly("fixture-lab-gamma", "fixture-lab-beta",
				"fixture-lab-alpha");
		assertThat(role(rolesOf(trace, "fixture-lab-gamma/fixture-light-tune"), "EU").get("role"))
			.isEqualTo("DOWNSTREAM_MODIFIER");
		var beta = role(rolesOf(trace, "fixture-lab-beta/fixture-heavy-tune"), "EU");
		assertThat(beta.get("role")).isEqualTo("MODIFIER_PROVIDER");
		assertThat((List<Map<String, Object>>) beta.get("obligations"))
			.allSatisfy(o -> assertThat(o).containsEntry("scope", "the modification"));
		assertThat(role(rolesOf(trace, "fixture-lab-alpha/fixture-base-1"), "EU").get("role"))
			.isEqualTo("GPAI_PROVIDER");
		// Cumulative compute along the chain: 3e24 + 2e24 for the heavy tune.
		assertThat((List<Map<String, Object>>) role(rolesOf(trace, "fixture-lab-beta/fixture-heavy-tune"), "US-CA")
			.get("figures"))
			.anySatisfy(f -> assertThat((Double) f.get("value")).isCloseTo(5e24,
					org.assertj.core.data.Percentage.withPercentage(1e-9)));
	}

	@Test
	void unknown_parent_compute_uses_the_fallback_threshold_and_leaves_the_parent_undetermined() {
		var trace = trace("fixture-lab-delta/fixture-unknown-base-tune", null);
		var delta = role(rolesOf(trace, "fixture-lab-delta/fixture-unknown-base-tune"), "EU");
		assertThat(delta.get("role")).isEqualTo("MODIFIER_PROVIDER");
		assertThat((List<String>) delta.get("reasons")).anyMatch(r -> r.contains("fallback threshold"));
	}

	@Test
	void missing_modification_compute_and_missing_modality_are_undetermined_or_not_gpai() {
		var none = role(rolesOf(trace("fixture-lab-epsilon/fixture-no-compute-tune", null),
				"fixture-lab-epsilon/fixture-no-compute-tune"), "EU");
		assertThat(none.get("role")).isEqualTo("UNDETERMINED");
		assertThat((List<String>) none.get("reasons")).anyMatch(r -> r.contains("compute of the modification"));
		assertThat(
				role(rolesOf(trace("fixture-lab-zeta/fixture-classifier", null), "fixture-lab-zeta/fixture-classifier"),
						"EU")
					.get("role"))
			.isEqualTo("NOT_GPAI");
	}

	@Test
	void a_merge_has_several_upstream_parties_and_findings_are_inherited_unless_mitigated() {
		String merged = "test/fixture-merge-" + System.nanoTime();
		GraphQlClient.curator(this.port)
			.documentName("registerModel")
			.variable("input", Map.of("id", merged, "name", merged, "developerId", "meta"))
			.execute();
		GraphQlClient.curator(this.port)
			.documentName("recordDerivation")
			.variable("input",
					Map.of("childId", merged, "parentIds",
							List.of("fixture-lab-alpha/fixture-base-1", "fixture-lab-zeta/fixture-classifier"),
							"relation", "MERGE"))
			.execute();
		String findingId = GraphQlClient.curator(this.port)
			.document(
					"mutation { recordRiskFinding(input: {modelId: \"fixture-lab-alpha/fixture-base-1\", category: \"CYBER\", severity: \"high\", summary: \"fixture finding\"}) { id } }")
			.execute()
			.path("recordRiskFinding.id")
			.entity(String.class)
			.get();
		var trace = trace(merged, null);
		assertThat(partyOrganizations(trace)).contains("meta", "fixture-lab-alpha", "fixture-lab-zeta");
		var findings = (List<Map<String, Object>>) trace.get("findings");
		assertThat(findings).anySatisfy(f -> {
			assertThat(((Map<?, ?>) f.get("finding")).get("id")).isEqualTo(findingId);
			assertThat(f.get("inherited")).isEqualTo(true);
			assertThat((List<String>) f.get("path")).containsExactly("fixture-lab-alpha/fixture-base-1", merged);
		});
		GraphQlClient.curator(this.port)
			.documentName("recordDerivation")
			.variable("input",
					Map.of("childId", merged, "parentIds", List.of("fixture-lab-alpha/fixture-base-1"), "relation",
							"FINETUNE", "mitigates", List.of(findingId)))
			.execute();
		assertThat((List<?>) trace(merged, null).get("findings")).isEmpty();
	}

	@Test
	void upstream_exposure_lists_real_safety_removing_descendants_of_a_foundation() {
		var response = GraphQlClient.anonymous(this.port)
			.document("{ upstreamExposure(foundationId: \"deepseek-ai/DeepSeek-V3\", first: 50) { totalCount "
					+ "edges { node { model { id } depth path via { safetyEffect } } } } }")
			.execute();
		response.path("upstreamExposure.edges[*].node.model.id")
			.entityList(String.class)
			.contains("huihui-ai/DeepSeek-V3-abliterated", "SicariusSicariiStuff/DeepSeek-V3-Abliterated");
		response.path("upstreamExposure.edges[*].node.via.safetyEffect")
			.entityList(String.class)
			.satisfies(effects -> assertThat(effects).allMatch(e -> e.equals("REMOVED") || e.equals("DEGRADED")));
		int total = response.path("upstreamExposure.totalCount").entity(Integer.class).get();
		response.path("upstreamExposure.edges").entityList(Object.class).hasSize(total);
	}

	@Test
	void an_unknown_model_is_not_found() {
		GraphQlClient.anonymous(this.port)
			.documentName("liabilityTrace")
			.variable("id", "no/such-model")
			.execute()
			.errors()
			.expect(e -> e.getErrorType() == org.springframework.graphql.execution.ErrorType.NOT_FOUND)
			.verify();
	}

	private Map<String, Object> trace(String id, String asOf) {
		return GraphQlClient.anonymous(this.port)
			.documentName("liabilityTrace")
			.variable("id", id)
			.variable("asOf", asOf)
			.execute()
			.path("liabilityTrace")
			.entity(Map.class)
			.get();
	}

	private static List<Map<String, Object>> rolesOf(Map<String, Object> trace, String modelId) {
		return ((List<Map<String, Object>>) trace.get("parties")).stream()
			.filter(p -> modelId.equals(((Map<?, ?>) p.get("model")).get("id")))
			.findFirst()
			.map(p -> (List<Map<String, Object>>) p.get("roles"))
			.orElseThrow(() -> new AssertionError("no party for " + modelId + " in " + trace.get("parties")));
	}

	private static Map<String, Object> role(List<Map<String, Object>> roles, String jurisdiction) {
		return roles.stream().filter(r -> jurisdiction.equals(r.get("jurisdiction"))).findFirst().orElseThrow();
	}

	private static List<String> partyOrganizations(Map<String, Object> trace) {
		return ((List<Map<String, Object>>) trace.get("parties")).stream()
			.map(p -> (String) ((Map<?, ?>) p.get("organization")).get("id"))
			.toList();
	}

}
