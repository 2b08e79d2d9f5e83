package dev.moderato.comments.web;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A 5×5 left-right symmetric identicon drawn from an avatar id: the first 15 bits choose the cells of the three left
 * columns (mirrored), the next bits the hue. Deterministic, no external service, and only hex digits go into the SVG.
 */
final class Identicon {

	static final Pattern ID = Pattern.compile("[0-9a-f]{16}");

	private static final int CELL = 10;

	private static final int MARGIN = 5;

	private Identicon() {
	}

	/** Which cells are filled, row by row: always symmetric, never empty. */
	static boolean[][] grid(String id) {
		long bits = HexFormat.fromHexDigitsToLong(id);
		boolean[][] cells = new boolean[5][5];
		boolean any = false;
		for (int row = 0; row < 5; row++) {
			for (int col = 0; col < 3; col++) {
				boolean on = ((bits >>> (row * 3 + col)) & 1) == 1;
				cells[row][col] = on;
				cells[row][4 - col] = on;
				any |= on;
			}
		}
		if (!any) {
			cells[2][2] = true;
		}
		return cells;
	}

	static String svg(String id) {
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("An avatar id is 16 lower-case hex digits");
		}
		long bits = HexFormat.fromHexDigitsToLong(id);
		int hue = (int) ((bits >>> 16) % 360);
		String colour = String.format(Locale.ROOT, "hsl(%d,55%%,50%%)", hue);
		int size = 5 * CELL + 2 * MARGIN;
		StringBuilder svg = new StringBuilder(1024).append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
			.append(size).append(' ').append(size).append("\" width=\"").append(size).append("\" height=\"").append(size)
			.append("\"><rect width=\"100%\" height=\"100%\" fill=\"#f0f0f0\"/><g fill=\"").append(colour).append("\">");
		boolean[][] cells = grid(id);
		for (int row = 0; row < 5; row++) {
			for (int col = 0; col < 5; col++) {
				if (cells[row][col]) {
					svg.append("<rect x=\"").append(MARGIN + col * CELL).append("\" y=\"").append(MARGIN + row * CELL)
						.append("\" width=\"").append(CELL).append("\" height=\"").append(CELL).append("\"/>");
				}
			}
		}
		return svg.append("</g></svg>").toString();
	}

}
