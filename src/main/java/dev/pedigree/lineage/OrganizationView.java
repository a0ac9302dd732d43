package dev.pedigree.lineage;

import java.util.List;

import org.neo4j.driver.types.Node;

/** A developer: company, lab, university or individual. */
public record OrganizationView(String id, String name, List<String> aliases, String kind, String country,
		Double annualRevenueUsd, String revenueSource, List<String> sources) {

	public static OrganizationView from(Node node) {
		return new OrganizationView(node.get("id").asString(),
				ModelView.string(node.get("name"), node.get("id").asString()), ModelView.strings(node.get("aliases")),
				ModelView.string(node.get("kind"), null), ModelView.string(node.get("country"), null),
				ModelView.number(node.get("annualRevenueUsd")), ModelView.string(node.get("revenueSource"), null),
				ModelView.strings(node.get("sources")));
	}

}
