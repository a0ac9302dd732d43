package dev.pedigree.storage;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Begins the embedded start before the context's refresh ({@link EarlyDatabaseStart}) and
 * hands it to the context, which shuts it down when it closes, whether or not a bean used
 * it. A command on a store that a running server holds starts no database: it runs
 * through the server's (waiting for it first if it is still starting).
 */
class EmbeddedNeo4jEarlyStart implements EarlyDatabaseStart.Begin {

	@Override
	public void begin(ConfigurableApplicationContext context) {
		var properties = Binder.get(context.getEnvironment())
			.bindOrCreate("pedigree.embedded", EmbeddedNeo4jProperties.class);
		// An ephemeral store is a new folder: nobody holds it.
		if (properties.command() && !properties.ephemeral()
				&& throughRunningServer(context.getEnvironment(), properties)) {
			return;
		}
		var start = EmbeddedNeo4jConfiguration.EmbeddedNeo4jStart.begin(properties);
		var beans = context.getBeanFactory();
		beans.registerSingleton(EmbeddedNeo4jConfiguration.EmbeddedNeo4jStart.NAME, start);
		((org.springframework.beans.factory.support.DefaultSingletonBeanRegistry) beans)
			.registerDisposableBean(EmbeddedNeo4jConfiguration.EmbeddedNeo4jStart.NAME, start);
	}

	/**
	 * Points the command's driver at the server's Bolt port with the store's kept login,
	 * as if {@code spring.neo4j.uri} had been given (so the embedded configuration steps
	 * aside), when a live server has published its address for this store.
	 */
	private static boolean throughRunningServer(ConfigurableEnvironment environment,
			EmbeddedNeo4jProperties properties) {
		Path home = properties.dataDir().toAbsolutePath().normalize();
		Optional<RunningServer> server;
		try {
			server = RunningServer.awaitReady(home, properties.serverWait(),
					pid -> System.err.println("pedigree: " + home + " is held by a server (process " + pid
							+ ") that is still starting; this command waits up to " + properties.serverWait().toSeconds()
							+ " s for it and then runs through its database"));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the server that starts on " + home, ex);
		}
		if (server.isEmpty()) {
			return false;
		}
		var login = BoltCredentials.loadExisting(home, "the server (process " + server.get().pid() + ")");
		environment.getPropertySources()
			.addFirst(new MapPropertySource("pedigree-running-server",
					Map.of("spring.neo4j.uri", server.get().uri().toString(), "spring.neo4j.authentication.username",
							login.username(), "spring.neo4j.authentication.password", login.password(),
							// The schema is the server's: a newer command only checks it.
							"pedigree.schema.apply-migrations", "false")));
		// On stderr, beside the command's own output: where its reads and writes go.
		System.err.println("pedigree: " + home + " is held by the running server (process " + server.get().pid()
				+ "); this command runs through its database at " + server.get().uri());
		return true;
	}

}
