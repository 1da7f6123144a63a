package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aicost usage} on a fixture small enough to check by hand (us-east-1 card):
 * <pre>
 * line 1  10:05 Sonnet 4.5 (us. profile) support  in 1,000 read 2,000 write 0     out 400
 *         = 1,000 x 3.30 + 2,000 x 0.33 + 400 x 16.50                  = 10,560e-6
 * line 2  10:40 Sonnet 4.5                support  in 1,000 read 0     write 2,000 out 300
 *         = 1,000 x 3.30 + 2,000 x 4.125 + 300 x 16.50                 = 16,500e-6
 * line 3  12:10 Haiku 4.5                 search   in 500                      out 100 = 1,100e-6
 * line 4  truncated JSON                                              -> malformed
 * line 5  12:30 application-inference-profile ARN research in 100 out 50 -> unmapped, not priced
 * line 6  12:45 Haiku, no outputTokenCount                            -> malformed
 * line 7  13:00 Haiku (untagged)          in 700 read 300 out 200 = 770 + 33 + 1,100 = 1,903e-6
 * Sonnet 0.02706, Haiku 0.003003, total 0.030063
 * hours 10..13: 6,700, 0, 750, 1,200 -> P50 975, P75 2,575, P95 5,875, max 6,700
 * </pre>
 */
