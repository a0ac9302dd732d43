package dev.pedigree.interchange;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which source's fact a model keeps when imports disagree, over GraphQL: a curator's
 * figures and date stay against every import's; a publication date against a Hub
 * repository's creation date, in whichever order they come; each fact kept against
 * another value is listed in the import's conflicts, and a CycloneDX export carries the
 * sources so that its re-import keeps them.
 */
@PedigreeServerTest
class FactStandingTests {

	private static final String EPOCH_HEADER = "Model,Organization,Publication date,Domain,Task,Parameters,"
			+ "Training compute (FLOP),Base model,Finetune compute (FLOP),Model accessibility,"
			+ "Country (of organization),Confidence\n";

	@LocalServerPort
	int port;

	@Test
	void a_curator_s_figures_and_date_stay_against_the_hub_s_and_epoch_ai_s() {
		String n = Long.toString(System.nanoTime());
		String id = "standing-curated-lab-" + n + "/standing-curated-" + n;
		register(id, "Standing Curated " + n);

		var hub = importRecords("HUGGINGFACE", "{\"id\": \"" + id + "\", \"created_at\": \"2025-01-05T00:00:00.000Z\", "
				+ "\"safetensors\": {\"total\": 8030261248}}\n");
		assertThat((List<String>) hub.get("conflicts")).containsExactlyInAnyOrder(
				id + ": releaseDate 2025-01-10 (manual) kept over 2025-01-05 (hf:created)",
				id + ": parameters 8.0E9 (manual) kept over 8.030261248E9 (hf:safetensors)",
				// The Hub names a model by its id: the curator's spelling stays.
				id + ": name 'Standing Curated " + n + "' (manual) kept over '" + id + "' (huggingface)");
		// The Hub is a new source of the model: an update, but not of the kept facts.
		assertThat(hub).containsEntry("updated", 1);
		assertThat(importRecords("HUGGINGFACE",
				"{\"id\": \"" + id + "\", \"created_at\": "
						+ "\"2025-01-05T00:00:00.000Z\", \"safetensors\": {\"total\": 8030261248}}\n"))
			.containsEntry("updated", 0)
			.containsEntry("unchanged", 1);

		var epoch = importRecords("EPOCH", EPOCH_HEADER + "Standing Curated " + n + ",Standing Curated Lab " + n
				+ ",2025-02-01,Language,Language modeling/generation,7000000000,5e23,,,Open weights (unrestricted),"
				+ "France,Likely\n");
		assertThat((List<String>) epoch.get("conflicts")).contains(
				id + ": releaseDate 2025-01-10 (manual) kept over 2025-02-01 (epoch)",
				id + ": parameters 8.0E9 (manual) kept over 7.0E9 (epoch)",
				id + ": trainingComputeFlop 1.0E22 (manual) kept over 5.0E23 (epoch)");
		var model = model(id);
		assertThat(model).containsEntry("name", "Standing Curated " + n)
			.containsEntry("releaseDate", "2025-01-10")
			.containsEntry("releaseDateSource", "manual");
		assertThat((Map<String, Object>) model.get("parameterCount")).containsEntry("value", 8.0e9)
			.containsEntry("source", "manual")
			.containsEntry("estimated", false);
		// Epoch AI's confidence rating went with its figure: the curator's is no
		// estimate.
		assertThat((Map<String, Object>) model.get("trainingCompute")).containsEntry("value", 1.0e22)
			.containsEntry("source", "manual")
			.containsEntry("estimated", false);
		assertThat((List<String>) model.get("sources")).contains("manual", "huggingface", "epoch");
	}

