package dev.aicost.pricing;

import static dev.aicost.TestCards.d;
import static dev.aicost.TestCards.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aicost.TestCards;
import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.Workload;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The docs/workload-spec.md arithmetic, each figure worked out by hand in the comment above it, on the
 * test card (big: in 3.00, out 15.00, cache write 3.75, read 0.30 per 1M; priority input 6.00
 * explicit; long context above 200K: 6.00 / 22.50 / 7.50 / 0.60; training 8.00; provisioned 100K
 * tokens/min, 1_month 50.00/h, 6_month 30.00/h. small: 0.10 / 0.40. Defaults: batch and flex
 * -50%, priority +75%. Services: egress 0.09/GB with 100 GB free, guardrails 0.15 per 1K text
 * units, knowledge base 345.60/month, storage 1.95/model-month).
 */
class CostEstimatorTest {
    private static final BigDecimal HOURS = d("730");
    private final RateCard card = TestCards.card("test-card");

    private WorkloadMonth price(Workload w) {
        ModelPrice model = card.find(w.model()).orElseThrow();
        assertThat(CostEstimator.issues(w, model, card)).isEmpty();
        return CostEstimator.priceMonth(new EstimateInput(w, card, model), HOURS, 1);
    }

    private static Map<String, BigDecimal> costs(WorkloadMonth month) {
        return month.lines().stream().collect(Collectors.toMap(
                l -> l.component() + (l.mode() == null ? "" : "/" + l.mode().key()), LineItem::cost,
                BigDecimal::add));
    }

