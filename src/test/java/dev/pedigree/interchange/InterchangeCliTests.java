package dev.pedigree.interchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pedigree.GraphQlClient;
import dev.pedigree.OwnJvm;
import dev.pedigree.PedigreeApplication;
import dev.pedigree.PedigreeServerTest;
import dev.pedigree.TestData;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line importer and exporter and the HTTP export, against real data: exports
 * of the seeded server re-import into an empty store (a fresh embedded database per CLI
 * run) to the same lineage.
 */
@PedigreeServerTest
class InterchangeCliTests {

	@LocalServerPort
	int port;

	@TempDir
	Path temp;

	@Test
	void importing_edges_csv_reproduces_every_edge_and_a_second_import_is_all_unchanged() throws IOException {
		Path store = this.temp.resolve("store");
		Path edges = TestData.root().resolve("huggingface/edges.csv");
		var first = cli("import", "--format", "hf-edges", edges.toString(), storeOption(store));
		assertThat(first.exitCode()).isZero();
		long endpoints = TestData.huggingFaceEdges()
			.stream()
			.flatMap(e -> java.util.stream.Stream.of(e.parent(), e.child()))
			.distinct()
			.count();
		// Models known only by id in an edge list become placeholders that a later node
		// import fills in.
		assertThat(first.output())
			.contains("6379 created, 0 updated, 0 unchanged, 0 rejected, " + endpoints + " placeholders");
		var second = cli("import", "--format", "hf-edges", edges.toString(), storeOption(store));
		assertThat(second.exitCode()).isZero();
		assertThat(second.output()).contains("0 created, 0 updated, 6379 unchanged");
		Path out = this.temp.resolve("all.csv");
		assertThat(cli("export", "--format", "csv", "--out", out.toString(), storeOption(store)).exitCode()).isZero();
		Set<String> expected = TestData.huggingFaceEdges()
			.stream()
			.map(e -> e.parent() + "," + e.child() + "," + e.relation())
			.collect(Collectors.toSet());
		assertThat(edgeTriples(out)).isEqualTo(expected);
	}

	@Test
	void importing_hub_metadata_produces_every_tag_edge_of_edges_csv_and_is_idempotent() throws IOException {
		Path store = this.temp.resolve("store");
		Path models = TestData.root().resolve("huggingface/models.jsonl.gz");
		var first = cli("import", "--format", "huggingface", models.toString(), storeOption(store));
		assertThat(first.exitCode()).as(first.output()).isZero();
		var second = cli("import", "--format", "huggingface", models.toString(), storeOption(store));
		assertThat(second.output())
			.containsPattern("huggingface import: 0 created, 0 updated, \\d+ unchanged, 0 rejected");
		Path out = this.temp.resolve("all.csv");
		assertThat(cli("export", "--format", "csv", "--out", out.toString(), storeOption(store)).exitCode()).isZero();
		Set<String> tagEdges = TestData.huggingFaceEdges()
			.stream()
			.filter(e -> e.sources().contains("tag"))
			.map(e -> e.parent() + "," + e.child() + "," + e.relation())
			.collect(Collectors.toSet());
		assertThat(tagEdges).hasSize(1450);
		assertThat(edgeTriples(out)).containsAll(tagEdges);
		// Card datasets become TRAINED_ON; "abliterated" and similar ids set safetyEffect
		// REMOVED as a heuristic.
		List<String> lines = Files.readAllLines(out);
		assertThat(lines)
			.anySatisfy(l -> assertThat(l).contains("huihui-ai/DeepSeek-V3-abliterated").contains("REMOVED"));
	}

