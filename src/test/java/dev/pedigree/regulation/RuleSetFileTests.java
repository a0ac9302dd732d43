package dev.pedigree.regulation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verdicts print the thresholds of the rule set files they apply: a server reading
 * changed copies of the shipped files ({@code pedigree.rules.location}; the EU indicative
 * criterion at 2e23, systemic risk at 3e25, the modifier share at a quarter; the SB 53
 * revenue threshold at US$750M) says those figures, never the shipped ones. No seed; the
 * marked Epoch AI fixture scenario of the liability tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pedigree.embedded.ephemeral=true", "pedigree.embedded.bolt-port=0",
				"pedigree.embedded.page-cache=64m", "pedigree.seed.enabled=false", "pedigree.warmup.requests=0",
				"pedigree.limits.read-timeout=30s", "pedigree.security.curator-token=" + PedigreeServerTest.TOKEN })
class RuleSetFileTests {

	/**
	 * The shipped EU thresholds as texts print them: 10^23 or 10^25 alone, not 2×10^23.
	 */
	private static final java.util.regex.Pattern SHIPPED = java.util.regex.Pattern
		.compile("(?<![×\\d.])10\\^(23|25)(?!\\d)|\\de[+-]\\d");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void changed_rule_files(DynamicPropertyRegistry registry) throws IOException {
		Path folder = Files.createTempDirectory("pedigree-rules");
		folder.toFile().deleteOnExit();
		write(folder, "eu-ai-act.yaml",
				Map.of("gpaiTrainingComputeFlop: 1.0e23", "gpaiTrainingComputeFlop: 2.0e23",
						"systemicRiskTrainingComputeFlop: 1.0e25", "systemicRiskTrainingComputeFlop: 3.0e25",
						"modifierComputeFraction: 0.3333333333333333", "modifierComputeFraction: 0.25"));
		write(folder, "us-ca-sb53.yaml", Map.of("largeDeveloperRevenueUsd: 5.0e8", "largeDeveloperRevenueUsd: 7.5e8"));
		registry.add("pedigree.rules.location", () -> folder.toUri() + "*.yaml");
	}

	private static void write(Path folder, String file, Map<String, String> changes) throws IOException {
		String text = new ClassPathResource("seed-data/regulations/" + file).getContentAsString(StandardCharsets.UTF_8);
		for (var change : changes.entrySet()) {
			assertThat(text).as(file).contains(change.getKey());
			text = text.replace(change.getKey(), change.getValue());
		}
		Files.writeString(folder.resolve(file), text);
		folder.resolve(file).toFile().deleteOnExit();
	}

	@BeforeEach
	void load_the_fixture_scenario() throws IOException {
		GraphQlClient.curator(this.port)
			.documentName("importRecords")
			.variable("format", "EPOCH")
			.variable("content",
					new ClassPathResource("fixtures/epoch-liability-scenario.csv")
						.getContentAsString(StandardCharsets.UTF_8))
			.execute()
			.path("importRecords.rejected")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void the_fallback_threshold_is_the_rule_set_s_share_of_its_indicative_criterion() {
		// The parent "Fixture Mystery Base" has no row: its compute is unknown.
		var eu = role("fixture-lab-delta/fixture-unknown-base-tune", "EU");
		assertThat(reasons(eu)).anyMatch(r -> r.contains("the fallback threshold applies, one quarter of 2×10^23 FLOP")
				&& r.contains("any original that meets the indicative criterion (para 17) has more than 2×10^23 FLOP"));
		assertThat(figures(eu)).anySatisfy(f -> assertThat((Double) f.get("threshold")).isEqualTo(5e22));
	}

	@Test
	void the_systemic_risk_tolerance_names_the_rule_set_s_threshold() {
		// 3e25 FLOP is above the shipped 1e25 but within the 30% tolerance of 3e25.
		var eu = role("fixture-lab-iota/fixture-big-tune", "EU");
		assertThat(eu.get("role")).isEqualTo("UNDETERMINED");
		assertThat(reasons(eu)).anyMatch(r -> r.contains("is within the estimate tolerance of 3×10^25"));
		assertThat(reasons(eu)).anyMatch(r -> r.contains("one quarter of the original's compute"));
	}

	@Test
	void the_large_developer_revenue_threshold_comes_from_the_rule_set() {
		var ca = role("fixture-lab-mu/fixture-frontier-base", "US-CA");
		assertThat(reasons(ca)).anyMatch(r -> r.contains("revenues with affiliates above US$750 million"));
	}

	@Test
	void no_text_names_a_threshold_the_rule_set_files_do_not_hold() {
		List<String> texts = new ArrayList<>();
		for (String id : List.of("fixture-lab-delta/fixture-unknown-base-tune", "fixture-lab-iota/fixture-big-tune",
				"fixture-lab-iota/fixture-small-tune", "fixture-lab-epsilon/fixture-no-compute-tune",
				"fixture-lab-lambda/fixture-near-gpai", "fixture-lab-mu/fixture-frontier-base",
				"fixture-lab-eta/fixture-near-tune")) {
			for (var party : parties(id)) {
				for (var role : roles(party)) {
					texts.addAll(reasons(role));
					figures(role).forEach(f -> texts.add(String.valueOf(f.get("bound"))));
				}
			}
		}
		assertThat(texts).hasSizeGreaterThan(30)
			.noneMatch(t -> SHIPPED.matcher(t).find() || t.contains("one third") || t.contains("500 million"));
	}

	private Map<String, Object> role(String modelId, String jurisdiction) {
		return parties(modelId).stream()
			.filter(p -> modelId.equals(((Map<?, ?>) p.get("model")).get("id")))
			.flatMap(p -> roles(p).stream())
			.filter(r -> jurisdiction.equals(r.get("jurisdiction")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + jurisdiction + " role for " + modelId));
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> parties(String modelId) {
		return (List<Map<String, Object>>) GraphQlClient.anonymous(this.port)
			.documentName("liabilityTrace")
			.variable("id", modelId)
			.execute()
			.path("liabilityTrace")
			.entity(Map.class)
			.get()
			.get("parties");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> roles(Map<String, Object> party) {
		return (List<Map<String, Object>>) party.get("roles");
	}

	@SuppressWarnings("unchecked")
	private static List<String> reasons(Map<String, Object> role) {
		return (List<String>) role.get("reasons");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> figures(Map<String, Object> role) {
		return (List<Map<String, Object>>) role.get("figures");
	}

}
