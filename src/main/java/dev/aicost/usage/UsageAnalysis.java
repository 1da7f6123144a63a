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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    }

    /** The hourly profile: tokens of every hour from {@code first} on, and its percentiles. */
    public record Hourly(Instant first, List<BigDecimal> tokens, BigDecimal p50, BigDecimal p75, BigDecimal p95,
            BigDecimal max) {
        public int hours() {
            return tokens.size();
        }
    }

    /** The analysis of one read. */
    public record Result(long records, long malformed, List<UsageAggregator.Malformed> samples, List<Row> models,
            List<Row> groups, Hourly hourly, BigDecimal totalCost) {
    }

    public static Result analyse(UsageAggregator aggregate, RateCard card) {
        Map<String, RowBuilder> byModel = new LinkedHashMap<>();
        Map<String, RowBuilder> byGroup = new LinkedHashMap<>();
        boolean tagged = false;
        List<Map.Entry<UsageAggregator.GroupKey, UsageAggregator.Group>> entries =
                new ArrayList<>(aggregate.groups().entrySet());
        entries.sort(Comparator.comparing((Map.Entry<UsageAggregator.GroupKey, UsageAggregator.Group> e) ->
                e.getKey().modelId()).thenComparing(e -> String.valueOf(e.getKey().tag())));
        for (Map.Entry<UsageAggregator.GroupKey, UsageAggregator.Group> entry : entries) {
            String logged = entry.getKey().modelId();
            ModelPrice model = card == null ? null : card.find(logged).orElse(null);
            String key = model == null ? logged : model.id();
            byModel.computeIfAbsent(key, k -> new RowBuilder(k, model)).add(logged, entry.getValue());
            if (entry.getKey().tag() != null) {
                tagged = true;
                byGroup.computeIfAbsent(entry.getKey().tag() + "\u0000" + key,
                        k -> new RowBuilder(key, model).tag(entry.getKey().tag())).add(logged, entry.getValue());
            }
        }
        List<Row> models = byModel.values().stream().map(b -> b.build(card)).toList();
        List<Row> groups = tagged ? byGroup.values().stream().map(b -> b.build(card))
                .sorted(Comparator.comparing(Row::tag).thenComparing(Row::model)).toList() : List.of();
        BigDecimal total = BigDecimal.ZERO;
        for (Row row : models) {
            if (row.cost() != null) {
                total = total.add(row.cost());
            }
        }
        return new Result(aggregate.records(), aggregate.malformedCount(), aggregate.malformedSamples(), models, groups,
                hourly(aggregate.hourly()), total);
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

    /** Collects the groups that make one row. */
    private static final class RowBuilder {
        private final String model;
        private final ModelPrice price;
        private String tag;
        private final List<String> loggedIds = new ArrayList<>();
        private final UsageAggregator.Group sums = new UsageAggregator.Group();

        RowBuilder(String model, ModelPrice price) {
            this.model = model;
            this.price = price;
        }

        RowBuilder tag(String value) {
            tag = value;
            return this;
        }

        RowBuilder add(String logged, UsageAggregator.Group group) {
            if (!loggedIds.contains(logged)) {
                loggedIds.add(logged);
            }
            for (int band = 0; band < 2; band++) {
                sums.calls[band] += group.calls[band];
                sums.input[band] += group.input[band];
                sums.cacheRead[band] += group.cacheRead[band];
                sums.cacheWrite[band] += group.cacheWrite[band];
                sums.output[band] += group.output[band];
            }
            sums.inputShape.merge(group.inputShape);
            sums.outputShape.merge(group.outputShape);
            return this;
        }

        Row build(RateCard card) {
            BigDecimal cost = null;
            String unpriced = price == null ? "not on " + (card == null ? "the rate card" : card.id()) : null;
            if (price != null) {
                cost = BigDecimal.ZERO;
                for (int band = 0; band < 2 && unpriced == null; band++) {
                    if (sums.calls[band] == 0) {
                        continue;
                    }
                    TokenPrices rates = ModeRates.resolve(price, card.defaults(), Mode.ON_DEMAND, band == 1);
                    BigDecimal part = BigDecimal.ZERO;
                    long[] counts = {sums.input[band], sums.cacheRead[band], sums.cacheWrite[band], sums.output[band]};
                    BigDecimal[] prices = {rates.input(), rates.cacheRead(), rates.cacheWrite(), rates.output()};
                    String[] names = {"input", "cache read", "cache write", "output"};
                    for (int i = 0; i < 4; i++) {
                        if (counts[i] == 0) {
                            continue;
                        }
                        if (prices[i] == null) {
                            unpriced = price.id() + " has no " + (band == 1 ? "long-context " : "") + names[i]
                                    + " price on " + card.id();
                            break;
                        }
                        part = part.add(BigDecimal.valueOf(counts[i]).multiply(prices[i]));
                    }
                    cost = cost.add(part.movePointLeft(6));
                }
                if (unpriced != null) {
                    cost = null;
                }
            }
            return new Row(model, price != null, List.copyOf(loggedIds), tag, sums.totalCalls(),
                    sums.input[0] + sums.input[1], sums.cacheRead[0] + sums.cacheRead[1],
                    sums.cacheWrite[0] + sums.cacheWrite[1], sums.output[0] + sums.output[1], sums.calls[1], cost,
                    unpriced, sums.inputShape.percentile(50), sums.inputShape.percentile(95),
                    sums.outputShape.percentile(50), sums.outputShape.percentile(95), null);
        }
    }
}
