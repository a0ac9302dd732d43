package dev.pedigree.graphql;

import java.util.List;

import dev.pedigree.PedigreeServerTest;
import graphql.execution.instrumentation.Instrumentation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's instrumentations as GraphQL Java runs them: each hook reaches exactly the
 * members that implement it, each with its own state, and nothing is lost or duplicated.
 */
@PedigreeServerTest
class InstrumentationChainTests {

	@Autowired
	GraphQlSource source;

	@Autowired
	List<Instrumentation> beans;

	@Test
	void only_the_instrumentations_that_watch_fields_are_called_per_field() {
		var routed = (InstrumentationChain.Routed) this.source.graphQl().getInstrumentation();
		assertThat(routed.members()).hasSameSizeAs(this.beans).containsAll(this.beans);
		assertThat(routed.calledBy("beginFieldFetch")).containsExactly(clampWarnings());
		for (String hook : InstrumentationChain.FIELD_HOOKS) {
			assertThat(routed.calledBy(hook)).as(hook)
				.noneMatch(DocumentChecks.class::isInstance)
				.noneMatch(ErrorMetrics.class::isInstance)
				.allMatch(InstrumentationChain::watchesFields);
		}
		assertThat(routed.calledBy("instrumentExecutionResult")).contains(clampWarnings());
	}

	private ClampWarnings clampWarnings() {
		return this.beans.stream()
			.filter(ClampWarnings.class::isInstance)
			.map(ClampWarnings.class::cast)
			.findFirst()
			.orElseThrow();
	}

}
