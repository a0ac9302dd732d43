package dev.pedigree.graphql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import dev.pedigree.GraphQlClient;
import dev.pedigree.PedigreeServerTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lineage shapes the benchmarks ask, over HTTP on the seeded graph: their lists of
 * entries are completed in one pass ({@link PlainSubtrees}), and the answer is the one
 * field by field gives (the same document with an {@code @include(if: true)} deep inside,
 * which keeps every subtree above it field by field).
 */
@PedigreeServerTest
class PlainSubtreesHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	PlainSubtrees.Strategy strategy;

	@Autowired
	Driver driver;

	private static final String DESCENDANTS = """
			{ model(id: "google/gemma-7b") { id descendants(first: 5) { totalCount
			  edges { cursor node { depth ...Entry } } pageInfo { hasNextPage endCursor } } } }
			fragment Entry on LineageEntry { __typename m: model { id name license } model { id } }
			""";

	@Test
	void a_page_of_descendants_is_completed_in_one_pass_with_the_same_answer() {
		String plain = answerInOnePass(DESCENDANTS);
		assertThat(plain).contains("\"totalCount\"").contains("\"__typename\":\"LineageEntry\"").contains("\"m\":{");
		String fieldByField = GraphQlClient.postAnonymous(this.port,
				DESCENDANTS.replace("license }", "license @include(if: true) }"));
		assertThat(plain).isEqualTo(fieldByField);
	}

	@Test
	void ancestors_and_parents_are_completed_in_one_pass_with_the_same_answer() {
		Matcher first = Pattern.compile("\"m\":\\{\"id\":\"([^\"]+)\"").matcher(answerInOnePass(DESCENDANTS));
		assertThat(first.find()).isTrue();
		String ancestors = "{ model(id: \"" + first.group(1)
				+ "\") { ancestors { depth model { id name } via { relation } } } }";
		String plain = answerInOnePass(ancestors);
		assertThat(plain).contains("\"google/gemma-7b\"");
		assertThat(plain).isEqualTo(
				GraphQlClient.postAnonymous(this.port, ancestors.replace("name }", "name @include(if: true) }")));
		String parents = "{ model(id: \"" + first.group(1) + "\") { parents { relation parent { id name } } } }";
		String plainParents = answerInOnePass(parents);
		assertThat(plainParents).contains("\"relation\"");
		assertThat(plainParents)
			.isEqualTo(GraphQlClient.postAnonymous(this.port, parents.replace("name }", "name @include(if: true) }")));
	}

	/**
	 * A merge's parents, planned with their model: the whole list is one subtree
	 * completed in one pass (each parent's model travels with its derivation), not one
	 * pass per parent's model below a list completed field by field.
	 */
	@Test
	void a_merges_parents_are_one_subtree_completed_in_one_pass() {
		String merge = this.driver.executableQuery("""
				MATCH (m:Model)-[:DERIVED_FROM]->(p:Model) WITH m, count(p) AS parents WHERE parents >= 2
				RETURN m.id AS id ORDER BY id LIMIT 1""").execute().records().get(0).get("id").asString();
		String parents = "{ model(id: \"" + merge + "\") { parents { relation parent { id name } } } }";
		long before = this.strategy.completedInOnePass();
		String plain = GraphQlClient.postAnonymous(this.port, parents);
		assertThat(this.strategy.completedInOnePass() - before).as("subtrees completed in one pass").isEqualTo(1);
		assertThat(plain).doesNotContain("\"errors\"");
		assertThat(Pattern.compile("\"parent\":\\{\"id\":").matcher(plain).results().count()).isGreaterThanOrEqualTo(2);
		assertThat(plain)
			.isEqualTo(GraphQlClient.postAnonymous(this.port, parents.replace("name }", "name @include(if: true) }")));
	}

	/**
	 * Derivations listed without their parents' models (a page of children) load each
	 * parent: the fetcher asks for its environment, the one pass is abandoned and the
	 * answer is field by field's; the field place is then field by field for the next
	 * request of the document, with no pass begun and abandoned again.
	 */
	@Test
	void a_derivation_without_its_parents_model_loads_it() {
		String children = "{ model(id: \"google/gemma-7b\") { children(first: 3) { edges { node { relation "
				+ "parent { id name } } } } } }";
		long before = this.strategy.abandonedForEnvironment();
		String answer = GraphQlClient.postAnonymous(this.port, children);
		long abandoned = this.strategy.abandonedForEnvironment() - before;
		assertThat(abandoned).as("one passes abandoned for the environment").isPositive();
		assertThat(answer).doesNotContain("\"errors\"").contains("\"parent\":{\"id\":\"google/gemma-7b\"");
		assertThat(GraphQlClient.postAnonymous(this.port, children)).isEqualTo(answer);
		assertThat(this.strategy.abandonedForEnvironment() - before).as("abandoned again").isEqualTo(abandoned);
		assertThat(answer)
			.isEqualTo(GraphQlClient.postAnonymous(this.port, children.replace("name }", "name @include(if: true) }")));
	}

	private String answerInOnePass(String document) {
		long before = this.strategy.completedInOnePass();
		String answer = GraphQlClient.postAnonymous(this.port, document);
		assertThat(answer).doesNotContain("\"errors\"");
		assertThat(this.strategy.completedInOnePass()).as("subtrees completed in one pass").isGreaterThan(before);
		return answer;
	}

}
