package dev.pedigree.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the canned queries of {@code cypher/queries/<module>/<name>.cypher} from the
 * classpath, once each. A query may include a shared expression with {@code {{include
 * <module>/<name>}}}: that file's text without its comment lines, so a rule that several
 * statements apply (a model's search key) is written once.
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

	private static final Pattern INCLUDE = Pattern.compile("\\{\\{include ([a-z-]+/[a-z0-9-]+)}}");

	private static String load(String name) {
		return INCLUDE.matcher(read(name)).replaceAll(include -> Matcher.quoteReplacement(fragment(include.group(1))));
	}

	/**
	 * An included expression: its file without comment lines, with the expressions it
	 * includes in turn.
	 */
	private static String fragment(String name) {
		String text = read(name).lines()
			.filter(line -> !line.strip().startsWith("//"))
			.map(String::strip)
			.filter(line -> !line.isEmpty())
			.collect(Collectors.joining(" "));
		return INCLUDE.matcher(text).replaceAll(include -> Matcher.quoteReplacement(fragment(include.group(1))));
	}

	private static String read(String name) {
		var resource = new ClassPathResource("cypher/queries/" + name + ".cypher");
		try (var in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing Cypher query " + resource.getPath(), ex);
		}
	}

}
