package dev.pedigree.lineage;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server stopped while it orders a family in the background (a client paged near the
 * end of a hub's first level): it stops promptly, logs no error, and runs no statement
 * after it was asked to stop. FamilyIndex's stop() only interrupts its thread, and that
 * suffices: the driver ends a blocking call on interrupt by closing the connection that
 * runs the statement, the read is not tried again (an interrupted thread takes no session
 * in Graph), queued orderings are dropped and later ones refused.
 */
@ExtendWith(OutputCaptureExtension.class)
class FamilyOrderShutdownTests {

	@Test
	void a_server_stopped_while_it_orders_a_family_in_the_background_stops_promptly_and_quietly(CapturedOutput output)
			throws Exception {
		var context = new SpringApplicationBuilder(PedigreeApplication.class).run("--pedigree.embedded.ephemeral=true",
				"--pedigree.embedded.bolt-port=0", "--pedigree.embedded.page-cache=256m",
				"--pedigree.seed.enabled=false", "--pedigree.warmup.requests=0", "--server.port=0",
				"--pedigree.limits.family-read-timeout=120s");
		boolean closed = false;
		try {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			Driver driver = context.getBean(Driver.class);
			try (var session = driver.session()) {
				session.run("""
						CREATE (base:Model {id: 'sd/base'})
						WITH base UNWIND range(0, 9) AS i
						CREATE (:Model {id: 'sd/c' + i})-[:DERIVED_FROM {relation: 'finetune'}]->(base)""").consume();
				session.run("""
						MATCH (c:Model {id: 'sd/c0'})
						CALL (c) {
						  UNWIND range(1, 300000) AS i
						  CREATE (:Model {id: 'sd/g' + i})-[:DERIVED_FROM {relation: 'quantized'}]->(c)
						} IN TRANSACTIONS OF 50000 ROWS""").consume();
			}
			String cursor = page(port, 7, null).path("model.descendants.pageInfo.endCursor").entity(String.class).get();
			// Near the end of the first level: the family is ordered in the background.
			page(port, 1, cursor);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (!ordering(driver)) {
				assertThat(System.nanoTime()).as("the background ordering started").isLessThan(deadline);
				Thread.sleep(20);
			}
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			Thread orderer = Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter(thread -> thread.getName().startsWith("family-order-"))
				.findFirst()
				.orElseThrow();
			int mark = output.getAll().length();
			long start = System.nanoTime();
			context.close();
			closed = true;
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			orderer.join(2_000);
			Thread.sleep(1_000);
			String logged = output.getAll().substring(mark);
			Timer orders = meters.find("pedigree.db.queries").tag("query", "lineage/descendants-order").timer();
			System.out.println("CLOSE took " + took + ", orderer alive " + orderer.isAlive() + ", orders "
					+ orders.count() + " for " + orders.totalTime(TimeUnit.MILLISECONDS) + " ms");
			assertThat(took).as("closed while the family was ordered").isLessThan(Duration.ofSeconds(10));
			// Not asserted: the ordering thread ending. It is a daemon (it never holds
			// the JVM
			// up), and under CI load it was once still alive 3 s after the close, its one
			// statement already ended (issue 12, session 17's note).
			assertThat(orders.count()).as("no statement after stop (a retry)").isEqualTo(1);
			assertThat(logged).doesNotContain("ERROR").doesNotContain("\tat ");
		}
		finally {
			if (!closed) {
				context.close();
			}
		}
	}

	private static boolean ordering(Driver driver) {
		try (var session = driver.session()) {
			return session
				.run("SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'UNWIND $ids AS root' "
						+ "RETURN count(*) AS n")
				.single()
				.get("n")
				.asLong() > 0;
		}
	}

	private static GraphQlTester.Response page(int port, int first, String after) {
		var response = GraphQlClient.anonymous(port)
			.document("query ($first: Int, $after: String) { model(id: \"sd/base\") { "
					+ "descendants(first: $first, after: $after) { edges { node { model { id } } } "
					+ "pageInfo { endCursor } } } }")
			.variable("first", first)
			.variable("after", after)
			.execute();
		response.errors().verify();
		return response;
	}

}
