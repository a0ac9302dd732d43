package dev.pedigree.risk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.commons.csv.CSVFormat;
import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.databind.json.JsonMapper;

import dev.pedigree.common.InvalidInputException;
import dev.pedigree.lineage.Derivation;
import dev.pedigree.lineage.ModelView;
import dev.pedigree.lineage.PointInTime;
import dev.pedigree.regulation.Figure;
import dev.pedigree.regulation.Obligation;
import dev.pedigree.regulation.ParameterCounts;
import dev.pedigree.regulation.Quantities;
import dev.pedigree.regulation.RegulatoryRole;
import dev.pedigree.regulation.RuleSet;
import dev.pedigree.regulation.RuleSets;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * A liability trace as a document an investigator can cite: the same content as JSON
 * (canonicalised per RFC 8785, whose SHA-256 every format prints so a citation can be
 * checked), Markdown, HTML and PDF.
 */
@Service
public class LiabilityReports {

	static final String NOTICE = "This report applies rule sets to the facts recorded in the graph. It is not legal "
			+ "advice: the rules' indicative criteria are rebuttable, the figures are the sources' estimates, and only "
			+ "the courts give an authoritative reading of the law.";

	private final LiabilityTracing tracing;

	private final RuleSets ruleSets;

	private final String version;

	private final Map<String, Map<String, String>> dataSources;

	private final JsonMapper json = JsonMapper.builder().build();

	LiabilityReports(LiabilityTracing tracing, RuleSets ruleSets, ObjectProvider<BuildProperties> build) {
		this.tracing = tracing;
		this.ruleSets = ruleSets;
		BuildProperties properties = build.getIfAvailable();
		this.version = properties == null ? "development build" : properties.getVersion();
		this.dataSources = loadDataSources();
	}

	/** The formats a report is rendered in. */
	public enum Format {

		JSON("application/json", "json"), MD("text/markdown; charset=UTF-8", "md"),
		HTML("text/html; charset=UTF-8", "html"), PDF("application/pdf", "pdf");

		public final String mediaType;

		public final String extension;

		Format(String mediaType, String extension) {
			this.mediaType = mediaType;
			this.extension = extension;
		}

		public static Format parse(String value) {
			for (Format f : values()) {
				if (f.name().equalsIgnoreCase(value)) {
					return f;
				}
			}
			throw new IllegalArgumentException("format must be one of md, html, pdf, json; was '" + value + "'");
		}

	}

	/** The report's canonical JSON and its SHA-256, with the trace it describes. */
	public record Report(LiabilityTrace trace, String canonicalJson, String sha256) {
	}

	/** The evaluation date a caller gives ({@code YYYY-MM-DD}), today when none. */
	public static LocalDate asOf(String asOf) {
		if (asOf == null || asOf.isBlank()) {
			return LocalDate.now();
		}
		try {
			return LocalDate.parse(asOf);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidInputException("asOf", "asOf must be YYYY-MM-DD, was '" + asOf + "'");
		}
	}

	/**
	 * The report as {@code GET /report/liability} and {@code pedigree report liability}
	 * both make it, so the two give the same bytes and hash for the same date: a date
	 * given ({@code YYYY-MM-DD}) applies its rules over the graph as it stood then
	 * (undated models counted in), as {@code liabilityTrace(asOf:)} does; none, today's
	 * rules over the graph as it is now.
	 */
	public Report build(String modelId, String asOf) {
		LocalDate date = asOf(asOf);
		return build(modelId, date, asOf == null || asOf.isBlank() ? PointInTime.NOW : new PointInTime(date, true));
	}

