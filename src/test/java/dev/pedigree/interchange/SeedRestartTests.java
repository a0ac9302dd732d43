package dev.pedigree.interchange;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import dev.pedigree.PedigreeApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README: "The first start creates ./pedigree-data ... and loads seed-data/ ...; later
 * starts skip the seed." Two starts of the server on one store.
 */
@ExtendWith(OutputCaptureExtension.class)
class SeedRestartTests {

	@TempDir
	Path store;

	@Test
	void a_second_start_on_the_same_store_skips_the_seed(CapturedOutput output) {
		List<Object> firstMarks;
		long models;
		try (var first = start()) {
			assertThat(output.getOut()).contains("Seeded: seed import:");
			firstMarks = seedMarks(first);
			models = modelCount(first);
		}
		assertThat(firstMarks).hasSize(1);
		assertThat(models).isGreaterThan(6_000);
		int before = output.getOut().length();
		try (var second = start()) {
			String log = output.getOut().substring(before);
			assertThat(log).contains("Seed data already loaded").doesNotContain("Seeded:");
			assertThat(seedMarks(second)).as("the seed's mark, not written again").isEqualTo(firstMarks);
			assertThat(modelCount(second)).isEqualTo(models);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(PedigreeApplication.class).run("--pedigree.embedded.data-dir=" + this.store,
				"--pedigree.embedded.bolt-port=0", "--pedigree.embedded.page-cache=64m", "--server.port=0");
	}

	private static List<Object> seedMarks(ConfigurableApplicationContext context) {
		return context.getBean(Driver.class)
			.executableQuery("MATCH (s:__Seed) RETURN s.checksum + ' ' + toString(s.loadedAt) AS mark")
			.execute()
			.records()
			.stream()
			.map(r -> (Object) r.get("mark").asString())
			.toList();
	}

	private static long modelCount(ConfigurableApplicationContext context) {
		return context.getBean(Driver.class)
			.executableQuery("MATCH (m:Model) RETURN count(m) AS models")
			.execute()
			.records()
			.get(0)
			.get("models")
			.asLong();
	}

}
