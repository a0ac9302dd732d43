package dev.pedigree.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves developer names from any source (Hub accounts, Epoch AI names, Ecosystem
 * Graphs names) to one organisation id through the aliases already in the graph; unknown
 * names become new organisations ({@link #newOrganizations()}, for
 * {@link LineageWrites#organizations}). Made by
 * {@link LineageWrites#organizationDirectory()}.
 */
public final class OrganizationDirectory {

	private final Map<String, String> idByAlias = new HashMap<>();

	private final List<OrganizationFacts> created = new ArrayList<>();

	private int taken;

	OrganizationDirectory(List<org.neo4j.driver.Record> known) {
		for (var r : known) {
			String id = r.get("id").asString();
			register(id, id);
			if (!r.get("name").isNull()) {
				register(r.get("name").asString(), id);
			}
			r.get("aliases").asList(v -> v.asString()).forEach(a -> register(a, id));
		}
	}

	private void register(String name, String id) {
		this.idByAlias.putIfAbsent(Slugs.aliasKey(name), id);
	}

	/**
	 * @return the organisation id for {@code name}, creating one (to be written) when it
	 * is new
	 */
	public String resolve(String name, String kind, String country, String source) {
		String key = Slugs.aliasKey(name.strip());
		String id = this.idByAlias.get(key);
		if (id != null) {
			return id;
		}
		id = Slugs.slug(name);
		// Two different names may slug alike ("AT&T" and "AT T"); they are the same
		// organisation by that rule.
		register(name, id);
		this.created.add(OrganizationFacts.named(id, name.strip(), kind, country, List.of(name.strip()), source));
		return id;
	}

	public List<OrganizationFacts> newOrganizations() {
		return this.created;
	}

	/**
	 * The organisations that became new since the last call: a chunk of an import writes
	 * those its records name first.
	 */
	public List<OrganizationFacts> takeNewOrganizations() {
		if (this.taken == this.created.size()) {
			return List.of();
		}
		var taking = List.copyOf(this.created.subList(this.taken, this.created.size()));
		this.taken = this.created.size();
		return taking;
	}

}
