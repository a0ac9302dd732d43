package dev.pedigree.interchange.cyclonedx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;

/**
 * The CycloneDX 1.6 JSON schema the CycloneDX library ships ({@code bom-1.6.schema.json}
 * and the SPDX and JSF schemas it refers to, mapped to the jar as the library maps them),
 * loaded once. The schema is draft-07 plus two keywords draft-07 does not define:
 * {@code meta:enum} (a description of each enum value) and {@code deprecated} (an
 * annotation from draft 2019-09); both annotate and constrain nothing, and are declared
 * here as such. The library's own validator ({@code JsonParser.validate}) loads the
 * schema under plain draft-07 on every call, and the JSON-schema validator then warns
 * once per process for each keyword it does not know: two WARN lines on the first import
 * of a valid BOM. A keyword other than these two still warns.
 */
final class BomSchema {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Schema SCHEMA = load();

	private BomSchema() {
	}

	/**
	 * What makes {@code json} not a CycloneDX 1.6 document, each as its location (a JSON
	 * Pointer) and the validator's reason, e.g. {@code /components/0/version: integer
	 * found, string expected}; empty when it is one.
	 * @throws IOException when {@code json} is not JSON
	 */
	static List<String> problems(byte[] json) throws IOException {
		return SCHEMA.validate(JSON.readTree(json))
			.stream()
			.map(error -> error.getInstanceLocation() + ": " + error.getMessage())
			.toList();
	}

	private static Schema load() {
		Dialect dialect = Dialect.builder(Dialects.getDraft7())
			.keyword(new AnnotationKeyword("meta:enum"))
			.keyword(new AnnotationKeyword("deprecated"))
			.build();
		Map<String, String> bundled = Map.of("http://cyclonedx.org/schema/spdx.schema.json",
				"classpath:spdx.schema.json", "http://cyclonedx.org/schema/jsf-0.82.schema.json",
				"classpath:jsf-0.82.schema.json", "http://cyclonedx.org/schema/bom-1.6.schema.json",
				"classpath:bom-1.6.schema.json");
		SchemaRegistry registry = SchemaRegistry.withDialect(dialect,
				builder -> builder.schemaIdResolvers(resolvers -> resolvers.mappings(bundled))
					.schemaRegistryConfig(SchemaRegistryConfig.builder().preloadSchema(false).build()));
		try (var in = BomSchema.class.getClassLoader().getResourceAsStream("bom-1.6.schema.json")) {
			if (in == null) {
				throw new IllegalStateException("bom-1.6.schema.json is not on the class path (cyclonedx-core-java)");
			}
			return registry.getSchema(SchemaLocation.of("http://cyclonedx.org/schema/bom-1.6.schema.json"),
					JSON.readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
