package dev.pedigree.lineage;

/**
 * What a batch write did: records created, updated (a new value, alias or source), and
 * the total it was given (the rest were unchanged).
 */
public record WriteCounts(long created, long updated, long total) {

	public static final WriteCounts NONE = new WriteCounts(0, 0, 0);

	public WriteCounts plus(WriteCounts other) {
		return new WriteCounts(this.created + other.created, this.updated + other.updated, this.total + other.total);
	}

	public long unchanged() {
		return this.total - this.created - this.updated;
	}

}
