package dev.aicost.usage;

import dev.aicost.breakeven.Percentile;
import dev.aicost.model.Mode;
import dev.aicost.model.ModelPrice;
import dev.aicost.model.RateCard;
import dev.aicost.model.TokenPrices;
import dev.aicost.pricing.ModeRates;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns aggregated calls into the usage report: rows per rate-card model (and tag), what did not
 * map, the on-demand cost of each row, and the hourly profile over every hour from the first
 * record's to the last's (empty hours count as zero).
 */
public final class UsageAnalysis {
    private static final MathContext MC = MathContext.DECIMAL128;

    private UsageAnalysis() {
    }

    /**
     * One row: a rate-card model (or an unmapped logged id) and, with --by, a tag value.
     *
     * @param cost on-demand cost under the card, or null when the model did not map or lacks a price it needs
     */
    public record Row(String model, boolean mapped, List<String> loggedIds, String tag, long calls, long inputTokens,
            long cacheReadTokens, long cacheWriteTokens, long outputTokens, long longContextCalls, BigDecimal cost,
            String unpriced, long p50Input, long p95Input, long p50Output, long p95Output, BigDecimal billedCost) {

        /** Input tokens per call with the cache tokens (what a workload's input_tokens means). */
        public BigDecimal averageInput() {
            return calls == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(inputTokens + cacheReadTokens + cacheWriteTokens)
                    .divide(BigDecimal.valueOf(calls), MC);
        }

        public BigDecimal averageOutput() {
            return calls == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(outputTokens).divide(BigDecimal.valueOf(calls), MC);
        }

        /** Billed minus priced, when both are known: what the card does not explain. */
        public BigDecimal gap() {
            return billedCost == null || cost == null ? null : billedCost.subtract(cost);
        }

        /** The gap as a percentage of the priced cost (null when either is unknown or nothing was priced). */
        public BigDecimal gapPercent() {
            BigDecimal gap = gap();
            return gap == null || cost.signum() == 0 ? null : gap.multiply(BigDecimal.valueOf(100)).divide(cost, MC);
        }
    }

    /** The hourly profile: tokens of every hour from {@code first} on, and its percentiles. */
    public record Hourly(Instant first, List<BigDecimal> tokens, BigDecimal p50, BigDecimal p75, BigDecimal p95,
            BigDecimal max) {
        public int hours() {
            return tokens.size();
        }
    }

    /** An AI line of a billing export that is not Bedrock tokens (or that no card prices), with its billed cost. */
    public record OtherLine(String provider, String service, String meter, String unit, long rows, BigDecimal quantity,
            BigDecimal billed) {
    }

    /**
     * What only a billing export has: how many token rows, the whole export's billed cost, the other
     * AI lines, the billed cost of all token rows and of the rows the card priced, and the gap
     * between the latter and the priced cost (in the currency, and as a percentage of the priced
     * cost), and the credit, refund, discount and correction rows, which are never netted into the
     * token sums.
     */
    public record Billing(long tokenRows, BigDecimal billedAll, List<OtherLine> otherLines, BigDecimal billedTokens,
            BigDecimal billedPriced, BigDecimal gap, BigDecimal gapPercent, List<OtherLine> credits) {

        /** The billing facts of {@code models} (rows with a billed cost) priced at {@code priced} in total. */
        public static Billing of(long tokenRows, BigDecimal billedAll, List<OtherLine> otherLines, List<Row> models,
                BigDecimal priced, List<OtherLine> credits) {
            BigDecimal billedTokens = BigDecimal.ZERO;
            BigDecimal billedPriced = BigDecimal.ZERO;
            for (Row row : models) {
                billedTokens = billedTokens.add(row.billedCost());
                if (row.cost() != null) {
                    billedPriced = billedPriced.add(row.billedCost());
                }
            }
            BigDecimal gap = billedPriced.subtract(priced);
            return new Billing(tokenRows, billedAll, otherLines, billedTokens, billedPriced, gap,
                    priced.signum() == 0 ? null : gap.multiply(BigDecimal.valueOf(100)).divide(priced, MC), credits);
        }
    }

