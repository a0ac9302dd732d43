package dev.pedigree.interchange.huggingface;

import java.util.List;

import dev.pedigree.interchange.Csv;
import dev.pedigree.interchange.FactBatch;
import dev.pedigree.interchange.FormatParser;
import dev.pedigree.interchange.ImportFormat;
import dev.pedigree.interchange.ParseContext;
import dev.pedigree.lineage.ModelFacts;

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
		Input input = inputs.get(0);
		var batch = new FactBatch("hf-nodes", input.name());
		var organizations = context.organizations();
		for (var row : Csv.read(input.reader(), input.name(), List.of("model_id"))) {
			String id = row.get("model_id");
			if (id == null) {
				batch.reject(input.name(), row.line(), "model_id is empty");
				continue;
			}
			var model = ModelFacts.of(id).source(HubIds.SOURCE);
			try {
				model.name(row.get("name") != null ? row.get("name") : id)
					.downloads(count(row.get("downloads")))
					.likes(count(row.get("likes")))
					.releaseDate(HubIds.date(row.get("created_at")));
			}
			catch (IllegalArgumentException ex) {
				batch.reject(input.name(), row.line(), id + ": " + ex.getMessage());
				continue;
			}
			batch.model(model.license(row.get("license"))
				.pipelineTag(row.get("pipeline_tag"))
				.libraryName(row.get("library_name"))
				.sourceUrl("https://huggingface.co/" + id)
				.developerId(HubIds.developer(row.get("author"), id, organizations))
				.build());
		}
		return batch.organizations(organizations.newOrganizations());
	}

	private static Long count(String value) {
		if (value == null) {
			return null;
		}
		try {
			long n = (long) Double.parseDouble(value);
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
