package dev.pedigree.lineage;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.neo4j.driver.Driver;

import dev.pedigree.GraphQlClient;

import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the tests of placeholders and their resolution set up and read, over GraphQL as a
 * curator: Epoch imports that name models nobody describes (each such import resolves the
 * store's placeholders), edge lists, registered models. A test class registers it
 * ({@code @RegisterExtension}) against the server of its Spring test context: each test
 * gets a token of its own, which the ids and names of the models it makes carry, and they
 * are forgotten after it.
 */
final class PlaceholderFixture implements BeforeEachCallback, AfterEachCallback {

	private int port;

	private Driver driver;

	private String token;

	@Override
	public void beforeEach(ExtensionContext context) {
		var server = SpringExtension.getApplicationContext(context);
		this.port = server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		this.driver = server.getBean(Driver.class);
		this.token = UUID.randomUUID().toString().substring(0, 8);
	}

	/** Removes every model of the test (their ids carry its token). */
	@Override
	public void afterEach(ExtensionContext context) {
		try (var session = this.driver.session()) {
			session.executeWrite(tx -> tx
				.run("MATCH (m:Model) WHERE m.id CONTAINS $token DETACH DELETE m", Map.of("token", this.token))
				.consume());
		}
	}

	/**
	 * A child an Epoch import found deriving from a base model nobody described, so from
	 * a placeholder, and the model the base's name means, registered since (the next
	 * import that resolves names moves the placeholder's derivations to it).
	 */
	record Unresolved(String child, String placeholder, String target) {
	}

	/** What the ids and names of this test's models contain. */
	String token() {
		return this.token;
	}

	/**
	 * {@code <prefix> Child <token>} (the test's token) derived from the placeholder of
	 * {@code <prefix> Base <token>}, and the target {@code <prefix>-<token>/target} with
	 * that name; {@code rows} are further rows of the same Epoch import.
	 */
	Unresolved unresolved(String prefix, String rows) {
		epoch(prefix + " Child " + this.token + "," + prefix + " Lab " + this.token + ",2025-01-01," + prefix + " Base "
				+ this.token + "\n" + rows);
		String child = idOf(prefix + " Child " + this.token);
		String placeholder = parentsOf(child).get(0);
		String target = prefix.toLowerCase(java.util.Locale.ROOT) + "-" + this.token + "/target";
		register(target, prefix + " Base " + this.token);
		return new Unresolved(child, placeholder, target);
	}

	Unresolved unresolved(String prefix) {
		return unresolved(prefix, "");
	}

	/** An Epoch import of {@code rows}: its conflicts and the names it resolved. */
	String epoch(String rows) {
		return post("mutation($c: String!) { importRecords(format: EPOCH, content: $c) { conflicts resolved } }",
				Map.of("c", "Model,Organization,Publication date,Base model\n" + rows));
	}

	/**
	 * An import that leaves a placeholder of its own: every such import resolves the
	 * names of the store's placeholders, the earlier ones included.
	 */
	String resolveNames(String prefix) {
		return epoch(prefix + " Trigger " + this.token + "," + prefix + " Lab " + this.token + ",2025-01-01," + prefix
				+ " Unknown " + this.token + "\n");
	}

	/**
	 * An edge list of {@code rows} (parent, child, relation): what it created and
	 * rejected.
	 */
	String edgeList(String rows) {
		return post(
				"mutation($c: String!) { importRecords(format: HF_EDGES, content: $c) { created rejected { reason } } }",
				Map.of("c", "parent_id,child_id,relation\n" + rows));
	}

	/** Registers a described model by id and display name. */
	void register(String id, String name) {
		assertNoErrors(post("mutation { registerModel(input: {id: \"" + id + "\", name: \"" + name + "\"}) { id } }"));
	}

	/** A curator's fine-tune of {@code child} from {@code parent}: the response. */
	String derive(String child, String parent) {
		return post("mutation { recordDerivation(input: {childId: \"" + child + "\", parentIds: [\"" + parent
				+ "\"], relation: FINETUNE}) { relation } }");
	}

	/** The one model whose name contains {@code name}. */
	String idOf(String name) {
		List<String> ids = JsonPath
			.parse(post("query($n: String!) { models(filter: {nameContains: $n}) { edges { node { id } } } }",
					Map.of("n", name)))
			.read("$.data.models.edges[*].node.id");
		assertThat(ids).as(name).hasSize(1);
		return ids.get(0);
	}

	List<String> parentsOf(String id) {
		return JsonPath
			.parse(post("query($id: ID!) { model(id: $id) { parents { parent { id } } } }", Map.of("id", id)))
			.read("$.data.model.parents[*].parent.id");
	}

	List<String> ancestorsOf(String id) {
		return JsonPath
			.parse(post("query($id: ID!) { model(id: $id) { ancestors { model { id } } } }", Map.of("id", id)))
			.read("$.data.model.ancestors[*].model.id");
	}

	/**
	 * Whether a path of derivations of any length leads from {@code child} up to
	 * {@code ancestor} (beyond the API's clamp of 50 hops).
	 */
	boolean derivesFrom(String child, String ancestor) {
		try (var session = this.driver.session()) {
			return session
				.run("MATCH (c:Model {id: $child}), (a:Model {id: $ancestor}) "
						+ "RETURN EXISTS { (c)-[:DERIVED_FROM]->+(a) } AS derives",
						Map.of("child", child, "ancestor", ancestor))
				.single()
				.get("derives")
				.asBoolean();
		}
	}

	String post(String query, Map<String, Object> variables) {
		return GraphQlClient.post(this.port, query, variables);
	}

	String post(String query) {
		return GraphQlClient.post(this.port, query);
	}

	static void assertNoErrors(String body) {
		assertThat(body).doesNotContain("\"errors\"");
	}

}
