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

/** {@code aicost edp} end to end: the shipped example, JSON fields, the negotiation sheet and bad input. */
class EdpCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path spec(String... lines) throws IOException {
        Path file = dir.resolve("edp.yaml");
        List<String> all = new ArrayList<>(List.of("schema: aicost/edp/v1"));
        all.addAll(List.of(lines));
        Files.write(file, all);
        return file;
    }

    private Cli.Result badInput(Path spec) {
        return Cli.badInput(dir, "edp", spec.toString(), "--format", "markdown");
    }

    @Test
    void theExampleComparesOneAndThreeYearOffers() throws IOException {
        Cli.Result result = Cli.run("edp", "examples/edp.yaml", "--format", "json");
        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode json = JSON.readTree(result.out());
        List<String> names = new ArrayList<>();
        json.get("scenarios").forEach(s -> names.add(s.get("name").asText() + "/" + s.get("term_years").asInt()));
        assertThat(names).containsExactly("1yr-1.8M/1", "1yr-2.0M/1", "3yr-ramp-1.8M/3", "3yr-ramp-2.2M/3");
        // 1yr-1.8M by hand (EdpCalculatorTest): net 1,974,000; support 201,000; without (Business) 2,227,800
        JsonNode year = json.get("scenarios").get(0).get("years").get(0);
        assertThat(year.get("year").asInt()).isEqualTo(1);
        assertThat(year.get("list_spend").asText()).isEqualTo("2100000.000000");
        assertThat(year.get("net_spend").asText()).isEqualTo("1974000.000000");
        assertThat(year.get("commit").asText()).isEqualTo("1800000.000000");
        assertThat(year.get("shortfall").asText()).isEqualTo("0.000000");
        assertThat(year.get("support_fee").asText()).isEqualTo("201000.000000");
        assertThat(year.get("cost_with_edp").asText()).isEqualTo("2175000.000000");
        assertThat(year.get("cost_without_edp").asText()).isEqualTo("2227800.000000");
        assertThat(year.get("savings").asText()).isEqualTo("52800.000000");
        assertThat(year.get("effective_discount").decimalValue()).isEqualByComparingTo("0.025143");
        assertThat(year.get("commit_gap").asText()).isEqualTo("108000.000000");
        assertThat(year.get("ai_absorbed").asText()).isEqualTo("108000.000000");
        assertThat(year.get("incremental_ai_cost").asText()).isEqualTo("174000.000000");
        // break-even commit = list + baseline fee - support fee = 2,100,000 + 127,800 - 201,000
        assertThat(year.get("breakeven_commit").asText()).isEqualTo("2026800.000000");
        assertThat(year.get("shortfall_probability").decimalValue()).isEqualByComparingTo("0.278387");
        assertThat(year.get("safe_commit").asText()).isEqualTo("1594532.571240");
        assertThat(json.get("scenarios").get(2).get("discount").decimalValue()).isEqualByComparingTo("0.07");
        assertThat(json.get("scenarios").get(2).get("totals").get("savings").asText()).isEqualTo("331675.000000");
        assertThat(json.get("recommendation").get("scenario").asText()).isEqualTo("3yr-ramp-1.8M");
    }

    @Test
    void theNegotiationSheetHasItsSections() {
        Cli.Result result = Cli.run("edp", "examples/edp.yaml", "--format", "markdown");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("# EDP negotiation sheet", "## Assumptions", "## Scenarios",
                "### 3yr-ramp-2.2M year by year", "## AI spend and the commit gap", "## Recommendation", "## Risks",
                "3yr-ramp-1.8M: it saves $110,558.33 a year ($331,675.00 over 3 years",
                "| **savings per year** | **$52,800.00** | **$26,800.00** | **$110,558.33** | **$136,133.33** |");
        Cli.Result csv = Cli.run("edp", "examples/edp.yaml", "--format", "csv");
        assertThat(csv.out().lines().toList().get(1)).startsWith("1yr-1.8M,1,0.06,2100000.000000,1974000.000000,");
        assertThat(csv.out()).contains("3yr-ramp-2.2M,total,");
    }

    @Test
    void aiSpendFromAnEstimateReport() throws IOException {
        Path report = dir.resolve("estimate.json");
        // the golden spec's month-1 total is 13,465.60 -> 161,587.20 a year
        assertThat(Cli.run("estimate", "src/test/resources/golden/spec.yaml", "--format", "json", "-o",
                report.toString()).exit()).isZero();
        Path spec = spec("scenarios:", "  - { name: a, term_years: 2, commit: [100000, 100000], discount: 0.1 }",
                "spend:", "  organic: [0, 0]", "  ai_from: estimate.json", "support: { plan: none }");
        JsonNode json = JSON.readTree(Cli.run("edp", spec.toString(), "--format", "json").out());
        JsonNode year = json.get("scenarios").get(0).get("years").get(1);
        assertThat(year.get("ai_spend").asText()).isEqualTo("161587.200000");
        // net = 161,587.20 x 0.9 = 145,428.48; all of the 100,000 gap is filled by AI spend
        assertThat(year.get("net_spend").asText()).isEqualTo("145428.480000");
        assertThat(year.get("ai_absorbed").asText()).isEqualTo("100000.000000");
    }

    @Test
    void commitListLengthMustMatchTheTerm() throws IOException {
        Path spec = spec("scenarios:", "  - { name: a, term_years: 3, commit: [1, 2], discount: 0.1 }", "spend:",
                "  organic: [5, 5, 5]");
        assertThat(badInput(spec).err()).contains(spec + ":3:39: scenarios[0].commit: lists 2 yearly commits but "
                + "term_years is 3");
    }

    @Test
    void negativeValues() throws IOException {
        Path spec = spec("scenarios:", "  - { name: a, term_years: 1, commit: [-1], discount: 0.1 }", "spend:",
                "  organic: [5]", "  ai: [-2]");
        assertThat(badInput(spec).err()).contains("scenarios[0].commit[0]: must not be negative, got -1")
                .contains("spend.ai[0]: must not be negative, got -2");
    }

    @Test
    void discountsOutsideZeroToOne() throws IOException {
        Path spec = spec("scenarios:",
                "  - { name: a, term_years: 1, commit: [1], discount: 1.5, ai_extra_discount: -0.1 }",
                "  - { name: b, term_years: 1, commit: [1], tiers: [{ min_commit: 0, discount: 2 }] }", "spend:",
                "  organic: [5]", "  uncertainty: 3");
        assertThat(badInput(spec).err()).contains("scenarios[0].discount: must be between 0 and 1, got 1.5")
                .contains("scenarios[0].ai_extra_discount: must be between 0 and 1, got -0.1")
                .contains("scenarios[1].tiers[0].discount: must be between 0 and 1, got 2")
                .contains("spend.uncertainty: must be between 0 and 1, got 3");
    }

    @Test
    void otherSpecProblems() throws IOException {
        Path spec = spec("scenarios:", "  - { name: a, term_years: 3, commit: [1, 1, 1] }",
                "  - { name: a, term_years: 1, commit: [1], discount: 0.1, tiers: [{ min_commit: 0, discount: 0.1 }] }",
                "spend:", "  organic: [5, 5]", "support: { plan: platinum }");
        assertThat(badInput(spec).err()).contains("scenarios[0].discount: is required (or tiers)")
                .contains("scenarios[1].tiers: give discount or tiers, not both")
                .contains("support.plan: unknown support plan 'platinum'");
    }

    @Test
    void duplicateScenarioNames() throws IOException {
        Path spec = spec("scenarios:", "  - { name: a, term_years: 1, commit: [1], discount: 0.1 }",
                "  - { name: a, term_years: 1, commit: [2], discount: 0.1 }", "spend:", "  organic: [5]");
        assertThat(badInput(spec).err()).contains(spec + ":4:13: scenarios[1].name: duplicate scenario name 'a' "
                + "(also scenarios[0])");
    }

    @Test
    void spendShorterThanATerm() throws IOException {
        Path spec = spec("scenarios:", "  - { name: a, term_years: 3, commit: [1, 1, 1], discount: 0.1 }", "spend:",
                "  organic: [5, 5]");
        assertThat(badInput(spec).err()).contains("scenarios[0].term_years: the spend forecast covers 2 years, fewer "
                + "than the term of 3");
    }
}
