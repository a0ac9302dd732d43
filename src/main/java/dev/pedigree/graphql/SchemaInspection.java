package dev.pedigree.graphql;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.stereotype.Component;

/**
 * Spring for GraphQL's schema inspection at start-up (Spring Boot's
 * {@code spring.graphql.schema.inspection.enabled}): whether every schema field has a
 * fetcher or a property of the Java type behind it, every fetcher a schema field, every
 * fetcher argument a schema argument. The report is logged at INFO when it lists nothing,
 * at WARN when it does (a field nobody serves answers null, or fails a non-null field,
 * only when a client selects it), and kept for {@code SchemaInspectionTests}, which fails
 * the build on such a gap.
 */
@Component
class SchemaInspection implements GraphQlSourceBuilderCustomizer {

	private static final Logger log = LoggerFactory.getLogger(SchemaInspection.class);

	private final boolean enabled;

	private volatile SchemaReport report;

	SchemaInspection(GraphQlProperties properties) {
		this.enabled = properties.getSchema().getInspection().isEnabled();
	}

	@Override
	public void customize(GraphQlSource.SchemaResourceBuilder builder) {
		if (this.enabled) {
			// In place of Spring Boot's consumer, which logs every report at INFO.
			builder.inspectSchemaMappings(this::inspected);
		}
	}

	private void inspected(SchemaReport report) {
		this.report = report;
		if (clean(report)) {
			log.info("{}", report);
		}
		else {
			log.warn("{}", report);
		}
	}

	/**
	 * Whether the report lists nothing: no gap, no nullness error, no type left
	 * unchecked.
	 */
	static boolean clean(SchemaReport report) {
		return report.unmappedFields().isEmpty() && report.unmappedRegistrations().isEmpty()
				&& report.unmappedArguments().isEmpty() && report.fieldNullnessErrors().isEmpty()
				&& report.argumentNullnessErrors().isEmpty() && report.skippedTypes().isEmpty();
	}

	/** The start-up's report; null when the inspection is switched off. */
	SchemaReport report() {
		return this.report;
	}

}
