package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per class of bad input: exit 2, a message naming the file and the field (with
 * line:column where the parser knows it), no stack trace, and no output file left behind.
 */
class BadInputTest {
    private static final Path TEST_CARD = Path.of("src/test/resources/cards/test-card.yaml").toAbsolutePath();
    private static final Path BARE_CARD = Path.of("src/test/resources/cards/bare-card.yaml").toAbsolutePath();

    @TempDir
    Path dir;

    /** A valid spec with one workload whose body lines are given (indented under "- name: w"). */
    private Path specOn(String card, String... workloadLines) throws IOException {
        List<String> lines = new ArrayList<>(List.of("schema: aicost/workload/v1", "ratecard: " + card,
                "workloads:", "  - name: w"));
        for (String line : workloadLines) {
            lines.add("    " + line);
        }
        Path file = dir.resolve("spec.yaml");
        Files.write(file, lines);
        return file;
    }

    private Path spec(String... workloadLines) throws IOException {
        return specOn(TEST_CARD.toString(), workloadLines);
    }

    private Cli.Result estimateExpectingBadInput(Path spec, String... extra) {
        List<String> args = new ArrayList<>(List.of("estimate", spec.toString(), "--format", "json"));
        args.addAll(List.of(extra));
        return Cli.badInput(dir, args.toArray(String[]::new));
    }

    @Test
    void unknownKeyWithSuggestion() throws IOException {
        Path spec = spec("model: big", "reqests_per_month: 10", "input_tokens: 1", "output_tokens: 1");
        assertThat(estimateExpectingBadInput(spec).err())
                .contains(spec + ":6:5: workloads[0].reqests_per_month: unknown key (did you mean "
                        + "'requests_per_month'?)");
    }

    @Test
    void wrongType() throws IOException {
        Path spec = spec("model: big", "requests_per_month: 10", "input_tokens: lots", "output_tokens: 1");
        assertThat(estimateExpectingBadInput(spec).err())
                .contains(spec + ":7:19: workloads[0].input_tokens: expected a number, got a string 'lots'");
    }

    @Test
    void quotedNumberIsAString() throws IOException {
        Path spec = spec("model: big", "requests_per_month: '10'", "input_tokens: 1", "output_tokens: 1");
        assertThat(estimateExpectingBadInput(spec).err())
                .contains("workloads[0].requests_per_month: expected a number, got a string '10'");
    }

    @Test
    void hitRateOutOfRange() throws IOException {
        Path spec = spec("model: big", "requests_per_month: 10", "input_tokens: 100", "output_tokens: 1",
                "cache: { prefix_tokens: 50, hit_rate: 1.4 }");
        assertThat(estimateExpectingBadInput(spec).err())
                .contains(spec + ":9:43: workloads[0].cache.hit_rate: must be between 0 and 1, got 1.4");
    }

    @Test
    void prefixLargerThanInput() throws IOException {
        Path spec = spec("model: big", "requests_per_month: 10", "input_tokens: 100", "output_tokens: 1",
                "cache: { prefix_tokens: 500, hit_rate: 0.5 }");
        assertThat(estimateExpectingBadInput(spec).err())
                .contains(spec + ":9:29: workloads[0].cache.prefix_tokens: must not exceed input_tokens (100)");
    }

    @Test
    void sharesOverOne() throws IOException {
        Path spec = spec("model: big", "requests_per_month: 10", "input_tokens: 1", "output_tokens: 1",
                "mix: { batch: 0.7, priority: 0.5 }");
        assertThat(estimateExpectingBadInput(spec).err())
                .contains(spec + ":9:10: workloads[0].mix: shares must sum to at most 1 (on_demand takes the "
                        + "rest), got 1.2");
    }

    @Test
    void negativeCount() throws IOException {
        Path spec = spec("model: big", "requests_per_month: -5", "input_tokens: 1", "output_tokens: 1");
        assertThat(estimateExpectingBadInput(spec).err())
                .contains(spec + ":6:25: workloads[0].requests_per_month: must not be negative, got -5");
    }

