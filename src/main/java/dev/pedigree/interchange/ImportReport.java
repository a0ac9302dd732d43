package dev.pedigree.interchange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import did, record by record: the same report for the CLI, GraphQL and the seed
 * loader. Rejected records were malformed and nothing of them was written; placeholders,
 * conflicts and cycle-closing edges were deliberately skipped or stubbed and are listed,
 * not errors.
 */
public final class ImportReport {

	private final String format;

	private long created;

	private long updated;

	private long unchanged;

	private final List<Rejection> rejected = new ArrayList<>();

	private final List<String> placeholders = new ArrayList<>();

	private final List<String> conflicts = new ArrayList<>();

	private final List<String> resolved = new ArrayList<>();

	private final List<String> cycles = new ArrayList<>();

	private final List<String> inputCycles = new ArrayList<>();

	private Duration elapsed = Duration.ZERO;

	public ImportReport(String format) {
		this.format = format;
	}

	public record Rejection(String file, long record, String reason) {

		@Override
		public String toString() {
			return this.file + ":" + this.record + ": " + this.reason;
		}

	}

	void counted(dev.pedigree.lineage.WriteCounts counts) {
		counted(counts.created(), counts.updated(), counts.total());
		counts.kept().forEach(this::conflict);
	}

	void counted(long created, long updated, long total) {
		this.created += created;
		this.updated += updated;
		this.unchanged += total - created - updated;
	}

	void reject(String file, long record, String reason) {
		this.rejected.add(new Rejection(file, record, reason));
	}

	void placeholder(String id) {
		this.placeholders.add(id);
	}

	void conflict(String description) {
		this.conflicts.add(description);
	}

	/**
	 * A placeholder entity resolution found the model of: placeholder → model (method).
	 */
	void resolved(String description) {
		this.resolved.add(description);
	}

	void cycle(String path) {
		this.cycles.add(path);
	}

	/**
	 * A cycle the source data itself contains (whether or not an edge of it was skipped
	 * here).
	 */
	void inputCycle(String path) {
		this.inputCycles.add(path);
	}

	public void elapsed(Duration elapsed) {
		this.elapsed = elapsed;
	}

	public void merge(ImportReport other) {
		this.created += other.created;
		this.updated += other.updated;
		this.unchanged += other.unchanged;
		this.rejected.addAll(other.rejected);
		this.placeholders.addAll(other.placeholders);
		this.conflicts.addAll(other.conflicts);
		this.resolved.addAll(other.resolved);
		this.cycles.addAll(other.cycles);
		this.inputCycles.addAll(other.inputCycles);
	}

	public String format() {
		return this.format;
	}

	public long created() {
		return this.created;
	}

	public long updated() {
		return this.updated;
	}

	public long unchanged() {
		return this.unchanged;
	}

	public List<Rejection> rejected() {
		return this.rejected;
	}

	public List<String> placeholders() {
		return this.placeholders;
	}

	public List<String> conflicts() {
		return this.conflicts;
	}

	public List<String> resolved() {
		return this.resolved;
	}

	public List<String> cycles() {
		return this.cycles;
	}

	public List<String> inputCycles() {
		return this.inputCycles;
	}

	public Duration elapsed() {
		return this.elapsed;
	}

	public long elapsedMillis() {
		return this.elapsed.toMillis();
	}

	/**
	 * 0 = every record written or deliberately skipped, 2 = some records were rejected as
	 * malformed.
	 */
	public int exitCode() {
		return this.rejected.isEmpty() ? 0 : 2;
	}

	public String summary() {
		var text = new StringBuilder();
		text.append(String.format(
				"%s import: %d created, %d updated, %d unchanged, %d rejected, %d placeholders, "
						+ "%d conflicts, %d cycle-closing edges skipped%s, %.1f s%n",
				this.format, this.created, this.updated, this.unchanged, this.rejected.size(), this.placeholders.size(),
				this.conflicts.size(), this.cycles.size(),
				this.inputCycles.isEmpty() ? "" : " (" + this.inputCycles.size() + " cycles in the input)",
				this.elapsed.toMillis() / 1000.0));
		this.rejected.stream().limit(50).forEach(r -> text.append("  rejected ").append(r).append('\n'));
		if (this.rejected.size() > 50) {
			text.append("  … and ").append(this.rejected.size() - 50).append(" more rejected\n");
		}
		this.inputCycles.forEach(c -> text.append("  cycle in the input: ").append(c).append('\n'));
		this.cycles.forEach(c -> text.append("  cycle skipped: ").append(c).append('\n'));
		this.conflicts.stream().limit(50).forEach(c -> text.append("  conflict: ").append(c).append('\n'));
		this.resolved.stream().limit(50).forEach(r -> text.append("  resolved: ").append(r).append('\n'));
		this.placeholders.stream().limit(50).forEach(p -> text.append("  placeholder: ").append(p).append('\n'));
		if (this.placeholders.size() > 50) {
			text.append("  … and ").append(this.placeholders.size() - 50).append(" more placeholders\n");
		}
		return text.toString();
	}

}
