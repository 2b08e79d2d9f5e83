package dev.moderato.comments.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdenticonTests {

	@Test
	void drawsTheSamePictureForTheSameId() {
		assertThat(Identicon.svg("0123456789abcdef")).isEqualTo(Identicon.svg("0123456789abcdef"))
			.isNotEqualTo(Identicon.svg("fedcba9876543210"))
			.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
			.endsWith("</svg>");
	}

	@Test
	void gridIsMirroredLeftToRightAndNeverEmpty() {
		for (String id : new String[] { "0123456789abcdef", "ffffffffffffffff", "0000000000000000", "8badf00ddeadbeef" }) {
			boolean[][] grid = Identicon.grid(id);
			boolean any = false;
			for (boolean[] row : grid) {
				for (int col = 0; col < 5; col++) {
					assertThat(row[col]).isEqualTo(row[4 - col]);
					any |= row[col];
				}
			}
			assertThat(any).isTrue();
		}
	}

	@Test
	void refusesAnythingButSixteenHexDigits() {
		assertThatIllegalArgumentException().isThrownBy(() -> Identicon.svg("<script>alert(1)</script>"));
		assertThatIllegalArgumentException().isThrownBy(() -> Identicon.svg("0123456789ABCDEF"));
	}

}
