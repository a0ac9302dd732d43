package dev.pedigree.interchange;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;

import graphql.GraphQLContext;

import dev.pedigree.graphql.CuratorAccess;
import dev.pedigree.graphql.InvalidInputException;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class InterchangeController {

	/** Uploads over GraphQL are for small files; larger ones go through the CLI. */
	static final int MAX_CONTENT_CHARS = 10 * 1024 * 1024;

	private final HuggingFaceCsvImporter huggingFace;

	private final EpochImporter epoch;

	InterchangeController(HuggingFaceCsvImporter huggingFace, EpochImporter epoch) {
		this.huggingFace = huggingFace;
		this.epoch = epoch;
	}

	enum ImportFormat {

		HF_EDGES, HF_NODES, EPOCH

	}

	@MutationMapping
	ImportReport importRecords(@Argument ImportFormat format, @Argument String content, GraphQLContext context) {
		CuratorAccess.require(context);
		if (content.length() > MAX_CONTENT_CHARS) {
			throw new InvalidInputException("content", "content is " + content.length()
					+ " characters; uploads are limited to " + MAX_CONTENT_CHARS + " (use the CLI for larger files)");
		}
		Instant start = Instant.now();
		ImportReport report;
		try {
			report = switch (format) {
				case HF_EDGES -> this.huggingFace.importEdges(new StringReader(content), "content", Progress.NONE);
				case HF_NODES -> this.huggingFace.importNodes(new StringReader(content), "content", Progress.NONE);
				case EPOCH -> this.epoch.importModels(new StringReader(content), "content", Progress.NONE);
			};
		}
		catch (Csv.MalformedFileException ex) {
			throw new InvalidInputException("content", ex.getMessage());
		}
		report.elapsed(Duration.between(start, Instant.now()));
		return report;
	}

}
