package dev.secretsstarter.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw results as simple CSV (no quoting: the harness never writes a comma into a field), one row
 * per measurement, so that the report can be rebuilt from them without a rerun.
 *
 * @author secrets-starter team
 */
public final class Csv {

	private Csv() {
	}

	/**
	 * Write rows.
	 * @param file the file
	 * @param columns the header
	 * @param rows the rows, each a map from column to value
	 */
	public static void write(Path file, List<String> columns, List<Map<String, String>> rows) {
		StringBuilder text = new StringBuilder(String.join(",", columns)).append('\n');
		for (Map<String, String> row : rows) {
			List<String> cells = new ArrayList<>();
			for (String column : columns) {
				cells.add(row.getOrDefault(column, "").replace(',', ';'));
			}
			text.append(String.join(",", cells)).append('\n');
		}
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Read rows written by {@link #write}.
	 * @param file the file
	 * @return the rows, empty if the file does not exist
	 */
	public static List<Map<String, String>> read(Path file) {
		List<Map<String, String>> rows = new ArrayList<>();
		if (!Files.exists(file)) {
			return rows;
		}
		try {
			List<String> lines = Files.readAllLines(file);
			if (lines.isEmpty()) {
				return rows;
			}
			String[] columns = lines.get(0).split(",", -1);
			for (String line : lines.subList(1, lines.size())) {
				if (line.isBlank()) {
					continue;
				}
				String[] cells = line.split(",", -1);
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 0; i < columns.length; i++) {
					row.put(columns[i], (i < cells.length) ? cells[i] : "");
				}
				rows.add(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

}
