package dev.pedigree.storage;

import java.util.List;

/**
 * A module's statements that no start-up warm-up request reaches (a curated write's), for
 * the warm-up to plan before the server reports itself ready ({@link Graph#plan}): left
 * to the first writes after a start, their planning made the first registerModel and
 * recordDerivation take 1.3-2.2 s together, 0.8-1.0 s planned (docs/benchmarks.md, issue
 * 12, session 32).
 */
public interface StatementPlans {

	/**
	 * The statements with parameters of the shapes their callers send.
	 * @param modelId a stored model's id, for parameters of the length real ids have
	 * @param otherModelId another stored model's id
	 */
	List<Graph.Statement> statements(String modelId, String otherModelId);

}
