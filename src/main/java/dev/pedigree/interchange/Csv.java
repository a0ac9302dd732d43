package dev.pedigree.interchange;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** CSV with a header row; columns are found by name, extra columns ignored. */
public final class Csv {

	private Csv() {
	}

	/** One data row with the line it started on (1 = header). */
	public record Row(long line, CSVRecord record) {

		public String get(String column) {
			if (!this.record.isMapped(column) || !this.record.isSet(column)) {
				return null;
			}
			String value = this.record.get(column).strip();
			return value.isEmpty() ? null : value;
		}

		String first(String... columns) {
			for (String c : columns) {
				String v = get(c);
				if (v != null) {
					return v;
				}
			}
			return null;
		}

	}

	public static List<Row> read(Reader reader, String file, List<String> requiredColumns) {
		var format = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(false)
			.get();
		try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
			Map<String, Integer> header = parser.getHeaderMap();
			for (String column : requiredColumns) {
				if (!header.containsKey(column)) {
					throw new MalformedFileException(file + ": the header lacks the column '" + column + "' (found: "
							+ String.join(",", header.keySet()) + ")");
				}
			}
			List<Row> rows = new ArrayList<>();
			long line = parser.getCurrentLineNumber() + 1;
			for (CSVRecord record : parser) {
				rows.add(new Row(line, record));
				line = parser.getCurrentLineNumber() + 1;
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			throw new MalformedFileException(file + ": not a readable CSV file: " + ex.getMessage());
		}
	}

	public static Double number(String value) {
		if (value == null) {
			return null;
		}
		double d = Double.parseDouble(value);
		if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) {
			throw new NumberFormatException("not a finite number >= 0: " + value);
		}
		return d;
	}

	/**
	 * A file that cannot be read at all (as opposed to single bad records, which are
	 * rejected one by one).
	 */
	public static class MalformedFileException extends RuntimeException {

		public MalformedFileException(String message) {
			super(message);
		}

	}

}
