package dev.pedigree.lineage;

import java.util.Collection;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

/**
 * The request's loader of models by id (a derivation's parent and child, a level's ends
 * in one query). A field that has already read whole models can hand them to it, so that
 * the derivations below it take their ends from that read instead of a second statement.
 */
public final class ModelLoader {

	static final String NAME = "Model.byId";

	private ModelLoader() {
	}

	/**
	 * Makes {@code models} (each read whole, as {@link ModelView#from} reads a node) the
	 * request's answers for their ids; an id already loaded or asked for keeps its
	 * answer.
	 */
	public static void known(DataFetchingEnvironment environment, Collection<ModelView> models) {
		DataLoader<String, ModelView> loader = environment.getDataLoader(NAME);
		if (loader == null) {
			return;
		}
		models.forEach(model -> loader.prime(model.id(), model));
	}

}
