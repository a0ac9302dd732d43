package dev.pedigree.storage;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.SecurityException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.io.ByteUnit;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No side door: the embedded database's Bolt port takes only the login Pedigree generated
 * into its data folder, which the service itself uses, which survives a restart and which
 * only the folder's owner can read.
 */
@ExtendWith(OutputCaptureExtension.class)
class BoltAuthenticationTests {

	@TempDir
	Path store;

	@Test
	void bolt_refuses_connections_without_the_generated_login_which_is_kept_owner_only_and_reused_after_restart(
			CapturedOutput output) throws IOException {
		Path file = this.store.resolve("bolt-credentials.properties");
		String password;
		try (var first = start()) {
			var embedded = first.getBean(EmbeddedNeo4jConfiguration.EmbeddedNeo4j.class);
			assertThat(file).exists();
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			password = read(file).getProperty("password");
			assertThat(password).hasSize(43);
			assertThat(read(file).getProperty("username")).isEqualTo("neo4j");
			// The log names the file, never the whole password.
			assertThat(output.getOut()).contains("Embedded Neo4j listening on " + embedded.boltUri())
				.contains("user neo4j; its password kept in " + file)
				.contains("cypher-shell -a " + embedded.boltUri() + " -u neo4j -p \"$(sed -n 's/^password=//p' '"
						+ file + "')\"")
				.doesNotContain(password);

			assertRefused(embedded, AuthTokens.none());
			assertRefused(embedded, AuthTokens.basic("neo4j", "neo4j"));
			assertRefused(embedded, AuthTokens.basic("neo4j", password + "x"));
			assertAccepted(embedded, AuthTokens.basic("neo4j", password));
			assertServes(first);
		}
		try (var second = start()) {
			var embedded = second.getBean(EmbeddedNeo4jConfiguration.EmbeddedNeo4j.class);
			assertThat(read(file).getProperty("password")).as("the same login after a restart").isEqualTo(password);
			assertRefused(embedded, AuthTokens.none());
			assertAccepted(embedded, AuthTokens.basic("neo4j", password));
			assertServes(second);
		}
	}

