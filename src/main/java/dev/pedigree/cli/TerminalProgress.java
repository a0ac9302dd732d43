package dev.pedigree.cli;

import java.io.PrintStream;

import dev.pedigree.interchange.Progress;

/**
 * A progress bar on stderr, drawn only when a terminal is attached (so logs and pipes
 * stay clean).
 */
final class TerminalProgress implements Progress {

	private final PrintStream out;

	private final String label;

	private final long total;

	private long done;

	private long lastDrawn = -1;

	private TerminalProgress(PrintStream out, String label, long total) {
		this.out = out;
		this.label = label;
		this.total = total;
	}

	static Progress forTerminal(String label, long total) {
		return System.console() == null || total <= 0 ? Progress.NONE : new TerminalProgress(System.err, label, total);
	}

	@Override
	public synchronized void advance(long records) {
		this.done += records;
		long percent = Math.min(100, this.done * 100 / this.total);
		if (percent != this.lastDrawn) {
			this.lastDrawn = percent;
			int filled = (int) (percent * 30 / 100);
			this.out.printf("\r%s [%s%s] %3d%% %,d", this.label, "#".repeat(filled), " ".repeat(30 - filled), percent,
					this.done);
			if (percent == 100) {
				this.out.println();
			}
		}
	}

}