    @Test
    void notANumber() throws IOException {
        Path spec = spec("model: big", "requests_per_month: 1", "input_tokens: 1", "output_tokens: .nan");
        assertThat(estimateExpectingBadInput(spec).err())
                .contains(spec + ":8:20: workloads[0].output_tokens: must be a finite number, got .nan");
    }

    @Test
    void duplicateKey() throws IOException {
        Path spec = spec("model: big", "requests_per_month: 1", "input_tokens: 1", "output_tokens: 1",
                "input_tokens: 2");
        assertThat(estimateExpectingBadInput(spec).err())
                .contains(spec + ":9:5: duplicate key 'input_tokens' (first at line 7)");
    }

    @Test
    void unknownModelListsClosestIds() throws IOException {
        Path spec = spec("model: bigg", "requests_per_month: 1", "input_tokens: 1", "output_tokens: 1");
        assertThat(estimateExpectingBadInput(spec).err())
                .contains(spec + ":5:12: workloads[0].model: unknown model 'bigg' on test-card; closest: big");
    }

    @Test
    void modePriceTheModelLacks() throws IOException {
        Path spec = specOn(BARE_CARD.toString(), "model: plain", "requests_per_month: 1", "input_tokens: 1",
                "output_tokens: 1", "mix: { batch: 0.5 }");
        assertThat(estimateExpectingBadInput(spec).err())
                .contains(spec + ":9:19: workloads[0].mix.batch: plain has no batch input price on bare-card");
    }

    @Test
    void cacheOnAModelWithoutCachePrices() throws IOException {
        Path spec = specOn(BARE_CARD.toString(), "model: plain", "requests_per_month: 1", "input_tokens: 10",
                "output_tokens: 1", "cache: { prefix_tokens: 5, hit_rate: 0.5 }");
        assertThat(estimateExpectingBadInput(spec).err())
                .contains(spec + ":9:12: workloads[0].cache: plain has no on_demand cache_read price on bare-card");
    }

    @Test
    void mixTogetherWithProvisioned() throws IOException {
        Path spec = spec("model: big", "requests_per_month: 1", "input_tokens: 1", "output_tokens: 1",
                "mix: { batch: 0.5 }", "provisioned: { model_units: 1, term: 1_month }");
        assertThat(estimateExpectingBadInput(spec).err())
                .contains(spec + ":9:10: workloads[0].mix: cannot be combined with provisioned");
    }

    @Test
    void unknownProvisionedTerm() throws IOException {
        Path spec = spec("model: big", "requests_per_month: 1", "input_tokens: 1", "output_tokens: 1",
                "provisioned: { model_units: 1, term: 1-month }");
        assertThat(estimateExpectingBadInput(spec).err())
                .contains("workloads[0].provisioned.term: unknown term '1-month' (did you mean '1_month'?)");
    }

    @Test
    void aliasBombIsRefused() throws IOException {
        Path file = dir.resolve("bomb.yaml");
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        Files.writeString(file, yaml);
        assertThat(estimateExpectingBadInput(file).err()).contains(file.toString()).containsAnyOf("aliases",
                "alias expansion");
    }

    @Test
    void absurdNestingIsRefused() throws IOException {
        Path file = dir.resolve("deep.yaml");
        Files.writeString(file, "schema: aicost/workload/v1\nworkloads: " + "[".repeat(500) + "]".repeat(500) + "\n");
        assertThat(estimateExpectingBadInput(file).err()).contains(file.toString()).containsIgnoringCase("nesting depth");
    }

    @Test
    void recursiveAliasIsRefused() throws IOException {
        Path file = dir.resolve("loop.yaml");
        Files.writeString(file, "schema: aicost/workload/v1\nworkloads: &w [*w]\n");
        assertThat(estimateExpectingBadInput(file).err()).contains(file.toString());
    }

