package dev.aicost.breakeven;

import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.Workload;
import dev.aicost.pricing.CostEstimator;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * docs/breakeven.md: when provisioned throughput beats on-demand for a call shape, the cost curves
 * across volume, how the answer moves with the shape, and unit counts sized from an hourly profile.
 * Per-call costs come from the estimate arithmetic, so caching and long-context rules are the same.
 */
public final class BreakevenSolver {
    private static final MathContext MC = CostEstimator.MC;
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    /** Terms in the order reports list them. */
    public static final List<String> TERM_ORDER = List.of("no_commit", "1_week", "1_month", "3_month", "6_month",
            "1_year");
    static final List<BigDecimal> OUTPUT_RATIOS = decimals("0.05", "0.1", "0.25", "0.5", "1", "2");
    static final List<BigDecimal> HIT_RATES = decimals("0", "0.25", "0.5", "0.75", "0.9", "1");
    private static final int MAX_CURVE_UNITS = 40;

    private BreakevenSolver() {
    }

    /** The terms to report: those asked for, else every term the model has, in {@link #TERM_ORDER}. */
    public static List<String> terms(ModelPrice model, List<String> asked) {
        List<String> terms = new ArrayList<>();
        for (String term : TERM_ORDER) {
            if (model.provisioned().hourly().containsKey(term) && (asked.isEmpty() || asked.contains(term))) {
                terms.add(term);
            }
        }
        return terms;
    }

    /**
     * @param terms terms the model has (see {@link #terms})
     * @param hourlyProfile tokens per hour over consecutive hours, or null
     */
    public static Breakeven solve(RateCard card, ModelPrice model, CallShape shape, List<String> terms,
            BigDecimal hoursPerMonth, List<BigDecimal> hourlyProfile) {
        ModelPrice.Provisioned provisioned = model.provisioned();
        BigDecimal perCall = perCallCost(card, model, shape, Mode.ON_DEMAND);
        BigDecimal perToken = perCall.divide(shape.tokens(), MC);
        BigDecimal batchPerCall = perCallCost(card, model, shape, Mode.BATCH);
        BigDecimal batchPerToken = batchPerCall == null ? null : batchPerCall.divide(shape.tokens(), MC);
        BigDecimal capacity = provisioned.modelUnitTpm().multiply(SIXTY).multiply(hoursPerMonth);

        List<TermBreakeven> results = new ArrayList<>();
        for (String term : terms) {
            BigDecimal hourly = provisioned.hourly().get(term);
            results.add(termBreakeven(term, hourly, hoursPerMonth, capacity, perToken));
        }
        List<Breakeven.CurvePoint> curve = curve(results, capacity, perToken, batchPerToken);
        List<Breakeven.Sensitivity> sensitivity = sensitivity(card, model, shape, results, capacity);
        List<ProfileSizing> sizing = new ArrayList<>();
        if (hourlyProfile != null) {
            for (TermBreakeven result : results) {
                sizing.add(size(hourlyProfile, result, provisioned.modelUnitTpm(), perToken, hoursPerMonth));
            }
        }
        return new Breakeven(card.id(), card.currency(), model.id(), shape, hoursPerMonth, provisioned.modelUnitTpm(),
                provisioned.tpmAssumed(), perCall, perToken, batchPerToken, results, curve, sensitivity, sizing);
    }

    static TermBreakeven termBreakeven(String term, BigDecimal hourly, BigDecimal hoursPerMonth, BigDecimal capacity,
            BigDecimal perToken) {
        BigDecimal unitCost = hourly.multiply(hoursPerMonth);
        BigDecimal tokens = unitCost.divide(perToken, MC);
        BigDecimal utilization = tokens.divide(capacity, MC);
        return new TermBreakeven(term, hourly, unitCost, capacity, utilization, tokens);
    }

    /**
     * Cost of one call of {@code shape} in {@code mode}, priced exactly as {@code estimate} prices
     * it; null when the card cannot price that mode (or the cache) for the model.
     */
    public static BigDecimal perCallCost(RateCard card, ModelPrice model, CallShape shape, Mode mode) {
        Map<Mode, BigDecimal> mix = new EnumMap<>(Mode.class);
        if (mode != Mode.ON_DEMAND) {
            mix.put(mode, BigDecimal.ONE);
        }
        return CostEstimator.perRequestCost(card, model, BigDecimal.ONE, shape.inputTokens(), shape.outputTokens(),
                shape.cached() ? new Workload.Cache(shape.prefixTokens(), shape.hitRate()) : null, mix);
    }

    /**
     * Points every quarter unit of capacity up to what shows the break-evens (at least 3 units, at
     * most 40), plus each break-even volume itself.
     */
    static List<Breakeven.CurvePoint> curve(List<TermBreakeven> terms, BigDecimal capacity, BigDecimal perToken,
            BigDecimal batchPerToken) {
        BigDecimal upper = capacity.multiply(BigDecimal.valueOf(3));
        for (TermBreakeven term : terms) {
            BigDecimal wanted = term.tokensPerMonth().multiply(new BigDecimal("1.25"));
            upper = upper.max(wanted.min(capacity.multiply(BigDecimal.valueOf(MAX_CURVE_UNITS))));
        }
        long units = upper.divide(capacity, 0, RoundingMode.CEILING).longValueExact();
        TreeSet<BigDecimal> volumes = new TreeSet<>();
        BigDecimal step = capacity.divide(BigDecimal.valueOf(4), MC);
        for (long i = 0; i <= units * 4; i++) {
            volumes.add(step.multiply(BigDecimal.valueOf(i)).stripTrailingZeros());
        }
        BigDecimal last = volumes.last();
        for (TermBreakeven term : terms) {
            if (term.tokensPerMonth().compareTo(last) <= 0) {
                volumes.add(term.tokensPerMonth().stripTrailingZeros());
            }
        }
        List<Breakeven.CurvePoint> points = new ArrayList<>();
        for (BigDecimal tokens : volumes) {
            long needed = tokens.divide(capacity, 0, RoundingMode.CEILING).longValueExact();
            List<BigDecimal> provisioned = new ArrayList<>();
            for (TermBreakeven term : terms) {
                provisioned.add(term.unitMonthlyCost().multiply(BigDecimal.valueOf(needed)));
            }
            points.add(new Breakeven.CurvePoint(tokens, tokens.multiply(perToken),
                    batchPerToken == null ? null : tokens.multiply(batchPerToken), provisioned, needed));
        }
        return points;
    }

