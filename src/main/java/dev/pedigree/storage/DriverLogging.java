package dev.pedigree.storage;

import org.neo4j.driver.Logging;

import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Routes the driver's log through SLF4J. Its default {@code System.Logger} bridge formats
 * every debug message before the level check, which on a bulk import meant rendering each
 * 10,000-row parameter list as a string: about a fifth of the import's CPU, for nothing.
 */
@Configuration(proxyBeanMethods = false)
class DriverLogging {

	@Bean
	ConfigBuilderCustomizer slf4jDriverLogging() {
		return builder -> builder.withLogging(Logging.slf4j());
	}

}
