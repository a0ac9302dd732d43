package dev.pedigree.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.validation.ValidationError;

/**
 * The document limits (depth, field count, estimated cost) checked once per document and
 * the variable values they can depend on, not on every request: each walks the whole
 * document, and together they were about 6 % of the server's CPU on the statement path
 * (docs/benchmarks.md, issue 12, session 19). A document (the parsed one, shared by every
 * request with the same text through {@link ParsedDocumentCache}) that passed is
 * remembered with the values of its variables that can reach what the checks read:
 * {@code first} arguments (Int) and {@code @include}/{@code @skip} conditions (Boolean);
 * GraphQL's validation lets no variable of another type stand there, so requests that
 * differ only in ids, search terms or filters share the verdict. A variable left out and
 * one sent as null differ (a left-out {@code first} takes the field's default). A refused
 * document is checked again on every request, so its error is built as the checks build
 * it. Verdicts are kept with their document, weakly: a document the parsed-document cache
 * lets go (or never kept) takes them with it.
 */
final class DocumentChecks extends SimplePerformantInstrumentation {

	private final List<Instrumentation> checks;

	/**
	 * By document, compared by identity (graphql-java's nodes do not compare by content):
	 * the operations and variable values that passed.
	 */
	private final Cache<Document, Cache<Key, Boolean>> passed = Caffeine.newBuilder()
		.weakKeys()
		.maximumSize(2_000)
		.build();

	DocumentChecks(List<Instrumentation> checks) {
		this.checks = List.copyOf(checks);
	}

	/** The operation and the values of the variables that can matter. */
	private record Key(String operation, Map<String, Object> variables) {
	}

	/** Each check's own state, by position. */
	private record States(List<InstrumentationState> each) implements InstrumentationState {
	}

	@Override
	public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
		List<CompletableFuture<InstrumentationState>> states = new ArrayList<>(this.checks.size());
		for (Instrumentation check : this.checks) {
			CompletableFuture<InstrumentationState> state = check.createStateAsync(parameters);
			states.add(state == null ? CompletableFuture.completedFuture(null) : state);
		}
		return CompletableFuture.allOf(states.toArray(CompletableFuture[]::new))
			.thenApply(done -> new States(states.stream().map(CompletableFuture::join).toList()));
	}

	@Override
	public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
			InstrumentationState state) {
		// The checks keep what validation saw for their own reports; nothing is computed.
		for (int i = 0; i < this.checks.size(); i++) {
			this.checks.get(i).beginValidation(parameters, stateOf(state, i));
		}
		return SimpleInstrumentationContext.noOp();
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		Cache<Key, Boolean> passed = this.passed.get(parameters.getExecutionContext().getDocument(),
				document -> Caffeine.newBuilder().maximumSize(1_000).build());
		Key key = key(parameters.getExecutionContext());
		if (passed.getIfPresent(key) != null) {
			return SimpleInstrumentationContext.noOp();
		}
		// A check refuses by throwing (AbortExecutionException): nothing is remembered.
		for (int i = 0; i < this.checks.size(); i++) {
			this.checks.get(i).beginExecuteOperation(parameters, stateOf(state, i));
		}
		passed.put(key, Boolean.TRUE);
		return SimpleInstrumentationContext.noOp();
	}

	private static InstrumentationState stateOf(InstrumentationState state, int check) {
		return state instanceof States states ? states.each().get(check) : null;
	}

	private static Key key(ExecutionContext context) {
		Map<String, Object> coerced = context.getCoercedVariables().toMap();
		Map<String, Object> variables = new HashMap<>();
		for (VariableDefinition definition : context.getOperationDefinition().getVariableDefinitions()) {
			String name = definition.getName();
			if (canReachAChecksInput(definition.getType()) && coerced.containsKey(name)) {
				variables.put(name, coerced.get(name));
			}
		}
		return new Key(context.getOperationDefinition().getName(), variables);
	}

	/**
	 * Whether a variable of {@code type} may stand where the checks read a value: an Int
	 * ({@code first}) or a Boolean ({@code if}), nullable or not.
	 */
	private static boolean canReachAChecksInput(Type<?> type) {
		Type<?> named = type instanceof NonNullType nonNull ? nonNull.getType() : type;
		return named instanceof TypeName name && (name.getName().equals("Int") || name.getName().equals("Boolean"));
	}

}
