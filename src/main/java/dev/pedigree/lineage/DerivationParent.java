package dev.pedigree.lineage;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.stereotype.Component;

/**
 * {@code Derivation.parent}: the model the planned statement read with the derivation
 * ({@link Derivation#prefetchedParent}, for a model's {@code parents} answered with the
 * model in one statement), else the model loaded with the level's other ends in one
 * query.
 * <p>
 * Light (GraphQL Java builds no environment for it, Spring for GraphQL neither wraps nor
 * times it), so that a planned {@code parents} list below a model is completed in one
 * pass like an {@code ancestors} list, without a call through Spring's handler, its
 * context propagation and a timer for every parent (docs/benchmarks.md, issue 12, session
 * 28). A derivation without a prefetched parent asks for the environment, which takes its
 * field place out of the one pass: field by field, as before, for that request and the
 * document's next ones.
 */
@Component
class DerivationParent implements RuntimeWiringConfigurer {

	@Override
	public void configure(RuntimeWiring.Builder builder) {
		builder.type("Derivation", type -> type.dataFetcher("parent", new Fetcher()));
	}

	private static final class Fetcher implements LightDataFetcher<Object>, SelfDescribingDataFetcher<Object> {

		private static final ResolvableType RETURN_TYPE = ResolvableType.forClassWithGenerics(CompletableFuture.class,
				ModelView.class);

		@Override
		public Object get(GraphQLFieldDefinition definition, Object source,
				Supplier<DataFetchingEnvironment> environment) {
			if (source instanceof Derivation derivation && derivation.prefetchedParent() != null) {
				return derivation.prefetchedParent();
			}
			return get(environment.get());
		}

		@Override
		public Object get(DataFetchingEnvironment environment) {
			Derivation derivation = environment.getSource();
			if (derivation.prefetchedParent() != null) {
				return derivation.prefetchedParent();
			}
			return environment.<String, ModelView>getDataLoader(ModelLoader.NAME).load(derivation.parentId());
		}

		@Override
		public String getDescription() {
			return "Derivation.parent";
		}

		@Override
		public ResolvableType getReturnType() {
			return RETURN_TYPE;
		}

		@Override
		public boolean usesDataLoader() {
			return true;
		}

	}

}