	@Test
	void a_publication_date_replaces_a_hub_repository_s_creation_date_and_not_the_other_way_round() {
		String n = Long.toString(System.nanoTime());
		String id = "standing-hub-lab-" + n + "/standing-hub-first-" + n;
		assertThat(importRecords("HUGGINGFACE",
				"{\"id\": \"" + id + "\", \"created_at\": \"2024-03-01T00:00:00.000Z\"}\n"))
			.containsEntry("created", 1);
		assertThat(model(id)).containsEntry("releaseDate", "2024-03-01")
			.containsEntry("releaseDateSource", "hf:created");

		var epoch = importRecords("EPOCH",
				EPOCH_HEADER + "Standing Hub First " + n + ",Standing Hub Lab " + n
						+ ",2024-02-20,Language,Language modeling/generation,7000000000,,,,Open weights (unrestricted),"
						+ "France,\n");
		assertThat((List<String>) epoch.get("conflicts")).isEmpty();
		assertThat(model(id)).containsEntry("releaseDate", "2024-02-20").containsEntry("releaseDateSource", "epoch");

		var hubAgain = importRecords("HUGGINGFACE",
				"{\"id\": \"" + id + "\", \"created_at\": \"2024-03-01T00:00:00.000Z\"}\n");
		assertThat((List<String>) hubAgain.get("conflicts"))
			.containsExactly(id + ": releaseDate 2024-02-20 (epoch) kept over 2024-03-01 (hf:created)");
		assertThat(hubAgain).containsEntry("updated", 0).containsEntry("unchanged", 1);
		assertThat(model(id)).containsEntry("releaseDate", "2024-02-20").containsEntry("releaseDateSource", "epoch");
	}

	// The Hub's count from the weights and Epoch AI's disagree: neither outranks the
	// other, the later import's is stored, and its report names the value it replaced.
	@Test
	void a_source_of_the_same_standing_replaces_a_figure_and_says_so() {
		String n = Long.toString(System.nanoTime());
		String id = "standing-equal-lab-" + n + "/standing-equal-" + n;
		String hubRow = "{\"id\": \"" + id + "\", \"safetensors\": {\"total\": 8030261248}}\n";
		assertThat((List<String>) importRecords("HUGGINGFACE", hubRow).get("conflicts")).isEmpty();
		String epochRow = EPOCH_HEADER + "Standing Equal " + n + ",Standing Equal Lab " + n
				+ ",2025-02-01,Language,Language modeling/generation,7000000000,,,,Open weights (unrestricted),"
				+ "France,\n";
		var epoch = importRecords("EPOCH", epochRow);
		assertThat((List<String>) epoch.get("conflicts")).containsExactly(id
				+ ": parameters 8.030261248E9 (hf:safetensors) replaced by 7.0E9 (epoch), a source of the same standing");
		assertThat((Map<String, Object>) model(id).get("parameterCount")).containsEntry("value", 7.0e9)
			.containsEntry("source", "epoch");
		// The same rows again: nothing differs, nothing to say.
		assertThat((List<String>) importRecords("EPOCH", epochRow).get("conflicts")).isEmpty();
		assertThat((List<String>) importRecords("HUGGINGFACE", hubRow).get("conflicts")).containsExactly(id
				+ ": parameters 7.0E9 (epoch) replaced by 8.030261248E9 (hf:safetensors), a source of the same standing");
	}

	// A count read from the model's name stands in until a source gives one: replacing it
	// is no disagreement between sources.
	@Test
	void a_source_replaces_a_count_read_from_the_name_without_a_conflict() {
		String n = Long.toString(System.nanoTime());
		String id = "standing-name-lab-" + n + "/standing-name-7b-" + n;
		GraphQlClient.curator(this.port)
			.document("mutation($input: RegisterModelInput!) { registerModel(input: $input) { id } }")
			.variable("input", Map.of("id", id, "name", "Standing Name 7B " + n, "license", "MIT"))
			.execute()
			.path("registerModel.id")
			.entity(String.class)
			.isEqualTo(id);
		// An import settles what stored facts imply: the count its name states.
		importRecords("HUGGINGFACE", "{\"id\": \"" + id + "\"}\n");
		assertThat((Map<String, Object>) model(id).get("parameterCount")).containsEntry("source", "name");
		var hub = importRecords("HUGGINGFACE", "{\"id\": \"" + id + "\", \"safetensors\": {\"total\": 7241732096}, "
				+ "\"card_data\": \"license: apache-2.0\\n\"}\n");
		// The curator's name and licence stay (the licence as the catalogue keys it).
		assertThat((List<String>) hub.get("conflicts")).containsExactlyInAnyOrder(
				id + ": name 'Standing Name 7B " + n + "' (manual) kept over '" + id + "' (huggingface)",
				id + ": license 'mit' (manual) kept over 'apache-2.0' (huggingface)");
		assertThat(GraphQlClient.anonymous(this.port)
			.document("query($id: ID!) { model(id: $id) { license } }")
			.variable("id", id)
			.execute()
			.path("model.license")
			.entity(String.class)
			.get()).isEqualTo("mit");
		assertThat((Map<String, Object>) model(id).get("parameterCount")).containsEntry("value", 7.241732096e9)
			.containsEntry("source", "hf:safetensors");
	}

