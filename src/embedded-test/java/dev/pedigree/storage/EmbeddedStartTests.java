package dev.pedigree.storage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database starts on a thread of its own, begun before the context's
 * refresh: a failed start still ends a command with the one-sentence explanation, and a
 * context that fails before it used the database shuts that database down. A command on
 * a store that a running server holds runs through the server's database.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedStartTests {

	@TempDir
	Path store;

	@TempDir
	Path out;

	@Test
	void a_command_on_a_store_a_running_server_holds_runs_through_the_servers_database(CapturedOutput output)
			throws IOException {
		Path edges = this.out.resolve("edges.csv");
		Files.writeString(edges, "parent_id,child_id,relation\nacme/base,acme/base-chat,finetune\n");
		try (var server = start()) {
			assertThat(this.store.resolve(RunningServer.FILE_NAME)).exists();
			int imported = PedigreeApplication.runCommand("import", "--format", "hf-edges", edges.toString(),
					"--pedigree.embedded.data-dir=" + this.store);
			assertThat(imported).isZero();
			assertThat(output.getErr()).contains(this.store + " is held by the running server (process "
					+ ProcessHandle.current().pid() + "); this command runs through its database at bolt://127.0.0.1:");
			// The server reads what the command wrote, and the command reads the server's store.
			GraphQlClient.anonymous(port(server))
				.document("{ model(id: \"acme/base-chat\") { parents { parent { id } } } }")
				.execute()
				.path("model.parents[0].parent.id")
				.entity(String.class)
				.isEqualTo("acme/base");
			int exported = PedigreeApplication.runCommand("export", "--format", "mermaid", "--model", "acme/base-chat",
					"--direction", "up", "--out", this.out.resolve("lineage.mmd").toString(),
					"--pedigree.embedded.data-dir=" + this.store);
			assertThat(exported).isZero();
			assertThat(Files.readString(this.out.resolve("lineage.mmd"))).contains("acme/base");
			// The commands started no database of their own.
			assertThat(Thread.getAllStackTraces().keySet()).noneMatch(
					thread -> thread.getName().equals("embedded-neo4j-start") && thread.isAlive());
			BoltAuthenticationTests.assertServes(server);
		}
		// Withdrawn at shutdown: the next command opens the store itself.
		assertThat(this.store.resolve(RunningServer.FILE_NAME)).doesNotExist();
		assertThat(PedigreeApplication.runCommand("export", "--format", "mermaid", "--model", "acme/base-chat",
				"--direction", "up", "--out", this.out.resolve("again.mmd").toString(),
				"--pedigree.embedded.data-dir=" + this.store, "--pedigree.embedded.page-cache=64m"))
			.isZero();
		assertThat(Files.readString(this.out.resolve("again.mmd"))).contains("acme/base");
	}

	@Test
	void a_command_on_a_store_held_by_a_server_that_published_no_address_fails_with_the_explanation_and_the_server_keeps_serving(
			CapturedOutput output) throws IOException {
		try (var server = start()) {
			// As a server of an earlier version, or one whose record was deleted.
			Files.delete(this.store.resolve(RunningServer.FILE_NAME));
			int code = PedigreeApplication.runCommand("export", "--format", "mermaid", "--model", "google/gemma-7b",
					"--out", this.out.resolve("lineage.mmd").toString(), "--pedigree.embedded.data-dir=" + this.store,
					"--pedigree.embedded.page-cache=64m");
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
	void a_record_left_by_a_server_that_is_gone_is_ignored(CapturedOutput output) throws IOException {
		int closedPort;
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		Process exited = new ProcessBuilder("true").start();
		exited.onExit().join();
		for (String record : List.of(
				// A live process (this one) whose port is closed: a server killed and a pid reused.
				"uri=bolt://127.0.0.1:" + closedPort + "\npid=" + ProcessHandle.current().pid() + "\n",
				// A process that has exited.
				"uri=bolt://127.0.0.1:" + closedPort + "\npid=" + exited.pid() + "\n", "not a record\n")) {
			Files.writeString(this.store.resolve(RunningServer.FILE_NAME), record);
			assertThat(PedigreeApplication.runCommand("audit", "--pedigree.embedded.data-dir=" + this.store,
					"--pedigree.embedded.page-cache=64m"))
				.isZero();
		}
		assertThat(output.getErr()).doesNotContain("is held by the running server");
		// A command publishes nothing: the last record is still the one written above.
		assertThat(Files.readString(this.store.resolve(RunningServer.FILE_NAME))).isEqualTo("not a record\n");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
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
