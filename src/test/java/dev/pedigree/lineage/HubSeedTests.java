package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;
import dev.pedigree.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed from the richest record: every models.jsonl record's named facts, sizes with
 * their provenance (counted, reported, or estimated from a name), and size warnings on
 * derivations whose declared parent cannot have produced the child — over GraphQL,
 * against testdata/ read independently.
 */
@PedigreeServerTest
class HubSeedTests {

	private static final String FACTS = "id tags license pipelineTag releaseDate parameterCount { value source estimated }";

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@Test
	@SuppressWarnings("unchecked")
	void every_models_jsonl_record_seeds_with_its_named_facts() {
		var records = TestData.huggingFaceRecords();
		assertThat(records).hasSize(1469);
		// The Hub repos seed-data/model-links.csv names as Epoch AI rows (checked below).
		Set<String> epochLinked = Set.of("meta-llama/Llama-2-7b", "deepseek-ai/DeepSeek-V3", "deepseek-ai/DeepSeek-R1",
				"bigscience/bloom", "EleutherAI/gpt-neox-20b");
		for (int from = 0; from < records.size(); from += 100) {
			var batch = records.subList(from, Math.min(records.size(), from + 100));
			StringBuilder document = new StringBuilder("{");
			for (int i = 0; i < batch.size(); i++) {
				document.append(" m")
					.append(i)
					.append(": model(id: \"")
					.append(batch.get(i).id())
					.append("\") { ")
					.append(FACTS)
					.append(" }");
			}
			Map<String, Object> data = GraphQlClient.anonymous(this.port)
				.document(document.append(" }").toString())
				.execute()
				.path("")
				.entity(Map.class)
				.get();
			for (int i = 0; i < batch.size(); i++) {
				var record = batch.get(i);
				var model = (Map<String, Object>) data.get("m" + i);
				assertThat(model).as(record.id()).isNotNull();
				assertThat(model.get("id")).isEqualTo(record.id());
				// Lineage comes from edges.csv (seed-data/extract.py drops the
				// base_model: tags).
				assertThat((List<String>) model.get("tags")).as(record.id())
					.isEqualTo(record.tags().stream().filter(t -> !t.startsWith("base_model:")).toList());
				String license = record.license() != null ? record.license()
						: record.tags()
							.stream()
							.filter(t -> t.startsWith("license:"))
							.map(t -> t.substring(8))
							.findFirst()
							.orElse(null);
				assertThat(model.get("license")).as(record.id()).isEqualTo(license);
				assertThat(model.get("pipelineTag")).as(record.id()).isEqualTo(record.pipelineTag());
				// A model Epoch AI describes too keeps Epoch AI's publication date.
				if (!epochLinked.contains(record.id())) {
					assertThat(model.get("releaseDate")).as(record.id())
						.isEqualTo(record.createdAt() == null ? null : record.createdAt().substring(0, 10));
				}
				var size = (Map<String, Object>) model.get("parameterCount");
				if (size != null && "epoch".equals(size.get("source"))) {
					// A model Epoch AI describes too (DeepSeek-R1, -V3): its reported
					// figure.
					assertThat(epochLinked).contains(record.id());
				}
				else if (record.safetensorsTotal() != null) {
					assertThat(size).as(record.id())
						.containsEntry("value", record.safetensorsTotal())
						.containsEntry("source", "hf:safetensors")
						.containsEntry("estimated", false);
				}
				else if (size != null) {
					assertThat(size.get("source")).as(record.id()).isIn("name", "epoch");
				}
			}
		}
	}

	@Test
	void sizes_say_where_they_come_from() {
		// Counted from the weights (models.jsonl's safetensors total).
		assertThat(size("huihui-ai/DeepSeek-V3-abliterated"))
			.isEqualTo(Map.of("value", 671026419200.0, "source", "hf:safetensors", "estimated", false));
		// Reported by Epoch AI for a model the Hub describes too (the Hub's weights count
		// 684.5B with the multi-token-prediction module).
		assertThat(size("deepseek-ai/DeepSeek-R1"))
			.isEqualTo(Map.of("value", 6.71e11, "source", "epoch", "estimated", false));
		// Reported by Epoch AI.
		assertThat(size("meta/llama-3-2-11b"))
			.isEqualTo(Map.of("value", 1.06e10, "source", "epoch", "estimated", false));
		// Read from names: estimates.
		assertThat(size("PocketDoc/Dans-PersonalityEngine-V1.2.0-24b"))
			.isEqualTo(Map.of("value", 2.4e10, "source", "name", "estimated", true));
		assertThat(size("XZHY/customer_service_chatbot_DeepSeek-R1-Distill-Qwen-1.5B_DPO"))
			.isEqualTo(Map.of("value", 1.5e9, "source", "name", "estimated", true));
		assertThat(size("nicce/story-mixtral-8x7b-lora"))
			.isEqualTo(Map.of("value", 5.6e10, "source", "name", "estimated", true));
		// Epoch AI's compute keeps its rating: "Speculative" is an estimate.
		assertThat(GraphQlClient.anonymous(this.port)
			.document("{ model(id: \"alibaba/qwq-32b\") { trainingCompute { value source estimated } } }")
			.execute()
			.path("model.trainingCompute")
			.entity(Map.class)
			.get()).isEqualTo(Map.of("value", 3.51e24, "source", "epoch", "estimated", true));
	}

