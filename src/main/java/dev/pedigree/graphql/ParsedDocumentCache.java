package dev.pedigree.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Parses and validates each distinct GraphQL document once. Report builders and the
 * explorer send the same few documents with different variables; parsing and validation
 * were an eighth of a lineage request's CPU. The result depends only on the document text
 * and the (fixed) schema, so the text is the key. The depth, complexity and cost limits
 * are checked per document and variable values ({@link DocumentChecks}).
 */
@Configuration(proxyBeanMethods = false)
class ParsedDocumentCache implements PreparsedDocumentProvider {

	private final Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder().maximumSize(2_000).build();

	@Bean
	GraphQlSourceBuilderCustomizer parsedDocumentCacheCustomizer() {
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		return CompletableFuture
			.completedFuture(this.documents.get(input.getQuery(), query -> parseAndValidate.apply(input)));
	}

}
