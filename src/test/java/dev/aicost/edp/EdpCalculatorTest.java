package dev.aicost.edp;

import static dev.aicost.TestCards.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/edp.md arithmetic against AWS's published support example, the research's commit-gap example and hand cases. */
class EdpCalculatorTest {

    @Test
    void enterpriseSupportMatchesAwsPublishedExample() {
        // AWS: $1.2M a month -> 10% x 150K + 7% x 350K + 5% x 500K + 3% x 200K = 15,000 + 24,500 + 25,000 + 6,000 = 70,500
        assertThat(SupportPlan.ENTERPRISE.monthlyFee(d("1200000"))).isEqualByComparingTo("70500");
        // the research's computed points: 150K -> 15,000; 500K -> 39,500; 1M -> 64,500; 2M -> 94,500; 5M -> 184,500
        assertThat(SupportPlan.ENTERPRISE.monthlyFee(d("150000"))).isEqualByComparingTo("15000");
        assertThat(SupportPlan.ENTERPRISE.monthlyFee(d("500000"))).isEqualByComparingTo("39500");
        assertThat(SupportPlan.ENTERPRISE.monthlyFee(d("1000000"))).isEqualByComparingTo("64500");
        assertThat(SupportPlan.ENTERPRISE.monthlyFee(d("2000000"))).isEqualByComparingTo("94500");
        assertThat(SupportPlan.ENTERPRISE.monthlyFee(d("5000000"))).isEqualByComparingTo("184500");
        // below 150K the $15,000 minimum binds
        assertThat(SupportPlan.ENTERPRISE.monthlyFee(d("50000"))).isEqualByComparingTo("15000");
    }

    @Test
    void businessAndFlatSupport() {
        // AWS's Business example: $85K -> 10% x 10K + 7% x 70K + 5% x 5K = 1,000 + 4,900 + 250 = 6,150
        assertThat(SupportPlan.BUSINESS.monthlyFee(d("85000"))).isEqualByComparingTo("6150");
        assertThat(SupportPlan.BUSINESS.monthlyFee(d("500"))).isEqualByComparingTo("100");
        SupportPlan flat = SupportPlan.flat(d("0.03"), d("15000"));
        assertThat(flat.monthlyFee(d("1000000"))).isEqualByComparingTo("30000");
        assertThat(flat.monthlyFee(d("100000"))).isEqualByComparingTo("15000");
        assertThat(SupportPlan.NONE.monthlyFee(d("1000000"))).isEqualByComparingTo("0");
    }

    private static EdpInputs inputs(List<String> organic, List<String> ai, String uncertainty) {
        return new EdpInputs(organic.stream().map(BigDecimal::new).toList(), ai.stream().map(BigDecimal::new).toList(),
                uncertainty == null ? null : d(uncertainty), SupportPlan.NONE, SupportPlan.NONE);
    }

    private static EdpScenario flat(String commit, String discount) {
        return new EdpScenario("s", 1, List.of(d(commit)), d(discount), null, null);
    }

    @Test
    void buyingTheAiDirectCostsTheArticlesExtraMillionAndAHalf() {
        // the articles' example: commit $20M, organic $17M, AI $1.5M, no discount, no support fee.
        // Direct: 17M organic net + the 3M gap now a shortfall + 0 support + 1.5M AI at list = 21.5M;
        // with the EDP the AI fills the gap: 18.5M net + 1.5M shortfall = 20.0M. Saved: 1.5M.
        EdpResult result = EdpCalculator.evaluate(flat("20000000", "0"), inputs(List.of("17000000"),
                List.of("1500000"), null));
        EdpResult.Year y = result.years().get(0);
        assertThat(y.costAiDirect()).isEqualByComparingTo("21500000");
        assertThat(y.costWithEdp()).isEqualByComparingTo("20000000");
        assertThat(y.savingsVsDirect()).isEqualByComparingTo("1500000");
        assertThat(result.totals().savingsVsDirect()).isEqualByComparingTo("1500000");
    }

