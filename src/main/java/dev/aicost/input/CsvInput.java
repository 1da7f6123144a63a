package dev.aicost.input;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The one CSV reader of the tool (billing exports, hourly profiles): RFC 4180 through FastCSV, so
 * quoted fields (commas, quotes, newlines inside), a UTF-8 byte-order mark (skipped here, for
 * every caller) and CRLF line ends are all read as they should be. A field that is empty or {@code NULL} is missing (real exports write
 * either). Each row keeps the line it starts on and the column where each field starts, so a
 * problem can be reported as {@code file:line:column}.
 */
public final class CsvInput implements Closeable {
    /** No field may be longer than this many characters (bounds memory on hostile input; real fields are short). */
    public static final int MAX_RECORD_CHARS = 1024 * 1024;

    private final String file;
    private final long lineOffset;
    private final CsvReader<Row> reader;
    private final Iterator<Row> rows;

    /** One record: its fields, the line it starts on and the 1-based column of each field. */
    public record Row(long line, String[] fields, int[] columns) {
        public int size() {
            return fields.length;
        }

        /** Field {@code index}, stripped; "" for a missing field (empty, {@code NULL}, or past the end). */
        public String get(int index) {
            return index < 0 || index >= fields.length ? "" : fields[index];
        }

        public int column(int index) {
            return index < 0 || index >= columns.length ? 1 : columns[index];
        }

        /** True for a line with nothing on it. */
        public boolean blank() {
            return fields.length == 1 && fields[0].isEmpty();
        }
    }

    /** What is done with a CSV file once it is open. */
    public interface Body<T> {
        T read(CsvInput csv) throws IOException;
    }

    /**
     * Opens {@code path} as strict UTF-8 CSV (recorded as an input of the command), hands it to
     * {@code body} and closes it; a missing file, a byte that is not UTF-8 and an I/O failure are
     * bad input in words.
     */
    public static <T> T read(java.nio.file.Path path, Body<T> body) {
        String file = path.toString();
        InputFiles.record(path);
        try (Reader reader = java.nio.file.Files.newBufferedReader(path, java.nio.charset.StandardCharsets.UTF_8);
                CsvInput csv = new CsvInput(file, reader)) {
            return body.read(csv);
        } catch (java.nio.file.NoSuchFileException e) {
            throw InputException.of(file, "file not found");
        } catch (java.nio.charset.MalformedInputException e) {
            throw InputException.of(file, "is not UTF-8 text");
        } catch (IOException e) {
            throw InputException.of(file, IoMessages.cannotRead(e));
        }
    }

    public CsvInput(String file, Reader in) {
        this(file, in, 0);
    }

    /**
     * A CSV text that starts at line {@code lineOffset + 1} of {@code file} (a part of a file
     * read on its own): rows and messages name the file's lines.
     */
    public CsvInput(String file, Reader in, long lineOffset) {
        this.file = file;
        this.lineOffset = lineOffset;
        in = skipByteOrderMark(file, in);
        this.handler = new Handler(lineOffset);
        this.reader = CsvReader.builder().detectBomHeader(false).allowExtraFields(true).allowMissingFields(true)
                .skipEmptyLines(true).maxBufferSize(MAX_RECORD_CHARS).build(handler, in);
        this.rows = reader.iterator();
    }

    /** {@code in} past a leading UTF-8 byte-order mark (decoded as U+FEFF), if it has one. */
    private static Reader skipByteOrderMark(String file, Reader in) {
        java.io.PushbackReader pushback = new java.io.PushbackReader(in, 1);
        try {
            int first = pushback.read();
            if (first >= 0 && first != '\uFEFF') {
                pushback.unread(first);
            }
        } catch (IOException e) {
            throw InputException.of(file, IoMessages.cannotRead(e));
        }
        return pushback;
    }

    /** The next row, or null at the end; a row CSV cannot read is bad input with its line. */
    public Row next() {
        try {
            return rows.hasNext() ? rows.next() : null;
        } catch (CsvParseException e) {
            String text = message(e);
            // FastCSV counts lines from the start of what it reads, which may be a part of the file
            java.util.regex.Matcher started = java.util.regex.Pattern.compile("started in line (\\d+)").matcher(text);
            long line = 0;
            if (started.find()) {
                line = Long.parseLong(started.group(1)) + lineOffset;
                text = text.substring(0, started.start(1)) + line + text.substring(started.end(1));
            }
            if (text.contains("maximum buffer size")) {
                throw new InputException(new Problem(file, (int) Math.min(Integer.MAX_VALUE, line), 1, null,
                        "a field is longer than " + (MAX_RECORD_CHARS >> 20) + "M characters (a quote that is "
                        + "never closed?)"));
            }
            throw InputException.of(file, "is not valid CSV: " + text);
        } catch (UncheckedIOException e) {
            throw InputException.of(file, "cannot be read: " + e.getCause().getMessage());
        }
    }

    private static String message(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private final Handler handler;

    /**
     * From the next row on, only the fields whose index {@code wanted} marks are read into text;
     * the others are "" (their positions are still counted, for messages about later fields).
     */
    public void readOnly(boolean[] wanted) {
        handler.wanted = wanted.clone();
    }

    /** Builds rows with field positions; {@code NULL} and empty fields become "". */
    private static final class Handler extends AbstractBaseCsvCallbackHandler<Row> {
        private final long lineOffset;
        private boolean[] wanted;
        private String[] fields = new String[64];
        private int[] columns = new int[64];
        private int count;
        private int column;
        private long line;

        Handler(long lineOffset) {
            this.lineOffset = lineOffset;
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            count = 0;
            column = 1;
            line = startingLineNumber + lineOffset;
        }

        @Override
        protected void handleField(int index, char[] buffer, int offset, int length, boolean quoted) {
            if (count == fields.length) {
                fields = Arrays.copyOf(fields, count * 2);
                columns = Arrays.copyOf(columns, count * 2);
            }
            boolean skipped = wanted != null && (index >= wanted.length || !wanted[index]);
            String value = skipped ? "" : new String(buffer, offset, length).strip();
            columns[count] = column;
            int raw = length;
            if (quoted) {
                raw += 2;
                for (int i = offset; i < offset + length; i++) {
                    if (buffer[i] == '"') {
                        raw++;
                    }
                }
            }
            column += raw + 1;
            fields[count++] = value.equals("NULL") ? "" : value;
        }

        @Override
        protected void handleEmpty() {
            count = 1;
            fields[0] = "";
            columns[0] = 1;
        }

        @Override
        protected Row buildRecord() {
            return new Row(line, Arrays.copyOf(fields, count), Arrays.copyOf(columns, count));
        }
    }
}
