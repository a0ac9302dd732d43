package dev.pedigree.lineage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import dev.pedigree.common.InvalidInputException;
import dev.pedigree.common.NotFoundException;

/**
 * The graph as of a date: models released after it are invisible, and so are the
 * derivations that reach them. Undated models (most Hub models in the seed) are kept or
 * left out by {@code includeUndated}; answers say how many there were.
 *
 * @param asOf the date, null for the graph as it is now
 * @param includeUndated whether models without a release date count as present
 */
public record PointInTime(LocalDate asOf, boolean includeUndated) {

	public static final PointInTime NOW = new PointInTime(null, true);

	/** From the API's arguments; a malformed date is a BAD_REQUEST on {@code asOf}. */
	public static PointInTime of(Object asOf, Boolean includeUndated) {
		LocalDate date = null;
		if (asOf instanceof LocalDate d) {
			date = d;
		}
		else if (asOf != null && !asOf.toString().isBlank()) {
			try {
				date = LocalDate.parse(asOf.toString().strip());
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInputException("asOf", "asOf must be a date YYYY-MM-DD, was '" + asOf + "'");
			}
		}
		return new PointInTime(date, includeUndated == null || includeUndated);
	}

	/** Whether this is the graph as it is now (every model visible). */
	public boolean now() {
		return this.asOf == null;
	}

	/**
	 * Whether a model released on {@code releaseDate} (ISO text, null = undated) exists
	 * then.
	 */
	public boolean sees(String releaseDate) {
		if (this.asOf == null) {
			return true;
		}
		if (releaseDate == null || releaseDate.isBlank()) {
			return this.includeUndated;
		}
		// Release dates are stored as ISO text (YYYY-MM-DD, sometimes only YYYY-MM or
		// YYYY),
		// which orders like the dates: a partial date counts from its first day.
		return releaseDate.compareTo(this.asOf.toString()) <= 0;
	}

	/**
	 * Refuses a model that did not exist at this point in time: NOT_FOUND on
	 * {@code asOf}, naming its recorded release date (the source's: a Hub repository's
	 * creation, Epoch AI's publication).
	 */
	public void requireExists(ModelView model) {
		if (!sees(model.releaseDate())) {
			throw new NotFoundException("asOf",
					model.releaseDate() == null
							? "model '" + model.id() + "' has no release date and includeUndated is false"
							: "model '" + model.id() + "' has a recorded release date of " + model.releaseDate()
									+ " (the source's: Hub repository creation, Epoch AI publication), after asOf "
									+ this.asOf);
		}
	}

	/**
	 * The Cypher parameters every point-in-time query takes: {@code $asOf},
	 * {@code $includeUndated}.
	 */
	public Map<String, Object> parameters() {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("asOf", this.asOf == null ? null : this.asOf.toString());
		parameters.put("includeUndated", this.includeUndated);
		return parameters;
	}

}