	@Test
	void the_hub_api_camel_case_shape_imports_too() throws IOException {
		Path file = Files.writeString(this.temp.resolve("api.jsonl"),
				"""
						{"modelId": "org-a/base", "createdAt": "2024-05-01T10:00:00.000Z", "downloads": 10, "tags": ["license:apache-2.0"]}
						{"modelId": "org-b/merged", "createdAt": "2024-06-01T10:00:00.000Z", "cardData": {"base_model": ["https://huggingface.co/org-a/base", "org-c/other"], "datasets": ["unalignment/toxic-dpo-v0.2"]}}
						{"modelId": "org-e/single-merge", "tags": ["base_model:merge:org-a/base"]}
						{"modelId": "org-f/tagged-tune", "tags": ["base_model:finetune:org-a/base"], "cardData": {"base_model": ["org-a/base", "org-c/other"]}}
						not json
						""");
		Path store = this.temp.resolve("store");
		var result = cli("import", "--format", "huggingface", file.toString(), storeOption(store));
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.output()).contains("api.jsonl:5: not a JSON object", "placeholder: org-c/other");
		Path out = this.temp.resolve("out.csv");
		assertThat(cli("export", "--format", "csv", "--out", out.toString(), storeOption(store)).exitCode()).isZero();
		assertThat(Files.readAllLines(out)).contains("org-a/base,org-b/merged,merge,hf:card,0.7,,REMOVED,,false",
				"org-c/other,org-b/merged,merge,hf:card,0.7,,REMOVED,,false",
				"org-a/base,org-e/single-merge,merge,hf:tag,0.9,,,,true",
				// The Hub's tag says fine-tune: the card's other parent is a claim of no
				// declared kind, not a merge.
				"org-a/base,org-f/tagged-tune,finetune,hf:tag,0.9,,,,false",
				"org-c/other,org-f/tagged-tune,other,hf:card,0.7,,,,false");
	}

	@Test
	void a_family_exported_over_http_as_csv_reimports_to_the_same_lineage() throws IOException {
		byte[] csv = GraphQlClient.http(this.port)
			.get()
			.uri("/export/csv?model=meta-llama/Llama-2-7b&direction=down&depth=50")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/csv")
			.expectBody()
			.returnResult()
			.getResponseBody();
		Path exported = Files.write(this.temp.resolve("llama.csv"), csv);
		Path store = this.temp.resolve("store");
		assertThat(cli("import", "--format", "hf-edges", exported.toString(), storeOption(store)).exitCode()).isZero();
		Path again = this.temp.resolve("again.csv");
		assertThat(cli("export", "--format", "csv", "--model", "meta-llama/Llama-2-7b", "--direction", "down", "--out",
				again.toString(), storeOption(store))
			.exitCode()).isZero();
		assertThat(edgeTriples(again)).isEqualTo(edgeTriples(exported))
			.hasSizeGreaterThanOrEqualTo(
					TestData.reachable(TestData.huggingFaceEdges(), "meta-llama/Llama-2-7b", true).size());
		// Each edge's source, confidence, compute and incomplete flag come back as they
		// were exported (a reviewer found every source read back as "hf", Epoch AI's
		// links
		// among them); the safety and capability effects are left to their evidence.
		assertThat(provenance(again)).isEqualTo(provenance(Files.readAllLines(exported)));
		// Exactly the family's derivations: edges.csv's and Epoch AI's base-model links.
		var seed = dev.pedigree.SeedFacts.load();
		assertThat(edgeTriples(exported))
			.isEqualTo(seed.inside("meta-llama/Llama-2-7b", seed.descendants("meta-llama/Llama-2-7b", 50).keySet())
				.stream()
				.map(d -> d.parent() + "," + d.child() + "," + d.relation().toLowerCase(java.util.Locale.ROOT))
				.collect(Collectors.toSet()));
	}

	@Test
	void the_whole_graph_as_json_lines_restores_into_an_empty_store() throws IOException {
		// A backup carries more than lineage: findings and incidents (and their links)
		// must survive a restore.
		GraphQlClient.curator(this.port)
			.document("mutation { recordRiskFinding(input: {modelId: \"meta-llama/Llama-2-7b\", category: CYBER, "
					+ "severity: \"high\", summary: \"backup round-trip finding\"}) { id } }")
			.execute()
			.path("recordRiskFinding.id")
			.hasValue();
		byte[] backup = GraphQlClient.download(this.port, "/export/jsonl");
		Path file = Files.write(this.temp.resolve("backup.jsonl"), backup);
		Path store = this.temp.resolve("store");
		var restore = cli("import", "--format", "jsonl", file.toString(), storeOption(store));
		assertThat(restore.exitCode()).as(restore.output()).isZero();
		Path again = this.temp.resolve("again.jsonl");
		assertThat(cli("export", "--format", "jsonl", "--out", again.toString(), storeOption(store)).exitCode())
			.isZero();
		Set<String> original = new HashSet<>(Files.readAllLines(file));
		Set<String> restored = new HashSet<>(Files.readAllLines(again));
		assertThat(difference(original, restored)).as("lost in the round trip").isEmpty();
		assertThat(difference(restored, original)).as("added by the round trip").isEmpty();
		// The same file, not only the same lines: README says so, and a user checks a
		// restore with cmp or a checksum (a model's derivations came in the store's
		// order).
		assertThat(Files.readAllLines(again)).as("the restored store's backup, line by line")
			.isEqualTo(Files.readAllLines(file));
		assertThat(original).hasSizeGreaterThan(13_000)
			.anyMatch(l -> l.startsWith("{\"type\":\"node\",\"label\":\"License\""))
			.anyMatch(l -> l.startsWith("{\"type\":\"node\",\"label\":\"RiskFinding\"")
					&& l.contains("backup round-trip finding"))
			.anyMatch(l -> l.startsWith(
					"{\"type\":\"link\",\"relationship\":\"HAS_FINDING\",\"fromLabel\":\"Model\",\"from\":\"meta-llama/Llama-2-7b\""));
	}

	@Test
	void a_cyclonedx_ml_bom_of_a_real_family_validates_and_reimports_to_the_same_lineage() throws Exception {
		byte[] bom = GraphQlClient.download(this.port,
				"/export/cyclonedx?model=meta-llama/Llama-2-7b&direction=both&depth=50");
		assertThat(new org.cyclonedx.parsers.JsonParser().validate(bom, org.cyclonedx.Version.VERSION_16)).isEmpty();
		assertThat(new String(bom, StandardCharsets.UTF_8)).contains("\"machine-learning-model\"",
				"\"pedigree:relation\"");
		Path file = Files.write(this.temp.resolve("llama.cdx.json"), bom);
		Path store = this.temp.resolve("store");
		var imported = cli("import", "--format", "cyclonedx", file.toString(), storeOption(store));
		assertThat(imported.exitCode()).as(imported.output()).isZero();
		assertThat(cli("import", "--format", "cyclonedx", file.toString(), storeOption(store)).output())
			.contains(" 0 created, 0 updated");
		Path fromBom = this.temp.resolve("from-bom.csv");
		assertThat(cli("export", "--format", "csv", "--model", "meta-llama/Llama-2-7b", "--direction", "down", "--out",
				fromBom.toString(), storeOption(store))
			.exitCode()).isZero();
		byte[] original = GraphQlClient.download(this.port,
				"/export/csv?model=meta-llama/Llama-2-7b&direction=down&depth=50");
		assertThat(edgeTriples(fromBom))
			.isEqualTo(edgeTriples(Files.write(this.temp.resolve("original.csv"), original)));
		// Every column of every edge (source, confidence, compute, safety and capability
		// effects, incomplete), and the models' other names, tags and modality.
		assertThat(Set.copyOf(Files.readAllLines(fromBom)))
			.isEqualTo(Set.copyOf(Files.readAllLines(this.temp.resolve("original.csv"))));
		Path backup = this.temp.resolve("from-bom.jsonl");
		assertThat(cli("export", "--format", "jsonl", "--out", backup.toString(), storeOption(store)).exitCode())
			.isZero();
		assertThat(Files.readAllLines(backup)).filteredOn(l -> l.contains("\"id\":\"meta-llama/Llama-2-7b\""))
			.singleElement()
			.satisfies(l -> assertThat(l).contains("Llama 2-7B").contains("\"generative\":true"));
		assertThat(Files.readAllLines(backup)).anyMatch(l -> l.contains("\"tags\":["));
	}

	/**
	 * The README's CycloneDX example (Llama 2's family, as {@code export --format
	 * cyclonedx} writes it) imports without a WARN line, in a process of its own: the
	 * JSON-schema validator warns about a keyword it does not know once per process, so
	 * only a fresh one shows it. An invalid BOM is still refused, naming the JSON path
	 * and what is wrong there.
	 */
	@Test
	void the_readme_cyclonedx_example_imports_without_a_warning_and_an_invalid_bom_is_refused() throws Exception {
		byte[] bom = GraphQlClient.download(this.port, "/export/cyclonedx?model=meta-llama/Llama-2-7b&direction=both");
		Path file = Files.write(this.temp.resolve("llama.cdx.json"), bom);
		var imported = ownProcess("import", "--format", "cyclonedx", file.toString(),
				"--pedigree.embedded.data-dir=" + this.temp.resolve("store"), "--pedigree.embedded.bolt-port=0");
		assertThat(imported.exitCode()).as(imported.output()).isZero();
		// A log line at WARN (the JDK's own "WARNING:" lines about sun.misc.Unsafe in the
		// database's libraries are not the log's).
		assertThat(imported.output()).contains("cyclonedx import: ")
			.doesNotContainPattern("\\sWARN\\s+\\d+ --- ")
			.doesNotContain("Unknown keyword");

		String invalid = "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": "
				+ "[{\"type\": \"machine-learning-model\", \"name\": \"acme/model\", \"version\": 7}]}";
		GraphQlClient.curator(this.port)
			.document("mutation($c: String!) { importRecords(format: CYCLONEDX, content: $c) { created } }")
			.variable("c", invalid)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getMessage()).contains("not a valid CycloneDX 1.6 document: "
						+ "/components/0/version: integer found, string expected")));
	}

	@Test
	void training_sets_travel_through_the_cyclonedx_model_card_and_back() throws Exception {
		String model = "Junfeng5/Liquid_V1_7B";
		Set<String> cardDatasets = cardDatasets(model);
		assertThat(cardDatasets).hasSizeGreaterThan(1);
		Path hub = this.temp.resolve("hub");
		var loaded = cli("import", "--format", "huggingface",
				TestData.root().resolve("huggingface/models.jsonl.gz").toString(), storeOption(hub));
		assertThat(loaded.exitCode()).as(loaded.output()).isZero();
		Path bom = this.temp.resolve("liquid.cdx.json");
		assertThat(cli("export", "--format", "cyclonedx", "--model", model, "--direction", "up", "--out",
				bom.toString(), storeOption(hub))
			.exitCode()).isZero();
		assertThat(new org.cyclonedx.parsers.JsonParser().validate(bom.toFile(), org.cyclonedx.Version.VERSION_16))
			.isEmpty();
		assertThat(trainingSets(bom)).as("model card of the export").containsEntry(model, cardDatasets);

		Path restored = this.temp.resolve("restored");
		var imported = cli("import", "--format", "cyclonedx", bom.toString(), storeOption(restored));
		assertThat(imported.exitCode()).as(imported.output()).isZero();
		assertThat(cli("import", "--format", "cyclonedx", bom.toString(), storeOption(restored)).output())
			.contains(" 0 created, 0 updated");
		Path again = this.temp.resolve("again.cdx.json");
		assertThat(cli("export", "--format", "cyclonedx", "--model", model, "--direction", "up", "--out",
				again.toString(), storeOption(restored))
			.exitCode()).isZero();
		assertThat(trainingSets(again)).isEqualTo(trainingSets(bom));
		assertThat(lineage(again)).isEqualTo(lineage(bom)).isNotEmpty();
	}

	@Test
	void a_model_card_reference_to_a_missing_data_component_rejects_that_model() throws IOException {
		String bom = """
				{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "components": [
				  {"type": "machine-learning-model", "bom-ref": "acme/child", "name": "acme/child",
				   "modelCard": {"modelParameters": {"datasets": [{"ref": "dataset:nowhere"}]}}},
				  {"type": "machine-learning-model", "bom-ref": "acme/other", "name": "acme/other"}]}
				""";
		Path file = Files.writeString(this.temp.resolve("broken.cdx.json"), bom);
		var result = cli("import", "--format", "cyclonedx", file.toString(), storeOption(this.temp.resolve("store")));
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.output()).contains("1 created", "1 rejected", "broken.cdx.json", "acme/child",
				"'dataset:nowhere' names no data component");
	}

	@Test
	void ecosystem_graphs_import_accounts_for_duplicates_unresolved_names_and_cycles() {
		Path store = this.temp.resolve("store");
		Path folder = TestData.root().resolve("ecosystem-graphs");
		var first = cli("import", "--format", "ecosystem-graphs", folder.toString(), storeOption(store));
		assertThat(first.exitCode()).as(first.output()).isZero();
		assertThat(first.output())
			.contains("5 conflicts", "duplicate asset name 'GPT-4o'", "duplicate asset name 'InternLM'")
			// The data's three cycles are each listed; one skipped edge breaks both
			// Anthropic cycles, which share it.
			.contains("(3 cycles in the input)", "2 cycle-closing edges skipped",
					"cycle in the input: dataset/nvidia/vima-dataset -> dataset/nvidia/vima-dataset",
					"application/anthropic/anthropic-human-feedback-interface -> anthropic/anthropic-rlhf-models")
			.containsPattern("\\d{3} placeholders")
			.contains("placeholder: placeholder/");
		var second = cli("import", "--format", "ecosystem-graphs", folder.toString(), storeOption(store));
		assertThat(second.output()).contains(" 0 created, 0 updated");
	}

	@Test
	void import_records_over_graphql_reports_cycles_of_the_input_as_a_typed_payload() {
		// A marked fixture (names no real asset has): a dataset that depends on itself,
		// and a model and an
		// application that depend on each other.
		String yaml = """
				- {type: dataset, name: Pedigree Fixture Loop Dataset, organization: Pedigree Fixture Org,
				   dependencies: [Pedigree Fixture Loop Dataset]}
				- {type: model, name: Pedigree Fixture Model, organization: Pedigree Fixture Org,
				   dependencies: [Pedigree Fixture App, Pedigree Fixture Loop Dataset]}
				- {type: application, name: Pedigree Fixture App, organization: Pedigree Fixture Org,
				   dependencies: [Pedigree Fixture Model]}
				""";
		var report = GraphQlClient.curator(this.port)
			.document("mutation($c: String!) { importRecords(format: ECOSYSTEM_GRAPHS, content: $c) "
					+ "{ format created rejected { record reason } cycles inputCycles } }")
			.variable("c", yaml)
			.execute();
		report.path("importRecords.rejected").entityList(Object.class).hasSize(0);
		report.path("importRecords.inputCycles")
			.entityList(String.class)
			.hasSize(2)
			.satisfies(cycles -> assertThat(String.join("\n", cycles)).contains(
					"pedigree-fixture-loop-dataset -> dataset/pedigree-fixture-org/pedigree-fixture-loop-dataset",
					"pedigree-fixture-app -> "));
		report.path("importRecords.cycles").entityList(String.class).hasSize(2);
		var model = GraphQlClient.anonymous(this.port)
			.document("{ models(filter: {nameContains: \"Pedigree Fixture Model\"}) { edges { node { id "
					+ "trainedOn { source dataset { id name sources } } } } } }")
			.execute();
		model.path("models.edges[0].node.trainedOn[0].dataset.name")
			.entity(String.class)
			.isEqualTo("Pedigree Fixture Loop Dataset");
		model.path("models.edges[0].node.trainedOn[0].source").entity(String.class).isEqualTo("ecosystem-graphs");
		model.path("models.edges[0].node.trainedOn").entityList(Object.class).hasSize(1);
		String datasetId = model.path("models.edges[0].node.trainedOn[0].dataset.id").entity(String.class).get();
		var dataset = GraphQlClient.anonymous(this.port)
			.document("query($id: ID!) { dataset(id: $id) { name trainedModels(first: 5) { totalCount "
					+ "edges { node { name } } } } }")
			.variable("id", datasetId)
			.execute();
		dataset.path("dataset.trainedModels.totalCount").entity(Integer.class).isEqualTo(1);
		dataset.path("dataset.trainedModels.edges[0].node.name")
			.entity(String.class)
			.isEqualTo("Pedigree Fixture Model");
		GraphQlClient.curator(this.port)
			.document("mutation($c: String!) { importRecords(format: CYCLONEDX, content: $c) { created } }")
			.variable("c", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": 42}")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
				assertThat(e.getMessage()).contains("not a valid CycloneDX 1.6 document");
				assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
			}));
	}

	@Test
	void graphml_and_mermaid_describe_the_family() throws Exception {
		byte[] graphml = GraphQlClient.download(this.port,
				"/export/graphml?model=google/gemma-7b&direction=down&depth=1");
		var document = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new java.io.ByteArrayInputStream(graphml));
		long children = TestData.huggingFaceEdges().stream().filter(e -> e.parent().equals("google/gemma-7b")).count();
		assertThat(document.getElementsByTagName("edge").getLength()).isEqualTo((int) children);
		assertThat(document.getElementsByTagName("node").getLength()).isEqualTo((int) children + 1);
		String mermaid = new String(
				GraphQlClient.download(this.port,
						"/export/mermaid?model=mlx-community/Mistral-Small-24B-Instruct-2501-abliterated&direction=up"),
				StandardCharsets.UTF_8);
		assertThat(mermaid).contains("graph TD", "mistralai/Mistral-Small-24B-Base-2501", "-.->|finetune|");
	}

	@Test
	void unknown_models_and_formats_are_clear_http_errors() {
		GraphQlClient.http(this.port)
			.get()
			.uri("/export/csv?model=no/such-model")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.error")
			.isEqualTo("No model with id 'no/such-model'");
		GraphQlClient.http(this.port).get().uri("/export/pdf").exchange().expectStatus().isBadRequest();
		// An empty model, and a direction or depth without one (ignored before: the whole
		// graph came back), name the parameter.
		for (String[] refused : new String[][] { { "/export/csv?model=", "model" },
				{ "/export/csv?direction=up", "direction" }, { "/export/csv?depth=2", "depth" } }) {
			GraphQlClient.http(this.port)
				.get()
				.uri(refused[0])
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.field")
				.isEqualTo(refused[1]);
		}
		// Any case, or another source's name, as model(id:) takes it.
		for (String asked : new String[] { "GOOGLE/GEMMA-7B", "Llama 2-7B" }) {
			GraphQlClient.http(this.port)
				.get()
				.uri(b -> b.path("/export/csv")
					.queryParam("model", asked)
					.queryParam("direction", "up")
					.queryParam("depth", 1)
					.build())
				.exchange()
				// The file is named by the stored id.
				.expectHeader()
				.valueMatches("Content-Disposition", ".*filename=\"(google_gemma-7b|meta-llama_Llama-2-7b)\\.csv\"")
				.expectBody(String.class)
				.value(body -> assertThat(body).as(asked).startsWith("parent_id,child_id,relation"));
		}
	}

	@Test
	void malformed_records_are_rejected_with_their_line_and_exit_code_2() throws IOException {
		Path bad = Files.writeString(this.temp.resolve("bad.csv"),
				"parent_id,child_id,relation\na/base,b/tune,finetune\na/base,c/x,teleport\n,d/y,adapter\nb/tune,a/base,finetune\n");
		var result = cli("import", "--format", "hf-edges", bad.toString(), storeOption(this.temp.resolve("store")));
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.output()).contains("bad.csv:3: unknown relation 'teleport'",
				"bad.csv:4: parent_id and child_id are required",
				"cycle skipped: " + bad + ":5: a/base -> b/tune -> a/base");
	}

	@Test
	void a_missing_file_is_a_usage_error_found_before_the_store_opens() {
		assertThat(cli("import", "--format", "hf-edges", "/no/such/file.csv", storeOption(this.temp.resolve("store")))
			.exitCode()).isEqualTo(64);
		assertThat(this.temp.resolve("store")).doesNotExist();
	}

	private record Result(int exitCode, String output) {
	}

	/** Runs the CLI in-process; an argument may be a String or a String[] (flattened). */
	private static Result cli(Object... parts) {
		String[] args = java.util.Arrays.stream(parts)
			.flatMap(p -> p instanceof String[] many ? java.util.Arrays.stream(many)
					: java.util.stream.Stream.of((String) p))
			.toArray(String[]::new);
		PrintStream original = System.out;
		var captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			int code = PedigreeApplication.runCommand(args);
			return new Result(code, captured.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(original);
		}
	}

	/** Runs the CLI in a JVM of its own, its output and log on one stream. */
	private Result ownProcess(String... args) throws IOException, InterruptedException {
		var result = OwnJvm.run(this.temp.resolve("process-output.txt"), args);
		return new Result(result.exitCode(), result.output());
	}

	/**
	 * The datasets the Hub card of {@code model} declares, read from models.jsonl.gz
	 * independently of the importer.
	 */
	@SuppressWarnings("unchecked")
	private static Set<String> cardDatasets(String model) throws IOException {
		var json = tools.jackson.databind.json.JsonMapper.builder().build();
		try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
				new java.util.zip.GZIPInputStream(
						Files.newInputStream(TestData.root().resolve("huggingface/models.jsonl.gz"))),
				java.nio.charset.StandardCharsets.UTF_8))
			.lines()) {
			var line = lines.filter(l -> l.contains("\"id\": \"" + model + "\"")).findFirst().orElseThrow();
			Object card = json.readValue(line, java.util.Map.class).get("card_data");
			var data = (java.util.Map<String, Object>) new org.yaml.snakeyaml.Yaml().load(card.toString());
			return new HashSet<>((List<String>) data.get("datasets"));
		}
	}

	/** model bom-ref → names of the data components its model card references. */
	private static java.util.Map<String, Set<String>> trainingSets(Path bom) throws Exception {
		var parsed = new org.cyclonedx.parsers.JsonParser().parse(bom.toFile());
		var all = new java.util.ArrayList<org.cyclonedx.model.Component>(parsed.getComponents());
		all.add(parsed.getMetadata().getComponent());
		java.util.Map<String, String> names = new java.util.HashMap<>();
		all.stream()
			.filter(c -> c.getType() == org.cyclonedx.model.Component.Type.DATA)
			.forEach(c -> names.put(c.getBomRef(), c.getName()));
		java.util.Map<String, Set<String>> sets = new java.util.TreeMap<>();
		for (var c : all) {
			if (c.getModelCard() != null) {
				sets.put(c.getBomRef(),
						c.getModelCard()
							.getModelParameters()
							.getDatasets()
							.stream()
							.map(d -> names.get(d.getRef()))
							.collect(Collectors.toSet()));
			}
		}
		return sets;
	}

	/** child → parent pairs from the BOM's dependency graph. */
	private static Set<String> lineage(Path bom) throws Exception {
		var parsed = new org.cyclonedx.parsers.JsonParser().parse(bom.toFile());
		Set<String> pairs = new HashSet<>();
		parsed.getDependencies().forEach(d -> {
			if (d.getDependencies() != null) {
				d.getDependencies().forEach(p -> pairs.add(d.getRef() + " <- " + p.getRef()));
			}
		});
		return pairs;
	}

	private static List<String> difference(Set<String> a, Set<String> b) {
		return a.stream().filter(x -> !b.contains(x)).sorted().limit(5).toList();
	}

	/** The store, and any free Bolt port: a developer's running server keeps 7687. */
	private static String[] storeOption(Path store) {
		return new String[] { "--pedigree.embedded.data-dir=" + store, "--pedigree.embedded.bolt-port=0" };
	}

	private static Set<String> edgeTriples(Path csv) throws IOException {
		List<String> lines = Files.readAllLines(csv);
		return lines.stream()
			.skip(1)
			.map(l -> String.join(",", List.of(l.split(",")).subList(0, 3)))
			.collect(Collectors.toSet());
	}

	/**
	 * Each exported edge's parent, child, relation, source, confidence, compute,
	 * incomplete.
	 */
	private static Set<String> provenance(List<String> lines) {
		return lines.stream().skip(1).map(l -> {
			String[] f = l.split(",", -1);
			return String.join(",", f[0], f[1], f[2], f[3], f[4], f[5], f[8]);
		}).collect(Collectors.toSet());
	}

	private static Set<String> provenance(Path file) throws IOException {
		return provenance(Files.readAllLines(file));
	}

}