	// A curator's derivation stays against an edge list's, and the import says what it
	// said otherwise (it was counted unchanged, silently).
	@Test
	void a_curated_derivation_stays_and_the_import_names_what_it_said_otherwise() {
		String n = Long.toString(System.nanoTime());
		String parent = "standing-edge-lab-" + n + "/base-" + n;
		String child = "standing-edge-lab-" + n + "/tune-" + n;
		register(parent, "Standing Edge Base " + n);
		register(child, "Standing Edge Tune " + n);
		GraphQlClient.curator(this.port)
			.document("mutation($input: RecordDerivationInput!) { recordDerivation(input: $input) { relation } }")
			.variable("input", Map.of("childId", child, "parentIds", List.of(parent), "relation", "FINETUNE"))
			.execute();
		var edges = importRecords("HF_EDGES", "parent_id,child_id,relation\n" + parent + "," + child + ",adapter\n");
		assertThat((List<String>) edges.get("conflicts")).as("%s", edges)
			.containsExactly(child + " ← " + parent + ": relation FINETUNE (curated) kept over ADAPTER (hf)");
		assertThat(edges).containsEntry("updated", 0);
		assertThat(GraphQlClient.anonymous(this.port)
			.document("query($id: ID!) { model(id: $id) { parents { relation } } }")
			.variable("id", child)
			.execute()
			.path("model.parents[*].relation")
			.entityList(String.class)
			.get()).containsExactly("FINETUNE");
	}

	// A backup of an earlier release has no releaseDateSource: its date reads as the
	// rules read it then (Epoch AI's, here), and the Hub's creation date does not
	// replace it (a re-audit found it replaced).
	@Test
	void a_restored_date_without_its_source_reads_by_the_model_s_sources() {
		String n = Long.toString(System.nanoTime());
		String id = "standing-restored-lab-" + n + "/restored-" + n;
		importRecords("JSONL", "{\"type\":\"model\",\"id\":\"" + id + "\",\"properties\":{\"name\":\"Restored " + n
				+ "\",\"releaseDate\":\"2023-06-01\",\"sources\":[\"epoch\"]}}\n");
		assertThat(model(id)).containsEntry("releaseDateSource", "epoch");
		var hub = importRecords("HUGGINGFACE",
				"{\"id\": \"" + id + "\", \"created_at\": \"2024-03-01T00:00:00.000Z\"}\n");
		assertThat((List<String>) hub.get("conflicts"))
			.containsExactly(id + ": releaseDate 2023-06-01 (epoch) kept over 2024-03-01 (hf:created)");
		assertThat(model(id)).containsEntry("releaseDate", "2023-06-01");
	}

	// Malformed values in a file's properties are refused with the property, nothing of
	// the component written.
	@Test
	void a_cyclonedx_component_with_a_malformed_value_is_rejected_naming_the_property() {
		String n = Long.toString(System.nanoTime());
		String id = "standing-malformed-lab-" + n + "/malformed-" + n;
		register(id, "Standing Malformed " + n);
		String bom = bom(id);
		String edited = bom.replaceAll("(\"value\"\\s*:\\s*\")2025-01-10\"", "$12024-13-45\"");
		assertThat(edited).isNotEqualTo(bom);
		List<Map<String, Object>> rejected = GraphQlClient.curator(this.port)
			.document("mutation($c: String!) { importRecords(format: CYCLONEDX, content: $c) { rejected { reason } } }")
			.variable("c", edited)
			.execute()
			.path("importRecords.rejected")
			.entityList(Map.class)
			.get()
			.stream()
			.map(r -> (Map<String, Object>) r)
			.toList();
		assertThat(rejected).singleElement()
			.satisfies(r -> assertThat((String) r.get("reason")).contains(id)
				.contains("releaseDate must be a calendar date (YYYY-MM-DD), was '2024-13-45'"));
		assertThat(model(id)).containsEntry("releaseDate", "2025-01-10");
	}

