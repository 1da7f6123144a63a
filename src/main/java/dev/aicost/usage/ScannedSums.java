package dev.aicost.usage;

import dev.aicost.usage.FastRecordScanner.Interner.Entry;
import java.util.HashMap;
import java.util.Map;

/**
 * Sums of the records one {@link FastRecordScanner} read, kept per (model, tag, region, inference
 * region, day) in a primitive open-addressing table keyed by the scanner's interned-string
 * numbers, with the tokens of each hour in a second one, and handed to a {@link UsageAggregator}
 * once, at the end of a part. Per record this is one hash probe on a long in each;
 * {@link UsageAggregator#add} makes four map lookups with three new key objects, which took about a
 * fifth of a one-thread scan. (Keyed by hour, the one table of a month-long log outgrew the
 * processor's cache: 4,320 groups spread over 1.6 MB of arrays, against 180 groups' 14 KB of sums
 * by day and 720 hours' 16 KB.) A record whose strings the scanner did not number (past its 256
 * distinct values) or whose day does not fit goes to the aggregator directly; both routes give the
 * same sums.
 */
final class ScannedSums {
    private static final int FIELDS = 10; // calls, input, cache read, cache write, output; x2 context bands
    private static final int INDEX_BITS = 9;
    private static final long DAY_LIMIT = 1L << (64 - 4 * INDEX_BITS);
    /** At most this many groups are summed here before they are handed on (memory stays flat). */
    private static final int MAX_SLOTS = 1 << 20;

    private final FastRecordScanner scanner;
    private final UsageAggregator aggregator;
    private final boolean tagged;
    private long[] keys = new long[1 << 12];
    private long[] sums = new long[keys.length * FIELDS];
    private Entry[][] names = new Entry[keys.length][];
    private int[] shapeOf = new int[keys.length];
    private int used;
    private final Map<Integer, Integer> shapeIndex = new HashMap<>();
    /** Hours since the epoch plus one (0: an empty slot) and their tokens. */
    private long[] hourKeys = new long[1 << 10];
    private long[] hourTokens = new long[hourKeys.length];
    private int hoursUsed;
    private UsageAggregator.Shape[] shapes = new UsageAggregator.Shape[16];
    /** Long-context thresholds by model number (index + 1); Long.MIN_VALUE while not looked up. */
    private final long[] thresholds = new long[FastRecordScanner.Interner.LIMIT + 1];

    ScannedSums(FastRecordScanner scanner, UsageAggregator aggregator, boolean tagged) {
        this.scanner = scanner;
        this.aggregator = aggregator;
        this.tagged = tagged;
        java.util.Arrays.fill(thresholds, Long.MIN_VALUE);
    }

    /** Adds the record the scanner just read at {@code hour} (hours since the epoch). */
    void add(long hour) {
        Entry model = scanner.modelEntry();
        Entry tag = tagged ? scanner.tagEntry() : FastRecordScanner.Interner.ABSENT;
        Entry region = scanner.regionEntry();
        Entry inference = scanner.inferenceEntry();
        long day = hour / 24;
        if (model == null || tag == null || region == null || inference == null || hour < 0 || day >= DAY_LIMIT) {
            addDirectly(hour);
            return;
        }
        if (used >= MAX_SLOTS || hoursUsed >= MAX_SLOTS) {
            flush(); // a log of very many days, hours and tags: hand the sums over and keep the tables' size
        }
        long key = ((((((day << INDEX_BITS) | model.number()) << INDEX_BITS) | tag.number()) << INDEX_BITS)
                | region.number()) << INDEX_BITS | inference.number();
        int slot = slot(keys, key);
        if (keys[slot] == 0) { // model numbers start at 1, so no key is 0
            slot = newSlot(slot, key, model, tag, region, inference);
        }
        long input = scanner.input;
        long cacheRead = scanner.cacheRead;
        long cacheWrite = scanner.cacheWrite;
        long output = scanner.output;
        long allInput = input + cacheRead + cacheWrite;
        long threshold = thresholds[model.number()];
        if (threshold == Long.MIN_VALUE) {
            threshold = aggregator.longContextThreshold(model.value());
            thresholds[model.number()] = threshold;
        }
        int at = slot * FIELDS + (threshold > 0 && allInput > threshold ? 5 : 0);
        sums[at]++;
        sums[at + 1] += input;
        sums[at + 2] += cacheRead;
        sums[at + 3] += cacheWrite;
        sums[at + 4] += output;
        UsageAggregator.Shape shape = shapes[shapeOf[slot]];
        shape.input.add(allInput);
        shape.output.add(output);
        addHour(hour + 1, allInput + output);
    }

