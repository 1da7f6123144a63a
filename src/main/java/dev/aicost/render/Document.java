package dev.aicost.render;

import dev.aicost.render.TextTable.Style;
import java.util.ArrayList;
import java.util.List;

/**
 * What a command shows in the text formats, built once and written by {@link #table} (the terminal)
 * or {@link #markdown}: a title, then parts in order: headings, tables, lines of text and blank
 * lines, each shown in both formats unless it says otherwise. The commands' renderers only build
 * documents; the layout rules live here.
 */
public final class Document {
    /** How lines of text look in markdown. */
    public enum Markdown {
        /** {@code - line} */
        BULLETS,
        /** {@code line}, one after another */
        PLAIN,
        /** {@code line} followed by a blank line */
        PARAGRAPHS,
        /** a blank line, then {@code > line} */
        QUOTES
    }

    /** Where a part is shown. */
    public enum In {
        BOTH, TABLE, MARKDOWN
    }

    private sealed interface Part permits Heading, Table, Lines, Blank, Raw {
        In in();
    }

    private record Heading(String text, String markdown, In in) implements Part {
    }

    private record Table(TextTable table, In in) implements Part {
    }

    private record Lines(List<String> lines, Style style, Markdown markdown, boolean wrap, In in) implements Part {
    }

    private record Blank(In in) implements Part {
    }

    private record Raw(String text, In in) implements Part {
    }

    private final String title;
    private final String markdownTitle;
    private final boolean wrapTitle;
    private final List<Part> parts = new ArrayList<>();

    /**
     * @param title         the first line in the terminal, in bold
     * @param markdownTitle the {@code #} heading in markdown
     * @param wrapTitle     whether a long title wraps to the width in the terminal
     */
    public Document(String title, String markdownTitle, boolean wrapTitle) {
        this.title = title;
        this.markdownTitle = markdownTitle;
        this.wrapTitle = wrapTitle;
    }

    /** A document with no title (its first part stands at the top in both formats). */
    public static Document untitled() {
        return new Document(null, null, false);
    }

    /** A heading: a bold line in the terminal, {@code ## text} in markdown (where shown). */
    public Document heading(String text, In in) {
        parts.add(new Heading(text, "## " + text, in));
        return this;
    }

    /** A heading with its own markdown form (e.g. {@code ### ...}). */
    public Document heading(String text, String markdown, In in) {
        parts.add(new Heading(text, markdown, in));
        return this;
    }

    public Document table(TextTable table) {
        return table(table, In.BOTH);
    }

    public Document table(TextTable table, In in) {
        parts.add(new Table(table, in));
        return this;
    }

    /** Lines of text in {@code style}, wrapped to the width in the terminal when {@code wrap}. */
    public Document lines(List<String> lines, Style style, Markdown markdown, boolean wrap, In in) {
        parts.add(new Lines(List.copyOf(lines), style, markdown, wrap, in));
        return this;
    }

    /** Text drawn elsewhere (a chart), written as it is. */
    public Document raw(String text, In in) {
        parts.add(new Raw(text, in));
        return this;
    }

    /** A blank line. */
    public Document blank(In in) {
        parts.add(new Blank(in));
        return this;
    }

    /**
     * A report in {@code format}: its document as a terminal table (fitted to {@code width}, ANSI
     * emphasis when {@code color}) or as markdown, or its CSV or JSON text. The one place that
     * switches over the formats.
     */
    public static String render(Format format, java.util.function.Supplier<Document> document,
            java.util.function.Supplier<String> csv, java.util.function.Supplier<String> json, int width,
            boolean color) {
        return switch (format) {
            case TABLE -> document.get().table(width, color);
            case MARKDOWN -> document.get().markdown();
            case CSV -> csv.get();
            case JSON -> json.get();
        };
    }

    /** The terminal form: tables fitted to {@code width} (0: no limit), ANSI emphasis when {@code color}. */
    public String table(int width, boolean color) {
        StringBuilder out = new StringBuilder();
        int wrapAt = width > 0 ? width : Integer.MAX_VALUE;
        for (String line : title == null ? List.<String>of() : wrapTitle ? TextTable.wrap(title, wrapAt)
                : List.of(title)) {
            out.append(TextTable.style(line, Style.STRONG, color)).append('\n');
        }
        for (Part part : parts) {
            if (part.in() == In.MARKDOWN) {
                continue;
            }
            if (part instanceof Heading h) {
                out.append(TextTable.style(h.text(), Style.STRONG, color)).append('\n');
            } else if (part instanceof Table t) {
                out.append(t.table().render(width, color));
            } else if (part instanceof Raw r) {
                out.append(r.text());
            } else if (part instanceof Lines l) {
                for (String line : l.lines()) {
                    for (String piece : l.wrap() ? TextTable.wrap(line, wrapAt) : List.of(line)) {
                        out.append(TextTable.style(piece, l.style(), color)).append('\n');
                    }
                }
            } else {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The markdown form. */
    public String markdown() {
        StringBuilder out = new StringBuilder(markdownTitle == null ? "" : "# " + markdownTitle + "\n");
        for (Part part : parts) {
            if (part.in() == In.TABLE) {
                continue;
            }
            if (part instanceof Heading h) {
                out.append(h.markdown()).append('\n');
            } else if (part instanceof Table t) {
                out.append(t.table().markdown());
            } else if (part instanceof Raw r) {
                out.append(r.text());
            } else if (part instanceof Lines l) {
                for (String line : l.lines()) {
                    switch (l.markdown()) {
                        case BULLETS -> out.append("- ").append(line).append('\n');
                        case PLAIN -> out.append(line).append('\n');
                        case PARAGRAPHS -> out.append(line).append("\n\n");
                        case QUOTES -> out.append("\n> ").append(line).append('\n');
                        default -> throw new IllegalStateException(String.valueOf(l.markdown()));
                    }
                }
            } else {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