    /** Break-even utilization per term as the output share and the cache hit rate change. */
    static List<Breakeven.Sensitivity> sensitivity(RateCard card, ModelPrice model, CallShape shape,
            List<TermBreakeven> terms, BigDecimal capacity) {
        List<Breakeven.Sensitivity> rows = new ArrayList<>();
        BigDecimal total = shape.tokens();
        for (BigDecimal ratio : OUTPUT_RATIOS) {
            BigDecimal input = total.divide(BigDecimal.ONE.add(ratio), MC);
            BigDecimal prefix = shape.inputTokens().signum() == 0 ? BigDecimal.ZERO
                    : shape.prefixTokens().multiply(input).divide(shape.inputTokens(), MC);
            CallShape changed = new CallShape(input, total.subtract(input), prefix, shape.hitRate());
            addRow(rows, "output_ratio", ratio, card, model, changed, terms, capacity);
        }
        BigDecimal prefix = shape.cached() ? shape.prefixTokens() : shape.inputTokens().divide(BigDecimal.valueOf(2), MC);
        for (BigDecimal hitRate : HIT_RATES) {
            CallShape changed = new CallShape(shape.inputTokens(), shape.outputTokens(), prefix, hitRate);
            addRow(rows, "cache_hit_rate", hitRate, card, model, changed, terms, capacity);
        }
        return rows;
    }

    private static void addRow(List<Breakeven.Sensitivity> rows, String variable, BigDecimal value, RateCard card,
            ModelPrice model, CallShape shape, List<TermBreakeven> terms, BigDecimal capacity) {
        BigDecimal perCall = perCallCost(card, model, shape, Mode.ON_DEMAND);
        if (perCall == null || perCall.signum() == 0) {
            return; // e.g. the model has no cache prices: no hit-rate rows
        }
        BigDecimal perToken = perCall.divide(shape.tokens(), MC);
        List<BigDecimal> utilization = new ArrayList<>();
        for (TermBreakeven term : terms) {
            utilization.add(term.unitMonthlyCost().divide(capacity.multiply(perToken), MC));
        }
        rows.add(new Breakeven.Sensitivity(variable, value, utilization));
    }

    /**
     * Sizing from an hourly profile: for n units, n x M + (hours per month / H) x sum over hours of
     * max(0, tokens - n x K_hour) x c; the cheapest n is recommended (ties: fewer units).
     */
    public static ProfileSizing size(List<BigDecimal> hourly, TermBreakeven term, BigDecimal modelUnitTpm,
            BigDecimal perToken, BigDecimal hoursPerMonth) {
        List<BigDecimal> sorted = new ArrayList<>(hourly);
        sorted.sort(null);
        ProfileSizing.Percentiles percentiles = new ProfileSizing.Percentiles(Percentile.of(sorted, 50),
                Percentile.of(sorted, 75), Percentile.of(sorted, 95), sorted.get(sorted.size() - 1));
        BigDecimal hourCapacity = modelUnitTpm.multiply(SIXTY);
        long coverMax = units(percentiles.max(), hourCapacity);
        BigDecimal scale = hoursPerMonth.divide(BigDecimal.valueOf(hourly.size()), MC);
        List<ProfileSizing.Option> options = new ArrayList<>();
        long best = 0;
        for (long n = 0; n <= Math.max(coverMax, 1); n++) {
            BigDecimal unitCapacity = hourCapacity.multiply(BigDecimal.valueOf(n));
            BigDecimal spilled = BigDecimal.ZERO;
            BigDecimal served = BigDecimal.ZERO;
            for (BigDecimal tokens : hourly) {
                spilled = spilled.add(tokens.subtract(unitCapacity).max(BigDecimal.ZERO));
                served = served.add(tokens.min(unitCapacity));
            }
            BigDecimal provisionedCost = term.unitMonthlyCost().multiply(BigDecimal.valueOf(n));
            BigDecimal spillCost = scale.multiply(spilled).multiply(perToken);
            BigDecimal utilization = n == 0 ? null
                    : served.divide(unitCapacity.multiply(BigDecimal.valueOf(hourly.size())), MC);
            options.add(new ProfileSizing.Option(n, provisionedCost, spillCost, provisionedCost.add(spillCost),
                    utilization));
            if (options.get((int) n).total().compareTo(options.get((int) best).total()) < 0) {
                best = n;
            }
        }
        return new ProfileSizing(term.term(), hourly.size(), percentiles, hourCapacity, options, best,
                units(percentiles.p50(), hourCapacity), units(percentiles.p95(), hourCapacity));
    }

    /** Units whose capacity covers {@code tokens} an hour: ceil(tokens / capacity). */
    static long units(BigDecimal tokens, BigDecimal hourCapacity) {
        return tokens.divide(hourCapacity, 0, RoundingMode.CEILING).longValueExact();
    }

    private static List<BigDecimal> decimals(String... values) {
        List<BigDecimal> list = new ArrayList<>();
        for (String value : values) {
            list.add(new BigDecimal(value));
        }
        return List.copyOf(list);
    }
}
