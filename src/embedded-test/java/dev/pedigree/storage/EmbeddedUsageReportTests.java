package dev.pedigree.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.QueryConfig;

import dev.pedigree.PedigreeApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Neo4j's daily usage report (store size, node and relationship counts) stays off in the
 * embedded database unless {@code pedigree.embedded.usage-report} turns it on: the
 * database's own settings, read over Bolt, say which. So do they for the other Neo4j
 * settings an operator passes through {@code pedigree.embedded.settings}.
 */
class EmbeddedUsageReportTests {

	@TempDir
	Path store;

	@Test
	void the_usage_report_is_off_by_default_and_on_only_when_the_operator_asks() throws IOException {
		try (var context = start()) {
			assertThat(usageReport(context)).isEqualTo("false");
		}
		try (var context = start("--pedigree.embedded.usage-report=true")) {
			assertThat(usageReport(context)).isEqualTo("true");
		}
	}

	@Test
	void an_operators_neo4j_setting_reaches_the_embedded_database_and_the_services_own_settings_win()
			throws IOException {
		try (var context = start("--pedigree.embedded.settings[db.transaction.timeout]=17s",
				"--pedigree.embedded.settings[dbms.usage_report.enabled]=true",
				// A name of Neo4j 4, which Neo4j takes under its current name.
				"--pedigree.embedded.settings[dbms.lock.acquisition.timeout]=23s")) {
			assertThat(setting(context, "db.transaction.timeout")).isEqualTo("17s");
			assertThat(setting(context, "db.lock.acquisition.timeout")).isEqualTo("23s");
			assertThat(usageReport(context)).isEqualTo("false");
		}
	}

	@Test
	void a_setting_the_service_owns_stops_the_start_with_its_name() {
		assertThatThrownBy(() -> start("--pedigree.embedded.settings[server.bolt.tls_level]=REQUIRED"))
			.hasStackTraceContaining("The Neo4j setting server.bolt.tls_level in pedigree.embedded.settings is the "
					+ "service's own");
		assertThatThrownBy(() -> start("--pedigree.embedded.settings[server.directories.data]=elsewhere"))
			.hasStackTraceContaining("The Neo4j setting server.directories.data in pedigree.embedded.settings");
	}

	@Test
	void an_unknown_neo4j_setting_stops_the_start_with_its_name() {
		assertThatThrownBy(() -> start("--pedigree.embedded.settings[db.no_such_setting]=1"))
			.hasStackTraceContaining("A Neo4j setting in pedigree.embedded.settings was refused")
			.hasStackTraceContaining("db.no_such_setting");
	}

	private String usageReport(ConfigurableApplicationContext context) throws IOException {
		return setting(context, "dbms.usage_report.enabled");
	}

	private String setting(ConfigurableApplicationContext context, String name) throws IOException {
		var embedded = context.getBean(EmbeddedNeo4jConfiguration.EmbeddedNeo4j.class);
		var login = new Properties();
		try (var in = Files.newInputStream(this.store.resolve("bolt-credentials.properties"))) {
			login.load(in);
		}
		String password = login.getProperty("password");
		try (var driver = GraphDatabase.driver(embedded.boltUri(), AuthTokens.basic("neo4j", password))) {
			return driver
				.executableQuery("SHOW SETTINGS YIELD name, value WHERE name = $name RETURN value")
				.withParameters(Map.of("name", name))
				.withConfig(QueryConfig.builder().withDatabase("system").build())
				.execute()
				.records()
				.get(0)
				.get("value")
				.asString();
		}
	}

	private ConfigurableApplicationContext start(String... more) {
		String[] args = { "--pedigree.embedded.data-dir=" + this.store, "--pedigree.embedded.bolt-port=0",
				"--pedigree.embedded.page-cache=64m", "--pedigree.seed.enabled=false", "--server.port=0",
				"--pedigree.warmup.requests=0" };
		String[] all = Arrays.copyOf(args, args.length + more.length);
		System.arraycopy(more, 0, all, args.length, more.length);
		return new SpringApplicationBuilder(PedigreeApplication.class).run(all);
	}

}
