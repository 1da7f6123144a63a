package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributed path: raw logs -> the SQL 'usage --sql' prints -> run on an engine -> its result as
 * CSV -> 'usage --from-sql-result' gives the report the local read of the same logs gives: the same
 * calls, tokens, cost, hourly profile and emitted workload. Here the engine is DuckDB (its JDBC
 * driver, test scope), writing the result with COPY ... (HEADER) as a user would.
 */
class SqlRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The shipped fixture without its truncated line (DuckDB's error recovery would lose the next record too). */
    private Path logs() throws Exception {
        Path fixture = dir.resolve("invocations.jsonl");
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/usage/invocations.jsonl"));
        Files.write(fixture, lines.stream().filter(l -> l.endsWith("}")).toList());
        return fixture;
    }

    /** Runs the query on DuckDB and saves its result as CSV with a header. */
    /** Runs the query on DuckDB and saves its result as CSV with a header, as a user would. */
    private Path runOnDuckDb(String sql) throws Exception {
        Path result = dir.resolve("result.csv");
        dev.aicost.bench.DuckDbSqlResult.run(sql, result, null);
        return result;
    }

    private static JsonNode json(String... args) throws Exception {
        Cli.Result result = Cli.run(args);
        assertThat(result.exit()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }

    /** What must agree: per row calls, tokens and cost; the total; the hours. */
    private static String essentials(JsonNode report) {
        StringBuilder out = new StringBuilder();
        for (String rows : List.of("models", "groups")) {
            if (report.has(rows)) {
                for (JsonNode row : report.get(rows)) {
                    out.append(rows).append(' ').append(row.path("tag").asText()).append(' ')
                            .append(row.get("model").asText()).append(" calls=").append(row.get("calls"))
                            .append(" in=").append(row.get("input_tokens")).append(" cr=")
                            .append(row.get("cache_read_tokens")).append(" cw=").append(row.get("cache_write_tokens"))
                            .append(" out=").append(row.get("output_tokens")).append(" lc=")
                            .append(row.get("long_context_calls")).append(" cost=").append(row.get("cost"))
                            .append('\n');
                }
            }
        }
        return out.append("total ").append(report.get("total_cost")).append("\nhourly ").append(report.get("hourly"))
                .append("\nregions ").append(report.get("regions")).toString();
    }

    @Test
    void logsThroughDuckDbGiveTheLocalReport() throws Exception {
        Path logs = logs();
        JsonNode local = json("usage", logs.toString(), "--by", "team", "--format", "json");
        String sql = Cli.run("usage", "--sql", "duckdb", logs.toString(), "--by", "team").out();
        assertThat(sql).contains("'aicost-usage-logs/1' AS aicost_result");
        Path result = runOnDuckDb(sql);
        JsonNode remote = json("usage", "--from-sql-result", result.toString(), "--format", "json");
        assertThat(essentials(remote)).isEqualTo(essentials(local));
        // and the numbers are the fixture's: 5 valid calls, 3 hours with tokens (10:00 6,700; 12:00 750;
        // 13:00 1,200) and the empty 11:00 counted as 0
        assertThat(remote.get("records").asLong()).isEqualTo(5);
        assertThat(remote.get("hourly").get("hours").asInt()).isEqualTo(4);
        assertThat(remote.get("models").get(0).get("call_shape_percentiles").isNull()).isTrue();
        assertThat(remote.get("by").asText()).isEqualTo("team");

        // the emitted workloads agree too
        Path fromLogs = dir.resolve("from-logs.yaml");
        Path fromResult = dir.resolve("from-result.yaml");
        Cli.run("usage", logs.toString(), "--by", "team", "--emit-workload", fromLogs.toString());
        Cli.run("usage", "--from-sql-result", result.toString(), "--emit-workload", fromResult.toString());
        String a = Files.readString(fromLogs);
        String b = Files.readString(fromResult);
        assertThat(b.substring(b.indexOf("schema:"))).isEqualTo(a.substring(a.indexOf("schema:")));
        // and the hourly profiles, empty 11:00 hour included
        Path profileFromLogs = dir.resolve("from-logs.csv");
        Path profileFromResult = dir.resolve("from-result.csv");
        Cli.run("usage", logs.toString(), "--emit-profile", profileFromLogs.toString());
        Cli.run("usage", "--from-sql-result", result.toString(), "--emit-profile", profileFromResult.toString());
        assertThat(Files.readString(profileFromResult)).isEqualTo(Files.readString(profileFromLogs))
                .contains("2026-10-01T11:00:00Z,0\n");
    }

    @Test
    void longContextBodyCacheUntaggedAndCrossRegionCallsSurviveTheRoundTrip() throws Exception {
        Path logs = dir.resolve("round-trip.jsonl");
        Files.copy(Path.of("src/test/resources/usage/round-trip.jsonl"), logs);
        JsonNode local = json("usage", logs.toString(), "--by", "team", "--format", "json");
        Path result = runOnDuckDb(Cli.run("usage", "--sql", "duckdb", logs.toString(), "--by", "team").out());
        JsonNode remote = json("usage", "--from-sql-result", result.toString(), "--format", "json");
        assertThat(essentials(remote)).isEqualTo(essentials(local));
        // by hand: 3 of Sonnet 4's 6 calls have 150,000 + 60,000 cached = 210,000 input tokens, above its
        // 200,000 threshold; Haiku's cache tokens are only in the response body (400 read, 50 write a call)
        JsonNode sonnet = remote.get("models").get(2);
        assertThat(sonnet.get("model").asText()).isEqualTo("anthropic.claude-sonnet-4");
        assertThat(sonnet.get("long_context_calls").asInt()).isEqualTo(3);
        JsonNode haiku = remote.get("models").get(0);
        assertThat(haiku.get("cache_read_tokens").asLong()).isEqualTo(6 * 200); // 3 body calls x 400
        assertThat(remote.get("regions").get(1).get("inference_regions").get("us-west-2").asInt()).isEqualTo(3);
        // --trend from the result: three days
        Cli.Result trend = Cli.run("usage", "--from-sql-result", result.toString(), "--trend", "--format", "json");
        assertThat(JSON.readTree(trend.out()).get("trend").get("daily")).hasSize(3);
    }

    @Test
    void aResultOfAnotherQueryOrVersionIsExit2() throws Exception {
        Path logs = logs();
        Path result = runOnDuckDb(Cli.run("usage", "--sql", "duckdb", logs.toString()).out());
        String text = Files.readString(result);
        Path other = dir.resolve("v2.csv");
        Files.writeString(other, text.replace("aicost-usage-logs/1", "aicost-usage-logs/2"));
        Cli.Result v2 = Cli.run("usage", "--from-sql-result", other.toString());
        assertThat(v2.exit()).isEqualTo(2);
        assertThat(v2.err()).contains(other + ":2:1: aicost_result: was made by version 2 of the query");
        Path foreign = dir.resolve("foreign.csv");
        Files.writeString(foreign, "model,calls\nx,1\n");
        Cli.Result none = Cli.run("usage", "--from-sql-result", foreign.toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("has no aicost_result column");
        Path lacking = dir.resolve("lacking.csv");
        Files.writeString(lacking, text.replace(",output_tokens", ",out"));
        assertThat(Cli.run("usage", "--from-sql-result", lacking.toString()).err())
                .contains("the result lacks the column output_tokens");
        Path badHour = dir.resolve("hour.csv");
        Files.writeString(badHour, text.replaceFirst("2026-10-01T10:00:00Z", "yesterday"));
        assertThat(Cli.run("usage", "--from-sql-result", badHour.toString()).err())
                .containsPattern(":[0-9]+:[0-9]+: hour: .yesterday. is not an ISO-8601 hour");
        // the result and the logs at once is a usage error
        assertThat(Cli.run("usage", logs.toString(), "--from-sql-result", result.toString()).exit()).isEqualTo(2);
    }
}