	/**
	 * A new store's user starts as neo4j/neo4j with a password to change; whoever logs in
	 * with that first sets the password. A client knocking from before the port opens
	 * until it first answers is refused, and the kept login is the one that works, then
	 * and after a restart.
	 */
	@Test
	void a_new_stores_bolt_port_never_takes_the_default_login() throws Exception {
		int port;
		try (var socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String password;
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<String> knock = pool.submit(() -> takeDefaultLogin(port));
			try (var first = start(port)) {
				var embedded = first.getBean(EmbeddedNeo4jConfiguration.EmbeddedNeo4j.class);
				assertThat(knock.get(60, TimeUnit.SECONDS)).as("the first answer to neo4j/neo4j").isEqualTo("refused");
				password = password();
				assertAccepted(embedded, AuthTokens.basic("neo4j", password));
				assertRefused(embedded, AuthTokens.basic("neo4j", "neo4j"));
				assertServes(first);
				// Neo4j's initial-password file held the login's hash only until the store's
				// system database was created.
				try (var files = Files.walk(this.store)) {
					assertThat(files.filter(f -> f.getFileName().toString().endsWith("auth.ini"))).isEmpty();
				}
				// Neo4j writes the file through a temporary one beside it: the folder keeps
				// both from other users.
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
						this.store.resolve("data").resolve("dbms"))))
					.isEqualTo("rwx------");
			}
		}
		try (var second = start(port)) {
			var embedded = second.getBean(EmbeddedNeo4jConfiguration.EmbeddedNeo4j.class);
			assertThat(password()).as("the same login after a restart").isEqualTo(password);
			assertAccepted(embedded, AuthTokens.basic("neo4j", password));
			assertRefused(embedded, AuthTokens.basic("neo4j", "neo4j"));
			assertServes(second);
		}
	}

	/**
	 * A store whose only user still has neo4j/neo4j: one from a version without Bolt
	 * authentication, or whose first start was killed between building the database and
	 * setting the password (built here by starting Neo4j on it without Pedigree). Its Bolt
	 * port is never open to the default login either: a client knocking from before the
	 * port opens is refused.
	 */
	@Test
	void a_stores_default_login_left_from_an_earlier_start_is_never_taken() throws Exception {
		var plain = new DatabaseManagementServiceBuilder(this.store)
			.setConfig(GraphDatabaseSettings.auth_enabled, true)
			.setConfig(BoltConnector.enabled, false)
			.setConfig(HttpConnector.enabled, false)
			.setConfig(HttpsConnector.enabled, false)
			.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(16))
			.build();
		plain.shutdown();
		int port;
		try (var socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<String> knock = pool.submit(() -> takeDefaultLogin(port));
			try (var context = start(port)) {
				var embedded = context.getBean(EmbeddedNeo4jConfiguration.EmbeddedNeo4j.class);
				assertThat(knock.get(60, TimeUnit.SECONDS)).as("the first answer to neo4j/neo4j").isEqualTo("refused");
				assertAccepted(embedded, AuthTokens.basic("neo4j", password()));
				assertRefused(embedded, AuthTokens.basic("neo4j", "neo4j"));
				assertServes(context);
				try (var files = Files.walk(this.store)) {
					assertThat(files.filter(f -> f.getFileName().toString().endsWith("auth.ini"))).isEmpty();
				}
			}
		}
	}

	/**
	 * What another local process gets when it tries to take the account with the default
	 * login: "refused", or how it got in. Knocks until the port answers, without the
	 * driver's retries (their back-off would step over a short window).
	 */
	private static String takeDefaultLogin(int port) throws InterruptedException {
		var config = Config.builder()
			.withMaxTransactionRetryTime(0, TimeUnit.MILLISECONDS)
			.withConnectionTimeout(1, TimeUnit.SECONDS)
			.build();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		try (var driver = GraphDatabase.driver("bolt://127.0.0.1:" + port, AuthTokens.basic("neo4j", "neo4j"), config)) {
			while (System.nanoTime() < deadline) {
				try (var session = driver.session(SessionConfig.forDatabase("system"))) {
					session.run("ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO 'taken-by-another-process'").consume();
					return "let in: set a password of its own";
				}
				catch (AuthenticationException ex) {
					return "refused";
				}
				catch (ServiceUnavailableException | SessionExpiredException ex) {
					Thread.sleep(5);
				}
				catch (RuntimeException ex) {
					return "let in: " + ex;
				}
			}
			return "the port never answered";
		}
	}

	@Test
	void a_password_changed_through_bolt_follows_the_file_again_after_a_restart() throws IOException {
		String password;
		try (var first = start()) {
			var embedded = first.getBean(EmbeddedNeo4jConfiguration.EmbeddedNeo4j.class);
			password = password();
			administer(embedded, password, "ALTER CURRENT USER SET PASSWORD FROM $old TO $new",
					Map.of("old", password, "new", "changed-through-bolt"));
			assertAccepted(embedded, AuthTokens.basic("neo4j", "changed-through-bolt"));
		}
		try (var second = start()) {
			var embedded = second.getBean(EmbeddedNeo4jConfiguration.EmbeddedNeo4j.class);
			assertAccepted(embedded, AuthTokens.basic("neo4j", password));
			assertRefused(embedded, AuthTokens.basic("neo4j", "changed-through-bolt"));
			assertServes(second);
		}
	}

	@Test
	void an_account_told_to_change_its_password_takes_the_files_login_again_after_a_restart() throws IOException {
		String password;
		try (var first = start()) {
			password = password();
			administer(first.getBean(EmbeddedNeo4jConfiguration.EmbeddedNeo4j.class), password,
					"ALTER USER neo4j SET PASSWORD CHANGE REQUIRED", Map.of());
		}
		try (var second = start()) {
			var embedded = second.getBean(EmbeddedNeo4jConfiguration.EmbeddedNeo4j.class);
			assertAccepted(embedded, AuthTokens.basic("neo4j", password));
			assertServes(second);
		}
	}

	@Test
	void a_login_file_with_wider_rights_is_narrowed_to_its_owner_at_start() throws IOException {
		Files.createDirectories(this.store);
		Path file = Files.writeString(this.store.resolve("bolt-credentials.properties"),
				"username=neo4j\npassword=chosen-by-the-operator\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		try (var context = start()) {
			var embedded = context.getBean(EmbeddedNeo4jConfiguration.EmbeddedNeo4j.class);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			assertAccepted(embedded, AuthTokens.basic("neo4j", "chosen-by-the-operator"));
			assertRefused(embedded, AuthTokens.none());
		}
	}

	private ConfigurableApplicationContext start() {
		return start(0);
	}

	private ConfigurableApplicationContext start(int boltPort) {
		return new SpringApplicationBuilder(PedigreeApplication.class).run("--pedigree.embedded.data-dir=" + this.store,
				"--pedigree.embedded.bolt-port=" + boltPort, "--pedigree.embedded.page-cache=64m",
				"--pedigree.seed.enabled=false", "--server.port=0");
	}

	/** The password the first start generated into the store's login file. */
	private String password() throws IOException {
		return read(this.store.resolve("bolt-credentials.properties")).getProperty("password");
	}

	/** Runs an administration statement on the system database as a Bolt client would. */
	private static void administer(EmbeddedNeo4jConfiguration.EmbeddedNeo4j embedded, String password, String statement,
			Map<String, Object> parameters) {
		try (var driver = GraphDatabase.driver(embedded.boltUri(), AuthTokens.basic("neo4j", password))) {
			driver.executableQuery(statement)
				.withParameters(parameters)
				.withConfig(QueryConfig.builder().withDatabase("system").build())
				.execute();
		}
	}

	private static void assertRefused(EmbeddedNeo4jConfiguration.EmbeddedNeo4j embedded, AuthToken token) {
		try (var driver = GraphDatabase.driver(embedded.boltUri(), token)) {
			assertThatThrownBy(() -> driver.executableQuery("MATCH (m:Model) RETURN count(m) AS n").execute())
				.isInstanceOfAny(AuthenticationException.class, SecurityException.class);
		}
	}

	private static void assertAccepted(EmbeddedNeo4jConfiguration.EmbeddedNeo4j embedded, AuthToken token) {
		try (var driver = GraphDatabase.driver(embedded.boltUri(), token)) {
			assertThat(driver.executableQuery("RETURN 1 AS one").execute().records().get(0).get("one").asInt())
				.isEqualTo(1);
		}
	}

	/** The service's own driver logs in: a write and a read through the API work. */
	static void assertServes(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		GraphQlClient.anonymous(port)
			.document("{ models(first: 1) { totalCount } }")
			.execute()
			.path("models.totalCount")
			.hasValue();
	}

	private static Properties read(Path file) throws IOException {
		var properties = new Properties();
		try (var in = Files.newBufferedReader(file)) {
			properties.load(in);
		}
		return properties;
	}

}
