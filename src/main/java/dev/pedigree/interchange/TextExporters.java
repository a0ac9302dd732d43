package dev.pedigree.interchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The text formats: CSV edge list, GraphML, Mermaid, and JSON Lines (the whole-graph
 * backup).
 */
@Configuration(proxyBeanMethods = false)
class TextExporters {

	/**
	 * Columns of the edge list; the first three are what {@code import --format hf-edges}
	 * reads back.
	 */
	static final String[] CSV_COLUMNS = { "parent_id", "child_id", "relation", "source", "confidence", "computeFlop",
			"safetyEffect", "capabilityEffect", "incomplete" };

	@Bean
	Exporters.FamilyWriter csvExporter() {
		return new Exporters.FamilyWriter() {
			@Override
			public ExportFormat format() {
				return ExportFormat.CSV;
			}

			@Override
			public void write(Family family, OutputStream out) throws IOException {
				Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				try (CSVPrinter csv = new CSVPrinter(writer,
						CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS).setRecordSeparator('\n').get())) {
					for (Family.Edge e : family.derivations()) {
						csv.printRecord(e.parent(), e.child(), e.relation().toLowerCase(java.util.Locale.ROOT),
								e.properties().get("source"), e.properties().get("confidence"),
								e.properties().get("computeFlop"), e.properties().get("safetyEffect"),
								e.properties().get("capabilityEffect"), e.properties().get("incomplete"));
					}
				}
			}
		};
	}

	@Bean
	Exporters.FamilyWriter mermaidExporter() {
		return new Exporters.FamilyWriter() {
			@Override
			public ExportFormat format() {
				return ExportFormat.MERMAID;
			}

			@Override
			public void write(Family family, OutputStream out) throws IOException {
				Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				writer.write("%% Lineage exported by Pedigree; arrows point from parent to child\n");
				writer.write("graph TD\n");
				Map<String, String> node = new HashMap<>();
				for (Family.Member m : family.models()) {
					String key = "n" + node.size();
					node.put(m.id(), key);
					writer.write("  " + key + "[\"" + m.id().replace("\"", "#quot;") + "\"]\n");
				}
				for (Family.Edge e : family.derivations()) {
					String arrow = "REMOVED".equals(e.properties().get("safetyEffect")) ? " -.->" : " -->";
					writer.write("  " + node.get(e.parent()) + arrow + "|"
							+ e.relation().toLowerCase(java.util.Locale.ROOT) + "| " + node.get(e.child()) + "\n");
				}
				if (family.root() != null && node.containsKey(family.root())) {
					writer.write("  style " + node.get(family.root()) + " stroke-width:3px\n");
				}
				writer.flush();
			}
		};
	}

	@Bean
	Exporters.FamilyWriter graphMlExporter() {
		return new Exporters.FamilyWriter() {
			@Override
			public ExportFormat format() {
				return ExportFormat.GRAPHML;
			}

			@Override
			public void write(Family family, OutputStream out) throws IOException {
				try {
					XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
					xml.writeStartDocument("UTF-8", "1.0");
					xml.writeStartElement("graphml");
					xml.writeDefaultNamespace("http://graphml.graphdrawing.org/xmlns");
					Map<String, String[]> nodeKeys = new LinkedHashMap<>();
					nodeKeys.put("name", new String[] { "string" });
					nodeKeys.put("developerId", new String[] { "string" });
					nodeKeys.put("license", new String[] { "string" });
					nodeKeys.put("downloads", new String[] { "long" });
					nodeKeys.put("trainingComputeFlop", new String[] { "double" });
					nodeKeys.put("placeholder", new String[] { "boolean" });
					Map<String, String[]> edgeKeys = new LinkedHashMap<>();
					edgeKeys.put("relation", new String[] { "string" });
					edgeKeys.put("source", new String[] { "string" });
					edgeKeys.put("safetyEffect", new String[] { "string" });
					edgeKeys.put("computeFlop", new String[] { "double" });
					keys(xml, "node", nodeKeys);
					keys(xml, "edge", edgeKeys);
					xml.writeStartElement("graph");
					xml.writeAttribute("id", family.root() == null ? "pedigree" : family.root());
					xml.writeAttribute("edgedefault", "directed");
					for (Family.Member m : family.models()) {
						xml.writeStartElement("node");
						xml.writeAttribute("id", m.id());
						data(xml, "node", nodeKeys, m.properties());
						xml.writeEndElement();
					}
					int i = 0;
					for (Family.Edge e : family.derivations()) {
						xml.writeStartElement("edge");
						xml.writeAttribute("id", "e" + i++);
						xml.writeAttribute("source", e.parent());
						xml.writeAttribute("target", e.child());
						data(xml, "edge", edgeKeys, e.properties());
						xml.writeEndElement();
					}
					xml.writeEndElement();
					xml.writeEndElement();
					xml.writeEndDocument();
					xml.flush();
				}
				catch (XMLStreamException ex) {
					throw new IOException(ex);
				}
			}

			private void keys(XMLStreamWriter xml, String scope, Map<String, String[]> keys) throws XMLStreamException {
				for (var key : keys.entrySet()) {
					xml.writeEmptyElement("key");
					xml.writeAttribute("id", scope + "_" + key.getKey());
					xml.writeAttribute("for", scope);
					xml.writeAttribute("attr.name", key.getKey());
					xml.writeAttribute("attr.type", key.getValue()[0]);
				}
			}

			private void data(XMLStreamWriter xml, String scope, Map<String, String[]> keys, Map<String, Object> values)
					throws XMLStreamException {
				for (String key : keys.keySet()) {
					Object value = values.get(key);
					if (value != null) {
						xml.writeStartElement("data");
						xml.writeAttribute("key", scope + "_" + key);
						xml.writeCharacters(value.toString());
						xml.writeEndElement();
					}
				}
			}
		};
	}

	@Bean
	Exporters.FamilyWriter jsonLinesExporter(JsonMapper json) {
		return new Exporters.FamilyWriter() {
			@Override
			public ExportFormat format() {
				return ExportFormat.JSONL;
			}

			@Override
			public void write(Family family, OutputStream out) throws IOException {
				Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
				for (Map<String, Object> organization : family.organizations()) {
					line(writer, record("organization", null, null, null, organization));
				}
				for (Family.Member m : family.models()) {
					line(writer, record("model", m.id(), null, null, m.properties()));
				}
				for (Family.Edge e : family.derivations()) {
					line(writer, record("derivation", null, e.child(), e.parent(), e.properties()));
				}
				for (Family.Node n : family.others()) {
					Map<String, Object> record = new LinkedHashMap<>();
					record.put("type", "node");
					record.put("label", n.label());
					record.put("id", n.id());
					record.put("properties", n.properties());
					line(writer, record);
				}
				for (Family.Link l : family.links()) {
					Map<String, Object> record = new LinkedHashMap<>();
					record.put("type", "link");
					record.put("relationship", l.type());
					record.put("fromLabel", l.fromLabel());
					record.put("from", l.from());
					record.put("toLabel", l.toLabel());
					record.put("to", l.to());
					record.put("properties", l.properties());
					line(writer, record);
				}
				writer.flush();
			}

			/** Fixed key order: type, id / child, parent, properties. */
			private Map<String, Object> record(String type, String id, String child, String parent,
					Map<String, Object> properties) {
				Map<String, Object> record = new LinkedHashMap<>();
				record.put("type", type);
				if (id != null) {
					record.put("id", id);
				}
				if (child != null) {
					record.put("child", child);
					record.put("parent", parent);
				}
				record.put("properties", properties);
				return record;
			}

			private void line(Writer writer, Map<String, Object> record) throws IOException {
				writer.write(json.writeValueAsString(record));
				writer.write('\n');
			}
		};
	}

}
