package dev.pedigree.storage;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.io.locker.FileLockException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * Starts Neo4j in-process, Bolt on loopback only and with authentication (the generated login of
 * {@link BoltCredentials}), and points the driver at the port it actually bound with that login. Skipped when
 * {@code spring.neo4j.uri} names an external server, or when the jar was built without the embedded profile.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.neo4j.dbms.api.DatabaseManagementServiceBuilder")
@Conditional(ExternalNeo4jNotConfigured.class)
class EmbeddedNeo4jConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

	@Bean
	EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jProperties properties) {
		Path home = storeFolder(properties);
		log.info("Embedded Neo4j store: {}", home);
		var builder = new DatabaseManagementServiceBuilder(home)
			.setConfig(GraphDatabaseSettings.auth_enabled, true)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", properties.boltPort()))
			.setConfig(HttpConnector.enabled, false)
			.setConfig(HttpsConnector.enabled, false)
			.setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
			.setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ofMillis(50));
		if (StringUtils.hasText(properties.pageCache())) {
			builder.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(properties.pageCache()));
		}
		DatabaseManagementService service;
		try {
			service = builder.build();
		}
		catch (RuntimeException ex) {
			if (properties.ephemeral()) {
				FileSystemUtils.deleteRecursively(home.toFile());
			}
			throw explain(ex, properties, home);
		}
		BoltCredentials credentials;
		try {
			credentials = BoltCredentials.loadOrCreate(home);
			setPassword(service, credentials);
		}
		catch (RuntimeException ex) {
			service.shutdown();
			throw ex;
		}
		var database = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		var bolt = database.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT);
		if (bolt == null) {
			service.shutdown();
			throw new EmbeddedNeo4jStartupException(
					"The embedded Neo4j could not open its Bolt port " + properties.boltPort() + " on 127.0.0.1.",
					"Free the port or choose another with pedigree.embedded.bolt-port (0 = any free port).", null);
		}
		URI uri = URI.create("bolt://127.0.0.1:" + bolt.getPort());
		// Printed for Neo4j Browser and cypher-shell users; the file keeps it across restarts.
		log.info("Embedded Neo4j listening on {} (user {}, password {}; kept in {})", uri, credentials.username(),
				credentials.password(), credentials.file());
		return new EmbeddedNeo4j(service, uri, credentials, properties.ephemeral() ? home : null);
	}

	@Bean
	Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j embeddedNeo4j) {
		URI uri = embeddedNeo4j.boltUri();
		AuthToken login = AuthTokens.basic(embeddedNeo4j.credentials().username(),
				embeddedNeo4j.credentials().password());
		return new Neo4jConnectionDetails() {
			@Override
			public URI getUri() {
				return uri;
			}

			@Override
			public AuthToken getAuthToken() {
				return login;
			}
		};
	}

	/**
	 * Sets the kept password on every start (in-process, no Bolt login needed): a store
	 * from a version without Bolt authentication, or one whose password was changed
	 * through Bolt, follows the file again.
	 */
	private static void setPassword(DatabaseManagementService service, BoltCredentials credentials) {
		try {
			service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
				.executeTransactionally("ALTER USER " + quoted(credentials.username())
						+ " SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
						Map.of("password", credentials.password()));
		}
		catch (RuntimeException ex) {
			if (!String.valueOf(ex.getMessage()).contains("cannot be the same")) {
				throw new EmbeddedNeo4jStartupException(
						"The embedded Neo4j did not accept the login in " + credentials.file() + ": "
								+ ex.getMessage() + ".",
						"Delete the file; the next start generates a new password.", ex);
			}
		}
	}

	private static String quoted(String name) {
		return "`" + name.replace("`", "``") + "`";
	}

	private static Path storeFolder(EmbeddedNeo4jProperties properties) {
		try {
			if (properties.ephemeral()) {
				return Files.createTempDirectory("pedigree-neo4j-").toAbsolutePath();
			}
			Path home = properties.dataDir().toAbsolutePath().normalize();
			Files.createDirectories(home);
			return home;
		}
		catch (IOException ex) {
			throw new EmbeddedNeo4jStartupException(
					"The embedded Neo4j store folder " + properties.dataDir().toAbsolutePath() + " cannot be created: "
							+ ex.getMessage() + ".",
					"Point pedigree.embedded.data-dir at a writable folder.", ex);
		}
	}

	private static RuntimeException explain(RuntimeException failure, EmbeddedNeo4jProperties properties, Path home) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException) {
				return new EmbeddedNeo4jStartupException(
						"The embedded Neo4j cannot listen on 127.0.0.1:" + properties.boltPort()
								+ " because the port is already in use.",
						"Stop what uses the port or set pedigree.embedded.bolt-port to another port (0 = any free port).",
						failure);
			}
			if (cause instanceof FileLockException) {
				return new EmbeddedNeo4jStartupException(
						"The embedded Neo4j store " + home + " is locked by another running process.",
						"Stop the other Pedigree instance or set pedigree.embedded.data-dir to another folder.",
						failure);
			}
		}
		return new EmbeddedNeo4jStartupException("The embedded Neo4j in " + home + " failed to start: "
				+ failure.getMessage(), "See the Neo4j log in " + home.resolve("logs") + ".", failure);
	}

	/** The running database; shut down after the driver (which depends on it) is closed. */
	record EmbeddedNeo4j(DatabaseManagementService service, URI boltUri, BoltCredentials credentials,
			Path deleteOnShutdown)
			implements AutoCloseable {

		@Override
		public void close() {
			this.service.shutdown();
			if (this.deleteOnShutdown != null) {
				try {
					FileSystemUtils.deleteRecursively(this.deleteOnShutdown);
				}
				catch (IOException ex) {
					log.warn("Could not delete temporary store {}: {}", this.deleteOnShutdown, ex.getMessage());
				}
			}
		}

	}

}
