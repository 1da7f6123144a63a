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
        UsageAggregator aggregator = new UsageAggregator(id -> 0);
        new InvocationLogReader("team", false, fast).readLines(new ByteArrayInputStream(text.getBytes(
                StandardCharsets.UTF_8)), "t", aggregator);
        Map<String, String> view = new TreeMap<>();
        aggregator.groups().forEach((key, group) -> view.put(key.tag() + "|" + key.modelId(), group.totalCalls() + " "
                + (group.input[0] + group.input[1]) + " " + (group.cacheRead[0] + group.cacheRead[1]) + " "
                + (group.cacheWrite[0] + group.cacheWrite[1]) + " " + (group.output[0] + group.output[1])));
        view.put("hours", aggregator.hourly().toString());
        view.put("records", aggregator.records() + " / malformed " + aggregator.malformedCount());
        view.put("samples", aggregator.malformedSamples().toString());
        return view;
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
        assertThat(aggregate(texts.get(3), true).get("(untagged)|m")).isEqualTo("3 15 0 0 17");
    }
}
