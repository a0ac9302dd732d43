package dev.pedigree.interchange;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one outside format into facts, and nothing else: no writes, no report of its own
 * ({@link ImportPipeline} writes the batch and reports). A new format is one of these (a
 * Spring bean in its own package under {@code interchange}) and its tests.
 */
public interface FormatParser {

	ImportFormat format();

	/** Reads the files of one import (one, except for folder formats). */
	FactBatch parse(List<Input> inputs, ParseContext context);

	/**
	 * Reads the files of one import and hands its facts on in chunks of at most
	 * {@code chunkSize} records, in input order, each written before the next is read
	 * (see {@link Chunks}). The formats of large files override it so that memory holds
	 * one chunk, not the file; the others hand on one chunk, the whole input.
	 */
	default void parse(List<Input> inputs, ParseContext context, int chunkSize, Consumer<FactBatch> chunks) {
		chunks.accept(parse(inputs, context));
	}

	/** The files a path stands for: itself, unless the format reads folders. */
	default List<Path> files(Path path) {
		return List.of(path);
	}

	/**
	 * One file of an import, by the name the report uses for it.
	 *
	 * @param again opens the file once more from its start, for a format that reads it
	 * twice (null: it can be read once)
	 */
	record Input(String name, Reader reader, Opener again) {

		public Input(String name, Reader reader) {
			this(name, reader, null);
		}

		/** The file once more from its start; the caller closes it. */
		public Reader reread() {
			if (this.again == null) {
				throw new IllegalStateException(this.name + " can be read only once");
			}
			try {
				return this.again.open();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/** Opens a file of an import. */
	@FunctionalInterface
	interface Opener {

		Reader open() throws IOException;

	}

}
