package dev.pedigree.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.pedigree.OwnJvm;
import dev.pedigree.PedigreeApplication;
import dev.pedigree.interchange.ExportFormat;
import dev.pedigree.interchange.ImportFormat;
import dev.pedigree.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./pedigree help}, {@code ./pedigree COMMAND --help} and usage errors, through
 * the CLI's entry point: answered before anything starts (the store given by
 * {@code --pedigree.embedded.data-dir} is never created), usage errors on one line of
 * stderr with a pointer to the help and exit code 64, never a stack trace.
 */
class CommandLineTests {

	@TempDir
	Path temp;

	@ParameterizedTest
	@ValueSource(strings = { "help", "--help", "-h" })
	void the_overview_names_the_server_and_every_command(String ask) {
		var result = cli(ask);
		assertThat(result.code()).isZero();
		assertThat(result.out()).startsWith("usage: pedigree")
			.contains("the server", "README.md", "pedigree COMMAND --help");
		for (String command : List.of("import", "export", "report", "scenario", "audit", "token")) {
			assertThat(result.out()).containsPattern("(?m)^  " + command + " +\\S");
		}
		assertThat(result.err()).isEmpty();
		assertNothingStarted();
	}

	@ParameterizedTest
	@ValueSource(strings = { "import", "export", "report", "scenario", "audit", "token" })
	void every_command_prints_its_usage_three_ways(String command) {
		for (String[] ask : List.of(new String[] { command, "--help" }, new String[] { command, "-h" },
				new String[] { "help", command })) {
			var result = cli(ask);
			assertThat(result.code()).as(String.join(" ", ask)).isZero();
			assertThat(result.out()).startsWith("usage: pedigree " + command)
				.contains("Arguments and options:", "Examples:\n  pedigree " + command);
			assertThat(result.err()).isEmpty();
		}
		assertNothingStarted();
	}

	@Test
	void a_commands_help_marks_required_options_and_lists_the_formats_the_code_accepts() {
		String importHelp = cli("import", "--help").out();
		assertThat(importHelp).startsWith("usage: pedigree import PATH --format FORMAT\n")
			.containsPattern("--format FORMAT +required; ");
		Arrays.stream(ImportFormat.values()).forEach(f -> assertThat(importHelp).contains(f.cliName()));
		String exportHelp = cli("export", "-h").out();
		assertThat(exportHelp).containsPattern("--out FILE +required; ")
			.containsPattern("--direction up\\|down\\|both +which side .*\\(default both\\)")
			.doesNotContainPattern("--model ID +required");
		Arrays.stream(ExportFormat.values()).forEach(f -> assertThat(exportHelp).contains(f.cliName()));
		String tokenHelp = cli("help", "token").out();
		assertThat(tokenHelp)
			.contains("usage: pedigree token create --name NAME --role READER|CURATOR|ADMIN",
					"pedigree token list [--out FILE] [--server URL]", "pedigree token revoke ID --reason TEXT")
			.containsPattern("--role READER\\|CURATOR\\|ADMIN +required for create; ")
			.containsPattern("--reason TEXT +required for revoke; ");
		Arrays.stream(Role.values()).forEach(r -> assertThat(tokenHelp).contains(r.name()));
		assertThat(cli("help", "scenario").out()).contains("usage: pedigree scenario run FILE|--id ID");
	}

	@Test
	void a_missing_required_option_is_named() throws IOException {
		Path edges = edges();
		var result = cli("import", edges.toString());
		assertUsageError(result, "import", "pedigree: import needs --format FORMAT (one of huggingface, hf-edges");
		assertUsageError(cli("export", "--format", "csv"), "export", "pedigree: export needs --out FILE");
		assertUsageError(cli("token", "revoke", "3f9a0c1b2d4e"), "token", "pedigree: token revoke needs --reason");
		assertUsageError(cli("import", "--format"), "import", "pedigree: --format needs a value");
		assertUsageError(cli("scenario", "run"), "scenario", "pedigree: scenario run needs FILE or --id");
		assertUsageError(cli("token"), "token", "pedigree: token needs an action: create, list, revoke");
	}

