package dev.pedigree.regulation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rule sets are read from.
 *
 * @param location a resource pattern of rule set files (YAML, one jurisdiction each); by
 * default the shipped {@code seed-data/regulations/}
 */
@ConfigurationProperties("pedigree.rules")
public record RuleSetProperties(@DefaultValue(RuleSetProperties.SHIPPED) String location) {

	/** The rule sets the jar ships. */
	public static final String SHIPPED = "classpath*:seed-data/regulations/*.yaml";

}
