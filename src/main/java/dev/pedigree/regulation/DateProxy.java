package dev.pedigree.regulation;

import java.time.LocalDate;
import java.util.List;

import dev.pedigree.lineage.DateSources;

/**
 * A recorded release date read as the date a model was placed on the market (AI Act Art.
 * 3(9), "the first making available") or deployed (SB 53 §22757.11(e)), where it comes
 * from, and what that reading may get wrong. The sources give no date of first
 * publication: Epoch AI gives a publication date, the Hugging Face Hub the repository's
 * creation date ({@code createdAt}). A repository can be created private and made public
 * later, a model can be made available earlier through another channel, and repositories
 * created before the Hub's March 2022 migration show the migration date. A date stored
 * before its source was kept (no {@code releaseDateSource}: a backup of an earlier
 * release) is read by the model's sources, Epoch AI's first, as V0013 reads it.
 *
 * @param modelId the model whose date it is
 * @param date the recorded date
 * @param source where it comes from ({@link DateSources})
 */
record DateProxy(String modelId, LocalDate date, String source) {

	/**
	 * The Hub's March 2022 migration: repositories created before then show this date.
	 */
	static final LocalDate HUB_MIGRATION = LocalDate.of(2022, 3, 2);

	static DateProxy of(String modelId, LocalDate date, String source, List<String> sources) {
		if (date == null) {
			return new DateProxy(modelId, null, null);
		}
		if (source == null) {
			source = DateSources.inferred(sources);
		}
		return new DateProxy(modelId, date, source);
	}

	/** The date is the Hub repository's creation date. */
	boolean hub() {
		return DateSources.HUB_CREATED.equals(this.source);
	}

	/** What the date is, by its source. */
	String described() {
		return switch (this.source == null ? DateSources.UNKNOWN : this.source) {
			case DateSources.EPOCH -> "Epoch AI's publication date";
			case DateSources.HUB_CREATED -> "its Hugging Face repository's creation date";
			case DateSources.ECOSYSTEM_GRAPHS -> "Ecosystem Graphs' creation date of the asset";
			case DateSources.MANUAL -> "a curator's date";
			case DateSources.CYCLONEDX -> "the date of an imported SBOM that names no source";
			default -> "a date whose source was not recorded";
		};
	}

	/** The Hub's migration date: the repository was created on or before it. */
	boolean migrated() {
		return hub() && HUB_MIGRATION.equals(this.date);
	}

	/** What the date is and why it may not be the date of first publication. */
	String caveat() {
		return this.modelId + "'s date " + this.date + " is the creation date of its Hugging Face repository (the "
				+ "Hub is its only dated source)"
				+ (migrated() ? "; " + HUB_MIGRATION + " is the date of the Hub's March 2022 migration, and "
						+ "repositories created before then show this date, so the repository was created on or "
						+ "before it" : "")
				+ "; a repository can be created private and made public later, and the Hub does not record when; "
				+ "the model may also have been made available earlier through another channel (an API, another "
				+ "host)";
	}

}
