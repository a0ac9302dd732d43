package dev.pedigree;

import java.util.regex.Pattern;

/**
 * A curator's writes over GraphQL, each checked to have been taken, and how often the
 * server has run a statement: what tests of kept answers write and count.
 */
public final class Curation {

	private static final Pattern QUERY_COUNT = Pattern
		.compile("(?m)^pedigree_db_queries_seconds_count\\{([^}]*)\\} (\\S+)$");

	private Curation() {
	}

	/** Registers (or describes again) a model with that name. */
	public static void register(int port, String id, String name) {
		GraphQlClient.curator(port)
			.document("mutation($id: ID!, $name: String!) { registerModel(input: {id: $id, name: $name}) { id } }")
			.variable("id", id)
			.variable("name", name)
			.execute()
			.path("registerModel.id")
			.entity(String.class)
			.isEqualTo(id);
	}

	/**
	 * Imports {@code content} in {@code format} (e.g. HF_EDGES), checked to reject
	 * nothing.
	 */
	public static void importRecords(int port, String format, String content) {
		GraphQlClient.curator(port)
			.document("mutation($format: ImportFormat!, $content: String!) { importRecords(format: $format, "
					+ "content: $content) { rejected { reason } } }")
			.variable("format", format)
			.variable("content", content)
			.execute()
			.path("importRecords.rejected")
			.entityList(Object.class)
			.hasSize(0);
	}

	/** Records that {@code child} is a fine-tune of {@code parent}. */
	public static void derive(int port, String child, String parent) {
		GraphQlClient.curator(port)
			.document("mutation($child: ID!, $parent: ID!) { recordDerivation(input: "
					+ "{childId: $child, parentIds: [$parent], relation: FINETUNE}) { relation } }")
			.variable("child", child)
			.variable("parent", parent)
			.execute()
			.path("recordDerivation")
			.entityList(Object.class)
			.hasSize(1);
	}

	/** The ids of {@code id}'s parents, as a client reads them. */
	public static java.util.List<String> parentsOf(int port, String id) {
		return GraphQlClient.anonymous(port)
			.document("query($id: ID!) { model(id: $id) { parents { parent { id } } } }")
			.variable("id", id)
			.execute()
			.path("model.parents[*].parent.id")
			.entityList(String.class)
			.get();
	}

	/** Retracts the derivation of {@code child} from {@code parent}. */
	public static void retract(int port, String child, String parent) {
		GraphQlClient.curator(port)
			.document("mutation($child: ID!, $parent: ID!) { retractDerivation(childId: $child, parentId: $parent, "
					+ "reason: \"test\") { childId } }")
			.variable("child", child)
			.variable("parent", parent)
			.execute()
			.path("retractDerivation.childId")
			.entity(String.class)
			.isEqualTo(child);
	}

	/**
	 * How often the server has run the Cypher file {@code query} (e.g.
	 * {@code lineage/ancestors}) so far, from its metrics.
	 */
	public static double statementsRun(int port, String query) {
		String metrics = GraphQlClient.metrics(port);
		var matcher = QUERY_COUNT.matcher(metrics);
		double sum = 0;
		while (matcher.find()) {
			if (matcher.group(1).contains("query=\"" + query + "\"")) {
				sum += Double.parseDouble(matcher.group(2));
			}
		}
		return sum;
	}

}
