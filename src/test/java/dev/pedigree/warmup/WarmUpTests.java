package dev.pedigree.warmup;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up warm-up sent its canned documents (every one valid against the schema,
 * with ids from the seeded store) over HTTP before the context was handed to the tests:
 * all 12 requests of the test configuration answered without errors. The report documents
 * run only in the first rounds. When it cannot run, its log line says why.
 */
@PedigreeServerTest
@ExtendWith(OutputCaptureExtension.class)
class WarmUpTests {

	@LocalServerPort
	int port;

	@Test
	void every_canned_document_was_answered_without_errors_before_the_server_reported_ready() {
		String metrics = GraphQlClient.metrics(this.port);
		assertThat(value(metrics, "ok")).isEqualTo(12.0);
		assertThat(value(metrics, "error")).isZero();
	}

	@Test
	void report_documents_run_only_in_the_first_rounds_and_each_document_moves_to_another_id_every_round() {
		var steps = WarmUp.schedule(List.of("ancestors", "parents"), List.of("explorer"), 2, 9);
		assertThat(steps).extracting(WarmUp.Step::document)
			.containsExactly("ancestors", "parents", "explorer", "ancestors", "parents", "explorer", "ancestors",
					"parents", "ancestors");
		assertThat(steps).extracting(WarmUp.Step::round).containsExactly(0, 0, 0, 1, 1, 1, 2, 2, 3);
		assertThat(steps).extracting(WarmUp.Step::position).containsExactly(0, 1, 2, 0, 1, 2, 0, 1, 0);
		assertThat(WarmUp.schedule(List.of(), List.of("explorer"), 2, 9)).hasSize(2);
		assertThat(WarmUp.schedule(List.of("ancestors"), List.of("explorer"), 0, 3)).extracting(WarmUp.Step::document)
			.containsExactly("ancestors", "ancestors", "ancestors");
	}

	@Test
	void searches_go_round_the_way_people_type_a_name_and_paste_an_id() {
		assertThat(List.of(0, 1, 2, 3, 4, 5, 6).stream().map(round -> WarmUp.searchTerm("Org/Llama-3-8B-GGUF", round)))
			.containsExactly("org/llama-3-8b-gguf", "ll", "lla", "llama", "llama-3-", "org/llama-3-8b-gguf", "ll");
		assertThat(WarmUp.searchTerm("Org/Llama-3-8B-GGUF", WarmUp.SHORT_SEARCH_ROUNDS + 1))
			.isEqualTo("org/llama-3-8b-gguf");
		assertThat(WarmUp.searchTerm("abc", 4)).isEqualTo("abc");
		assertThat(WarmUp.searchTerm("org/ab", 3)).isEqualTo("ab");
	}

	@Test
	void a_skipped_warm_up_says_why() {
		assertThat(WarmUp.skipReason(0, 0, 0)).isEqualTo("no canned documents (warmup/*.graphql) on the class path");
		assertThat(WarmUp.skipReason(7, 0, 0)).isEqualTo("no lineage in the store yet (no model has a parent)");
		assertThat(WarmUp.skipReason(7, 3, 0))
			.isEqualTo("no family root with at most 100 direct derivatives (every root is a hub)");
		assertThat(WarmUp.skipReason(7, 3, 1)).isNull();
	}

	@Test
	void no_requests_configured_is_logged_and_reads_nothing(CapturedOutput output) {
		// No graph: with no requests to send the warm-up must not read the store.
		var warmUp = new WarmUp(null, null, List.of(), new SimpleMeterRegistry(),
				new WarmUpProperties(0, Duration.ofSeconds(20), 10), "/graphql");
		try (var context = new GenericApplicationContext()) {
			warmUp.onApplicationEvent(
					new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
		}
		assertThat(output.getOut()).contains("Warm-up skipped: pedigree.warmup.requests is 0");
	}

	private static double value(String metrics, String outcome) {
		var matcher = Pattern
			.compile("(?m)^pedigree_warmup_requests_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} (\\S+)")
			.matcher(metrics);
		assertThat(matcher.find()).as("pedigree_warmup_requests_total{outcome=%s} in %s", outcome, metrics).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

}
