package dev.pedigree.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema a client introspects describes itself: every type, field, argument, input
 * field and enum value the API defines has a description (GraphQL's own types and scalars
 * excluded).
 */
@PedigreeServerTest
class SchemaDescriptionTests {

	private static final String INTROSPECTION = """
			{ __schema { types {
			    name kind description
			    fields(includeDeprecated: true) { name description args { name description } }
			    inputFields { name description }
			    enumValues(includeDeprecated: true) { name description }
			} } }""";

	private static final List<String> BUILT_IN = List.of("String", "Int", "Float", "Boolean", "ID");

	@LocalServerPort
	int port;

	@Test
	void every_type_field_argument_and_enum_value_has_a_description() {
		String body = GraphQlClient.postAnonymous(this.port, INTROSPECTION);
		List<Map<String, Object>> types = JsonPath.parse(body).read("$.data.__schema.types");
		List<String> missing = new ArrayList<>();
		int described = 0;
		for (Map<String, Object> type : types) {
			String name = (String) type.get("name");
			if (name.startsWith("__") || BUILT_IN.contains(name)) {
				continue;
			}
			described += check(missing, name, type);
			for (Map<String, Object> field : list(type, "fields")) {
				String coordinates = name + "." + field.get("name");
				described += check(missing, coordinates, field);
				for (Map<String, Object> argument : list(field, "args")) {
					described += check(missing, coordinates + "(" + argument.get("name") + ":)", argument);
				}
			}
			for (Map<String, Object> field : list(type, "inputFields")) {
				described += check(missing, name + "." + field.get("name"), field);
			}
			for (Map<String, Object> value : list(type, "enumValues")) {
				described += check(missing, name + "." + value.get("name"), value);
			}
		}
		assertThat(missing).as("schema elements without a description").isEmpty();
		// The walk itself reached the schema: hundreds of elements, not an empty answer.
		assertThat(described).isGreaterThan(400);
	}

	private static int check(List<String> missing, String coordinates, Map<String, Object> element) {
		Object description = element.get("description");
		if (!(description instanceof String text) || text.isBlank()) {
			missing.add(coordinates);
			return 0;
		}
		return 1;
	}

	@SuppressWarnings("unchecked")
	/**
	 * A download count has one type wherever it appears (a client generating types gets
	 * one): Float, since sums over a family or the whole graph pass Int's 2^31 and Float
	 * holds whole numbers exactly up to 2^53; and a model's count reads the same on the
	 * model and in a liability trace's accountability gap.
	 */
	@Test
	void every_downloads_field_is_a_float_and_reads_alike_on_a_model_and_in_a_gap() {
		String body = GraphQlClient.postAnonymous(this.port, """
				{ __schema { types { name fields { name type { name ofType { name } } } } } }""");
		List<Map<String, Object>> types = JsonPath.parse(body).read("$.data.__schema.types");
		Map<String, String> downloads = new java.util.TreeMap<>();
		for (Map<String, Object> type : types) {
			for (Map<String, Object> field : list(type, "fields")) {
				if (field.get("name").equals("downloads")) {
					Map<String, Object> fieldType = map(field, "type");
					String named = fieldType.get("name") != null ? (String) fieldType.get("name")
							: (String) map(fieldType, "ofType").get("name");
					downloads.put(type.get("name") + ".downloads", named);
				}
			}
		}
		assertThat(downloads).containsKeys("Model.downloads", "AccountabilityGap.downloads", "ExposureEntry.downloads")
			.allSatisfy((field, type) -> assertThat(type).as(field).isEqualTo("Float"));

		String trace = GraphQlClient.postAnonymous(this.port, """
				{ liabilityTrace(modelId: "huihui-ai/DeepSeek-V3-abliterated") {
				    model { downloads } accountabilityGaps { downloads } } }""");
		Object onModel = JsonPath.parse(trace).read("$.data.liabilityTrace.model.downloads");
		List<Object> inGaps = JsonPath.parse(trace).read("$.data.liabilityTrace.accountabilityGaps[*].downloads");
		assertThat(onModel).isInstanceOf(Double.class);
		assertThat(inGaps).singleElement().isInstanceOf(Double.class).isEqualTo(onModel);
		assertThat(trace).contains("\"downloads\":" + onModel + "}");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> element, String key) {
		return (Map<String, Object>) element.get(key);
	}

	private static List<Map<String, Object>> list(Map<String, Object> element, String key) {
		Object value = element.get(key);
		return value == null ? List.of() : (List<Map<String, Object>>) value;
	}

}
