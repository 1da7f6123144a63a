package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults from flags, the environment, the config file and the built-in values, in that order. */
class ConfigDefaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC = "examples/support-chatbot.yaml";

    @TempDir
    Path dir;
    private Map<String, String> env;
    private Path config;

    @BeforeEach
    void environment() throws IOException {
        env = Cli.cleanEnvironment();
        env.put("XDG_CONFIG_HOME", dir.toString());
        config = dir.resolve("aicost/config.yaml");
        Files.createDirectories(config.getParent());
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheConfigFileWhichBeatsTheBuiltIn() throws IOException {
        Cli.Result builtIn = Cli.runWith(env, "estimate", SPEC);
        assertThat(builtIn.out()).startsWith("aicost estimate · ");
        Files.writeString(config, "format: csv\nhours_per_month: 720\n");
        assertThat(Cli.runWith(env, "estimate", SPEC).out()).startsWith("workload,");
        env.put("AICOST_FORMAT", "json");
        JsonNode json = JSON.readTree(Cli.runWith(env, "estimate", SPEC).out());
        // the format from the environment, the hours from the file
        assertThat(json.get("hours_per_month").asInt()).isEqualTo(720);
        assertThat(Cli.runWith(env, "estimate", SPEC, "--format", "markdown").out()).startsWith("#");
        env.put("AICOST_HOURS_PER_MONTH", "744");
        assertThat(JSON.readTree(Cli.runWith(env, "estimate", SPEC).out()).get("hours_per_month").asInt()).isEqualTo(744);
        assertThat(JSON.readTree(Cli.runWith(env, "estimate", SPEC, "--hours-per-month", "730").out())
                .get("hours_per_month").asInt()).isEqualTo(730);

        JsonNode shown = JSON.readTree(Cli.runWith(env, "config", "show", "--format", "json").out());
        assertThat(shown.get("config_file").asText()).isEqualTo(config.toString());
        assertThat(shown.get("settings").get("format").get("source").asText()).isEqualTo("--format");
        assertThat(shown.get("settings").get("hours_per_month").get("source").asText())
                .isEqualTo("AICOST_HOURS_PER_MONTH");
        env.remove("AICOST_HOURS_PER_MONTH");
        shown = JSON.readTree(Cli.runWith(env, "config", "show").out()); // AICOST_FORMAT=json
        assertThat(shown.get("settings").get("hours_per_month").get("source").asText()).isEqualTo(config + ":2:18");
        assertThat(shown.get("settings").get("ratecard").get("source").asText()).startsWith("built-in");
    }

    @Test
    void theDefaultCardPricesWhatNamesNoCardAndASpecsCardStillWins() throws IOException {
        Path log = dir.resolve("log.jsonl");
        Files.copy(Path.of("src/test/resources/usage/invocations.jsonl"), log);
        env.put("AICOST_RATECARD", "aws-bedrock-global");
        JsonNode usage = JSON.readTree(Cli.runWith(env, "usage", log.toString(), "--format", "json").out());
        assertThat(usage.get("ratecard").asText()).isEqualTo("aws-bedrock-global");
        // the spec says ratecard: aws-bedrock-us-east-1, which wins over the default
        JsonNode estimate = JSON.readTree(Cli.runWith(env, "estimate", SPEC, "--format", "json").out());
        assertThat(estimate.get("workloads").get(0).get("ratecard").asText()).isEqualTo("aws-bedrock-us-east-1");
        // a spec without a card takes the default instead of failing
        Path spec = dir.resolve("no-card.yaml");
        Files.writeString(spec, "schema: aicost/workload/v1\nworkloads:\n  - { name: w, model: "
                + "anthropic.claude-haiku-4-5, requests_per_month: 1000, input_tokens: 1000, output_tokens: 100 }\n");
        assertThat(Cli.run("estimate", spec.toString()).exit()).isEqualTo(2);
        Cli.Result priced = Cli.runWith(env, "estimate", spec.toString(), "--format", "json");
        assertThat(priced.exit()).as(priced.err()).isZero();
        // global Haiku 4.5: 1000 x (1000 x 1.00 + 100 x 5.00) / 1M = 1.00 + 0.50 = 1.50
        assertThat(JSON.readTree(priced.out()).get("monthly_total").asText()).startsWith("1.50");
        env.put("AICOST_RATECARD", "no-such-card");
        Cli.Result unknown = Cli.runWith(env, "usage", log.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("AICOST_RATECARD").contains("no-such-card");
    }

    @Test
    void aBadValueIsExit2NamingTheVariableOrTheFilePosition() throws IOException {
        env.put("AICOST_FORMAT", "xml");
        Cli.Result format = Cli.runWith(env, "estimate", SPEC);
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("AICOST_FORMAT: expected table, json, csv or markdown, got 'xml'");
        env.remove("AICOST_FORMAT");
        env.put("AICOST_HOURS_PER_MONTH", "0");
        assertThat(Cli.runWith(env, "estimate", SPEC).err()).contains("AICOST_HOURS_PER_MONTH: must be between 1 and 744");
        env.remove("AICOST_HOURS_PER_MONTH");
        Files.writeString(config, "format: json\nratecrd: x\n");
        Cli.Result key = Cli.runWith(env, "estimate", SPEC);
        assertThat(key.exit()).isEqualTo(2);
        assertThat(key.err()).contains(config + ":2:1: ratecrd: unknown key (did you mean 'ratecard'?)");
        Files.writeString(config, "hours_per_month: lots\n");
        assertThat(Cli.runWith(env, "estimate", SPEC).err())
                .contains(config + ":1:18: hours_per_month: expected a number of hours such as 730, got 'lots'");
    }

    @Test
    void forceColorColoursATableWithoutATerminalAndNoColorWins() {
        // no console under the test runner: no colour unless forced
        assertThat(Cli.runWith(env, "estimate", SPEC).out()).doesNotContain("\u001b[");
        env.put("FORCE_COLOR", "1");
        assertThat(Cli.runWith(env, "estimate", SPEC).out()).contains("\u001b[");
        assertThat(Cli.runWith(env, "estimate", SPEC, "--no-color").out()).doesNotContain("\u001b[");
        assertThat(Cli.runWith(env, "estimate", SPEC, "--format", "json").out()).doesNotContain("\u001b[");
        env.put("FORCE_COLOR", "0");
        assertThat(Cli.runWith(env, "estimate", SPEC).out()).doesNotContain("\u001b[");
        env.put("FORCE_COLOR", "1");
        env.put("NO_COLOR", "1");
        assertThat(Cli.runWith(env, "estimate", SPEC).out()).doesNotContain("\u001b[");
    }
}
