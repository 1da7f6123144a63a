package dev.aicost.render;

import dev.aicost.render.TextTable.Column;
import java.util.List;

/** {@code aicost config show}: each default, its value and where it came from. */
public final class SettingsRenderer {
    private SettingsRenderer() {
    }

    /** One setting as shown. */
    public record Row(String name, String value, String source) {
    }

    public static String render(List<Row> rows, String file, boolean fileExists, List<String> notes, Format format,
            int width, boolean color) {
        return Document.render(format, () -> {
            TextTable table = new TextTable(List.of(new Column("SETTING", false, 9), new Column("VALUE", false, 8),
                    new Column("FROM", false, 5)));
            rows.forEach(row -> table.row(row.name(), row.value(), row.source()));
            List<String> lines = new java.util.ArrayList<>();
            lines.add("config file: " + file + (fileExists ? "" : " (not there; the built-in values apply)"));
            lines.add("precedence: flag > environment (AICOST_RATECARD, AICOST_FORMAT, AICOST_HOURS_PER_MONTH) "
                    + "> config file > built-in");
            lines.addAll(notes);
            return Document.untitled().table(table).lines(lines, TextTable.Style.PLAIN, Document.Markdown.PLAIN, true,
                    Document.In.BOTH);
        }, () -> {
            Csv csv = new Csv("setting", "value", "source");
            rows.forEach(row -> csv.row(row.name(), row.value(), row.source()));
            return csv.toString();
        }, () -> JsonText.write(g -> {
            g.writeStartObject();
            g.writeStringField("schema", "aicost/config/v1");
            g.writeStringField("config_file", file);
            g.writeBooleanField("config_file_exists", fileExists);
            g.writeObjectFieldStart("settings");
            for (Row row : rows) {
                g.writeObjectFieldStart(row.name());
                g.writeStringField("value", row.value());
                g.writeStringField("source", row.source());
                g.writeEndObject();
            }
            g.writeEndObject();
            JsonText.strings(g, "notes", notes);
            g.writeEndObject();
        }), width, color);
    }
}
