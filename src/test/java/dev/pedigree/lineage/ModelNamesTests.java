package dev.pedigree.lineage;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An index of only the candidates relevant to the names being resolved answers them as an
 * index of every candidate does (a resolution over a store of millions of models keeps
 * only those).
 */
class ModelNamesTests {

	private static final List<ModelNames.Candidate> ALL = List.of(
			new ModelNames.Candidate("meta-llama/Llama-3.1-8B", "Llama 3.1 8B", List.of(), "meta"),
			new ModelNames.Candidate("someone/llama-3.1-8b-gguf", null, List.of(), "someone"),
			new ModelNames.Candidate("someone/Llama-3.1-8B", null, List.of(), "someone"),
			new ModelNames.Candidate("Qwen/Qwen2.5-Coder-32B", null, List.of("Qwen2.5-Coder (32B)"), "alibaba"),
			new ModelNames.Candidate("mistralai/Mistral-7B-v0.1", "Mistral 7B", List.of(), "mistral"),
			new ModelNames.Candidate("a/o-3", null, List.of(), "a"),
			new ModelNames.Candidate("b/o3", null, List.of(), "b"),
			new ModelNames.Candidate("acme/unrelated-model", "Unrelated", List.of("Other name"), "acme"),
			new ModelNames.Candidate("acme/Falcon-40B", null, List.of(), "acme"));

	private static final List<String> NAMES = List.of("LLaMA 3.1-8B", "Qwen2.5-Coder-32B", "mistral 7b",
			"MISTRALAI/MISTRAL-7B-V0.1", "o3", "Falcon (40B)", "Gemma 7B");

	@Test
	void the_relevant_candidates_resolve_every_name_as_all_candidates_do() {
		var relevant = ALL.stream().filter(ModelNames.relevantTo(NAMES)).toList();
		var whole = new ModelNames(ALL);
		var kept = new ModelNames(relevant);
		for (String name : NAMES) {
			for (String developer : new String[] { null, "meta", "b" }) {
				assertThat(kept.resolve(name, developer, ids -> Set.of())).as("%s (developer %s)", name, developer)
					.isEqualTo(whole.resolve(name, developer, ids -> Set.of()));
			}
		}
		assertThat(whole.resolve("Qwen2.5-Coder (32B)", null, ids -> Set.of()).match().id())
			.isEqualTo("Qwen/Qwen2.5-Coder-32B");
		// Only what shares a form with a name is kept.
		assertThat(relevant).extracting(ModelNames.Candidate::id)
			.doesNotContain("acme/unrelated-model", "someone/llama-3.1-8b-gguf")
			.contains("meta-llama/Llama-3.1-8B", "someone/Llama-3.1-8B", "acme/Falcon-40B", "b/o3");
	}

}
