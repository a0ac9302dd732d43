package dev.pedigree.lineage;

/**
 * Where a recorded release date comes from ({@code Model.releaseDateSource}). The sources
 * date different events: Epoch AI a publication, Ecosystem Graphs an asset's creation as
 * announced, a curator whatever they cite, the Hugging Face Hub the creation of a
 * repository, which can precede the model's publication (a repository created private) or
 * follow it (weights published elsewhere first). So a date of a better-standing source is
 * not replaced by one of a lesser ({@code upsert-models.cypher}: a curator's by no
 * import, a publication date by no repository's creation date); among equals the latest
 * wins.
 */
public final class DateSources {

	/** The Hub repository's creation date ({@code created_at} / {@code createdAt}). */
	public static final String HUB_CREATED = "hf:created";

	/** Epoch AI's publication date. */
	public static final String EPOCH = "epoch";

	/** Ecosystem Graphs' {@code created_date}. */
	public static final String ECOSYSTEM_GRAPHS = "ecosystem-graphs";

	/** A curator's (registerModel). */
	public static final String MANUAL = "manual";

	/** A CycloneDX file that does not say. */
	public static final String CYCLONEDX = "cyclonedx";

	/** Stored before the source of dates was kept, and not inferable. */
	public static final String UNKNOWN = "unknown";

	private DateSources() {
	}

	/**
	 * The source of a date stored before sources were kept (a store V0013 did not reach:
	 * a restored backup of an earlier release), read by the model's sources as the rules
	 * read it then: Epoch AI's first (the seed imports it last), then the Hub's; the same
	 * reading as {@code lineage/date-source.cypher} and V0013.
	 */
	public static String inferred(java.util.List<String> sources) {
		java.util.List<String> known = sources == null ? java.util.List.of() : sources;
		for (String[] reading : new String[][] { { "epoch", EPOCH }, { "huggingface", HUB_CREATED },
				{ "ecosystem-graphs", ECOSYSTEM_GRAPHS }, { "manual", MANUAL }, { "cyclonedx", CYCLONEDX } }) {
			if (known.contains(reading[0])) {
				return reading[1];
			}
		}
		return UNKNOWN;
	}

}