	@Test
	@SuppressWarnings("unchecked")
	void a_declared_parent_whose_size_cannot_produce_the_child_gets_a_warning_and_nothing_changes() {
		var parents = GraphQlClient.anonymous(this.port)
			.document("{ model(id: \"beita6969/DeepSeek-R1-Distill-Qwen-32B-Medical\") "
					+ "{ parents { parent { id } relation source warnings } } }")
			.execute()
			.path("model.parents")
			.entityList(Map.class)
			.get();
		assertThat(parents).singleElement().satisfies(p -> {
			assertThat(((Map<String, Object>) p.get("parent")).get("id")).isEqualTo("deepseek-ai/DeepSeek-R1");
			assertThat(p.get("relation")).isEqualTo("FINETUNE");
			assertThat((List<String>) p.get("warnings")).singleElement()
				.asString()
				.startsWith("size: declared a finetune of a 671B-parameter model (epoch) but has 32.8B"
						+ " parameters (hf:safetensors), 0.049 times the parent's");
		});
		// An MLX 4-bit upload declared a fine-tune stores packed weights: a quantization
		// by
		// its name, excepted.
		assertThat(warnings("mlx-community/EXAONE-Deep-32B-4bit")).isEmpty();
		// dataQuality counts them as the graph holds them.
		long counted = GraphQlClient.anonymous(this.port)
			.document("{ dataQuality { derivationsWithWarnings } }")
			.execute()
			.path("dataQuality.derivationsWithWarnings")
			.entity(Long.class)
			.get();
		try (var session = this.driver.session()) {
			long stored = session
				.run("MATCH ()-[d:DERIVED_FROM]->() WHERE size(coalesce(d.warnings, [])) > 0 " + "RETURN count(d) AS n")
				.single()
				.get("n")
				.asLong();
			assertThat(counted).isEqualTo(stored).isPositive();
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void curated_derivations_are_checked_too_and_quantizations_and_adapters_are_excepted() {
		var curator = GraphQlClient.curator(this.port);
		for (String[] m : new String[][] { { "pedigree-fixture/size-parent-70b", "7.0e10" },
				{ "pedigree-fixture/size-student", "7.0e9" }, { "pedigree-fixture/size-quant", "7.0e9" },
				{ "pedigree-fixture/size-adapter", "4.0e7" } }) {
			curator
				.document("mutation { registerModel(input: {id: \"" + m[0] + "\", name: \"" + m[0] + "\", parameters: "
						+ m[1] + "}) { parameterCount { source estimated } } }")
				.execute()
				.path("registerModel.parameterCount")
				.entity(Map.class)
				.isEqualTo(Map.of("source", "manual", "estimated", false));
		}
		List<String> warned = curator
			.document("mutation { recordDerivation(input: {childId: \"pedigree-fixture/size-student\", "
					+ "parentIds: [\"pedigree-fixture/size-parent-70b\"], relation: FINETUNE}) { warnings } }")
			.execute()
			.path("recordDerivation[0].warnings")
			.entityList(String.class)
			.get();
		assertThat(warned).singleElement()
			.asString()
			.startsWith("size: declared a finetune of a 70B-parameter model (manual) but has 7B parameters (manual)");
		for (String[] d : new String[][] { { "pedigree-fixture/size-quant", "QUANTIZED" },
				{ "pedigree-fixture/size-adapter", "ADAPTER" } }) {
			curator
				.document("mutation { recordDerivation(input: {childId: \"" + d[0]
						+ "\", parentIds: [\"pedigree-fixture/size-parent-70b\"], relation: " + d[1]
						+ "}) { warnings } }")
				.execute()
				.path("recordDerivation[0].warnings")
				.entityList(String.class)
				.hasSize(0);
		}
		// A corrected size clears the doubt.
		curator
			.document("mutation { registerModel(input: {id: \"pedigree-fixture/size-student\", "
					+ "name: \"pedigree-fixture/size-student\", parameters: 7.1e10}) { id } }")
			.execute();
		assertThat(warnings("pedigree-fixture/size-student")).isEmpty();
	}

	private Map<String, Object> size(String id) {
		return GraphQlClient.anonymous(this.port)
			.document("query($id: ID!) { model(id: $id) { parameterCount { value source estimated } } }")
			.variable("id", id)
			.execute()
			.path("model.parameterCount")
			.entity(Map.class)
			.get();
	}

	private List<String> warnings(String id) {
		List<String> all = new ArrayList<>();
		GraphQlClient.anonymous(this.port)
			.document("query($id: ID!) { model(id: $id) { parents { warnings } } }")
			.variable("id", id)
			.execute()
			.path("model.parents[*].warnings[*]")
			.entityList(String.class)
			.get()
			.forEach(all::add);
		return all;
	}

}
