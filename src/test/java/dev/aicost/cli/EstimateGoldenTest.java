package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden files pin each rendering of {@code golden/spec.yaml}; regenerate them with
 * {@code mvn test -Dgolden.update=true} and review the diff. The figures they show are checked
 * independently below against this hand calculation (test card prices):
 * <pre>
 * chat (1,000,000 requests of 3,000 in with a 2,000 prefix at 60% hits, 400 out):
 *   input 1e9 x 3.00 = 3,000.00; cache_read 1.2e9 x 0.30 = 360.00; cache_write 0.8e9 x 3.75 = 3,000.00;
 *   output 0.4e9 x 15.00 = 6,000.00; guardrails 4e6 units x 0.15 / 1,000 = 600.00; egress 40 x 0.09 = 3.60
 *   = 12,963.60 (all of it grows 5% a month)
 * nightly (500,000 requests of 2,000 in, 500 out, 40% batch):
 *   on-demand 300,000 calls: 6e8 x 0.10 + 1.5e8 x 0.40 = 60 + 60 = 120.00
 *   batch 200,000 calls: 4e8 x 0.05 + 1e8 x 0.20 = 20 + 20 = 40.00; knowledge base 345.60 = 505.60
 * egress free tier: -min(40, 100) x 0.09 = -3.60
 * month 1: 12,963.60 + 505.60 - 3.60 = 13,465.60
 * month 2: 12,963.60 x 1.05 = 13,611.78; credit -42 x 0.09 = -3.78; 13,611.78 + 505.60 - 3.78 = 14,113.60
 * month 3: 12,963.60 x 1.1025 = 14,292.369; credit -44.1 x 0.09 = -3.969; total 14,794.00
 * 3 months: 42,373.20
 * </pre>
 */
class EstimateGoldenTest {
    private static final Path SPEC = Path.of("src/test/resources/golden/spec.yaml");

    @ParameterizedTest
    @CsvSource({"table,estimate.txt", "json,estimate.json", "csv,estimate.csv", "markdown,estimate.md"})
    void renderingsMatchTheGoldenFiles(String format, String goldenFile) throws IOException {
        assertGolden(goldenFile, "estimate", SPEC.toString(), "--months", "3", "--format", format, "--width", "0");
    }

    @Test
    void comparisonDiscountAndBudgetTable() throws IOException {
        // other-card prices chat at 90% for tokens: 12,360 x 0.9 = 11,124.00 + guardrails 600.00 + egress 3.60
        // - free tier 3.60 = 11,724.00; nightly has no equivalent there, so that total is partial.
        // Net after 5%: 13,465.60 x 0.95 = 12,792.32 (month 1) and 42,373.20 x 0.95 = 40,254.54 (3 months).
        assertGolden("estimate-compare.txt", "estimate", SPEC.toString(), "--months", "3", "--width", "0",
                "--compare", "src/test/resources/cards/other-card.yaml", "--discount", "5%", "--budget", "20000");
    }

    @Test
    void jsonCarriesTheHandComputedFigures() throws IOException {
        Cli.Result result = Cli.run("estimate", SPEC.toString(), "--months", "3", "--format", "json");
        assertThat(result.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("schema").asText()).isEqualTo("aicost/estimate/v1");
        assertThat(json.get("currency").asText()).isEqualTo("USD");
        assertThat(json.get("hours_per_month").asInt()).isEqualTo(730);
        JsonNode chat = json.get("workloads").get(0);
        assertThat(chat.get("name").asText()).isEqualTo("chat");
        assertThat(chat.get("ratecard").asText()).isEqualTo("test-card");
        assertThat(chat.get("model").asText()).isEqualTo("big");
        assertThat(chat.get("monthly_cost").asText()).isEqualTo("12963.600000");
        JsonNode input = chat.get("lines").get(0);
        assertThat(input.get("component").asText()).isEqualTo("input");
        assertThat(input.get("mode").asText()).isEqualTo("on_demand");
        assertThat(input.get("quantity").isNumber()).isTrue();
        assertThat(input.get("quantity").decimalValue()).isEqualByComparingTo("1e9");
        assertThat(input.get("unit").asText()).isEqualTo("tokens");
        assertThat(input.get("rate").asText()).isEqualTo("3.000000");
        assertThat(input.get("rate_unit").asText()).isEqualTo("per 1M tokens");
        assertThat(input.get("cost").asText()).isEqualTo("3000.000000");
        assertThat(json.get("workloads").get(1).get("monthly_cost").asText()).isEqualTo("505.600000");
        JsonNode credit = json.get("report_lines").get(0);
        assertThat(credit.get("component").asText()).isEqualTo("egress_free_tier");
        assertThat(credit.get("ratecard").asText()).isEqualTo("test-card");
        assertThat(credit.get("cost").asText()).isEqualTo("-3.600000");
        assertThat(json.get("monthly_total").asText()).isEqualTo("13465.600000");
        assertThat(json.get("one_time_total").asText()).isEqualTo("0.000000");
        List<String> forecast = new ArrayList<>();
        json.get("forecast").forEach(m -> forecast.add(m.get("month").asInt() + "=" + m.get("total").asText()));
        assertThat(forecast).containsExactly("1=13465.600000", "2=14113.600000", "3=14794.000000");
        assertThat(json.get("horizon_total").asText()).isEqualTo("42373.200000");
        assertThat(json.get("warnings").isArray()).isTrue();
    }

    private static void assertGolden(String goldenFile, String... args) throws IOException {
        Golden.assertGolden(goldenFile, args);
    }
}
