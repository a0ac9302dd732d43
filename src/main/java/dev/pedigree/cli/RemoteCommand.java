package dev.pedigree.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Commands run through a running service's HTTP API ({@code --server URL} or
 * {@code PEDIGREE_SERVER}) instead of opening the store, so nothing needs downtime. No
 * Spring context and no database start: the command costs one HTTP request.
 */
public final class RemoteCommand {

	private RemoteCommand() {
	}

	/** The server to use, or null to open the store directly. */
	public static String server(Command command) {
		String server = command.options().get("server");
		if (server == null) {
			server = System.getenv("PEDIGREE_SERVER");
		}
		return server == null || server.isBlank() ? null : server.replaceAll("/+$", "");
	}

	/** Runs a command remotely; returns the exit code. */
	public static int run(Command command, String server) {
		try {
			return switch (command.name()) {
				case "report" -> report(command, server);
				case "scenario" -> scenario(command, server);
				case "audit" -> audit(command, server);
				default -> {
					System.err.println("pedigree: " + command.name() + " does not run through --server yet; stop the "
							+ "service or point --spring.neo4j.uri at the database");
					yield 1;
				}
			};
		}
		catch (IllegalArgumentException ex) {
			System.err.println("pedigree: " + ex.getMessage());
			return 1;
		}
		catch (IOException ex) {
			System.err.println("pedigree: cannot reach " + server + ": " + ex.getMessage());
			return 1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

	private static int report(Command command, String server) throws IOException, InterruptedException {
		var report = ReportArguments.of(command);
		String url = server + "/report/" + report.kind() + "?model=" + encode(report.modelId()) + "&format="
				+ encode(report.format()) + (report.asOf() == null ? "" : "&asOf=" + encode(report.asOf()));
		var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET();
		String token = System.getenv("PEDIGREE_TOKEN");
		if (token != null && !token.isBlank()) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			System.err.println("pedigree: " + url + " answered " + response.statusCode() + ": "
					+ new String(response.body(), StandardCharsets.UTF_8));
			return 1;
		}
		Files.write(report.out(), response.body());
		System.out.println("report written to " + report.out() + " (SHA-256 of the canonical JSON "
				+ response.headers().firstValue("X-Pedigree-Report-SHA256").orElse("unknown") + ")");
		return 0;
	}

	/**
	 * {@code scenario run FILE|--id ID}: POSTs the file (or GETs a shipped scenario) and
	 * prints or writes the result.
	 */
	private static int scenario(Command command, String server) throws IOException, InterruptedException {
		if (command.positional().isEmpty() || !command.positional().get(0).equals("run")) {
			throw new IllegalArgumentException("usage: scenario run FILE|--id ID [--format md|csv] [--out FILE]");
		}
		String format = encode(command.options().getOrDefault("format", "md"));
		HttpRequest.Builder request;
		if (command.options().containsKey("id")) {
			request = HttpRequest
				.newBuilder(URI.create(
						server + "/report/scenario?format=" + format + "&id=" + encode(command.options().get("id"))))
				.GET();
		}
		else if (command.positional().size() == 2) {
			request = HttpRequest.newBuilder(URI.create(server + "/report/scenario?format=" + format))
				.header("Content-Type", "text/plain; charset=UTF-8")
				.POST(HttpRequest.BodyPublishers.ofFile(Path.of(command.positional().get(1))));
		}
		else {
			throw new IllegalArgumentException("scenario run needs a FILE or --id ID");
		}
		return textTo(command, request);
	}

	/** {@code audit}: the data-quality report of the running service. */
	private static int audit(Command command, String server) throws IOException, InterruptedException {
		String url = server + "/report/data-quality?format=" + encode(command.options().getOrDefault("format", "md"));
		return textTo(command, HttpRequest.newBuilder(URI.create(url)).GET());
	}

	/**
	 * Sends a request and writes its text answer to {@code --out}, or prints it; a
	 * refusal exits 1.
	 */
	private static int textTo(Command command, HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpRequest built = request.timeout(Duration.ofMinutes(2)).build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(built, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			System.err
				.println("pedigree: " + built.uri() + " answered " + response.statusCode() + ": " + response.body());
			return 1;
		}
		command.emit(response.body());
		return 0;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * {@code report liability ID --format md|html|pdf|json --out FILE [--as-of DATE]}.
	 */
	public record ReportArguments(String kind, String modelId, String format, Path out, String asOf) {

		public static ReportArguments of(Command command) {
			if (command.positional().size() != 2 || !command.positional().get(0).equals("liability")) {
				throw new IllegalArgumentException(
						"usage: report liability MODEL_ID --format md|html|pdf|json --out FILE [--as-of YYYY-MM-DD]");
			}
			return new ReportArguments("liability", command.positional().get(1),
					command.options().getOrDefault("format", "md"), Path.of(command.required("out")),
					command.options().get("as-of"));
		}

	}

}
