package dev.aicost.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
    private static TextTable table() {
        return new TextTable(List.of(new TextTable.Column("ITEM", false, 9), new TextTable.Column("NOTE", false, 1),
                new TextTable.Column("COST", true, 10)))
                .row("input", "a rather long explanatory note that takes room", "$1.00")
                .row("output", "", "$12,345.00")
                .total(TextTable.Style.STRONG, "Monthly total", "$12,346.00");
    }

    @Test
    void rightAlignsNumbersAndKeepsTotalsInTheLastColumn() {
        String text = table().render(0, false);
        List<String> lines = text.lines().toList();
        int costEnd = lines.get(0).length();
        assertThat(lines.get(1)).endsWith("$1.00").hasSize(costEnd);
        assertThat(lines.get(2)).endsWith("$12,345.00").hasSize(costEnd);
        assertThat(lines.get(3)).startsWith("Monthly total").endsWith("$12,346.00").hasSize(costEnd);
    }

    @Test
    void fittingToANarrowWidthDropsTheLeastImportantColumnFirst() {
        String text = table().render(30, false);
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(30));
        assertThat(text).doesNotContain("NOTE").contains("$12,345.00");
    }

    @Test
    void colourOnlyWhenAsked() {
        assertThat(table().render(0, false)).doesNotContain("\u001b[");
        assertThat(table().render(0, true)).contains("\u001b[1m");
    }

    @Test
    void markdownEscapesPipes() {
        String markdown = new TextTable(List.of(new TextTable.Column("A", false, 1))).row("x|y").markdown();
        assertThat(markdown).contains("| x\\|y |");
    }
}
