package dev.pedigree.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dev.pedigree.common.InvalidInputException;
import dev.pedigree.common.NotFoundException;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The scenarios shipped in {@code seed-data/scenarios/}, and ad-hoc ones parsed and
 * validated.
 */
@Component
public class Scenarios {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private final Map<String, Scenario> shipped = new LinkedHashMap<>();

	Scenarios() {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:seed-data/scenarios/*.yaml");
			java.util.Arrays.sort(files, java.util.Comparator.comparing(Resource::getFilename));
			for (Resource file : files) {
				Scenario scenario = parse(file.getContentAsString(java.nio.charset.StandardCharsets.UTF_8),
						file.getFilename());
				this.shipped.put(scenario.id(), scenario);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public List<Scenario> all() {
		return List.copyOf(this.shipped.values());
	}

	public Scenario get(String id) {
		Scenario scenario = this.shipped.get(id);
		if (scenario == null) {
			throw new NotFoundException("id",
					"No policy scenario with id '" + id + "'; shipped: " + this.shipped.keySet());
		}
		return scenario;
	}

	/** A YAML (or JSON, which is YAML) definition; errors name the offending path. */
	@SuppressWarnings("unchecked")
	public static Scenario parse(String definition, String origin) {
		if (definition == null || definition.isBlank()) {
			throw new InvalidInputException("definition", "the scenario definition is empty");
		}
		Object doc;
		try {
			doc = YAML.readValue(definition, Object.class);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException("definition",
					"the scenario is not valid YAML or JSON: " + ex.getOriginalMessage());
		}
		if (!(doc instanceof Map<?, ?> map)) {
			throw new InvalidInputException("definition", "a scenario is a mapping with id, name and tiers");
		}
		return Scenario.from((Map<String, Object>) map, origin == null ? "scenario" : origin);
	}

	static String json(Object value) {
		return JsonMapper.builder().build().writeValueAsString(value);
	}

}