    @Test
    void invalidYamlSyntaxHasAPosition() throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "schema: aicost/workload/v1\nworkloads:\n  - name: [unclosed\n");
        assertThat(estimateExpectingBadInput(file).err()).contains(file + ":4:1: invalid YAML");
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nope.yaml");
        assertThat(estimateExpectingBadInput(file).err()).contains(file + ": file not found");
    }

    @Test
    void badRateCardNamesTheCardFile() throws IOException {
        Path card = dir.resolve("card.yaml");
        Files.writeString(card, Files.readString(TEST_CARD).replace("    output: 0.40", "    ouput: 0.40"));
        Path spec = specOn("card.yaml", "model: small", "requests_per_month: 1", "input_tokens: 1",
                "output_tokens: 1");
        assertThat(estimateExpectingBadInput(spec).err())
                .contains(card + ":33:5: models.small.ouput: unknown key (did you mean 'output'?)")
                .contains(card + ":30:5: models.small.output: is required");
    }

    @Test
    void unknownRateCardId() throws IOException {
        Path spec = specOn("aws-bedrok-us-east-1", "model: x", "requests_per_month: 1", "input_tokens: 1",
                "output_tokens: 1");
        assertThat(estimateExpectingBadInput(spec).err()).contains("unknown rate card 'aws-bedrok-us-east-1'; "
                + "did you mean aws-bedrock-us-east-1");
    }

    @Test
    void overrideValueIsValidatedLikeTheFile() throws IOException {
        Path spec = spec("model: big", "requests_per_month: 1", "input_tokens: 10", "output_tokens: 1",
                "cache: { prefix_tokens: 5, hit_rate: 0.5 }");
        assertThat(estimateExpectingBadInput(spec, "--set", "w.cache.hit_rate=2").err())
                .contains(spec + " (value from --set): workloads[0].cache.hit_rate: must be between 0 and 1, got 2");
        assertThat(estimateExpectingBadInput(spec, "--set", "nobody.growth=0.1").err())
                .contains("no workload named 'nobody'");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        Path spec = spec("model: big", "requests_per_month: -1", "input_tokens: x", "output_tokens: 1",
                "growth: 20");
        assertThat(estimateExpectingBadInput(spec).err()).contains("requests_per_month").contains("input_tokens")
                .contains("growth: must be between -0.99 and 10, got 20");
    }

    @Test
    void badFlags() throws IOException {
        Path spec = spec("model: big", "requests_per_month: 1", "input_tokens: 1", "output_tokens: 1");
        assertThat(estimateExpectingBadInput(spec, "--months", "0").err()).contains("--months: must be between");
        assertThat(estimateExpectingBadInput(spec, "--discount", "1.5").err()).contains("--discount");
        assertThat(estimateExpectingBadInput(spec, "--fail-on-increase", "10").err()).contains("needs --baseline");
        assertThat(Cli.run("estimate", spec.toString(), "--format", "xml").exit()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void invalidBaselineJsonHasAPosition() throws IOException {
        Path spec = spec("model: big", "requests_per_month: 1", "input_tokens: 1", "output_tokens: 1");
        Path baseline = dir.resolve("old.json");
        Files.writeString(baseline, "{\n  \"schema\": \"aicost/estimate/v1\",\n  \"monthly_total\": oops\n}\n");
        assertThat(estimateExpectingBadInput(spec, "--baseline", baseline.toString()).err())
                .contains(baseline + ":3:").contains("invalid JSON");
    }

    @Test
    void refusesToOverwriteTheInputSpec() throws IOException {
        Path spec = spec("model: big", "requests_per_month: 1", "input_tokens: 1", "output_tokens: 1");
        String before = Files.readString(spec);
        Cli.Result result = Cli.run("estimate", spec.toString(), "--output", spec.toString());
        assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Files.readString(spec)).isEqualTo(before);
    }
}
