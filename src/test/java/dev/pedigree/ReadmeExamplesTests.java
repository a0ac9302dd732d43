package dev.pedigree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every ```graphql block of the README runs against the seeded server without errors and
 * returns data.
 */
@PedigreeServerTest
class ReadmeExamplesTests {

	@LocalServerPort
	int port;

	@Test
	void every_readme_graphql_example_runs() throws IOException {
		List<String> examples = graphqlBlocks(Files.readString(Path.of("README.md")));
		assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
		for (String example : examples) {
			var response = GraphQlClient.anonymous(this.port).document(example).execute();
			response.errors().verify();
			response.path("").hasValue();
			assertThat(response.path("").entity(java.util.Map.class).get().values())
				.as("README example returns data:\n" + example)
				.allSatisfy(v -> assertThat(v).isNotNull());
		}
	}

	static List<String> graphqlBlocks(String markdown) {
		var matcher = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
		List<String> blocks = new ArrayList<>();
		while (matcher.find()) {
			blocks.add(matcher.group(1));
		}
		return blocks;
	}

}
