package dev.aicost.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aicost.input.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV export read as parts on several threads must read exactly as one reader reading it
 * whole: the same sums, lines, counts, malformed samples and messages with the same line numbers.
 * Every case is read with 1 thread (never cut) and with 2, 3 and 5 (cut at any size here).
 */
class CsvSplitTest {
    @TempDir
    Path dir;

    /** Everything a report is made of, as text. */
    private static String view(BillingReader.Read read) {
        Map<String, String> view = new TreeMap<>();
        view.put("counts", read.kind() + " rows " + read.rows() + " token rows " + read.tokenRows() + " malformed "
                + read.malformed() + " daily " + read.dailyOnly());
        view.put("samples", read.samples().toString());
        read.sums().forEach((key, sums) -> view.put("sum " + key, java.util.Arrays.toString(sums.tokens) + " "
                + sums.billed.toPlainString()));
        view.put("hourly", read.hourly().toString());
        read.other().forEach((key, s) -> view.put("other " + key, s.rows + " " + s.quantity.toPlainString() + " "
                + s.billed.toPlainString()));
        read.credits().forEach((key, s) -> view.put("credit " + key, s.rows + " " + s.billed.toPlainString()));
        view.put("billed", read.billedAll().toPlainString() + " other bedrock " + read.otherBedrockCost().toPlainString());
        return view.toString();
    }

