package dev.pedigree.lineage;

import java.time.LocalDate;
import java.util.List;

/** Curated registration of a model; only {@code id} and {@code name} are required. */
public record RegisterModelInput(String id, String name, String developerId, Double trainingComputeFlop,
		Double parameters, LocalDate releaseDate, String access, String license, String pipelineTag, String modality,
		Boolean generative, List<String> aliases, String sourceUrl) {
}
