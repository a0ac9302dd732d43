package dev.pedigree.storage;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.netty.channel.local.LocalAddress;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config.ConfigBuilder;
import org.neo4j.driver.Driver;
import org.neo4j.driver.internal.DriverFactory;
import org.neo4j.driver.internal.security.StaticAuthTokenManager;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.locker.FileLockException;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.exception.InvalidAuthTokenException;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;
import org.neo4j.string.UTF8;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.neo4j.autoconfigure.Neo4jProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * Starts Neo4j in-process, Bolt on loopback only and with authentication (the generated login of
 * {@link BoltCredentials}), and points the driver at the port it actually bound with that login. The start runs on
 * a thread of its own while the rest of the application is built ({@link EarlyDatabaseStart}); the driver's first use
 * waits for it. Skipped when
 * {@code spring.neo4j.uri} names an external server, or when the jar was built without the embedded profile.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.neo4j.dbms.api.DatabaseManagementServiceBuilder")
@Conditional(ExternalNeo4jNotConfigured.class)
class EmbeddedNeo4jConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

	/**
	 * Begun here only when {@link EarlyDatabaseStart} did not begin it before the
	 * refresh.
	 */
	@Bean(EmbeddedNeo4jStart.NAME)
	@ConditionalOnMissingBean
	static EmbeddedNeo4jStart embeddedNeo4jStart(EmbeddedNeo4jProperties properties) {
		return EmbeddedNeo4jStart.begin(properties);
	}

	/**
	 * The running database. Lazy: whoever asks waits for the start. Shut down by the
	 * start, after the driver.
	 */
	@Bean(destroyMethod = "")
	@Lazy
	EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jStart start) {
		return start.await();
	}

	/**
	 * The login is known before the database has started, and so is the address unless
	 * the port is 0 (any free port): then the driver's creation waits for the start.
	 */
	@Bean
	Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4jStart start) {
		AuthToken login = AuthTokens.basic(start.credentials().username(), start.credentials().password());
		return new Neo4jConnectionDetails() {
			@Override
			public URI getUri() {
				return start.boltPort() != 0 ? boltUri(start.boltPort()) : start.await().boltUri();
			}

			@Override
			public AuthToken getAuthToken() {
				return login;
			}
		};
	}

	/**
	 * The service's own driver over the database's in-process channel (Bolt over Netty's
	 * local transport, {@code pedigree.embedded.in-process-bolt}): the same protocol,
	 * pool and sessions as over the loopback port, without the kernel's TCP stack
	 * between two threads of this process. Boot's driver is not created beside it; this
	 * one takes the same {@code spring.neo4j.*} settings (pool, timeouts, retries) and
	 * customizers, unencrypted as the loopback port is. The address it connects to is the
	 * port's, for logs and errors; the bytes go through the channel.
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "pedigree.embedded.in-process-bolt", matchIfMissing = true)
	Driver embeddedNeo4jDriver(Neo4jProperties properties, Neo4jConnectionDetails details,
			ObjectProvider<ConfigBuilderCustomizer> customizers, EmbeddedNeo4jStart start) {
		ConfigBuilder config = org.neo4j.driver.Config.builder();
		Neo4jProperties.Pool pool = properties.getPool();
		if (pool.isLogLeakedSessions()) {
			config.withLeakedSessionsLogging();
		}
		config.withMaxConnectionPoolSize(pool.getMaxConnectionPoolSize());
		if (pool.getIdleTimeBeforeConnectionTest() != null) {
			config.withConnectionLivenessCheckTimeout(pool.getIdleTimeBeforeConnectionTest().toMillis(),
					TimeUnit.MILLISECONDS);
		}
		config.withMaxConnectionLifetime(pool.getMaxConnectionLifetime().toMillis(), TimeUnit.MILLISECONDS)
			.withConnectionAcquisitionTimeout(pool.getConnectionAcquisitionTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.withConnectionTimeout(properties.getConnectionTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.withMaxTransactionRetryTime(properties.getMaxTransactionRetryTime().toMillis(), TimeUnit.MILLISECONDS)
			.withoutEncryption();
		customizers.orderedStream().forEach(customizer -> customizer.customize(config));
		return inProcessDriver(details.getUri(), details.getAuthToken(), start.localChannel(), config.build());
	}

	/**
	 * A driver whose connections go to the database's in-process channel named
	 * {@code channel} ({@code uri} names the port, for logs and errors). A rejected login
	 * fails at once, as with Boot's driver (a static token, not a retried one).
	 */
	static Driver inProcessDriver(URI uri, AuthToken login, String channel, org.neo4j.driver.Config config) {
		LocalAddress address = new LocalAddress(channel);
		return new DriverFactory() {
			@Override
			protected java.net.SocketAddress localAddress() {
				return address;
			}
		}.newInstance(uri, new StaticAuthTokenManager(login), null, config);
	}

	/**
	 * The driver's first use (the schema migrations, once every bean exists) waits for
	 * the database's start; creating the driver does not.
	 */
	@Bean
	static BeanPostProcessor embeddedNeo4jDriverWaitsForStart(ObjectProvider<EmbeddedNeo4jStart> start) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof Driver driver ? waitingForStart(driver, start) : bean;
			}
		};
	}

	/**
	 * A server (not a command, not an ephemeral store nobody else knows) publishes its
	 * Bolt address for commands on its store ({@link RunningServer}) once ready: its
	 * schema migrations and its runners (the first start's seed) are done. First among
	 * the ready event's listeners: the start-up warm-up (tens of seconds on a large store)
	 * need not keep commands waiting.
	 */
	@Bean
	static ApplicationListener<ApplicationReadyEvent> embeddedNeo4jPublishedWhenReady(
			ObjectProvider<EmbeddedNeo4jStart> start, EmbeddedNeo4jProperties properties) {
		return new PublishWhenReady(start, properties);
	}

	private record PublishWhenReady(ObjectProvider<EmbeddedNeo4jStart> start,
			EmbeddedNeo4jProperties properties) implements ApplicationListener<ApplicationReadyEvent>, Ordered {

		@Override
		public void onApplicationEvent(ApplicationReadyEvent event) {
			if (!this.properties.command() && !this.properties.ephemeral()) {
				this.start.ifAvailable(EmbeddedNeo4jStart::publish);
			}
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	private static Driver waitingForStart(Driver driver, ObjectProvider<EmbeddedNeo4jStart> start) {
		// Once the start is over, a call goes straight to the driver (no bean lookup per
		// session on the serving path).
		var started = new java.util.concurrent.atomic.AtomicBoolean();
		return (Driver) Proxy.newProxyInstance(Driver.class.getClassLoader(), new Class<?>[] { Driver.class },
				(proxy, method, args) -> {
					if (method.getDeclaringClass() == Object.class) {
						return switch (method.getName()) {
							case "equals" -> proxy == args[0];
							case "hashCode" -> System.identityHashCode(proxy);
							default -> "waiting for the embedded start: " + driver;
						};
					}
					// Closing a driver that never connected needs no database.
					if (!started.get() && !method.getName().startsWith("close")) {
						start.getObject().await();
						started.set(true);
					}
					try {
						return method.invoke(driver, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	/**
	 * Settings the service owns, which {@code pedigree.embedded.settings} may not set
	 * (names, or prefixes ending in a dot): where the store, its login file and its logs
	 * live (the store folder is {@code pedigree.embedded.data-dir}), the login and the
	 * connectors the service's own driver and commands use, the database the service
	 * opens, and Neo4j's own check of the settings.
	 */
	static final List<String> SERVICE_OWNED = List.of("server.directories.", "server.bolt.",
			"server.http.", "server.https.", "dbms.security.auth_enabled", "initial.dbms.default_database",
			"dbms.default_database", "server.config.strict_validation.enabled");

	/**
	 * {@code pedigree.embedded.settings}, parsed and checked by Neo4j's own configuration
	 * before the database starts: an unknown name, a bad value or a setting the service
	 * owns is refused. Relative paths resolve against the store folder, as in a
	 * {@code neo4j.conf} of its own; names of earlier Neo4j versions are taken under
	 * their current names.
	 */
	static Map<Setting<?>, Object> operatorSettings(Map<String, String> raw, Path home) {
		if (raw.isEmpty()) {
			return Map.of();
		}
		String action = "Correct or remove it (the names and values of neo4j.conf: "
				+ "https://neo4j.com/docs/operations-manual/current/configuration/configuration-settings/).";
		Config parsed;
		try {
			parsed = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).setRaw(raw).build();
		}
		catch (RuntimeException ex) {
			throw new EmbeddedNeo4jStartupException(
					"A Neo4j setting in pedigree.embedded.settings was refused: " + ex.getMessage(), action, ex);
		}
		Map<Setting<?>, Object> settings = new HashMap<>();
		parsed.getDeclaredSettings().values().forEach(setting -> {
			if (setting.equals(GraphDatabaseSettings.neo4j_home) || !parsed.isExplicitlySet(setting)) {
				return;
			}
			String name = setting.name();
			if (SERVICE_OWNED.stream().anyMatch(owned -> owned.endsWith(".") ? name.startsWith(owned) : name.equals(owned))) {
				throw new EmbeddedNeo4jStartupException("The Neo4j setting " + name
						+ " in pedigree.embedded.settings is the service's own (the store's folders, the login, the "
						+ "connectors, the database it opens) and cannot be set there.",
						"Remove it; the store folder is pedigree.embedded.data-dir, the Bolt port "
								+ "pedigree.embedded.bolt-port.",
						null);
			}
			settings.put(setting, parsed.get(setting));
		});
		return settings;
	}

	private static URI boltUri(int port) {
		return URI.create("bolt://127.0.0.1:" + port);
	}

	private static EmbeddedNeo4j start(EmbeddedNeo4jProperties properties, Path home, BoltCredentials credentials,
			String localChannel) {
		log.info("Embedded Neo4j store: {}", home);
		// The operator's own settings first: the service's below override them where
		// both name one (the login and the connectors are the service's).
		var builder = new DatabaseManagementServiceBuilder(home).setConfig(operatorSettings(properties.settings(), home))
			.setConfig(GraphDatabaseSettings.auth_enabled, true)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", properties.boltPort()))
			.setConfig(HttpConnector.enabled, false)
			.setConfig(HttpsConnector.enabled, false)
			// An investigator's store may be confidential: nothing about it leaves the
			// machine unless the operator says so.
			.setConfig(GraphDatabaseSettings.udc_enabled, properties.usageReport())
			.setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
			.setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ofMillis(50));
		if (properties.inProcessBolt()) {
			// Neo4j runs its in-process connector by default, under a random name: named
			// here for the service's own driver (embeddedNeo4jDriver), and kept on should
			// that default change. It takes the port's login.
			builder.setConfig(BoltConnectorInternalSettings.enable_local_connector, true)
				.setConfig(BoltConnectorInternalSettings.local_channel_address, localChannel);
		}
		if (StringUtils.hasText(properties.pageCache())) {
			builder.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(properties.pageCache()));
		}
		Path initialLogin = initialLogin(home, credentials);
		DatabaseManagementService service;
		try {
			service = builder.build();
		}
		catch (RuntimeException ex) {
			throw explain(ex, properties, home);
		}
		finally {
			// Read as the system database starts, in build(): the password's hash need not
			// lie around, whether the start goes on or not.
			if (initialLogin != null) {
				try {
					Files.deleteIfExists(initialLogin);
				}
				catch (IOException ex) {
					log.warn("Could not delete {}: {}", initialLogin, ex.getMessage());
				}
			}
		}
		try {
			setPassword(service, credentials);
		}
		catch (RuntimeException | Error ex) {
			// Errors too (the login check uses Neo4j's internal API): a database left running
			// would keep its Bolt port open and the process alive.
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
		URI uri = boltUri(bolt.getPort());
		// For Neo4j Browser and cypher-shell users: where the login is kept, not the
		// password itself (logs travel further than an owner-only file).
		log.info("Embedded Neo4j listening on {} (user {}; its password kept in {})", uri, credentials.username(),
				credentials.file());
		log.info("cypher-shell -a {} -u {} -p \"$(sed -n 's/^password=//p' '{}')\"", uri, credentials.username(),
				credentials.file());
		return new EmbeddedNeo4j(service, uri, credentials, properties.ephemeral() ? home : null);
	}

	/**
	 * Makes the kept login the one Neo4j gives a user that would otherwise start with the
	 * default neo4j/neo4j: Neo4j's initial-password file, the one {@code neo4j-admin dbms
	 * set-initial-password} writes, read as the system database starts. On a new store it
	 * is the first user's login; on an existing one Neo4j applies it only when the only
	 * user is neo4j and still has the password neo4j (a store from a version without
	 * Bolt authentication, or one whose first start was killed after its system folder
	 * was created and before its user was), and ignores it otherwise. Written on every start, since
	 * which case a store is in shows only once its system database runs: without it the
	 * Bolt port, open before {@link #setPassword} runs, lets any local process log in
	 * with neo4j/neo4j and set a password of its own. Null when the kept user is not
	 * Neo4j's initial one ({@link #setPassword} settles those).
	 * @return the file written, to delete once the database runs
	 */
	private static Path initialLogin(Path home, BoltCredentials credentials) {
		if (!"neo4j".equals(credentials.username())) {
			return null;
		}
		Path file = CommunitySecurityModule
			.getInitialUserRepositoryFile(Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build());
		try {
			// One left by a start that was killed during the build is replaced: the kept
			// login may have changed since.
			Files.deleteIfExists(file);
			Files.createDirectories(file.getParent());
			// Neo4j's repository writes a temporary file beside it and renames it: in a
			// folder only the owner can enter, the hash is never readable to others, not
			// even before the file's own permissions are set.
			ownerOnly(file.getParent(), "rwx------");
			var users = new FileUserRepository(new DefaultFileSystemAbstraction(), file, NullLogProvider.getInstance(),
					EmptyMemoryTracker.INSTANCE);
			users.start();
			users.create(new User(credentials.username(), null, SystemGraphCredential
				.createCredentialForPassword(UTF8.encode(credentials.password()), new SecureHasher()), false, false));
			users.shutdown();
			// Owner only, like the kept credentials file (the process umask may leave it
			// readable to others).
			ownerOnly(file, "rw-------");
			return file;
		}
		catch (Exception ex) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw new EmbeddedNeo4jStartupException(
					"The embedded Neo4j's initial login " + file + " cannot be written: " + ex.getMessage() + ".",
					"Make the data folder writable by the user that runs Pedigree.", ex);
		}
	}

	private static void ownerOnly(Path path, String permissions) throws IOException {
		if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
		}
	}

	/**
	 * Makes the kept password the user's on every start (in-process, no Bolt login
	 * needed): a store from a version without Bolt authentication, or one whose password
	 * was changed through Bolt, follows the file again.
	 */
	private static void setPassword(DatabaseManagementService service, BoltCredentials credentials) {
		// Usually it is already: a login check reads the user without Cypher, where the
		// ALTER USER compiles the first statement of the process (1.8 s of a 4.7 s start,
		// docs/benchmarks.md).
		if (login(service, credentials) == AuthenticationResult.SUCCESS) {
			return;
		}
		var system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		try {
			system.executeTransactionally("ALTER USER " + quoted(credentials.username())
					+ " SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", credentials.password()));
		}
		catch (RuntimeException ex) {
			if (!String.valueOf(ex.getMessage()).contains("cannot be the same")) {
				throw new EmbeddedNeo4jStartupException(
						"The embedded Neo4j did not accept the login in " + credentials.file() + ": "
								+ ex.getMessage() + ".",
						"Delete the file; the next start generates a new password.", ex);
			}
			// The password is already the file's, but the account must change it first.
			system.executeTransactionally(
					"ALTER USER " + quoted(credentials.username()) + " SET PASSWORD CHANGE NOT REQUIRED");
		}
		// A successful login also clears the failed attempt the check above counted; an
		// account locked by failed logins (a client still using a changed password) opens
		// after Neo4j's lock time.
		AuthenticationResult after = login(service, credentials);
		if (after == AuthenticationResult.TOO_MANY_ATTEMPTS) {
			Duration lock = ((GraphDatabaseAPI) system).getDependencyResolver()
				.resolveDependency(Config.class)
				.get(GraphDatabaseSettings.auth_lock_time);
			try {
				Thread.sleep(lock.plusMillis(500));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			after = login(service, credentials);
		}
		if (after != AuthenticationResult.SUCCESS) {
			throw new EmbeddedNeo4jStartupException("The embedded Neo4j does not take the login in "
					+ credentials.file() + " after setting it (" + after + ").",
					"Delete the file; the next start generates a new password.", null);
		}
	}

	/**
	 * What the database says to the login as it stands. A refusal counts as one failed
	 * attempt towards Neo4j's lock-out, which a successful login resets.
	 */
	private static AuthenticationResult login(DatabaseManagementService service, BoltCredentials credentials) {
		var system = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		try {
			var login = system.getDependencyResolver()
				.resolveDependency(AuthManager.class)
				.login(org.neo4j.kernel.api.security.AuthToken.newBasicAuthToken(credentials.username(),
						credentials.password()),
						ClientConnectionInfo.EMBEDDED_CONNECTION);
			return login.subject().getAuthenticationResult();
		}
		catch (InvalidAuthTokenException | RuntimeException ex) {
			return AuthenticationResult.FAILURE;
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
						"Stop the other Pedigree instance or set pedigree.embedded.data-dir to another folder (a "
								+ "command runs through a Pedigree server on the store, waiting for it while it starts).",
						failure);
			}
		}
		return new EmbeddedNeo4jStartupException("The embedded Neo4j in " + home + " failed to start: "
				+ failure.getMessage(), "See the Neo4j log in " + home.resolve("logs") + ".", failure);
	}

	/**
	 * The database's start on a thread of its own (its store, system database, procedures
	 * and Bolt), begun before the rest of the application is built. The folder and the
	 * login are settled before it begins, so that the driver can be configured meanwhile.
	 */
	static final class EmbeddedNeo4jStart implements DisposableBean {

		static final String NAME = "embeddedNeo4jStart";

		private final Path home;

		private final int boltPort;

		private final BoltCredentials credentials;

		/**
		 * The in-process channel's name, unique among the databases of this process
		 * (tests start several).
		 */
		private final String localChannel = "pedigree-bolt-" + UUID.randomUUID();

		private final CompletableFuture<EmbeddedNeo4j> started = new CompletableFuture<>();

		/** This server's {@link RunningServer} record while it is published. */
		private volatile Path published;

		private EmbeddedNeo4jStart(Path home, int boltPort, BoltCredentials credentials) {
			this.home = home;
			this.boltPort = boltPort;
			this.credentials = credentials;
		}

		static EmbeddedNeo4jStart begin(EmbeddedNeo4jProperties properties) {
			Path home = storeFolder(properties);
			BoltCredentials credentials;
			try {
				credentials = BoltCredentials.loadOrCreate(home);
			}
			catch (RuntimeException ex) {
				deleteIfEphemeral(properties, home);
				throw ex;
			}
			var start = new EmbeddedNeo4jStart(home, properties.boltPort(), credentials);
			if (!properties.command() && !properties.ephemeral()) {
				// A command begun while this server starts waits for it instead of
				// failing on the store's lock.
				start.published = RunningServer.announce(home);
			}
			Thread.ofPlatform().name("embedded-neo4j-start").daemon().start(() -> {
				try {
					start.started
						.complete(EmbeddedNeo4jConfiguration.start(properties, home, credentials, start.localChannel));
				}
				catch (Throwable ex) {
					deleteIfEphemeral(properties, home);
					start.started.completeExceptionally(ex);
				}
			});
			return start;
		}

		int boltPort() {
			return this.boltPort;
		}

		BoltCredentials credentials() {
			return this.credentials;
		}

		String localChannel() {
			return this.localChannel;
		}

		/** The started database; a failed start's exception (e.g. a locked store). */
		EmbeddedNeo4j await() {
			try {
				return this.started.join();
			}
			catch (CompletionException ex) {
				if (ex.getCause() instanceof RuntimeException failure) {
					throw failure;
				}
				if (ex.getCause() instanceof Error error) {
					throw error;
				}
				throw ex;
			}
		}

		/**
		 * Tells commands on this store to run through this database from now on. Called
		 * once the server is ready, before its warm-up: its schema migrations have run (a
		 * command would otherwise run them beside it).
		 */
		void publish() {
			if (this.started.isDone() && !this.started.isCompletedExceptionally()) {
				Path file = RunningServer.publish(this.home, this.started.join().boltUri());
				if (file == null && this.published != null) {
					// Not "starting" forever: commands find the store locked, as before.
					RunningServer.withdraw(this.published);
				}
				this.published = file;
			}
		}

		/** Waits for a start still under way, so that nothing of it outlives the context. */
		@Override
		public void destroy() {
			// First: a command that starts now finds the store locked rather than a
			// database about to go.
			if (this.published != null) {
				RunningServer.withdraw(this.published);
			}
			EmbeddedNeo4j database;
			try {
				database = this.started.join();
			}
			catch (CompletionException ex) {
				return;
			}
			database.close();
		}

		private static void deleteIfEphemeral(EmbeddedNeo4jProperties properties, Path home) {
			if (properties.ephemeral()) {
				FileSystemUtils.deleteRecursively(home.toFile());
			}
		}

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