	@Test
	void a_cyclonedx_export_carries_the_sources_and_its_reimport_keeps_them() {
		String n = Long.toString(System.nanoTime());
		String id = "standing-bom-lab-" + n + "/standing-bom-" + n;
		register(id, "Standing BOM " + n);
		String bom = bom(id);
		assertThat(bom).contains("\"pedigree:releaseDateSource\"", "\"pedigree:parametersSource\"",
				"\"pedigree:trainingComputeSource\"");
		var report = importRecords("CYCLONEDX", bom);
		assertThat((List<String>) report.get("conflicts")).isEmpty();
		var model = model(id);
		assertThat(model).containsEntry("name", "Standing BOM " + n)
			.containsEntry("releaseDate", "2025-01-10")
			.containsEntry("releaseDateSource", "manual");
		assertThat((Map<String, Object>) model.get("parameterCount")).containsEntry("source", "manual");
		assertThat((Map<String, Object>) model.get("trainingCompute")).containsEntry("source", "manual");
		// A file that names a curator as its source does not stand as one: its own
		// figure, which another value of it does not replace.
		String edited = bom.replaceAll("(\"value\"\\s*:\\s*\")8\\.0E9\"", "$15.0E9\"")
			.replaceAll("(\"value\"\\s*:\\s*\")2025-01-10\"", "$12021-02-02\"");
		assertThat(edited).isNotEqualTo(bom);
		assertThat((List<String>) importRecords("CYCLONEDX", edited).get("conflicts")).containsExactlyInAnyOrder(
				id + ": releaseDate 2025-01-10 (manual) kept over 2021-02-02 (cyclonedx)",
				id + ": parameters 8.0E9 (manual) kept over 5.0E9 (cyclonedx)");
		assertThat(model(id)).containsEntry("releaseDate", "2025-01-10");
	}

	/** The model's CycloneDX export, alone. */
	private String bom(String id) {
		return new String(GraphQlClient.download(this.port, "/export/cyclonedx?model=" + id + "&direction=up&depth=1"),
				StandardCharsets.UTF_8);
	}

	private void register(String id, String name) {
		GraphQlClient.curator(this.port)
			.document("mutation($input: RegisterModelInput!) { registerModel(input: $input) { id } }")
			.variable("input",
					Map.of("id", id, "name", name, "parameters", 8.0e9, "trainingComputeFlop", 1.0e22, "releaseDate",
							"2025-01-10"))
			.execute()
			.path("registerModel.id")
			.entity(String.class)
			.isEqualTo(id);
	}

	private Map<String, Object> importRecords(String format, String content) {
		return GraphQlClient.curator(this.port)
			.document("mutation($f: ImportFormat!, $c: String!) { importRecords(format: $f, content: $c) { "
					+ "created updated unchanged conflicts rejected { record reason } } }")
			.variable("f", format)
			.variable("c", content)
			.execute()
			.path("importRecords.rejected")
			.entityList(Object.class)
			.hasSize(0)
			.path("importRecords")
			.entity(Map.class)
			.get();
	}

	private Map<String, Object> model(String id) {
		return GraphQlClient.anonymous(this.port)
			.document("query($id: ID!) { model(id: $id) { name releaseDate releaseDateSource sources "
					+ "parameterCount { value source estimated } trainingCompute { value source estimated } } }")
			.variable("id", id)
			.execute()
			.path("model")
			.entity(Map.class)
			.get();
	}

}
