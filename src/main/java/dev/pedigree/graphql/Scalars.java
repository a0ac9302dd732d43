package dev.pedigree.graphql;

import graphql.scalars.ExtendedScalars;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The schema's scalars beyond GraphQL's own: {@code Date}, an ISO-8601 calendar date
 * ({@code YYYY-MM-DD}) read into {@link java.time.LocalDate} and written from a
 * {@code LocalDate} or a stored ISO string. A value that is not a real date (e.g.
 * {@code 2023-02-29}) is refused before anything runs.
 */
@Component
class Scalars implements RuntimeWiringConfigurer {

	@Override
	public void configure(RuntimeWiring.Builder builder) {
		builder.scalar(ExtendedScalars.Date);
	}

}
