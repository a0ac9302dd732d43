package dev.pedigree.risk;

import java.time.LocalDate;
import java.util.List;

import dev.pedigree.common.Page;
import dev.pedigree.lineage.LineageQueries;
import dev.pedigree.lineage.ModelView;
import dev.pedigree.lineage.OrganizationView;
import dev.pedigree.regulation.RegulatoryRole;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class RiskController {

	private final LiabilityTracing tracing;

	private final RiskRecords records;

	private final UpstreamExposure exposure;

	private final LineageQueries lineage;

	RiskController(LiabilityTracing tracing, RiskRecords records, UpstreamExposure exposure, LineageQueries lineage) {
		this.tracing = tracing;
		this.records = records;
		this.exposure = exposure;
		this.lineage = lineage;
	}

	@QueryMapping
	LiabilityTrace liabilityTrace(@Argument String modelId, @Argument LocalDate asOf) {
		return this.tracing.trace(modelId, today(asOf));
	}

	@SchemaMapping(typeName = "Model")
	List<RegulatoryRole> obligations(ModelView model, @Argument String jurisdiction, @Argument LocalDate asOf) {
		return this.tracing.obligations(model.id(), today(asOf), jurisdiction);
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
