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
}
