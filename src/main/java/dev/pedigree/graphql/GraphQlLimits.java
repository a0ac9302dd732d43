package dev.pedigree.graphql;

import dev.pedigree.common.Limits;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Limits on the GraphQL document itself, before any data is fetched. */
@Configuration(proxyBeanMethods = false)
class GraphQlLimits {

	@Bean
	MaxQueryDepthInstrumentation maxQueryDepth(RequestLimits limits) {
		return new MaxQueryDepthInstrumentation(limits.maxQueryDepth());
	}

	@Bean
	MaxQueryComplexityInstrumentation maxQueryComplexity(RequestLimits limits) {
		return new MaxQueryComplexityInstrumentation(limits.maxQueryComplexity());
	}

	@Bean
	QueryCost maxQueryCost(Limits limits, RequestLimits requestLimits) {
		return new QueryCost(limits, requestLimits.maxQueryCost());
	}

}