	@Test
	void a_value_outside_its_closed_set_is_named_with_the_accepted_ones() throws IOException {
		assertUsageError(cli("import", "--format", "hf-edgez", edges().toString()), "import",
				"pedigree: --format must be one of huggingface, hf-edges, hf-nodes, ecosystem-graphs, epoch, "
						+ "cyclonedx, jsonl; was 'hf-edgez'");
		assertUsageError(cli("export", "--format", "csv", "--direction", "sideways", "--out", out()), "export",
				"pedigree: --direction must be one of up, down, both; was 'sideways'");
		assertUsageError(cli("export", "--format", "csv", "--depth", "two", "--out", out()), "export",
				"pedigree: --depth must be a whole number ≥ 0; was 'two'");
		assertUsageError(cli("token", "create", "--name", "dave", "--role", "OWNER"), "token",
				"pedigree: --role must be one of READER, CURATOR, ADMIN; was 'OWNER'");
		assertUsageError(cli("report", "liability", "a/b", "--out", out(), "--as-of", "2026-13-01"), "report",
				"pedigree: --as-of must be a date YYYY-MM-DD; was '2026-13-01'");
		assertUsageError(cli("audit", "--format", "pdf"), "audit", "pedigree: --format must be one of md, json");
		assertUsageError(cli("scenario", "walk"), "scenario",
				"pedigree: unknown action 'walk' for scenario; use one of run");
		// The code's own spellings still pass: case and the enum's name.
		assertThat(CommandLine.answerBeforeStart(new String[] { "import", "--format", "HF_EDGES", edges().toString() },
				System.out, System.err))
			.isEmpty();
	}

	@Test
	void a_missing_input_file_or_output_folder_is_named() {
		assertUsageError(cli("import", "--format", "hf-edges", "/no/such/file.csv"), "import",
				"pedigree: no such file or folder: /no/such/file.csv");
		assertUsageError(cli("scenario", "run", "/no/such/rule.yaml"), "scenario",
				"pedigree: no such file or folder: /no/such/rule.yaml");
		assertUsageError(cli("export", "--format", "csv", "--out", "/no/such/folder/x.csv"), "export",
				"pedigree: --out: no such folder /no/such/folder to write /no/such/folder/x.csv into");
	}

	@Test
	void an_unknown_option_or_command_is_named_with_the_known_ones_and_spring_properties_pass() throws IOException {
		assertUsageError(cli("import", "--fromat", "hf-edges", edges().toString()), "import",
				"pedigree: unknown option --fromat for import; its options: --format");
		assertUsageError(cli("import", "-f", "hf-edges", edges().toString()), "import",
				"pedigree: unknown option -f for import; its options: --format");
		assertUsageError(cli("audit", "--out", out(), "--fromat", "md", "--logging.level.root=INFO"), "audit",
				"pedigree: unknown option --fromat for audit; its options: --format, --out, --server");
		assertUsageError(cli("token", "list", "--name", "x"), "token",
				"pedigree: unknown option --name for token list; its options: --out, --server");
		assertUsageError(cli("import", "--format", "hf-edges", edges().toString(), edges().toString()), "import",
				"pedigree: unexpected argument '" + edges() + "' for import; usage: pedigree import PATH --format");
		var typo = cli("imprt", "--format", "hf-edges");
		assertThat(typo.code()).isEqualTo(CommandLine.USAGE_ERROR).isEqualTo(64);
		assertThat(typo.err()).isEqualTo("pedigree: unknown command 'imprt'; commands: import, export, report, "
				+ "scenario, audit, token\nrun 'pedigree help' for usage\n");
		assertThat(CommandLine.answerBeforeStart(new String[] { "import", "--format", "hf-edges", edges().toString(),
				"--pedigree.embedded.data-dir=" + this.temp.resolve("store"), "--spring.neo4j.uri=bolt://localhost:1" },
				System.out, System.err))
			.isEmpty();
		assertNothingStarted();
	}

