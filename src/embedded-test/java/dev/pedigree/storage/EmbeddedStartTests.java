package dev.pedigree.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.pedigree.PedigreeApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database starts on a thread of its own, begun before the context's
 * refresh: a failed start still ends a command with the one-sentence explanation, and a
 * context that fails before it used the database shuts that database down.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedStartTests {

	@TempDir
	Path store;

	@TempDir
	Path out;

	@Test
	void a_command_on_a_store_a_running_server_holds_fails_with_the_explanation_and_the_server_keeps_serving(
			CapturedOutput output) {
		try (var server = start()) {
			int code = PedigreeApplication.runCommand("export", "--format", "mermaid", "--model", "google/gemma-7b",
					"--out", this.out.resolve("lineage.mmd").toString(), "--pedigree.embedded.data-dir=" + this.store,
					"--pedigree.embedded.bolt-port=0", "--pedigree.embedded.page-cache=64m");
			assertThat(code).isEqualTo(1);
			assertThat(output.getAll()).contains("The embedded Neo4j store " + this.store + " is locked by another")
				.contains("Stop the other Pedigree instance");
			assertThat(this.out.resolve("lineage.mmd")).doesNotExist();
			assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
					thread -> thread.getName().equals("embedded-neo4j-start") && thread.isAlive());
			BoltAuthenticationTests.assertServes(server);
		}
	}

	@Test
	void a_context_that_fails_before_its_first_query_shuts_the_database_it_began_down() {
		assertThatThrownBy(() -> start("--pedigree.warmup.requests=many")).hasStackTraceContaining("many");
		// The store's lock was released: a second start opens it.
		try (var context = start()) {
			BoltAuthenticationTests.assertServes(context);
			// Begun before the refresh (a listener), not by a bean once the
			// configuration had been processed.
			assertThat(context.getBeanFactory().containsSingleton("embeddedNeo4jStart")).isTrue();
			assertThat(context.getBeanFactory().containsBeanDefinition("embeddedNeo4jStart")).isFalse();
		}
	}

	private ConfigurableApplicationContext start(String... more) {
		var args = new ArrayList<>(List.of("--pedigree.embedded.data-dir=" + this.store,
				"--pedigree.embedded.bolt-port=0", "--pedigree.embedded.page-cache=64m",
				"--pedigree.seed.enabled=false", "--pedigree.warmup.requests=0", "--server.port=0"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(PedigreeApplication.class).run(args.toArray(String[]::new));
	}

}