    /** Adds {@code tokens} to the hour whose key (hour plus one) is {@code hourKey}. */
    private void addHour(long hourKey, long tokens) {
        int slot = slot(hourKeys, hourKey);
        if (hourKeys[slot] == 0) {
            if ((hoursUsed + 1) * 2 > hourKeys.length) {
                growHours();
                slot = slot(hourKeys, hourKey);
            }
            hourKeys[slot] = hourKey;
            hoursUsed++;
        }
        hourTokens[slot] += tokens;
    }

    private void growHours() {
        long[] oldKeys = hourKeys;
        long[] oldTokens = hourTokens;
        hourKeys = new long[oldKeys.length * 2];
        hourTokens = new long[hourKeys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int at = slot(hourKeys, oldKeys[i]);
                hourKeys[at] = oldKeys[i];
                hourTokens[at] = oldTokens[i];
            }
        }
    }

    private void addDirectly(long hour) {
        String tag = null;
        if (tagged) {
            tag = scanner.tag();
            tag = tag == null ? InvocationLogReader.UNTAGGED : tag;
        }
        aggregator.add(scanner.modelId(), tag, scanner.region(), scanner.inferenceRegion(), hour, scanner.input,
                scanner.cacheRead, scanner.cacheWrite, scanner.output);
    }

    private int newSlot(int slot, long key, Entry model, Entry tag, Entry region, Entry inference) {
        keys[slot] = key;
        names[slot] = new Entry[] {model, tag, region, inference};
        int shapeKey = (((model.number() << INDEX_BITS) | tag.number()) << INDEX_BITS) | region.number();
        Integer known = shapeIndex.get(shapeKey);
        int index;
        if (known == null) {
            index = shapeIndex.size();
            if (index == shapes.length) {
                shapes = java.util.Arrays.copyOf(shapes, index * 2);
            }
            shapes[index] = new UsageAggregator.Shape();
            shapeIndex.put(shapeKey, index);
        } else {
            index = known;
        }
        shapeOf[slot] = index;
        if (++used * 2 <= keys.length) {
            return slot;
        }
        grow();
        return slot(keys, key);
    }

    /**
     * The slot of {@code key} in an open-addressing table of a power-of-two size (0 marks an empty
     * slot), or the empty slot where its probe ends when it is not there.
     */
    private static int slot(long[] table, long key) {
        int mask = table.length - 1;
        int at = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (table[at] != key && table[at] != 0) {
            at = (at + 1) & mask;
        }
        return at;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldSums = sums;
        Entry[][] oldNames = names;
        int[] oldShapes = shapeOf;
        keys = new long[oldKeys.length * 2];
        sums = new long[keys.length * FIELDS];
        names = new Entry[keys.length][];
        shapeOf = new int[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            long key = oldKeys[i];
            if (key == 0) {
                continue;
            }
            int at = slot(keys, key);
            keys[at] = key;
            System.arraycopy(oldSums, i * FIELDS, sums, at * FIELDS, FIELDS);
            names[at] = oldNames[i];
            shapeOf[at] = oldShapes[i];
        }
    }

    /** Hands every sum and call shape to the aggregator, and starts empty. */
    void flush() {
        boolean[] shapeDone = new boolean[shapeIndex.size()];
        for (int slot = 0; slot < keys.length; slot++) {
            long key = keys[slot];
            if (key == 0) {
                continue;
            }
            long day = key >>> (4 * INDEX_BITS);
            Entry[] entry = names[slot];
            String model = entry[0].value();
            String tag = tagged ? (entry[1].value() == null ? InvocationLogReader.UNTAGGED : entry[1].value()) : null;
            String region = entry[2].value();
            String inference = entry[3].value();
            for (int band = 0; band < 2; band++) {
                int at = slot * FIELDS + band * 5;
                if (sums[at] > 0) {
                    aggregator.addDaySums(model, tag, region, inference, day, band, sums[at], sums[at + 1],
                            sums[at + 2], sums[at + 3], sums[at + 4]);
                }
            }
            int shape = shapeOf[slot];
            if (!shapeDone[shape]) {
                shapeDone[shape] = true;
                aggregator.addShape(model, tag, region, shapes[shape]);
            }
        }
        for (int slot = 0; slot < hourKeys.length; slot++) {
            if (hourKeys[slot] != 0) {
                aggregator.addHourTokens(hourKeys[slot] - 1, hourTokens[slot]);
            }
        }
        java.util.Arrays.fill(hourKeys, 0);
        java.util.Arrays.fill(hourTokens, 0);
        hoursUsed = 0;
        java.util.Arrays.fill(keys, 0);
        java.util.Arrays.fill(sums, 0);
        java.util.Arrays.fill(names, null);
        used = 0;
        shapeIndex.clear();
    }
}
