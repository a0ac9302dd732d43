package dev.pedigree.lineage;

import dev.pedigree.common.InvalidInputException;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code dataQuality} over GraphQL and {@code GET /report/data-quality?format=md|json}.
 */
@Controller
class DataQualityController {

	private final DataQuality quality;

	DataQualityController(DataQuality quality) {
		this.quality = quality;
	}

	@QueryMapping
	DataQuality.Report dataQuality() {
		return this.quality.report();
	}

	@GetMapping("/report/data-quality")
	@ResponseBody
	ResponseEntity<?> report(@RequestParam(defaultValue = "md") String format) {
		return switch (format) {
			case "md" -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("text/markdown; charset=UTF-8"))
				.body(this.quality.markdown(this.quality.report()));
			case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.quality.report());
			default -> ResponseEntity.badRequest()
				.contentType(MediaType.APPLICATION_JSON)
				.body(java.util.Map.of("error", "format must be md or json, was '" + format + "'", "field", "format"));
		};
	}

}