    @Test
    void buyingDirectPaysSupportOnOrganicSpendOnlyAndKeepsTheDiscountOnIt() {
        // commit 1.8M, 6% off, organic 1.8M and AI 300K a year, Enterprise support under the EDP.
        // organic net = 1,800,000 x 0.94 = 1,692,000; gap = 1,800,000 - 1,692,000 = 108,000;
        // support on organic: 150,000 a month -> 10% x 150,000 = 15,000 x 12 = 180,000; AI at list 300,000.
        // direct = 1,692,000 + 108,000 + 180,000 + 300,000 = 2,280,000.
        // with EDP: net = 1,692,000 + 282,000 = 1,974,000 (no shortfall); support on 175,000 a month =
        // 15,000 + 7% x 25,000 = 16,750 x 12 = 201,000 -> 2,175,000; saved 105,000.
        EdpInputs inputs = new EdpInputs(List.of(d("1800000")), List.of(d("300000")), null, SupportPlan.ENTERPRISE,
                SupportPlan.NONE);
        EdpResult.Year y = EdpCalculator.evaluate(flat("1800000", "0.06"), inputs).years().get(0);
        assertThat(y.costAiDirect()).isEqualByComparingTo("2280000");
        assertThat(y.costWithEdp()).isEqualByComparingTo("2175000");
        assertThat(y.savingsVsDirect()).isEqualByComparingTo("105000");
        // a commit the organic spend alone fills: no gap, so direct = 1,692,000 + 0 + 180,000 + 300,000
        EdpResult.Year small = EdpCalculator.evaluate(flat("1000000", "0.06"), inputs).years().get(0);
        assertThat(small.costAiDirect()).isEqualByComparingTo("2172000");
        // with EDP: 1,974,000 + 201,000 = 2,175,000, so the EDP route costs 3,000 more
        assertThat(small.savingsVsDirect()).isEqualByComparingTo("-3000");
    }

    @Test
    void theCommitGapAbsorbsAiSpendAtNoIncrementalCost() {
        // research: a $20M commit with $17M of organic spend leaves a $3M gap that absorbs $1.5M of AI
        // spend at zero incremental cost (no discount, so list = net)
        EdpResult.Year y = EdpCalculator.evaluate(flat("20000000", "0"),
                inputs(List.of("17000000"), List.of("1500000"), null)).years().get(0);
        assertThat(y.commitGap()).isEqualByComparingTo("3000000");
        assertThat(y.aiAbsorbed()).isEqualByComparingTo("1500000");
        assertThat(y.incrementalAiCost()).isEqualByComparingTo("0");
        // net 18.5M is short of the commit by 1.5M: with the EDP the year costs the commit, 20M
        assertThat(y.shortfall()).isEqualByComparingTo("1500000");
        assertThat(y.costWithEdp()).isEqualByComparingTo("20000000");
        // and with a $1M gap, $1M of the $1.5M is absorbed and $500K is incremental
        EdpResult.Year smaller = EdpCalculator.evaluate(flat("18000000", "0"),
                inputs(List.of("17000000"), List.of("1500000"), null)).years().get(0);
        assertThat(smaller.aiAbsorbed()).isEqualByComparingTo("1000000");
        assertThat(smaller.incrementalAiCost()).isEqualByComparingTo("500000");
    }