	/**
	 * The report with the rules of {@code asOf} over the graph as it stood at
	 * {@code graph}.
	 */
	public Report build(String modelId, LocalDate asOf, PointInTime graph) {
		LiabilityTrace trace = this.tracing.trace(modelId, asOf, graph);
		Map<String, Object> document = document(trace);
		try {
			String canonical = new JsonCanonicalizer(this.json.writeValueAsString(document)).getEncodedString();
			return new Report(trace, canonical, sha256(canonical));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public byte[] render(Report report, Format format) {
		return switch (format) {
			case JSON -> report.canonicalJson().getBytes(StandardCharsets.UTF_8);
			case MD -> markdown(report).getBytes(StandardCharsets.UTF_8);
			case HTML -> html(report).getBytes(StandardCharsets.UTF_8);
			case PDF -> pdf(html(report));
		};
	}

	private Map<String, Object> document(LiabilityTrace trace) {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("title", "Pedigree liability report");
		d.put("model", model(trace.model()));
		d.put("evaluationDate", trace.asOf());
		// The lineage read: the graph as it stood on a date, or as it is now (null).
		d.put("graphAsOf", trace.graph().asOf() == null ? null : trace.graph().asOf().toString());
		d.put("graphIncludesUndated", trace.graph().includeUndated());
		d.put("graphLeftOut", trace.leftOutByDate());
		d.put("graphDateBasis", trace.graph().asOf() == null ? null
				: "recorded release dates (Hub: repository creation; Epoch AI: publication); derivations, figures, "
						+ "licences and designations as recorded today");
		d.put("pedigreeVersion", this.version);
		d.put("ruleSets", ruleSets().stream().map(LiabilityReports::ruleSet).toList());
		d.put("dataSnapshot", sources(trace));
		List<Object> parties = new ArrayList<>();
		for (ResponsibleParty p : trace.parties()) {
			Map<String, Object> party = new LinkedHashMap<>();
			party.put("organization", withNulls("id", p.organization().id(), "name", p.organization().name(), "country",
					p.organization().country()));
			party.put("model", model(p.model()));
			party.put("depth", p.depth());
			party.put("madeBy", p.madeBy() == null ? null : derivation(p.madeBy()));
			party.put("via", p.via() == null ? null : derivation(p.via()));
			party.put("roles", p.roles().stream().map(LiabilityReports::role).toList());
			parties.add(party);
		}
		d.put("parties", parties);
		d.put("findings", trace.findings()
			.stream()
			.map(f -> withNulls("id", f.finding().id(), "kind", f.finding().kind(), "category", f.finding().category(),
					"severity", f.finding().severity(), "summary", f.finding().summary(), "recordedOn",
					f.recordedOn().id(), "path", f.path(), "source", f.finding().sourceUrl()))
			.toList());
		d.put("accountabilityGaps", trace.accountabilityGaps().stream().map(g -> {
			Map<String, Object> gap = new LinkedHashMap<>();
			gap.put("derivation", derivation(g.derivation()));
			gap.put("status", g.status());
			gap.put("downloads", g.downloads());
			gap.put("reason", g.reason());
			return gap;
		}).toList());
		d.put("notice", NOTICE);
		return d;
	}

	private List<RuleSet> ruleSets() {
		return this.ruleSets.jurisdictions().stream().map(this.ruleSets::get).toList();
	}

	private static Map<String, Object> ruleSet(RuleSet r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", r.id());
		m.put("jurisdiction", r.jurisdiction());
		m.put("name", r.name());
		m.put("version", r.version());
		m.put("guidelines", r.guidelines());
		m.put("sources", r.sources() == null ? List.of(r.source()) : r.sources());
		return m;
	}

	private List<Map<String, String>> sources(LiabilityTrace trace) {
		Set<String> used = new LinkedHashSet<>();
		trace.parties().forEach(p -> used.addAll(p.model().sources()));
		used.addAll(trace.model().sources());
		used.add("pedigree-seed"); // organisations, licences and revenues always come
									// from it
		return used.stream().sorted().map(s -> this.dataSources.getOrDefault(s, Map.of("source", s))).toList();
	}

	private static Map<String, Object> model(ModelView m) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("id", m.id());
		model.put("name", m.name());
		model.put("developer", m.developerId());
		model.put("releaseDate", m.releaseDate());
		model.put("trainingComputeFlop", m.trainingComputeFlop());
		model.put("trainingComputeSource", m.trainingCompute() == null ? null : m.trainingCompute().source());
		model.put("trainingComputeEstimated", m.trainingCompute() == null ? null : m.trainingCompute().estimated());
		model.put("parameters", m.parameters());
		// Where the count comes from: a count read from a name ("8x7B") is an estimate,
		// and an upper bound for a mixture of experts.
		model.put("parametersSource", m.parameterCount() == null ? null : m.parameterCount().source());
		model.put("parametersEstimated", m.parameterCount() == null ? null : m.parameterCount().estimated());
		model.put("parametersUpperBound", m.parameterCount() == null ? null : ParameterCounts.upperBound(m));
		model.put("license", m.license());
		model.put("access", m.access());
		model.put("sources", m.sources());
		model.put("url", m.sourceUrl());
		return model;
	}

	private static Map<String, Object> derivation(Derivation d) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("child", d.childId());
		m.put("parent", d.parentId());
		m.put("relation", d.relation().name());
		m.put("computeFlop", d.computeFlop());
		m.put("safetyEffect", d.safetyEffect().name());
		m.put("capabilityEffect", d.capabilityEffect().name());
		m.put("source", d.source());
		m.put("safetySource", d.safetySource());
		return m;
	}