    @Test
    void tokenLinesWithCacheReadAndWrite() {
        // 1,000,000 calls of 3,000 input (2,000 cached prefix, 60% hits) and 400 output tokens:
        //   input       1e6 x (3000 - 2000) = 1.0e9 tokens x 3.00 / 1e6 = 3,000.00
        //   cache_read  1e6 x 2000 x 0.6    = 1.2e9 tokens x 0.30 / 1e6 =   360.00
        //   cache_write 1e6 x 2000 x 0.4    = 0.8e9 tokens x 3.75 / 1e6 = 3,000.00
        //   output      1e6 x 400           = 0.4e9 tokens x 15.00 / 1e6 = 6,000.00   total 12,360.00
        WorkloadMonth month = price(workload("big").requests("1000000").shape("3000", "400").cache("2000", "0.6")
                .build());
        assertThat(month.lines()).extracting(LineItem::component)
                .containsExactly("input", "cache_read", "cache_write", "output");
        assertThat(month.lines()).extracting(LineItem::quantity).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("1e9"), d("1.2e9"), d("0.8e9"), d("0.4e9"));
        assertThat(costs(month)).hasEntrySatisfying("input/on_demand", c -> assertThat(c).isEqualByComparingTo("3000"))
                .hasEntrySatisfying("cache_read/on_demand", c -> assertThat(c).isEqualByComparingTo("360"))
                .hasEntrySatisfying("cache_write/on_demand", c -> assertThat(c).isEqualByComparingTo("3000"))
                .hasEntrySatisfying("output/on_demand", c -> assertThat(c).isEqualByComparingTo("6000"));
        assertThat(month.monthlyCost()).isEqualByComparingTo("12360");
    }

    @Test
    void callsPerRequestMultiplyTokensButNotGuardrails() {
        // 1,000 requests x 5 calls = 5,000 calls x 1,000 input = 5e6 tokens x 3.00 / 1e6 = 15.00;
        // guardrails count requests: 1,000 x 4 units = 4,000 units / 1,000 x 0.15 = 0.60.
        WorkloadMonth month = price(workload("big").requests("1000").calls("5").shape("1000", "0").guardrails("4")
                .build());
        assertThat(month.calls()).isEqualByComparingTo("5000");
        assertThat(costs(month).get("input/on_demand")).isEqualByComparingTo("15.00");
        assertThat(costs(month).get("guardrails")).isEqualByComparingTo("0.60");
    }

    @Test
    void modeMixUsesExplicitPricesThenMultipliers() {
        // 100,000 calls of 1,000 in / 200 out; batch 35%, priority 10%, flex 5%, on-demand the rest 50%:
        //   on_demand 50,000: 5e7 x 3.00 + 1e7 x 15.00  = 150 + 150     = 300.00
        //   batch     35,000: 3.5e7 x 1.50 + 7e6 x 7.50 = 52.5 + 52.5   = 105.00
        //   priority  10,000: 1e7 x 6.00 (explicit) + 2e6 x 26.25 (15 x 1.75) = 60 + 52.5 = 112.50
        //   flex       5,000: 5e6 x 1.50 + 1e6 x 7.50   = 7.5 + 7.5     =  15.00   total 532.50
        WorkloadMonth month = price(workload("big").requests("100000").shape("1000", "200")
                .mix(Mode.BATCH, "0.35").mix(Mode.PRIORITY, "0.1").mix(Mode.FLEX, "0.05").build());
        Map<String, BigDecimal> costs = costs(month);
        assertThat(costs.get("input/on_demand").add(costs.get("output/on_demand"))).isEqualByComparingTo("300");
        assertThat(costs.get("input/batch").add(costs.get("output/batch"))).isEqualByComparingTo("105");
        assertThat(costs.get("input/priority")).isEqualByComparingTo("60");
        assertThat(costs.get("output/priority")).isEqualByComparingTo("52.5");
        assertThat(costs.get("input/flex").add(costs.get("output/flex"))).isEqualByComparingTo("15");
        assertThat(month.monthlyCost()).isEqualByComparingTo("532.50");
    }

    @Test
    void cacheRatesFollowTheModeMultiplier() {
        // batch, 1,000 calls, prefix 1,000 all hits: 1e6 cached tokens x (0.30 x 0.5 = 0.15) / 1e6 = 0.15
        WorkloadMonth month = price(workload("big").requests("1000").shape("1000", "0").cache("1000", "1")
                .mix(Mode.BATCH, "1").build());
        assertThat(month.lines()).singleElement().satisfies(line -> {
            assertThat(line.component()).isEqualTo("cache_read");
            assertThat(line.rate()).isEqualByComparingTo("0.15");
            assertThat(line.cost()).isEqualByComparingTo("0.15");
        });
    }

    @Test
    void longContextRatesApplyAboveTheThresholdOnly() {
        // 100 calls of 250,000 in (> 200,000) / 1,000 out: 2.5e7 x 6.00 + 1e5 x 22.50 = 150 + 2.25 = 152.25
        assertThat(price(workload("big").requests("100").shape("250000", "1000").build()).monthlyCost())
                .isEqualByComparingTo("152.25");
        // the same in batch: long-context rate x 0.5 (the explicit blocks are standard-context): 76.125
        assertThat(price(workload("big").requests("100").shape("250000", "1000").mix(Mode.BATCH, "1").build())
                .monthlyCost()).isEqualByComparingTo("76.125");
        // priority: long-context input 6.00 x 1.75 = 10.50 (not the explicit 6.00): 2.5e7 x 10.5 + 1e5 x 39.375
        //   = 262.5 + 3.9375 = 266.4375
        assertThat(price(workload("big").requests("100").shape("250000", "1000").mix(Mode.PRIORITY, "1").build())
                .monthlyCost()).isEqualByComparingTo("266.4375");
        // exactly 200,000 is not above: 2e7 x 3.00 + 1e5 x 15.00 = 60 + 1.5 = 61.50
        assertThat(price(workload("big").requests("100").shape("200000", "1000").build()).monthlyCost())
                .isEqualByComparingTo("61.50");
    }

    @Test
    void provisionedWithinCapacityBillsOnlyUnitHours() {
        // 2 units x 730 h x 30.00 = 43,800.00; capacity 2 x 100,000 x 60 x 730 = 8.76e9 tokens,
        // demand 1e6 x 3,400 = 3.4e9: no spill.
        WorkloadMonth month = price(workload("big").requests("1000000").shape("3000", "400")
                .provisioned("2", "6_month").build());
        assertThat(month.lines()).singleElement().satisfies(line -> {
            assertThat(line.component()).isEqualTo("provisioned");
            assertThat(line.quantity()).isEqualByComparingTo("1460");
            assertThat(line.cost()).isEqualByComparingTo("43800");
        });
        assertThat(month.warnings()).isEmpty();
    }

    @Test
    void provisionedSpillsTheExcessToOnDemand() {
        // 1 unit, 1_month: 730 x 50.00 = 36,500. Capacity 100,000 x 60 x 730 = 4.38e9 tokens;
        // demand 2e6 calls x 3,400 = 6.8e9 tokens. Calls served = 4.38e9 / 3,400; spilled =
        // (6.8e9 - 4.38e9) / 3,400 = 711,764.70588... calls (35.6%), each 3,000 x 3.00 / 1e6 + 400 x
        // 15.00 / 1e6 = 0.015: 10,676.470588... Total 47,176.47 (to the cent).
        WorkloadMonth month = price(workload("big").requests("2000000").shape("3000", "400")
                .provisioned("1", "1_month").build());
        BigDecimal spilled = d("2.42e9").divide(d("3400"), CostEstimator.MC);
        Map<String, BigDecimal> costs = costs(month);
        assertThat(costs.get("provisioned")).isEqualByComparingTo("36500");
        // the two routes to the spilled calls agree to 34 significant digits
        assertThat(costs.get("input/on_demand")).isCloseTo(spilled.multiply(d("0.009")),
                org.assertj.core.data.Offset.offset(d("1e-20")));
        assertThat(month.monthlyCost().setScale(2, java.math.RoundingMode.HALF_EVEN)).isEqualByComparingTo("47176.47");
        assertThat(month.warnings()).singleElement().asString().contains("35.6% of calls spill");
    }

    @Test
    void servicesAndFineTuning() {
        // knowledge bases 2 x 345.60 = 691.20; storage 1 x 1.95; egress 40 GB x 0.09 = 3.60;
        // training 10M tokens x 3 epochs = 3e7 x 8.00 / 1e6 = 240.00, one-time (not monthly).
        WorkloadMonth month = price(workload("big").requests("0").shape("100", "10").knowledgeBases("2")
                .egress("40").fineTuning("10000000", "3", "1").build());
        Map<String, BigDecimal> costs = costs(month);
        assertThat(costs.get("knowledge_base")).isEqualByComparingTo("691.20");
        assertThat(costs.get("fine_tuning_storage")).isEqualByComparingTo("1.95");
        assertThat(costs.get("egress")).isEqualByComparingTo("3.60");
        assertThat(month.monthlyCost()).isEqualByComparingTo("696.75");
        assertThat(month.oneTime()).singleElement().satisfies(line -> {
            assertThat(line.component()).isEqualTo("fine_tuning_training");
            assertThat(line.cost()).isEqualByComparingTo("240");
        });
    }

    @Test
    void egressFreeTierIsOneCreditPerCardCappedAtTheFreeAmount() {
        // 40 + 80 = 120 GB on one card: lines 3.60 + 7.20; credit -min(120, 100) x 0.09 = -9.00
        Estimate estimate = estimate(1, workload("big").name("a").egress("40").shape("1", "1").build(),
                workload("small").name("b").egress("80").shape("1", "1").build());
        assertThat(estimate.reportLines()).singleElement().satisfies(line -> {
            assertThat(line.component()).isEqualTo("egress_free_tier");
            assertThat(line.quantity()).isEqualByComparingTo("100");
            assertThat(line.cost()).isEqualByComparingTo("-9.00");
        });
        assertThat(estimate.monthlyTotal()).isEqualByComparingTo("1.80");
        // 30 GB in all: the whole 30 GB is free, -2.70, and the total is zero
        Estimate small = estimate(1, workload("big").egress("30").shape("1", "1").build());
        assertThat(small.reportLines().get(0).cost()).isEqualByComparingTo("-2.70");
        assertThat(small.monthlyTotal()).isEqualByComparingTo("0");
    }

    @Test
    void growthCompoundsVolumeLinesButNotFixedOnes() {
        // tokens 12,360.00 a month (first test) growing 5%, plus one knowledge base 345.60 that does not grow:
        //   month 1: 12,360.00 + 345.60                 = 12,705.60
        //   month 2: 12,360.00 x 1.05 = 12,978.00 + 345.60 = 13,323.60
        //   month 3: 12,360.00 x 1.1025 = 13,626.90 + 345.60 = 13,972.50
        //   horizon: 40,001.70
        Estimate estimate = estimate(3, workload("big").requests("1000000").shape("3000", "400").cache("2000", "0.6")
                .knowledgeBases("1").growth("0.05").build());
        assertThat(estimate.forecast()).extracting(Estimate.MonthTotal::total)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("12705.60"), d("13323.60"), d("13972.50"));
        assertThat(estimate.horizonTotal()).isEqualByComparingTo("40001.70");
    }

    @Test
    void spillIsRecomputedEachForecastMonth() {
        // 1 unit holds 4.38e9 tokens; 1.2e6 calls x 3,400 = 4.08e9 fit in month 1; with 10% growth
        // month 2 needs 4.488e9 and spills (4.488e9 - 4.38e9) / 3,400 = 31,764.70588... calls x 0.015
        // = 476.470588...; month 2 total 36,500 + 476.47 = 36,976.47.
        Estimate estimate = estimate(2, workload("big").requests("1200000").shape("3000", "400")
                .provisioned("1", "1_month").growth("0.1").build());
        assertThat(estimate.forecast().get(0).total()).isEqualByComparingTo("36500");
        assertThat(estimate.forecast().get(1).total().setScale(2, java.math.RoundingMode.HALF_EVEN))
                .isEqualByComparingTo("36976.47");
        assertThat(estimate.warnings()).singleElement().asString().startsWith("from month 2:");
    }

    @Test
    void totalsAreSummedUnroundedAndRoundedOnlyAtOutput() {
        // 0.004 + 0.004: each line shows $0.00 but the total of 0.008 rounds to $0.01
        Estimate estimate = estimate(1, workload("small").name("a").requests("40").shape("1000", "0").build(),
                workload("small").name("b").requests("40").shape("1000", "0").build());
        assertThat(estimate.workloads()).allSatisfy(m -> assertThat(m.monthlyCost()).isEqualByComparingTo("0.004"));
        assertThat(estimate.monthlyTotal()).isEqualByComparingTo("0.008");
        assertThat(dev.aicost.render.Numbers.cents(estimate.monthlyTotal(), "USD")).isEqualTo("$0.01");
    }

    @Test
    void issuesNameTheFieldACardCannotPrice() {
        RateCard bare = TestCards.card("bare-card");
        ModelPrice plain = bare.find("plain").orElseThrow();
        Workload batch = workload("plain").requests("1").shape("10", "10").mix(Mode.BATCH, "0.5").build();
        assertThat(CostEstimator.issues(batch, plain, bare)).extracting(PricingIssue::field).contains("mix.batch");
        Workload cached = workload("plain").requests("1").shape("10", "10").cache("5", "0.5").build();
        assertThat(CostEstimator.issues(cached, plain, bare)).extracting(PricingIssue::field).containsOnly("cache");
        Workload provisioned = workload("plain").requests("1").shape("10", "10").provisioned("1", "1_month").build();
        assertThat(CostEstimator.issues(provisioned, plain, bare)).extracting(PricingIssue::field)
                .contains("provisioned");
        Workload services = workload("plain").shape("1", "1").guardrails("1").egress("1").knowledgeBases("1")
                .fineTuning("100", "1", "1").build();
        assertThat(CostEstimator.issues(services, plain, bare)).extracting(PricingIssue::field)
                .containsExactlyInAnyOrder("guardrails", "egress_gb", "knowledge_bases", "fine_tuning.stored_models",
                        "fine_tuning.training_tokens");
        ModelPrice big = card.find("big").orElseThrow();
        Workload wrongTerm = workload("big").requests("1").shape("10", "10").provisioned("1", "no_commit").build();
        assertThat(CostEstimator.issues(wrongTerm, big, card)).singleElement().satisfies(issue -> {
            assertThat(issue.field()).isEqualTo("provisioned.term");
            assertThat(issue.message()).contains("available: 1_month, 6_month");
        });
    }

    @Test
    void allHitsNeedNoCacheWritePrice() {
        // a 100% hit rate writes nothing, so a model with only a read price can be priced
        RateCard bare = TestCards.card("bare-card");
        ModelPrice plain = bare.find("plain").orElseThrow();
        Workload hits = workload("plain").requests("1").shape("10", "10").cache("0", "1").build();
        assertThat(CostEstimator.issues(hits, plain, bare)).isEmpty();
    }

    private Estimate estimate(int months, Workload... workloads) {
        List<EstimateInput> inputs = java.util.Arrays.stream(workloads)
                .map(w -> new EstimateInput(w, card, card.find(w.model()).orElseThrow())).toList();
        return CostEstimator.estimate(inputs, HOURS, months);
    }
}