    @Test
    void shortfallSupportAndSavingsByHand() {
        // list 1.8M organic + 0.3M AI = 2.1M; 8% discount: net 1,932,000; commit 2.0M: shortfall 68,000.
        // Enterprise support on 2.1M / 12 = 175,000 a month: 15,000 + 7% x 25,000 = 16,750 -> 201,000 a year.
        // Business without the EDP: 1,000 + 4,900 + 5% x 95,000 = 10,650 -> 127,800 a year.
        // with EDP: 1,932,000 + 68,000 + 201,000 = 2,201,000; without: 2,100,000 + 127,800 = 2,227,800
        // savings 26,800 = 1.2762% of list; break-even commit 2,100,000 + 127,800 - 201,000 = 2,026,800
        EdpInputs inputs = new EdpInputs(List.of(d("1800000")), List.of(d("300000")), null, SupportPlan.ENTERPRISE,
                SupportPlan.BUSINESS);
        EdpResult.Year y = EdpCalculator.evaluate(flat("2000000", "0.08"), inputs).years().get(0);
        assertThat(y.netSpend()).isEqualByComparingTo("1932000");
        assertThat(y.shortfall()).isEqualByComparingTo("68000");
        assertThat(y.supportFee()).isEqualByComparingTo("201000");
        assertThat(y.costWithEdp()).isEqualByComparingTo("2201000");
        assertThat(y.costWithoutEdp()).isEqualByComparingTo("2227800");
        assertThat(y.savings()).isEqualByComparingTo("26800");
        assertThat(y.effectiveDiscount().setScale(6, RoundingMode.HALF_EVEN)).isEqualByComparingTo("0.012762");
        assertThat(y.breakevenCommit()).isEqualByComparingTo("2026800");
        // at the break-even commit the EDP costs exactly what no EDP costs
        EdpResult.Year atBreakeven = EdpCalculator.evaluate(flat("2026800", "0.08"), inputs).years().get(0);
        assertThat(atBreakeven.costWithEdp()).isEqualByComparingTo(atBreakeven.costWithoutEdp());
    }

    @Test
    void aiExtraDiscountAppliesAfterTheBaseDiscount() {
        // organic 1.8M x 0.93 = 1,674,000; AI 300,000 x 0.93 x 0.95 = 265,050; net 1,939,050
        EdpScenario scenario = new EdpScenario("s", 1, List.of(d("1700000")), d("0.07"), null, d("0.05"));
        EdpResult.Year y = EdpCalculator.evaluate(scenario, inputs(List.of("1800000"), List.of("300000"), null))
                .years().get(0);
        assertThat(y.netSpend()).isEqualByComparingTo("1939050");
        assertThat(y.aiNet()).isEqualByComparingTo("265050");
        // gap = max(0, 1.7M - 1,674,000) = 26,000 absorbed; 239,050 incremental
        assertThat(y.commitGap()).isEqualByComparingTo("26000");
        assertThat(y.incrementalAiCost()).isEqualByComparingTo("239050");
    }

    @Test
    void tiersAreChosenByTheAverageAnnualCommit() {
        List<EdpScenario.Tier> tiers = List.of(new EdpScenario.Tier(d("1000000"), d("0.07")),
                new EdpScenario.Tier(d("2000000"), d("0.10")), new EdpScenario.Tier(d("5000000"), d("0.13")));
        EdpInputs inputs = inputs(List.of("3000000", "3000000", "3000000"), List.of("0", "0", "0"), null);
        // (2.0M + 2.2M + 2.4M) / 3 = 2.2M -> the 2M tier: 10%
        EdpResult ramp = EdpCalculator.evaluate(new EdpScenario("r", 3, List.of(d("2000000"), d("2200000"),
                d("2400000")), null, tiers, null), inputs);
        assertThat(ramp.discount()).isEqualByComparingTo("0.10");
        // (1.7M + 1.8M + 1.9M) / 3 = 1.8M -> the 1M tier: 7%; exactly 2M average -> 10%
        assertThat(EdpCalculator.evaluate(new EdpScenario("r", 3, List.of(d("1700000"), d("1800000"), d("1900000")),
                null, tiers, null), inputs).discount()).isEqualByComparingTo("0.07");
        assertThat(EdpCalculator.evaluate(new EdpScenario("r", 3, List.of(d("2000000"), d("2000000"), d("2000000")),
                null, tiers, null), inputs).discount()).isEqualByComparingTo("0.10");
        // below every tier: no discount
        assertThat(EdpCalculator.evaluate(new EdpScenario("r", 1, List.of(d("500000")), null, tiers, null),
                inputs).discount()).isEqualByComparingTo("0");
        // totals add the years: list 9M; net 8.1M; commit 6.6M
        assertThat(ramp.totals().listSpend()).isEqualByComparingTo("9000000");
        assertThat(ramp.totals().netSpend()).isEqualByComparingTo("8100000");
        assertThat(ramp.totals().commit()).isEqualByComparingTo("6600000");
    }

