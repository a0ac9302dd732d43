package dev.pedigree.risk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeApplication;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The liability report over HTTP and the CLI, on the real seeded chain
 * huihui-ai/DeepSeek-V3-abliterated ← deepseek-ai/DeepSeek-V3.
 */
@PedigreeServerTest
class LiabilityReportTests {

	private static final String MODEL = "huihui-ai/DeepSeek-V3-abliterated";

	@LocalServerPort
	int port;

	@TempDir
	Path temp;

	@Test
	@SuppressWarnings("unchecked")
	void the_json_report_is_canonical_and_every_format_prints_its_sha256() throws Exception {
		byte[] json = get("json");
		String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
		Map<String, Object> report = JsonMapper.builder().build().readValue(json, Map.class);
		assertThat(report).containsKeys("model", "parties", "ruleSets", "dataSnapshot", "accountabilityGaps",
				"pedigreeVersion", "evaluationDate", "notice");
		assertThat(report.get("evaluationDate")).isEqualTo("2026-11-28");
		// An unknown country is null, as GraphQL gives it, not an empty string.
		assertThat((List<Map<String, Object>>) report.get("parties"))
			.extracting(p -> (Map<String, Object>) p.get("organization"))
			.anySatisfy(o -> assertThat(o).containsEntry("country", null))
			.noneSatisfy(o -> assertThat(o.get("country")).isEqualTo(""));
		// Canonical (RFC 8785): keys sorted, so the same graph and date give the same
		// bytes.
		assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{\"accountabilityGaps\":");
		assertThat(get("json")).isEqualTo(json);
		String markdown = new String(get("md"), StandardCharsets.UTF_8);
		assertThat(markdown).contains(sha)
			.contains("EU: DOWNSTREAM_MODIFIER** (basis PRESUMED)")
			.contains("deepseek-ai/DeepSeek-V3")
			.contains("C(2025) 5045 final")
			.contains("Epoch AI, Data on Notable AI Models (2025-07-01)")
			.contains("not legal advice")
			.contains("**GAP** (119 downloads)");
		assertThat(new String(get("html"), StandardCharsets.UTF_8)).contains(sha)
			.contains("<h2>Accountability gap</h2>");
	}

