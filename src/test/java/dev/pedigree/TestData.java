package dev.pedigree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;

/**
 * The real third-party data copied into the repository's testdata/ folder (sources,
 * licences and counts in testdata/README.md), read as ground truth, independently of the
 * code under test.
 */
public final class TestData {

	private TestData() {
	}

	public static Path root() {
		Path path = Path.of("testdata");
		if (!Files.isDirectory(path)) {
			throw new IllegalStateException("The test data folder is missing: " + path.toAbsolutePath());
		}
		return path;
	}

	public record Edge(String parent, String child, String relation, String sources) {
	}

	/**
	 * One Hub model-info record of models.jsonl.gz, its named facts as the file gives
	 * them: the card's YAML read for licence and training sets.
	 */
	public record HubRecord(String id, List<String> tags, String pipelineTag, String license, List<String> datasets,
			Double safetensorsTotal, String createdAt) {
	}

	@SuppressWarnings("unchecked")
	public static List<HubRecord> huggingFaceRecords() {
		var json = tools.jackson.databind.json.JsonMapper.builder().build();
		List<HubRecord> records = new ArrayList<>();
		try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
				new java.util.zip.GZIPInputStream(Files.newInputStream(root().resolve("huggingface/models.jsonl.gz"))),
				java.nio.charset.StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				Map<String, Object> r = json.readValue(line, Map.class);
				Object cardText = r.get("card_data");
				Map<String, Object> card = cardText instanceof String text
						&& new org.yaml.snakeyaml.Yaml().load(text) instanceof Map<?, ?> m ? (Map<String, Object>) m
								: Map.of();
				Object datasets = card.get("datasets");
				List<String> sets = datasets instanceof List<?> list ? list.stream().map(String::valueOf).toList()
						: datasets instanceof String one ? List.of(one) : List.of();
				Object total = r.get("safetensors") instanceof Map<?, ?> st ? st.get("total") : null;
				records.add(new HubRecord((String) r.get("id"), (List<String>) r.getOrDefault("tags", List.of()),
						(String) r.get("pipeline_tag"), card.get("license") instanceof String l ? l : null, sets,
						total instanceof Number n ? n.doubleValue() : null, (String) r.get("created_at")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return records;
	}

	public static List<Edge> huggingFaceEdges() {
		try (var reader = Files.newBufferedReader(root().resolve("huggingface/edges.csv"))) {
			List<Edge> edges = new ArrayList<>();
			for (var r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
				edges.add(new Edge(r.get("parent_id"), r.get("child_id"), r.get("relation"), r.get("sources")));
			}
			return edges;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** model_id → created_at (YYYY-MM-DD…) from nodes.csv, for models that have one. */
	public static Map<String, String> huggingFaceCreationDates() {
		try (var reader = Files.newBufferedReader(root().resolve("huggingface/nodes.csv"))) {
			Map<String, String> dates = new HashMap<>();
			for (var r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
				if (!r.get("created_at").isBlank()) {
					dates.put(r.get("model_id"), r.get("created_at"));
				}
			}
			return dates;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * model_id → downloads from nodes.csv, for models that report them (gated models
	 * report 0, models known only by id nothing).
	 */
	public static Map<String, Long> huggingFaceDownloads() {
		try (var reader = Files.newBufferedReader(root().resolve("huggingface/nodes.csv"))) {
			Map<String, Long> downloads = new HashMap<>();
			for (var r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
				if (!r.get("downloads").isBlank()) {
					downloads.put(r.get("model_id"), (long) Double.parseDouble(r.get("downloads")));
				}
			}
			return downloads;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** model_id → author (the Hub account) from nodes.csv. */
	public static Map<String, String> huggingFaceAuthors() {
		try (var reader = Files.newBufferedReader(root().resolve("huggingface/nodes.csv"))) {
			Map<String, String> authors = new HashMap<>();
			for (var r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
				authors.put(r.get("model_id"), r.get("author"));
			}
			return authors;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Ids in the Hub's "most downloaded" order: downloads descending, unknown downloads
	 * last, ties by id.
	 */
	public static java.util.Comparator<String> byDownloads(Map<String, Long> downloads) {
		return java.util.Comparator.<String>comparingLong(id -> -downloads.getOrDefault(id, -1L))
			.thenComparing(java.util.Comparator.naturalOrder());
	}

	/** Breadth-first: every model reachable from {@code start}, at its smallest depth. */
	public static Map<String, Integer> reachable(List<Edge> edges, String start, boolean down) {
		Map<String, List<String>> next = new HashMap<>();
		for (Edge e : edges) {
			next.computeIfAbsent(down ? e.parent() : e.child(), k -> new ArrayList<>())
				.add(down ? e.child() : e.parent());
		}
		Map<String, Integer> depth = new HashMap<>();
		var queue = new ArrayDeque<String>();
		queue.add(start);
		depth.put(start, 0);
		while (!queue.isEmpty()) {
			String node = queue.poll();
			for (String n : next.getOrDefault(node, List.of())) {
				if (!depth.containsKey(n)) {
					depth.put(n, depth.get(node) + 1);
					queue.add(n);
				}
			}
		}
		depth.remove(start);
		return depth;
	}

}
