package dev.pedigree.ecosystem;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Shareable explorer links ({@code /model/{id}}, ids contain a slash) open the same
 * single page.
 */
@Controller
class ExplorerController {

	@GetMapping("/model/**")
	String model() {
		return "forward:/index.html";
	}

}
