package dev.pedigree.policy;

import dev.pedigree.lineage.PointInTime;
import java.util.Map;

import dev.pedigree.common.InvalidInputException;
import dev.pedigree.common.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /report/scenario?id=ID&format=md|csv} for a shipped scenario,
 * {@code POST /report/scenario?format=…} with a YAML or JSON definition for an ad-hoc
 * one.
 */
@RestController
class ScenarioController {

	private final Scenarios scenarios;

	private final ScenarioEvaluation evaluation;

	private final ScenarioReports reports;

	ScenarioController(Scenarios scenarios, ScenarioEvaluation evaluation, ScenarioReports reports) {
		this.scenarios = scenarios;
		this.evaluation = evaluation;
		this.reports = reports;
	}

	@GetMapping("/report/scenario")
	ResponseEntity<String> shipped(@RequestParam(required = false) String id,
			@RequestParam(defaultValue = "md") String format, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) Boolean includeUndated) {
		if (id == null || id.isBlank()) {
			throw new InvalidInputException("id", "id (a scenario id) is required; shipped: "
					+ this.scenarios.all().stream().map(Scenario::id).toList());
		}
		return render(this.evaluation.evaluate(this.scenarios.get(id), PointInTime.of(asOf, includeUndated)), format);
	}

	@PostMapping("/report/scenario")
	ResponseEntity<String> adHoc(@RequestBody(required = false) String definition,
			@RequestParam(defaultValue = "md") String format, @RequestParam(required = false) String asOf,
			@RequestParam(required = false) Boolean includeUndated) {
		return render(
				this.evaluation.evaluate(Scenarios.parse(definition, "scenario"), PointInTime.of(asOf, includeUndated)),
				format);
	}

	private ResponseEntity<String> render(ScenarioEvaluation.ScenarioResult result, String format) {
		return switch (format) {
			case "md" -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("text/markdown; charset=UTF-8"))
				.body(this.reports.markdown(result));
			case "csv" -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
				.body(this.reports.csv(result));
			default -> throw new InvalidInputException("format", "format must be md or csv, was '" + format + "'");
		};
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> notFound(NotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", ex.getMessage(), "field", ex.field()));
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> invalid(InvalidInputException ex) {
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", ex.getMessage(), "field", ex.field()));
	}

}
