package dev.pedigree.graphql;

import org.junit.jupiter.api.Test;

import dev.pedigree.PedigreeServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.SchemaReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up's schema inspection over the application's real schema and wiring lists
 * nothing: a field added to the schema with neither a fetcher nor a property of the Java
 * type behind it, a fetcher for a field the schema does not have, or a fetcher argument
 * the field does not declare fails the build. Types the inspection could not check
 * (skipped: no Java type known) would hide such gaps, so they fail it too.
 */
@PedigreeServerTest
class SchemaInspectionTests {

	@Autowired
	SchemaInspection inspection;

	@Test
	void every_schema_field_is_served_and_every_fetcher_has_its_field() {
		SchemaReport report = this.inspection.report();
		assertThat(report).as("the start-up's schema inspection").isNotNull();
		assertThat(report.unmappedFields()).as("schema fields with no fetcher and no property").isEmpty();
		assertThat(report.unmappedRegistrations()).as("fetchers for fields the schema does not have").isEmpty();
		assertThat(report.unmappedArguments()).as("fetcher arguments the schema does not declare").isEmpty();
		assertThat(report.skippedTypes()).as("types the inspection could not check").isEmpty();
		assertThat(report.fieldNullnessErrors()).as("nullable answers to non-null fields").isEmpty();
		assertThat(report.argumentNullnessErrors()).as("non-null parameters for nullable arguments").isEmpty();
		assertThat(SchemaInspection.clean(report)).isTrue();
	}

}
