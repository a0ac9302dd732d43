package dev.pedigree.interchange;

/** Receives progress of long imports (the CLI draws a bar on a terminal). */
public interface Progress {

	Progress NONE = (done) -> {
	};

	void advance(long records);

}
