package dev.aicost.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text cells that renders aligned for a terminal (fitted to a width by dropping the
 * least important columns, then shortening the first) or as a markdown table. Rows may be data,
 * a line of text spanning the table, a rule, or blank.
 */
public final class TextTable {
    /** A column: header, right-aligned or not, and importance (higher is kept longer). */
    public record Column(String header, boolean right, int importance) {
    }

    enum Kind { DATA, SPAN, RULE, BLANK, TOTAL }

    /** Emphasis a renderer may show (bold, dim, warning colour) when colour is on. */
    public enum Style { PLAIN, STRONG, DIM, WARN }

    record Row(Kind kind, List<String> cells, Style style) {
    }

    private final List<Column> columns;
    private final List<Row> rows = new ArrayList<>();

    public TextTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    public TextTable row(Style style, String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + cells.length);
        }
        rows.add(new Row(Kind.DATA, List.of(cells), style));
        return this;
    }

    public TextTable row(String... cells) {
        return row(Style.PLAIN, cells);
    }

    public TextTable span(Style style, String text) {
        rows.add(new Row(Kind.SPAN, List.of(text), style));
        return this;
    }

    /** A label spanning all columns but the last, and a value in the last (totals). */
    public TextTable total(Style style, String label, String value) {
        rows.add(new Row(Kind.TOTAL, List.of(label, value), style));
        return this;
    }

    public TextTable rule() {
        rows.add(new Row(Kind.RULE, List.of(), Style.PLAIN));
        return this;
    }

    public TextTable blank() {
        rows.add(new Row(Kind.BLANK, List.of(), Style.PLAIN));
        return this;
    }

    /** Aligned text no wider than {@code width} (0: no limit), with ANSI styles when {@code color}. */
    public String render(int width, boolean color) {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            shown.add(i);
        }
        int[] widths = widths();
        while (width > 0 && total(widths, shown) > width && shown.size() > 2) {
            int drop = shown.get(0);
            for (int i : shown) {
                if (columns.get(i).importance() < columns.get(drop).importance()) {
                    drop = i;
                }
            }
            shown.remove(Integer.valueOf(drop));
        }
        int excess = width > 0 ? total(widths, shown) - width : 0;
        if (excess > 0) {
            int first = shown.get(0);
            widths[first] = Math.max(8, widths[first] - excess);
        }
        int lineWidth = total(widths, shown);
        StringBuilder out = new StringBuilder();
        StringBuilder header = new StringBuilder();
        for (int i : shown) {
            cell(header, columns.get(i).header(), widths[i], columns.get(i).right(), i == shown.get(shown.size() - 1));
        }
        out.append(style(header.toString().stripTrailing(), Style.DIM, color)).append('\n');
        for (Row row : rows) {
            switch (row.kind()) {
                case BLANK -> out.append('\n');
                case RULE -> out.append(style("─".repeat(lineWidth), Style.DIM, color)).append('\n');
                case SPAN -> {
                    for (String part : wrap(row.cells().get(0), width > 0 ? Math.max(width, 20) : Integer.MAX_VALUE)) {
                        out.append(style(part, row.style(), color)).append('\n');
                    }
                }
                case TOTAL -> {
                    int last = shown.get(shown.size() - 1);
                    String value = row.cells().get(1);
                    int labelWidth = Math.max(lineWidth - widths[last] - 2, 1);
                    String label = fit(row.cells().get(0), labelWidth);
                    String line = label + " ".repeat(Math.max(2, lineWidth - label.length() - value.length())) + value;
                    out.append(style(line, row.style(), color)).append('\n');
                }
                case DATA -> {
                    StringBuilder line = new StringBuilder();
                    for (int i : shown) {
                        cell(line, row.cells().get(i), widths[i], columns.get(i).right(),
                                i == shown.get(shown.size() - 1));
                    }
                    out.append(style(line.toString().stripTrailing(), row.style(), color)).append('\n');
                }
                default -> throw new IllegalStateException();
            }
        }
        return out.toString();
    }

    /** A GitHub-flavoured markdown table; spanning rows become a row with the text in the first cell. */
    public String markdown() {
        StringBuilder out = new StringBuilder("|");
        for (Column column : columns) {
            out.append(' ').append(escape(column.header())).append(" |");
        }
        out.append("\n|");
        for (Column column : columns) {
            out.append(column.right() ? " ---: |" : " --- |");
        }
        out.append('\n');
        for (Row row : rows) {
            if (row.kind() == Kind.RULE || row.kind() == Kind.BLANK) {
                continue;
            }
            List<String> cells = new ArrayList<>(row.kind() == Kind.DATA ? row.cells() : List.of());
            if (row.kind() == Kind.TOTAL) {
                cells.add(row.cells().get(0));
                while (cells.size() < columns.size() - 1) {
                    cells.add("");
                }
                cells.add(row.cells().get(1));
            } else if (row.kind() == Kind.SPAN) {
                cells.add(row.cells().get(0).strip());
                while (cells.size() < columns.size()) {
                    cells.add("");
                }
            }
            out.append('|');
            for (String cell : cells) {
                String text = escape(cell.strip());
                boolean strong = row.style() == Style.STRONG && !text.isEmpty();
                out.append(' ').append(strong ? "**" + text + "**" : text).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private int[] widths() {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).header().length();
        }
        for (Row row : rows) {
            if (row.kind() == Kind.DATA) {
                for (int i = 0; i < columns.size(); i++) {
                    widths[i] = Math.max(widths[i], row.cells().get(i).length());
                }
            } else if (row.kind() == Kind.TOTAL) {
                int last = columns.size() - 1;
                widths[last] = Math.max(widths[last], row.cells().get(1).length());
            }
        }
        return widths;
    }

    private static int total(int[] widths, List<Integer> shown) {
        int sum = 0;
        for (int i : shown) {
            sum += widths[i];
        }
        return sum + 2 * (shown.size() - 1);
    }

    private static void cell(StringBuilder line, String text, int width, boolean right, boolean last) {
        String value = fit(text, width);
        String pad = " ".repeat(width - value.length());
        line.append(right ? pad + value : value + pad);
        if (!last) {
            line.append("  ");
        }
    }

    /** Splits {@code text} at spaces into lines of at most {@code width}; continuations indent by 4. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        String indent = "";
        while (indent.length() + rest.length() > width) {
            int room = width - indent.length();
            int cut = rest.lastIndexOf(' ', room);
            if (cut <= 0) {
                cut = room;
            }
            lines.add(indent + rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
            indent = "    ";
        }
        lines.add(indent + rest);
        return lines;
    }

    private static String fit(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        return width <= 1 ? text.substring(0, width) : text.substring(0, width - 1) + "…";
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }

    static String style(String text, Style style, boolean color) {
        if (!color || style == Style.PLAIN || text.isEmpty()) {
            return text;
        }
        String code = switch (style) {
            case STRONG -> "1";
            case DIM -> "2";
            case WARN -> "33";
            default -> "0";
        };
        return "\u001b[" + code + "m" + text + "\u001b[0m";
    }
}
