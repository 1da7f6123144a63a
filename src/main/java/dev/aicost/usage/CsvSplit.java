package dev.aicost.usage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Where a plain CSV file can be cut into parts that CSV readers can read on their own: a quoted
 * field may hold a newline, so a cut is only made at a newline that ends a record, found by
 * reading the file up to the cut with the RFC 4180 rules. Each cut also says on which physical
 * line its part starts (FastCSV counts CR, LF and CRLF as one line end each, inside quoted fields
 * too, as FastCSV 4.3 counts them), so a part's messages name the file's lines. A quote inside an
 * unquoted field is text, as FastCSV reads it. No cut is made past text after a closing quote,
 * which FastCSV refuses: the part before reads on to the end (a whole file, when it starts so),
 * and meets the error where one reader would.
 */
final class CsvSplit {
    /** Where a part starts: its first byte and its first line (1-based; -1 for the file's end). */
    record Cut(long offset, long line) {
    }

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_SEEN = 3;

    /** What each byte means inside a quoted field: 0 nothing, 1 a quote, 2 a CR or LF. */
    private static final byte[] IN_QUOTES = new byte[256];
    /** ... and in an unquoted field: 0 nothing (a quote there is text, as FastCSV reads it), else a comma, CR, LF. */
    private static final byte[] IN_FIELD = new byte[256];

    static {
        IN_QUOTES['"'] = 1;
        IN_QUOTES['\n'] = 2;
        IN_QUOTES['\r'] = 2;
        IN_FIELD[','] = 1;
        IN_FIELD['\n'] = 1;
        IN_FIELD['\r'] = 1;
    }

    private CsvSplit() {
    }

    /**
     * Finds the cuts, in order, at the first record end at or after each of {@code targets}
     * (ascending offsets), and completes {@code cuts[k]} as soon as it is found. A cut that cannot
     * be made (the file ends first, or its quoting stops being plain before it) is completed as
     * the end of the file, so the part before it reads on to the end.
     */
    static void find(Path file, long size, long[] targets, CompletableFuture<Cut>[] cuts) throws IOException {
        int found = 0;
        try {
            found = scan(file, size, targets, cuts);
        } finally {
            for (int k = found; k < cuts.length; k++) {
                cuts[k].complete(new Cut(size, -1));
            }
        }
    }

    /** Completes the cuts it finds; returns how many. */
    private static int scan(Path file, long size, long[] targets, CompletableFuture<Cut>[] cuts) throws IOException {
        int found = 0;
        byte[] buffer = new byte[1 << 20];
        int state = FIELD_START;
        long lines = 1;
        // outside quotes: the previous byte was a CR (a CRLF is one line end); inside: a CR was met in these quotes
        boolean carriageReturn = false;
        long offset = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            boolean first = true;
            while ((n = in.read(buffer)) > 0) {
                int i = 0;
                if (first && n >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
                    i = 3; // a UTF-8 byte-order mark
                }
                first = false;
                while (i < n) {
                    byte c = buffer[i];
                    if (state == QUOTED) {
                        // the common case of an export whose every field is quoted: run to the next quote or line end
                        int kind = IN_QUOTES[c & 0xff];
                        while (kind == 0 && ++i < n) {
                            kind = IN_QUOTES[buffer[i] & 0xff];
                        }
                        if (i == n) {
                            break;
                        }
                        c = buffer[i];
                        if (kind == 1) {
                            state = QUOTE_SEEN;
                            carriageReturn = false;
                        } else if (c == '\r') {
                            lines++;
                            carriageReturn = true;
                        } else {
                            // as FastCSV counts: an LF after a CR met in the same quotes (next to it
                            // or not) ends no line of its own
                            lines += carriageReturn ? 0 : 1;
                            carriageReturn = false;
                        }
                        i++;
                        continue;
                    }
                    if (state == UNQUOTED && IN_FIELD[c & 0xff] == 0) {
                        carriageReturn = false;
                        i++;
                        continue;
                    }
                    if (c == '\n' || c == '\r') { // the end of a record (not in quotes here)
                        lines += c == '\n' && carriageReturn ? 0 : 1;
                        carriageReturn = c == '\r';
                        state = FIELD_START;
                        long next = offset + i + 1;
                        if (c == '\n' && next >= targets[found] && next < size) {
                            cuts[found++].complete(new Cut(next, lines));
                            if (found == cuts.length) {
                                return found;
                            }
                        }
                        i++;
                        continue;
                    }
                    carriageReturn = false;
                    switch (state) {
                        case FIELD_START -> state = c == '"' ? QUOTED : c == ',' ? FIELD_START : UNQUOTED;
                        case UNQUOTED -> state = FIELD_START; // a comma
                        default -> { // QUOTE_SEEN
                            if (c == '"') {
                                state = QUOTED; // an escaped quote
                            } else if (c == ',') {
                                state = FIELD_START;
                            } else {
                                return found; // text after a closing quote
                            }
                        }
                    }
                    i++;
                }
                offset += n;
            }
        }
        return found;
    }

    /**
     * Where to aim the cuts of a file of {@code size} bytes read as {@code parts} parts at once.
     * Part k starts only when the scan has found its cut, and the scan reads about {@link #SCAN}
     * times as fast as a CSV part is parsed, so the first parts are made longer than the last:
     * with c(k) the k-th cut, p(c(1)) = c(k) s + p (c(k+1) - c(k)) makes every part end at once.
     */
    static long[] targets(long size, int parts) {
        double r = SCAN;
        double first = r / (1 - Math.pow(1 - r, parts)); // c(1) / size
        long[] targets = new long[parts - 1];
        double c = 0;
        for (int k = 0; k < parts - 1; k++) {
            c = c * (1 - r) + first;
            targets[k] = (long) (c * size);
        }
        return targets;
    }

    /** Time to scan a byte over time to parse it, measured on a CUR 2.0 export: 0.5 s against 2.6 s for 210 MB. */
    private static final double SCAN = 0.2;

    /**
     * Bytes {@code [start, end)} of {@code file}, where the end is not known yet: up to
     * {@code freeUntil} (which the end is never before) the stream reads on; past it, it waits for
     * {@code end}.
     */
    static InputStream part(Path file, long start, long freeUntil, CompletableFuture<Cut> end) throws IOException {
        InputStream raw = Files.newInputStream(file);
        raw.skipNBytes(start);
        return new PartStream(raw, start) {
            private long limit = end == null ? Long.MAX_VALUE : -1;

            @Override
            long limit(long position) {
                if (limit < 0 && position >= freeUntil) {
                    limit = end.join().offset();
                }
                return limit >= 0 ? limit : freeUntil;
            }
        };
    }
}
