package dev.moderato.spam;

/**
 * Counts the contact details a text offers (phone numbers, email addresses) by linear scanning.
 */
final class Contacts {

	private static final String PHONE_SEPARATORS = " -.()+/";

	private Contacts() {
	}

	/**
	 * Runs of 9 to 15 digits joined by phone punctuation. A run separated by spaces alone ("2013 2014 2015") counts
	 * only if it starts with {@code +} or {@code 0}, or is one unbroken group of ten or more digits. Runs that are
	 * something else are not phone numbers: IP addresses and version numbers (groups joined by dots, unless shaped
	 * 555.123.4567), dates and times ({@code 2024-01-15 10:23}), and digits glued to letters or other symbols (hex,
	 * identifiers, {@code file.py:912}).
	 */
	static int phoneNumbers(String text) {
		int count = 0;
		int i = 0;
		int n = text.length();
		int[] groupSizes = new int[16];
		while (i < n) {
			char first = text.charAt(i);
			if (!(isDigit(first) || first == '+' || first == '(')
					|| (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || "._:/#=@$-".indexOf(text.charAt(i - 1)) >= 0))) {
				i++;
				continue;
			}
			int digits = 0;
			int groups = 0;
			boolean punctuated = first == '+' || first == '(';
			boolean dotsOnly = true;
			boolean dateLike = false;
			boolean inGroup = false;
			int separatorsInARow = 0;
			boolean leadingZero = false;
			char firstSeparator = 0;
			int afterDigits = i;
			boolean pendingPunctuation = false;
			boolean pendingNotDot = false;
			int j = i;
			while (j < n) {
				char c = text.charAt(j);
				if (isDigit(c)) {
					if (digits == 0) {
						leadingZero = c == '0';
					}
					digits++;
					if (!inGroup) {
						groups++;
						inGroup = true;
						if (groups <= groupSizes.length) {
							groupSizes[groups - 1] = 0;
						}
					}
					if (groups <= groupSizes.length) {
						groupSizes[groups - 1]++;
					}
					if (separatorsInARow > 0) {
						// separators count only between digits, not after the last one
						punctuated |= pendingPunctuation;
						dotsOnly &= !pendingNotDot;
					}
					pendingPunctuation = false;
					pendingNotDot = false;
					separatorsInARow = 0;
					afterDigits = j + 1;
				}
				else if (PHONE_SEPARATORS.indexOf(c) >= 0 && ++separatorsInARow <= 2) {
					pendingPunctuation |= c != ' ';
					pendingNotDot |= c != '.';
					if (inGroup && groups <= groupSizes.length && firstSeparator == 0) {
						firstSeparator = c;
						dateLike = groups == 1 && groupSizes[0] == 4 && (c == '-' || c == '/' || c == '.');
					}
					inGroup = false;
				}
				else {
					break;
				}
				j++;
			}
			boolean glued = afterDigits < n
					&& (Character.isLetter(text.charAt(afterDigits)) || ":_@#=".indexOf(text.charAt(afterDigits)) >= 0);
			boolean shapedLikeDottedPhone = groups == 3 && groupSizes[0] == 3 && groupSizes[1] == 3 && groupSizes[2] == 4;
			boolean plausible = digits >= 9 && digits <= 15
					&& (punctuated || leadingZero || (groups == 1 && digits >= 10))
					&& !(dotsOnly && punctuated && !shapedLikeDottedPhone) && !dateLike && !glued;
			if (plausible) {
				count++;
			}
			i = Math.max(j, i + 1);
		}
		return count;
	}

	/** Tokens shaped like {@code name@host.tld}. */
	static int emailAddresses(String text) {
		int count = 0;
		int n = text.length();
		for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
			boolean local = at > 0 && isAddressChar(text.charAt(at - 1));
			int j = at + 1;
			boolean dot = false;
			while (j < n && (isAddressChar(text.charAt(j)))) {
				dot |= text.charAt(j) == '.' && j > at + 1 && j + 1 < n && Character.isLetter(text.charAt(j + 1));
				j++;
			}
			if (local && dot) {
				count++;
			}
		}
		return count;
	}

	private static boolean isAddressChar(char c) {
		return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '+';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
