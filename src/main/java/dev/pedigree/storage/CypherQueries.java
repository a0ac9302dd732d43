package dev.pedigree.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the canned queries of {@code cypher/queries/<module>/<name>.cypher} from the
 * classpath, once each.
 */
@Component
public class CypherQueries {

	private final Map<String, String> cache = new ConcurrentHashMap<>();

	/**
	 * @param name {@code <module>/<name>} without the extension
	 */
	public String get(String name) {
		return this.cache.computeIfAbsent(name, CypherQueries::load);
	}

	private static String load(String name) {
		var resource = new ClassPathResource("cypher/queries/" + name + ".cypher");
		try (var in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing Cypher query " + resource.getPath(), ex);
		}
	}

}
