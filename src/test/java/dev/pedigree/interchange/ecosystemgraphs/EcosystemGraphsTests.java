package dev.pedigree.interchange.ecosystemgraphs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Ecosystem Graphs parser's mapping table (the import itself is tested end to end in
 * {@code InterchangeCliTests}).
 */
class EcosystemGraphsTests {

	@Test
	void ecosystem_graphs_dependencies_map_as_the_design_says() {
		assertThat(EcosystemGraphs.relationship("model", "model")).isEqualTo("DERIVED_FROM");
		assertThat(EcosystemGraphs.relationship("model", "dataset")).isEqualTo("TRAINED_ON");
		assertThat(EcosystemGraphs.relationship("dataset", "model")).isEqualTo("GENERATED_BY");
		assertThat(EcosystemGraphs.relationship("dataset", "dataset")).isEqualTo("DERIVED_FROM");
		assertThat(EcosystemGraphs.relationship("application", "model")).isEqualTo("USES");
		assertThat(EcosystemGraphs.relationship("application", "dataset")).isEqualTo("USES");
		assertThat(EcosystemGraphs.relationship("application", "application")).isEqualTo("USES");
		assertThat(EcosystemGraphs.relationship("model", "application")).isEqualTo("DERIVED_FROM");
	}

}