	private static Map<String, Object> role(RegulatoryRole r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("jurisdiction", r.jurisdiction());
		m.put("role", r.role());
		m.put("basis", r.basis().name());
		m.put("ruleSet", r.ruleSet() + " (" + r.ruleSetVersion() + ")");
		m.put("reasons", r.reasons());
		m.put("figures", r.figures().stream().map(LiabilityReports::figure).toList());
		m.put("obligations", r.obligations().stream().map(LiabilityReports::obligation).toList());
		return m;
	}

	private static Map<String, Object> figure(Figure f) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", f.name());
		m.put("value", f.value());
		m.put("threshold", f.threshold());
		m.put("article", f.article());
		m.put("source", f.source());
		m.put("derived", f.derived());
		m.put("estimated", f.estimated());
		m.put("near", f.near());
		m.put("bound", f.bound());
		return m;
	}

	private static Map<String, Object> obligation(Obligation o) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", o.id());
		m.put("article", o.article());
		m.put("summary", o.summary());
		m.put("appliesFrom", o.appliesFrom());
		m.put("enforceableFrom", o.enforceableFrom());
		m.put("inForce", o.inForce());
		m.put("scope", o.scope());
		m.put("note", o.note());
		return m;
	}

	/**
	 * One role of a party (or of a model without one): verdict, reasons, figures, duties.
	 */
	private static void markdownRole(StringBuilder md, RegulatoryRole r) {
		md.append("**")
			.append(r.jurisdiction())
			.append(": ")
			.append(r.role())
			.append("** (basis ")
			.append(r.basis())
			.append(")\n\n");
		r.reasons().forEach(reason -> md.append("- ").append(reason).append('\n'));
		if (!r.figures().isEmpty()) {
			md.append("\n| figure | value | threshold | article | source |\n|---|---|---|---|---|\n");
			for (Figure f : r.figures()) {
				md.append("| ")
					.append(cell(f.name()))
					.append(" | ")
					.append(value(f))
					.append(" | ")
					.append(f.print(f.threshold()))
					.append(" | ")
					.append(cell(f.article()))
					.append(" | ")
					.append(cell(f.source() == null ? "" : f.source()))
					.append(" |\n");
			}
		}
		if (!r.obligations().isEmpty()) {
			md.append(
					"\n| duty | article | applies from | fines from | in force | note |\n|---|---|---|---|---|---|\n");
			for (Obligation o : r.obligations()) {
				md.append("| ")
					.append(cell(o.summary()))
					.append(" | ")
					.append(cell(o.article()))
					.append(" | ")
					.append(orEmpty(o.appliesFrom()))
					.append(" | ")
					.append(orEmpty(o.enforceableFrom()))
					.append(" | ")
					.append(o.inForce() ? "yes" : "no")
					.append(" | ")
					.append(cell(orEmpty(o.note())))
					.append(" |\n");
			}
		}
		md.append('\n');
	}

	/** {@link #markdownRole} in HTML. */
	private static void htmlRole(StringBuilder h, RegulatoryRole r) {
		h.append("<p class=\"role\">")
			.append(esc(r.jurisdiction()))
			.append(": ")
			.append(esc(r.role()))
			.append(" (basis ")
			.append(r.basis())
			.append(")</p><ul>");
		r.reasons().forEach(reason -> h.append("<li>").append(esc(reason)).append("</li>"));
		h.append("</ul>");
		if (!r.figures().isEmpty()) {
			h.append(
					"<table><tr><th style=\"width: 26%\">figure</th><th style=\"width: 15%\">value</th><th style=\"width: 9%\">threshold</th><th style=\"width: 17%\">article</th><th style=\"width: 33%\">source</th></tr>");
			for (Figure f : r.figures()) {
				h.append("<tr><td>")
					.append(esc(f.name()))
					.append("</td><td>")
					.append(esc(value(f)))
					.append("</td><td>")
					.append(esc(f.print(f.threshold())))
					.append("</td><td>")
					.append(esc(orEmpty(f.article())))
					.append("</td><td>")
					.append(esc(orEmpty(f.source())))
					.append("</td></tr>");
			}
			h.append("</table>");
		}
		if (!r.obligations().isEmpty()) {
			h.append(
					"<table><tr><th style=\"width: 34%\">duty</th><th style=\"width: 12%\">article</th><th style=\"width: 10%\">applies from</th><th style=\"width: 10%\">fines from</th><th style=\"width: 6%\">in force</th><th style=\"width: 28%\">note</th></tr>");
			for (Obligation o : r.obligations()) {
				h.append("<tr><td>")
					.append(esc(o.summary()))
					.append("</td><td>")
					.append(esc(o.article()))
					.append("</td><td>")
					.append(esc(orEmpty(o.appliesFrom())))
					.append("</td><td>")
					.append(esc(orEmpty(o.enforceableFrom())))
					.append("</td><td>")
					.append(o.inForce() ? "yes" : "no")
					.append("</td><td>")
					.append(esc(orEmpty(o.note())))
					.append("</td></tr>");
			}
			h.append("</table>");
		}
	}

	// ---- Markdown -------------------------------------------------------------------

	private String markdown(Report report) {
		LiabilityTrace t = report.trace();
		var md = new StringBuilder();
		md.append("# Liability report: ").append(t.model().id()).append("\n\n");
		md.append("- Evaluated as of **").append(t.asOf()).append("** by Pedigree ").append(this.version).append('\n');
		if (t.graph().asOf() != null) {
			md.append("- Lineage: today's records, limited to models whose recorded release date (Hub: repository "
					+ "creation; Epoch AI: publication) is on or before **")
				.append(t.graph().asOf())
				.append("**; findings dated later left out; undated models ")
				.append(t.graph().includeUndated() ? "counted in" : "left out")
				.append("; derivations, figures, licences and designations as recorded today\n");
			t.leftOutByDate().forEach(note -> md.append("  - ").append(note).append('\n'));
		}
		md.append("- SHA-256 of the canonical JSON (RFC 8785): `").append(report.sha256()).append("`\n");
		md.append("- Traced model: ").append(describe(t.model())).append("\n\n");
		md.append("> ").append(NOTICE).append("\n\n");
		md.append("## Parties\n\n");
		if (t.parties().isEmpty()) {
			md.append("No developer is recorded for any model of this chain (see the models below).\n\n");
		}
		for (ResponsibleParty p : t.parties()) {
			md.append("### ").append(p.organization().name()).append(" — ").append(p.model().id()).append("\n\n");
			md.append("- Depth ").append(p.depth()).append(p.depth() == 0 ? " (the traced model)" : "").append('\n');
			if (p.madeBy() != null) {
				md.append("- Made by: ").append(act(p.madeBy())).append('\n');
			}
			md.append('\n');
			p.roles().forEach(r -> markdownRole(md, r));
		}
		if (!t.unattributed().isEmpty()) {
			md.append("## Models without a recorded developer\n\n");
			for (UnattributedModel u : t.unattributed()) {
				md.append("### ")
					.append(u.model().id())
					.append("\n\n- Depth ")
					.append(u.depth())
					.append(u.depth() == 0 ? " (the traced model)" : "")
					.append("\n\n");
				u.roles().forEach(r -> markdownRole(md, r));
			}
		}
		md.append("## Accountability gap\n\n");
		if (t.accountabilityGaps().isEmpty()) {
			md.append("No derivation in this chain removed or degraded safety or increased capability outside every "
					+ "duty.\n\n");
		}
		t.accountabilityGaps()
			.forEach(g -> md.append("- **")
				.append(g.status())
				.append("** (")
				.append(g.downloads() == null ? "downloads unknown" : g.downloads() + " downloads")
				.append("): ")
				.append(g.reason())
				.append('\n'));
		md.append("\n## Inherited findings\n\n");
		if (t.findings().isEmpty()) {
			md.append("None recorded on the model or its ancestors.\n");
		}
		t.findings()
			.forEach(f -> md.append("- ")
				.append(f.finding().category())
				.append(" (")
				.append(f.finding().kind())
				.append(") on ")
				.append(f.recordedOn().id())
				.append(": ")
				.append(orEmpty(f.finding().summary()))
				.append(f.finding().sourceUrl() == null ? "" : " — " + f.finding().sourceUrl())
				.append('\n'));
		md.append("\n## Rule sets\n\n");
		for (RuleSet r : ruleSets()) {
			md.append("- ")
				.append(r.name())
				.append(" — version ")
				.append(r.version())
				.append(", ")
				.append(r.source())
				.append('\n');
			if (r.guidelines() != null) {
				md.append("  - read with ").append(r.guidelines()).append('\n');
			}
		}
		md.append("\n## Data snapshot\n\n");
		for (Map<String, String> s : sources(t)) {
			md.append("- ")
				.append(s.getOrDefault("name", s.get("source")))
				.append(" (")
				.append(s.getOrDefault("snapshot", "date unknown"))
				.append(")")
				.append(s.get("url") == null || s.get("url").isBlank() ? "" : ", " + s.get("url"))
				.append(s.get("licence") == null ? "" : ", licence: " + s.get("licence"))
				.append('\n');
		}
		md.append("\nVerify this report: `curl '…/report/liability?model=")
			.append(t.model().id())
			.append("&asOf=")
			.append(t.asOf())
			.append("&format=json' | sha256sum` prints the hash above while the graph is unchanged.\n");
		return md.toString();
	}

	// ---- HTML and PDF -----------------------------------------------------------------

	private String html(Report report) {
		LiabilityTrace t = report.trace();
		var h = new StringBuilder();
		h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\" />")
			.append("<title>Liability report: ")
			.append(esc(t.model().id()))
			.append("</title><style>")
			.append("@page { size: A4; margin: 18mm 15mm; @bottom-right { content: 'page ' counter(page) ' of ' counter(pages); font-size: 8pt; } }")
			.append("body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; line-height: 1.35; color: #111; }")
			.append("h1 { font-size: 16pt; margin: 0 0 6pt 0; } h2 { font-size: 12pt; border-bottom: 1px solid #999; margin-top: 14pt; }")
			.append("h3 { font-size: 10.5pt; margin: 10pt 0 4pt 0; } .role { font-weight: bold; margin-top: 6pt; }")
			.append("table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 4pt 0; -fs-table-paginate: paginate; }")
			.append("th, td { border: 1px solid #bbb; padding: 2pt 3pt; vertical-align: top; text-align: left; font-size: 7.5pt; word-wrap: break-word; }")
			.append("th { background: #eee; } .notice { border-left: 3px solid #c60; padding: 4pt 8pt; background: #fff6ee; }")
			.append(".hash { font-family: 'DejaVu Sans', monospace; font-size: 7.5pt; word-wrap: break-word; } ul { margin: 2pt 0; padding-left: 14pt; }")
			.append("</style></head><body>");
		h.append("<h1>Liability report: ").append(esc(t.model().id())).append("</h1>");
		h.append("<p>Evaluated as of <b>")
			.append(esc(t.asOf()))
			.append("</b> by Pedigree ")
			.append(esc(this.version))
			.append(".<br />Traced model: ")
			.append(esc(describe(t.model())))
			.append("</p>");
		h.append("<p class=\"hash\">SHA-256 of the canonical JSON (RFC 8785): ").append(report.sha256()).append("</p>");
		h.append("<p class=\"notice\">").append(esc(NOTICE)).append("</p>");
		h.append("<h2>Parties</h2>");
		if (t.parties().isEmpty()) {
			h.append("<p>No developer is recorded for any model of this chain (see the models below).</p>");
		}
		for (ResponsibleParty p : t.parties()) {
			h.append("<h3>")
				.append(esc(p.organization().name()))
				.append(" — ")
				.append(esc(p.model().id()))
				.append("</h3>");
			h.append("<p>Depth ").append(p.depth()).append(p.depth() == 0 ? " (the traced model)" : "");
			if (p.madeBy() != null) {
				h.append(". Made by: ").append(esc(act(p.madeBy())));
			}
			h.append("</p>");
			p.roles().forEach(r -> htmlRole(h, r));
		}
		if (!t.unattributed().isEmpty()) {
			h.append("<h2>Models without a recorded developer</h2>");
			for (UnattributedModel u : t.unattributed()) {
				h.append("<h3>")
					.append(esc(u.model().id()))
					.append("</h3><p>Depth ")
					.append(u.depth())
					.append(u.depth() == 0 ? " (the traced model)" : "")
					.append("</p>");
				u.roles().forEach(r -> htmlRole(h, r));
			}
		}
		h.append("<h2>Accountability gap</h2>");
		if (t.accountabilityGaps().isEmpty()) {
			h.append(
					"<p>No derivation in this chain removed or degraded safety or increased capability outside every duty.</p>");
		}
		else {
			h.append("<ul>");
			t.accountabilityGaps()
				.forEach(g -> h.append("<li><b>")
					.append(g.status())
					.append("</b> (")
					.append(g.downloads() == null ? "downloads unknown" : g.downloads() + " downloads")
					.append("): ")
					.append(esc(g.reason()))
					.append("</li>"));
			h.append("</ul>");
		}
		h.append("<h2>Inherited findings</h2>");
		if (t.findings().isEmpty()) {
			h.append("<p>None recorded on the model or its ancestors.</p>");
		}
		else {
			h.append("<ul>");
			t.findings()
				.forEach(f -> h.append("<li>")
					.append(esc(f.finding().category()))
					.append(" on ")
					.append(esc(f.recordedOn().id()))
					.append(": ")
					.append(esc(orEmpty(f.finding().summary())))
					.append("</li>"));
			h.append("</ul>");
		}
		h.append("<h2>Rule sets</h2><ul>");
		for (RuleSet r : ruleSets()) {
			h.append("<li>")
				.append(esc(r.name()))
				.append(" — version ")
				.append(esc(r.version()))
				.append(", ")
				.append(esc(r.source()));
			if (r.guidelines() != null) {
				h.append("; read with ").append(esc(r.guidelines()));
			}
			h.append("</li>");
		}
		h.append("</ul><h2>Data snapshot</h2><ul>");
		for (Map<String, String> s : sources(t)) {
			h.append("<li>")
				.append(esc(s.getOrDefault("name", s.get("source"))))
				.append(" (")
				.append(esc(s.getOrDefault("snapshot", "date unknown")))
				.append(")")
				.append(s.get("url") == null || s.get("url").isBlank() ? "" : ", " + esc(s.get("url")))
				.append(s.get("licence") == null ? "" : ", licence: " + esc(s.get("licence")))
				.append("</li>");
		}
		h.append("</ul></body></html>");
		return h.toString();
	}

	private static byte[] pdf(String html) {
		var out = new ByteArrayOutputStream();
		try {
			var builder = new PdfRendererBuilder();
			builder.useFastMode();
			// An embedded font that covers every character the reasons use (≤, §, –, ←,
			// ·).
			builder.useFont(() -> LiabilityReports.class.getResourceAsStream("/fonts/DejaVuSans.ttf"), "DejaVu Sans",
					400, BaseRendererBuilder.FontStyle.NORMAL, true);
			builder.useFont(() -> LiabilityReports.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"),
					"DejaVu Sans", 700, BaseRendererBuilder.FontStyle.NORMAL, true);
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	// ---- helpers ----------------------------------------------------------------------

	private static String describe(ModelView m) {
		return m.id() + (m.developerId() == null ? "" : ", developer " + m.developerId())
				+ (m.releaseDate() == null ? "" : ", released " + m.releaseDate())
				+ (m.trainingCompute() == null ? ""
						: ", training compute " + Quantities.power(m.trainingComputeFlop()) + " FLOP ("
								+ (m.trainingCompute().estimated() ? "estimated" : "reported") + ", source "
								+ m.trainingCompute().source() + ")")
				+ (m.parameterCount() == null ? "" : ", " + ParameterCounts.describe(m))
				+ (m.license() == null ? "" : ", licence " + m.license())
				+ (m.sourceUrl() == null ? "" : " (" + m.sourceUrl() + ")");
	}

	private static String act(Derivation d) {
		return d.relation() + " of " + d.parentId()
				+ (d.computeFlop() == null ? "" : ", " + Quantities.power(d.computeFlop()) + " FLOP")
				+ (d.safetyEffect().name().equals("UNKNOWN") ? "" : ", safety " + d.safetyEffect())
				+ (d.capabilityEffect().name().equals("UNKNOWN") ? "" : ", capability " + d.capabilityEffect())
				+ (d.source() == null ? "" : " (source: " + d.source() + ")");
	}

	private static String value(Figure f) {
		if (f.value() == null) {
			return "unknown" + (f.bound() == null ? "" : " — " + f.bound());
		}
		List<String> notes = new ArrayList<>();
		if (f.derived()) {
			notes.add("derived");
		}
		if (f.estimated()) {
			notes.add("estimate");
		}
		if (f.near()) {
			notes.add("near the threshold");
		}
		return f.print(f.value()) + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
	}

	private static String cell(String text) {
		return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
	}

	private static String esc(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}

	/**
	 * Keys and values in order; an unknown value stays null, as GraphQL gives it (an
	 * empty string would read as a recorded one).
	 */
	private static Map<String, Object> withNulls(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Map<String, String>> loadDataSources() {
		Map<String, Map<String, String>> sources = new LinkedHashMap<>();
		try (var in = new InputStreamReader(new ClassPathResource("seed-data/data-sources.csv").getInputStream(),
				StandardCharsets.UTF_8)) {
			for (var r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
				sources.put(r.get("source"), new LinkedHashMap<>(r.toMap()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return sources;
	}

}
