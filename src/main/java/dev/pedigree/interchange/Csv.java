package dev.pedigree.interchange;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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

	/** Every data row of a file, in memory (small files). */
	public static List<Row> read(Reader reader, String file, List<String> requiredColumns) {
		List<Row> rows = new ArrayList<>();
		forEach(reader, file, requiredColumns, rows::add);
		return rows;
	}

	/**
	 * The data rows of a file one by one, as they are read: memory holds one row.
	 * @return how many rows there were
	 */
	public static long forEach(Reader reader, String file, List<String> requiredColumns, Consumer<Row> action) {
		var format = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(false)
			.get();
		try (CSVParser parser = open(reader, file, format)) {
			Map<String, Integer> header = parser.getHeaderMap();
			for (String column : requiredColumns) {
				if (!header.containsKey(column)) {
					throw new MalformedFileException(file + ": the header lacks the column '" + column + "' (found: "
							+ String.join(",", header.keySet()) + ")");
				}
			}
			long rows = 0;
			long line = parser.getCurrentLineNumber() + 1;
			var records = parser.iterator();
			for (CSVRecord record = next(records, file); record != null; record = next(records, file)) {
				// Only the parser's exceptions say the file is malformed: the action may
				// write (a chunk), and its exceptions are its own.
				action.accept(new Row(line, record));
				rows++;
				line = parser.getCurrentLineNumber() + 1;
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static CSVParser open(Reader reader, String file, CSVFormat format) throws IOException {
		try {
			return CSVParser.builder().setReader(reader).setFormat(format).get();
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			throw malformed(file, ex);
		}
	}

	private static CSVRecord next(java.util.Iterator<CSVRecord> records, String file) {
		try {
			return records.hasNext() ? records.next() : null;
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			throw malformed(file, ex);
		}
	}

	private static MalformedFileException malformed(String file, RuntimeException ex) {
		return new MalformedFileException(file + ": not a readable CSV file: " + ex.getMessage());
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