    /**
     * The calls made in one region: how many, the share of all calls, the card they were priced on,
     * whether that card is the default used for want of one for the region, and where cross-region
     * inference served them.
     */
    public record RegionUse(String region, long calls, BigDecimal share, String ratecard, boolean fallback,
            Map<String, Long> inferenceRegions) {
    }

    /**
     * The analysis of one read; {@code billing} is null for invocation logs. {@code daily} holds the
     * calls, tokens and cost of each model (and tag) on each UTC day, for {@code --trend}.
     */
    public record Result(long records, long malformed, List<UsageAggregator.Malformed> samples, List<Row> models,
            List<Row> groups, Hourly hourly, BigDecimal totalCost, List<RegionUse> regions, Billing billing,
            List<DailyPoint> daily) {
    }

    /**
     * One model's (and tag's, with {@code --by}) use on one UTC day: calls (0 for billing exports,
     * which have none), tokens of every class, and the cost: priced at that day's price for
     * invocation logs (null when the card cannot price it), billed for exports.
     */
    public record DailyPoint(java.time.LocalDate day, String model, String tag, long calls, long tokens,
            BigDecimal cost) {
    }

    /** Prices every call on one card. */
    public static Result analyse(UsageAggregator aggregate, RateCard card) {
        return analyse(aggregate, region -> card, region -> false);
    }

    /**
     * Prices each call on the card for the region it was made in: {@code cards} gives the card of a
     * region (of null, for calls without one), {@code fallback} whether that card is only the default.
     */
    public static Result analyse(UsageAggregator aggregate, Function<String, RateCard> cards,
            Predicate<String> fallback) {
        Map<String, RowBuilder> byModel = new LinkedHashMap<>();
        Map<String, RowBuilder> byGroup = new LinkedHashMap<>();
        Map<String, long[]> callsByRegion = new TreeMap<>();
        Map<List<Object>, DailyPoint> daily = new LinkedHashMap<>();
        boolean tagged = false;
        List<Map.Entry<UsageAggregator.GroupKey, UsageAggregator.Group>> entries =
                new ArrayList<>(aggregate.groups().entrySet());
        entries.sort((a, b) -> compareGroups(a.getKey(), b.getKey()));
        // a logged id is matched to each card once, not once a day and tag (a miss on the card's ids
        // goes through all its aliases: 7 ms of a month-long log's report)
        Map<RateCard, Map<String, Optional<ModelPrice>>> matched = new java.util.IdentityHashMap<>();
        for (Map.Entry<UsageAggregator.GroupKey, UsageAggregator.Group> entry : entries) {
            String logged = entry.getKey().modelId();
            String region = entry.getKey().region();
            RateCard card = cards.apply(region);
            ModelPrice model = card == null ? null : matched.computeIfAbsent(card, c -> new HashMap<>())
                    .computeIfAbsent(logged, card::find).orElse(null);
            String key = model == null ? logged : model.id();
            // the price in force on the calls' day (a card's price history), the current one without history
            ModelPrice priced = model == null ? null : model.on(entry.getKey().day());
            UsageAggregator.Group g = entry.getValue();
            Priced groupCost = priced == null
                    ? new Priced(null, "not on " + (card == null ? "the rate card" : card.id()))
                    : RowBuilder.cost(g, priced, card);
            DailyPoint point = new DailyPoint(java.time.LocalDate.ofEpochDay(entry.getKey().day()), key,
                    entry.getKey().tag(), g.totalCalls(), g.input[0] + g.input[1] + g.cacheRead[0] + g.cacheRead[1]
                            + g.cacheWrite[0] + g.cacheWrite[1] + g.output[0] + g.output[1], groupCost.cost());
            daily.merge(List.of(point.day(), key, String.valueOf(point.tag())), point, UsageAnalysis::plus);
            byModel.computeIfAbsent(key, k -> new RowBuilder(k, model != null)).add(logged, g, groupCost);
            if (entry.getKey().tag() != null) {
                tagged = true;
                byGroup.computeIfAbsent(entry.getKey().tag() + "\u0000" + key,
                        k -> new RowBuilder(key, model != null).tag(entry.getKey().tag()))
                        .add(logged, g, groupCost);
            }
            if (region != null) {
                callsByRegion.computeIfAbsent(region, r -> new long[1])[0] += entry.getValue().totalCalls();
            }
        }
        List<Row> models = byModel.values().stream().map(RowBuilder::build).toList();
        List<Row> groups = tagged ? byGroup.values().stream().map(RowBuilder::build)
                .sorted((a, b) -> a.tag().equals(b.tag()) ? a.model().compareTo(b.model()) : a.tag().compareTo(b.tag()))
                .toList() : List.of(); // written out: see compareGroups
        BigDecimal total = BigDecimal.ZERO;
        for (Row row : models) {
            if (row.cost() != null) {
                total = total.add(row.cost());
            }
        }
        Map<String, Map<String, Long>> served = new TreeMap<>();
        aggregate.routes().forEach((route, calls) -> {
            if (route.region() != null && route.inferenceRegion() != null) {
                served.computeIfAbsent(route.region(), r -> new TreeMap<>()).merge(route.inferenceRegion(), calls,
                        Long::sum);
            }
        });
        List<RegionUse> regions = new ArrayList<>();
        long records = Math.max(1, aggregate.records());
        callsByRegion.forEach((region, calls) -> {
            RateCard card = cards.apply(region);
            regions.add(new RegionUse(region, calls[0], BigDecimal.valueOf(calls[0])
                    .divide(BigDecimal.valueOf(records), MC), card == null ? null : card.id(), fallback.test(region),
                    served.getOrDefault(region, Map.of())));
        });
        return new Result(aggregate.records(), aggregate.malformedCount(), aggregate.malformedSamples(), models, groups,
                hourly(aggregate.hourly()), total, List.copyOf(regions), null, sortedDays(daily.values()));
    }

