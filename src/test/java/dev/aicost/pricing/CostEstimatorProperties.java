package dev.aicost.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aicost.TestCards;
import dev.aicost.model.Mode;
import dev.aicost.model.RateCard;
import dev.aicost.model.Workload;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the estimate arithmetic over generated workloads on the test card. */
class CostEstimatorProperties {
    private static final BigDecimal HOURS = new BigDecimal("730");
    private static final RateCard CARD = TestCards.card("test-card");
    private static final Set<String> FIXED = Set.of("provisioned", "knowledge_base", "fine_tuning_storage", "egress");

    @Property
    void costNeverFallsWhenVolumeRises(@ForAll("workloads") Workload w, @ForAll @IntRange(max = 5_000_000) int extra,
            @ForAll @IntRange(min = 1, max = 24) int month) {
        Workload more = w.withRequestsPerMonth(w.requestsPerMonth().add(BigDecimal.valueOf(extra)));
        assertThat(cost(more, month)).isGreaterThanOrEqualTo(cost(w, month));
    }

    @Property
    void lineItemsAddUpExactlyToEveryTotal(@ForAll @Size(min = 1, max = 4) List<@From("workloads") Workload> ws,
            @ForAll @IntRange(min = 1, max = 14) int months) {
        Estimate estimate = CostEstimator.estimate(ws.stream().map(CostEstimatorProperties::input).toList(), HOURS,
                months);
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal oneTime = BigDecimal.ZERO;
        for (WorkloadMonth month : estimate.workloads()) {
            assertThat(sum(month.lines())).isEqualByComparingTo(month.monthlyCost());
            assertThat(sum(month.oneTime())).isEqualByComparingTo(month.oneTimeCost());
            total = total.add(month.monthlyCost());
            oneTime = oneTime.add(month.oneTimeCost());
        }
        for (ReportLine line : estimate.reportLines()) {
            total = total.add(line.cost());
        }
        assertThat(estimate.monthlyTotal()).isEqualByComparingTo(total);
        assertThat(estimate.oneTimeTotal()).isEqualByComparingTo(oneTime);
        assertThat(estimate.forecast()).hasSize(months);
        assertThat(estimate.forecast().get(0).total()).isEqualByComparingTo(estimate.monthlyTotal());
        BigDecimal horizon = estimate.forecast().stream().map(Estimate.MonthTotal::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(estimate.horizonTotal()).isEqualByComparingTo(horizon);
    }

    @Property
    void movingShareToACheaperModeNeverRaisesTheCost(@ForAll("workloads") Workload w,
            @ForAll @IntRange(min = 0, max = 100) int percentOfOnDemand, @ForAll("cheaperModes") Mode target) {
        if (w.provisioned() != null) {
            return; // provisioned workloads have no mix
        }
        BigDecimal moved = w.share(Mode.ON_DEMAND).multiply(BigDecimal.valueOf(percentOfOnDemand)).movePointLeft(2);
        Map<Mode, BigDecimal> mix = new EnumMap<>(Mode.class);
        mix.putAll(w.mix());
        mix.merge(target, moved, BigDecimal::add);
        assertThat(cost(w.withMix(mix), 1)).isLessThanOrEqualTo(cost(w, 1));
    }

    @Property
    void aZeroVolumeWorkloadCostsOnlyItsFixedLines(@ForAll("workloads") Workload w) {
        WorkloadMonth month = CostEstimator.priceMonth(input(w.withRequestsPerMonth(BigDecimal.ZERO)), HOURS, 1);
        BigDecimal fixed = BigDecimal.ZERO;
        for (LineItem line : month.lines()) {
            if (FIXED.contains(line.component())) {
                fixed = fixed.add(line.cost());
            } else {
                assertThat(line.cost()).as(line.component()).isEqualByComparingTo(BigDecimal.ZERO);
            }
        }
        assertThat(month.monthlyCost()).isEqualByComparingTo(fixed);
    }

    @Provide
    Arbitrary<Mode> cheaperModes() {
        return Arbitraries.of(Mode.BATCH, Mode.FLEX);
    }

    @Provide
    Arbitrary<Workload> workloads() {
        Arbitrary<String> model = Arbitraries.of("big", "small");
        Arbitrary<Integer> requests = Arbitraries.integers().between(0, 5_000_000);
        Arbitrary<Integer> calls = Arbitraries.integers().between(1, 8);
        Arbitrary<Integer> input = Arbitraries.integers().between(0, 300_000);
        Arbitrary<Integer> output = Arbitraries.integers().between(0, 4_000);
        Arbitrary<Integer> prefixPercent = Arbitraries.integers().between(0, 100);
        Arbitrary<Integer> hitPercent = Arbitraries.integers().between(0, 100);
        Arbitrary<int[]> shares = Arbitraries.integers().between(0, 100).array(int[].class).ofSize(3)
                .filter(a -> a[0] + a[1] + a[2] <= 100);
        Arbitrary<Integer> units = Arbitraries.integers().between(0, 3); // 0: not provisioned
        Arbitrary<Integer> extras = Arbitraries.integers().between(0, 15); // bit flags for optional blocks
        return Combinators.combine(model, requests, calls, input, output, prefixPercent, hitPercent, shares)
                .as((m, r, c, i, o, p, h, s) -> new Object[] {m, r, c, i, o, p, h, s})
                .flatMap(base -> Combinators.combine(units, extras).as((u, x) -> build(base, u, x)));
    }

    private static Workload build(Object[] base, int units, int extras) {
        String model = (String) base[0];
        BigDecimal inputTokens = BigDecimal.valueOf((Integer) base[3]);
        Workload.Cache cache = null;
        if (model.equals("big") && (extras & 1) != 0) {
            BigDecimal prefix = inputTokens.multiply(BigDecimal.valueOf((Integer) base[5])).movePointLeft(2)
                    .setScale(0, java.math.RoundingMode.DOWN);
            cache = new Workload.Cache(prefix, BigDecimal.valueOf((Integer) base[6]).movePointLeft(2));
        }
        Map<Mode, BigDecimal> mix = new EnumMap<>(Mode.class);
        Workload.ProvisionedUse provisioned = null;
        if (model.equals("big") && units > 0) {
            provisioned = new Workload.ProvisionedUse(BigDecimal.valueOf(units), units == 2 ? "6_month" : "1_month");
        } else {
            int[] shares = (int[]) base[7];
            List<Mode> modes = List.of(Mode.BATCH, Mode.PRIORITY, Mode.FLEX);
            for (int k = 0; k < 3; k++) {
                if (shares[k] > 0) {
                    mix.put(modes.get(k), BigDecimal.valueOf(shares[k]).movePointLeft(2));
                }
            }
        }
        return new Workload("w", model, null, BigDecimal.valueOf((Integer) base[1]), BigDecimal.valueOf((Integer) base[2]),
                inputTokens, BigDecimal.valueOf((Integer) base[4]), cache, mix, provisioned,
                (extras & 2) != 0 ? new BigDecimal("4") : null, (extras & 4) != 0 ? new BigDecimal("40") : null,
                (extras & 8) != 0 ? Workload.KnowledgeBaseUse.plain(BigDecimal.ONE) : null,
                model.equals("big") && (extras & 8) != 0 ? new Workload.FineTuning(new BigDecimal("1000000"),
                        BigDecimal.ONE, BigDecimal.ONE) : null,
                (extras & 4) != 0 ? new BigDecimal("0.05") : null, null, null, null, null, java.util.Map.of());
    }

    private static EstimateInput input(Workload w) {
        return new EstimateInput(w, CARD, CARD.find(w.model()).orElseThrow());
    }

    private static BigDecimal cost(Workload w, int month) {
        return CostEstimator.priceMonth(input(w), HOURS, month).monthlyCost();
    }

    private static BigDecimal sum(List<LineItem> lines) {
        return lines.stream().map(LineItem::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
