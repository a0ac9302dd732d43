package dev.pedigree.lineage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.exceptions.TransientException;

import dev.pedigree.PedigreeApplication;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import into a store without derivations checks its batches against the stored graph
 * only once someone else has written derivations meanwhile (BulkWrites), which it reads
 * from the lineage lock. A batch whose first commit fails is run again by the driver: the
 * store counts it once, while a count of the import's own batches counted it twice, so a
 * curated derivation committed before the retry made the counts agree and went unnoticed,
 * and the import's later edges were not checked against it.
 */
class ImportLockRetryTests {

	@TempDir
	Path temp;

	@Test
	void a_curated_derivation_written_before_a_batch_is_retried_is_noticed_and_no_cycle_is_written() {
		try (var app = new SpringApplicationBuilder(PedigreeApplication.class).run(
				"--pedigree.embedded.data-dir=" + this.temp.resolve("store"), "--pedigree.embedded.bolt-port=0",
				"--pedigree.embedded.page-cache=64m", "--pedigree.seed.enabled=false", "--pedigree.warmup.requests=0",
				"--server.port=0")) {
			Graph graph = app.getBean(Graph.class);
			LineageWrites lineage = app.getBean(LineageWrites.class);
			for (String id : List.of("retry/a", "retry/b", "retry/c")) {
				lineage.registerModel(new RegisterModelInput(id, id, null, null, null, null, null, null, null, null,
						null, null, null));
			}
			// The first write transaction fails after its work, as a commit refused with
			// a transient error would: the driver rolls it back and runs it again. Before
			// it runs again, a curator writes a derives from c.
			AtomicInteger attempts = new AtomicInteger();
			Graph flaky = Mockito.spy(graph);
			Mockito.doAnswer(call -> {
				TransactionCallback<Object> work = call.getArgument(0);
				return graph.write(tx -> {
					int attempt = attempts.incrementAndGet();
					if (attempt == 2) {
						lineage.recordDerivation(new RecordDerivationInput("retry/a", List.of("retry/c"),
								Relation.FINETUNE, null, null, null, null, null, null, null));
					}
					Object done = work.execute(tx);
					if (attempt == 1) {
						throw new TransientException("Neo.TransientError.Transaction.Outdated", "the commit failed");
					}
					return done;
				});
			}).when(flaky).write(ArgumentMatchers.<TransactionCallback<Object>>any());
			var bulk = new BulkWrites(flaky, app.getBean(CypherQueries.class), app.getBean(ChangeLog.class));
			var run = bulk.derivationRun();
			List<String> cycles = Collections.synchronizedList(new ArrayList<>());

			// The import's first chunk: b derives from a, committed at the second try.
			bulk.derivations(run, List.of(edge("retry/b", "retry/a")), List.of(), cycles, new ArrayList<>(), n -> {
			});
			assertThat(attempts).as("transactions run").hasValue(2);
			// The next chunk: c derives from b, which closes c -> b -> a -> c.
			var written = bulk.derivations(run, List.of(edge("retry/c", "retry/b")), List.of(), cycles,
					new ArrayList<>(), n -> {
					});

			assertThat(cycles).singleElement().asString().contains("retry/c -> retry/b -> retry/a -> retry/c");
			assertThat(written.created()).isZero();
			long inCycles = app.getBean(Driver.class)
				.executableQuery("MATCH (m:Model) WHERE EXISTS { (m)-[:DERIVED_FROM]->+(m) } RETURN count(m) AS n")
				.execute()
				.records()
				.get(0)
				.get("n")
				.asLong();
			assertThat(inCycles).as("models that are their own ancestor").isZero();
		}
	}

	private static DerivationFacts edge(String child, String parent) {
		return DerivationFacts.of(child, parent).relation(Relation.FINETUNE).source("hf").build();
	}

}