    /**
     * Groups by model, tag, region and day. Comparisons written out, here and in the other sorts of
     * the report: the lambdas that {@code Comparator.comparing} and {@code thenComparing} make are
     * the JDK's, spun when first called, on JDK 25 too, whose AOT cache holds our classes' lambdas
     * but not these (three classes and their method handles: about 5 ms of every usage run, seen in
     * -Xlog:class+load).
     */
    private static int compareGroups(UsageAggregator.GroupKey x, UsageAggregator.GroupKey y) {
        int c = x.modelId().compareTo(y.modelId());
        if (c == 0) {
            c = String.valueOf(x.tag()).compareTo(String.valueOf(y.tag()));
        }
        if (c == 0) {
            c = String.valueOf(x.region()).compareTo(String.valueOf(y.region()));
        }
        return c != 0 ? c : Long.compare(x.day(), y.day());
    }

    /** Two points of one day, model and tag (from two regions or logged ids) as one; unpriced stays unpriced. */
    static DailyPoint plus(DailyPoint a, DailyPoint b) {
        return new DailyPoint(a.day(), a.model(), a.tag(), a.calls() + b.calls(), a.tokens() + b.tokens(),
                a.cost() == null || b.cost() == null ? null : a.cost().add(b.cost()));
    }

    /** By day, then model, then tag. */
    static List<DailyPoint> sortedDays(java.util.Collection<DailyPoint> points) {
        List<DailyPoint> sorted = new ArrayList<>(points);
        sorted.sort((a, b) -> { // written out: see compareGroups
            int c = a.day().compareTo(b.day());
            if (c == 0) {
                c = a.model().compareTo(b.model());
            }
            return c != 0 ? c : String.valueOf(a.tag()).compareTo(String.valueOf(b.tag()));
        });
        return List.copyOf(sorted);
    }

