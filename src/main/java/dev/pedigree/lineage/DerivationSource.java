package dev.pedigree.lineage;

import java.util.List;

/**
 * The sources a derivation or a model can come from, as the importers record them: a
 * report restricted to some of them sees only their edges (e.g. the Hub's own family
 * tree, without the links Epoch AI adds).
 */
public enum DerivationSource {

	HUGGINGFACE("hf", "huggingface"), EPOCH("epoch", "epoch"), ECOSYSTEM_GRAPHS("ecosystem-graphs", "ecosystem-graphs"),
	CYCLONEDX("cyclonedx", "cyclonedx"), MANUAL("manual", "manual");

	private final String derivationPrefix;

	private final String modelSource;

	DerivationSource(String derivationPrefix, String modelSource) {
		this.derivationPrefix = derivationPrefix;
		this.modelSource = modelSource;
	}

	/**
	 * The prefix of a derivation's {@code source} ({@code hf} matches {@code hf:tag},
	 * {@code hf:list:adapters}, …); null for no restriction.
	 */
	public static List<String> derivationPrefixes(List<DerivationSource> sources) {
		return sources == null || sources.isEmpty() ? null : sources.stream().map(s -> s.derivationPrefix).toList();
	}

	/** The names in a model's {@code sources}; null for no restriction. */
	public static List<String> modelSources(List<DerivationSource> sources) {
		return sources == null || sources.isEmpty() ? null : sources.stream().map(s -> s.modelSource).toList();
	}

}
