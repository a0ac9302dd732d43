package dev.pedigree.ecosystem;

import java.time.LocalDate;
import java.util.List;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;

import dev.pedigree.lineage.PointInTime;

import dev.pedigree.lineage.DerivationSource;
import dev.pedigree.lineage.OrganizationView;

import dev.pedigree.common.ParallelFields;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
@ParallelFields
class EcosystemController {

	private final EcosystemAnalytics analytics;

	EcosystemController(EcosystemAnalytics analytics) {
		this.analytics = analytics;
	}

	/**
	 * The report, with its point in time handed down in the local context, so models
	 * listed in it (and their lineage fields) are read at the same date.
	 */
	@QueryMapping
	DataFetcherResult<EcosystemReport> ecosystem(@Argument String rootId, @Argument Integer maxDepth,
			@Argument List<DerivationSource> sources, @Argument LocalDate asOf, @Argument Boolean includeUndated) {
		PointInTime at = PointInTime.of(asOf, includeUndated);
		return at(this.analytics.report(rootId, maxDepth, sources, at), at);
	}

	@QueryMapping
	DataFetcherResult<EcosystemReport> familyReport(@Argument List<String> rootIds, @Argument Integer maxDepth,
			@Argument List<DerivationSource> sources, @Argument LocalDate asOf, @Argument Boolean includeUndated) {
		PointInTime at = PointInTime.of(asOf, includeUndated);
		return at(this.analytics.familyReport(rootIds, maxDepth, sources, at), at);
	}

	/** An answer with its point in time handed down to the fields below it. */
	private static <T> DataFetcherResult<T> at(T answer, PointInTime at) {
		return DataFetcherResult.<T>newResult().data(answer).localContext(at.now() ? null : at).build();
	}

	@SchemaMapping
	EcosystemAnalytics.ReportPointInTime pointInTime(EcosystemReport report) {
		return this.analytics.pointInTime(report);
	}

	@QueryMapping
	DataFetcherResult<List<EcosystemAnalytics.OrganizationStat>> topOrganizations(@Argument Integer first,
			@Argument String orderBy, @Argument List<DerivationSource> sources, @Argument LocalDate asOf,
			@Argument Boolean includeUndated) {
		PointInTime at = PointInTime.of(asOf, includeUndated);
		return at(this.analytics.topOrganizations(first, orderBy, sources, at), at);
	}

	/**
	 * Each foundation's report in the same request (a weekly report in one query); like
	 * every report its fields run only when selected, once per listed foundation.
	 */
	@SchemaMapping(typeName = "FoundationStat")
	EcosystemReport ecosystem(EcosystemAnalytics.FoundationStat foundation, @Argument Integer maxDepth,
			@Argument List<DerivationSource> sources, DataFetchingEnvironment environment) {
		// At the ranking's date, handed down from topFoundations(asOf:).
		PointInTime at = environment.getLocalContext() instanceof PointInTime p ? p : PointInTime.NOW;
		return this.analytics.report(List.of(foundation.model().id()), maxDepth, sources, at);
	}

	@QueryMapping
	DataFetcherResult<List<EcosystemAnalytics.FoundationStat>> topFoundations(@Argument Integer first,
			@Argument String orderBy, @Argument LocalDate asOf, @Argument Boolean includeUndated) {
		PointInTime at = PointInTime.of(asOf, includeUndated);
		return at(this.analytics.topFoundations(first, orderBy, at), at);
	}

	@SchemaMapping
	int totalDescendants(EcosystemReport report) {
		return report.summary().get().totalDescendants();
	}

	@SchemaMapping(field = "maxDepth")
	int reachedDepth(EcosystemReport report) {
		return report.summary().get().maxDepth();
	}

	@SchemaMapping
	int leaves(EcosystemReport report) {
		return report.summary().get().leaves();
	}

	@SchemaMapping
	int externalMerges(EcosystemReport report) {
		return report.summary().get().externalMerges();
	}

	@SchemaMapping
	List<EcosystemAnalytics.RelationCount> byRelation(EcosystemReport report) {
		return this.analytics.byRelation(report);
	}

	@SchemaMapping
	List<EcosystemAnalytics.DepthCount> byDepth(EcosystemReport report) {
		return this.analytics.byDepth(report);
	}

	@SchemaMapping
	List<EcosystemAnalytics.OrganizationCount> byOrganization(EcosystemReport report, @Argument Integer first) {
		return this.analytics.byOrganization(report, first);
	}

	@SchemaMapping
	List<EcosystemAnalytics.MonthCount> byMonth(EcosystemReport report) {
		return this.analytics.byMonth(report);
	}

	@SchemaMapping
	List<EcosystemAnalytics.Ranked> topByDownloads(EcosystemReport report, @Argument Integer first) {
		return this.analytics.topByDownloads(report, first);
	}

	@SchemaMapping
	List<EcosystemAnalytics.Ranked> topByChildren(EcosystemReport report, @Argument Integer first) {
		return this.analytics.topByChildren(report, first);
	}

	@SchemaMapping
	EcosystemAnalytics.LicenseDrift licenseDrift(EcosystemReport report, @Argument Integer first) {
		return this.analytics.licenseDrift(report, first);
	}

	@SchemaMapping(typeName = "LicenseDrift")
	EcosystemAnalytics.LicenseGaps unknownBecause(EcosystemAnalytics.LicenseDrift drift) {
		return this.analytics.licenseGaps(drift);
	}

	@SchemaMapping
	EcosystemAnalytics.Safety safety(EcosystemReport report) {
		return this.analytics.safety(report);
	}

	@BatchMapping(typeName = "Organization")
	List<EcosystemAnalytics.OrganizationRole> role(List<OrganizationView> organizations) {
		var byId = this.analytics.roles(organizations.stream().map(OrganizationView::id).distinct().toList());
		return organizations.stream()
			.map(o -> byId.getOrDefault(o.id(), new EcosystemAnalytics.OrganizationRole(0, 0, 0)))
			.toList();
	}

}
