package dev.pedigree.regulation;

import java.time.LocalDate;
import java.util.List;

/**
 * A recorded release date read as the date a model was placed on the market (AI Act Art.
 * 3(9), "the first making available") or deployed (SB 53 §22757.11(e)), and what that
 * reading may get wrong. The sources give no date of first publication: Epoch AI gives a
 * publication date, the Hugging Face Hub the repository's creation date ({@code
 * createdAt}). A repository can be created private and made public later, a model can be
 * made available earlier through another channel, and repositories created before the
 * Hub's March 2022 migration show the migration date. Which source set the date is not
 * stored with it: a model whose only dated source is the Hub has the Hub's date (the seed
 * imports Epoch AI last, so a model both describe has Epoch AI's).
 *
 * @param modelId the model whose date it is
 * @param date the recorded date
 * @param hub the date is the Hub repository's creation date
 */
record DateProxy(String modelId, LocalDate date, boolean hub) {

	/**
	 * The Hub's March 2022 migration: repositories created before then show this date.
	 */
	static final LocalDate HUB_MIGRATION = LocalDate.of(2022, 3, 2);

	static DateProxy of(String modelId, LocalDate date, List<String> sources) {
		boolean hub = date != null && sources != null && sources.contains("huggingface") && !sources.contains("epoch");
		return new DateProxy(modelId, date, hub);
	}

	/** The Hub's migration date: the repository was created on or before it. */
	boolean migrated() {
		return this.hub && HUB_MIGRATION.equals(this.date);
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