	/**
	 * A command through the launcher (its JVM flags; a JVM of its own, since Lucene warns
	 * once per JVM), on a fresh store: its output holds no warning meant for operators or
	 * library maintainers (Lucene's vector module, the JDK's sun.misc.Unsafe notice).
	 */
	@Test
	void a_command_prints_its_output_without_warnings_for_operators_or_library_maintainers() throws Exception {
		var run = launcher(Map.of("PEDIGREE_AOT", "off", "PEDIGREE_JAVA_OPTS", "-Xmx1g -XX:TieredStopAtLevel=1"),
				"token", "list", "--pedigree.embedded.data-dir=" + this.temp.resolve("own-store"),
				"--pedigree.embedded.bolt-port=0", "--pedigree.embedded.page-cache=64m");
		assertThat(run.code()).as(run.out() + run.err()).isZero();
		assertThat(run.out()).isEqualTo("id\tname\trole\tcreated\tcreated by\trevoked\n");
		assertThat(run.err()).doesNotContain("vector", "Unsafe", "WARNING");
	}

	/**
	 * The launcher's collector: the server on two cores or fewer on the parallel
	 * collector (G1, the JVM's own choice, on more), a short command on the JVM's choice,
	 * an import on the parallel collector; a collector the user names wins.
	 * {@code -version} ends each JVM once {@code -Xlog:gc} has printed its collector:
	 * nothing starts.
	 */
	@Test
	void the_launcher_runs_the_server_on_the_parallel_collector_on_two_cores_and_a_collector_the_user_names_wins()
			throws Exception {
		var nproc = new ProcessBuilder("nproc").start();
		boolean twoCoresOrFewer = Integer.parseInt(new String(nproc.getInputStream().readAllBytes()).trim()) <= 2;
		var probe = Map.of("PEDIGREE_AOT", "off", "PEDIGREE_JAVA_OPTS", "-Xlog:gc -version");
		assertThat(launcher(probe).out()).contains(twoCoresOrFewer ? "Using Parallel" : "Using G1");
		assertThat(launcher(probe, "--server.port=0").out()).contains(twoCoresOrFewer ? "Using Parallel" : "Using G1");
		assertThat(launcher(probe, "report", "--model", "google/gemma-7b").out()).contains("Using ")
			.doesNotContain("Using Parallel");
		assertThat(launcher(probe, "import", "--format", "hf-edges", "edges.csv").out()).contains("Using Parallel");
		var named = Map.of("PEDIGREE_AOT", "off", "PEDIGREE_JAVA_OPTS", "-XX:+UseG1GC -Xlog:gc -version");
		assertThat(launcher(named).out()).contains("Using G1");
	}

	/**
	 * A command beside a server on another store: the server holds the configured Bolt
	 * port (7687 unless set), so a command's own database listens on any free one. A port
	 * the user sets still wins.
	 */
	@Test
	void a_command_beside_a_server_on_the_default_bolt_port_starts_and_a_port_set_by_the_user_still_wins()
			throws IOException {
		Path edges = Files.writeString(this.temp.resolve("edges.csv"),
				"parent_id,child_id,relation\nfixture-lab/base,fixture-lab/base-tune,finetune\n");
		// The server's port: taken here unless something already holds it (then it is
		// taken all the same).
		try (var server = bindIfFree(7687);
				var other = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			Result beside = run("import", "--format", "hf-edges", edges.toString(),
					"--pedigree.embedded.data-dir=" + this.temp.resolve("beside"),
					"--pedigree.embedded.page-cache=64m");
			assertThat(beside.code()).as(beside.out() + beside.err()).isZero();
			assertThat(beside.out()).contains("hf-edges import: 1 created");
			String held = Integer.toString(other.getLocalPort());
			Result set = run("import", "--format", "hf-edges", edges.toString(),
					"--pedigree.embedded.data-dir=" + this.temp.resolve("set"), "--pedigree.embedded.page-cache=64m",
					"--pedigree.embedded.bolt-port=" + held);
			assertThat(set.code()).isEqualTo(1);
			assertThat(set.out() + set.err()).contains("127.0.0.1:" + held, "already in use");
			// A configuration file of the user's wins too.
			Path config = Files.writeString(this.temp.resolve("command.yml"),
					"pedigree:\n  embedded:\n    bolt-port: " + held + "\n");
			Result file = run("import", "--format", "hf-edges", edges.toString(),
					"--pedigree.embedded.data-dir=" + this.temp.resolve("file"), "--pedigree.embedded.page-cache=64m",
					"--spring.config.additional-location=file:" + config);
			assertThat(file.code()).isEqualTo(1);
			assertThat(file.out() + file.err()).contains("127.0.0.1:" + held, "already in use");
		}
	}

