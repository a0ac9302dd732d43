package dev.pedigree.interchange;

import dev.pedigree.common.InvalidInputException;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class InterchangeController {

	/** Uploads over GraphQL are for small files; larger ones go through the CLI. */
	static final int MAX_CONTENT_CHARS = 10 * 1024 * 1024;

	private final ImportPipeline importers;

	InterchangeController(ImportPipeline importers) {
		this.importers = importers;
	}

	@MutationMapping
	ImportReport importRecords(@Argument ImportFormat format, @Argument String content) {
		if (content.length() > MAX_CONTENT_CHARS) {
			throw new InvalidInputException("content", "content is " + content.length()
					+ " characters; uploads are limited to " + MAX_CONTENT_CHARS + " (use the CLI for larger files)");
		}
		return this.importers.importContent(format, content);
	}

}
