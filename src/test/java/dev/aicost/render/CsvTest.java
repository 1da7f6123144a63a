package dev.aicost.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One quoting rule for every CSV report (RFC 4180), checked on the cases that need it. */
class CsvTest {
    @Test
    void quotesOnlyWhatNeedsIt() {
        String text = new Csv("name", "cost").row("plain", "1.50").row("a, b", "2").row("say \"hi\"", "3")
                .row("two\nlines", "4").row(" padded", null).toString();
        assertThat(text).isEqualTo("name,cost\nplain,1.50\n\"a, b\",2\n\"say \"\"hi\"\"\",3\n\"two\nlines\",4\n"
                + "\" padded\",\n");
    }

    @Test
    void readsBackWithTheToolsOwnReader() throws Exception {
        String text = new Csv("component", "x").row("egress, tiered", "1").toString();
        try (dev.aicost.input.CsvInput in = new dev.aicost.input.CsvInput("t.csv", new java.io.StringReader(text))) {
            in.next();
            assertThat(in.next().fields()).containsExactly("egress, tiered", "1");
        }
    }

    @Test
    void aCarriageReturnInsideQuotesDoesNotSwallowTheRecordEnd() throws Exception {
        // FastCSV 4.1 kept a CR met inside quotes in mind past the closing quote and took the
        // record's LF for the second half of a CRLF: the first record vanished, silently, and the
        // next one began at line 1 (when that field was the record's last). Three records here, on
        // lines 1, 3 and 4.
        String text = "1,\"a\rb\"\n\"c\",2\n\"d\",3\n";
        try (dev.aicost.input.CsvInput in = new dev.aicost.input.CsvInput("t.csv", new java.io.StringReader(text))) {
            dev.aicost.input.CsvInput.Row first = in.next();
            assertThat(first.fields()).containsExactly("1", "a\rb");
            assertThat(first.line()).isEqualTo(1);
            assertThat(in.next().line()).isEqualTo(3);
            assertThat(in.next().fields()).containsExactly("d", "3");
            assertThat(in.next()).isNull();
        }
    }
}
