package dev.pedigree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module arrows each {@code package-info.java} declares
 * ({@code @ApplicationModule(allowedDependencies = …)}) hold, and the module
 * documentation in {@code docs/modules/} is written from them.
 */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(PedigreeApplication.class);

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.pedigree");

	@Test
	void modules_depend_only_on_what_they_declare_and_have_no_cycles() {
		MODULES.verify();
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

	@Test
	void every_module_declares_its_allowed_dependencies() {
		List<String> undeclared = MODULES.stream()
			.filter(module -> module.getBasePackage()
				.getAnnotation(org.springframework.modulith.ApplicationModule.class)
				.isEmpty())
			.map(ApplicationModule::getName)
			.toList();
		assertThat(undeclared).isEmpty();
		assertThat(MODULES.stream().map(ApplicationModule::getName)).contains("common", "storage", "lineage",
				"regulation", "risk", "ecosystem", "interchange", "policy", "cli", "graphql");
	}

	/**
	 * Writes the module documentation into {@code docs/modules/}: Spring Modulith's
	 * component diagrams (PlantUML) and module canvases, and {@code modules.md}, the same
	 * arrows as a Mermaid diagram that the README shows. Commit what it changes.
	 */
	@Test
	void writes_the_module_documentation() throws IOException {
		Path folder = Path.of("docs", "modules");
		new Documenter(MODULES, folder.toString()).writeDocumentation();
		try (var files = Files.list(folder)) {
			for (Path diagram : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
				Files.writeString(diagram, stableOrder(Files.readString(diagram)));
			}
		}
		String mermaid = mermaid(MODULES);
		Files.writeString(folder.resolve("modules.md"), mermaid);
		for (ApplicationModule module : MODULES) {
			assertThat(folder.resolve("module-" + module.getIdentifier() + ".puml")).exists();
			module.getDirectDependencies(MODULES)
				.uniqueModules()
				.forEach(target -> assertThat(mermaid).contains(module.getName() + " --> " + target.getName()));
		}
		assertThat(mermaid).contains("lineage --> storage", "risk --> regulation", "graphql --> common");
	}

	/**
	 * The diagram with each run of component and relation lines sorted: Documenter writes
	 * them in hash order, so an unchanged architecture would change the committed files
	 * from one build to the next.
	 */
	static String stableOrder(String diagram) {
		List<String> lines = new java.util.ArrayList<>(diagram.lines().toList());
		int i = 0;
		while (i < lines.size()) {
			String kind = kind(lines.get(i));
			int end = i + 1;
			while (kind != null && end < lines.size() && kind.equals(kind(lines.get(end)))) {
				end++;
			}
			if (kind != null) {
				java.util.Collections.sort(lines.subList(i, end));
			}
			i = end;
		}
		return String.join("\n", lines) + "\n";
	}

	private static String kind(String line) {
		String text = line.strip();
		return text.startsWith("Rel(") ? "Rel" : text.startsWith("Component(") ? "Component" : null;
	}

	private static String mermaid(ApplicationModules modules) {
		List<ApplicationModule> sorted = modules.stream()
			.sorted(Comparator.comparing(ApplicationModule::getName))
			.toList();
		StringBuilder out = new StringBuilder();
		out.append("# Modules\n\n");
		out.append("Written by `ModularityTests.writes_the_module_documentation` from the `@ApplicationModule`\n");
		out.append(
				"declarations (`package-info.java` of each package); `ModularityTests` fails on an arrow a module\n");
		out.append("does not declare. Spring Modulith's own diagrams and module canvases are beside this file.\n\n");
		out.append("```mermaid\nflowchart TD\n");
		for (ApplicationModule module : sorted) {
			out.append("  ").append(module.getName()).append("[\"").append(module.getDisplayName()).append("\"]\n");
		}
		for (ApplicationModule module : sorted) {
			module.getDirectDependencies(modules)
				.uniqueModules()
				.map(ApplicationModule::getName)
				.sorted()
				.distinct()
				.forEach(target -> out.append("  ")
					.append(module.getName())
					.append(" --> ")
					.append(target)
					.append('\n'));
		}
		out.append("```\n\n| module | display name | depends on |\n|---|---|---|\n");
		for (ApplicationModule module : sorted) {
			out.append("| `")
				.append(module.getName())
				.append("` | ")
				.append(module.getDisplayName())
				.append(" | ")
				.append(module.getDirectDependencies(modules)
					.uniqueModules()
					.map(ApplicationModule::getName)
					.sorted()
					.distinct()
					.collect(Collectors.joining(", ")))
				.append(" |\n");
		}
		return out.toString();
	}

}
