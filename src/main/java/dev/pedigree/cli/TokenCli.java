package dev.pedigree.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.pedigree.cli.CommandSpec.Form;
import dev.pedigree.cli.CommandSpec.Operand;
import dev.pedigree.cli.CommandSpec.Option;

import dev.pedigree.security.ApiTokens;
import dev.pedigree.security.Role;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code token create --name NAME --role READER|CURATOR|ADMIN}, {@code token list},
 * {@code token revoke ID --reason TEXT}: on the store, or through a running service with
 * {@code --server URL} and an ADMIN token in {@code PEDIGREE_TOKEN} (no downtime).
 */
@Component
@Order(100)
class TokenCli extends SubcommandRunner {

	static final CommandSpec SPEC = new CommandSpec("token", "create, list or revoke the API's access tokens", """
			Creates a token (printed once; stored only as its SHA-256), lists them without their secrets, or
			revokes one with a reason. On the store, or through a running service with --server URL and an
			ADMIN token in PEDIGREE_TOKEN (no downtime).""",
			List.of(Form.of("create", List.of(), List.of("name", "role"), List.of("server")),
					Form.of("list", List.of(), List.of(), List.of("out", "server")),
					Form.of("revoke", List.of(Operand.value("ID", "the token's id (the 12 hex digits after pdg_)")),
							List.of("reason"), List.of("server"))),
			List.of(Option.text("name", "NAME", "who or what the token is for"),
					Option.choice("role", "what the token may do",
							Arrays.stream(Role.values()).map(Role::name).toList(), TokenCli::role),
					Option.text("reason", "TEXT", "why the token is revoked (kept with it)"), CommandSpec.OUT_OR_PRINT,
					CommandSpec.SERVER),
			List.of("token create --name alice --role CURATOR", "token list --server http://localhost:8080",
					"token revoke 3f9a0c1b2d4e --reason \"left the team\" --server http://localhost:8080"));

	static final String USAGE = "usage: "
			+ String.join(" | ", SPEC.forms().stream().map(SPEC::synopsis).map(s -> s.substring(9)).toList());

	private final ApiTokens tokens;

	TokenCli(ApiTokens tokens) {
		super("token");
		this.tokens = tokens;
	}

	@Override
	protected void execute(Command command) throws Exception {
		String who = "local:" + System.getProperty("user.name", "unknown");
		String action = command.positional().isEmpty() ? "" : command.positional().get(0);
		switch (action) {
			case "create" -> {
				var created = this.tokens.create(command.required("name"), role(command.required("role")), who);
				System.out.println(created.secret());
				System.err.println("token " + created.token().id() + " for '" + created.token().name() + "' ("
						+ created.token().role() + "): shown this once, stored only as its SHA-256");
			}
			case "list" -> {
				StringBuilder out = new StringBuilder("id\tname\trole\tcreated\tcreated by\trevoked\n");
				for (var t : this.tokens.list()) {
					out.append(String.join("\t", t.id(), t.name(), t.role().name(), t.createdAt(),
							String.valueOf(t.createdBy()),
							t.revoked() ? t.revokedAt() + " by " + t.revokedBy() + ": " + t.revocationReason() : "-"))
						.append('\n');
				}
				command.emit(out.toString());
			}
			case "revoke" -> {
				if (command.positional().size() != 2) {
					throw new IllegalArgumentException(USAGE);
				}
				var revoked = this.tokens.revoke(command.positional().get(1), command.required("reason"), who);
				System.out.println("revoked " + revoked.id() + " (" + revoked.name() + ") at " + revoked.revokedAt());
			}
			default -> throw new IllegalArgumentException(USAGE);
		}
	}

	static Role role(String value) {
		try {
			return Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("--role must be READER, CURATOR or ADMIN, was '" + value + "'");
		}
	}

}