	@Test
	@SuppressWarnings("unchecked")
	void the_report_says_where_each_parameter_count_comes_from() throws Exception {
		// Real seed data: 56B read from "8x7b" in the id (no safetensors total), an
		// adapter of a model whose count the Hub took from its weights.
		String model = "nicce/story-mixtral-8x7b-lora";
		Map<String, Object> report = JsonMapper.builder().build().readValue(get(model, "json"), Map.class);
		assertThat((Map<String, Object>) report.get("model")).containsEntry("parameters", 56_000_000_000L)
			.containsEntry("parametersSource", "name")
			.containsEntry("parametersEstimated", true)
			.containsEntry("parametersUpperBound", true);
		var parties = (List<Map<String, Object>>) report.get("parties");
		assertThat(parties).extracting(p -> (Map<String, Object>) p.get("model"))
			.filteredOn(m -> "meta-llama/Llama-2-7b-chat-hf".equals(m.get("id")))
			.singleElement()
			.satisfies(m -> assertThat(m).containsEntry("parametersSource", "hf:safetensors")
				.containsEntry("parametersEstimated", false)
				.containsEntry("parametersUpperBound", false));
		assertThat(new String(get(model, "md"), StandardCharsets.UTF_8)).contains("- Traced model: " + model
				+ ", developer nicce, 56.0B parameters (estimated: read from “8x7b” in its name; an upper bound");
		// Every model of the other report says it too.
		Map<String, Object> other = JsonMapper.builder().build().readValue(get("json"), Map.class);
		assertThat((List<Map<String, Object>>) other.get("parties"))
			.extracting(p -> (Map<String, Object>) p.get("model"))
			.filteredOn(m -> m.get("parameters") != null)
			.isNotEmpty()
			.allSatisfy(m -> assertThat(m).containsKeys("parametersSource", "parametersEstimated"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void the_report_prints_figures_as_the_law_writes_them_and_the_json_keeps_numbers() throws Exception {
		String markdown = new String(get("md"), StandardCharsets.UTF_8);
		// Epoch AI's 3.4078e+24 for DeepSeek-V3, against the thresholds 10^23 and 10^25.
		assertThat(markdown).doesNotContainPattern("\\d\\.?\\d*e[+-]\\d")
			.contains("| 3.41×10^24 (estimate) | 10^23 |")
			.contains("| 3.41×10^24 (estimate) | 10^25 |")
			.contains("| 0 (estimate) | 1.14×10^24 |");
		assertThat(new String(get("html"), StandardCharsets.UTF_8)).contains("<td>10^25</td>");
		Map<String, Object> report = JsonMapper.builder().build().readValue(get("json"), Map.class);
		var figures = ((List<Map<String, Object>>) report.get("parties")).stream()
			.flatMap(p -> ((List<Map<String, Object>>) p.get("roles")).stream())
			.flatMap(r -> ((List<Map<String, Object>>) r.get("figures")).stream())
			.toList();
		assertThat(figures).isNotEmpty()
			.allSatisfy(f -> assertThat(f.get("threshold")).isInstanceOf(Number.class))
			.anySatisfy(f -> assertThat(((Number) f.get("value")).doubleValue()).isEqualTo(3.4078e24));
	}

	@Test
	void the_pdf_embeds_a_font_that_covers_the_reasons() throws Exception {
		byte[] pdf = get("pdf");
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (var document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Liability report: " + MODEL)
				.contains("≤")
				.contains("§22757.11")
				.contains("–")
				.contains("←");
			assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void bad_parameters_are_named() {
		GraphQlClient.http(this.port)
			.get()
			.uri("/report/liability?model=no/such-model&format=md")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("model");
		GraphQlClient.http(this.port)
			.get()
			.uri("/report/liability?model=" + MODEL + "&format=docx")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("format");
		GraphQlClient.http(this.port)
			.get()
			.uri("/report/liability?model=" + MODEL + "&asOf=28.11.2026")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("asOf");
	}

	@Test
	void the_cli_writes_the_report_through_a_running_service() throws Exception {
		Path out = this.temp.resolve("report.json");
		int code = PedigreeApplication.runCommand("report", "liability", MODEL, "--format", "json", "--as-of",
				"2026-11-28", "--out", out.toString(), "--server", "http://localhost:" + this.port);
		assertThat(code).isZero();
		assertThat(Files.readAllBytes(out)).isEqualTo(get("json"));
		assertThat(PedigreeApplication.runCommand("report", "liability", "no/such-model", "--out",
				this.temp.resolve("x.md").toString(), "--server", "http://localhost:" + this.port))
			.isEqualTo(1);
	}

	@Test
	void the_cli_writes_the_report_from_a_store() throws Exception {
		Path store = this.temp.resolve("store");
		Path csv = this.temp.resolve("epoch.csv");
		Files.writeString(csv,
				new org.springframework.core.io.ClassPathResource("fixtures/epoch-liability-scenario.csv")
					.getContentAsString(StandardCharsets.UTF_8));
		// A loaded build machine must not fail the command on the 5 s read budget (tested
		// on its own elsewhere).
		String[] storeOptions = { "--pedigree.embedded.data-dir=" + store, "--pedigree.embedded.bolt-port=0",
				"--pedigree.limits.read-timeout=60s" };
		assertThat(PedigreeApplication.runCommand("import", "--format", "epoch", csv.toString(), storeOptions[0],
				storeOptions[1]))
			.isZero();
		Path out = this.temp.resolve("report.md");
		assertThat(PedigreeApplication.runCommand("report", "liability", "fixture-lab-iota/fixture-big-tune",
				"--format", "md", "--out", out.toString(), storeOptions[0], storeOptions[1], storeOptions[2]))
			.isZero();
		assertThat(Files.readString(out)).contains("EU: MODIFIER_PROVIDER_SYSTEMIC_RISK** (basis PRESUMED)")
			.contains("para 70");
		// With a date, the lineage as it stood then, as GET /report/liability reads it
		// (the command once applied only that date's rules, so the two reports differed).
		Path dated = this.temp.resolve("dated.md");
		assertThat(PedigreeApplication.runCommand("report", "liability", "fixture-lab-iota/fixture-big-tune",
				"--format", "md", "--as-of", "2026-11-28", "--out", dated.toString(), storeOptions[0], storeOptions[1],
				storeOptions[2]))
			.isZero();
		assertThat(Files.readString(dated)).contains("is on or before **2026-11-28**");
		assertThat(Files.readString(out)).doesNotContain("on or before");
	}

	private byte[] get(String format) {
		return get(MODEL, format);
	}

	private byte[] get(String model, String format) {
		return GraphQlClient.http(this.port)
			.get()
			.uri("/report/liability?model=" + model + "&asOf=2026-11-28&format=" + format)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
	}

}
