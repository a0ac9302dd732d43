package dev.pedigree.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the in-process Neo4j that runs when no {@code spring.neo4j.uri} is
 * configured.
 *
 * @param dataDir where the store lives; it survives restarts
 * @param boltPort loopback Bolt port; 0 picks any free port
 * @param ephemeral when true the store goes into a fresh temporary folder that is deleted
 * at shutdown (tests)
 * @param pageCache page cache size in Neo4j's notation (e.g. {@code 512m}); empty lets
 * Neo4j choose
 * @param usageReport whether Neo4j sends its daily usage report (store size, node and
 * relationship counts, machine facts) to Neo4j; off unless the operator turns it on
 * @param command set by the command-line tool, not by users: the process is a command, so
 * on a store that a running server holds it runs through that server's database instead
 * of failing on the store's lock, and it publishes no address of its own (a command's
 * database lives only as long as the command)
 * @param serverWait how long a command on a store whose server is still starting waits
 * for it before it tries the store itself (and finds it locked)
 * @param inProcessBolt whether the service's own driver reaches the database it started
 * through an in-process channel (Bolt over Netty's local transport) instead of the
 * loopback port: the same protocol, sessions and pool, without the operating system's TCP
 * stack between two threads of one process; other processes (commands, Neo4j Browser,
 * cypher-shell) use the port as before
 * @param settings any other Neo4j setting by its name in {@code neo4j.conf} (for example
 * {@code pedigree.embedded.settings[db.transaction.timeout]=30s}); Neo4j rejects an
 * unknown name or a bad value, the service rejects a setting it owns (the store's
 * folders, the connectors, the login, the database it opens), and the service does not
 * start. The settings above win where both name one.
 */
@ConfigurationProperties("pedigree.embedded")
public record EmbeddedNeo4jProperties(@DefaultValue("./pedigree-data") Path dataDir, @DefaultValue("7687") int boltPort,
		@DefaultValue("false") boolean ephemeral, @DefaultValue("") String pageCache,
		@DefaultValue("false") boolean usageReport, @DefaultValue("false") boolean command,
		@DefaultValue("5m") Duration serverWait, @DefaultValue("true") boolean inProcessBolt,
		Map<String, String> settings) {

	public EmbeddedNeo4jProperties {
		settings = (settings == null) ? Map.of() : Map.copyOf(settings);
	}

}
