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
	 * only if it starts with {@code +} or {@code 0}, or is one unbroken group of ten or more digits.
	 */
	static int phoneNumbers(String text) {
		int count = 0;
		int i = 0;
		int n = text.length();
		while (i < n) {
			char first = text.charAt(i);
			if (!(isDigit(first) || first == '+' || first == '(')) {
				i++;
				continue;
			}
			int digits = 0;
			int groups = 0;
			boolean punctuated = first == '+' || first == '(';
			boolean inGroup = false;
			int separatorsInARow = 0;
			boolean leadingZero = false;
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
					}
					separatorsInARow = 0;
				}
				else if (PHONE_SEPARATORS.indexOf(c) >= 0 && ++separatorsInARow <= 2) {
					punctuated |= c != ' ';
					inGroup = false;
				}
				else {
					break;
				}
				j++;
			}
			boolean plausible = digits >= 9 && digits <= 15
					&& (punctuated || leadingZero || (groups == 1 && digits >= 10));
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
