package dev.pedigree;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void modules_depend_inward_only_and_have_no_cycles() {
		ApplicationModules.of(PedigreeApplication.class).verify();
	}

}
