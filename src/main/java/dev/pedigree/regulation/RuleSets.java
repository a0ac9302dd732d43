package dev.pedigree.regulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The rule sets shipped in {@code seed-data/regulations/}, keyed by jurisdiction code.
 */
@Component
public class RuleSets {

	private final Map<String, RuleSet> byJurisdiction = new LinkedHashMap<>();

	RuleSets() {
		var yaml = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		try {
			Resource[] files = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:seed-data/regulations/*.yaml");
			for (Resource file : files) {
				try (var in = file.getInputStream()) {
					RuleSet ruleSet = yaml.readValue(in, RuleSet.class);
					this.byJurisdiction.put(ruleSet.jurisdiction(), ruleSet);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public RuleSet get(String jurisdiction) {
		return this.byJurisdiction.get(jurisdiction);
	}

	public List<String> jurisdictions() {
		return List.copyOf(this.byJurisdiction.keySet());
	}

}
