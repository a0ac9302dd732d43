package dev.pedigree.interchange.huggingface;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.pedigree.interchange.Chunks;
import dev.pedigree.interchange.Csv;
import dev.pedigree.interchange.FactBatch;
import dev.pedigree.interchange.FormatParser;
import dev.pedigree.interchange.ImportFormat;
import dev.pedigree.interchange.ParseContext;
import dev.pedigree.lineage.DateSources;
import dev.pedigree.lineage.ModelFacts;
import dev.pedigree.lineage.OrganizationDirectory;

import org.springframework.stereotype.Component;

/**
 * The Hub's node list ({@code model_id,author,created_at,downloads,…}, also the
 * benchmark's {@code model_id,name,downloads}).
 */
@Component
class HubNodeList implements FormatParser {

	@Override
	public ImportFormat format() {
		return ImportFormat.HF_NODES;
	}

	@Override
	public FactBatch parse(List<Input> inputs, ParseContext context) {
		List<FactBatch> all = new ArrayList<>(1);
		parse(inputs, context, Integer.MAX_VALUE, all::add);
		return all.get(0);
	}

	/**
	 * One pass reads the file as CSV (a file that is not writes nothing), the second
	 * hands its models on chunk by chunk.
	 */
	@Override
	public void parse(List<Input> inputs, ParseContext context, int chunkSize, Consumer<FactBatch> sink) {
		Input input = inputs.get(0);
		try (Reader first = input.reread()) {
			Csv.forEach(first, input.name(), List.of("model_id"), row -> {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		var organizations = context.organizations();
		var chunks = new Chunks(chunkSize, sink, () -> new FactBatch("hf-nodes", input.name()));
		Csv.forEach(input.reader(), input.name(), List.of("model_id"), row -> {
			read(row, input.name(), organizations, chunks.batch());
			chunks.read();
		});
		chunks.end();
	}

	private static void read(Csv.Row row, String file, OrganizationDirectory organizations, FactBatch batch) {
		String id = row.get("model_id");
		if (id == null) {
			batch.reject(file, row.line(), "model_id is empty");
			return;
		}
		var model = ModelFacts.of(id).source(HubIds.SOURCE);
		try {
			model.name(row.get("name") != null ? row.get("name") : id)
				.downloads(count(row.get("downloads")))
				.likes(count(row.get("likes")))
				.releaseDate(HubIds.date(row.get("created_at")), DateSources.HUB_CREATED);
		}
		catch (IllegalArgumentException ex) {
			batch.reject(file, row.line(), id + ": " + ex.getMessage());
			return;
		}
		batch.model(model.license(row.get("license"))
			.pipelineTag(row.get("pipeline_tag"))
			.libraryName(row.get("library_name"))
			.sourceUrl("https://huggingface.co/" + id)
			.developerId(HubIds.developer(row.get("author"), id, organizations))
			.build());
		// Written before the models that name them, in the same chunk.
		batch.organizations(organizations.takeNewOrganizations());
	}

	private static Long count(String value) {
		if (value == null) {
			return null;
		}
		try {
			double parsed = Double.parseDouble(value);
			// A cast would turn 1e400 into Long.MAX_VALUE: a count nobody gave.
			if (!Double.isFinite(parsed) || parsed >= 0x1p63) {
				throw new IllegalArgumentException("count out of range: " + value);
			}
			long n = (long) parsed;
			if (n < 0) {
				throw new IllegalArgumentException("negative count " + value);
			}
			return n;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("not a number: '" + value + "'");
		}
	}

}
