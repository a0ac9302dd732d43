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

/**
 * Neo4j's daily usage report (store size, node and relationship counts) stays off in the
 * embedded database unless {@code pedigree.embedded.usage-report} turns it on: the
 * database's own settings, read over Bolt, say which.
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

	private String usageReport(ConfigurableApplicationContext context) throws IOException {
		var embedded = context.getBean(EmbeddedNeo4jConfiguration.EmbeddedNeo4j.class);
		var login = new Properties();
		try (var in = Files.newInputStream(this.store.resolve("bolt-credentials.properties"))) {
			login.load(in);
		}
		String password = login.getProperty("password");
		try (var driver = GraphDatabase.driver(embedded.boltUri(), AuthTokens.basic("neo4j", password))) {
			return driver
				.executableQuery("SHOW SETTINGS YIELD name, value WHERE name = $name RETURN value")
				.withParameters(Map.of("name", "dbms.usage_report.enabled"))
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
