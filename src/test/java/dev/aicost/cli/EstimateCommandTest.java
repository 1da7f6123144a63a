package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The estimate command end to end: guardrails, overrides, comparisons and the shipped examples. */
class EstimateCommandTest {
    private static final String SPEC = "src/test/resources/golden/spec.yaml"; // month-1 total 13,465.60
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("examples")).filter(p -> p.toString().endsWith(".yaml")).filter(p -> {
            try {
                return Files.readString(p).contains("schema: aicost/workload/v1");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyShippedExampleEstimates(Path example) throws IOException {
        Cli.Result result = Cli.run("estimate", example.toString(), "--format", "json");
        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("monthly_total").asText()).matches("\\d+\\.\\d{6}");
        assertThat(json.get("workloads")).isNotEmpty();
    }

    @Test
    void budgetExceededExitsThreeAfterWritingTheReport() {
        Path output = dir.resolve("report.json");
        Cli.Result result = Cli.run("estimate", SPEC, "--budget", "13000", "--format", "json", "-o",
                output.toString());
        assertThat(result.exit()).isEqualTo(ExitCodes.GUARDRAIL);
        assertThat(result.err()).contains("month-1 total $13,465.60 exceeds the budget of $13,000.00");
        assertThat(output).exists();
        assertThat(Cli.run("estimate", SPEC, "--budget", "13465.60").exit()).isZero();
        // net of a 5% discount, 12,792.32 is within 13,000
        assertThat(Cli.run("estimate", SPEC, "--budget", "13000", "--discount", "0.05").exit()).isZero();
    }

    @Test
    void failOnIncreaseAgainstABaselineReport() throws IOException {
        Path baseline = dir.resolve("yesterday.json");
        // yesterday: the same spec at 10,000 monthly requests fewer -> write a report as the baseline
        assertThat(Cli.run("estimate", SPEC, "--format", "json", "-o", baseline.toString(), "--set",
                "chat.requests_per_month=900000").exit()).isZero();
        // chat at 900,000 requests: 12,963.60 - 3.60 egress = 12,960 of volume lines x 0.9 = 11,664 + 3.60
        // = 11,667.60; total 11,667.60 + 505.60 - 3.60 = 12,169.60. Today 13,465.60: +1,296.00 = +10.649%
        JsonNode previous = JSON.readTree(baseline.toFile());
        assertThat(previous.get("monthly_total").asText()).isEqualTo("12169.600000");
        Cli.Result tripped = Cli.run("estimate", SPEC, "--baseline", baseline.toString(), "--fail-on-increase", "10");
        assertThat(tripped.exit()).isEqualTo(ExitCodes.GUARDRAIL);
        assertThat(tripped.err()).contains("rose +10.6%").contains("above the allowed 10%");
        assertThat(tripped.out()).contains("Baseline").contains("$12,169.60 -> $13,465.60 (+10.6%)");
        assertThat(Cli.run("estimate", SPEC, "--baseline", baseline.toString(), "--fail-on-increase", "11%").exit())
                .isZero();
        Cli.Result json = Cli.run("estimate", SPEC, "--baseline", baseline.toString(), "--format", "json");
        JsonNode node = JSON.readTree(json.out()).get("baseline");
        assertThat(node.get("change").asText()).isEqualTo("1296.000000");
        assertThat(node.get("change_pct").decimalValue()).isEqualByComparingTo("10.6495"); // 1296 / 12169.6 = 10.649487...%
    }

    @Test
    void setOverridesAValueBeforeValidation() throws IOException {
        // nightly all in batch: 500,000 calls x (2,000 x 0.05 + 500 x 0.20) / 1e6 = 100.00 + KB 345.60 = 445.60
        Cli.Result result = Cli.run("estimate", SPEC, "--format", "json", "--set", "nightly.mix.batch=1");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(JSON.readTree(result.out()).get("workloads").get(1).get("monthly_cost").asText())
                .isEqualTo("445.600000");
        // *.growth applies to every workload
        Cli.Result flat = Cli.run("estimate", SPEC, "--format", "json", "--months", "2", "--set", "*.growth=0");
        assertThat(JSON.readTree(flat.out()).get("horizon_total").asText()).isEqualTo("26931.200000");
    }

    @Test
    void requestsPerDayUseHoursPerMonth() throws IOException {
        Path spec = dir.resolve("daily.yaml");
        Files.writeString(spec, """
                schema: aicost/workload/v1
                ratecard: %s
                workloads:
                  - { name: d, model: small, requests_per_day: 1000, input_tokens: 1000, output_tokens: 0 }
                """.formatted(Path.of("src/test/resources/cards/test-card.yaml").toAbsolutePath()));
        // 1,000 x 730 / 24 = 30,416.666... requests x 1,000 tokens x 0.10 / 1e6 = 3.0416666... -> "3.041667"
        JsonNode json = JSON.readTree(Cli.run("estimate", spec.toString(), "--format", "json").out());
        assertThat(json.get("monthly_total").asText()).isEqualTo("3.041667");
        // with 720 hours: 30,000 requests -> 3.000000
        JsonNode json720 = JSON.readTree(Cli.run("estimate", spec.toString(), "--format", "json",
                "--hours-per-month", "720").out());
        assertThat(json720.get("monthly_total").asText()).isEqualTo("3.000000");
    }

    @Test
    void compareMapsModelsByAliasAcrossTheShippedCards() throws IOException {
        Path spec = dir.resolve("sonnet.yaml");
        Files.writeString(spec, """
                schema: aicost/workload/v1
                ratecard: aws-bedrock-us-east-1
                workloads:
                  - { name: s, model: anthropic.claude-sonnet-4-5, requests_per_month: 1000000,
                      input_tokens: 1000, output_tokens: 100 }
                """);
        // us-east-1 (in-region, +10%): 1e9 x 3.30 + 1e8 x 16.50 = 3,300 + 1,650 = 4,950.00
        // global profile and Anthropic API: 1e9 x 3.00 + 1e8 x 15.00 = 4,500.00 (-9.1%)
        // OpenAI has no equivalent of a Claude model unless --map gives one
        Cli.Result result = Cli.run("estimate", spec.toString(), "--format", "json", "--compare",
                "aws-bedrock-global,anthropic-api,openai-api");
        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("monthly_total").asText()).isEqualTo("4950.000000");
        JsonNode comparisons = json.get("comparisons");
        assertThat(comparisons.get(0).get("monthly_total").asText()).isEqualTo("4500.000000");
        assertThat(comparisons.get(1).get("workloads").get(0).get("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(comparisons.get(1).get("monthly_total").asText()).isEqualTo("4500.000000");
        assertThat(comparisons.get(2).get("complete").asBoolean()).isFalse();
        assertThat(comparisons.get(2).get("workloads").get(0).get("note").asText()).contains("--map");

        Path map = dir.resolve("map.yaml");
        Files.writeString(map, """
                schema: aicost/modelmap/v1
                maps:
                  openai-api: { anthropic.claude-sonnet-4-5: gpt-5 }
                """);
        // gpt-5: 1e9 x 1.25 + 1e8 x 10.00 = 1,250 + 1,000 = 2,250.00
        JsonNode mapped = JSON.readTree(Cli.run("estimate", spec.toString(), "--format", "json", "--compare",
                "openai-api", "--map", map.toString()).out());
        assertThat(mapped.get("comparisons").get(0).get("monthly_total").asText()).isEqualTo("2250.000000");
    }

    @Test
    void servicesACompareCardLacksArePricedAtTheSpecCardsRates() throws IOException {
        Path spec = dir.resolve("kb.yaml");
        Files.writeString(spec, """
                schema: aicost/workload/v1
                ratecard: aws-bedrock-us-east-1
                workloads:
                  - { name: k, model: anthropic.claude-haiku-4-5, requests_per_month: 1000000, input_tokens: 1000,
                      output_tokens: 100, knowledge_bases: 1, guardrails: { text_units_per_request: 2 } }
                """);
        // us-east-1: 1e9 x 1.10 + 1e8 x 5.50 = 1,100 + 550 = 1,650 + KB 1 x 2 OCUs x 0.24 x 730 h = 350.40
        //   + guardrails 2e6 / 1,000 x 0.15 = 300.00 -> 2,300.40. anthropic-api: 1,000 + 500 = 1,500 + the same
        //   650.40 borrowed -> 2,150.40
        JsonNode json = JSON.readTree(Cli.run("estimate", spec.toString(), "--format", "json", "--compare",
                "anthropic-api").out());
        assertThat(json.get("monthly_total").asText()).isEqualTo("2300.400000");
        JsonNode comparison = json.get("comparisons").get(0);
        assertThat(comparison.get("monthly_total").asText()).isEqualTo("2150.400000");
        assertThat(comparison.get("complete").asBoolean()).isTrue();
        assertThat(comparison.get("workloads").get(0).get("note").asText())
                .isEqualTo("guardrails, knowledge bases at aws-bedrock-us-east-1 prices (anthropic-api does not "
                        + "price them)");
    }

    @Test
    void helpListsExitCodesAndExamples() {
        Cli.Result result = Cli.run("estimate", "--help");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("--compare").contains("--fail-on-increase").contains("Exit codes")
                .contains("examples/support-chatbot.yaml");
        assertThat(result.out()).containsPattern("3 +a guardrail tripped");
        assertThat(Cli.run("--help").out()).containsPattern("2 +bad input").containsPattern("3 +a guardrail tripped");
        assertThat(Cli.run("usage", "--help").out()).containsPattern("2 +bad input").doesNotContain("guardrail");
    }

    @Test
    void provisionedAssumptionIsAWarning() throws IOException {
        JsonNode json = JSON.readTree(Cli.run("estimate", "examples/provisioned-throughput.yaml", "--format", "json")
                .out());
        assertThat(json.get("warnings").toString()).contains("is an assumption");
        // 1 model unit x 730 h x 55.00 = 40,150.00 + storage 1.95; training 3e7 x 4.00 / 1e6 = 120.00 one-time
        assertThat(json.get("monthly_total").asText()).isEqualTo("40151.950000");
        assertThat(json.get("one_time_total").asText()).isEqualTo("120.000000");
    }
}
