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
 * The rule sets, keyed by jurisdiction code: those shipped in
 * {@code seed-data/regulations/}, or those at {@code pedigree.rules.location}. Verdicts
 * print the thresholds they read here, so a changed file changes the reasons too.
 */
@Component
public class RuleSets {

	private final Map<String, RuleSet> byJurisdiction = new LinkedHashMap<>();

	RuleSets(RuleSetProperties properties) {
		var yaml = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources(properties.location());
			if (files.length == 0) {
				throw new IllegalStateException("No rule set files at " + properties.location());
			}
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
