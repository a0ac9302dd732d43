package dev.pedigree.security;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens per curator: an admin creates them, each write records who made it, a revoked
 * token is refused at once and kept with who revoked it and why.
 */
@PedigreeServerTest
public class SecurityTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	/** Creates a token with the configured admin token; returns its secret. */
	public static String create(int port, String name, String role) {
		return admin(port)
			.document("mutation($name: String!, $role: Role!) { createApiToken(name: $name, role: $role) "
					+ "{ secret token { name role } } }")
			.variable("name", name)
			.variable("role", role)
			.execute()
			.path("createApiToken.token.role")
			.entity(String.class)
			.isEqualTo(role)
			.path("createApiToken.secret")
			.entity(String.class)
			.get();
	}

	static HttpGraphQlTester admin(int port) {
		return as(port, PedigreeServerTest.ADMIN_TOKEN);
	}

	static HttpGraphQlTester as(int port, String token) {
		return GraphQlClient.anonymous(port).mutate().header("Authorization", "Bearer " + token).build();
	}

	@Test
	void each_curator_has_a_token_each_write_records_who_and_a_revoked_token_is_refused_at_once() {
		String name = "alice-" + UUID.randomUUID().toString().substring(0, 6);
		String alice = create(this.port, name, "CURATOR");
		assertThat(alice).matches("pdg_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
		String tokenId = alice.substring(4, 16);
		as(this.port, alice).document("{ me { name role } }")
			.execute()
			.path("me")
			.entity(Map.class)
			.isEqualTo(Map.of("name", name, "role", "CURATOR"));
		GraphQlClient.anonymous(this.port).document("{ me { name } }").execute().path("me").valueIsNull();

		// Alice writes; the change log names her on the model and on the derivation.
		String base = "test/security-" + UUID.randomUUID().toString().substring(0, 8);
		String tune = base + "-tune";
		for (String id : List.of(base, tune)) {
			as(this.port, alice)
				.document("mutation($id: ID!, $name: String!) { registerModel(input: {id: $id, name: $name}) { id } }")
				.variable("id", id)
				.variable("name", id)
				.execute()
				.path("registerModel.id")
				.entity(String.class)
				.isEqualTo(id);
		}
		as(this.port, alice)
			.document("mutation($c: ID!, $p: ID!) { recordDerivation(input: {childId: $c, parentIds: [$p], "
					+ "relation: FINETUNE}) { relation } }")
			.variable("c", tune)
			.variable("p", base)
			.execute()
			.path("recordDerivation[0].relation")
			.entity(String.class)
			.isEqualTo("FINETUNE");
		// The configured curator token updates the model afterwards: two entries, in
		// order.
		GraphQlClient.curator(this.port)
			.document("mutation($id: ID!) { registerModel(input: {id: $id, name: \"renamed\"}) { id } }")
			.variable("id", tune)
			.execute()
			.path("registerModel.id")
			.hasValue();
		var history = GraphQlClient.anonymous(this.port)
			.document("query($id: ID!) { model(id: $id) { history { kind writer at } "
					+ "parents { history { kind writer } } } }")
			.variable("id", tune)
			.execute();
		history.path("model.history[*].writer")
			.entityList(String.class)
			.containsExactly(name + " (token " + tokenId + ")", name + " (token " + tokenId + ")", "curator-token");
		history.path("model.history[*].kind")
			.entityList(String.class)
			.containsExactly("MODELS_WRITTEN", "DERIVATIONS_WRITTEN", "MODELS_WRITTEN");
		history.path("model.parents[0].history[*].writer")
			.entityList(String.class)
			.containsExactly(name + " (token " + tokenId + ")");

		// Listed without secrets; revoked with a reason; refused at once.
		admin(this.port).document("{ apiTokens { id name role createdBy revokedAt } }")
			.execute()
			.path("apiTokens[?(@.id == '" + tokenId + "')]")
			.entityList(Map.class)
			.satisfies(tokens -> assertThat(tokens).singleElement().satisfies(t -> {
				assertThat(t).containsEntry("name", name).containsEntry("role", "CURATOR");
				assertThat(t).containsEntry("createdBy", "admin-token").containsEntry("revokedAt", null);
				assertThat(t.toString()).doesNotContain(alice.substring(17));
			}));
		admin(this.port)
			.document("mutation($id: ID!) { revokeApiToken(id: $id, reason: \"left the team\") "
					+ "{ revokedBy revocationReason revokedAt } }")
			.variable("id", tokenId)
			.execute()
			.path("revokeApiToken.revokedBy")
			.entity(String.class)
			.isEqualTo("admin-token")
			.path("revokeApiToken.revocationReason")
			.entity(String.class)
			.isEqualTo("left the team");
		GraphQlClient.http(this.port)
			.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + alice)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { name } }"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("Unknown or revoked token");
	}

	@Test
	void token_input_is_validated_with_the_offending_field() {
		admin(this.port).document("mutation { createApiToken(name: \"\", role: READER) { secret } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "name")));
		admin(this.port).document("mutation { revokeApiToken(id: \"ffffffffffff\", reason: \"x\") { id } }")
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(e -> assertThat(e.getExtensions()).containsEntry("field", "id")));
	}

	/**
	 * Spring Security's observations are turned off, so its filter chain runs its filters
	 * as they are: not each wrapped, on every request, to ask for an observation that is
	 * then refused (issue 12: a lineage request's CPU). The filters themselves still run:
	 * a bad token is refused.
	 */
	@Test
	void the_filter_chain_is_not_wrapped_for_observations_that_are_off() {
		Object chain = this.context.getBean("springSecurityFilterChain");
		// Spring Security 7 registers a composite that holds the chain proxy of the
		// configured filter chains; the composite's own decorator field stays at its
		// default, so it must be the inner proxy that is checked.
		Object proxy = ReflectionTestUtils.getField(chain, "springSecurityFilterChain");
		assertThat(proxy).isNotNull().isNotSameAs(chain).isInstanceOf(FilterChainProxy.class);
		assertThat(ReflectionTestUtils.getField(proxy, "filterChainDecorator")).isNotNull()
			.isNotInstanceOf(ObservationFilterChainDecorator.class);
		GraphQlClient.http(this.port)
			.post()
			.uri("/graphql")
			.header("Authorization", "Bearer pdg_000000000000_not-a-token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ model(id: \"google/gemma-7b\") { id } }"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

}
