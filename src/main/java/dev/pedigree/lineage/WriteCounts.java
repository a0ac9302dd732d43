package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.List;

/**
 * What a batch write did: records created, updated (a new value, alias or source), and
 * the total it was given (the rest were unchanged); and the stored facts it left as they
 * were against a different value of a lesser-standing source ({@code kept-facts.cypher}),
 * or replaced with a different value of a source of the same standing, each described.
 */
public record WriteCounts(long created, long updated, long total, List<String> kept) {

	public static final WriteCounts NONE = new WriteCounts(0, 0, 0);

	public WriteCounts {
		kept = List.copyOf(kept);
	}

	public WriteCounts(long created, long updated, long total) {
		this(created, updated, total, List.of());
	}

	public WriteCounts plus(WriteCounts other) {
		List<String> both = this.kept;
		if (!other.kept.isEmpty()) {
			both = new ArrayList<>(this.kept);
			both.addAll(other.kept);
		}
		return new WriteCounts(this.created + other.created, this.updated + other.updated, this.total + other.total,
				both);
	}

	public long unchanged() {
		return this.total - this.created - this.updated;
	}

}
