package dev.pedigree.graphql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.schema.CoercingParseValueException;
import graphql.validation.ValidationError;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Refused input in a client's words:
 * <ul>
 * <li>a variable whose value the schema refuses (a {@code Date} that is not a calendar
 * date, a name outside an enum) is a bad request like any other refused value:
 * BAD_REQUEST with the variable in {@code extensions.field}, instead of graphql-java's
 * unclassified coercion error (errors in the document itself stay
 * {@code ValidationError});</li>
 * <li>graphql-java writes a value of the document in its syntax tree's notation
 * ({@code EnumValue{name='FOO'}}, {@code ObjectValue{objectFields=[…]}}, "an AST type of
 * 'IntValue'"): such messages say the value as it was written, and the type by its
 * GraphQL name, instead (session 35's review); a refused argument of the document is
 * named in {@code extensions.field}.</li>
 * </ul>
 */
@Component
class PlainInputErrors extends SimplePerformantInstrumentation {

	private static final Pattern VARIABLE = Pattern.compile("^Variable '([^']+)'");

	/** graphql-java's words for a refused argument of the document. */
	private static final Pattern ARGUMENT = Pattern.compile("argument '([^']+)' with value");

	private static final Pattern SCALAR_NODE = Pattern
		.compile("(Enum|String|Int|Float|Boolean)Value\\{(?:name|value)=('?)(.*?)\\2\\}");

	private static final Pattern AST_TYPE = Pattern.compile("'(Enum|String|Int|Float|Boolean|Object|Array|Null)Value'");

	private static final List<String> NESTED = List.of("ObjectValue{", "ArrayValue{", "ObjectField{");

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (result.getErrors()
			.stream()
			.noneMatch(e -> e instanceof CoercingParseValueException || e instanceof ValidationError)) {
			return CompletableFuture.completedFuture(result);
		}
		List<GraphQLError> errors = new ArrayList<>(result.getErrors().size());
		for (GraphQLError error : result.getErrors()) {
			if (error instanceof CoercingParseValueException invalid) {
				errors.add(badRequest(invalid));
			}
			else if (error instanceof ValidationError invalid
					&& (!plain(invalid.getMessage()).equals(invalid.getMessage())
							|| ARGUMENT.matcher(String.valueOf(invalid.getMessage())).find())) {
				errors.add(GraphqlErrorBuilder.newError()
					.errorType(invalid.getErrorType())
					.message(plain(invalid.getMessage()))
					.locations(invalid.getLocations())
					.path(invalid.getPath())
					.extensions(withArgument(invalid))
					.build());
			}
			else {
				errors.add(error);
			}
		}
		return CompletableFuture.completedFuture(result.transform(b -> b.errors(errors)));
	}

	/**
	 * A refused argument of the document named in {@code extensions.field}, as a refused
	 * variable is (a new user found the document's impossible date without it).
	 */
	private static Map<String, Object> withArgument(ValidationError invalid) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (invalid.getExtensions() != null) {
			extensions.putAll(invalid.getExtensions());
		}
		Matcher argument = ARGUMENT.matcher(String.valueOf(invalid.getMessage()));
		if (argument.find()) {
			extensions.put("field", argument.group(1));
		}
		return extensions;
	}

	private static GraphQLError badRequest(CoercingParseValueException invalid) {
		Matcher variable = VARIABLE.matcher(String.valueOf(invalid.getMessage()));
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (invalid.getExtensions() != null) {
			extensions.putAll(invalid.getExtensions());
		}
		extensions.put("field", variable.find() ? variable.group(1) : "variables");
		return GraphqlErrorBuilder.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message(plain(invalid.getMessage()))
			.locations(invalid.getLocations())
			.extensions(extensions)
			.build();
	}

	/** A message with the syntax tree's notation of values and types written plainly. */
	static String plain(String message) {
		if (message == null) {
			return null;
		}
		String plain = message;
		for (String open : NESTED) {
			plain = collapse(plain, open);
		}
		Matcher scalar = SCALAR_NODE.matcher(plain);
		StringBuilder out = new StringBuilder();
		while (scalar.find()) {
			String value = scalar.group(3);
			scalar.appendReplacement(out,
					Matcher.quoteReplacement(scalar.group(1).equals("String") ? "\"" + value + "\"" : value));
		}
		scalar.appendTail(out);
		Matcher type = AST_TYPE.matcher(out.toString());
		StringBuilder typed = new StringBuilder();
		while (type.find()) {
			type.appendReplacement(typed, Matcher.quoteReplacement(switch (type.group(1)) {
				case "Object" -> "an input object";
				case "Array" -> "a list";
				case "Null" -> "null";
				default -> type.group(1) == null ? "" : "'" + type.group(1) + "'";
			}));
		}
		type.appendTail(typed);
		return typed.toString().replace("an AST type of", "a value of type");
	}

	/**
	 * {@code ObjectValue{…}} with its nested braces, as "an input object" (or "a list").
	 */
	private static String collapse(String message, String open) {
		String word = open.startsWith("Array") ? "a list"
				: open.startsWith("ObjectField") ? "a field" : "an input object";
		StringBuilder out = new StringBuilder();
		int from = 0;
		int at;
		while ((at = message.indexOf(open, from)) >= 0) {
			out.append(message, from, at);
			int depth = 0;
			int end = at + open.length() - 1;
			for (; end < message.length(); end++) {
				char c = message.charAt(end);
				if (c == '{' || c == '[') {
					depth++;
				}
				else if ((c == '}' || c == ']') && --depth == 0) {
					break;
				}
			}
			out.append(word);
			from = Math.min(message.length(), end + 1);
		}
		return out.append(message.substring(from)).toString();
	}

}
