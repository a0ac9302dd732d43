package dev.pedigree.lineage;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.neo4j.driver.Values;

/**
 * Where a view reads its stored properties: a node or relationship the database returned
 * whole, or the values a statement returned for a list of names
 * ({@code [k IN $names | n[k]]}, {@link Names}).
 */
@FunctionalInterface
interface StoredProperties {

	/** The stored property {@code name}; a null value when missing. */
	Value get(String name);

	/**
	 * The names of the stored properties a statement returns of a node or relationship,
	 * in order: what a request's selection reads of it, so the database neither reads nor
	 * encodes the others. Equal lists are equal keys.
	 */
	final class Names {

		private final List<String> names;

		private final Map<String, Integer> index;

		private Names(List<String> names) {
			this.names = names;
			this.index = new HashMap<>();
			for (int i = 0; i < names.size(); i++) {
				this.index.put(names.get(i), i);
			}
		}

		/** The names, each once, in their first order. */
		static Names of(Collection<String> names) {
			return new Names(List.copyOf(new LinkedHashSet<>(names)));
		}

		/** The statement parameter: the names in order. */
		List<String> list() {
			return this.names;
		}

		/**
		 * The properties as a statement returned them for these names; a name outside
		 * them reads as missing (the request did not select what it feeds).
		 */
		StoredProperties read(Value values) {
			return name -> {
				Integer i = this.index.get(name);
				return i == null ? Values.NULL : values.get(i);
			};
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Names names && names.names.equals(this.names);
		}

		@Override
		public int hashCode() {
			return this.names.hashCode();
		}

		@Override
		public String toString() {
			return this.names.toString();
		}

	}

}
