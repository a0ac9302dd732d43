package dev.pedigree.risk;

import java.time.LocalDate;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;

import dev.pedigree.lineage.PointInTime;
import dev.pedigree.lineage.PointInTimeLineage;
import java.util.List;

import dev.pedigree.common.Page;
import dev.pedigree.lineage.LineageQueries;
import dev.pedigree.lineage.ModelLoader;
import dev.pedigree.lineage.ModelView;
import dev.pedigree.lineage.OrganizationView;
import dev.pedigree.regulation.RegulatoryRole;

import dev.pedigree.common.ParallelFields;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
@ParallelFields
class RiskController {

	private final LiabilityTracing tracing;

	private final RiskRecords records;

	private final UpstreamExposure exposure;

	private final LineageQueries lineage;

	private final PointInTimeLineage history;

	RiskController(LiabilityTracing tracing, RiskRecords records, UpstreamExposure exposure, LineageQueries lineage,
			PointInTimeLineage history) {
		this.tracing = tracing;
		this.records = records;
		this.exposure = exposure;
		this.lineage = lineage;
		this.history = history;
	}

	/**
	 * With {@code asOf}, the rules in force then over the graph as it stood then; the
	 * point in time is handed down so the models in the trace read their lineage at the
	 * same date. The derivations in the answer (a party's {@code via} and {@code madeBy},
	 * a gap's derivation) end at models the trace's statement read whole: their
	 * {@code parent} and {@code child} come from that read, not from a second statement.
	 */
	@QueryMapping
	DataFetcherResult<LiabilityTrace> liabilityTrace(@Argument String modelId, @Argument LocalDate asOf,
			@Argument Boolean includeUndated, DataFetchingEnvironment environment) {
		PointInTime graph = PointInTime.of(asOf, includeUndated);
		var trace = this.tracing.trace(modelId, today(asOf), graph);
		ModelLoader.known(environment, trace.models());
		return DataFetcherResult.<LiabilityTrace>newResult()
			.data(trace)
			.localContext(graph.now() ? null : graph)
			.build();
	}

	@SchemaMapping(typeName = "LiabilityTrace")
	PointInTimeLineage.Note pointInTime(LiabilityTrace trace) {
		return this.history.note(trace.model().id(), trace.graph());
	}

	/**
	 * Rules in force on {@code asOf}; else at the date the model was read at; else today.
	 */
	@SchemaMapping(typeName = "Model")
	List<RegulatoryRole> obligations(ModelView model, @Argument String jurisdiction, @Argument LocalDate asOf,
			DataFetchingEnvironment environment) {
		LocalDate date = asOf == null && environment.getLocalContext() instanceof PointInTime at ? at.asOf() : asOf;
		return this.tracing.obligations(model.id(), today(date), jurisdiction);
	}

	@QueryMapping
	Page<ExposureEntry> upstreamExposure(@Argument String foundationId, @Argument Integer first, @Argument String after,
			@Argument Boolean accountabilityGap) {
		if (Boolean.TRUE.equals(accountabilityGap)) {
			return this.exposure.accountabilityGaps(foundationId, first, after, LocalDate.now());
		}
		return this.exposure.of(foundationId, first, after);
	}

	@SchemaMapping(typeName = "ExposureEntry", field = "accountabilityGap")
	String exposureGap(ExposureEntry entry) {
		return this.exposure.gapStatus(entry, LocalDate.now());
	}

	@SchemaMapping(typeName = "ExposureEntry", field = "organization")
	OrganizationView exposureOrganization(ExposureEntry entry) {
		return entry.organizationId() == null ? null
				: this.lineage.organizations(List.of(entry.organizationId())).get(entry.organizationId());
	}

	@MutationMapping
	Finding recordRiskFinding(@Argument RiskRecords.FindingInput input) {
		return this.records.record(input, false);
	}

	@MutationMapping
	Finding recordIncident(@Argument RiskRecords.FindingInput input) {
		return this.records.record(input, true);
	}

	/** The date rules are evaluated at: {@code asOf}, else today. */
	private static LocalDate today(LocalDate asOf) {
		return asOf == null ? LocalDate.now() : asOf;
	}

}
