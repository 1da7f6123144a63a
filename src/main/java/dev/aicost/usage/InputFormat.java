package dev.aicost.usage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.aicost.input.CsvInput;
import dev.aicost.input.InputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * What a usage input is, told by its content and never by its name: Parquet (magic bytes), gzip
 * (magic bytes, then the same questions about what it holds), a JSON array of log records,
 * pretty-printed log records one after another, JSON lines, or CSV whose header names a known
 * billing export. Anything else is bad input that says what was expected.
 */
public final class InputFormat {
    /** How much of a file (decompressed) is looked at to tell its shape. */
    static final int SNIFF = 64 * 1024;
    private static final JsonFactory JSON = new JsonFactory();

    /** The shapes a usage input can have. */
    public enum Shape {
        /** One log record per line. */
        JSON_LINES,
        /** Log records as one JSON array, or as objects spread over many lines. */
        JSON_RECORDS,
        /** A CSV billing export. */
        CSV,
        /** A Parquet billing export. */
        PARQUET,
        /** Nothing in it. */
        EMPTY
    }

    /** A detected input: its shape, whether it is gzip, and for an export which kind. */
    public record Detected(Path path, Shape shape, boolean gzip, BillingReader.Kind kind) {
        public boolean billing() {
            return shape == Shape.CSV || shape == Shape.PARQUET;
        }
    }

    private InputFormat() {
    }