    private static String read(Path file, int threads, boolean strict, String tag) {
        BillingReader reader = new BillingReader(tag, strict);
        UsageInputs.of(List.of(file)).readExports(reader, tag, threads, 0);
        return view(reader.result());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static void readsAlike(Path file, String tag) {
        String whole = read(file, 1, false, tag);
        for (int threads : new int[] {2, 3, 5}) {
            assertThat(read(file, threads, false, tag)).as("%d threads", threads).isEqualTo(whole);
        }
    }

    /**
     * The header and the records of a fixture, each without its line end (a record may hold line
     * ends inside quotes: it ends at a line end after an even number of quotes).
     */
    private static List<String> records(String fixture) throws IOException {
        String text = Files.readString(Path.of("src/test/resources/usage/" + fixture), StandardCharsets.UTF_8)
                .replace("\uFEFF", "");
        List<String> records = new ArrayList<>();
        StringBuilder record = new StringBuilder();
        int quotes = 0;
        for (String line : text.split("\n", -1)) {
            if (record.length() > 0) {
                record.append('\n');
            }
            record.append(line);
            quotes += line.chars().filter(c -> c == '"').count();
            if (quotes % 2 == 0) {
                if (record.length() > 0) {
                    records.add(record.toString());
                }
                record.setLength(0);
            }
        }
        return records;
    }

    @Test
    void realExportsReadAlike() throws IOException {
        // the FinOps Foundation's FOCUS 1.0 sample, a CUR 2.0 data export (with line ends in
        // quoted descriptions), a plain CUR 2.0 and a legacy CUR file, their rows repeated so that
        // every part holds many; then each with a byte-order mark and CRLF line ends
        for (String fixture : List.of("focus-1.0-sample-200.csv", "cur2-data-export.csv", "cur2.csv",
                "cur-legacy.csv")) {
            List<String> records = records(fixture);
            StringBuilder text = new StringBuilder(records.get(0)).append('\n');
            for (int copy = 0; copy < 20; copy++) {
                for (String record : records.subList(1, records.size())) {
                    text.append(record).append('\n');
                }
            }
            readsAlike(write(fixture, text.toString()), null);
            readsAlike(write("bom-crlf-" + fixture, "\uFEFF" + text.toString().replace("\n", "\r\n")), "team");
        }
    }

    /**
     * {@code count} of cur2.csv's records (without its malformed a10 when {@code clean}), every
     * seventh with three line ends inside the quotes of its product map (an LF, a CRLF and a lone
     * CR; JSON allows them between tokens), every third ended by CRLF, a blank line after rows 45,
     * 135, ..., and a bad start time in rows {@code badFrom}, {@code badFrom + badEvery}, ...
     */
    private static String awkward(int count, int badEvery, int badFrom, boolean clean) throws IOException {
        List<String> records = new ArrayList<>(records("cur2.csv"));
        if (clean) {
            records.removeIf(record -> record.contains(",abc,"));
        }
        StringBuilder text = new StringBuilder(records.get(0)).append('\n');
        for (int i = 0; i < count; i++) {
            String row = records.get(1 + i % (records.size() - 1));
            if (i % 7 == 3) {
                row = row.replace("\"{\"\"product_name\"\":", "\"{\n\"\"product_name\"\":\r\n")
                        .replaceFirst("\"\"}\",\"", "\"\"\r}\",\"");
            }
            if (i >= badFrom && (i - badFrom) % badEvery == 0) {
                row = row.replaceFirst(",2026-10-01T", ",not-a-time-2026-10-01T"); // the usage start time
            }
            text.append(row).append(i % 3 == 0 ? "\r\n" : "\n");
            if (i % 90 == 45) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    @Test
    void quotedLineEndsMalformedRowsAndIrregularQuotesReadAlike() throws IOException {
        String text = awkward(400, 50, 17, false);
        Path file = write("awkward.csv", text);
        readsAlike(file, "team");
        // a10 (rows 9, 19, ..., 399: 40) has usage amount 'abc', and the bad start times are rows
        // 17, 67, ..., 367 (8; none is an a10 row): 48 malformed of 400
        assertThat(read(file, 1, false, null)).contains("rows 400 ", "malformed 48 ");

        // a quote inside an unquoted field in the first record: never cut, read whole, still alike
        int firstRecord = text.indexOf('\n') + 1;
        String irregular = text.substring(0, firstRecord) + "a\"0" + text.substring(firstRecord + 2);
        readsAlike(write("irregular.csv", irregular), "team");
    }

    @Test
    void strictModeNamesTheLineOneReaderWould() throws IOException {
        // one bad row, row 250; rows 3, 10, ..., 248 (i % 7 == 3, 36 of them) hold three line ends
        // inside quotes (an LF, a CRLF and a lone CR: FastCSV counts each as one), blank lines after
        // rows 45, 135 and 225 one each; the header is line 1 and row 0 line 2:
        // 2 + 250 + 36 x 3 + 3 = 363
        Path file = write("strict.csv", awkward(300, 1000, 250, true));
        String whole = message(file, 1);
        assertThat(whole).contains(":363:");
        for (int threads : new int[] {2, 3, 5}) {
            assertThat(message(file, threads)).isEqualTo(whole);
        }
    }

    private static String message(Path file, int threads) {
        BillingReader reader = new BillingReader(null, true);
        try {
            UsageInputs.of(List.of(file)).readExports(reader, null, threads, 0);
        } catch (InputException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error with " + threads + " threads");
    }

    @Test
    void cutsFallAtRecordEndsWithTheirLineNumbers() throws IOException {
        // line 1: header; line 2: a record; lines 3-4: one record with a line end in quotes, ended
        // by CRLF; line 5 and line 6: records
        String text = "a,b\n\"1\",\"x\"\n\"2\",\"y\nz\"\r\n\"3\",\"w\"\n\"4\",\"v\"\n";
        Path file = write("small.csv", text);
        long size = Files.size(file);
        assertThat(size).isEqualTo(39);
        for (long target = 1; target < size; target++) {
            @SuppressWarnings("unchecked")
            CompletableFuture<CsvSplit.Cut>[] cuts = new CompletableFuture[] {new CompletableFuture<>()};
            CsvSplit.find(file, size, new long[] {target}, cuts);
            // record ends: after "a,b\n" (byte 4), after the first record (12), after the CRLF (23),
            // after "3" (31); after "4" is the file's end, where no cut is made
            long expected = target <= 4 ? 4 : target <= 12 ? 12 : target <= 23 ? 23 : target <= 31 ? 31 : size;
            long line = expected == 4 ? 2 : expected == 12 ? 3 : expected == 23 ? 5 : expected == 31 ? 6 : -1;
            assertThat(cuts[0].join()).as("target %d", target).isEqualTo(new CsvSplit.Cut(expected, line));
        }
    }

    @Test
    void quotesFastCsvReadsLenientlyReadAsOneReaderReadsThem() throws IOException {
        String rows = awkward(200, 1000, 1000, false);
        String next = records("cur2.csv").get(1) + "\n";
        for (String odd : List.of(
                "\"open,and never closed\n",               // a quote never closed: FastCSV's error at the end
                "\"closed\"then text,1\n",                // text after a closing quote: FastCSV's error
                "a,\"x\rstill quoted\",\"\"\n\"b\",\"c\"\n", // a CR in quotes, then LF records
                "a\"b,c\n")) {                            // a quote inside an unquoted field: read as text
            Path file = write("odd.csv", rows + odd + next + rows.substring(rows.indexOf('\n') + 1));
            assertThat(outcome(file, 2)).as(odd).isEqualTo(outcome(file, 1));
            assertThat(outcome(file, 3)).as(odd).isEqualTo(outcome(file, 1));
        }
    }

    /** The report's view, or the message of the error that stopped it. */
    private static String outcome(Path file, int threads) {
        try {
            return read(file, threads, false, "team");
        } catch (InputException e) {
            return e.getMessage();
        }
    }
}
