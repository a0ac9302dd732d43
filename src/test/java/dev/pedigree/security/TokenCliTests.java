package dev.pedigree.security;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pedigree.PedigreeApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./pedigree token} on a store: create prints the token once, list shows no
 * secret, revoke keeps why.
 */
class TokenCliTests {

	@TempDir
	Path store;

	@Test
	void create_list_and_revoke_a_token_on_the_store() {
		var created = cli("token", "create", "--name", "carol", "--role", "curator");
		assertThat(created.code()).isZero();
		String token = created.out().strip();
		assertThat(token).matches("pdg_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
		String id = token.substring(4, 16);

		var listed = cli("token", "list");
		assertThat(listed.code()).isZero();
		assertThat(listed.out()).contains(id + "\tcarol\tCURATOR").doesNotContain(token.substring(17));

		var revoked = cli("token", "revoke", id, "--reason", "laptop lost");
		assertThat(revoked.code()).isZero();
		assertThat(revoked.out()).contains("revoked " + id + " (carol)");
		assertThat(cli("token", "list").out()).contains(": laptop lost").contains("by local:");

		// A role outside the closed set is a usage error (2), an unknown token a refusal
		// while running (1).
		assertThat(cli("token", "create", "--name", "dave", "--role", "OWNER").code()).isEqualTo(64);
		assertThat(cli("token", "revoke", "ffffffffffff", "--reason", "x").code()).isEqualTo(1);
	}

	private record Result(int code, String out) {
	}

	/**
	 * A log record of Spring's console format: the test JVM's other application contexts
	 * (kept by the test framework) log from their background threads to the same
	 * System.out while a command runs, so their records are not the command's output.
	 */
	private static final Pattern OTHER_CONTEXTS_LOG = Pattern
		.compile("^\\d{4}-\\d{2}-\\d{2}T\\S+\\s+(TRACE|DEBUG|INFO|WARN|ERROR)\\s+\\d+ --- ");

	/**
	 * The lines such a record's exception adds (its class and message, its stack): the
	 * embedded database's Bolt threads log one when a connection closes in a JVM that has
	 * run several databases.
	 */
	private static final Pattern OTHER_CONTEXTS_EXCEPTION = Pattern
		.compile("^(\\tat |\\t\\.\\.\\. |Caused by: |[a-z][\\w$]*(\\.[\\w$]+)+(Exception|Error)(: |$))");

	private Result cli(String... args) {
		String[] all = new String[args.length + 2];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--pedigree.embedded.data-dir=" + this.store;
		all[args.length + 1] = "--pedigree.embedded.bolt-port=0";
		PrintStream original = System.out;
		var captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			int code = PedigreeApplication.runCommand(all);
			return new Result(code,
					captured.toString(StandardCharsets.UTF_8)
						.lines()
						.filter(line -> !OTHER_CONTEXTS_LOG.matcher(line).find()
								&& !OTHER_CONTEXTS_EXCEPTION.matcher(line).find())
						.collect(Collectors.joining("\n")));
		}
		finally {
			System.setOut(original);
		}
	}

}