    /** Looks at {@code file}; throws bad input (exit 2) for a file that is none of the known shapes. */
    public static Detected detect(Path file) {
        String name = file.toString();
        byte[] head;
        boolean gzip;
        dev.aicost.input.InputFiles.record(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), SNIFF)) {
            raw.mark(4);
            byte[] magic = raw.readNBytes(4);
            raw.reset();
            if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'A' && magic[2] == 'R' && magic[3] == '1') {
                checkParquetFooter(file);
                return new Detected(file, Shape.PARQUET, false, null);
            }
            gzip = magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
            InputStream in = gzip ? new GZIPInputStream(raw) : raw;
            head = readUpTo(in, SNIFF, name);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw InputException.of(name, "is not a readable gzip file: " + (e.getMessage() == null
                    ? "it ends too soon" : e.getMessage()));
        } catch (NoSuchFileException e) {
            throw InputException.of(name, "file not found");
        } catch (AccessDeniedException e) {
            throw InputException.of(name, "cannot be read: permission denied");
        } catch (IOException e) {
            throw InputException.of(name, dev.aicost.input.IoMessages.cannotRead(e));
        }
        return classify(file, head, gzip);
    }

    /** Up to {@code limit} bytes; of a gzip stream that breaks off, what came before the break. */
    private static byte[] readUpTo(InputStream in, int limit, String name) throws IOException {
        byte[] buffer = new byte[limit];
        int filled = 0;
        try {
            while (filled < limit) {
                int n = in.read(buffer, filled, limit - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            if (filled == 0) {
                throw InputException.of(name, "is not a readable gzip file: " + (e.getMessage() == null
                        ? "it ends too soon" : e.getMessage()));
            }
            // the reader reports the break with the line it reached
        }
        return java.util.Arrays.copyOf(buffer, filled);
    }

    static Detected classify(Path file, byte[] head, boolean gzip) {
        String name = file.toString();
        int from = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            from = 3;
        }
        int first = from;
        while (first < head.length && isSpace(head[first])) {
            first++;
        }
        if (first == head.length) {
            return new Detected(file, Shape.EMPTY, gzip, null);
        }
        if (gzip && head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
            throw InputException.of(name, "is a gzip-compressed Parquet file; Parquet compresses its own "
                    + "pages, so give the .parquet file as it was exported (gunzip it first)");
        }
        if (head[first] == '[') {
            return new Detected(file, Shape.JSON_RECORDS, gzip, null);
        }
        if (head[first] == '{') {
            return new Detected(file, firstLineIsARecord(head, first) ? Shape.JSON_LINES : Shape.JSON_RECORDS, gzip,
                    null);
        }
        String text = text(head, from, name);
        List<String> header = header(name, text);
        BillingReader.Kind kind = BillingReader.detect(header);
        if (kind == null) {
            if (looksLikeJsonLines(text)) {
                // a log whose first line is damaged: read as logs, the line counts as malformed
                return new Detected(file, Shape.JSON_LINES, gzip, null);
            }
            throw InputException.of(name, unknownHeader(header));
        }
        BillingReader.requireColumns(name, kind, header);
        return new Detected(file, Shape.CSV, gzip, kind);
    }

    /** The message for a CSV header (or text) that is no export aicost knows. */
    static String unknownHeader(List<String> header) {
        String shown = String.join(",", header.subList(0, Math.min(header.size(), 6)));
        if (shown.length() > 120) {
            shown = shown.substring(0, 117) + "...";
        }
        String hint = BillingReader.closestColumns(header);
        return "is neither a Bedrock invocation log (JSON records) nor a billing export aicost knows: its "
                + "first line is '" + shown + (header.size() > 6 ? ",..." : "") + "'. Expected CSV with the "
                + "columns of " + BillingReader.IDENTIFYING + (hint.isEmpty() ? "" : "; " + hint);
    }

    private static List<String> header(String name, String text) {
        int end = text.indexOf('\n');
        String firstLine = end < 0 ? text : text.substring(0, end);
        try (CsvInput csv = new CsvInput(name, new StringReader(firstLine))) {
            CsvInput.Row row = csv.next();
            return row == null ? List.of() : Arrays.asList(row.fields());
        } catch (IOException | InputException e) {
            return List.of(firstLine.strip());
        }
    }

    /** True when the first line, from {@code first}, is one whole JSON object (so the file is JSON lines). */
    private static boolean firstLineIsARecord(byte[] head, int first) {
        int end = first;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        if (end == head.length && (head.length == SNIFF || !hasNewline(head))) {
            return true; // a first line longer than the window (or than a broken gzip): only JSON lines have those
        }
        int last = end - 1;
        while (last > first && isSpace(head[last])) {
            last--;
        }
        // a line that opens and closes an object is a record, even one broken inside (a malformed record)
        return wholeObject(head, first, end) || (last > first && head[last] == '}');
    }

    private static boolean wholeObject(byte[] b, int from, int to) {
        try (JsonParser parser = JSON.createParser(b, from, to - from)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            parser.skipChildren();
            return parser.currentToken() == JsonToken.END_OBJECT;
        } catch (IOException e) {
            return false;
        }
    }

    /** A later line of the window is a whole JSON object. */
    private static boolean looksLikeJsonLines(String text) {
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length && i < 50; i++) {
            String line = lines[i].strip();
            if (line.startsWith("{")) {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                if (wholeObject(bytes, 0, bytes.length)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String text(byte[] head, int from, String name) {
        int length = head.length - from;
        for (int i = from; i < head.length; i++) {
            if (head[i] == 0) {
                throw InputException.of(name, "is a binary file, not a log or billing export: expected Bedrock "
                        + "invocation logs (JSON, plain or gzip), or a CSV or Parquet export with the columns of "
                        + BillingReader.IDENTIFYING);
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(head, from, length);
        CharBuffer chars = CharBuffer.allocate(length + 1);
        var result = decoder.decode(bytes, chars, true);
        if (result.isError() && bytes.remaining() > 4) {
            // an error close to the end of the window may just be a character cut in two
            try {
                result.throwException();
            } catch (CharacterCodingException e) {
                throw InputException.of(name, "is not UTF-8 text (byte " + (bytes.position() + 1)
                        + "): expected Bedrock invocation logs or a CSV or Parquet billing export");
            }
        }
        chars.flip();
        return chars.toString();
    }

    private static void checkParquetFooter(Path file) throws IOException {
        long size = Files.size(file);
        byte[] tail = new byte[4];
        if (size >= 12) {
            try (var channel = java.nio.channels.FileChannel.open(file)) {
                channel.read(ByteBuffer.wrap(tail), size - 4);
            }
        }
        if (size < 12 || tail[0] != 'P' || tail[1] != 'A' || tail[2] != 'R' || tail[3] != '1') {
            throw InputException.of(file.toString(), "starts like a Parquet file but has no Parquet footer: the "
                    + "file is truncated (an interrupted download or copy?)");
        }
    }

    private static boolean hasNewline(byte[] head) {
        for (byte b : head) {
            if (b == '\n') {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
