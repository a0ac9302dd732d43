package dev.pedigree.interchange;

import java.io.Reader;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one outside format into facts, and nothing else: no writes, no report of its own
 * ({@link ImportPipeline} writes the batch and reports). A new format is one of these (a
 * Spring bean in its own package under {@code interchange}) and its tests.
 */
public interface FormatParser {

	ImportFormat format();

	/** Reads the files of one import (one, except for folder formats). */
	FactBatch parse(List<Input> inputs, ParseContext context);

	/** The files a path stands for: itself, unless the format reads folders. */
	default List<Path> files(Path path) {
		return List.of(path);
	}

	/** One file of an import, by the name the report uses for it. */
	record Input(String name, Reader reader) {
	}

}