    public static Hourly hourly(TreeMap<Long, Long> byHour) {
        if (byHour.isEmpty()) {
            return new Hourly(null, List.of(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        }
        long first = byHour.firstKey();
        long last = byHour.lastKey();
        List<BigDecimal> tokens = new ArrayList<>();
        for (long hour = first; hour <= last; hour++) {
            tokens.add(BigDecimal.valueOf(byHour.getOrDefault(hour, 0L)));
        }
        List<BigDecimal> sorted = new ArrayList<>(tokens);
        sorted.sort(null);
        return new Hourly(Instant.ofEpochSecond(first * 3600), List.copyOf(tokens), Percentile.of(sorted, 50),
                Percentile.of(sorted, 75), Percentile.of(sorted, 95), sorted.get(sorted.size() - 1));
    }

    /** A group's cost, or null with the reason it could not be priced. */
    private record Priced(BigDecimal cost, String why) {
    }

    /** Collects the groups that make one row, each priced on the card of its region. */
    private static final class RowBuilder {
        private final String model;
        private final boolean mapped;
        private String tag;
        private final List<String> loggedIds = new ArrayList<>();
        private final UsageAggregator.Group sums = new UsageAggregator.Group(new UsageAggregator.Shape());
        /** The shapes already added: the groups of one model's days share one. */
        private final java.util.Set<UsageAggregator.Shape> shapes = java.util.Collections.newSetFromMap(
                new java.util.IdentityHashMap<>());
        private BigDecimal cost = BigDecimal.ZERO;
        private String unpriced;

        RowBuilder(String model, boolean mapped) {
            this.model = model;
            this.mapped = mapped;
        }

        RowBuilder tag(String value) {
            tag = value;
            return this;
        }

        /** Adds a group and its cost (priced once, by the caller, at its day's price). */
        RowBuilder add(String logged, UsageAggregator.Group group, Priced priced) {
            if (!loggedIds.contains(logged)) {
                loggedIds.add(logged);
            }
            sums.mergeSums(group);
            if (shapes.add(group.shape)) {
                sums.shape.merge(group.shape);
            }
            if (unpriced == null) {
                if (priced.cost() == null) {
                    unpriced = priced.why();
                } else {
                    cost = cost.add(priced.cost());
                }
            }
            return this;
        }

        /**
         * The on-demand cost of {@code group} at {@code price} (standard and long-context calls each at
         * their rates), or no cost and the reason when a rate it needs is missing.
         */
        static Priced cost(UsageAggregator.Group group, ModelPrice price, RateCard card) {
            BigDecimal total = BigDecimal.ZERO;
            for (int band = 0; band < 2; band++) {
                if (group.calls[band] == 0) {
                    continue;
                }
                TokenPrices rates = ModeRates.resolve(price, card.defaults(), Mode.ON_DEMAND, band == 1);
                BigDecimal part = BigDecimal.ZERO;
                long[] counts = {group.input[band], group.cacheRead[band], group.cacheWrite[band], group.output[band]};
                BigDecimal[] prices = {rates.input(), rates.cacheRead(), rates.cacheWrite(), rates.output()};
                String[] names = {"input", "cache read", "cache write", "output"};
                for (int i = 0; i < 4; i++) {
                    if (counts[i] == 0) {
                        continue;
                    }
                    if (prices[i] == null) {
                        return new Priced(null, price.id() + " has no " + (band == 1 ? "long-context " : "")
                                + names[i] + " price on " + card.id());
                    }
                    part = part.add(BigDecimal.valueOf(counts[i]).multiply(prices[i]));
                }
                total = total.add(part.movePointLeft(6));
            }
            return new Priced(total, null);
        }

        /** A call-shape percentile, or -1 when the calls came as sums (a SQL result) and no shape is known. */
        private long shape(LogHistogram histogram, int percentile) {
            return histogram.count() == 0 && sums.totalCalls() > 0 ? -1 : histogram.percentile(percentile);
        }

        Row build() {
            return new Row(model, mapped, List.copyOf(loggedIds), tag, sums.totalCalls(),
                    sums.input[0] + sums.input[1], sums.cacheRead[0] + sums.cacheRead[1],
                    sums.cacheWrite[0] + sums.cacheWrite[1], sums.output[0] + sums.output[1], sums.calls[1],
                    unpriced == null ? cost : null, unpriced, shape(sums.shape.input, 50),
                    shape(sums.shape.input, 95), shape(sums.shape.output, 50), shape(sums.shape.output, 95),
                    null);
        }
    }
}
