package dev.pedigree.graphql;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.RuntimeWiring;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The schema's scalars beyond GraphQL's own: {@code Date}, an ISO-8601 calendar date
 * ({@code YYYY-MM-DD}, a four-digit year) read into {@link LocalDate} and written from a
 * {@code LocalDate} or a stored ISO string. A value that is not a real date (e.g.
 * {@code 2023-02-29}) or has a year past 9999 is refused before anything runs: the
 * extended scalars' {@code Date} resolved such a day to the month's last one (session
 * 35's review) and took years of five digits, so a write stored a date nobody gave.
 */
@Component
class Scalars implements RuntimeWiringConfigurer {

	/** Strict: no day past the month's last, four digits of year, no sign. */
	static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
		.appendValue(ChronoField.YEAR, 4, 4, SignStyle.NOT_NEGATIVE)
		.appendLiteral('-')
		.appendValue(ChronoField.MONTH_OF_YEAR, 2)
		.appendLiteral('-')
		.appendValue(ChronoField.DAY_OF_MONTH, 2)
		.toFormatter(Locale.ROOT)
		.withResolverStyle(ResolverStyle.STRICT);

	static final GraphQLScalarType DATE_SCALAR = GraphQLScalarType.newScalar()
		.name("Date")
		.description("An ISO-8601 calendar date, YYYY-MM-DD")
		.coercing(new DateCoercing())
		.build();

	@Override
	public void configure(RuntimeWiring.Builder builder) {
		builder.scalar(DATE_SCALAR);
	}

	/** The date {@code text} names, or null when it names none. */
	static LocalDate date(String text) {
		try {
			return LocalDate.from(DATE.parse(text));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String refusal(Object value) {
		String shown = String.valueOf(value);
		if (shown.length() > 40) {
			shown = shown.substring(0, 40) + "…";
		}
		return "'" + shown
				+ "' is not a calendar date: expected YYYY-MM-DD with a four-digit year and a day the month has"
				+ " (e.g. 2024-02-29)";
	}

	private static final class DateCoercing implements Coercing<LocalDate, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof LocalDate date) {
				return DATE.format(date);
			}
			if (value instanceof TemporalAccessor temporal) {
				return DATE.format(LocalDate.from(temporal));
			}
			if (value instanceof String text && date(text) != null) {
				return text;
			}
			throw new CoercingSerializeException("A stored date is not a calendar date: " + refusal(value));
		}

		@Override
		public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
			LocalDate date = input instanceof String text ? date(text) : null;
			if (date == null) {
				throw new CoercingParseValueException(
						input instanceof String ? refusal(input) : "a Date is a string, YYYY-MM-DD (e.g. 2024-02-29)");
			}
			return date;
		}

		@Override
		public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
				Locale locale) {
			LocalDate date = input instanceof StringValue text ? date(text.getValue()) : null;
			if (date == null) {
				throw new CoercingParseLiteralException(input instanceof StringValue text ? refusal(text.getValue())
						: "a Date is a string, YYYY-MM-DD (e.g. 2024-02-29)");
			}
			return date;
		}

		@Override
		public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
			return StringValue.newStringValue(serialize(input, context, locale)).build();
		}

	}

}
