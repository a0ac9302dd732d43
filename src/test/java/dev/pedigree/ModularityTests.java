package dev.pedigree;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ModularityTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.pedigree");

	@Test
	void modules_depend_inward_only_and_have_no_cycles() {
		ApplicationModules.of(PedigreeApplication.class).verify();
	}

	/**
	 * The API layer adapts the domain; it is not a toolbox the domain imports: domain
	 * exceptions, pages and limits live in {@code common}, and {@code graphql} maps them
	 * (one error advice, one connection adapter).
	 */
	@Test
	void no_module_imports_the_graphql_adapter() {
		noClasses().that()
			.resideOutsideOfPackage("dev.pedigree.graphql..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.pedigree.graphql..")
			.check(CLASSES);
	}

}
