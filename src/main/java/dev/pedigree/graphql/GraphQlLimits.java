package dev.pedigree.graphql;

import java.util.List;

import dev.pedigree.common.Limits;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits on the GraphQL document itself, before any data is fetched: its depth, its
 * number of fields and its estimated cost ({@link QueryCost}), checked once per document
 * and the variable values they depend on ({@link DocumentChecks}).
 */
@Configuration(proxyBeanMethods = false)
class GraphQlLimits {

	@Bean
	DocumentChecks documentChecks(Limits limits, RequestLimits requestLimits) {
		return new DocumentChecks(List.of(new MaxQueryDepthInstrumentation(requestLimits.maxQueryDepth()),
				new MaxQueryComplexityInstrumentation(requestLimits.maxQueryComplexity()),
				new QueryCost(limits, requestLimits.maxQueryCost())));
	}

}