	/**
	 * A socket bound to {@code port} on the loopback address, or null when it is taken.
	 */
	private static java.net.ServerSocket bindIfFree(int port) {
		try {
			return new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * On a new build the launcher records a start-up cache (JDK 25: about two minutes)
	 * before the first command runs; a usage mistake is answered before that.
	 */
	@Test
	void on_a_new_build_the_launcher_answers_a_usage_error_before_recording_its_start_up_cache() throws Exception {
		Assumptions.assumeTrue(Runtime.version().feature() >= 25, "the launcher records a cache on JDK 25 or newer");
		var run = launcher(Map.of(), "import", "--format", "nope", edges().toString(),
				"--pedigree.embedded.data-dir=" + this.temp.resolve("store"));
		assertThat(run.code()).as(run.err()).isEqualTo(64);
		assertThat(run.err()).startsWith("pedigree: --format must be one of")
			.endsWith("\nrun 'pedigree import --help' for usage\n")
			.doesNotContain("start-up cache");
		assertThat(this.temp.resolve("install/target/aot")).doesNotExist();
		assertNothingStarted();
	}

	/**
	 * Nor do help asked after a property, and a command sent to a running service (which
	 * starts no database), wait for the recording.
	 */
	@Test
	void on_a_new_build_help_anywhere_and_a_remote_command_run_without_recording_a_start_up_cache() throws Exception {
		Assumptions.assumeTrue(Runtime.version().feature() >= 25, "the launcher records a cache on JDK 25 or newer");
		var help = launcher(Map.of(), "--pedigree.seed.enabled=false", "help");
		assertThat(help.code()).as(help.err()).isZero();
		assertThat(help.out()).startsWith("usage: pedigree");
		assertThat(help.err()).doesNotContain("start-up cache");
		// Nothing listens on port 9 of the loopback: the command fails to connect, after
		// the launcher let it run.
		var remote = launcher(Map.of(), "token", "list", "--server", "http://127.0.0.1:9");
		assertThat(remote.code()).as(remote.err()).isEqualTo(1);
		assertThat(remote.err()).doesNotContain("start-up cache");
		assertThat(this.temp.resolve("install/target/aot")).doesNotExist();
		// A cache of an earlier build is not used for it either: the new jar runs.
		Path stale = Files.createDirectories(this.temp.resolve("install/target/aot")).resolve("pedigree.aot");
		Files.writeString(stale, "an earlier build's cache");
		Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(0));
		var again = launcher(Map.of(), "token", "list", "--server", "http://127.0.0.1:9");
		assertThat(again.code()).as(again.err()).isEqualTo(1);
		assertThat(again.err()).startsWith("pedigree: cannot reach http://127.0.0.1:9")
			.doesNotContain("start-up cache");
	}

	/**
	 * {@code PEDIGREE_JAR} runs the jar it names as it is: a missing one is named, and a
	 * jar elsewhere runs without the launcher building its own or recording a start-up
	 * cache for it.
	 */
	@Test
	void pedigree_jar_runs_another_build_as_it_is() throws Exception {
		var missing = launcher(Map.of("PEDIGREE_JAR", this.temp.resolve("nope.jar").toString()), "help");
		assertThat(missing.code()).isEqualTo(1);
		assertThat(missing.err())
			.isEqualTo("pedigree: PEDIGREE_JAR names no file: " + this.temp.resolve("nope.jar") + "\n");
		Path other = this.temp.resolve("other.jar");
		Files.move(this.temp.resolve("install/target/pedigree.jar"), other);
		var run = launcher(
				Map.of("PEDIGREE_JAR", other.toString(), "PEDIGREE_JAVA_OPTS", "-Xmx1g -XX:TieredStopAtLevel=1"),
				"token", "list", "--pedigree.embedded.data-dir=" + this.temp.resolve("other-store"),
				"--pedigree.embedded.bolt-port=0", "--pedigree.embedded.page-cache=64m");
		assertThat(run.code()).as(run.out() + run.err()).isZero();
		assertThat(run.out()).isEqualTo("id\tname\trole\tcreated\tcreated by\trevoked\n");
		assertThat(run.err()).doesNotContain("building", "start-up cache");
		assertThat(this.temp.resolve("install/target/pedigree.jar")).doesNotExist();
		assertThat(this.temp.resolve("install/target/aot")).doesNotExist();
	}

	/**
	 * Runs {@code ./pedigree} from a copy whose {@code target/pedigree.jar} is this
	 * test's class path behind a manifest, with this JVM as {@code JAVA_HOME}.
	 */
	private Result launcher(Map<String, String> environment, String... args) throws Exception {
		Path install = this.temp.resolve("install");
		Files.createDirectories(install.resolve("target"));
		Path script = install.resolve("pedigree");
		if (!Files.exists(script)) {
			Files.copy(Path.of("pedigree"), script);
			var manifest = new Manifest();
			manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
			manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, PedigreeApplication.class.getName());
			manifest.getMainAttributes()
				.put(Attributes.Name.CLASS_PATH,
						Stream.of(OwnJvm.classPath().split(java.io.File.pathSeparator))
							.map(entry -> Path.of(entry).toUri().toString())
							.collect(Collectors.joining(" ")));
			try (var jar = new JarOutputStream(Files.newOutputStream(install.resolve("target/pedigree.jar")),
					manifest)) {
				jar.flush();
			}
		}
		var command = new java.util.ArrayList<>(List.of("bash", script.toString()));
		command.addAll(List.of(args));
		var builder = new ProcessBuilder(command);
		// The developer's shell must not reach the launcher or its JVMs: options the JVM
		// announces on stderr, Pedigree's and Spring's settings.
		builder.environment()
			.keySet()
			.removeIf(name -> name.startsWith("PEDIGREE_") || name.startsWith("SPRING_")
					|| List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS").contains(name));
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().putAll(environment);
		Path stdout = this.temp.resolve("launcher-stdout.txt");
		Path stderr = this.temp.resolve("launcher-stderr.txt");
		var process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
		if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
			// The launcher's JVMs first: killing bash alone would leave them running.
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly().waitFor();
		}
		return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
	}

