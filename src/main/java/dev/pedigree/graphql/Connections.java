package dev.pedigree.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.WiringFactory;

import dev.pedigree.common.Cursors;
import dev.pedigree.common.Page;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The one connection adapter: every schema type named {@code …Connection} is answered
 * from a domain {@link Page}. {@code edges} carry opaque cursors ({@link Cursors}) of the
 * items' positions, {@code pageInfo} follows from the page's offset and whether more
 * follow, and {@code totalCount} and {@code truncated} ask the page only when a client
 * selects them (the domain computes them once, lazily). Controllers return pages and
 * carry no connection code.
 */
@Component
public class Connections implements RuntimeWiringConfigurer {

	private static final Set<String> FIELDS = Set.of("edges", "pageInfo", "totalCount", "truncated");

	@Override
	public void configure(RuntimeWiring.Builder builder) {
	}

	@Override
	public void configure(RuntimeWiring.Builder builder, List<WiringFactory> container) {
		container.add(new WiringFactory() {

			@Override
			public boolean providesDataFetcher(FieldWiringEnvironment environment) {
				return environment.getParentType().getName().endsWith("Connection")
						&& FIELDS.contains(environment.getFieldDefinition().getName());
			}

			@Override
			public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
				return fetcher(environment.getFieldDefinition().getName());
			}

		});
	}

	private static DataFetcher<?> fetcher(String field) {
		// Edges and page info are read from the page in memory: trivial, so neither
		// timed as a data fetcher nor wrapped for context propagation (Spring for
		// GraphQL skips trivial fetchers), which cost two observations per connection.
		// The total and truncated may query the database (a walked page counts its
		// family on demand).
		return switch (field) {
			case "edges" -> (TrivialDataFetcher<Object>) environment -> edges(page(environment));
			case "pageInfo" -> (TrivialDataFetcher<Object>) environment -> pageInfo(page(environment));
			case "totalCount" -> environment -> page(environment).total().get();
			case "truncated" -> environment -> page(environment).truncated().get();
			default -> throw new IllegalArgumentException("Not a connection field: " + field);
		};
	}

	private static Page<?> page(DataFetchingEnvironment environment) {
		if (environment.getSource() instanceof Page<?> page) {
			return page;
		}
		throw new IllegalStateException("A connection field needs a Page, got "
				+ (environment.getSource() == null ? "null" : environment.getSource().getClass().getName()) + " at "
				+ environment.getExecutionStepInfo().getPath());
	}

	static <T> List<Edge<T>> edges(Page<T> page) {
		List<Edge<T>> edges = new ArrayList<>(page.items().size());
		for (int i = 0; i < page.items().size(); i++) {
			edges.add(new Edge<>(page.items().get(i), page.cursor(i)));
		}
		return edges;
	}

	static PageInfo pageInfo(Page<?> page) {
		int size = page.items().size();
		return new PageInfo(page.hasNext(), page.hasPrevious(), size == 0 ? null : page.cursor(0),
				size == 0 ? null : page.cursor(size - 1));
	}

	/** A connection's edge: an item and the cursor of its position. */
	public record Edge<T>(T node, String cursor) {
	}

	/** Relay's page info. */
	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

}
