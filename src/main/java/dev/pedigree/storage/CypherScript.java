package dev.pedigree.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Cypher script into its statements: at each {@code ;} that is code, not inside
 * a string ({@code '…'}, {@code "…"}, backslash escapes included), a backticked name or a
 * comment ({@code //} to the end of the line, {@code /* … *}{@code /}). Comments are left
 * out; a statement of only whitespace is dropped.
 */
final class CypherScript {

	private CypherScript() {
	}

	static List<String> statements(String script) {
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		int i = 0;
		int n = script.length();
		while (i < n) {
			char c = script.charAt(i);
			char next = i + 1 < n ? script.charAt(i + 1) : '\0';
			if (c == '/' && next == '/') {
				int end = script.indexOf('\n', i);
				i = end < 0 ? n : end;
			}
			else if (c == '/' && next == '*') {
				int end = script.indexOf("*/", i + 2);
				if (end < 0) {
					throw new IllegalArgumentException("Unclosed block comment in a Cypher script");
				}
				current.append(' ');
				i = end + 2;
			}
			else if (c == '\'' || c == '"' || c == '`') {
				int end = closing(script, i, c);
				current.append(script, i, end + 1);
				i = end + 1;
			}
			else if (c == ';') {
				add(statements, current);
				current.setLength(0);
				i++;
			}
			else {
				current.append(c);
				i++;
			}
		}
		add(statements, current);
		return statements;
	}

	/** The index of the quote that closes the one at {@code start}. */
	private static int closing(String script, int start, char quote) {
		for (int i = start + 1; i < script.length(); i++) {
			char c = script.charAt(i);
			if (c == '\\' && quote != '`') {
				i++;
			}
			else if (c == quote) {
				// A doubled backtick is an escaped backtick inside the name.
				if (quote == '`' && i + 1 < script.length() && script.charAt(i + 1) == '`') {
					i++;
				}
				else {
					return i;
				}
			}
		}
		throw new IllegalArgumentException("Unclosed " + quote + " in a Cypher script");
	}

	private static void add(List<String> statements, StringBuilder statement) {
		String text = statement.toString().strip();
		if (!text.isEmpty()) {
			statements.add(text);
		}
	}

}
