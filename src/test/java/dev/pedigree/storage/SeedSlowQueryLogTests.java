package dev.pedigree.storage;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.pedigree.GraphQlClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first start with the seed: the seed's batches, the warm-up's planning and the
 * warm-up's requests (each statement's first execution) take seconds by design and are
 * logged at DEBUG below {@code pedigree.slow-batch-threshold} (30 s), while a query past
 * {@code pedigree.slow-query-threshold} is still a WARN. The threshold is 1 ms here, so
 * every statement counts as slow and the test does not depend on the machine's speed.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pedigree.embedded.ephemeral=true", "pedigree.embedded.bolt-port=0",
				"pedigree.embedded.page-cache=256m", "pedigree.limits.read-timeout=30s", "pedigree.warmup.requests=12",
				"pedigree.slow-query-threshold=1ms", "logging.level.dev.pedigree.slow-queries=DEBUG" })
class SeedSlowQueryLogTests {

	/**
	 * The seed's bulk statements (lineage/BulkWrites) and the warm-up's planning read.
	 */
	private static final List<String> BY_DESIGN = List.of("lineage/create-models", "lineage/upsert-models",
			"lineage/upsert-organizations", "warmup/ids");

	@LocalServerPort
	int port;

	@Test
	void the_seed_batches_are_not_warnings_and_a_slow_graphql_read_is(CapturedOutput output) {
		GraphQlClient.postAnonymous(this.port, "query OneModel { model(id: \"meta-llama/Llama-2-7b\") { id name } }");
		// A client's header is not the warm-up's: its slow queries stay WARN.
		GraphQlClient.http(this.port)
			.post()
			.uri("/graphql")
			.header(RequestSessions.WARM_UP_HEADER, "true")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "query Forged { model(id: \"meta-llama/Llama-2-7b\") { id name } }"))
			.exchange()
			.expectStatus()
			.isOk();

		List<String> lines = output.getOut().lines().filter(l -> l.contains("dev.pedigree.slow-queries")).toList();
		assertThat(output.getOut()).contains("Seeded: seed import: ");
		for (String statement : BY_DESIGN) {
			assertThat(lines).as(statement)
				.anySatisfy(line -> assertThat(line).contains(" DEBUG ").contains(statement))
				.noneSatisfy(line -> assertThat(line).contains(" WARN ").contains(statement));
		}
		assertThat(lines).as("the warm-up's requests")
			.anySatisfy(line -> assertThat(line).contains(" DEBUG ").contains("GraphQL operation WarmUp"))
			.noneSatisfy(line -> assertThat(line).contains(" WARN ").contains("GraphQL operation WarmUp"));
		assertThat(lines).anySatisfy(line -> assertThat(line).contains(" WARN ")
			.containsPattern("Slow read query: \\d+ ms, cypher \\S+.*, GraphQL operation OneModel"));
		assertThat(lines).anySatisfy(line -> assertThat(line).contains(" WARN ").contains("GraphQL operation Forged"));
	}

}