    @Test
    void shortfallProbabilityAndSafeCommit() {
        // net 1,974,000 (2.1M x 0.94), u = 0.15: sigma 296,100; commit 1.8M: z = -0.5876393110...;
        // Phi(z) = 0.27838720945935 (Python: 0.5 * math.erfc(-z / math.sqrt(2)))
        // safe commit = 1,974,000 x (1 - 1.2815516 x 0.15) = 1,594,532.57
        EdpResult.Year y = EdpCalculator.evaluate(flat("1800000", "0.06"),
                inputs(List.of("1800000"), List.of("300000"), "0.15")).years().get(0);
        assertThat(y.shortfallProbability().doubleValue()).isCloseTo(0.27838720945935, within(1e-12));
        assertThat(y.safeCommit().setScale(2, RoundingMode.HALF_EVEN)).isEqualByComparingTo("1594532.57");
        // a commit equal to expected net spend is short half the time; the safe commit 10% of the time
        assertThat(EdpCalculator.evaluate(flat("1974000", "0.06"), inputs(List.of("1800000"), List.of("300000"),
                "0.15")).years().get(0).shortfallProbability()).isEqualByComparingTo("0.5");
        assertThat(EdpCalculator.evaluate(flat(y.safeCommit().toPlainString(), "0.06"), inputs(List.of("1800000"),
                List.of("300000"), "0.15")).years().get(0).shortfallProbability().doubleValue())
                .isCloseTo(0.10, within(0.0000001));
    }

    @Test
    void normalDistributionKnownValues() {
        assertThat(NormalDistribution.cdf(d("0"))).isEqualByComparingTo("0.5");
        assertThat(NormalDistribution.cdf(d("1.96")).doubleValue()).isCloseTo(0.9750021048517795, within(1e-12));
        assertThat(NormalDistribution.cdf(d("-3")).doubleValue()).isCloseTo(0.0013498980316301, within(1e-13));
        assertThat(NormalDistribution.cdf(d("8")).doubleValue()).isCloseTo(1.0, within(1e-14));
        assertThat(NormalDistribution.cdf(d("-12"))).isEqualByComparingTo("0");
    }

    @Test
    void adviceSkipsScenariosOverTheRiskLimit() {
        EdpInputs inputs = inputs(List.of("1800000"), List.of("300000"), "0.15");
        EdpResult safe = EdpCalculator.evaluate(new EdpScenario("safe", 1, List.of(d("1500000")), d("0.05"), null,
                null), inputs);
        EdpResult risky = EdpCalculator.evaluate(new EdpScenario("risky", 1, List.of(d("1950000")), d("0.07"), null,
                null), inputs);
        // risky saves more (7% vs 5% of 2.1M, no support fees) but is short 50%+ of the time
        assertThat(risky.totals().savings()).isGreaterThan(safe.totals().savings());
        EdpAdvice advice = EdpAdvice.advise(List.of(safe, risky));
        assertThat(advice.recommended().scenario().name()).isEqualTo("safe");
        assertThat(advice.basis()).isEqualTo(EdpAdvice.Basis.BEST_WITHIN_RISK);
        assertThat(advice.risks()).extracting(EdpAdvice.Risk::kind).contains(EdpAdvice.Risk.Kind.LIKELY_SHORTFALL);
    }
}
