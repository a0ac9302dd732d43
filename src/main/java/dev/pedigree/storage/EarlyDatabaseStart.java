package dev.pedigree.storage;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Begins the embedded database's start on a thread of its own just before the context is
 * refreshed, when this build has the embedded database and no {@code spring.neo4j.uri} is
 * set: Spring's configuration, the beans, the GraphQL schema and the web server are built
 * meanwhile, and the first use of the driver waits for it (the database's own start was
 * 40 % of a start's samples, docs/benchmarks.md). A listener, not a bean: beans exist
 * only after the configuration has been processed.
 */
class EarlyDatabaseStart implements ApplicationListener<ApplicationPreparedEvent> {

	/** In src/embedded: absent from a server-only build. */
	private static final String EMBEDDED = "dev.pedigree.storage.EmbeddedNeo4jEarlyStart";

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		if (StringUtils.hasText(context.getEnvironment().getProperty("spring.neo4j.uri"))
				|| !ClassUtils.isPresent(EMBEDDED, context.getClassLoader())) {
			return;
		}
		BeanUtils.instantiateClass(ClassUtils.resolveClassName(EMBEDDED, context.getClassLoader()), Begin.class)
			.begin(context);
	}

	/** Implemented by the embedded build's start. */
	interface Begin {

		void begin(ConfigurableApplicationContext context);

	}

}
