package dev.pedigree.lineage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;
import dev.pedigree.TestData;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safety signals over GraphQL. The fixture {@code fixtures/safety-signals.jsonl} is made
 * up (every id under {@code pedigree-fixture/}): one positive of each kind (tag, curated
 * training set, name: abliterated, orthogonalized, refusal-attack, jailbreak), a
 * repackaging of a positive, and negative controls of each kind (a jailbreak classifier
 * tagged "jailbreak", a toxic-DPO detector trained on a stripping set, a safety-tuned
 * model, a guard tagged "uncensored", a refusal classifier, an "uncensored" content
 * detector, a censorship detector). Real records of the seed check the same rules.
 */
@PedigreeServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafetySignalTests {

	private static final String BASE = "pedigree-fixture/base-chat-7b";

	private static final String DERIVATION = "parents { relation safetyEffect safetySource safetyConfidence "
			+ "safetySignals { kind evidence source confidence reference } }";

	@LocalServerPort
	int port;

	@BeforeAll
	void importFixture() throws IOException {
		String content = new ClassPathResource("fixtures/safety-signals.jsonl")
			.getContentAsString(StandardCharsets.UTF_8);
		GraphQlClient.curator(this.port)
			.documentName("importRecords")
			.variable("format", "HUGGINGFACE")
			.variable("content", content)
			.execute()
			.path("importRecords.rejected")
			.entityList(Object.class)
			.hasSize(0);
	}

	@Test
	void each_kind_of_signal_sets_the_effect_and_keeps_the_declared_relation() {
		assertThat(signals("pedigree-fixture/helper-chat-7b"))
			.containsExactly(Map.of("kind", "TAG", "evidence", "uncensored", "source", "hf:tags", "confidence", 0.7));
		assertThat(signals("pedigree-fixture/assistant-7b-dpo")).singleElement().satisfies(s -> {
			assertThat(s).containsEntry("kind", "TRAINING_SET").containsEntry("evidence", "unalignment/toxic-dpo-v0.2");
			assertThat(s).containsEntry("confidence", 0.8).containsEntry("source", "hf:card:datasets");
			assertThat(s.get("reference")).isEqualTo("https://huggingface.co/datasets/unalignment/toxic-dpo-v0.2");
		});
		for (String name : List.of("pedigree-fixture/base-chat-7b-abliterated",
				"pedigree-fixture/base-chat-7b-orthogonalized", "pedigree-fixture/base-chat-7b-refusal-attack",
				"pedigree-fixture/Jailbreak_base-chat-7b")) {
			assertThat(signals(name)).as(name)
				.containsExactly(Map.of("kind", "NAME", "evidence", name, "source", "id", "confidence", 0.6));
		}
		for (String positive : List.of("pedigree-fixture/helper-chat-7b", "pedigree-fixture/assistant-7b-dpo",
				"pedigree-fixture/base-chat-7b-abliterated", "pedigree-fixture/Jailbreak_base-chat-7b")) {
			var parent = parent(positive);
			assertThat(parent).as(positive)
				.containsEntry("relation", "FINETUNE")
				.containsEntry("safetyEffect", "REMOVED")
				.containsEntry("safetySource", "heuristic");
		}
		// The strongest signal is the effect's confidence.
		assertThat(parent("pedigree-fixture/assistant-7b-dpo")).containsEntry("safetyConfidence", 0.8);
	}

	@Test
	void negative_controls_of_each_kind_carry_no_signal() {
		for (String control : List.of("pedigree-fixture/jailbreak-classifier", "pedigree-fixture/toxic-dpo-detector",
				"pedigree-fixture/base-chat-7b-safety-tuned", "pedigree-fixture/Guard-base-chat-7b",
				"pedigree-fixture/refusal-classifier-7b", "pedigree-fixture/uncensored-content-detector",
				"pedigree-fixture/censorship-detector-7b")) {
			assertThat(signals(control)).as(control).isEmpty();
			assertThat(parent(control)).as(control).containsEntry("safetyEffect", "UNKNOWN");
		}
		// A quantization of an abliteration repackages it: its tag is the parent's act.
		assertThat(signals("pedigree-fixture/base-chat-7b-abliterated-GGUF")).isEmpty();
	}

	@Test
	void the_effect_filter_finds_the_positives_and_none_of_the_controls() {
		List<String> removed = GraphQlClient.anonymous(this.port)
			.document("{ models(filter: {nameContains: \"pedigree-fixture/\", safetyEffect: REMOVED}, first: 50) "
					+ "{ edges { node { id } } } }")
			.execute()
			.path("models.edges[*].node.id")
			.entityList(String.class)
			.get();
		// (The curated test's fixture is REMOVED until a curator says otherwise.)
		assertThat(removed).filteredOn(id -> !id.startsWith("pedigree-fixture/curated-"))
			.containsExactlyInAnyOrder("pedigree-fixture/helper-chat-7b", "pedigree-fixture/assistant-7b-dpo",
					"pedigree-fixture/base-chat-7b-abliterated", "pedigree-fixture/base-chat-7b-orthogonalized",
					"pedigree-fixture/base-chat-7b-refusal-attack", "pedigree-fixture/Jailbreak_base-chat-7b");
		List<String> relation = GraphQlClient.anonymous(this.port)
			.document("{ models(filter: {nameContains: \"pedigree-fixture/\", relation: SAFETY_REMOVAL}, first: 50) "
					+ "{ edges { node { id } } } }")
			.execute()
			.path("models.edges[*].node.id")
			.entityList(String.class)
			.get();
		assertThat(relation).as("heuristics never rewrite the declared relation").isEmpty();
	}

	@Test
	void a_curated_effect_wins_over_the_signals_which_stay_visible() throws IOException {
		String child = "pedigree-fixture/curated-chat-7b-abliterated";
		GraphQlClient.curator(this.port)
			.document("mutation { recordDerivation(input: {childId: \"" + child + "\", parentIds: [\"" + BASE
					+ "\"], relation: FINETUNE, safetyEffect: DEGRADED, source: \"manual\"}) { safetyEffect } }")
			.execute()
			.path("recordDerivation[0].safetyEffect")
			.entity(String.class)
			.isEqualTo("DEGRADED");
		// A later import of the same record does not overwrite the curated fact.
		importFixture();
		var parent = parent(child);
		assertThat(parent).containsEntry("safetyEffect", "DEGRADED")
			.containsEntry("safetySource", "curated")
			.containsEntry("safetyConfidence", 1.0);
	}

	@Test
	void the_seed_reads_real_hub_tags_training_sets_and_names() {
		// Tags: huihui-ai's abliteration is tagged "uncensored" and "abliterated" and
		// named so.
		assertThat(signals("huihui-ai/DeepSeek-V3-abliterated"))
			.extracting(s -> s.get("kind") + ":" + s.get("evidence"))
			.containsExactly("TAG:abliterated", "TAG:uncensored", "NAME:huihui-ai/DeepSeek-V3-abliterated");
		// A training set off the curated list is no signal: the three cards that list
		// anthracite-org/kalo-opus-instruct-22k-no-refusal (dropped from the list, as no
		// checked page shows it strips alignment; seed-data/safety/README.md) carry none.
		// The curated positive is the marked fixture's (toxic-dpo-v0.2), as no seeded
		// card names a listed set.
		for (String id : List.of("SaisExperiments/Not-So-Small-Alpaca-24B",
				"allura-org/Mistral-Small-24b-Sertraline-0304", "allura-org/Mistral-Small-Sisyphus-24b-2503")) {
			assertThat(TestData.huggingFaceRecords().stream().filter(r -> r.id().equals(id)).findFirst())
				.as(id + " is a seeded record whose card lists the set")
				.hasValueSatisfying(
						r -> assertThat(r.datasets()).contains("anthracite-org/kalo-opus-instruct-22k-no-refusal"));
			assertThat(signals(id)).as(id).isEmpty();
		}
		// A real negative control: a text classifier whose card lists an uncensored chat
		// set.
		assertThat(signals("Meow9848t677/G79go94")).isEmpty();
		// The "uncensored" tag is searchable: every seeded record the Hub tags so.
		List<String> tagged = TestData.huggingFaceRecords()
			.stream()
			.filter(r -> r.tags().contains("uncensored"))
			.map(TestData.HubRecord::id)
			.toList();
		assertThat(tagged).hasSize(5);
		assertThat(GraphQlClient.anonymous(this.port)
			.document("{ models(filter: {tag: \"UNCENSORED\"}, first: 50) { edges { node { id } } } }")
			.execute()
			.path("models.edges[*].node.id")
			.entityList(String.class)
			.get()).filteredOn(id -> !id.startsWith("pedigree-fixture/") && !id.startsWith("fixture-"))
			.containsExactlyInAnyOrderElementsOf(tagged);
	}

	private Map<String, Object> parent(String id) {
		List<Map<String, Object>> parents = GraphQlClient.anonymous(this.port)
			.document("query($id: ID!) { model(id: $id) { " + DERIVATION + " } }")
			.variable("id", id)
			.execute()
			.path("model.parents")
			.entityList(Map.class)
			.get()
			.stream()
			.map(m -> (Map<String, Object>) m)
			.toList();
		assertThat(parents).as(id).hasSize(1);
		return parents.get(0);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> signals(String id) {
		return ((List<Map<String, Object>>) parent(id).get("safetySignals")).stream().map(s -> {
			var copy = new java.util.LinkedHashMap<>(s);
			if (copy.get("reference") == null) {
				copy.remove("reference");
			}
			return (Map<String, Object>) copy;
		}).toList();
	}

}