class UsageCommandTest {
    private static final String FIXTURE = "src/test/resources/usage/invocations.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode json(String... args) throws IOException {
        return Cli.json("usage", args);
    }

    private static JsonNode model(JsonNode json, String id) {
        for (JsonNode row : json.get("models")) {
            if (row.get("model").asText().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + id);
    }

    @Test
    void sumsPricesAndProfilesTheFixture() throws IOException {
        JsonNode json = json(FIXTURE);
        assertThat(json.get("records").asInt()).isEqualTo(5);
        assertThat(json.get("malformed_records").asInt()).isEqualTo(2);
        assertThat(json.get("malformed_samples").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(json.get("malformed_samples").get(1).get("line").asInt()).isEqualTo(6);
        assertThat(json.get("malformed_samples").get(1).get("message").asText())
                .isEqualTo("output.outputTokenCount is missing");
        JsonNode sonnet = model(json, "anthropic.claude-sonnet-4-5");
        assertThat(sonnet.get("logged_ids").get(0).asText()).isEqualTo("us.anthropic.claude-sonnet-4-5-20250929-v1:0");
        assertThat(sonnet.get("calls").asInt()).isEqualTo(2);
        assertThat(sonnet.get("input_tokens").asInt()).isEqualTo(2000);
        assertThat(sonnet.get("cache_read_tokens").asInt()).isEqualTo(2000);
        assertThat(sonnet.get("cache_write_tokens").asInt()).isEqualTo(2000);
        assertThat(sonnet.get("output_tokens").asInt()).isEqualTo(700);
        assertThat(sonnet.get("cost").asText()).isEqualTo("0.027060");
        assertThat(model(json, "anthropic.claude-haiku-4-5").get("cost").asText()).isEqualTo("0.003003");
        JsonNode arn = model(json, "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123");
        assertThat(arn.get("mapped").asBoolean()).isFalse();
        assertThat(arn.get("cost").isNull()).isTrue();
        assertThat(json.get("total_cost").asText()).isEqualTo("0.030063");
        JsonNode hourly = json.get("hourly");
        assertThat(hourly.get("hours").asInt()).isEqualTo(4);
        assertThat(hourly.get("p50").asInt()).isEqualTo(975);
        assertThat(hourly.get("p75").asInt()).isEqualTo(2575);
        assertThat(hourly.get("p95").asInt()).isEqualTo(5875);
        assertThat(hourly.get("max").asInt()).isEqualTo(6700);
        // call shape percentiles (exact below 128, within 0.8% above): Sonnet inputs 3,000 and 3,000
        assertThat(sonnet.get("call_shape_percentiles").get("input_p50").asInt()).isBetween(2976, 3024);
    }

    @Test
    void groupsByTag() throws IOException {
        JsonNode json = json(FIXTURE, "--by", "team");
        assertThat(json.get("by").asText()).isEqualTo("team");
        List<String> groups = new ArrayList<>();
        json.get("groups").forEach(g -> groups.add(g.get("tag").asText() + "/" + g.get("model").asText() + "/"
                + g.get("calls").asInt()));
        assertThat(groups).containsExactly("(untagged)/anthropic.claude-haiku-4-5/1",
                "research/arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123/1",
                "search/anthropic.claude-haiku-4-5/1", "support/anthropic.claude-sonnet-4-5/2");
    }

    @Test
    void aBrokenGzipReadsTheSameOnOneThreadAndWithTheInflatingOnItsOwn() throws IOException {
        // with 2 threads and one gzip'd file, a spare thread inflates ahead of the scan; what the
        // run reports of a stream cut short must not change with it
        byte[] whole = Files.readAllBytes(Path.of("src/test/resources/usage/invocations.jsonl.gz"));
        Path cut = dir.resolve("cut.jsonl.gz");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 12)); // without the trailer and the last block's end
        Cli.Result one = Cli.run("usage", cut.toString(), "--format", "json", "--threads", "1");
        Cli.Result two = Cli.run("usage", cut.toString(), "--format", "json", "--threads", "2");
        assertThat(one.exit()).isEqualTo(2);
        assertThat(one.err()).contains("cut.jsonl.gz").contains("gzip data ends or breaks");
        assertThat(two.exit()).isEqualTo(one.exit());
        assertThat(two.err()).isEqualTo(one.err());
        assertThat(two.out()).isEqualTo(one.out());
    }

    @Test
    void gzipAndFoldersReadTheSame() throws IOException {
        JsonNode plain = json(FIXTURE);
        JsonNode gzip = json("src/test/resources/usage/invocations.jsonl.gz");
        assertThat(gzip.get("models")).isEqualTo(plain.get("models"));
        assertThat(gzip.get("hourly")).isEqualTo(plain.get("hourly"));
        // a tree as 'aws s3 sync' leaves it: two files in hour folders
        Path hour10 = Files.createDirectories(dir.resolve("AWSLogs/123/BedrockModelInvocationLogs/us-east-1/2026/10/01/10"));
        Path hour12 = Files.createDirectories(dir.resolve("AWSLogs/123/BedrockModelInvocationLogs/us-east-1/2026/10/01/12"));
        List<String> lines = Files.readAllLines(Path.of(FIXTURE));
        Files.write(hour10.resolve("a.json"), lines.subList(0, 2));
        Files.write(hour12.resolve("b.json"), lines.subList(2, 7));
        JsonNode tree = json(dir.toString());
        assertThat(tree.get("records").asInt()).isEqualTo(5);
        assertThat(tree.get("total_cost").asText()).isEqualTo("0.030063");
        // line numbers are per file: the truncated line is line 2 of b.json
        assertThat(tree.get("malformed_samples").get(0).get("file").asText()).endsWith("b.json");
        assertThat(tree.get("malformed_samples").get(0).get("line").asInt()).isEqualTo(2);
    }

    @Test
    void strictStopsAtTheFirstMalformedRecord() {
        Cli.Result result = Cli.run("usage", FIXTURE, "--strict");
        assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains(FIXTURE + ":4").contains("malformed record (--strict): invalid JSON")
                .doesNotContain("\tat ");
    }

    @Test
    void emittedWorkloadAndProfileFeedEstimateAndBreakeven() throws IOException {
        Path workload = dir.resolve("measured.yaml");
        Path profile = dir.resolve("hourly.csv");
        assertThat(Cli.run("usage", FIXTURE, "--emit-workload", workload.toString(), "--emit-profile",
                profile.toString(), "--format", "json").exit()).isZero();
        // 4 hours observed, scaled to 730: Sonnet 2 calls -> 365 requests a month; input (2,000 + 2,000 + 2,000) / 2
        // = 3,000 with a 2,000-token prefix at a 50% hit rate, output 350. Its estimate: 365 x [(3,000 - 2,000) x 3.30
        // + 2,000 x (0.5 x 0.33 + 0.5 x 4.125) + 350 x 16.50] / 1e6 = 365 x 0.01353 = 4.93845 = the priced 0.02706
        // x 730 / 4. Haiku: 365 x [(750 - 150) x 1.10 + 150 x 0.11 + 150 x 5.50] / 1e6 = 0.5480475 = 0.003003 x 182.5.
        JsonNode estimate = JSON.readTree(Cli.run("estimate", workload.toString(), "--format", "json", "--months", "1")
                .out());
        assertThat(estimate.get("workloads")).hasSize(2);
        assertThat(estimate.get("monthly_total").asText()).isEqualTo("5.486498");
        assertThat(Files.readAllLines(profile)).containsExactly("hour,tokens", "2026-10-01T10:00:00Z,6700",
                "2026-10-01T11:00:00Z,0", "2026-10-01T12:00:00Z,750", "2026-10-01T13:00:00Z,1200");
        // the same profile sizes model units for the Sonnet workload on a card with provisioned prices
        Cli.Result breakeven = Cli.run("breakeven", "--ratecard", "examples/ratecards/account-team-quote.yaml",
                "--workload", workload.toString(), "--name", "anthropic-claude-sonnet-4-5", "--profile",
                profile.toString(), "--term", "6_month", "--format", "json");
        assertThat(breakeven.exit()).as(breakeven.err()).isZero();
        JsonNode sizing = JSON.readTree(breakeven.out());
        assertThat(sizing.get("percentiles").get("p50").asInt()).isEqualTo(975);
        assertThat(sizing.get("recommended_model_units").asInt()).isZero();
    }

    @Test
    void aLargePlainFileSplitAcrossThreadsReadsTheSameAsOneThread() throws IOException {
        // about 20 MB: bigger than the split threshold, so two threads each read half at a line boundary
        Path big = dir.resolve("big.jsonl");
        List<String> lines = Files.readAllLines(Path.of(FIXTURE));
        try (var out = Files.newBufferedWriter(big)) {
            for (int i = 0; i < 4000; i++) {
                for (String line : lines) {
                    out.write(line);
                    out.write('\n');
                }
            }
        }
        assertThat(Files.size(big)).isGreaterThan(16L * 1024 * 1024 + 1);
        JsonNode one = json(big.toString(), "--threads", "1");
        JsonNode two = json(big.toString(), "--threads", "2");
        assertThat(two.get("records").asInt()).isEqualTo(20000);
        assertThat(two.get("malformed_records").asInt()).isEqualTo(8000);
        assertThat(two.get("models")).isEqualTo(one.get("models"));
        assertThat(two.get("malformed_samples")).isEqualTo(one.get("malformed_samples"));
        assertThat(two.get("total_cost").asText()).isEqualTo("120.252000");
    }

    /**
     * About 19 MB of good Haiku records (line 3 of the fixture) with bad ones at chosen lines, and
     * one record whose 5 MB body is longer than a range: read with 2 or 3 threads, the file is cut
     * into ranges of 4 MB taken by whichever thread is free.
     */
    private Path logWithBadLinesAt(long... badLines) throws IOException {
        Path big = dir.resolve("ranges.jsonl");
        String good = Files.readAllLines(Path.of(FIXTURE)).get(2);
        String huge = good.replaceFirst("\"modelId\"", "\"padding\": \"" + "x".repeat(5 << 20) + "\", \"modelId\"");
        java.util.Set<Long> bad = new java.util.HashSet<>();
        for (long line : badLines) {
            bad.add(line);
        }
        try (var out = Files.newBufferedWriter(big)) {
            for (long line = 1; line <= 16_000; line++) {
                out.write(bad.contains(line) ? "{\"timestamp\": \"2026-10-01T12:00:00Z\", \"line\": " + line + "}"
                        : line == 7_000 ? huge : good);
                out.write('\n');
            }
        }
        return big;
    }

    @Test
    void rangesTakenByWhicheverThreadIsFreeReportTheLinesOneThreadWould() throws IOException {
        // seven bad records, one or more in each 4 MB range: the report keeps the first five by line
        // (as one thread reading in order does) with their lines counted from the file's start
        long[] bad = {2, 3_100, 6_999, 9_500, 12_345, 14_000, 15_999};
        Path big = logWithBadLinesAt(bad);
        assertThat(Files.size(big)).isBetween(16L << 20, 20L << 20); // split, in five ranges of 4 MB
        JsonNode one = json(big.toString(), "--threads", "1");
        for (String threads : new String[] {"2", "3"}) {
            JsonNode many = json(big.toString(), "--threads", threads);
            assertThat(many.get("records").asInt()).isEqualTo(16_000 - bad.length);
            assertThat(many.get("malformed_records").asInt()).isEqualTo(bad.length);
            List<Long> lines = new ArrayList<>();
            many.get("malformed_samples").forEach(s -> lines.add(s.get("line").asLong()));
            assertThat(lines).containsExactly(2L, 3_100L, 6_999L, 9_500L, 12_345L);
            assertThat(many.get("malformed_samples")).isEqualTo(one.get("malformed_samples"));
            assertThat(many.get("models")).isEqualTo(one.get("models"));
            // 15,993 Haiku calls of 500 in and 100 out: 15,993 x (500 x 1.10 + 100 x 5.50) / 1e6 = 17.5923
            assertThat(many.get("total_cost").asText()).isEqualTo("17.592300");
        }
    }

    @Test
    void strictNamesTheLineOfTheFileNotOfItsRange() throws IOException {
        // the first bad record is in the fourth 4 MB range; before the ranges were counted together,
        // two threads named its line within its half of the file (10001 for 30001, say)
        Path big = logWithBadLinesAt(12_345, 15_000);
        for (String threads : new String[] {"1", "2", "3"}) {
            Cli.Result result = Cli.run("usage", big.toString(), "--strict", "--threads", threads);
            assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(result.err()).contains(big + ":12345:").contains("modelId is missing");
        }
    }

    @Test
    void badInputs() {
        Cli.Result missing = Cli.run("usage", dir.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("file not found");
        Cli.Result empty = Cli.run("usage", dir.toString());
        assertThat(empty.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(empty.err()).contains("no log or export files");
        assertThat(Cli.run("usage", "--sql", "oracle").exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Cli.run("usage").exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void sqlForEachDialect() {
        for (String dialect : List.of("athena", "trino", "spark", "duckdb")) {
            Cli.Result result = Cli.run("usage", "--sql", dialect, "--by", "team");
            assertThat(result.exit()).isZero();
            // one SELECT whose result holds the sums per model, tag, region, hour and context band
            assertThat(result.out()).contains("count(*) AS calls").contains("sum(cache_write_tokens)")
                    .contains("GROUP BY model, tag, region, inference_region, hour, long_context")
                    .contains("'team' AS tag_key");
            String code = result.out().lines().filter(l -> !l.startsWith("--")).collect(
                    java.util.stream.Collectors.joining("\n"));
            assertThat(code.chars().filter(c -> c == ';').count()).as("one statement").isEqualTo(1);
            assertThat(code.strip()).startsWith("WITH calls AS").endsWith(";");
        }
        assertThat(Cli.run("usage", "--sql", "athena").out()).contains("org.openx.data.jsonserde.JsonSerDe")
                .contains("from_iso8601_timestamp");
    }
}
