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
				case "token" -> token(command, server);
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

	/**
	 * {@code token create|list|revoke}: the ADMIN token-management mutations of the
	 * running service, with the ADMIN token in {@code PEDIGREE_TOKEN}.
	 */
	private static int token(Command command, String server) throws IOException, InterruptedException {
		String action = command.positional().isEmpty() ? "" : command.positional().get(0);
		String document;
		java.util.Map<String, Object> variables = new java.util.HashMap<>();
		switch (action) {
			case "create" -> {
				document = "mutation($name: String!, $role: Role!) { createApiToken(name: $name, role: $role) "
						+ "{ secret token { id name role } } }";
				variables.put("name", command.required("name"));
				variables.put("role", command.required("role").strip().toUpperCase(java.util.Locale.ROOT));
			}
			case "list" -> document = "{ apiTokens { id name role createdAt createdBy revokedAt revokedBy "
					+ "revocationReason } }";
			case "revoke" -> {
				if (command.positional().size() != 2) {
					throw new IllegalArgumentException("usage: token revoke ID --reason TEXT");
				}
				document = "mutation($id: ID!, $reason: String!) { revokeApiToken(id: $id, reason: $reason) "
						+ "{ id name revokedAt } }";
				variables.put("id", command.positional().get(1));
				variables.put("reason", command.required("reason"));
			}
			default -> throw new IllegalArgumentException(
					"usage: token create --name NAME --role READER|CURATOR|ADMIN | token list | token revoke ID --reason TEXT");
		}
		var json = tools.jackson.databind.json.JsonMapper.builder().build();
		String body = json.writeValueAsString(java.util.Map.of("query", document, "variables", variables));
		var request = HttpRequest.newBuilder(URI.create(server + "/graphql"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		String token = System.getenv("PEDIGREE_TOKEN");
		if (token != null && !token.isBlank()) {
			request.header("Authorization", "Bearer " + token.strip());
		}
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(request.timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
		var answer = json.readTree(response.body());
		if (response.statusCode() != 200 || answer.has("errors")) {
			System.err.println("pedigree: " + server + " refused: "
					+ (answer.has("errors") ? answer.get("errors").get(0).get("message").asString() : response.body()));
			return 1;
		}
		var data = answer.get("data");
		switch (action) {
			case "create" -> {
				System.out.println(data.get("createApiToken").get("secret").asString());
				var t = data.get("createApiToken").get("token");
				System.err.println("token " + t.get("id").asString() + " for '" + t.get("name").asString() + "' ("
						+ t.get("role").asString() + "): shown this once, stored only as its SHA-256");
			}
			case "list" -> {
				StringBuilder out = new StringBuilder("id\tname\trole\tcreated\tcreated by\trevoked\n");
				for (var t : data.get("apiTokens")) {
					out.append(String.join("\t", t.get("id").asString(), t.get("name").asString(),
							t.get("role").asString(), t.get("createdAt").asString(), t.get("createdBy").asString(),
							t.get("revokedAt").isNull() ? "-" : t.get("revokedAt").asString() + " by "
									+ t.get("revokedBy").asString() + ": " + t.get("revocationReason").asString()))
						.append('\n');
				}
				command.emit(out.toString());
			}
			default -> {
				var t = data.get("revokeApiToken");
				System.out.println("revoked " + t.get("id").asString() + " (" + t.get("name").asString() + ") at "
						+ t.get("revokedAt").asString());
			}
		}
		return 0;
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
