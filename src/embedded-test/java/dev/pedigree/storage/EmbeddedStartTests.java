package dev.pedigree.storage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.pedigree.GraphQlClient;
import dev.pedigree.OwnJvm;
import dev.pedigree.PedigreeApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
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
	void a_command_on_a_store_a_running_server_holds_runs_through_the_servers_database()
			throws IOException, InterruptedException {
		try (var server = start()) {
			assertThat(this.store.resolve(RunningServer.FILE_NAME)).exists();
			// Each command in a process of its own, as a user runs it beside the server.
			var imported = importEdgeInOwnJvm(this.store);
			assertThat(imported.exitCode()).as(imported.output()).isZero();
			assertThat(imported.output()).contains(this.store + " is held by the running server (process "
					+ ProcessHandle.current().pid() + "); this command runs through its database at bolt://127.0.0.1:");
			// The server reads what the command wrote, and the command reads the server's store.
			assertThat(lineageOf(server)).contains("{\"parent\":{\"id\":\"acme/base\"}}");
			var exported = OwnJvm.run(this.out.resolve("export.log"), "export", "--format", "mermaid", "--model",
					"acme/base-chat", "--direction", "up", "--out", this.out.resolve("lineage.mmd").toString(),
					"--pedigree.embedded.data-dir=" + this.store);
			assertThat(exported.exitCode()).as(exported.output()).isZero();
			assertThat(Files.readString(this.out.resolve("lineage.mmd"))).contains("acme/base");
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
	void a_command_begun_while_the_server_starts_waits_for_it_and_then_runs_through_its_database()
			throws IOException, InterruptedException {
		try (var server = start()) {
			Path record = this.store.resolve(RunningServer.FILE_NAME);
			String ready = Files.readString(record);
			assertThat(ready).contains("uri=bolt").doesNotContain("state=");
			// The record as it reads while the server starts: no address yet.
			Files.delete(record);
			assertThat(RunningServer.announce(this.store)).isEqualTo(record);
			assertThat(Files.readString(record)).contains("state=starting").doesNotContain("uri=");
			Path log = Files.createTempFile(this.out, "import", ".log");
			Process command = OwnJvm.start(log, importArgs(this.store));
			try {
				long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
				while (!Files.readString(log).contains("that is still starting") && command.isAlive()
						&& System.nanoTime() - deadline < 0) {
					Thread.sleep(100);
				}
				assertThat(Files.readString(log)).contains(this.store + " is held by a server (process "
						+ ProcessHandle.current().pid() + ") that is still starting; this command waits up to 300 s");
				// Waiting, not failed on the store's lock.
				Thread.sleep(1000);
				assertThat(command.isAlive()).as(Files.readString(log)).isTrue();
				// Ready: the record names the address (written whole, as the server does).
				Path partial = this.out.resolve("record.partial");
				Files.writeString(partial, ready);
				Files.move(partial, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				assertThat(command.waitFor(5, TimeUnit.MINUTES)).isTrue();
			}
			finally {
				command.destroyForcibly();
			}
			assertThat(command.exitValue()).as(Files.readString(log)).isZero();
			assertThat(Files.readString(log)).contains("is held by the running server (process "
					+ ProcessHandle.current().pid() + "); this command runs through its database");
			assertThat(lineageOf(server)).contains("{\"parent\":{\"id\":\"acme/base\"}}");
		}
	}

	@Test
	void the_server_says_it_is_starting_and_publishes_its_address_before_the_ready_events_other_listeners_such_as_the_warm_up() {
		var whileStarting = new AtomicReference<String>();
		var seen = new AtomicReference<String>();
		// A listener of no particular order, as the warm-up is.
		ApplicationListener<ApplicationEvent> afterPublishing = event -> {
			var into = event instanceof ApplicationStartedEvent ? whileStarting
					: event instanceof ApplicationReadyEvent ? seen : null;
			if (into != null) {
				try {
					into.set(Files.readString(this.store.resolve(RunningServer.FILE_NAME)));
				}
				catch (IOException ex) {
					into.set(ex.toString());
				}
			}
		};
		try (var server = new SpringApplicationBuilder(PedigreeApplication.class).listeners(afterPublishing)
			.run(startArgs())) {
			// Started (migrations run, runners such as the seed still to come): no
			// address yet, but a command waits.
			assertThat(whileStarting.get()).contains("state=starting")
				.contains("pid=" + ProcessHandle.current().pid())
				.doesNotContain("uri=");
			assertThat(seen.get()).contains("uri=bolt").doesNotContain("state=starting");
		}
	}

	@Test
	void a_command_waits_for_a_starting_server_no_longer_than_server_wait() throws IOException, InterruptedException {
		// A live process (this one) says it starts a server, but none comes: after the
		// wait the command opens the store itself (here nothing holds it).
		RunningServer.announce(this.store);
		var imported = importEdgeInOwnJvm(this.store, "--pedigree.embedded.server-wait=1s",
				"--pedigree.embedded.page-cache=64m");
		assertThat(imported.exitCode()).as(imported.output()).isZero();
		assertThat(imported.output()).contains("that is still starting; this command waits up to 1 s")
			.contains("1 created")
			.doesNotContain("is held by the running server");
	}

	@Test
	void a_starting_server_does_not_replace_a_live_servers_record() throws IOException {
		try (var server = start()) {
			Path record = this.store.resolve(RunningServer.FILE_NAME);
			String ready = Files.readString(record);
			// Another process's live record: a second server's start on this store
			// would fail on the lock, and the record stays the first one's.
			ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
			String others = ready.replace("pid=" + ProcessHandle.current().pid(), "pid=" + parent.pid())
				.replaceAll("started=\\d+", "started=" + parent.info().startInstant().orElseThrow().toEpochMilli());
			Files.writeString(record, others);
			assertThat(RunningServer.announce(this.store)).isNull();
			assertThat(Files.readString(record)).isEqualTo(others);
			// The same pid, another process (its pid reused after the first ended): replaced.
			String reused = others.replaceAll("started=\\d+", "started=1");
			Files.writeString(record, reused);
			assertThat(RunningServer.announce(this.store)).isEqualTo(record);
			assertThat(Files.readString(record)).contains("state=starting")
				.contains("pid=" + ProcessHandle.current().pid());
			Files.writeString(record, ready);
		}
	}

	@Test
	void a_command_through_a_server_whose_schema_lacks_a_migration_applies_nothing_and_says_so_in_one_sentence()
			throws IOException, InterruptedException {
		try (var server = start()) {
			// As a server of the release before V0012: the migration is not recorded.
			var driver = server.getBean(org.neo4j.driver.Driver.class);
			driver.executableQuery("MATCH (m:__SchemaMigration {version: 12}) DELETE m").execute();
			var imported = importEdgeInOwnJvm(this.store);
			assertThat(imported.exitCode()).as(imported.output()).isEqualTo(1);
			assertThat(imported.output()).contains("is held by the running server")
				.contains("The database has not applied the schema migration V0012__search_tiers.cypher that this "
						+ "version of Pedigree needs")
				.contains("Restart the server on this version")
				.doesNotContain("\tat dev.pedigree");
			// Neither the migration nor the edge was written.
			assertThat(driver.executableQuery("MATCH (m:__SchemaMigration {version: 12}) RETURN count(m) AS n")
				.execute()
				.records()
				.get(0)
				.get("n")
				.asInt()).isZero();
			assertThat(lineageOf(server)).contains("\"model\":null");
			BoltAuthenticationTests.assertServes(server);
		}
	}

	@Test
	void a_copy_of_a_running_servers_folder_or_an_ephemeral_store_is_not_run_through_it()
			throws IOException, InterruptedException {
		try (var server = start()) {
			// A copied folder carries the server's record and login, but names another store.
			Path copy = this.out.resolve("copy");
			Files.createDirectories(copy);
			for (String file : List.of(RunningServer.FILE_NAME, BoltCredentials.FILE_NAME)) {
				Files.copy(this.store.resolve(file), copy.resolve(file));
			}
			// Their own databases, in processes of their own: not two databases in this JVM.
			for (var imported : List.of(importEdgeInOwnJvm(copy, "--pedigree.embedded.page-cache=64m"),
					importEdgeInOwnJvm(this.store, "--pedigree.embedded.ephemeral=true",
							"--pedigree.embedded.page-cache=64m"))) {
				assertThat(imported.exitCode()).as(imported.output()).isZero();
				assertThat(imported.output()).contains("1 created").doesNotContain("is held by the running server");
			}
			assertThat(lineageOf(server)).contains("\"model\":null").doesNotContain("acme/base\"");
		}
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
	void a_command_on_a_running_servers_store_without_its_login_says_so_in_one_sentence(CapturedOutput output)
			throws IOException {
		try (var server = start()) {
			Files.delete(this.store.resolve(BoltCredentials.FILE_NAME));
			assertThat(importEdge(this.store)).isEqualTo(1);
			assertThat(output.getAll())
				.contains("bolt-credentials.properties is missing while the server (process "
						+ ProcessHandle.current().pid() + ") runs on the store.")
				.contains("Restart that server");
			// Not created by the command: a new password would not be the database's.
			assertThat(this.store.resolve(BoltCredentials.FILE_NAME)).doesNotExist();
			BoltAuthenticationTests.assertServes(server);
		}
	}

	@Test
	void a_database_that_cannot_be_reached_ends_a_command_with_one_sentence(CapturedOutput output)
			throws IOException {
		int closedPort;
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		assertThat(importEdge(this.store, "--spring.neo4j.uri=bolt://127.0.0.1:" + closedPort,
				"--spring.neo4j.max-transaction-retry-time=1s"))
			.isEqualTo(1);
		assertThat(output.getAll()).contains("The Neo4j database could not be reached: ")
			.contains("127.0.0.1:" + closedPort)
			.doesNotContain("\tat org.neo4j.driver");
	}

	@Test
	void a_record_left_by_a_server_that_is_gone_is_ignored(CapturedOutput output) throws IOException {
		String store = "store=" + this.store.toRealPath() + "\n";
		Process exited = new ProcessBuilder("true").start();
		exited.onExit().join();
		int closedPort;
		try (var listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = listening.getLocalPort();
			// A process that has exited, although something listens on its port.
			ignored("uri=bolt://127.0.0.1:" + listening.getLocalPort() + "\npid=" + exited.pid() + "\n" + store);
		}
		// A server that was starting when its process ended: no wait.
		ignored("state=starting\npid=" + exited.pid() + "\n" + store);
		// A live process (this one) whose port is closed: a server killed and its pid reused.
		ignored("uri=bolt://127.0.0.1:" + closedPort + "\npid=" + ProcessHandle.current().pid() + "\n" + store);
		assertThat(output.getErr()).doesNotContain("is held by the running server").doesNotContain("still starting");
		// A command publishes nothing: the last record is still the one written above.
		assertThat(Files.readString(this.store.resolve(RunningServer.FILE_NAME))).contains("pid=" + ProcessHandle.current().pid());
	}

	private void ignored(String record) throws IOException {
		Files.writeString(this.store.resolve(RunningServer.FILE_NAME), record);
		assertThat(PedigreeApplication.runCommand("audit", "--pedigree.embedded.data-dir=" + this.store,
				"--pedigree.embedded.page-cache=64m"))
			.isZero();
	}

	/** Imports the edge acme/base ← acme/base-chat into the store. */
	private int importEdge(Path store, String... more) throws IOException {
		return PedigreeApplication.runCommand(importArgs(store, more));
	}

	/** The same import in a JVM of its own. */
	private OwnJvm.Result importEdgeInOwnJvm(Path store, String... more) throws IOException, InterruptedException {
		return OwnJvm.run(Files.createTempFile(this.out, "import", ".log"), importArgs(store, more));
	}

	private String[] importArgs(Path store, String... more) throws IOException {
		Path edges = this.out.resolve("edges.csv");
		Files.writeString(edges, "parent_id,child_id,relation\nacme/base,acme/base-chat,finetune\n");
		var args = new ArrayList<>(List.of("import", "--format", "hf-edges", edges.toString(),
				"--pedigree.embedded.data-dir=" + store));
		args.addAll(List.of(more));
		return args.toArray(String[]::new);
	}

	/** The server's answer for acme/base-chat's parents. */
	private static String lineageOf(ConfigurableApplicationContext server) {
		return GraphQlClient.postAnonymous(port(server), "{ model(id: \"acme/base-chat\") { parents { parent { id } } } }");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Test
	void a_context_that_fails_before_its_first_query_shuts_the_database_it_began_down() {
		assertThatThrownBy(() -> start("--pedigree.warmup.requests=many")).hasStackTraceContaining("many");
		// It had said it was starting; a command does not wait for it now.
		assertThat(this.store.resolve(RunningServer.FILE_NAME)).doesNotExist();
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
		return new SpringApplicationBuilder(PedigreeApplication.class).run(startArgs(more));
	}

	private String[] startArgs(String... more) {
		var args = new ArrayList<>(List.of("--pedigree.embedded.data-dir=" + this.store,
				"--pedigree.embedded.bolt-port=0", "--pedigree.embedded.page-cache=64m",
				"--pedigree.seed.enabled=false", "--pedigree.warmup.requests=0", "--server.port=0"));
		args.addAll(List.of(more));
		return args.toArray(String[]::new);
	}

}
