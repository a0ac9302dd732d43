package dev.pedigree.graphql;

import java.util.List;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import org.junit.jupiter.api.Test;

import dev.pedigree.PedigreeServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's instrumentations as GraphQL Java runs them: every one that implements a
 * field hook is a member of its own (so it sees every field), the ones that only look at
 * the request are one member, and nothing is lost or duplicated.
 */
@PedigreeServerTest
class InstrumentationChainTests {

	@Autowired
	GraphQlSource source;

	@Autowired
	List<Instrumentation> beans;

	@Test
	void only_the_instrumentations_that_watch_fields_are_called_per_field() {
		var chain = (ChainedInstrumentation) this.source.graphQl().getInstrumentation();
		var grouped = chain.getInstrumentations()
			.stream()
			.filter(InstrumentationChain.RequestHooksOnly.class::isInstance)
			.map(InstrumentationChain.RequestHooksOnly.class::cast)
			.toList();
		assertThat(grouped).hasSize(1);
		var requestOnly = grouped.get(0).getInstrumentations();
		assertThat(requestOnly).hasSizeGreaterThanOrEqualTo(5)
			.noneMatch(InstrumentationChain::watchesFields)
			.anyMatch(QueryCost.class::isInstance)
			.anyMatch(ErrorMetrics.class::isInstance);
		var ownMembers = chain.getInstrumentations()
			.stream()
			.filter(i -> !(i instanceof InstrumentationChain.RequestHooksOnly))
			.toList();
		assertThat(ownMembers).allMatch(InstrumentationChain::watchesFields).anyMatch(ClampWarnings.class::isInstance);
		assertThat(ownMembers.size() + requestOnly.size()).isEqualTo(this.beans.size());
	}

	@Test
	void a_field_hook_inherited_from_a_subclass_counts() {
		class Watcher extends SimplePerformantInstrumentation {

			@Override
			@SuppressWarnings("deprecation")
			public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
					InstrumentationState state) {
				return null;
			}

		}
		class SubWatcher extends Watcher {

		}
		var plain = new SimplePerformantInstrumentation();
		assertThat(InstrumentationChain.watchesFields(new SubWatcher())).isTrue();
		assertThat(InstrumentationChain.watchesFields(plain)).isFalse();
		var chain = (ChainedInstrumentation) InstrumentationChain
			.chain(List.of(new SimplePerformantInstrumentation(), new SubWatcher(), plain));
		assertThat(chain.getInstrumentations()).hasSize(2)
			.first()
			.isInstanceOf(InstrumentationChain.RequestHooksOnly.class);
	}

}
