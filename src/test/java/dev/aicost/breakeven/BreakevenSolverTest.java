package dev.aicost.breakeven;

import static dev.aicost.TestCards.d;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aicost.TestCards;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.input.RateCardReader;
import dev.aicost.input.YamlLoader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Break-even figures computed by hand (730 hours a month) for three models and their terms, the
 * cost curve, the sensitivity rows and profile sizing on a profile small enough to check.
 */
class BreakevenSolverTest {
    private static final BigDecimal HOURS = d("730");
    private final RateCard card = TestCards.card("test-card");

    private Breakeven solve(RateCard on, String model, CallShape shape, List<BigDecimal> profile) {
        ModelPrice price = on.find(model).orElseThrow();
        return BreakevenSolver.solve(on, price, shape, BreakevenSolver.terms(price, List.of()), HOURS, profile);
    }

    private static CallShape shape(String in, String out) {
        return new CallShape(d(in), d(out), BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static CallShape cachedShape() {
        return new CallShape(d("2000"), d("500"), d("1000"), d("0.5"));
    }

    private static BigDecimal six(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN);
    }

    @Test
    void bigModelNeverWinsOnEitherTerm() {
        // c = (3,000 x 3.00 + 400 x 15.00) / 1e6 / 3,400 tokens = 0.015 / 3,400 per token
        // K = 100,000 tokens/min x 60 x 730 = 4.38e9 tokens/month
        // 1_month: M = 50.00 x 730 = 36,500; T* = 36,500 x 3,400 / 0.015 = 8,273,333,333.33; u* = T*/K = 1.888889
        // 6_month: M = 30.00 x 730 = 21,900; T* = 4,964,000,000; u* = 1.133333
        Breakeven b = solve(card, "big", shape("3000", "400"), null);
        assertThat(b.onDemandPerCall()).isEqualByComparingTo("0.015");
        assertThat(b.terms()).extracting(TermBreakeven::term).containsExactly("1_month", "6_month");
        TermBreakeven month = b.terms().get(0);
        assertThat(month.unitMonthlyCost()).isEqualByComparingTo("36500");
        assertThat(month.unitMonthlyCapacity()).isEqualByComparingTo("4.38e9");
        assertThat(cents(month.tokensPerMonth())).isEqualByComparingTo("8273333333.33");
        assertThat(six(month.utilization())).isEqualByComparingTo("1.888889");
        assertThat(month.neverWins()).isTrue();
        TermBreakeven sixMonth = b.terms().get(1);
        assertThat(cents(sixMonth.tokensPerMonth())).isEqualByComparingTo("4964000000");
        assertThat(six(sixMonth.utilization())).isEqualByComparingTo("1.133333");
        assertThat(sixMonth.neverWins()).isTrue();
    }

    @Test
    void quotedSonnetBreaksEvenOnEveryTerm() {
        // account-team-quote: Sonnet 4.5 3.30 / 16.50; c = (3,000 x 3.30 + 400 x 16.50) / 1e6 / 3,400 = 0.0165 / 3,400
        // K = 250,000 x 60 x 730 = 10.95e9
        // no_commit: M = 60.00 x 730 = 43,800;    T* = 43,800 x 3,400 / 0.0165 = 9,025,454,545.45; u* = 0.824242
        // 1_month:   M = 49.86 x 730 = 36,397.80; T* = 7,500,152,727.27; u* = 0.684945
        // 6_month:   M = 29.40 x 730 = 21,462;    T* = 4,422,472,727.27; u* = 0.403879
        Path file = Path.of("examples/ratecards/account-team-quote.yaml");
        RateCard quote = RateCardReader.read(YamlLoader.load(file), file.toString());
        Breakeven b = solve(quote, "anthropic.claude-sonnet-4-5", shape("3000", "400"), null);
        assertThat(b.terms()).extracting(TermBreakeven::term).containsExactly("no_commit", "1_month", "6_month");
        assertThat(b.terms()).extracting(t -> six(t.utilization())).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("0.824242"), d("0.684945"), d("0.403879"));
        assertThat(b.terms()).extracting(t -> cents(t.tokensPerMonth())).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("9025454545.45"), d("7500152727.27"), d("4422472727.27"));
        assertThat(b.terms()).noneMatch(TermBreakeven::neverWins);
        // batch is half of on-demand
        assertThat(b.batchPerToken().multiply(d("2"))).isEqualByComparingTo(b.onDemandPerToken());
    }

    @Test
    void cachedShapeOnCheapUnits() {
        // unit: 1.00 / 4.00, cache write 1.25, read 0.10; 2,000 in with a 1,000 prefix at 50% hits, 500 out:
        // per call = 1,000 x 1.00 + 1,000 x (0.5 x 0.10 + 0.5 x 1.25) + 500 x 4.00 = 3,675 / 1e6 = 0.003675
        // c = 0.003675 / 2,500 = 1.47e-6; K = 1,000,000 x 60 x 730 = 43.8e9; M = 10 x 730 = 7,300
        // T* = 7,300 / 1.47e-6 = 4,965,986,394.56; u* = 0.113379
        Breakeven b = solve(card, "unit", cachedShape(), null);
        assertThat(b.onDemandPerCall()).isEqualByComparingTo("0.003675");
        assertThat(b.onDemandPerToken()).isEqualByComparingTo("0.00000147");
        TermBreakeven term = b.terms().get(0);
        assertThat(term.term()).isEqualTo("no_commit");
        assertThat(cents(term.tokensPerMonth())).isEqualByComparingTo("4965986394.56");
        assertThat(six(term.utilization())).isEqualByComparingTo("0.113379");
        assertThat(term.neverWins()).isFalse();
    }

    @Test
    void curveStepsByModelUnitAndContainsTheBreakEven() {
        Breakeven b = solve(card, "unit", cachedShape(), null);
        BigDecimal k = d("43.8e9");
        // at least 3 units, every quarter unit: 0, K/4, ..., 3K (13 points), plus T*
        assertThat(b.curve()).hasSize(14);
        Breakeven.CurvePoint oneUnit = b.curve().stream().filter(p -> p.tokens().compareTo(k) == 0).findFirst()
                .orElseThrow();
        assertThat(oneUnit.modelUnits()).isEqualTo(1);
        assertThat(oneUnit.provisioned().get(0)).isEqualByComparingTo("7300");
        // on-demand at K: 43.8e9 x 1.47e-6 = 64,386.00; batch (every rate halved) 32,193.00
        assertThat(oneUnit.onDemand()).isEqualByComparingTo("64386");
        assertThat(oneUnit.batch()).isEqualByComparingTo("32193");
        Breakeven.CurvePoint next = b.curve().get(b.curve().indexOf(oneUnit) + 1);
        assertThat(next.modelUnits()).isEqualTo(2);
        assertThat(next.provisioned().get(0)).isEqualByComparingTo("14600");
        BigDecimal breakeven = b.terms().get(0).tokensPerMonth();
        assertThat(b.curve()).anySatisfy(p -> assertThat(p.tokens()).isEqualByComparingTo(breakeven));
    }

    @Test
    void sensitivityRowsRecomputeTheShape() {
        // big, 3,400 tokens per call at output/input 1: 1,700 in and 1,700 out:
        // per call = 1,700 x 3 + 1,700 x 15 = 30,600 / 1e6; c = 9e-6; 6_month u* = 21,900 / (4.38e9 x 9e-6) = 0.555556
        Breakeven b = solve(card, "big", shape("3000", "400"), null);
        Breakeven.Sensitivity ratio = b.sensitivity().stream()
                .filter(s -> s.variable().equals("output_ratio") && s.value().compareTo(BigDecimal.ONE) == 0)
                .findFirst().orElseThrow();
        assertThat(six(ratio.utilization().get(1))).isEqualByComparingTo("0.555556");
        // no cache in the shape, so half the input (1,500 tokens) stands in as the prefix; at hit rate 1:
        // 1,500 x 3.00 + 1,500 x 0.30 + 400 x 15.00 = 10,950 / 1e6 per call; c = 0.01095 / 3,400
        // 6_month u* = 21,900 / (4.38e9 x 0.01095 / 3,400) = 1.552511
        Breakeven.Sensitivity hits = b.sensitivity().stream()
                .filter(s -> s.variable().equals("cache_hit_rate") && s.value().compareTo(BigDecimal.ONE) == 0)
                .findFirst().orElseThrow();
        assertThat(six(hits.utilization().get(1))).isEqualByComparingTo("1.552511");
    }

    @Test
    void profileSizingByHand() {
        // hours 00..05 with 02:00 missing (zero): 30M, 90M, 0, 60M, 150M, 120M tokens; one unit = 60M an hour
        // sorted 0, 30, 60, 90, 120, 150 (M): P50 rank 2.5 -> 75M; P75 rank 3.75 -> 112.5M; P95 rank 4.75 -> 142.5M
        // c = 1.47e-6 (cachedShapeOnCheapUnits), M = 7,300, scale 730 / 6:
        //   0 units: 450M spill x 1.47e-6 = 661.5 x 121.666... = 80,482.50
        //   1 unit : 180M spill -> 264.6 x 121.666... = 32,193.00 + 7,300 = 39,493.00
        //   2 units:  30M spill ->  44.1 x 121.666... =  5,365.50 + 14,600 = 19,965.50  <- cheapest
        //   3 units: no spill                                                = 21,900.00
        // cover P50 = ceil(75 / 60) = 2, cover P95 = ceil(142.5 / 60) = 3; 2 units use 420M of 720M = 58.33%
        List<BigDecimal> profile = List.of(d("30e6"), d("90e6"), d("0"), d("60e6"), d("150e6"), d("120e6"));
        Breakeven b = solve(card, "unit", cachedShape(), profile);
        ProfileSizing sizing = b.sizing().get(0);
        assertThat(sizing.percentiles().p50()).isEqualByComparingTo("75e6");
        assertThat(sizing.percentiles().p75()).isEqualByComparingTo("112.5e6");
        assertThat(sizing.percentiles().p95()).isEqualByComparingTo("142.5e6");
        assertThat(sizing.percentiles().max()).isEqualByComparingTo("150e6");
        assertThat(sizing.options()).extracting(o -> cents(o.total())).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("80482.50"), d("39493.00"), d("19965.50"), d("21900.00"));
        assertThat(sizing.recommended()).isEqualTo(2);
        assertThat(sizing.coverP50()).isEqualTo(2);
        assertThat(sizing.coverP95()).isEqualTo(3);
        assertThat(six(sizing.option(2).utilization())).isEqualByComparingTo("0.583333");
    }

    @Test
    void tiesGoToFewerUnits() {
        // one hour of 60M tokens: all on-demand costs 730 x 60e6 x 1.47e-6 = 64,386.00, the same as one unit
        // priced at 64,386.00 a month, so the recommendation is 0 units
        TermBreakeven term = new TermBreakeven("x", d("88.2"), d("64386"), d("43.8e9"), BigDecimal.ONE, d("43.8e9"));
        ProfileSizing sizing = BreakevenSolver.size(List.of(d("60e6")), term, d("1000000"), d("0.00000147"), HOURS);
        assertThat(sizing.option(0).total()).isEqualByComparingTo(sizing.option(1).total());
        assertThat(sizing.recommended()).isZero();
    }

    @Test
    void percentilesMatchNumpyLinear() {
        // numpy.percentile([1, 2, 3, 4], [50, 75, 95]) -> 2.5, 3.25, 3.85
        List<BigDecimal> sorted = List.of(d("1"), d("2"), d("3"), d("4"));
        assertThat(Percentile.of(sorted, 50)).isEqualByComparingTo("2.5");
        assertThat(Percentile.of(sorted, 75)).isEqualByComparingTo("3.25");
        assertThat(Percentile.of(sorted, 95)).isEqualByComparingTo("3.85");
        assertThat(Percentile.of(List.of(d("7")), 95)).isEqualByComparingTo("7");
    }
}
