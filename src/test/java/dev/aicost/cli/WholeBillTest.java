package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The costs around the tokens (issue 14), end to end through {@code aicost estimate}, each line
 * against a hand calculation in the comment beside it. The card and spec are {@link WholeBill}'s;
 * every run uses 720 hours a month so that the knowledge-base hours are round.
 */
class WholeBillTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path card;
    Path spec;

    @BeforeEach
    void write() throws IOException {
        card = dir.resolve("card.yaml");
        Files.writeString(card, WholeBill.CARD);
        spec = write("spec.yaml", WholeBill.SPEC);
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content.replace("{card.yaml}", card.toString()));
        return file;
    }

    private JsonNode estimate(Path file, String... more) throws IOException {
        String[] args = new String[4 + more.length];
        args[0] = "estimate";
        args[1] = file.toString();
        args[2] = "--format=json";
        args[3] = "--hours-per-month=720";
        System.arraycopy(more, 0, args, 4, more.length);
        Cli.Result result = Cli.run(args);
        assertThat(result.exit()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }

    /** Cost of each line of workload {@code index}, by component (and mode, when not on demand). */
    private static Map<String, BigDecimal> lines(JsonNode json, int index) {
        Map<String, BigDecimal> costs = new LinkedHashMap<>();
        for (JsonNode line : json.get("workloads").get(index).get("lines")) {
            String mode = line.get("mode").isNull() || line.get("mode").asText().equals("on_demand") ? ""
                    : "/" + line.get("mode").asText();
            costs.put(line.get("component").asText() + mode, new BigDecimal(line.get("cost").asText()));
        }
        return costs;
    }

    private static BigDecimal money(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asText());
    }

    @Test
    void everyLineOfTheWholeBill() throws IOException {
        JsonNode json = estimate(spec);
        Map<String, BigDecimal> w = lines(json, 0);
        // w: 10,000 requests x 4 calls = 40,000 calls of 1,000 input (500 of them a cached prefix, hit 0.5,
        // TTL 1h) and 100 output tokens.
        assertThat(w.get("input")).isEqualByComparingTo("60");            // 40,000 x 500 x 3.00 / 1e6
        assertThat(w.get("cache_read")).isEqualByComparingTo("3");         // 40,000 x 250 x 0.30 / 1e6
        assertThat(w.get("cache_write_1h")).isEqualByComparingTo("60");    // 40,000 x 250 x 6.00 / 1e6
        assertThat(w).doesNotContainKey("cache_write");                    // no 5-minute writes with ttl: 1h
        assertThat(w.get("output")).isEqualByComparingTo("60");            // 40,000 x 100 x 15.00 / 1e6
        assertThat(w.get("egress")).isEqualByComparingTo("0.90");          // 10 GB at the first tier, 0.09
        assertThat(w.get("inter_region_transfer")).isEqualByComparingTo("0.10"); // 5 GB x 0.02
        assertThat(w.get("knowledge_base")).isEqualByComparingTo("1382.40"); // 2 KBs x 4 OCUs x 0.24 x 720 h
        assertThat(w.get("kb_document_storage")).isEqualByComparingTo("1.15"); // 50 GB x 0.023
        assertThat(w.get("kb_index_storage")).isEqualByComparingTo("1.20"); // 50 GB x 0.024
        assertThat(w.get("kb_ingestion")).isEqualByComparingTo("0.02");    // 1,000,000 x 0.02 / 1e6
        assertThat(w.get("kb_retrieval")).isEqualByComparingTo("0.02");    // 10,000 x 2 x 50 = 1e6 tokens x 0.02 / 1e6
        assertThat(w.get("invocation_logging")).isEqualByComparingTo("0.20"); // 40,000 x 10,000 B / 1e9 = 0.4 GB x 0.50
        assertThat(w.get("log_storage")).isEqualByComparingTo("0.036");    // 0.4 GB x 0.03 x 3 months
        assertThat(w.get("metrics")).isEqualByComparingTo("3");            // 10 x 0.30
        // 60 + 3 + 60 + 60 + 0.90 + 0.10 + 1,382.40 + 1.15 + 1.20 + 0.02 + 0.02 + 0.20 + 0.036 + 3 = 1,572.026
        assertThat(money(json.get("workloads").get(0), "monthly_cost")).isEqualByComparingTo("1572.026");

        // pics: 100 requests a day x 720 / 24 = 3,000 requests x 2 images = 6,000 x 0.04 = 240.00; no token lines
        assertThat(lines(json, 1)).containsOnlyKeys("images");
        assertThat(lines(json, 1).get("images")).isEqualByComparingTo("240");
        assertThat(json.get("workloads").get(1).get("lines").get(0).get("quantity").asInt()).isEqualTo(6000);

        // tuned: a fine-tuned od served on demand at its custom prices: 1,000 calls x (200 x 2.00 + 20 x 8.00)
        // / 1e6 = 0.40 + 0.16 = 0.56 (at od's base prices it would be 0.20 + 0.08); storage 1 x 1.95
        Map<String, BigDecimal> tuned = lines(json, 2);
        assertThat(tuned.get("input")).isEqualByComparingTo("0.40");
        assertThat(tuned.get("output")).isEqualByComparingTo("0.16");
        assertThat(tuned.get("fine_tuning_storage")).isEqualByComparingTo("1.95");

        // report: 10 GB of egress in all, all of it inside the 100 GB free: -10 x 0.09; below the first
        // tier's end, so no volume discount line
        JsonNode report = json.get("report_lines");
        assertThat(report).hasSize(1);
        assertThat(report.get(0).get("component").asText()).isEqualTo("egress_free_tier");
        assertThat(money(report.get(0), "cost")).isEqualByComparingTo("-0.90");
        // 1,572.026 + 240 + 2.51 - 0.90
        assertThat(money(json, "monthly_total")).isEqualByComparingTo("1813.636");
        assertThat(json.get("warnings")).isEmpty();
    }

    @Test
    void rangesAreTheCheapestAndDearestCombinationOfTheirEnds() throws IOException {
        JsonNode json = estimate(spec);
        // w's cost is fixed 1,388.77 (egress 0.90, transfer 0.10, KB 1,382.40, storage 1.15 + 1.20, ingestion
        // 0.02, metrics 3) + per call 0.0045809 (tokens 4,575 / 1e6; logging 1e-5 GB x (0.50 + 3 x 0.03))
        // + per request 0.000002 (retrieval 2 x 50 x 0.02 / 1e6).
        // low: 8,000 requests x 2 calls: 1,388.77 + 16,000 x 0.0045809 + 8,000 x 0.000002 = 1,462.0804
        // high: 12,000 x 8: 1,388.77 + 96,000 x 0.0045809 + 12,000 x 0.000002 = 1,828.5604
        JsonNode w = json.get("workloads").get(0);
        assertThat(money(w, "monthly_cost_low")).isEqualByComparingTo("1462.0804");
        assertThat(money(w, "monthly_cost_high")).isEqualByComparingTo("1828.5604");
        assertThat(w.get("ranges").get("calls_per_request").get("high").asInt()).isEqualTo(8);
        // workloads without ranges: low = high = expected
        assertThat(money(json.get("workloads").get(1), "monthly_cost_low")).isEqualByComparingTo("240");
        assertThat(money(json.get("workloads").get(1), "monthly_cost_high")).isEqualByComparingTo("240");
        // pics gave requests_per_day: its requests are a month's, 100 x 720 / 24 = 3,000 (no range there)
        // totals: + 240 + 2.51 - 0.90 = + 241.61 on both ends: 1,703.6904 and 2,070.1704
        assertThat(money(json, "monthly_total_low")).isEqualByComparingTo("1703.6904");
        assertThat(money(json, "monthly_total_high")).isEqualByComparingTo("2070.1704");
    }

    @Test
    void setEditsOneEndOfARange() throws IOException {
        // --set w.calls_per_request.high=12: 12,000 x 12 = 144,000 calls x 0.0045809 = 659.6496 + 1,388.77
        // + 12,000 x 0.000002 = 2,048.4436; a requests_per_day range is reported by the month: 240 x 720 / 24
        JsonNode json = estimate(spec, "--set=w.calls_per_request.high=12",
                "--set=pics.requests_per_day={ low: 50, expected: 100, high: 240 }");
        assertThat(money(json.get("workloads").get(0), "monthly_cost_high")).isEqualByComparingTo("2048.4436");
        JsonNode pics = json.get("workloads").get(1);
        assertThat(pics.get("ranges").get("requests_per_month").get("high").asInt()).isEqualTo(7200);
        // 7,200 requests x 2 images x 0.04 = 576
        assertThat(money(pics, "monthly_cost_high")).isEqualByComparingTo("576");
    }

    @Test
    void aRangeWhoseCheapEndIsNotItsLowEndIsStillTheMinimum() throws IOException {
        // the hit rate's high end is the cheap one: 40,000 calls x 500 cached tokens; a read costs 0.30,
        // a 1-hour write 6.00 per 1M. At h = 0.2: 40,000 x (100 x 0.30 + 400 x 6.00) / 1e6 = 1.20 + 96 = 97.20;
        // at h = 0.9: 40,000 x (450 x 0.30 + 50 x 6.00) / 1e6 = 5.40 + 12 = 17.40. Everything else as in
        // everyLineOfTheWholeBill with requests and calls fixed at 10,000 and 4: 1,572.026 - 63 (the expected
        // cache lines) = 1,509.026, so low = 1,509.026 + 17.40 = 1,526.426 and high = 1,509.026 + 97.20 = 1,606.226
        Path ranged = write("hit.yaml", WholeBill.SPEC
                .replace("requests_per_month: { low: 8000, expected: 10000, high: 12000 }", "requests_per_month: 10000")
                .replace("calls_per_request: { low: 2, expected: 4, high: 8 }", "calls_per_request: 4")
                .replace("hit_rate: 0.5", "hit_rate: { low: 0.2, expected: 0.5, high: 0.9 }"));
        JsonNode w = estimate(ranged).get("workloads").get(0);
        assertThat(money(w, "monthly_cost")).isEqualByComparingTo("1572.026");
        assertThat(money(w, "monthly_cost_low")).isEqualByComparingTo("1526.426");
        assertThat(money(w, "monthly_cost_high")).isEqualByComparingTo("1606.226");
    }

    @Test
    void egressTiersGiveAVolumeDiscountAcrossTheCardsWorkloads() throws IOException {
        // two workloads on the card with 30,000 GB each: E = 60,000 GB. Each egress line at the first tier:
        // 30,000 x 0.09 = 2,700. Tiered: 10,240 x 0.09 + 40,960 x 0.085 + 8,800 x 0.07
        // = 921.60 + 3,481.60 + 616.00 = 5,019.20; discount = 5,019.20 - 60,000 x 0.09 = -380.80.
        // Free tier: -min(60,000, 100) x 0.09 = -9.00.
        Path egress = write("egress.yaml", """
                schema: aicost/workload/v1
                ratecard: {card.yaml}
                workloads:
                  - { name: a, model: plain, requests_per_month: 0, input_tokens: 1, output_tokens: 1, egress_gb: 30000 }
                  - { name: b, model: plain, requests_per_month: 0, input_tokens: 1, output_tokens: 1, egress_gb: 30000 }
                """);
        JsonNode json = estimate(egress);
        assertThat(lines(json, 0).get("egress")).isEqualByComparingTo("2700");
        JsonNode report = json.get("report_lines");
        assertThat(report.get(0).get("component").asText()).isEqualTo("egress_free_tier");
        assertThat(money(report.get(0), "cost")).isEqualByComparingTo("-9");
        assertThat(report.get(1).get("component").asText()).isEqualTo("egress_volume_discount");
        assertThat(money(report.get(1), "cost")).isEqualByComparingTo("-380.80");
        assertThat(report.get(1).get("quantity").asInt()).isEqualTo(60000 - 10240);
        assertThat(money(json, "monthly_total")).isEqualByComparingTo("5010.20"); // 5,400 - 9 - 380.80

        // above the last tier's start: E = 200,000 GB: 921.60 + 3,481.60 + 102,400 x 0.07 (7,168) + 46,400 x 0.05
        // (2,320) = 13,891.20; discount 13,891.20 - 18,000 = -4,108.80
        Path more = write("egress2.yaml", Files.readString(egress).replace("30000", "100000"));
        JsonNode big = estimate(more);
        assertThat(money(big.get("report_lines").get(1), "cost")).isEqualByComparingTo("-4108.80");
    }

    @Test
    void volumeLinesGrowAndFixedOnesDoNot() throws IOException {
        // growth 10%: month 2 scales calls, retrievals, egress and transfer by 1.1; the knowledge base, its
        // storage and ingestion, metrics and model storage stay. w in month 2: fixed 1,382.40 + 1.15 + 1.20
        // + 0.02 + 3 = 1,387.77; volume (183 tokens + 0.236 logging + 0.02 retrieval + 0.90 egress + 0.10
        // transfer = 184.256) x 1.1 = 202.6816. Free tier on 11 GB: -0.99. pics and tuned do not grow:
        // 240 + 2.51. Month 2 = 1,387.77 + 202.6816 - 0.99 + 242.51 = 1,831.9716
        Path growing = write("growth.yaml", WholeBill.SPEC.replace("    metrics: 10\n",
                "    metrics: 10\n    growth: 0.10\n"));
        JsonNode json = estimate(growing, "--months=2");
        assertThat(money(json.get("forecast").get(1), "total")).isEqualByComparingTo("1831.9716");
    }

    @Test
    void theKnowledgeBaseCountFormIsPricedAtTheMonthsHours() throws IOException {
        // knowledge_bases: 1 on an OCU card: 1 x min_ocus 2 x 0.24 x hours; 720 h -> 345.60, 730 h -> 350.40
        Path kb = write("kb.yaml", """
                schema: aicost/workload/v1
                ratecard: {card.yaml}
                workloads:
                  - { name: k, model: plain, requests_per_month: 0, input_tokens: 1, output_tokens: 1, knowledge_bases: 1 }
                """);
        assertThat(lines(estimate(kb), 0).get("knowledge_base")).isEqualByComparingTo("345.60");
        JsonNode at730 = JSON.readTree(Cli.run("estimate", kb.toString(), "--format=json").out());
        assertThat(lines(at730, 0).get("knowledge_base")).isEqualByComparingTo("350.40");
    }

    @Test
    void aFineTunedModelWithoutServingRulesIsPricedAtBaseRatesWithAWarning() throws IOException {
        // plain has no custom block: 1,000 calls x (200 x 1.00 + 20 x 4.00) / 1e6 = 0.28, and a warning
        Path tuned = write("tuned.yaml", WholeBill.SPEC.replace("model: od", "model: plain"));
        JsonNode json = estimate(tuned);
        assertThat(money(json.get("workloads").get(2), "monthly_cost")).isEqualByComparingTo("2.23"); // 0.28 + 1.95
        assertThat(json.get("warnings").toString()).contains("tuned: the fine-tuned plain is priced at the base "
                + "model's on-demand rates");
        // a provisioned_only model served by provisioned throughput: 1 unit x 20.00 x 720 h = 14,400, no token lines
        Path provisioned = write("pt.yaml", WholeBill.SPEC.replace("model: od", "model: tuned")
                .replace("    fine_tuning: { stored_models: 1 }\n",
                        "    fine_tuning: { stored_models: 1 }\n    provisioned: { model_units: 1, term: 1_month }\n"));
        Map<String, BigDecimal> lines = lines(estimate(provisioned), 2);
        assertThat(lines).containsOnlyKeys("provisioned", "fine_tuning_storage");
        assertThat(lines.get("provisioned")).isEqualByComparingTo("14400");
    }

    @Test
    void aProvisionedOnlyCustomModelThatOutgrowsItsUnitsSaysTheSpillWouldBeThrottled() throws IOException {
        // 1 unit x 100,000 tokens/min x 60 x 720 h = 4.32e9 tokens a month; 30M calls x 220 tokens = 6.6e9.
        // Served: 4.32e9 / 220 = 19,636,363.63...; spilled 10,363,636.36... calls at the base rates
        // (200 x 1.00 + 20 x 4.00) / 1e6 = 0.00028 a call: 2,901.818181...
        Path spill = write("spill.yaml", WholeBill.SPEC.replace("model: od", "model: tuned")
                .replace("requests_per_month: 1000\n", "requests_per_month: 30000000\n")
                .replace("    fine_tuning: { stored_models: 1 }\n",
                        "    fine_tuning: { stored_models: 1 }\n    provisioned: { model_units: 1, term: 1_month }\n"));
        JsonNode json = estimate(spill);
        Map<String, BigDecimal> lines = lines(json, 2);
        assertThat(lines.get("input").add(lines.get("output"))).isEqualByComparingTo("2901.818182");
        assertThat(json.get("warnings").toString()).contains("34.5% of calls spill to on-demand rates")
                .contains("served on provisioned throughput only, so these calls would be throttled");
    }

    @Test
    void aCustomModelsBatchShareIsItsCustomPriceTimesTheCardsBatchMultiplier() throws IOException {
        // tuned on od with half its calls in batch: 1,000 calls x (200 x 2.00 + 20 x 8.00) / 1e6 = 0.56 at the
        // custom prices; on demand 0.5 x 0.56 = 0.28, batch 0.5 x 0.56 x 0.5 (the card's batch_discount) = 0.14
        Path batch = write("batch.yaml", WholeBill.SPEC.replace("    fine_tuning: { stored_models: 1 }\n",
                "    fine_tuning: { stored_models: 1 }\n    mix: { batch: 0.5 }\n"));
        Map<String, BigDecimal> lines = lines(estimate(batch), 2);
        assertThat(lines.get("input").add(lines.get("output"))).isEqualByComparingTo("0.28");
        assertThat(lines.get("input/batch").add(lines.get("output/batch"))).isEqualByComparingTo("0.14");
    }

    @Test
    void anEmbeddingWorkloadBillsInputTokensOnly() throws IOException {
        // 1,000,000 requests x 500 tokens x 0.02 / 1e6 = 10.00; output_tokens left out
        Path embed = write("embed.yaml", """
                schema: aicost/workload/v1
                ratecard: {card.yaml}
                workloads:
                  - { name: e, model: emb, requests_per_month: 1000000, input_tokens: 500 }
                """);
        JsonNode json = estimate(embed);
        assertThat(lines(json, 0)).containsOnlyKeys("input");
        assertThat(money(json, "monthly_total")).isEqualByComparingTo("10");
    }

    @Test
    void csvAndMarkdownCarryTheNewLinesAndTheRanges() throws IOException {
        Cli.Result csv = Cli.run("estimate", spec.toString(), "--format", "csv", "--hours-per-month", "720");
        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out()).contains("\nw,whole-bill,big,kb_retrieval,,1000000,tokens,0.020000,per 1M tokens,"
                + "0.020000,monthly\n");
        assertThat(csv.out()).contains("\npics,whole-bill,img,images,,6000,images,0.040000,per image,240.000000,"
                + "monthly\n");
        assertThat(csv.out()).contains("\nw,whole-bill,big,monthly_cost_low,,,,,,1462.080400,range\n");
        assertThat(csv.out()).contains("\n,,,monthly_total_high,,,,,,2070.170400,range\n");

        Cli.Result md = Cli.run("estimate", spec.toString(), "--format", "markdown", "--hours-per-month", "720");
        assertThat(md.out()).contains("| invocation_logging |").contains("| cache_write_1h | on_demand |")
                .contains("$1,462.08 to $1,828.56").contains("$1,703.69 to $2,070.17");
    }

    @Test
    void theBudgetJudgesTheExpectedTotalAndWarnsAboutTheHighEnd() throws IOException {
        // expected 1,813.64 is within 2,000; the high end 2,070.17 is not: exit 0 with a warning
        Cli.Result result = Cli.run("estimate", spec.toString(), "--hours-per-month", "720", "--budget", "2000");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("within budget")
                .contains("warning: the high end of the range, $2,070.17, exceeds the budget of $2,000.00");
        JsonNode json = estimate(spec, "--budget=2000");
        assertThat(json.get("budget").get("exceeded").asBoolean()).isFalse();
        assertThat(json.get("budget").get("high_exceeds").asBoolean()).isTrue();
        // below the expected total the budget trips as before: exit 3
        assertThat(Cli.run("estimate", spec.toString(), "--hours-per-month", "720", "--budget", "1800").exit())
                .isEqualTo(3);
    }

    @Test
    void aComparedCardWithoutTheServicesOrTheEmbeddingModelBorrowsThem() throws IOException {
        // the other card: big's input at 1.50 instead of 3.00, no emb, no services. Like for like, w costs
        // the same but for its input line: 1,572.026 - 40,000 x 500 x (3.00 - 1.50) / 1e6 = 1,572.026 - 30
        String other = WholeBill.CARD.replace("id: whole-bill", "id: other").replace("    input: 3.00", "    input: 1.50")
                .replace("  emb:\n    kind: embedding\n    input: 0.02\n", "");
        other = other.substring(0, other.indexOf("services:"));
        Path otherCard = write("other.yaml", other);
        JsonNode json = estimate(spec, "--compare=" + otherCard);
        JsonNode row = json.get("comparisons").get(0).get("workloads").get(0);
        assertThat(money(row, "monthly_cost")).isEqualByComparingTo("1542.026");
        assertThat(row.get("note").asText()).contains("knowledge bases").contains("invocation logging")
                .contains("knowledge-base embeddings (emb) at whole-bill prices");
    }

    @Test
    void theWholeBillExampleIsWrittenInFull() throws IOException {
        // the shipped example prices every new line on the shipped us-east-1 card
        JsonNode json = JSON.readTree(Cli.run("estimate", "examples/enterprise-platform-whole-bill.yaml",
                "--format", "json").out());
        Map<String, BigDecimal> core = lines(json, 1);
        assertThat(core).containsKeys("knowledge_base", "kb_document_storage", "kb_index_storage", "kb_ingestion",
                "kb_retrieval", "invocation_logging", "log_storage", "metrics", "inter_region_transfer", "egress");
        // 2 KBs x 2 OCUs (the card's minimum) x 0.24 x 730 h = 700.80
        assertThat(core.get("knowledge_base")).isEqualByComparingTo("700.80");
        // 22,500 requests x 4 calls x 12,000 B / 1e9 = 1.08 GB x 0.50 = 0.54
        assertThat(core.get("invocation_logging")).isEqualByComparingTo("0.54");
        // 20M tokens x Titan Text Embeddings V2's 0.02 / 1e6 = 0.40
        assertThat(core.get("kb_ingestion")).isEqualByComparingTo("0.40");
        assertThat(money(json, "monthly_total_high")).isGreaterThan(money(json, "monthly_total"));
    }
}
