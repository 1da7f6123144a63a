package dev.aicost.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aicost.bench.GenerateInvocationLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The byte-level fast path must read exactly what Jackson reads: every line below is read twice,
 * once with the fast path and once with Jackson only, and the aggregates must be equal.
 */
class FastPathDifferentialTest {

    private static Map<String, String> aggregate(String text, boolean fast) throws IOException {
        return aggregate(text, fast, new UsageAggregator(id -> 0));
    }

    /**
     * What a report is made of: per group (model, tag, region, day) the sums of both context bands
     * and the call shape's percentiles, the hourly tokens, the region routes and the record counts.
     */
    private static Map<String, String> aggregate(String text, boolean fast, UsageAggregator aggregator)
            throws IOException {
        new InvocationLogReader("team", false, fast).readLines(new ByteArrayInputStream(text.getBytes(
                StandardCharsets.UTF_8)), "t", aggregator);
        Map<String, String> view = new TreeMap<>();
        aggregator.groups().forEach((key, group) -> {
            StringBuilder sums = new StringBuilder();
            for (int band = 0; band < 2; band++) {
                sums.append(group.calls[band]).append(' ').append(group.input[band]).append(' ')
                        .append(group.cacheRead[band]).append(' ').append(group.cacheWrite[band]).append(' ')
                        .append(group.output[band]).append(band == 0 ? " | " : "");
            }
            for (int p : new int[] {0, 50, 90, 99, 100}) {
                sums.append(" p").append(p).append(' ').append(group.shape.input.percentile(p)).append('/')
                        .append(group.shape.output.percentile(p));
            }
            view.put(key.tag() + "|" + key.modelId() + "|" + key.region() + "|" + key.day(), sums.toString());
        });
        view.put("hours", aggregator.hourly().toString());
        view.put("routes", new TreeMap<>(aggregator.routes().entrySet().stream().collect(
                java.util.stream.Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue))).toString());
        view.put("records", aggregator.records() + " / malformed " + aggregator.malformedCount());
        view.put("samples", aggregator.malformedSamples().toString());
        return view;
    }

    /** The sums of the groups whose key passes {@code groups}, both bands: "calls input cacheRead cacheWrite output". */
    private static String totals(Map<String, String> view, java.util.function.Predicate<String> groups) {
        long[] sum = new long[5];
        view.forEach((key, value) -> {
            if (groups.test(key)) {
                String[] parts = value.split(" ");
                for (int i = 0; i < 5; i++) {
                    sum[i] += Long.parseLong(parts[i]) + Long.parseLong(parts[i + 6]);
                }
            }
        });
        return sum[0] + " " + sum[1] + " " + sum[2] + " " + sum[3] + " " + sum[4];
    }

    @Test
    void generatedRecordsReadTheSame() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder text = new StringBuilder();
        long start = java.time.Instant.parse("2026-10-01T00:00:00Z").getEpochSecond();
        FastRecordScanner scanner = new FastRecordScanner("team");
        for (int i = 0; i < 3000; i++) {
            String line = GenerateInvocationLog.record(random, start + random.nextLong(7L * 24 * 3600), i);
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(scanner.scan(bytes, 0, bytes.length)).as("the fast path reads generated records itself").isTrue();
            text.append(line).append('\n');
        }
        assertThat(aggregate(text.toString(), true)).isEqualTo(aggregate(text.toString(), false));
        // long-context bands: every model above 20,000 input tokens (with cache) is priced apart
        assertThat(aggregate(text.toString(), true, new UsageAggregator(id -> 20_000)))
                .isEqualTo(aggregate(text.toString(), false, new UsageAggregator(id -> 20_000)));
    }

    @Test
    void regionsBandsAndManyDistinctValuesReadTheSame() throws IOException {
        StringBuilder text = new StringBuilder();
        // 300 distinct model ids and tags: past the scanner's 256 numbered strings, records go to the
        // aggregator directly; both routes must add up alike
        for (int i = 0; i < 900; i++) {
            String region = i % 3 == 0 ? "" : ",\"region\":\"us-east-" + (i % 2 + 1) + "\"";
            String inference = i % 5 == 0 ? ",\"inferenceRegion\":\"us-west-2\"" : "";
            text.append("{\"timestamp\":\"2026-10-0").append(1 + i % 9).append('T').append(10 + i % 14)
                    .append(":00:00Z\",\"modelId\":\"model-").append(i % 300).append('"').append(region)
                    .append(inference).append(",\"requestMetadata\":{\"team\":\"t").append(i % 280)
                    .append("\"},\"input\":{\"inputTokenCount\":").append(i * 37 % 5000)
                    .append(",\"cacheReadInputTokenCount\":").append(i % 7).append("},\"output\":{\"outputTokenCount\":")
                    .append(i % 400).append("}}\n");
        }
        assertThat(aggregate(text.toString(), true, new UsageAggregator(id -> 2500)))
                .isEqualTo(aggregate(text.toString(), false, new UsageAggregator(id -> 2500)));
        // model-0 is on lines 0, 300 and 600 (i % 300 == 0), teams t0, t20 and t40: input 0,
        // 11,100 % 5000 = 1,100 and 22,200 % 5000 = 2,200; cache reads 0, 300 % 7 = 6 and 600 % 7 = 5;
        // output 0, 300 and 200
        Map<String, String> view = aggregate(text.toString(), true);
        assertThat(totals(view, key -> key.contains("|model-0|"))).isEqualTo("3 3300 11 0 500");
        assertThat(totals(view, key -> key.startsWith("t0|model-0|"))).isEqualTo("1 0 0 0 0");
        assertThat(view.get("records")).isEqualTo("900 / malformed 0");
    }

    @Test
    void manyDaysAndHoursReadTheSame() throws IOException {
        // 3,000 distinct hours over 125 days (the scanner's hour table starts at 1,024 slots and
        // grows twice) and hours that cross midnight into the next day's group
        StringBuilder text = new StringBuilder();
        long start = java.time.Instant.parse("2026-06-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 6000; i++) {
            String timestamp = java.time.Instant.ofEpochSecond(start + (i % 3000) * 3600L + i % 60).toString();
            text.append("{\"timestamp\":\"").append(timestamp).append("\",\"modelId\":\"m").append(i % 3)
                    .append("\",\"input\":{\"inputTokenCount\":").append(i % 1000)
                    .append("},\"output\":{\"outputTokenCount\":").append(i % 10).append("}}\n");
        }
        Map<String, String> fast = aggregate(text.toString(), true);
        assertThat(fast).isEqualTo(aggregate(text.toString(), false));
        // the first hour (lines 0 and 3,000): input 0 + 0, output 0 + 0; the second (1 and 3,001):
        // input 1 + 1, output 1 + 1, so 4 tokens
        assertThat(fast.get("hours")).startsWith("{" + start / 3600 + "=0, " + (start / 3600 + 1) + "=4,");
        assertThat(fast.get("records")).isEqualTo("6000 / malformed 0");
    }

    @Test
    void edgeCasesReadTheSame() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("src/test/resources/usage/invocations.jsonl")));
        lines.addAll(List.of(
                // escapes in the wanted strings, an escaped quote in a body, unicode
                "{\"timestamp\":\"2026-10-01T01:00:00Z\",\"modelId\":\"m\\u002d1\",\"input\":{\"inputTokenCount\":1},"
                        + "\"output\":{\"outputTokenCount\":2}}",
                "{\"modelId\":\"m\",\"input\":{\"inputBodyJson\":{\"t\":\"a \\\" } ] { \\\\\"},\"inputTokenCount\":5},"
                        + "\"timestamp\":\"2026-10-01T02:00:00Z\",\"output\":{\"outputTokenCount\":6}}",
                "{\"timestamp\":\"2026-10-01T02:00:00Z\",\"modelId\":\"médèle\",\"input\":{\"inputTokenCount\":1},"
                        + "\"output\":{\"outputTokenCount\":1},\"requestMetadata\":{\"team\":\"équipe\"}}",
                // whitespace, nulls, numbers of other shapes, a non-string tag, offsets in timestamps
                "  { \"timestamp\" : \"2026-10-01T03:00:00Z\" , \"modelId\" : \"m\" , \"input\" : { \"inputTokenCount\""
                        + " : 7 , \"cacheReadInputTokenCount\" : null } , \"output\" : { \"outputTokenCount\" : 8 } }  ",
                "{\"timestamp\":\"2026-10-01T04:00:00Z\",\"modelId\":\"m\",\"input\":{\"inputTokenCount\":1e3},"
                        + "\"output\":{\"outputTokenCount\":1}}",
                "{\"timestamp\":\"2026-10-01T04:00:00Z\",\"modelId\":\"m\",\"input\":{\"inputTokenCount\":-1},"
                        + "\"output\":{\"outputTokenCount\":1}}",
                "{\"timestamp\":\"2026-10-01T04:00:00Z\",\"modelId\":\"m\",\"input\":{\"inputTokenCount\":012},"
                        + "\"output\":{\"outputTokenCount\":1}}",
                "{\"timestamp\":\"2026-10-01T05:30:00+02:00\",\"modelId\":\"m\",\"input\":{\"inputTokenCount\":1},"
                        + "\"output\":{\"outputTokenCount\":1},\"requestMetadata\":{\"team\":42}}",
                "{\"timestamp\":\"2026-02-30T05:00:00Z\",\"modelId\":\"m\",\"input\":{\"inputTokenCount\":1},"
                        + "\"output\":{\"outputTokenCount\":1}}",
                // raw control characters inside strings, which JSON does not allow (a tab, a NUL, a
                // DEL is allowed): in a body, in a skipped top-level value, in a wanted value
                "{\"timestamp\":\"2026-10-01T07:00:00Z\",\"modelId\":\"m\",\"input\":{\"inputBodyJson\":{\"t\":\"a\tb\"},"
                        + "\"inputTokenCount\":1},\"output\":{\"outputTokenCount\":1}}",
                "{\"timestamp\":\"2026-10-01T07:00:00Z\",\"requestId\":\"r\u0000\",\"modelId\":\"m\",\"input\":"
                        + "{\"inputTokenCount\":2},\"output\":{\"outputTokenCount\":2}}",
                "{\"timestamp\":\"2026-10-01T07:00:00Z\",\"modelId\":\"m\u007f\",\"input\":{\"inputTokenCount\":3},"
                        + "\"output\":{\"outputTokenCount\":3,\"outputBodyJson\":\"x\u001fy\"}}",
                // outside a body's strings, bytes no JSON text holds there: Jackson refuses each
                "{\"timestamp\":\"2026-10-01T08:00:00Z\",\"modelId\":\"m\",\"input\":{\"inputBodyJson\":{'t':1},"
                        + "\"inputTokenCount\":4},\"output\":{\"outputTokenCount\":4}}",
                "{\"timestamp\":\"2026-10-01T08:00:00Z\",\"modelId\":\"m\",\"input\":{\"inputBodyJson\":[NaN],"
                        + "\"inputTokenCount\":5},\"output\":{\"outputTokenCount\":5}}",
                "{\"timestamp\":\"2026-10-01T08:00:00Z\",\"modelId\":\"m\",\"input\":{\"inputBodyJson\":{/*c*/},"
                        + "\"inputTokenCount\":6},\"output\":{\"outputTokenCount\":6}}",
                "{\"timestamp\":\"2026-10-01T08:00:00Z\",\"modelId\":\"m\",\"input\":{\"inputBodyJson\":{\"a\":x},"
                        + "\"inputTokenCount\":7},\"output\":{\"outputTokenCount\":7}}",
                // ... and values that are plain JSON: read by both
                "{\"timestamp\":\"2026-10-01T08:00:00Z\",\"modelId\":\"m\",\"input\":{\"inputBodyJson\":{\"a\":[true,"
                        + "false,null,-1.5e+3,0,{}]},\"inputTokenCount\":8},\"output\":{\"outputTokenCount\":8}}",
                // structure problems
                "{\"timestamp\":\"2026-10-01T06:00:00Z\",\"modelId\":\"m\",\"input\":{\"inputTokenCount\":1},"
                        + "\"output\":{\"outputTokenCount\":1}} trailing",
                "[1, 2, 3]", "{}", "\"just a string\"",
                "{\"timestamp\":\"2026-10-01T06:00:00Z\",\"modelId\":\"m\",\"input\":[1],\"output\":{\"outputTokenCount\":1}}",
                "{\"timestamp\":\"2026-10-01T06:00:00Z\",\"modelId\":\"m\",\"input\":{\"inputTokenCount\":1,},"
                        + "\"output\":{\"outputTokenCount\":1}}"));
        String text = String.join("\n", lines) + "\n";
        assertThat(aggregate(text, true)).isEqualTo(aggregate(text, false));
    }

    /**
     * The scanner expects each key to be the one that followed the key before it last time: records
     * whose keys come in shuffled orders, with optional ones, with near misses of the wanted names
     * (the same length and one byte off, at the start, the middle or the last byte; one byte
     * longer) and objects of more keys than it keeps must read as Jackson reads them.
     */
    @Test
    void keysInChangingOrdersAndNearMissesReadTheSame() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        FastRecordScanner scanner = new FastRecordScanner("team");
        String[] nearMisses = {"inputTokenCounx", "xnputTokenCount", "inputTokenCounts", "outputTokenCounT",
            "cacheReadInputTokenCounu", "cacheWriteInputTokenCounT", "modelIe", "timestamq", "inpuu", "outpuT"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            List<String> input = new ArrayList<>(List.of("\"inputTokenCount\":" + random.nextInt(9000)));
            if (random.nextBoolean()) {
                input.add("\"cacheReadInputTokenCount\":" + random.nextInt(500));
            }
            if (random.nextBoolean()) {
                input.add("\"cacheWriteInputTokenCount\":" + random.nextInt(500));
            }
            if (random.nextInt(3) == 0) {
                input.add("\"" + nearMisses[random.nextInt(nearMisses.length)] + "\":" + random.nextInt(100));
            }
            List<String> output = new ArrayList<>(List.of("\"outputTokenCount\":" + random.nextInt(900)));
            if (random.nextInt(3) == 0) {
                output.add("\"" + nearMisses[random.nextInt(nearMisses.length)] + "\":\"x\"");
            }
            List<String> top = new ArrayList<>(List.of(
                    "\"timestamp\":\"2026-10-0" + (1 + random.nextInt(9)) + "T1" + random.nextInt(10) + ":00:00Z\"",
                    "\"modelId\":\"m" + random.nextInt(3) + "\"",
                    "\"input\":{" + String.join(",", shuffled(input, random)) + "}",
                    "\"output\":{" + String.join(",", shuffled(output, random)) + "}"));
            if (random.nextBoolean()) {
                top.add("\"requestMetadata\":{\"team\":\"t" + random.nextInt(4) + "\"}");
            }
            if (random.nextInt(4) == 0) {
                // a value that would move the record to another day, or model, if taken for the wanted one
                top.add("\"" + nearMisses[random.nextInt(nearMisses.length)] + "\":\"2026-11-05T03:00:00Z\"");
            }
            if (random.nextInt(4) == 0) {
                // a wanted key with a letter more: an object of counts that would be taken for input's
                String longer = new String[] {"inputs", "outputs", "modelIds", "regions"}[random.nextInt(4)];
                top.add("\"" + longer + "\":{\"inputTokenCount\":7,\"outputTokenCount\":7}");
            }
            if (i % 50 == 0) {
                for (int k = 0; k < 40; k++) { // more keys than the scanner keeps for an object
                    top.add("\"extra" + k + "\":" + k);
                }
            }
            String line = "{" + String.join(",", i % 10 < 7 ? top : shuffled(top, random)) + "}";
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            // read by the fast path itself: a key matched for one it is not would be refused, then
            // read by Jackson, and the sums would hide it
            assertThat(scanner.scan(bytes, 0, bytes.length)).as(line).isTrue();
            text.append(line).append('\n');
        }
        assertThat(aggregate(text.toString(), true)).isEqualTo(aggregate(text.toString(), false));
    }

    private static List<String> shuffled(List<String> items, SplittableRandom random) {
        List<String> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            java.util.Collections.swap(copy, i, random.nextInt(i + 1));
        }
        return copy;
    }

    @Test
    void recordsReadInOnePassStopAtTheirLine() throws IOException {
        String good = "{\"timestamp\":\"2026-10-01T01:00:00Z\",\"modelId\":\"m\",\"input\":{\"inputTokenCount\":3},"
                + "\"output\":{\"outputTokenCount\":4}}";
        List<String> texts = List.of(
                // an unterminated string in a body must not swallow the next line's record
                "{\"timestamp\":\"2026-10-01T01:00:00Z\",\"modelId\":\"m\",\"input\":{\"inputBodyJson\":\"open,"
                        + "\"inputTokenCount\":1},\"output\":{\"outputTokenCount\":1}}\n" + good + "\n",
                // an object left open: the next line is its own record
                "{\"timestamp\":\"2026-10-01T01:00:00Z\",\"modelId\":\"m\",\"input\":{\"inputTokenCount\":1\n"
                        + good + "\n",
                // CRLF line ends, spaces before the newline, a blank line, two records on one line
                good + "\r\n" + good + "   \n\n" + good + " " + good + "\n" + good,
                // a record longer than the reader's 1 MB buffer, between plain ones
                good + "\n{\"timestamp\":\"2026-10-01T01:00:00Z\",\"modelId\":\"m\",\"input\":{\"inputBodyJson\":\""
                        + "x".repeat(3 << 20) + "\",\"inputTokenCount\":9},\"output\":{\"outputTokenCount\":9}}\n" + good
                        + "\n");
        for (String text : texts) {
            assertThat(aggregate(text, true)).isEqualTo(aggregate(text, false));
        }
        // the long record and the two around it: 3 calls, 2 x 3 + 9 = 15 input and 2 x 4 + 9 = 17 output tokens
        assertThat(totals(aggregate(texts.get(3), true), key -> key.startsWith("(untagged)|m|")))
                .isEqualTo("3 15 0 0 17");
    }

    /**
     * Bodies with escapes, brackets and quotes inside strings, at every offset of an eight-byte
     * word, are read by the fast path itself (not handed to Jackson, which would hide a scanner
     * that ends a string at an escaped quote), with the right counts; cut anywhere, the record is
     * refused, never misread.
     */
    @Test
    void escapedBodiesAreReadByTheFastPathItself() {
        FastRecordScanner scanner = new FastRecordScanner("team");
        String[] awkward = {"say \\\"hi\\\"", "a\\\\", "\\\\\\\"", "{[\\\"]}", "caf\\u00e9 \\n ]}", "é ✓ 日本", ""};
        for (String text : awkward) {
            for (int pad = 0; pad < 9; pad++) {
                String body = "{\"messages\":[{\"content\":[{\"text\":\"" + "p".repeat(pad) + text
                        + "\"}],\"k\\\"ey\":[1,{\"x\":\"" + text + "\"}]}]}";
                String record = "{\"timestamp\":\"2026-10-01T01:00:00Z\",\"modelId\":\"m\",\"input\":{"
                        + "\"inputBodyJson\":" + body + ",\"inputTokenCount\":" + (10 + pad) + "},\"output\":{"
                        + "\"outputBodyJson\":" + body + ",\"outputTokenCount\":" + (20 + pad) + "}}";
                byte[] bytes = (record + "\n").getBytes(StandardCharsets.UTF_8);
                assertThat(scanner.scanLine(bytes, 0, bytes.length)).as(record).isEqualTo(bytes.length);
                assertThat(scanner.input).isEqualTo(10 + pad);
                assertThat(scanner.output).isEqualTo(20 + pad);
                for (int cut = 0; cut < bytes.length; cut++) {
                    assertThat(scanner.scanLine(bytes, 0, cut)).as("cut at %d: %s", cut, record).isEqualTo(-1);
                }
            }
        }
    }

    /**
     * Unwanted string values of the record and of {@code input} (skipped in the key loop, eight
     * bytes at a time) with escapes at every offset of a word, and wanted strings (found eight bytes
     * at a time) of every length from 1 to 24, are read by the fast path itself with the right
     * model and counts; cut anywhere, the record is refused.
     */
    @Test
    void skippedAndWantedStringsAtEveryOffsetAreReadByTheFastPathItself() {
        FastRecordScanner scanner = new FastRecordScanner(null);
        String[] awkward = {"say \\\"hi\\\"", "a\\\\", "\\\\\\\"", "caf\\u00e9 \\n", "é ✓ 日本", ""};
        for (int t = 0; t < awkward.length; t++) {
            String text = awkward[t];
            for (int pad = 0; pad < 9; pad++) {
                String skipped = "p".repeat(pad) + text;
                // 54 records: every model id length from 1 to 24 at least twice
                String model = "m" + "0123456789abcdefghijklm".substring(0, (pad + 9 * t) % 24);
                String record = "{\"requestId\":\"" + skipped + "\",\"timestamp\":\"2026-10-01T01:00:00Z\","
                        + "\"operation\":\"" + skipped + "\",\"modelId\":\"" + model + "\",\"input\":{"
                        + "\"inputContentType\":\"" + skipped + "\",\"inputTokenCount\":" + (10 + pad) + "},"
                        + "\"output\":{\"outputTokenCount\":" + (20 + pad) + "}}";
                byte[] bytes = (record + "\n").getBytes(StandardCharsets.UTF_8);
                assertThat(scanner.scanLine(bytes, 0, bytes.length)).as(record).isEqualTo(bytes.length);
                assertThat(scanner.modelId()).as(record).isEqualTo(model);
                assertThat(scanner.input).isEqualTo(10 + pad);
                assertThat(scanner.output).isEqualTo(20 + pad);
                for (int cut = 0; cut < bytes.length; cut++) {
                    assertThat(scanner.scanLine(bytes, 0, cut)).as("cut at %d: %s", cut, record).isEqualTo(-1);
                }
            }
        }
    }
}
