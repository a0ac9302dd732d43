package dev.pedigree.interchange;

import java.util.Locale;

/** Which side of a model's family to export. */
public enum Direction {

	UP, DOWN, BOTH;

	public static Direction fromCli(String name) {
		try {
			return valueOf(name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("--direction must be up, down or both, was '" + name + "'");
		}
	}

}
