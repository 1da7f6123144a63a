package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code usage --trend} on generated logs whose growth, anomalies and spend are known in advance. */
class TrendTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The month the growth is stated in: 730 hours / 24 = 30.41667 days. */
    private static final double MONTH_DAYS = 730.0 / 24;

    @TempDir
    Path dir;

    private static String call(LocalDate day, String team, long inputTokens) {
        return "{\"timestamp\":\"" + day + "T12:00:00Z\",\"modelId\":\"anthropic.claude-haiku-4-5-20251001-v1:0\","
                + "\"region\":\"us-east-1\",\"requestMetadata\":{\"team\":\"" + team + "\"},"
                + "\"input\":{\"inputTokenCount\":" + inputTokens + "},\"output\":{\"outputTokenCount\":0}}\n";
    }

    private JsonNode trend(Path log, String... more) throws IOException {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("usage", log.toString(), "--trend",
                "--format", "json"));
        args.addAll(java.util.List.of(more));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exit()).as(result.err()).isZero();
        return JSON.readTree(result.out()).get("trend");
    }

    @Test
    void theFitRecoversFivePercentAMonthOverNinetyDaysAndTheWorkloadCarriesIt() throws IOException {
        // team growth: 1M input tokens on day 0, x 1.05 every 30.41667 days (5% a month, compounded daily);
        // team steady: 2M every day. One call each a day.
        StringBuilder log = new StringBuilder();
        LocalDate first = LocalDate.of(2026, 7, 1);
        for (int d = 0; d < 90; d++) {
            log.append(call(first.plusDays(d), "growth", Math.round(1_000_000 * Math.pow(1.05, d / MONTH_DAYS))));
            log.append(call(first.plusDays(d), "steady", 2_000_000));
        }
        Path file = dir.resolve("growth.jsonl");
        Files.writeString(file, log.toString());
        Path workload = dir.resolve("measured.yaml");
        JsonNode trend = trend(file, "--by", "team", "--emit-workload", workload.toString());
        assertThat(trend.get("days").asInt()).isEqualTo(90);
        assertThat(trend.get("daily")).hasSize(90);
        // day 0 at $1.10 per 1M input (us-east-1 Haiku 4.5): 1M x 1.10 + 2M x 1.10 = $3.30
        assertThat(trend.get("daily").get(0).get("cost").asText()).isEqualTo("3.300000");
        // the total grows by less than 5% (a third of it is flat); each team's own fit is exact
        String yaml = Files.readString(workload);
        assertThat(yaml).containsPattern("name: growth-anthropic-claude-haiku-4-5\\n(.*\\n)*?    growth: 0\\.05\\n")
                .containsPattern("name: steady-anthropic-claude-haiku-4-5\\n(.*\\n)*?    growth: 0\\n");
        double total = trend.get("growth_monthly").asDouble();
        assertThat(total).isBetween(0.0, 0.05);

        // one team alone: the fitted monthly rate is 5% within 0.1 percentage point, R² near 1
        StringBuilder alone = new StringBuilder();
        for (int d = 0; d < 90; d++) {
            alone.append(call(first.plusDays(d), "growth", Math.round(1_000_000 * Math.pow(1.05, d / MONTH_DAYS))));
        }
        Files.writeString(file, alone.toString());
        JsonNode fitted = trend(file);
        assertThat(fitted.get("growth_monthly").asDouble()).isBetween(0.049, 0.051);
        assertThat(fitted.get("r2").asDouble()).isGreaterThan(0.999);
    }

    @Test
    void aGrowthNoSpecAcceptsIsLeftOutOfTheEmittedWorkload() throws IOException {
        // tokens x 1.5 a day for 30 days: 1.5^30.4 - 1, millions of percent a month, beyond the spec's +1000%
        StringBuilder log = new StringBuilder();
        for (int d = 0; d < 30; d++) {
            log.append(call(LocalDate.of(2026, 9, 1).plusDays(d), "web", Math.round(1000 * Math.pow(1.5, d))));
        }
        Path file = dir.resolve("ramp.jsonl");
        Files.writeString(file, log.toString());
        Path workload = dir.resolve("ramp.yaml");
        assertThat(trend(file, "--emit-workload", workload.toString()).get("growth_monthly").asDouble())
                .isGreaterThan(10);
        assertThat(Files.readString(workload)).doesNotContain("growth:");
        assertThat(Cli.run("estimate", workload.toString()).exit()).isZero();
    }

    @Test
    void aSpikeDayIsAnAnomalyNamedWithTheModelAndTagThatDroveIt() throws IOException {
        // 14 days of 1M tokens for team web ($1.10 a day); on day 10 team batch adds 5M ($5.50):
        // the 7 days before it have median $1.10 and MAD 0, so the threshold is $1.10 and $6.60 is above it;
        // the next days cost $1.10 again, not above their threshold (median still $1.10)
        StringBuilder log = new StringBuilder();
        LocalDate first = LocalDate.of(2026, 9, 1);
        for (int d = 0; d < 14; d++) {
            log.append(call(first.plusDays(d), "web", 1_000_000));
            if (d == 10) {
                log.append(call(first.plusDays(d), "batch", 5_000_000));
            }
        }
        Path file = dir.resolve("spike.jsonl");
        Files.writeString(file, log.toString());
        JsonNode trend = trend(file, "--by", "team");
        assertThat(trend.get("anomalies")).hasSize(1);
        JsonNode anomaly = trend.get("anomalies").get(0);
        assertThat(anomaly.get("date").asText()).isEqualTo("2026-09-11");
        assertThat(anomaly.get("cost").asText()).isEqualTo("6.600000");
        assertThat(anomaly.get("threshold").asText()).isEqualTo("1.100000");
        assertThat(anomaly.get("tag").asText()).isEqualTo("batch");
        assertThat(anomaly.get("model").asText()).isEqualTo("anthropic.claude-haiku-4-5");
        assertThat(anomaly.get("model_increase").asText()).isEqualTo("5.500000");

        Cli.Result table = Cli.run("usage", file.toString(), "--trend", "--by", "team", "--width", "0");
        assertThat(table.out()).contains("Anomalies: cost above the 7-day median + 3 MAD")
                .containsPattern("2026-09-11 +\\$6\\.60 +\\$1\\.10 +\\$1\\.10 +batch / anthropic\\.claude-haiku-4-5 +\\$5\\.50");
        Cli.Result csv = Cli.run("usage", file.toString(), "--trend", "--format", "csv");
        assertThat(csv.out()).startsWith("date,tag,model,calls,tokens,cost,anomaly\n")
                .contains("2026-09-11,,(all),2,6000000,6.600000,yes\n").contains("2026-09-12,,(all),1,1000000,1.100000,no\n");
    }

    @Test
    void theBudgetCrossingIsTheDayItWasCrossedOrTheDayTheTrendReachesIt() throws IOException {
        // 1M tokens a day, 2026-09-01..10: $1.10 a day, $11.00 to date
        StringBuilder log = new StringBuilder();
        for (int d = 0; d < 10; d++) {
            log.append(call(LocalDate.of(2026, 9, 1).plusDays(d), "web", 1_000_000));
        }
        Path file = dir.resolve("flat.jsonl");
        Files.writeString(file, log.toString());
        // $10: crossed on the 10th ($9.90 on the 9th, $11.00 on the 10th)
        JsonNode crossed = trend(file, "--budget", "10");
        assertThat(crossed.get("budget_crossing_date").asText()).isEqualTo("2026-09-10");
        assertThat(crossed.get("budget_crossing_projected").asBoolean()).isFalse();
        assertThat(crossed.get("month_to_date").asText()).isEqualTo("11.000000");
        // $20: $11.00 + $1.10 k >= $20 first at k = 9 ($20.90; k = 8 gives $19.80): 2026-09-19, projected
        JsonNode projected = trend(file, "--budget", "20");
        assertThat(projected.get("budget_crossing_date").asText()).isEqualTo("2026-09-19");
        assertThat(projected.get("budget_crossing_projected").asBoolean()).isTrue();
        // $50: 30 days x $1.10 = $33.00 < $50: not within September
        assertThat(trend(file, "--budget", "50").get("budget_crossing_date").isNull()).isTrue();
        // --budget without --trend is a usage error
        Cli.Result alone = Cli.run("usage", file.toString(), "--budget", "10");
        assertThat(alone.exit()).isEqualTo(2);
        assertThat(alone.err()).contains("--budget").contains("--trend");
    }

    @Test
    void aBillingExportsTrendIsItsDailyBilledCost() throws IOException {
        Path focus = dir.resolve("focus.csv");
        StringBuilder rows = new StringBuilder("ChargePeriodStart,ChargePeriodEnd,ServiceName,x_UsageType,"
                + "ConsumedQuantity,ConsumedUnit,BilledCost,ChargeDescription,RegionId\n");
        for (int d = 1; d <= 3; d++) {
            rows.append("2026-10-0").append(d).append("T00:00:00Z,2026-10-0").append(d + 1)
                    .append("T00:00:00Z,Amazon Bedrock,USE1-NovaMicro-input-tokens,1000000,Tokens,").append(d)
                    .append(".00,,us-east-1\n");
        }
        Files.writeString(focus, rows.toString());
        JsonNode trend = trend(focus);
        // billed $1, $2, $3 on the three days
        assertThat(trend.get("daily").get(0).get("cost").asText()).isEqualTo("1.000000");
        assertThat(trend.get("daily").get(2).get("cost").asText()).isEqualTo("3.000000");
        // ln 1, ln 2, ln 3 against 0, 1, 2: slope (ln 3 - ln 1) / 2 = 0.549306 a day
        assertThat(trend.get("growth_monthly").asDouble()).isCloseTo(Math.expm1(Math.log(3) / 2 * MONTH_DAYS),
                org.assertj.core.data.Offset.offset(1e-3 * Math.expm1(Math.log(3) / 2 * MONTH_DAYS)));
    }
}
