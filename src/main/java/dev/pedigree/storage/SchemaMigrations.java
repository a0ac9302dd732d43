package dev.pedigree.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * Applies {@code cypher/schema/V<version>__<description>.cypher} in version order, each
 * once, recording what ran as {@code :__SchemaMigration} nodes so a restart (or a second
 * instance against a shared server) skips them. An instance told not to apply them
 * ({@code pedigree.schema.apply-migrations=false}: a command running through a running
 * server's database, which must not change that server's schema under it) only checks
 * that every one is applied and refuses to start otherwise.
 */
@Component
public class SchemaMigrations implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

	private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.cypher");

	/** A statement that commits in batches of its own. */
	private static final Pattern IN_TRANSACTIONS = Pattern.compile("\\bIN\\s+TRANSACTIONS\\b",
			Pattern.CASE_INSENSITIVE);

	private final Driver driver;

	private final String location;

	private final boolean apply;

	@Autowired
	SchemaMigrations(Driver driver, @Value("${pedigree.schema.apply-migrations:true}") boolean apply) {
		this(driver, "classpath*:cypher/schema/V*__*.cypher", apply);
	}

	/**
	 * Migrations from {@code location}, a resource pattern of
	 * {@code V<version>__<description>.cypher} files, applied or (not {@code apply}) only
	 * checked.
	 */
	SchemaMigrations(Driver driver, String location, boolean apply) {
		this.driver = driver;
		this.location = location;
		this.apply = apply;
	}

	@Override
	public void afterSingletonsInstantiated() {
		migrate();
	}

	public void migrate() {
		Resource[] scripts;
		try {
			scripts = new PathMatchingResourcePatternResolver().getResources(this.location);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Arrays.sort(scripts, Comparator.comparingInt(SchemaMigrations::version));
		// Two scripts of one version: the second would be recorded as applied and never
		// run.
		for (int i = 1; i < scripts.length; i++) {
			if (version(scripts[i]) == version(scripts[i - 1])) {
				throw new IllegalStateException("Two schema migrations share version " + version(scripts[i]) + ": "
						+ scripts[i - 1].getFilename() + " and " + scripts[i].getFilename());
			}
		}
		Map<Integer, String> applied = appliedChecksums();
		if (!this.apply) {
			var missing = new ArrayList<String>();
			for (Resource script : scripts) {
				if (!applied.containsKey(version(script))) {
					missing.add(script.getFilename());
				}
			}
			if (!missing.isEmpty()) {
				throw new SchemaBehindException(missing);
			}
			return;
		}
		for (Resource script : scripts) {
			String checksum = applied.get(version(script));
			// Read again just before applying: another instance on the same server may
			// have applied it since the read above.
			apply(script, checksum != null ? checksum : appliedChecksum(version(script)));
		}
	}

	/**
	 * The checksum recorded for each applied version, in one read (a command's start pays
	 * for it before its first row).
	 */
	private Map<Integer, String> appliedChecksums() {
		try (var session = this.driver.session()) {
			return session.executeRead(tx -> {
				var checksums = new HashMap<Integer, String>();
				tx.run("MATCH (m:__SchemaMigration) WHERE m.version IS :: INTEGER NOT NULL "
						+ "RETURN m.version AS version, m.checksum AS checksum")
					.forEachRemaining(
							r -> checksums.putIfAbsent(r.get("version").asInt(), r.get("checksum").asString()));
				return checksums;
			});
		}
	}

	/** The checksum recorded when {@code version} was applied; null if it was not. */
	private String appliedChecksum(int version) {
		try (var session = this.driver.session()) {
			return session
				.executeRead(tx -> tx
					.run("MATCH (m:__SchemaMigration {version: $version}) RETURN m.checksum AS checksum LIMIT 1",
							Map.of("version", version))
					.list(r -> r.get("checksum").asString()))
				.stream()
				.findFirst()
				.orElse(null);
		}
	}

	/** Applies {@code script} unless {@code appliedChecksum} says it already ran. */
	private void apply(Resource script, String appliedChecksum) {
		int version = version(script);
		String text;
		try (var in = script.getInputStream()) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String checksum = DigestUtils.md5DigestAsHex(text.getBytes(StandardCharsets.UTF_8));
		if (appliedChecksum != null) {
			if (!checksum.equals(appliedChecksum)) {
				log.warn("Schema migration {} changed after it was applied; it is not re-run", script.getFilename());
			}
			return;
		}
		try (var session = this.driver.session()) {
			List<String> statements = CypherScript.statements(text);
			if (statements.stream().anyMatch(statement -> IN_TRANSACTIONS.matcher(statement).find())) {
				// A data migration in batches (CALL … IN TRANSACTIONS, e.g. a new
				// property of every model) commits its own transactions: each statement
				// runs alone, in an implicit transaction, in order.
				for (String statement : statements) {
					session.run(statement).consume();
				}
			}
			else {
				// Schema commands cannot share a transaction with data writes, but they
				// can share one with each other: one transaction for the script's
				// statements (each its own took ~0.6 s on a fresh store).
				session.executeWriteWithoutResult(tx -> {
					for (String statement : statements) {
						tx.run(statement).consume();
					}
				});
			}
			session.executeWriteWithoutResult(tx -> tx.run("""
					CREATE (:__SchemaMigration {version: $version, script: $script, checksum: $checksum,
					        appliedAt: datetime()})""",
					Map.of("version", version, "script", script.getFilename(), "checksum", checksum)));
			log.info("Applied schema migration {}", script.getFilename());
		}
	}

	private static int version(Resource script) {
		Matcher matcher = NAME.matcher(script.getFilename());
		if (!matcher.matches()) {
			throw new IllegalStateException("Schema migration with a bad name: " + script.getFilename());
		}
		return Integer.parseInt(matcher.group(1));
	}

}
