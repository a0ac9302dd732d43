package dev.pedigree.interchange;

import java.io.Reader;

/** The signature every single-file importer shares. */
interface FileImporter {

	ImportReport read(Reader reader, String file, Progress progress);

}
