package dev.pedigree;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The application (the server, or a command) in a JVM of its own, from this test's class
 * path with the embedded database's JVM flags: for what one JVM cannot show (a kill, two
 * processes on one store, a command's own output).
 */
public final class OwnJvm {

	private OwnJvm() {
	}

	/** A finished process's exit code and its output and log, on one stream. */
	public record Result(int exitCode, String output) {
	}

	/** Starts the application with {@code args}, its output and log to {@code log}. */
	public static Process start(Path log, String... args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command
			.addAll(List.of("--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
					"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED", "-Xmx768m",
					"-cp", classPath(), PedigreeApplication.class.getName()));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/**
	 * Runs a command to its end (at most five minutes), its output kept in {@code log}.
	 */
	public static Result run(Path log, String... args) throws IOException, InterruptedException {
		var process = start(log, args);
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly().waitFor();
		}
		return new Result(process.exitValue(), Files.readString(log));
	}

	/**
	 * This JVM's class path without Surefire's booter jar, whose manifest lists the same
	 * folders again (the schema migrations would be found twice).
	 */
	public static String classPath() {
		return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.contains("surefire"))
			.distinct()
			.collect(Collectors.joining(File.pathSeparator));
	}

}
