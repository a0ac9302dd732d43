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

	/** Query text → name, for metrics (rendered texts included, bounded). */
	private final Map<String, String> names = new ConcurrentHashMap<>();

	/**
	 * @param name {@code <module>/<name>} without the extension
	 */
	public String get(String name) {
		return this.cache.computeIfAbsent(name, CypherQueries::load);
	}

	/**
	 * The name a query text was loaded under (for metrics), also for a text rendered from
	 * a template with {@code {{…}}} placeholders; {@code inline} for any other.
	 */
	public String nameOf(String cypher) {
		String known = this.names.get(cypher);
		if (known != null) {
			return known;
		}
		String name = lookUp(cypher);
		if (this.names.size() < 1_000) {
			this.names.put(cypher, name);
		}
		return name;
	}

	private String lookUp(String cypher) {
		for (var entry : this.cache.entrySet()) {
			String template = entry.getValue();
			int placeholder = template.indexOf("{{");
			if (template.equals(cypher) || (placeholder > 0 && cypher.startsWith(template.substring(0, placeholder)))) {
				return entry.getKey();
			}
		}
		return "inline";
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
