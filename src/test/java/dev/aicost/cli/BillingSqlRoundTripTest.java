package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Billing exports through the distributed path: the export -> 'usage --sql duckdb' -> DuckDB (JDBC,
 * test scope) -> the result as CSV with a header -> 'usage --from-sql-result' gives the report the
 * local read of the export gives: rows, tokens, priced and billed cost, gaps, other AI lines,
 * credits and the hourly profile. On every billing fixture: our own CUR 2.0 and FOCUS files (with a
 * malformed amount, credits and NULLs) and the same CUR rows under legacy CUR's column names, the FinOps
 * Foundation's FOCUS 1.0 sample, a FOCUS 1.2 file,
 * and a CUR 2.0 Data Exports file as CSV and as Parquet.
 */
class BillingSqlRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Runs the query on DuckDB and saves its result as CSV with a header, as a user would. */
    private Path runOnDuckDb(String sql) throws Exception {
        Path result = dir.resolve("result.csv");
        dev.aicost.bench.DuckDbSqlResult.run(sql, result, null);
        return result;
    }

    private static JsonNode report(String... args) throws Exception {
        Cli.Result result = Cli.run(args);
        assertThat(result.exit()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }

    /** Everything but the inputs, the file names in messages and the line numbers (the result's own). */
    private static JsonNode essentials(JsonNode report) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = report.deepCopy();
        copy.remove("inputs");
        copy.remove("malformed_samples");
        copy.remove("warnings");
        return copy;
    }

    @ParameterizedTest
    @CsvSource({"cur2.csv,", "cur2.csv,team", "cur-legacy.csv,team", "cur2-data-export.csv,", "focus.csv,team", "focus-1.0-sample-200.csv,",
        "focus-1.2-skumeter.csv,team", "cur2-data-export.parquet,"})
    void theResultGivesTheExportsReport(String fixture, String by) throws Exception {
        Path export = dir.resolve(fixture);
        Files.copy(Path.of("src/test/resources/usage", fixture), export);
        String[] byArgs = by == null ? new String[0] : new String[] {"--by", by};
        JsonNode local = report(concat(new String[] {"usage", export.toString(), "--format", "json"}, byArgs));
        Cli.Result sql = Cli.run(concat(new String[] {"usage", "--sql", "duckdb", export.toString()}, byArgs));
        assertThat(sql.exit()).as(sql.err()).isZero();
        assertThat(sql.out()).contains("'aicost-usage-billing/1' AS aicost_result");
        Path result = runOnDuckDb(sql.out());
        JsonNode remote = report("usage", "--from-sql-result", result.toString(), "--format", "json");
        assertThat(essentials(remote)).isEqualTo(essentials(local));
        // the reduction is real where rows repeat their identifying columns, and never loses a row
        assertThat(remote.get("records").asLong()).isEqualTo(local.get("records").asLong());
        assertThat(local.get("records").asLong()).isGreaterThan(0);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
