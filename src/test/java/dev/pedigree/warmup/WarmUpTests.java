package dev.pedigree.warmup;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up warm-up sent its canned documents (every one valid against the schema,
 * with ids from the seeded store) over HTTP before the context was handed to the tests:
 * all 12 requests of the test configuration answered without errors.
 */
@PedigreeServerTest
class WarmUpTests {

	@LocalServerPort
	int port;

	@Test
	void every_canned_document_was_answered_without_errors_before_the_server_reported_ready() {
		String metrics = GraphQlClient.http(this.port)
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(value(metrics, "ok")).isEqualTo(12.0);
		assertThat(value(metrics, "error")).isZero();
	}

	private static double value(String metrics, String outcome) {
		var matcher = Pattern
			.compile("(?m)^pedigree_warmup_requests_total\\{[^}]*outcome=\"" + outcome + "\"[^}]*} (\\S+)")
			.matcher(metrics);
		assertThat(matcher.find()).as("pedigree_warmup_requests_total{outcome=%s} in %s", outcome, metrics).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

}
