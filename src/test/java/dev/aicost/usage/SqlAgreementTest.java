package dev.aicost.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The DuckDB dialect of {@code usage --sql}, run through DuckDB's JDBC driver, agrees with the
 * streaming reader. The fixture's truncated line is left out: DuckDB's error recovery reads a
 * truncated object as continuing on the next line and loses that (valid) record too, while aicost
 * reads one record per line.
 */
class SqlAgreementTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @Test
    void duckdbAggregationMatchesTheStreamingReader() throws Exception {
        Path fixture = dir.resolve("invocations.jsonl");
        List<String> lines = java.nio.file.Files.readAllLines(Path.of("src/test/resources/usage/invocations.jsonl"));
        java.nio.file.Files.write(fixture, lines.stream().filter(l -> l.endsWith("}")).toList());
        UsageAggregator streamed = new InvocationLogReader("team", false).read(List.of(fixture),
                () -> new UsageAggregator(id -> 0), 1);
        Map<String, long[]> expected = new TreeMap<>();
        streamed.groups().forEach((key, group) -> expected.put(key.tag() + "|" + key.modelId(), new long[] {
            group.totalCalls(), group.input[0] + group.input[1], group.cacheRead[0] + group.cacheRead[1],
            group.cacheWrite[0] + group.cacheWrite[1], group.output[0] + group.output[1]}));

        String sql = SqlEmitter.emit(SqlEmitter.Dialect.DUCKDB, List.of(fixture.toString()), "team");
        String[] statements = sql.split(";\n");
        Map<String, long[]> actual = new TreeMap<>();
        Map<String, Long> hours = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(statements[0])) {
                while (rows.next()) {
                    actual.put(rows.getString("tag") + "|" + rows.getString("model"), new long[] {rows.getLong("calls"),
                        rows.getLong("input_tokens"), rows.getLong("cache_read_tokens"),
                        rows.getLong("cache_write_tokens"), rows.getLong("output_tokens")});
                }
            }
            try (ResultSet rows = statement.executeQuery(statements[1])) {
                while (rows.next()) {
                    hours.put(rows.getString("hour"), rows.getLong("tokens"));
                }
            }
        }
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((key, sums) -> assertThat(actual.get(key)).as(key).containsExactly(sums));
        // the streaming reader also counts the empty 11:00 hour as zero; SQL leaves it out
        Map<String, Long> streamedHours = new LinkedHashMap<>();
        streamed.hourly().forEach((hour, tokens) -> streamedHours.put(java.time.Instant.ofEpochSecond(hour * 3600)
                .toString().replace(":00Z", ":00:00Z").replace(":00:00:00Z", ":00:00Z"), tokens));
        // hours by hand: 10:00 3,400 + 3,300; 12:00 600 + 150; 13:00 1,000 + 200
        Map<String, Long> byHand = new LinkedHashMap<>();
        byHand.put("2026-10-01T10:00:00Z", 6700L);
        byHand.put("2026-10-01T12:00:00Z", 750L);
        byHand.put("2026-10-01T13:00:00Z", 1200L);
        assertThat(hours).containsExactlyEntriesOf(byHand);
        assertThat(streamedHours).containsExactlyEntriesOf(byHand);
    }
}
