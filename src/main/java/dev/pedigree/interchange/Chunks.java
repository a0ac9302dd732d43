package dev.pedigree.interchange;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A streaming parser's facts in chunks: a fresh {@link FactBatch} every {@code size}
 * records (written, rejected or skipped alike), the full one handed on at once, the last
 * when the input ends. Memory holds one chunk; {@link ImportPipeline} writes each before
 * the parser reads on.
 */
public final class Chunks {

	private final int size;

	private final Consumer<FactBatch> sink;

	private final Supplier<FactBatch> fresh;

	private FactBatch current;

	private int records;

	private boolean handedOn;

	public Chunks(int size, Consumer<FactBatch> sink, Supplier<FactBatch> fresh) {
		if (size < 1) {
			throw new IllegalArgumentException("chunks of at least one record, not " + size);
		}
		this.size = size;
		this.sink = sink;
		this.fresh = fresh;
		this.current = fresh.get();
	}

	/** The chunk being filled. */
	public FactBatch batch() {
		return this.current;
	}

	/** One more record is in the chunk: a full chunk is handed on. */
	public void read() {
		if (++this.records == this.size) {
			handOn();
			this.current = this.fresh.get();
		}
	}

	/** The input ended: the last chunk is handed on (an empty one only if it is all). */
	public void end() {
		if (this.records > 0 || !this.handedOn) {
			handOn();
		}
	}

	private void handOn() {
		this.sink.accept(this.current);
		this.records = 0;
		this.handedOn = true;
	}

}
