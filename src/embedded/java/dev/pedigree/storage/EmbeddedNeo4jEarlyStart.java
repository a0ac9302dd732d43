package dev.pedigree.storage;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Begins the embedded start before the context's refresh ({@link EarlyDatabaseStart}) and
 * hands it to the context, which shuts it down when it closes, whether or not a bean used
 * it.
 */
class EmbeddedNeo4jEarlyStart implements EarlyDatabaseStart.Begin {

	@Override
	public void begin(ConfigurableApplicationContext context) {
		var properties = Binder.get(context.getEnvironment())
			.bindOrCreate("pedigree.embedded", EmbeddedNeo4jProperties.class);
		var start = EmbeddedNeo4jConfiguration.EmbeddedNeo4jStart.begin(properties);
		var beans = context.getBeanFactory();
		beans.registerSingleton(EmbeddedNeo4jConfiguration.EmbeddedNeo4jStart.NAME, start);
		((org.springframework.beans.factory.support.DefaultSingletonBeanRegistry) beans)
			.registerDisposableBean(EmbeddedNeo4jConfiguration.EmbeddedNeo4jStart.NAME, start);
	}

}
