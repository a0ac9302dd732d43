package dev.pedigree.risk;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README: incidents are recorded with {@code recordIncident} and appear, as inherited, on
 * every descendant.
 */
@PedigreeServerTest
class IncidentTests {

	@LocalServerPort
	int port;

	@Test
	void a_recorded_incident_is_listed_on_its_model_and_inherited_by_every_descendant() {
		String prefix = "test/incident-" + UUID.randomUUID().toString().substring(0, 8);
		String base = prefix + "-base";
		String tune = prefix + "-tune";
		String quant = prefix + "-tune-gguf";
		for (String id : List.of(base, tune, quant)) {
			GraphQlClient.curator(this.port)
				.documentName("registerModel")
				.variable("input", Map.of("id", id, "name", id, "developerId", "meta"))
				.execute()
				.path("registerModel.id")
				.entity(String.class)
				.isEqualTo(id);
		}
		derive(tune, base, "FINETUNE");
		derive(quant, tune, "QUANTIZED");
		var incident = GraphQlClient.curator(this.port)
			.document("mutation($id: ID!) { recordIncident(input: {modelId: $id, category: DECEPTION, "
					+ "severity: \"medium\", summary: \"fixture incident\", date: \"2026-01-15\"}) "
					+ "{ id kind category severity summary date } }")
			.variable("id", base)
			.execute()
			.path("recordIncident")
			.entity(Map.class)
			.get();
		assertThat(incident).containsEntry("kind", "Incident")
			.containsEntry("category", "DECEPTION")
			.containsEntry("severity", "medium")
			.containsEntry("summary", "fixture incident")
			.containsEntry("date", "2026-01-15");
		String incidentId = (String) incident.get("id");
		assertThat(incidentId).isNotBlank();

		assertThat(findings(base)).singleElement().satisfies(f -> {
			assertThat(((Map<?, ?>) f.get("finding")).get("id")).isEqualTo(incidentId);
			assertThat(f.get("inherited")).isEqualTo(false);
			assertThat(f.get("depth")).isEqualTo(0);
		});
		for (var expected : List.of(List.of(tune, 1, List.of(base, tune)),
				List.of(quant, 2, List.of(base, tune, quant)))) {
			assertThat(findings((String) expected.get(0))).as("findings of " + expected.get(0))
				.singleElement()
				.satisfies(f -> {
					assertThat(((Map<?, ?>) f.get("finding")).get("id")).isEqualTo(incidentId);
					assertThat(((Map<?, ?>) f.get("finding")).get("category")).isEqualTo("DECEPTION");
					assertThat(((Map<?, ?>) f.get("recordedOn")).get("id")).isEqualTo(base);
					assertThat(f.get("inherited")).isEqualTo(true);
					assertThat(f.get("depth")).isEqualTo(expected.get(1));
					assertThat(f.get("path")).isEqualTo(expected.get(2));
				});
		}
		// As of the day before the incident it was not known; from its date on it is
		// (the fixture models are undated, so they count as present).
		assertThat(findingsAsOf(quant, "2026-01-14")).isEmpty();
		assertThat(findingsAsOf(quant, "2026-01-15")).singleElement()
			.satisfies(f -> assertThat(((Map<?, ?>) ((Map<?, ?>) f).get("finding")).get("id")).isEqualTo(incidentId));
	}

	private List<Object> findingsAsOf(String id, String asOf) {
		return GraphQlClient.anonymous(this.port)
			.document("query($id: ID!, $asOf: Date) { liabilityTrace(modelId: $id, asOf: $asOf) "
					+ "{ findings { finding { id } } } }")
			.variable("id", id)
			.variable("asOf", asOf)
			.execute()
			.path("liabilityTrace.findings")
			.entityList(Object.class)
			.get();
	}

	private List<Map<String, Object>> findings(String id) {
		return (List<Map<String, Object>>) GraphQlClient.anonymous(this.port)
			.documentName("liabilityTrace")
			.variable("id", id)
			.execute()
			.path("liabilityTrace.findings")
			.entityList(Map.class)
			.get()
			.stream()
			.map(m -> (Map<String, Object>) m)
			.toList();
	}

	private void derive(String child, String parent, String relation) {
		GraphQlClient.curator(this.port)
			.documentName("recordDerivation")
			.variable("input", Map.of("childId", child, "parentIds", List.of(parent), "relation", relation))
			.execute()
			.path("recordDerivation[0].child.id")
			.entity(String.class)
			.isEqualTo(child);
	}

}
