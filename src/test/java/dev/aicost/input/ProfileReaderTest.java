package dev.aicost.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The hourly profile goes through the one CSV reader: quoting, BOM and CRLF read as they should. */
class ProfileReaderTest {
    private static ProfileReader.Profile read(String text) throws IOException {
        return ProfileReader.read("hourly.csv", new BufferedReader(new StringReader(text)));
    }

    @Test
    void quotedFieldsBomAndCrlf() throws IOException {
        // 10:00 1,000; 11:00 missing (0); 12:00 3,000 -> three hours, one filled
        ProfileReader.Profile profile = read("\uFEFF\"hour\",\"tokens\",\"note\"\r\n"
                + "\"2026-10-01T10:00:00Z\",\"1000\",\"a, b\"\r\n"
                + "\"2026-10-01T12:00:00Z\",\"3000\",\"line\r\nbreak\"\r\n");
        assertThat(profile.first()).isEqualTo(Instant.parse("2026-10-01T10:00:00Z"));
        assertThat(profile.hourlyTokens()).containsExactly(new BigDecimal("1000"), BigDecimal.ZERO,
                new BigDecimal("3000"));
        assertThat(profile.rows()).isEqualTo(2);
        assertThat(profile.filledHours()).isEqualTo(1);
    }

    @Test
    void positionsCountTheQuotes() {
        // line 3: "2026-10-01T11:00:00Z" is columns 1-22, a comma, the tokens field starts at 24
        assertThatThrownBy(() -> read("hour,tokens\n\"2026-10-01T10:00:00Z\",1\n\"2026-10-01T11:00:00Z\",\"x\"\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("hourly.csv:3:24: tokens: expected a number, got 'x'");
    }
}