	private void assertUsageError(Result result, String command, String message) {
		assertThat(result.code()).as(result.err()).isEqualTo(64);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith(message)
			.endsWith("\nrun 'pedigree " + command + " --help' for usage\n")
			.doesNotContain("Exception", "\tat ");
		assertThat(result.err().lines()).hasSize(2);
		assertNothingStarted();
	}

	private void assertNothingStarted() {
		assertThat(this.temp.resolve("store")).doesNotExist();
	}

	private Path edges() throws IOException {
		Path edges = this.temp.resolve("edges.csv");
		if (!Files.exists(edges)) {
			Files.writeString(edges, "parent_id,child_id,relation\na/base,b/tune,finetune\n");
		}
		return edges;
	}

	private String out() {
		return this.temp.resolve("out.txt").toString();
	}

	private record Result(int code, String out, String err) {
	}

	/**
	 * A log record of Spring's console format: the test JVM's other application contexts
	 * (kept by the test framework) log from their background threads to the same streams.
	 */
	private static final Pattern OTHER_CONTEXTS_LOG = Pattern
		.compile("^\\d{4}-\\d{2}-\\d{2}T\\S+\\s+(TRACE|DEBUG|INFO|WARN|ERROR)\\s+\\d+ --- ");

	private static String ownLines(ByteArrayOutputStream captured) {
		return captured.toString(StandardCharsets.UTF_8)
			.lines()
			.filter(line -> !OTHER_CONTEXTS_LOG.matcher(line).find())
			.map(line -> line + "\n")
			.collect(Collectors.joining());
	}

	/** Runs the CLI in-process on a store under the temporary folder. */
	private Result cli(String... args) {
		return run(Stream
			.concat(Arrays.stream(args), Stream.of("--pedigree.embedded.data-dir=" + this.temp.resolve("store"),
					"--pedigree.embedded.bolt-port=0"))
			.toArray(String[]::new));
	}

	/** Runs the CLI in-process with exactly {@code all}. */
	private static Result run(String... all) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		var capturedOut = new ByteArrayOutputStream();
		var capturedErr = new ByteArrayOutputStream();
		System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
		try {
			int code = PedigreeApplication.runCommand(all);
			return new Result(code, ownLines(capturedOut), ownLines(capturedErr));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

}
