package dev.moderato.comments;

import org.springframework.jdbc.support.SqlArrayValue;

/**
 * Rows turned into one SQL array per column, the parameters of an {@code insert … select … from unnest(…)} that
 * stores a whole batch in one statement (the import's and the verdict path's).
 */
final class ColumnArrays {

	private ColumnArrays() {
	}

	/**
	 * @param types the SQL type of each column's elements
	 * @param rows each row's values, in the order of {@code types}
	 * @return one array parameter per column
	 */
	static Object[] of(String[] types, Object[][] rows) {
		Object[] columns = new Object[types.length];
		for (int col = 0; col < types.length; col++) {
			Object[] values = new Object[rows.length];
			for (int r = 0; r < rows.length; r++) {
				values[r] = rows[r][col];
			}
			columns[col] = new SqlArrayValue(types[col], values);
		}
		return columns;
	}

}
