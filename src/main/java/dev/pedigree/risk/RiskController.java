package dev.pedigree.risk;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;

import dev.pedigree.graphql.CuratorAccess;
import dev.pedigree.graphql.Cursors;
import dev.pedigree.graphql.InvalidInputException;
import dev.pedigree.graphql.Limits;
import dev.pedigree.graphql.RelayConnection;
import dev.pedigree.lineage.Derivation;
import dev.pedigree.lineage.LineageQueries;
import dev.pedigree.lineage.ModelView;
import dev.pedigree.lineage.OrganizationView;
import dev.pedigree.regulation.RegulatoryRole;
import dev.pedigree.storage.CypherQueries;
import dev.pedigree.storage.Graph;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class RiskController {

	private final LiabilityTracing tracing;

	private final RiskRecords records;

	private final LineageQueries lineage;

	private final Graph graph;

	private final CypherQueries cypher;

	private final Limits limits;

	RiskController(LiabilityTracing tracing, RiskRecords records, LineageQueries lineage, Graph graph,
			CypherQueries cypher, Limits limits) {
		this.tracing = tracing;
		this.records = records;
		this.lineage = lineage;
		this.graph = graph;
		this.cypher = cypher;
		this.limits = limits;
	}

	@QueryMapping
	LiabilityTrace liabilityTrace(@Argument String modelId, @Argument String asOf) {
		return this.tracing.trace(modelId, date(asOf));
	}

	@SchemaMapping(typeName = "Model")
	List<RegulatoryRole> obligations(ModelView model, @Argument String jurisdiction, @Argument String asOf) {
		return this.tracing.obligations(model.id(), date(asOf), jurisdiction);
	}

	@QueryMapping
	RelayConnection<ExposureEntry> upstreamExposure(@Argument String foundationId, @Argument Integer first,
			@Argument String after) {
		int size = this.limits.pageSize(first);
		long offset = Cursors.after(after);
		Map<String, Object> params = new HashMap<>();
		params.put("id", foundationId);
		params.put("offset", offset);
		params.put("limit", size + 1);
		var rows = this.graph.read(this.cypher.get("risk/upstream-exposure"), params, r -> {
			ModelView model = ModelView.from(r.get("model").asNode());
			return new ExposureEntry(model, r.get("depth").asInt(), r.get("path").asList(v -> v.asString()),
					Derivation.from(r.get("via").asRelationship(), model.id(), r.get("parentId").asString()),
					r.get("organizationId").isNull() ? null : r.get("organizationId").asString(), model.downloads());
		});
		return RelayConnection.of(rows, offset, size, () -> this.graph
			.read(this.cypher.get("risk/upstream-exposure-count"), Map.of("id", foundationId)).get(0).get("total")
			.asInt(), () -> false);
	}

	@SchemaMapping(typeName = "ExposureConnection", field = "totalCount")
	int exposureTotal(RelayConnection<?> connection) {
		return connection.total().get();
	}

	@SchemaMapping(typeName = "ExposureEntry", field = "organization")
	OrganizationView exposureOrganization(ExposureEntry entry) {
		return entry.organizationId() == null ? null
				: this.lineage.organizations(List.of(entry.organizationId())).get(entry.organizationId());
	}

	@MutationMapping
	Finding recordRiskFinding(@Argument RiskRecords.FindingInput input, GraphQLContext context) {
		CuratorAccess.require(context);
		return this.records.record(input, false);
	}

	@MutationMapping
	Finding recordIncident(@Argument RiskRecords.FindingInput input, GraphQLContext context) {
		CuratorAccess.require(context);
		return this.records.record(input, true);
	}

	private static LocalDate date(String asOf) {
		if (asOf == null) {
			return LocalDate.now();
		}
		try {
			return LocalDate.parse(asOf);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidInputException("asOf", "asOf must be YYYY-MM-DD, was '" + asOf + "'");
		}
	}

}
