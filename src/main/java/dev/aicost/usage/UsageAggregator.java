package dev.aicost.usage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Sums calls by model id (as logged) and tag, and tokens by hour, in fixed memory per group.
 * One aggregator per thread; {@link #merge} combines them. Calls whose input (with cache tokens)
 * is above the model's long-context threshold are kept apart so they can be priced at those rates.
 */
public final class UsageAggregator {
    /** A model's long-context threshold in input tokens, or a value <= 0 for none. */
    private final ToLongFunction<String> longContextThreshold;
    private final Map<String, Long> thresholds = new HashMap<>();
    private final Map<GroupKey, Group> groups = new HashMap<>();
    /** The call shapes of each model, tag and region, over all days (a histogram is 58 KB: not one a day). */
    private final Map<ShapeKey, Shape> shapes = new HashMap<>();
    private final Map<Long, long[]> hourly = new HashMap<>();
    private final Map<RegionRoute, long[]> routes = new HashMap<>();
    private long records;
    private long malformed;
    private final List<Malformed> samples = new ArrayList<>();
    static final int SAMPLES = 5;

    public UsageAggregator(ToLongFunction<String> longContextThreshold) {
        this.longContextThreshold = longContextThreshold;
    }

    /**
     * The group of calls of one logged model id, one tag value (null without --by), one region
     * the calls were made in (null when the record has none) and one UTC day (days since
     * 1970-01-01): a call is priced at the price in force on its day, and the trend is daily.
     */
    public record GroupKey(String modelId, String tag, String region, long day) {
        // equals and hashCode written out: a record's own are linked through invokedynamic at their
        // first call, about 10 ms of a short run for each record type used as a map key
        @Override
        public boolean equals(Object other) {
            return other instanceof GroupKey k && day == k.day && Objects.equals(modelId, k.modelId)
                    && Objects.equals(tag, k.tag) && Objects.equals(region, k.region);
        }

        @Override
        public int hashCode() {
            return ((Objects.hashCode(modelId) * 31 + Objects.hashCode(tag)) * 31 + Objects.hashCode(region)) * 31
                    + Long.hashCode(day);
        }
    }

    /** The calls whose shape is kept together: one logged model id, tag and region, every day. */
    record ShapeKey(String modelId, String tag, String region) {
        // written out, as GroupKey's
        @Override
        public boolean equals(Object other) {
            return other instanceof ShapeKey k && Objects.equals(modelId, k.modelId) && Objects.equals(tag, k.tag)
                    && Objects.equals(region, k.region);
        }

        @Override
        public int hashCode() {
            return (Objects.hashCode(modelId) * 31 + Objects.hashCode(tag)) * 31 + Objects.hashCode(region);
        }
    }

    /** Input tokens per call (cache tokens included) and output tokens per call. */
    public static final class Shape {
        public final LogHistogram input = new LogHistogram();
        public final LogHistogram output = new LogHistogram();

        public void merge(Shape other) {
            input.merge(other.input);
            output.merge(other.output);
        }
    }

    /** Calls made in {@code region} that cross-region inference served in {@code inferenceRegion}. */
    public record RegionRoute(String region, String inferenceRegion) {
        // written out, as GroupKey's
        @Override
        public boolean equals(Object other) {
            return other instanceof RegionRoute r && Objects.equals(region, r.region)
                    && Objects.equals(inferenceRegion, r.inferenceRegion);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(region) * 31 + Objects.hashCode(inferenceRegion);
        }
    }

    /** A record that could not be read: where and why. */
    public record Malformed(String file, long line, String message) {
    }

    /**
     * Sums for one group; index 0 is standard-context calls, 1 long-context calls. {@code shape} is
     * shared by the groups of every day of one model, tag and region.
     */
    public static final class Group {
        public final long[] calls = new long[2];
        public final long[] input = new long[2];
        public final long[] cacheRead = new long[2];
        public final long[] cacheWrite = new long[2];
        public final long[] output = new long[2];
        public final Shape shape;

        public Group(Shape shape) {
            this.shape = shape;
        }

        /** Adds {@code other}'s sums (not its shape, which other groups may share). */
        void mergeSums(Group other) {
            for (int i = 0; i < 2; i++) {
                calls[i] += other.calls[i];
                input[i] += other.input[i];
                cacheRead[i] += other.cacheRead[i];
                cacheWrite[i] += other.cacheWrite[i];
                output[i] += other.output[i];
            }
        }

        public long totalCalls() {
            return calls[0] + calls[1];
        }
    }

    /**
     * One call made in {@code region} (null when not logged), served in {@code inferenceRegion} when
     * cross-region inference re-routed it (else null).
     */
    public void add(String modelId, String tag, String region, String inferenceRegion, long epochHour, long input,
            long cacheRead, long cacheWrite, long output) {
        records++;
        Group group = groups.computeIfAbsent(new GroupKey(modelId, tag, region, Math.floorDiv(epochHour, 24)),
                this::newGroup);
        if (region != null || inferenceRegion != null) {
            routes.computeIfAbsent(new RegionRoute(region, inferenceRegion), k -> new long[1])[0]++;
        }
        long allInput = input + cacheRead + cacheWrite;
        long threshold = longContextThreshold(modelId);
        int band = threshold > 0 && allInput > threshold ? 1 : 0;
        group.calls[band]++;
        group.input[band] += input;
        group.cacheRead[band] += cacheRead;
        group.cacheWrite[band] += cacheWrite;
        group.output[band] += output;
        group.shape.input.add(allInput);
        group.shape.output.add(output);
        hourly.computeIfAbsent(epochHour, h -> new long[1])[0] += allInput + output;
    }

    /**
     * Sums already made elsewhere (a row of a SQL result): {@code calls} calls of one model, tag,
     * region, inference region, hour and context band ({@code band} 1 for long context). No call
     * shape is known, so none is added.
     */
    public void addSums(String modelId, String tag, String region, String inferenceRegion, long epochHour, int band,
            long calls, long input, long cacheRead, long cacheWrite, long output) {
        addDaySums(modelId, tag, region, inferenceRegion, Math.floorDiv(epochHour, 24), band, calls, input, cacheRead,
                cacheWrite, output);
        addHourTokens(epochHour, input + cacheRead + cacheWrite + output);
    }

    /**
     * Sums of {@code calls} calls of one model, tag, region, inference region, day and context
     * band, without their hours: the tokens of each hour come through {@link #addHourTokens}.
     */
    void addDaySums(String modelId, String tag, String region, String inferenceRegion, long epochDay, int band,
            long calls, long input, long cacheRead, long cacheWrite, long output) {
        records += calls;
        Group group = groups.computeIfAbsent(new GroupKey(modelId, tag, region, epochDay), this::newGroup);
        if (region != null || inferenceRegion != null) {
            routes.computeIfAbsent(new RegionRoute(region, inferenceRegion), k -> new long[1])[0] += calls;
        }
        group.calls[band] += calls;
        group.input[band] += input;
        group.cacheRead[band] += cacheRead;
        group.cacheWrite[band] += cacheWrite;
        group.output[band] += output;
    }

    /** Tokens (input, cache and output) of calls already counted, in the hour {@code epochHour}. */
    void addHourTokens(long epochHour, long tokens) {
        hourly.computeIfAbsent(epochHour, h -> new long[1])[0] += tokens;
    }

    /** The long-context threshold of a logged model id in input tokens, or a value <= 0 for none. */
    long longContextThreshold(String modelId) {
        return thresholds.computeIfAbsent(modelId, longContextThreshold::applyAsLong);
    }

    /** Adds the call shapes of calls already counted through {@link #addSums} (copied, not kept). */
    void addShape(String modelId, String tag, String region, Shape shape) {
        shapes.computeIfAbsent(new ShapeKey(modelId, tag, region), k -> new Shape()).merge(shape);
    }

    private Group newGroup(GroupKey key) {
        return new Group(shapes.computeIfAbsent(new ShapeKey(key.modelId(), key.tag(), key.region()), k -> new Shape()));
    }

    public void malformed(String file, long line, String message) {
        malformed++;
        if (samples.size() < SAMPLES) {
            samples.add(new Malformed(file, line, message));
        }
    }

    public void merge(UsageAggregator other) {
        records += other.records;
        malformed += other.malformed;
        for (Malformed sample : other.samples) {
            if (samples.size() < SAMPLES) {
                samples.add(sample);
            }
        }
        other.groups.forEach((key, group) -> groups.computeIfAbsent(key, this::newGroup).mergeSums(group));
        other.shapes.forEach((key, shape) -> shapes.computeIfAbsent(key, k -> new Shape()).merge(shape));
        other.hourly.forEach((hour, tokens) -> hourly.computeIfAbsent(hour, h -> new long[1])[0] += tokens[0]);
        other.routes.forEach((route, calls) -> routes.computeIfAbsent(route, r -> new long[1])[0] += calls[0]);
    }

    /** Calls per (region, inference region) pair, for records that named either. */
    public Map<RegionRoute, Long> routes() {
        Map<RegionRoute, Long> copy = new HashMap<>();
        routes.forEach((route, calls) -> copy.put(route, calls[0]));
        return copy;
    }

    /** How many malformed samples are kept (at most {@link #SAMPLES}). */
    int sampleCount() {
        return samples.size();
    }

    /** The malformed samples kept, in the order they were met. */
    List<Malformed> samples() {
        return List.copyOf(samples);
    }

    /** Keeps {@code kept} as the malformed samples, in place of those merged. */
    void keepSamples(List<Malformed> kept) {
        samples.clear();
        samples.addAll(kept);
    }

    public long records() {
        return records;
    }

    public long malformedCount() {
        return malformed;
    }

    public List<Malformed> malformedSamples() {
        // by file, then line (written out: see UsageAnalysis.compareGroups)
        List<Malformed> sorted = new ArrayList<>(samples);
        sorted.sort((a, b) -> a.file().equals(b.file()) ? Long.compare(a.line(), b.line())
                : a.file().compareTo(b.file()));
        return List.copyOf(sorted);
    }

    public Map<GroupKey, Group> groups() {
        return groups;
    }

    /** Tokens per hour, ascending. */
    public TreeMap<Long, Long> hourly() {
        TreeMap<Long, Long> sorted = new TreeMap<>();
        hourly.forEach((hour, tokens) -> sorted.put(hour, tokens[0]));
        return sorted;
    }
}
