package dev.pedigree.graphql;

import dev.pedigree.common.Limits;

import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLType;

/**
 * Rejects, before anything runs, a document whose estimated database work is above
 * {@code pedigree.limits.max-query-cost}, with the classified error OVERLOADED. A field
 * costs 1 plus its selection, times the number of objects it can return: its
 * {@code first} (defaulted and clamped as the field would) or, for a list without
 * {@code first}, {@link #UNPAGED_LIST_ESTIMATE}. Nested pages therefore multiply:
 * {@code children(first: 500)} three levels deep costs more than 125 million, where a
 * field count would have seen a dozen fields.
 */
class QueryCost extends MaxQueryComplexityInstrumentation {

	/** What a list without {@code first} (parents, ancestors, foundations…) counts as. */
	static final int UNPAGED_LIST_ESTIMATE = 10;

	/**
	 * What a report that walks a whole family or the whole graph adds to its own cost:
	 * one such root holds a database connection for up to seconds, so a document of
	 * hundreds of aliased ones waited out the connection pool and failed most of them
	 * after 21 s (session 35's review); at the default limit a document may ask for 25.
	 */
	static final int FAMILY_WALK_COST = 2_000;

	/** The root fields that walk a family or the graph. */
	static final Set<String> FAMILY_WALKS = Set.of("ecosystem", "familyReport", "topOrganizations", "topFoundations",
			"downstreamGrowth", "policyScenario", "evaluateScenario");

	private final int maxCost;

	QueryCost(Limits limits, int maxCost) {
		super(maxCost, new Calculator(limits, maxCost));
		this.maxCost = maxCost;
	}

	@Override
	protected AbortExecutionException mkAbortException(int totalCost, int maxCost) {
		String cost = totalCost > maxCost * 1000L ? "more than " + (maxCost * 1000L) : Integer.toString(totalCost);
		return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
			.errorType(GraphQlErrors.PedigreeErrorType.OVERLOADED)
			.message("The document's estimated cost (" + cost + ") is above this server's limit of " + maxCost
					+ ": nested pages multiply (for example, children(first: 300) inside children(first: 300) costs"
					+ " 90,000 or more), and each root that walks a whole family or the graph (ecosystem, familyReport,"
					+ " topOrganizations, topFoundations, downstreamGrowth, policyScenario, evaluateScenario) adds "
					+ FAMILY_WALK_COST + ";"
					+ " ask for smaller pages or fewer levels, and page deeper levels in follow-up requests")
			.extensions(Map.of("cost", totalCost, "maxCost", maxCost))
			.build()));
	}

	private record Calculator(Limits limits, int maxCost) implements FieldComplexityCalculator {

		@Override
		public int calculate(FieldComplexityEnvironment environment, int childCost) {
			long multiplier = 1;
			if (environment.getField().getName().startsWith("__")
					|| environment.getParentType().getName().startsWith("__")) {
				// Introspection reads the schema in memory, not the database; counted as
				// fields only (GraphiQL's schema query would otherwise cost ~45,000).
				multiplier = 1;
			}
			else if (environment.getFieldDefinition().getArgument("first") != null) {
				Object first = environment.getArguments().get("first");
				multiplier = first instanceof Integer n ? Math.max(0, Math.min(n, this.limits.maxPageSize()))
						: this.limits.defaultPageSize();
			}
			else if (isList(environment.getFieldDefinition().getType())
					&& !environment.getParentType().getName().endsWith("Connection")) {
				// A connection's edges are its page, already counted by its first.
				multiplier = UNPAGED_LIST_ESTIMATE;
			}
			// Saturate well above any limit: the sum over siblings stays an int.
			long cost = 1 + multiplier * childCost + ("Query".equals(environment.getParentType().getName())
					&& FAMILY_WALKS.contains(environment.getField().getName()) ? FAMILY_WALK_COST : 0);
			return (int) Math.min(cost, 1_000L * this.maxCost + 1);
		}

		private static boolean isList(GraphQLType type) {
			GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
			return unwrapped instanceof GraphQLList;
		}

	}

}
