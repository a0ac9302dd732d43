package dev.pedigree.risk;

import java.util.Map;

import dev.pedigree.common.InvalidInputException;
import dev.pedigree.common.NotFoundException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /report/liability?model=ID&asOf=YYYY-MM-DD&format=md|html|pdf|json}: the
 * liability trace of a model as a citable document (ids contain "/", so the model is a
 * query parameter). The SHA-256 of the canonical JSON is also in the
 * {@code X-Pedigree-Report-SHA256} header.
 */
@RestController
class ReportController {

	private final LiabilityReports reports;

	ReportController(LiabilityReports reports) {
		this.reports = reports;
	}

	@GetMapping("/report/liability")
	ResponseEntity<byte[]> liability(@RequestParam(required = false) String model,
			@RequestParam(required = false) String asOf, @RequestParam(defaultValue = "md") String format) {
		if (model == null || model.isBlank()) {
			throw new InvalidInputException("model", "model (a model id) is required");
		}
		LiabilityReports.Format parsed;
		try {
			parsed = LiabilityReports.Format.parse(format);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("format", ex.getMessage());
		}
		var report = this.reports.build(model, asOf);
		String file = model.replace('/', '_') + "-liability." + parsed.extension;
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(parsed.mediaType))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					(parsed == LiabilityReports.Format.PDF ? "attachment" : "inline") + "; filename=\"" + file + "\"")
			.header("X-Pedigree-Report-SHA256", report.sha256())
			.body(this.reports.render(report, parsed));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> notFound(NotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", ex.getMessage(), "field", "model"));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> invalid(InvalidInputException ex) {
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", ex.getMessage(), "field", ex.field()));
	}

}
