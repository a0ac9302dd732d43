package dev.pedigree.interchange;

import java.util.Map;

import dev.pedigree.common.InvalidInputException;
import dev.pedigree.common.NotFoundException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Export downloads: {@code GET /export/{format}?model=…&direction=up|down|both&depth=N}
 * (no model = whole graph).
 */
@RestController
class ExportController {

	private final Exporters exporters;

	ExportController(Exporters exporters) {
		this.exporters = exporters;
	}

	@GetMapping("/export/{format}")
	ResponseEntity<StreamingResponseBody> export(@PathVariable String format,
			@RequestParam(required = false) String model, @RequestParam(required = false) String direction,
			@RequestParam(required = false) Integer depth) {
		if (model != null && model.isBlank()) {
			throw new InvalidInputException("model", "model must name a model (or be left out for the whole graph)");
		}
		if (model == null && (direction != null || depth != null)) {
			throw new InvalidInputException(direction != null ? "direction" : "depth",
					"direction and depth apply to one model's family: name it with model=…; without model the "
							+ "export is the whole graph");
		}
		ExportFormat exportFormat;
		try {
			exportFormat = ExportFormat.fromCli(format);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("format", ex.getMessage());
		}
		// Parsed here, not with the CLI's parser: the error names the URL parameter, in
		// this API's wording.
		String asked = direction == null ? "both" : direction;
		Direction exportDirection = java.util.Arrays.stream(Direction.values())
			.filter(d -> d.name().equalsIgnoreCase(asked))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("direction",
					"direction must be up, down or both, was '" + direction + "'"));
		if (depth != null && depth < 1) {
			throw new InvalidInputException("depth", "depth must be at least 1, was " + depth);
		}
		var request = new ExportRequest(exportFormat, model, exportDirection, depth);
		// Read (and fail) before the status line is sent: an unknown model must be a 404,
		// not a broken stream. The file itself is written to the response as it is
		// produced.
		var export = this.exporters.prepare(request);
		// The stored id, in characters any file system and the header take.
		String name = (export.root() == null ? "pedigree" : export.root().replaceAll("[^A-Za-z0-9._-]", "_")) + "."
				+ exportFormat.extension();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(exportFormat.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.body(export::writeTo);
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> notFound(NotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", ex.getMessage(), "field", ex.field()));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> invalid(InvalidInputException ex) {
		return ResponseEntity.badRequest().body(Map.of("error", ex.getMessage(), "field", ex.field()));
	}

	/**
	 * e.g. {@code depth=deep}: the same shape as every other refusal, naming the
	 * parameter.
	 */
	@ExceptionHandler
	ResponseEntity<Map<String, String>> malformed(MethodArgumentTypeMismatchException ex) {
		return ResponseEntity.badRequest()
			.body(Map.of("error", ex.getName() + " must be a whole number, was '" + ex.getValue() + "'", "field",
					ex.getName()));
	}

}
