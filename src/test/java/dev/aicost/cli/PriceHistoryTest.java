package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aicost.input.RateCardReader;
import dev.aicost.input.YamlLoader;
import dev.aicost.model.RateCard;
import dev.aicost.render.RateCardYaml;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dated prices on a card: usage prices each call at the price of its day, estimate at today's. */
public class PriceHistoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String CARD = """
            schema: aicost/ratecard/v1
            id: history-card
            provider: test
            currency: USD
            effective: 2026-07-01
            checked: 2026-11-01
            source: hand-made for tests
            models:
              m:
                aliases: [vendor.m-v1]
                input: 2.00
                output: 8.00
                cache_read: 0.20
                history:
                  - { until: 2026-03-31, input: 5.00, output: 20.00 }
                  - { until: 2026-06-30, input: 3.00 }
            """;

    @TempDir
    Path dir;
    private Path card;

    @BeforeEach
    void writeCard() throws IOException {
        card = dir.resolve("card.yaml");
        Files.writeString(card, CARD);
    }

    private static String call(String timestamp) {
        return "{\"timestamp\":\"" + timestamp + "\",\"modelId\":\"vendor.m-v1\",\"region\":\"us-east-1\","
                + "\"input\":{\"inputTokenCount\":1000000},\"output\":{\"outputTokenCount\":100000}}\n";
    }

    @Test
    void eachLoggedCallIsPricedAtThePriceInForceOnItsDay() throws IOException {
        Path log = dir.resolve("log.jsonl");
        Files.writeString(log, call("2026-03-31T23:59:59Z") + call("2026-04-01T00:00:00Z") + call("2026-07-01T00:00:00Z"));
        Cli.Result result = Cli.run("usage", log.toString(), "--ratecard", card.toString(), "--format", "json");
        assertThat(result.exit()).as(result.err()).isZero();
        // 1M input and 100K output tokens a call:
        //   2026-03-31, last day of the first era:    5.00 x 1 + 20.00 x 0.1 = 7.00
        //   2026-04-01, second era (input only; output is today's 8.00): 3.00 + 0.80 = 3.80
        //   2026-07-01, after the history:             2.00 + 0.80 = 2.80      total 13.60 (at today's prices 8.40)
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("total_cost").asText()).isEqualTo("13.600000");
    }

    @Test
    void billingLinesArePricedAtTheirDaysPriceToo() throws IOException {
        Path focus = dir.resolve("focus.csv");
        Files.writeString(focus, "ChargePeriodStart,ChargePeriodEnd,ServiceName,x_UsageType,ConsumedQuantity,"
                + "ConsumedUnit,BilledCost,ChargeDescription,RegionId\n"
                + "2026-03-31T00:00:00Z,2026-04-01T00:00:00Z,Amazon Bedrock,USE1-m-input-tokens,1000000,Tokens,5.00,,"
                + "us-east-1\n"
                + "2026-07-01T00:00:00Z,2026-07-02T00:00:00Z,Amazon Bedrock,USE1-m-input-tokens,1000000,Tokens,2.00,,"
                + "us-east-1\n");
        Cli.Result result = Cli.run("usage", focus.toString(), "--ratecard", card.toString(), "--format", "json");
        assertThat(result.exit()).as(result.err()).isZero();
        // 1M input tokens on 2026-03-31 at 5.00 and 1M on 2026-07-01 at 2.00: priced 7.00, as billed, no gap
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("total_cost").asText()).isEqualTo("7.000000");
        assertThat(json.get("gap_total").asText()).isEqualTo("0.000000");
    }

    @Test
    void estimateUsesTodaysPrices() throws IOException {
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, "schema: aicost/workload/v1\nratecard: " + card + "\nworkloads:\n"
                + "  - { name: w, model: m, requests_per_month: 1000, input_tokens: 1000, output_tokens: 100 }\n");
        Cli.Result result = Cli.run("estimate", spec.toString(), "--format", "json");
        assertThat(result.exit()).as(result.err()).isZero();
        // 1000 x (1000 x 2.00 + 100 x 8.00) / 1M = 2.00 + 0.80 = 2.80
        assertThat(JSON.readTree(result.out()).get("monthly_total").asText()).startsWith("2.80");
    }

    @Test
    void historySurvivesTheWriter() {
        RateCard read = RateCardReader.read(YamlLoader.load("card.yaml", new StringReader(CARD)), "card.yaml");
        assertThat(read.models().get("m").history()).hasSize(2);
        String written = RateCardYaml.write(read, List.of("round trip"));
        assertThat(RateCardReader.read(YamlLoader.load("w.yaml", new StringReader(written)), "w.yaml")).isEqualTo(read);
    }

    @Test
    void badHistoryIsExit2AtItsPosition() throws IOException {
        String[][] cases = {
            {"      - { until: 2026-06-30, input: 3.00 }\n      - { until: 2026-03-31, input: 5.00 }\n",
                ":16:", "models.m.history[1].until: must be after the previous era's until (2026-06-30)"},
            {"      - { until: 2026-03-31 }\n", ":15:", "models.m.history[0]: names no price"},
            {"      - { until: 31/03/2026, input: 5.00 }\n", ":15:", "models.m.history[0].until: expected a date"},
            {"      - { until: 2026-03-31, input: 5.00, fee: 1 }\n", ":15:", "models.m.history[0].fee: unknown key"},
            {"      - { until: 2026-03-31, input: -5.00 }\n", ":15:", "models.m.history[0].input"},
        };
        for (String[] c : cases) {
            Path bad = dir.resolve("bad.yaml");
            Files.writeString(bad, CARD.substring(0, CARD.indexOf("    history:\n") + 13) + c[0]);
            Cli.Result result = Cli.run("ratecards", "validate", bad.toString());
            assertThat(result.exit()).as(c[2] + ": " + result.err()).isEqualTo(2);
            assertThat(result.err()).as(c[2]).contains(bad + c[1]).contains(c[2]);
        }
    }
}
